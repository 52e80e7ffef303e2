"""Dialogs of the complaint log: log or edit a complaint, resolve it, record satisfaction."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from crmdesk.domain import currency
from crmdesk.domain.complaints import ComplaintInput, Resolution
from crmdesk.domain.enums import ComplaintChannel, Severity
from crmdesk.services import complaints, directory
from crmdesk.services.context import Context
from crmdesk.ui import labels
from crmdesk.ui.forms import CustomerPicker, Form, moment, time_edit


class ComplaintDialog(Form):
    """Log a complaint (``existing`` None) or edit one. ``customer`` preselects the customer."""

    def __init__(self, ctx: Context, parent: QWidget | None = None, customer: tuple[int, str] | None = None,
                 existing: complaints.ComplaintView | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaintDialog")
        self.ctx = ctx
        self.setWindowTitle(self.tr("Edit complaint") if existing else self.tr("Log a complaint"))
        self.picker = CustomerPicker(ctx, self, "complaintCustomer")
        self.find, self.customer = self.picker.find, self.picker.combo
        self.received = time_edit(existing.received_at if existing else ctx.now(), self)
        self.channel = QComboBox(self)
        for value in ComplaintChannel.values():
            self.channel.addItem(labels.channel(value), value)
        self.category = QComboBox(self)
        self.category.addItem(self.tr("(none)"), None)
        for cid, name in complaints.categories():
            self.category.addItem(name, cid)
        self.severity = QComboBox(self)
        for value in Severity.values():
            self.severity.addItem(labels.label(value), value)
        self.severity.setCurrentIndex(self.severity.findData(Severity.NORMAL.value))
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("complaintDescription")
        self.assignee = QComboBox(self)
        self.assignee.addItem(self.tr("Nobody"), None)
        for uid, name in directory.users():
            self.assignee.addItem(name, uid)
        self.form.addRow(self.tr("Customer"), self.picker)
        self.form.addRow(self.tr("Received"), self.received)
        self.form.addRow(self.tr("Channel"), self.channel)
        self.form.addRow(self.tr("Category"), self.category)
        self.form.addRow(self.tr("Severity"), self.severity)
        self.form.addRow(self.tr("What happened"), self.description)
        self.form.addRow(self.tr("Assigned to"), self.assignee)
        self.finish_layout()
        if existing is not None:
            self.customer.addItem(existing.customer, existing.customer_id)
            for box, value in ((self.channel, existing.channel), (self.category, existing.category_id),
                               (self.severity, existing.severity), (self.assignee, existing.assignee_id)):
                box.setCurrentIndex(max(0, box.findData(value)))
            self.description.setPlainText(existing.description)
        elif customer is not None:
            self.customer.addItem(customer[1], customer[0])
            self.description.setFocus()

    def value(self) -> ComplaintInput:
        return ComplaintInput(
            customer_id=self.customer.currentData(), received_at=moment(self.received),
            channel=self.channel.currentData(), category_id=self.category.currentData(),
            severity=self.severity.currentData(), description=self.description.toPlainText(),
            assignee_id=self.assignee.currentData())


class ResolveDialog(Form):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resolveDialog")
        self.setWindowTitle(self.tr("Resolve complaint"))
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("resolutionText")
        self.root_cause = QLineEdit(self)
        self.compensation = QDoubleSpinBox(self)
        self.compensation.setRange(0, 1_000_000)
        self.compensation.setDecimals(2)
        self.compensation.setPrefix(currency.symbol() + " ")
        self.when = time_edit(ctx.now(), self)
        self.form.addRow(self.tr("What was done"), self.text)
        self.form.addRow(self.tr("Root cause"), self.root_cause)
        self.form.addRow(self.tr("Compensation"), self.compensation)
        self.form.addRow(self.tr("Resolved at"), self.when)
        self.finish_layout()

    def value(self) -> Resolution:
        return Resolution(self.text.toPlainText(), self.root_cause.text(), round(self.compensation.value() * 100),
                          moment(self.when))


class RateDialog(Form):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rateDialog")
        self.setWindowTitle(self.tr("Customer satisfaction"))
        self.score = QSpinBox(self)
        self.score.setRange(1, 5)
        self.score.setValue(5)
        self.stars = QLabel(self)
        self.score.valueChanged.connect(lambda n: self.stars.setText("★" * n + "☆" * (5 - n)))
        self.score.valueChanged.emit(5)
        self.comment = QLineEdit(self)
        self.form.addRow(self.tr("Score (1–5)"), self.score)
        self.form.addRow("", self.stars)
        self.form.addRow(self.tr("Comment"), self.comment)
        self.stars.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.finish_layout()
