"""The customer archive: every customer in one paged, SQL-sorted table."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from crmdesk.services import lists
from crmdesk.services.context import Context
from crmdesk.ui import labels
from crmdesk.ui.paged_model import Column
from crmdesk.ui.panes.table_pane import TablePane
from crmdesk.ui.settings import UiSettings

CONTEXT = "CustomersPane"

COLUMNS = [
    Column("name", QT_TRANSLATE_NOOP("CustomersPane", "Name"), width=16),
    Column("phone", QT_TRANSLATE_NOOP("CustomersPane", "Phone"), width=15),
    Column("city", QT_TRANSLATE_NOOP("CustomersPane", "City"), width=6),
    Column("category", QT_TRANSLATE_NOOP("CustomersPane", "Category"), labels.label, width=8),
    Column("tier", QT_TRANSLATE_NOOP("CustomersPane", "Tier"), labels.label, width=6),
    Column("stage", QT_TRANSLATE_NOOP("CustomersPane", "Lifecycle"), labels.label, width=7),
    Column("owner", QT_TRANSLATE_NOOP("CustomersPane", "Owner"), width=6),
    Column("last_contact_at", QT_TRANSLATE_NOOP("CustomersPane", "Last contact"), labels.timestamp_date, width=11),
    Column("order_total_cents", QT_TRANSLATE_NOOP("CustomersPane", "Total spent"), labels.money, True, width=13),
    Column("created_at", QT_TRANSLATE_NOOP("CustomersPane", "Customer since"), labels.timestamp_date, width=12),
]


class CustomersPane(TablePane):
    def __init__(self, ctx: Context, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(
            object_name="customersPane",
            table_name="customerTable",
            context=CONTEXT,
            title=QT_TRANSLATE_NOOP("CustomersPane", "Customer archive"),
            columns=COLUMNS,
            default_sort="name",
            listing=lambda: lists.customers(ctx),
            relevant=lambda c: bool(c.customers),
            settings=settings,
            parent=parent,
        )
