"""Care tasks still to do, earliest first; overdue ones are marked."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from crmdesk.services import lists
from crmdesk.services.context import Context
from crmdesk.ui import labels
from crmdesk.ui.paged_model import Column
from crmdesk.ui.panes.table_pane import TablePane
from crmdesk.ui.settings import UiSettings

CONTEXT = "CalendarPane"


def _overdue(flag: int | None) -> str:
    return QCoreApplication.translate("CalendarPane", "Overdue") if flag else ""


COLUMNS = [
    Column("due_on", QT_TRANSLATE_NOOP("CalendarPane", "Due"), labels.date_text, width=11),
    Column("overdue", QT_TRANSLATE_NOOP("CalendarPane", "State"), _overdue, width=7),
    Column("kind", QT_TRANSLATE_NOOP("CalendarPane", "Kind"), labels.label, width=11),
    Column("title", QT_TRANSLATE_NOOP("CalendarPane", "Task"), width=18),
    Column("customer", QT_TRANSLATE_NOOP("CalendarPane", "Customer"), width=16),
    Column("assignee", QT_TRANSLATE_NOOP("CalendarPane", "Assigned to"), width=10),
]


class CalendarPane(TablePane):
    def __init__(self, ctx: Context, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(
            object_name="calendarPane",
            table_name="reminderTable",
            context=CONTEXT,
            title=QT_TRANSLATE_NOOP("CalendarPane", "Care tasks to do"),
            columns=COLUMNS,
            default_sort="due_on",
            listing=lambda: lists.open_reminders(ctx),
            relevant=lambda c: bool(c.reminders or c.customers),
            settings=settings,
            parent=parent,
        )
