"""The hybrid logical clock: monotonic whatever the wall clock does, and skew detected."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crmdesk.domain import hlc

T = 1_790_000_000_000  # ms, late 2026


def test_pack_orders_by_wall_then_counter() -> None:
    assert hlc.pack(T, 5) < hlc.pack(T, 6) < hlc.pack(T + 1, 0)
    assert hlc.wall(hlc.pack(T, 7)) == T and hlc.counter(hlc.pack(T, 7)) == 7
    assert hlc.pack(T, hlc.COUNTER_MAX) < 2**63  # fits a signed BIGINT


def test_tick_follows_the_wall_clock_when_it_moves_on() -> None:
    assert hlc.tick(hlc.pack(T, 3), T + 10) == hlc.pack(T + 10, 0)


def test_tick_counts_when_the_wall_clock_stands_still_or_goes_back() -> None:
    last = hlc.pack(T, 3)
    assert hlc.tick(last, T) == hlc.pack(T, 4)
    assert hlc.tick(last, T - 60_000) == hlc.pack(T, 4)  # NTP stepped the clock back a minute


def test_a_full_counter_borrows_the_next_millisecond() -> None:
    assert hlc.tick(hlc.pack(T, hlc.COUNTER_MAX), T) == hlc.pack(T + 1, 0)


def test_receive_moves_past_a_peer_that_runs_ahead() -> None:
    ahead = hlc.pack(T + 3_600_000, 9)  # the peer's clock is an hour fast
    after = hlc.receive(hlc.pack(T, 0), ahead, T)
    assert after > ahead
    # an edit made here after the sync still orders after what the sync brought
    assert hlc.tick(after, T + 1) > ahead


def test_skew_is_reported_beyond_five_minutes_either_way() -> None:
    assert hlc.skew(T + 4 * 60_000, T) is None
    assert hlc.skew(T + 6 * 60_000, T) == 6 * 60_000
    assert hlc.skew(T - 10 * 60_000, T) == -10 * 60_000


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(-10**7, 10**7), st.booleans(), st.integers(0, 10**8)), min_size=1, max_size=40))
def test_values_only_ever_grow(steps: list[tuple[int, bool, int]]) -> None:
    """Any mix of local events and received values, with a wall clock jumping both ways."""
    value = 0
    for jump, received, remote_offset in steps:
        now = T + jump
        before = value
        if received:
            remote = hlc.pack(T + remote_offset // 1000, remote_offset % 1000)
            value = hlc.receive(value, remote, now)
            assert value > remote
        else:
            value = hlc.tick(value, now)
        assert value > before
        assert hlc.wall(value) >= now or value > before
