"""Pieces every dialog form shares: OK/Cancel with an error line, and a customer picker."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.errors import CrmError
from crmdesk.domain.filters import CustomerFilter
from crmdesk.services import lists
from crmdesk.services.context import Context
from crmdesk.ui import labels

PICKER_ROWS = 30


def moment(edit: QDateTimeEdit) -> int:
    return edit.dateTime().toMSecsSinceEpoch()


def time_edit(ms: int, parent: QWidget) -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime.fromMSecsSinceEpoch(ms), parent)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setCalendarPopup(True)
    return edit


class Form(QDialog):
    """A form with OK/Cancel and a line for the error, which stays open on bad input."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.error = QLabel(self)
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    submit: Callable[[], object] | None = None  # the save; a CrmError keeps the form open

    def accept(self) -> None:
        if self.submit is not None:
            try:
                self.submit()
            except CrmError as exc:
                self.show_error(exc)
                return
        super().accept()

    def finish_layout(self) -> None:
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)

    def show_error(self, exc: CrmError) -> None:
        self.error.setText(labels.error_text(exc))


class CustomerPicker(QWidget):
    """A search line and the first matching customers (by name, phone or pinyin) to choose from.

    It asks the archive's search for one short page, so it stays quick at a million customers.
    """

    chosen = Signal(object)  # the customer id, or None

    def __init__(self, ctx: Context, parent: QWidget | None = None, name: str = "customer") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.find = QLineEdit(self)
        self.find.setObjectName(f"{name}Find")
        self.find.setPlaceholderText(self.tr("Type a name or phone to find the customer"))
        self.combo = QComboBox(self)
        self.combo.setObjectName(name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.find)
        layout.addWidget(self.combo)
        self.find.textChanged.connect(self._search)
        self.combo.currentIndexChanged.connect(lambda _i: self.chosen.emit(self.combo.currentData()))

    def _search(self, text: str) -> None:
        self.combo.clear()
        if not text.strip():
            return
        listing = lists.customers(self.ctx, CustomerFilter(text=text))
        if listing.count():
            for row in listing.page("name", False, 0, PICKER_ROWS):
                self.combo.addItem(f"{row[1]}  {row[2] or ''}".strip(), row[0])

    def set_customer(self, customer_id: int, name: str) -> None:
        self.combo.clear()
        self.combo.addItem(name, customer_id)

    def customer_id(self) -> int | None:
        return self.combo.currentData()
