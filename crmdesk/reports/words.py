"""The words of a report: fixed strings (context ``report``), stored values' labels, and dates
and money in the report's language.

This base class is English and needs no Qt; the app and the command line hand in
:class:`crmdesk.ui.report_words.TranslatedReportWords`, which translates.
"""

from __future__ import annotations

import datetime as dt

from crmdesk.domain import currency
from crmdesk.domain.clock import from_ms
from crmdesk.services.exporting import Vocabulary

CONTEXT = "report"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class ReportWords(Vocabulary):
    language = "en"

    def text(self, source: str) -> str:
        """A fixed string marked with QT_TRANSLATE_NOOP("report", ...)."""
        return self.translate(CONTEXT, source)

    def translate(self, context: str, source: str) -> str:
        """A string marked in another context (the KPIs' names and definitions: "kpi")."""
        return source

    def interaction(self, value: str) -> str:
        return value

    @property
    def chinese(self) -> bool:
        return self.language.startswith("zh")

    def date(self, day: dt.date | None) -> str:
        """A day as the language writes it in running text: 2026年11月23日, 23 Nov 2026."""
        if day is None:
            return ""
        if self.chinese:
            return f"{day.year}年{day.month}月{day.day}日"
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"

    def short_date(self, day: dt.date | None) -> str:
        """A day in a table column: ISO, narrow and read the same in both languages."""
        return "" if day is None else day.isoformat()

    def month(self, day: dt.date | None) -> str:
        if day is None:
            return ""
        return f"{day.year}年{day.month}月" if self.chinese else f"{_MONTHS[day.month - 1]} {day.year}"

    def short_month(self, day: dt.date) -> str:
        """A chart's axis label."""
        return f"{day.month}月" if self.chinese else _MONTHS[day.month - 1]

    def stamp_date(self, ms: int | None) -> str:
        return "" if ms is None else self.short_date(from_ms(ms).date())

    def stamp_minutes(self, ms: int | None) -> str:
        return "" if ms is None else from_ms(ms).strftime("%Y-%m-%d %H:%M")

    def money(self, cents: int | None) -> str:
        if cents is None:
            return ""
        sign = "-" if cents < 0 else ""
        return f"{sign}{currency.symbol()}{abs(cents) / 100:,.2f}"

    def number(self, value: float | int | None, digits: int = 0) -> str:
        return "" if value is None else f"{value:,.{digits}f}"

    def percent(self, share: float | None) -> str:
        return "—" if share is None else f"{share * 100:.1f}%"

    def days(self, value: float | None) -> str:
        if value is None:
            return "—"
        return f"{value:.1f} 天" if self.chinese else f"{value:.1f} d"

    def compact(self, yuan: float) -> str:
        """A chart's value: 1.2万 / 12.3k, whole yuan below that."""
        if self.chinese:
            for size, unit in ((1e8, "亿"), (1e4, "万")):
                if abs(yuan) >= size:
                    return f"{yuan / size:.3g}{unit}"
        else:
            for size, unit in ((1e6, "M"), (1e3, "k")):
                if abs(yuan) >= size:
                    return f"{yuan / size:.3g}{unit}"
        return f"{yuan:,.0f}"
