"""The month view: each day shows how many care tasks are due, with a dot per kind in its
colour; days with overdue tasks are marked red. Counts come from one grouped query a month."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QCalendarWidget, QWidget

from crmdesk.ui.panes.calendar.task_text import KIND_COLOURS

OVERDUE = QColor("#b00020")
TODAY_EDGE = QColor("#1565c0")


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


class MonthView(QCalendarWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthView")
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.counts: dict[dt.date, dict[str, int]] = {}
        self.today: dt.date = dt.date.today()

    def set_counts(self, counts: dict[dt.date, dict[str, int]], today: dt.date) -> None:
        self.counts, self.today = counts, today
        self.updateCells()

    def shown_range(self) -> tuple[dt.date, dt.date]:
        """[first, until) of the days the grid shows (a few of the months around it too)."""
        first = dt.date(self.yearShown(), self.monthShown(), 1)
        offset = (first.weekday() - (self.firstDayOfWeek().value - 1)) % 7
        # A month starting on the first day of the week gets a whole week of the month before.
        start = first - dt.timedelta(days=offset or 7)
        return start, start + dt.timedelta(days=42)

    def day_total(self, day: dt.date) -> int:
        return sum(self.counts.get(day, {}).values())

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:  # noqa: N802
        super().paintCell(painter, rect, date)
        day = to_date(date)
        kinds = self.counts.get(day, {})
        painter.save()
        if day == self.today:
            painter.setPen(QPen(TODAY_EDGE, 2))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        total = sum(kinds.values())
        if total:
            font = QFont(painter.font())
            font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(OVERDUE if day < self.today else self.palette().text().color())
            badge = rect.adjusted(2, 2, -4, -2)
            painter.drawText(badge, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, f"{total:,}")
            x = rect.left() + 4
            y = rect.bottom() - 7
            painter.setPen(Qt.PenStyle.NoPen)
            for kind in sorted(kinds):
                painter.setBrush(KIND_COLOURS.get(kind, QColor("#999999")))
                painter.drawEllipse(x, y, 5, 5)
                x += 7
        painter.restore()
