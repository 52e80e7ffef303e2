"""How a care task reads: generated tasks keep a value in their title (a date, a holiday, a
number of days) that is put into words here, in the user's language."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor

from crmdesk.domain.care import HOLIDAYS
from crmdesk.domain.enums import ReminderKind

KIND_COLOURS = {
    ReminderKind.BIRTHDAY.value: QColor("#d81b60"),
    ReminderKind.ANNIVERSARY.value: QColor("#8e24aa"),
    ReminderKind.HOLIDAY.value: QColor("#e53935"),
    ReminderKind.AFTER_SALE.value: QColor("#1e88e5"),
    ReminderKind.AFTER_COMPLAINT.value: QColor("#fb8c00"),
    ReminderKind.CADENCE.value: QColor("#43a047"),
    ReminderKind.TASK.value: QColor("#546e7a"),
}


def holiday_name(key: str) -> str:
    found = next((h for h in HOLIDAYS if h.key == key), None)
    return QCoreApplication.translate("holidays", found.name) if found else key


class CareWords(QObject):
    """The words of care tasks (a QObject so that plurals translate through ``tr``)."""

    def text(self, kind: str, title: str, due_on: dt.date) -> str:
        if kind == ReminderKind.BIRTHDAY.value:
            try:
                birthday = dt.date.fromisoformat(title)
            except ValueError:
                return title  # written by hand
            days = (birthday - due_on).days
            if days <= 0:
                return self.tr("Birthday today")
            return self.tr("Birthday in %n day(s) (%1)", "", days).replace("%1", birthday.strftime("%m-%d"))
        if kind == ReminderKind.ANNIVERSARY.value and title.count(":") == 1:
            first, _, years = title.partition(":")
            if years.isdigit():
                return self.tr("%n year(s) since the first purchase (%1)", "", int(years)).replace("%1", first)
        if kind == ReminderKind.HOLIDAY.value:
            return self.tr("%1 greeting").replace("%1", holiday_name(title))
        if kind == ReminderKind.CADENCE.value and title.isdigit():
            return self.tr("Get in touch (every %n day(s))", "", int(title))
        return title


_words: CareWords | None = None


def task_text(kind: str, title: str, due_on: dt.date) -> str:
    """The words of a task as the calendar and the exports show them."""
    global _words
    if _words is None:
        _words = CareWords()
    return _words.text(kind, title, due_on)
