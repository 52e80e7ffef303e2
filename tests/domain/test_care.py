"""Birthdays and festivals on the right solar day, lunar edge cases included."""

from __future__ import annotations

import datetime as dt

import pytest

from crmdesk.domain import care
from crmdesk.domain.errors import ValidationError

D = dt.date


@pytest.mark.parametrize(("calendar", "month", "day", "leap", "after", "expected"), [
    ("solar", 12, 9, False, D(2026, 12, 2), D(2026, 12, 9)),
    ("solar", 12, 1, False, D(2026, 12, 2), D(2027, 12, 1)),  # passed this year: next year
    ("solar", 1, 1, False, D(2026, 12, 31), D(2027, 1, 1)),  # across the year end
    ("solar", 2, 29, False, D(2026, 3, 1), D(2027, 2, 28)),  # common year: the 28th
    ("solar", 2, 29, False, D(2027, 3, 1), D(2028, 2, 29)),  # leap year: the day itself
    ("lunar", 1, 1, False, D(2026, 12, 2), D(2027, 2, 6)),  # Spring Festival 2027
    ("lunar", 8, 15, False, D(2026, 1, 1), D(2026, 9, 25)),  # Mid-Autumn 2026
    ("lunar", 1, 30, False, D(2024, 1, 1), D(2024, 3, 9)),  # 2024's first month has 29 days: the 29th
    ("lunar", 2, 1, True, D(2023, 3, 1), D(2023, 3, 22)),  # 2023 has a leap second month
    ("lunar", 2, 1, True, D(2024, 1, 1), D(2024, 3, 10)),  # 2024 has none: the ordinary month
    ("lunar", 12, 30, False, D(2025, 1, 1), D(2025, 1, 28)),  # 2024's twelfth month: 29 days → its last day
])
def test_next_yearly(calendar, month, day, leap, after, expected) -> None:
    assert care.next_yearly(calendar, month, day, leap, after) == expected


def test_a_thirtieth_in_a_29_day_month_falls_on_the_29th() -> None:
    assert care.lunar_in_year(2024, 1, 30) == care.lunar_to_solar(2024, 1, 29)


@pytest.mark.parametrize(("year", "month", "day", "leap"), [(2024, 2, 1, True), (2024, 1, 30, False), (2200, 1, 1, False)])
def test_impossible_lunar_dates_are_refused(year, month, day, leap) -> None:
    with pytest.raises(ValidationError, match="does not exist"):
        care.lunar_to_solar(year, month, day, leap)


def test_lunar_birthday_checks() -> None:
    care.check_lunar_birthday(None, 2, 1, True)  # the year is unknown: a leap month may have been
    care.check_lunar_birthday(2023, 2, 1, True)
    with pytest.raises(ValidationError):
        care.check_lunar_birthday(2024, 2, 1, True)
    with pytest.raises(ValidationError):
        care.check_lunar_birthday(None, 13, 1, False)


def test_holidays_in_a_year() -> None:
    found = care.holiday_dates(care.DEFAULT_HOLIDAYS, D(2026, 12, 1), D(2027, 12, 1))
    assert [(h.key, d) for h, d in found] == [("new_year", D(2027, 1, 1)), ("spring_festival", D(2027, 2, 6)),
                                             ("mid_autumn", D(2027, 9, 15)), ("national_day", D(2027, 10, 1))]


def test_limits() -> None:
    with pytest.raises(ValidationError):
        care.check_lead_days(61)
    with pytest.raises(ValidationError):
        care.check_cadence(0)
    assert care.check_cadence(None) is None


def test_lunar_birthdays_with_a_known_year_must_exist_then() -> None:
    from crmdesk.domain.customer import CustomerInput, check_birthday

    check_birthday(CustomerInput(name="x", birthday_calendar="lunar", birth_year=2023, birth_month=2, birth_day=1,
                                 birth_leap_month=True))
    with pytest.raises(ValidationError, match="does not exist"):
        check_birthday(CustomerInput(name="x", birthday_calendar="lunar", birth_year=2024, birth_month=2,
                                     birth_day=1, birth_leap_month=True))
    with pytest.raises(ValidationError, match="does not exist"):
        check_birthday(CustomerInput(name="x", birthday_calendar="lunar", birth_year=2024, birth_month=1,
                                     birth_day=30))
    with pytest.raises(ValidationError, match="not a real date"):
        check_birthday(CustomerInput(name="x", birth_month=2, birth_day=30))


def test_a_leap_month_30th_falls_on_the_leap_months_29th_first() -> None:
    # 2001 has a leap fourth month of 29 days: its "30th" is its last day, not the ordinary 4/30
    assert care.lunar_in_year(2001, 4, 30, leap=True) == care.lunar_to_solar(2001, 4, 29, leap=True)
