"""Rules of the care calendar: when birthdays (solar or lunar) and holidays fall, how far ahead
a reminder appears, and when a customer is due for contact.

Plain Python (with the lunardate tables): the services turn these dates into care tasks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from crmdesk.domain.enums import BirthdayCalendar
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError

LUNAR_FIRST_YEAR, LUNAR_LAST_YEAR = 1900, 2099  # the range of the lunar tables
DEFAULT_LEAD_DAYS = 7
MAX_LEAD_DAYS = 60
MAX_CADENCE_DAYS = 3650


def lunar_to_solar(year: int, month: int, day: int, leap: bool = False) -> dt.date:
    """The solar date of a lunar date; a ValidationError when that lunar date does not exist
    (a leap month the year does not have, a 30th in a 29-day month, outside 1900–2099)."""
    from lunardate import LunarDate

    try:
        return LunarDate(year, month, day, leap).to_solar_date()
    except (ValueError, IndexError):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The lunar date {year}-{leap}{month}-{day} does not exist."),
            field="birthday", year=year, month=month, day=day, leap="闰" if leap else "") from None


def lunar_of(day: dt.date) -> tuple[int, int, int, bool]:
    """(lunar year, month, day, leap month) of a solar date."""
    from lunardate import LunarDate

    lunar = LunarDate.from_solar_date(day.year, day.month, day.day)
    return lunar.year, lunar.month, lunar.day, lunar.is_leap_month


def lunar_in_year(year: int, month: int, day: int, leap: bool = False) -> dt.date | None:
    """Where a yearly lunar date falls in lunar ``year``: a 30th in a 29-day month on the 29th
    (the month's last day), a leap-month date in a year without that leap month in the
    ordinary month. None outside the tables."""
    if not LUNAR_FIRST_YEAR <= year <= LUNAR_LAST_YEAR:
        return None
    for candidate_leap, candidate_day in ((leap, day), (leap, day - 1), (False, day), (False, day - 1)):
        if candidate_day < 1:
            continue
        try:
            return lunar_to_solar(year, month, candidate_day, candidate_leap)
        except ValidationError:
            continue
    return None


def solar_in_year(year: int, month: int, day: int) -> dt.date:
    """A yearly solar date in ``year``; 29 February is kept on 28 February in common years."""
    if month == 2 and day == 29 and not is_leap_year(year):
        return dt.date(year, 2, 28)
    return dt.date(year, month, day)


def is_leap_year(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def next_yearly(calendar: str, month: int, day: int, leap: bool, on_or_after: dt.date) -> dt.date | None:
    """The first solar day on or after ``on_or_after`` on which a yearly date (a birthday, a
    lunar festival) falls."""
    if calendar == BirthdayCalendar.LUNAR:
        lunar_year = lunar_of(on_or_after)[0]
        for year in (lunar_year - 1, lunar_year, lunar_year + 1):
            found = lunar_in_year(year, month, day, leap)
            if found is not None and found >= on_or_after:
                return found
        return None
    for year in (on_or_after.year, on_or_after.year + 1):
        found = solar_in_year(year, month, day)
        if found >= on_or_after:
            return found
    return None


def check_lunar_birthday(year: int | None, month: int, day: int, leap: bool) -> None:
    """A lunar birthday with a known year must exist in that year (leap month, 30th day)."""
    if not 1 <= month <= 12 or not 1 <= day <= 30:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The birthday is not a real date."), field="birthday")
    if year is not None:
        lunar_to_solar(year, month, day, leap)


@dataclass(frozen=True)
class Holiday:
    """A yearly greeting day: ``calendar`` says whether month/day are lunar."""

    key: str
    name: str  # marked for translation in the "holidays" context
    calendar: str
    month: int
    day: int


HOLIDAYS = (
    Holiday("new_year", QT_TRANSLATE_NOOP("holidays", "New Year's Day"), "solar", 1, 1),
    Holiday("spring_festival", QT_TRANSLATE_NOOP("holidays", "Spring Festival"), "lunar", 1, 1),
    Holiday("lantern", QT_TRANSLATE_NOOP("holidays", "Lantern Festival"), "lunar", 1, 15),
    Holiday("dragon_boat", QT_TRANSLATE_NOOP("holidays", "Dragon Boat Festival"), "lunar", 5, 5),
    Holiday("qixi", QT_TRANSLATE_NOOP("holidays", "Qixi Festival"), "lunar", 7, 7),
    Holiday("mid_autumn", QT_TRANSLATE_NOOP("holidays", "Mid-Autumn Festival"), "lunar", 8, 15),
    Holiday("national_day", QT_TRANSLATE_NOOP("holidays", "National Day"), "solar", 10, 1),
    Holiday("double_ninth", QT_TRANSLATE_NOOP("holidays", "Double Ninth Festival"), "lunar", 9, 9),
)
DEFAULT_HOLIDAYS = ("new_year", "spring_festival", "mid_autumn", "national_day")


def holiday_dates(keys: tuple[str, ...], start: dt.date, until: dt.date) -> list[tuple[Holiday, dt.date]]:
    """The chosen holidays falling in [start, until), in date order."""
    out = []
    for holiday in HOLIDAYS:
        if holiday.key not in keys:
            continue
        day = start
        while True:
            found = next_yearly(holiday.calendar, holiday.month, holiday.day, False, day)
            if found is None or found >= until:
                break
            out.append((holiday, found))
            day = found + dt.timedelta(days=1)
    return sorted(out, key=lambda pair: pair[1])


def check_lead_days(days: int) -> int:
    if not 0 <= days <= MAX_LEAD_DAYS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A reminder comes 0 to {limit} days ahead."),
                              field="lead_days", limit=MAX_LEAD_DAYS)
    return days


def check_cadence(days: int | None) -> int | None:
    """Contact every N days (None: no cadence for the tier)."""
    if days is not None and not 1 <= days <= MAX_CADENCE_DAYS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A contact cadence is 1 to {limit} days."),
                              field="cadence", limit=MAX_CADENCE_DAYS)
    return days
