"""Hybrid logical clocks: the order of changes made on different machines.

An HLC value is one integer, ``wall_ms << 16 | counter``: the wall-clock milliseconds of the
injected clock, and a counter that breaks ties inside one millisecond (and keeps the clock
moving forward when the wall clock stands still or goes back). Values compare as integers,
sort in SQL, and fit a signed 64-bit column on SQLite and PostgreSQL alike. Where two
replicas produce the same value, the replica id stored beside it breaks the tie.

Rules: :func:`tick` gives a local event a value greater than any value seen before;
:func:`receive` moves the clock past a value that came from a peer, so an edit made after a
sync always orders after what the sync brought in, even when the peer's clock runs ahead.
Skew beyond :data:`MAX_SKEW_MS` between two replicas' wall clocks is not refused (the clock
stays correct), but :func:`skew` finds it so the sync can report it.
"""

from __future__ import annotations

COUNTER_BITS = 16
COUNTER_MAX = (1 << COUNTER_BITS) - 1
MAX_SKEW_MS = 5 * 60 * 1000  # five minutes: beyond this a peer's clock is reported as wrong
ZERO = 0


def pack(wall_ms: int, counter: int = 0) -> int:
    if not 0 <= counter <= COUNTER_MAX:
        raise ValueError(f"HLC counter out of range: {counter}")
    return (int(wall_ms) << COUNTER_BITS) | counter


def wall(value: int) -> int:
    return value >> COUNTER_BITS


def counter(value: int) -> int:
    return value & COUNTER_MAX


def tick(last: int, now_ms: int) -> int:
    """The value of a new local event after ``last``, at wall time ``now_ms``."""
    if now_ms > wall(last):
        return pack(now_ms, 0)
    if counter(last) < COUNTER_MAX:
        return last + 1
    return pack(wall(last) + 1, 0)  # counter full: borrow the next millisecond


def receive(last: int, remote: int, now_ms: int) -> int:
    """The clock after seeing ``remote`` from a peer: past both ``last`` and ``remote``."""
    return tick(max(last, remote), now_ms)


def skew(peer_now_ms: int, own_now_ms: int) -> int | None:
    """The difference of a peer's wall clock to ours (ms, positive: the peer is ahead) when
    it exceeds :data:`MAX_SKEW_MS`, else None."""
    diff = int(peer_now_ms) - int(own_now_ms)
    return diff if abs(diff) > MAX_SKEW_MS else None


def describe(value: int) -> str:
    """A readable form for logs and tests: ``wall.counter``."""
    return f"{wall(value)}.{counter(value)}"
