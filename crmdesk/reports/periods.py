"""Report periods: local days as the timestamps the queries take, and as words."""

from __future__ import annotations

import datetime as dt

from crmdesk.domain.clock import to_ms
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from crmdesk.reports.words import ReportWords


def midnight_ms(day: dt.date) -> int:
    return to_ms(dt.datetime.combine(day, dt.time(0)).astimezone())


def day_range(start: dt.date | None, until: dt.date | None) -> tuple[int | None, int | None]:
    """[start, until) as ms (None: open-ended); refuses an empty period."""
    if start is not None and until is not None and until <= start:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The period ends before it starts."), field="until")
    return (None if start is None else midnight_ms(start)), (None if until is None else midnight_ms(until))


def period_text(start: dt.date | None, until: dt.date | None, words: ReportWords) -> str:
    """ "1 Nov 2026 – 30 Nov 2026" (``until`` is the first day after the period)."""
    if start is None and until is None:
        return words.text(QT_TRANSLATE_NOOP("report", "All time"))
    first = words.date(start) if start else "…"
    last = words.date(until - dt.timedelta(days=1)) if until else "…"
    return f"{first} – {last}"
