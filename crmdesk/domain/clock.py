"""One injectable source of time for the whole program.

Timestamps are stored as integer milliseconds since the Unix epoch (UTC); they sort, compare
and travel between SQLite and PostgreSQL without time-zone surprises. Local dates (for
"today", birthdays and due dates) are derived from them in the machine's time zone.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Protocol


class Clock(Protocol):
    def now_ms(self) -> int: ...


class SystemClock:
    """The real wall clock."""

    def now_ms(self) -> int:
        return time.time_ns() // 1_000_000


class FixedClock:
    """A clock for tests: stands still until advanced."""

    def __init__(self, at: dt.datetime | int) -> None:
        self._ms = at if isinstance(at, int) else to_ms(at)

    def now_ms(self) -> int:
        return self._ms

    def advance(self, *, days: float = 0, hours: float = 0, seconds: float = 0) -> None:
        self._ms += int((days * 86400 + hours * 3600 + seconds) * 1000)


def to_ms(moment: dt.datetime) -> int:
    """Milliseconds since the epoch; naive datetimes are read as local time."""
    return int(moment.timestamp() * 1000)


def from_ms(ms: int) -> dt.datetime:
    """An aware datetime in the local time zone."""
    return dt.datetime.fromtimestamp(ms / 1000).astimezone()


def local_date(ms: int) -> dt.date:
    """The calendar day, in local time, of a stored timestamp."""
    return from_ms(ms).date()


def today(clock: Clock) -> dt.date:
    return local_date(clock.now_ms())


def as_date(value: dt.date | str | None) -> dt.date | None:
    """A stored date as a date: engines hand back a date or its ISO text."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
