"""Dialogs of the pipeline: create or edit a deal, close it as won (the order) or lost (why)."""

from __future__ import annotations

import datetime as dt

import shiboken6
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDoubleSpinBox, QLabel, QLineEdit, QSpinBox, QWidget

from crmdesk.domain import currency
from crmdesk.domain import pipeline as rule
from crmdesk.domain.clock import today
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, CrmError, ValidationError
from crmdesk.services import directory, forecast, pipeline
from crmdesk.services.context import Context
from crmdesk.ui import labels
from crmdesk.ui.forms import CustomerPicker, Form
from crmdesk.ui.tasks import TaskRunner

NO_DATE = QDate(2000, 1, 1)  # the minimum of a date edit, shown as "none"


def money_edit(parent: QWidget, cents: int = 0) -> QDoubleSpinBox:
    edit = QDoubleSpinBox(parent)
    edit.setRange(0, rule.MAX_AMOUNT_CENTS / 100)
    edit.setDecimals(2)
    edit.setPrefix(currency.symbol() + " ")
    edit.setGroupSeparatorShown(True)
    edit.setValue(cents / 100)
    return edit


def cents(edit: QDoubleSpinBox) -> int:
    return round(edit.value() * 100)


def optional_date_edit(parent: QWidget, value: dt.date | None, none_text: str) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(none_text)
    edit.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)
    return edit


def date_of(edit: QDateEdit) -> dt.date | None:
    value = edit.date()
    return None if value == NO_DATE else dt.date(value.year(), value.month(), value.day())


PRIORITY_NAMES = (QT_TRANSLATE_NOOP("DealDialog", "Normal"), QT_TRANSLATE_NOOP("DealDialog", "High"),
                  QT_TRANSLATE_NOOP("DealDialog", "Top"))


class DealDialog(Form):
    """Create a deal (``record`` None) or edit one; the save happens in ``submit``."""

    def __init__(self, ctx: Context, runner: TaskRunner, parent: QWidget | None = None,
                 record: pipeline.DealRecord | None = None, customer: tuple[int, str] | None = None,
                 stage: pipeline.Stage | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dealDialog")
        self.ctx, self.record = ctx, record
        self.saved_id: int | None = record.id if record else None
        self.setWindowTitle(self.tr("Edit deal") if record else self.tr("New deal"))
        data = record.data if record else rule.DealInput(customer[0] if customer else None, "")
        all_stages = pipeline.stages()
        self.stage = next((s for s in all_stages if s.id == (record.stage_id if record else None)), None) \
            or stage or next(s for s in all_stages if not s.closed)
        self.picker = CustomerPicker(ctx, self, "dealCustomer")
        if record is not None:
            self.picker.set_customer(record.data.customer_id, record.customer)
        elif customer is not None:
            self.picker.set_customer(*customer)
        self.title = QLineEdit(data.title, self)
        self.title.setObjectName("dealTitle")
        self.title.setMaxLength(rule.MAX_TITLE)
        self.amount = money_edit(self, data.amount_cents)
        self.amount.setObjectName("dealAmount")
        self.probability = QSpinBox(self)
        self.probability.setObjectName("dealProbability")
        self.probability.setRange(-1, 100)
        self.probability.setSuffix(" %")
        self.probability.setSpecialValueText(
            self.tr("Stage default (%1 %)").replace("%1", str(self.stage.probability)))
        self.probability.setValue(-1 if data.probability is None else data.probability)
        self.estimate = QLabel(self)
        self.estimate.setObjectName("dealEstimate")
        self.estimate.setWordWrap(True)
        self.close_date = optional_date_edit(self, data.expected_close, self.tr("(none)"))
        self.close_date.setObjectName("dealClose")
        self.owner = QComboBox(self)
        self.owner.addItem(self.tr("Nobody"), None)
        for uid, name in directory.users():
            self.owner.addItem(name, uid)
        self.owner.setCurrentIndex(max(0, self.owner.findData(data.owner_id if record else ctx.user_id)))
        self.priority = QComboBox(self)
        for value, name in enumerate(PRIORITY_NAMES):
            self.priority.addItem(self.tr(name), value)
        self.priority.setCurrentIndex(data.priority)
        self.next_step = QLineEdit(data.next_step, self)
        self.next_step.setMaxLength(rule.MAX_NEXT_STEP)
        self.next_step_due = optional_date_edit(self, data.next_step_due, self.tr("(none)"))
        self.form.addRow(self.tr("Customer"), self.picker)
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Amount"), self.amount)
        self.form.addRow(self.tr("Probability"), self.probability)
        self.form.addRow("", self.estimate)
        self.form.addRow(self.tr("Expected close"), self.close_date)
        self.form.addRow(self.tr("Owner"), self.owner)
        self.form.addRow(self.tr("Priority"), self.priority)
        self.form.addRow(self.tr("Next step"), self.next_step)
        self.form.addRow(self.tr("Next step due"), self.next_step_due)
        self.finish_layout()
        self.submit = self._save
        self._estimates: dict = {}
        self.picker.chosen.connect(lambda _id: self._show_estimate())
        runner.run(lambda: forecast.win_rate_estimates(ctx), self._got_estimates, lambda _exc: None)
        (self.title if record or customer else self.picker.find).setFocus()

    def _got_estimates(self, estimates: dict) -> None:
        if not shiboken6.isValid(self.estimate):  # closed before the history was read
            return
        self._estimates = estimates
        self._show_estimate()

    def customer_tier(self) -> str:
        customer_id = self.picker.customer_id()
        if customer_id is None:
            return ""
        from crmdesk.services import customers

        try:
            return customers.get_live(customer_id).tier  # one row: this runs as the user picks
        except CrmError:  # a customer deleted meanwhile has no estimate
            return ""

    def _show_estimate(self) -> None:
        tier = self.customer_tier()
        found = self._estimates.get((self.stage.id, tier)) if tier else None
        scope = labels.label(tier) if found else ""
        found = found or self._estimates.get((self.stage.id, ""))
        if found is None:
            self.estimate.setText(self.tr("Not enough closed deals yet for a historical win rate."))
            return
        rate, closed = found
        text = self.tr("Historically %1 % of deals that reached “%2” were won (%3 closed deals)")
        text = text.replace("%1", f"{rate * 100:.0f}").replace("%2", self.stage.name).replace("%3", f"{closed:,}")
        self.estimate.setText(f"{text}{' · ' + scope if scope else ''}")

    def value(self) -> rule.DealInput:
        probability = self.probability.value()
        return rule.DealInput(
            customer_id=self.picker.customer_id(), title=self.title.text(), amount_cents=cents(self.amount),
            probability=None if probability < 0 else probability, expected_close=date_of(self.close_date),
            owner_id=self.owner.currentData(), priority=self.priority.currentData(), next_step=self.next_step.text(),
            next_step_due=date_of(self.next_step_due), stage_id=self.stage.id)

    def _save(self) -> None:
        data = self.value()
        if self.record is None:
            self.saved_id, self.changes = pipeline.create_deal(self.ctx, data)
        else:
            self.changes = pipeline.update_deal(self.ctx, self.record.id, data, self.record.stamp)


class WonDialog(Form):
    """What closing a deal as won needs: the order (amount, date, what was sold)."""

    def __init__(self, ctx: Context, card: pipeline.Card, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wonDialog")
        self.ctx, self.card = ctx, card
        self.setWindowTitle(self.tr("Deal won"))
        self.setMinimumWidth(380)
        intro = QLabel(self.tr("“%1” with %2 is won. Record the order:").replace("%1", card.title)
                       .replace("%2", card.customer), self)
        intro.setWordWrap(True)
        self.amount = money_edit(self, card.amount_cents)
        self.amount.setObjectName("orderAmount")
        day = today(ctx.clock)
        self.ordered_on = QDateEdit(QDate(day.year, day.month, day.day), self)
        self.ordered_on.setDisplayFormat("yyyy-MM-dd")
        self.ordered_on.setCalendarPopup(True)
        self.ordered_on.setMaximumDate(QDate(day.year, day.month, day.day))
        self.description = QLineEdit(card.title, self)
        self.form.addRow(intro)
        self.form.addRow(self.tr("Order amount"), self.amount)
        self.form.addRow(self.tr("Ordered on"), self.ordered_on)
        self.form.addRow(self.tr("What was sold"), self.description)
        self.finish_layout()
        self.submit = self._check

    def value(self) -> tuple[int, dt.date, str]:
        return cents(self.amount), date_of(self.ordered_on) or today(self.ctx.clock), self.description.text()

    def _check(self) -> None:
        rule.check_order_amount(cents(self.amount))


class LostDialog(Form):
    """Why the deal was lost: a reason from the managed list (required) and a note."""

    def __init__(self, card: pipeline.Card, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lostDialog")
        self.setWindowTitle(self.tr("Deal lost"))
        self.setMinimumWidth(380)
        intro = QLabel(self.tr("Why was “%1” lost?").replace("%1", card.title), self)
        intro.setWordWrap(True)
        self.reason = QComboBox(self)
        self.reason.setObjectName("lostReason")
        self.reason.setPlaceholderText(self.tr("Choose a reason…"))
        for reason_id, name in pipeline.lost_reasons():
            self.reason.addItem(name, reason_id)
        self.reason.setCurrentIndex(-1)
        self.note = QLineEdit(self)
        self.note.setMaxLength(pipeline.MAX_LOST_NOTE)
        self.form.addRow(intro)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(self.tr("Note"), self.note)
        self.finish_layout()
        self.submit = self._check

    def value(self) -> tuple[int | None, str]:
        return self.reason.currentData(), self.note.text()

    def _check(self) -> None:
        if self.reason.currentData() is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose why the deal was lost."), field="reason")
