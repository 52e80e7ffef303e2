"""The list of complaint categories: add, rename, remove, reorder."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.changes import Changes
from crmdesk.domain.errors import CrmError
from crmdesk.services import complaints
from crmdesk.services.context import Context
from crmdesk.ui import labels


class CategoriesDialog(QDialog):
    def __init__(self, ctx: Context, publish: Callable[[Changes], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("categoriesDialog")
        self.setWindowTitle(self.tr("Complaint categories"))
        self.ctx, self.publish = ctx, publish
        self.list = QListWidget(self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        buttons = QVBoxLayout()
        for text, slot in ((self.tr("Add…"), self.on_add), (self.tr("Rename…"), self.on_rename),
                           (self.tr("Remove"), self.on_remove), (self.tr("Move up"), lambda: self.on_move(-1)),
                           (self.tr("Move down"), lambda: self.on_move(1))):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(close)
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        self.list.clear()
        for cid, name in complaints.categories():
            item = QListWidgetItem(name, self.list)
            item.setData(Qt.ItemDataRole.UserRole, cid)
            if cid == select:
                self.list.setCurrentItem(item)

    def _chosen(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _do(self, work: Callable[[], Changes], select: int | None = None) -> None:
        try:
            self.publish(work())
            self.error.clear()
        except CrmError as exc:
            self.error.setText(labels.error_text(exc))
        self.refresh(select)

    def on_add(self, name: str | None = None) -> None:
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("Add category"), self.tr("Name"))
            if not ok:
                return
        self._do(lambda: complaints.add_category(self.ctx, name))

    def on_rename(self, name: str | None = None) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("Rename category"), self.tr("Name"),
                                            text=self.list.currentItem().text())
            if not ok:
                return
        self._do(lambda: complaints.rename_category(self.ctx, chosen, name), chosen)

    def on_remove(self) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self._do(lambda: complaints.remove_category(self.ctx, chosen))

    def on_move(self, step: int) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self._do(lambda: complaints.move_category(self.ctx, chosen, step), chosen)
