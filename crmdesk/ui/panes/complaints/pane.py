"""Every complaint with its severity, status and service deadline."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from crmdesk.services import lists
from crmdesk.services.context import Context
from crmdesk.ui import labels
from crmdesk.ui.paged_model import Column
from crmdesk.ui.panes.table_pane import TablePane
from crmdesk.ui.settings import UiSettings

CONTEXT = "ComplaintsPane"

COLUMNS = [
    Column("received_at", QT_TRANSLATE_NOOP("ComplaintsPane", "Received"), labels.timestamp_minutes, width=17),
    Column("customer", QT_TRANSLATE_NOOP("ComplaintsPane", "Customer"), width=16),
    Column("category", QT_TRANSLATE_NOOP("ComplaintsPane", "Category"), width=9),
    Column("severity", QT_TRANSLATE_NOOP("ComplaintsPane", "Severity"), labels.label, width=7),
    Column("status", QT_TRANSLATE_NOOP("ComplaintsPane", "Status"), labels.complaint_status, width=10),
    Column("due_at", QT_TRANSLATE_NOOP("ComplaintsPane", "Deadline"), labels.timestamp_minutes, width=17),
    Column("assignee", QT_TRANSLATE_NOOP("ComplaintsPane", "Assigned to"), width=10),
    Column("description", QT_TRANSLATE_NOOP("ComplaintsPane", "Description")),
]


class ComplaintsPane(TablePane):
    def __init__(self, ctx: Context, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(
            object_name="complaintsPane",
            table_name="complaintTable",
            context=CONTEXT,
            title=QT_TRANSLATE_NOOP("ComplaintsPane", "Complaint log"),
            columns=COLUMNS,
            default_sort="received_at",
            descending=True,
            listing=lambda: lists.complaints(ctx),
            relevant=lambda c: bool(c.complaints or c.customers),
            settings=settings,
            parent=parent,
        )
