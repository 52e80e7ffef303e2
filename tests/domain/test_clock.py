"""The injectable clock."""

import datetime as dt

from crmdesk.domain.clock import FixedClock, local_date, today


def test_fixed_clock_stands_still_until_advanced() -> None:
    clock = FixedClock(dt.datetime(2026, 12, 31, 23, 0))
    assert today(clock) == dt.date(2026, 12, 31)
    clock.advance(hours=2)
    assert today(clock) == dt.date(2027, 1, 1)
    assert local_date(clock.now_ms()) == dt.date(2027, 1, 1)
