"""Logging a visit, call, message, e-mail or note for a customer: Ctrl+L, type, Enter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.changes import Changes
from crmdesk.domain.enums import InteractionKind
from crmdesk.ui import labels


class LogContactDialog(QDialog):
    def __init__(self, customer_name: str, save: Callable[[str, str, str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logContactDialog")
        self.setWindowTitle(self.tr("Log contact with %1").replace("%1", customer_name))
        self._save = save
        self.kind = QComboBox(self, objectName="contactKind")
        for kind in InteractionKind.values():
            self.kind.addItem(labels.interaction_kind(kind), kind)
        self.kind.setCurrentIndex(self.kind.findData(InteractionKind.CALL.value))
        self.summary = QLineEdit(self, objectName="contactSummary")
        self.summary.setPlaceholderText(self.tr("What happened, in a few words"))
        self.details = QPlainTextEdit(self, objectName="contactDetails")
        self.details.setTabChangesFocus(True)
        self.error_label = QLabel(self, objectName="formError")
        self.error_label.setStyleSheet("color: #d1242f;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.on_save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Summary"), self.summary)
        form.addRow(self.tr("Details"), self.details)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.summary.setFocus()

    def on_save(self) -> None:
        self.buttons.setEnabled(False)
        self._save(self.kind.currentData(), self.summary.text(), self.details.toPlainText())

    def saved(self, changes: Changes) -> None:
        self.accept()

    def failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error_label.setText(labels.error_text(exc))
