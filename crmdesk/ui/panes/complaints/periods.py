"""The periods the complaint log and its statistics can be limited to."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from crmdesk.domain.clock import to_ms, today
from crmdesk.services.context import Context

PERIODS = {
    "all": QT_TRANSLATE_NOOP("periods", "All time"),
    "7d": QT_TRANSLATE_NOOP("periods", "Last 7 days"),
    "30d": QT_TRANSLATE_NOOP("periods", "Last 30 days"),
    "month": QT_TRANSLATE_NOOP("periods", "This month"),
    "year": QT_TRANSLATE_NOOP("periods", "This year"),
}


def period_text(key: str) -> str:
    return QCoreApplication.translate("periods", PERIODS[key])


def period_range(key: str, ctx: Context) -> tuple[int | None, int | None]:
    """(from, until) in ms for a period ending today (local days)."""
    day = today(ctx.clock)
    starts = {"7d": day - dt.timedelta(days=6), "30d": day - dt.timedelta(days=29), "month": day.replace(day=1),
              "year": day.replace(month=1, day=1)}
    if key not in starts:
        return None, None

    def midnight(d: dt.date) -> int:
        return to_ms(dt.datetime.combine(d, dt.time(0)).astimezone())

    return midnight(starts[key]), midnight(day + dt.timedelta(days=1))
