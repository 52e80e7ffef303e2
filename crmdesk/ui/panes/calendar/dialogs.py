"""Dialogs of the care calendar: a task (one-off or recurring), the care settings (cadences
by tier, birthday lead times, holiday greetings), and snoozing to a chosen moment."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from crmdesk.domain import care as rules
from crmdesk.domain.enums import ReminderKind, Tier
from crmdesk.services import care, directory
from crmdesk.services.context import Context
from crmdesk.ui import labels
from crmdesk.ui.forms import CustomerPicker, Form
from crmdesk.ui.panes.calendar.month_view import to_date, to_qdate
from crmdesk.ui.panes.calendar.task_text import holiday_name, task_text

REPEATS = (
    ("", QT_TRANSLATE_NOOP("TaskDialog", "Does not repeat")),
    ("daily", QT_TRANSLATE_NOOP("TaskDialog", "Every N days")),
    ("weekly", QT_TRANSLATE_NOOP("TaskDialog", "Every N weeks")),
    ("monthly", QT_TRANSLATE_NOOP("TaskDialog", "Every N months")),
    ("yearly", QT_TRANSLATE_NOOP("TaskDialog", "Every N years")),
)
WEEKDAYS = (QT_TRANSLATE_NOOP("TaskDialog", "Mon"), QT_TRANSLATE_NOOP("TaskDialog", "Tue"),
            QT_TRANSLATE_NOOP("TaskDialog", "Wed"), QT_TRANSLATE_NOOP("TaskDialog", "Thu"),
            QT_TRANSLATE_NOOP("TaskDialog", "Fri"), QT_TRANSLATE_NOOP("TaskDialog", "Sat"),
            QT_TRANSLATE_NOOP("TaskDialog", "Sun"))
HAND_KINDS = (ReminderKind.TASK, ReminderKind.AFTER_SALE, ReminderKind.ANNIVERSARY, ReminderKind.AFTER_COMPLAINT)


class TaskDialog(Form):
    """A new task (``task_id`` None) or an edit; ``whole_series`` edits every open occurrence."""

    def __init__(self, ctx: Context, parent: QWidget | None = None, day: dt.date | None = None,
                 customer: tuple[int, str] | None = None, task: care.Task | None = None,
                 whole_series: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("taskDialog")
        self.ctx, self.task, self.whole_series = ctx, task, whole_series
        self.setWindowTitle(self.tr("Edit care task") if task else self.tr("New care task"))
        data = care.load_task(task.id) if task else care.TaskInput("", day or dt.date.today(),
                                                                     customer[0] if customer else None)
        self.picker = CustomerPicker(ctx, self, "taskCustomer")
        if task is not None and task.customer_id:
            self.picker.set_customer(task.customer_id, task.customer)
        elif customer is not None:
            self.picker.set_customer(*customer)
        # A generated task (a birthday, a greeting, a contact) keeps its kind and its words:
        # they tie it to what made it. Its day, time, notes and assignee can change.
        self.generated = data.kind not in {k.value for k in HAND_KINDS}
        self._stored_title = data.title
        shown = task_text(data.kind, data.title, data.due_on) if self.generated else data.title
        self.title = QLineEdit(shown, self)
        self.title.setObjectName("taskTitle")
        self.title.setReadOnly(self.generated)
        self.kind = QComboBox(self)
        for kind in HAND_KINDS:
            self.kind.addItem(labels.label(kind.value), kind.value)
        if self.generated:
            self.kind.addItem(labels.label(data.kind), data.kind)
            self.kind.setEnabled(False)
        self.kind.setCurrentIndex(max(0, self.kind.findData(data.kind)))
        self.due = QDateEdit(to_qdate(data.due_on), self)
        self.due.setObjectName("taskDue")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.timed = QCheckBox(self.tr("At a time"), self)
        self.time = QTimeEdit(QTime(data.due_time.hour, data.due_time.minute) if data.due_time else QTime(9, 0), self)
        self.timed.setChecked(data.due_time is not None)
        self.time.setEnabled(self.timed.isChecked())
        self.timed.toggled.connect(self.time.setEnabled)
        when = QHBoxLayout()
        when.addWidget(self.due)
        when.addWidget(self.timed)
        when.addWidget(self.time)
        self.repeat = QComboBox(self)
        self.repeat.setObjectName("taskRepeat")
        for value, text in REPEATS:
            self.repeat.addItem(self.tr(text), value)
        self.interval = QSpinBox(self)
        self.interval.setRange(1, 999)
        self.days = [QCheckBox(self.tr(name), self) for name in WEEKDAYS]
        day_row = QHBoxLayout()
        for box in self.days:
            day_row.addWidget(box)
        self.ends = QComboBox(self)
        self.ends.addItem(self.tr("Never ends"), "never")
        self.ends.addItem(self.tr("Ends on"), "until")
        self.ends.addItem(self.tr("Ends after N times"), "count")
        self.until = QDateEdit(to_qdate(data.due_on + dt.timedelta(days=365)), self)
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.count = QSpinBox(self)
        self.count.setRange(1, 10_000)
        self.count.setValue(10)
        rec = data.recurrence
        if rec is not None:
            self.repeat.setCurrentIndex(max(0, self.repeat.findData(rec.frequency)))
            self.interval.setValue(rec.interval)
            for i in rec.weekdays:
                self.days[i].setChecked(True)
            if rec.until is not None:
                self.ends.setCurrentIndex(1)
                self.until.setDate(to_qdate(rec.until))
            elif rec.count is not None:
                self.ends.setCurrentIndex(2)
                self.count.setValue(rec.count)
        self.assignee = QComboBox(self)
        self.assignee.addItem(self.tr("Nobody"), None)
        for uid, name in directory.users():
            self.assignee.addItem(name, uid)
        self.assignee.setCurrentIndex(max(0, self.assignee.findData(data.assignee_id)))
        self.notes = QPlainTextEdit(data.notes, self)
        self.notes.setFixedHeight(70)
        self.form.addRow(self.tr("Customer"), self.picker)
        self.form.addRow(self.tr("What to do"), self.title)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Due"), when)
        self.form.addRow(self.tr("Repeat"), self.repeat)
        self.form.addRow(self.tr("Every"), self.interval)
        self.form.addRow(self.tr("On"), day_row)
        self.form.addRow(self.tr("Ends"), self.ends)
        self.form.addRow("", self.until)
        self.form.addRow("", self.count)
        self.form.addRow(self.tr("Assigned to"), self.assignee)
        self.form.addRow(self.tr("Notes"), self.notes)
        self.finish_layout()
        self.repeat.currentIndexChanged.connect(lambda _i: self._show_repeat())
        self.ends.currentIndexChanged.connect(lambda _i: self._show_repeat())
        self._show_repeat()
        self.submit = self._save
        self.saved_id: int | None = task.id if task else None
        self.title.setFocus()

    def _show_repeat(self) -> None:
        repeating = bool(self.repeat.currentData())
        self.interval.setEnabled(repeating)
        self.ends.setEnabled(repeating)
        for box in self.days:
            box.setEnabled(self.repeat.currentData() == "weekly")
        self.until.setEnabled(repeating and self.ends.currentData() == "until")
        self.count.setEnabled(repeating and self.ends.currentData() == "count")

    def value(self) -> care.TaskInput:
        recurrence = None
        if self.repeat.currentData():
            weekdays = tuple(i for i, box in enumerate(self.days) if box.isChecked()) \
                if self.repeat.currentData() == "weekly" else ()
            recurrence = care.Recurrence(
                self.repeat.currentData(), self.interval.value(), weekdays,
                to_date(self.until.date()) if self.ends.currentData() == "until" else None,
                self.count.value() if self.ends.currentData() == "count" else None)
        when = self.time.time()
        return care.TaskInput(
            title=self._stored_title if self.generated else self.title.text(), due_on=to_date(self.due.date()),
            customer_id=self.picker.customer_id(),
            kind=self.kind.currentData(), due_time=dt.time(when.hour(), when.minute()) if self.timed.isChecked() else None,
            notes=self.notes.toPlainText(), assignee_id=self.assignee.currentData(), recurrence=recurrence)

    def _save(self) -> None:
        data = self.value()
        if self.task is None:
            self.saved_id, self.changes = care.create_task(self.ctx, data)
        else:
            self.changes = care.update_task(self.ctx, self.task.id, data, self.whole_series)


class CareSettingsDialog(Form):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("careSettingsDialog")
        self.setWindowTitle(self.tr("Care settings"))
        self.ctx = ctx
        current, cadences = care.care_settings(), care.cadences()
        self.cadence: dict[str, QSpinBox] = {}
        for tier in Tier.values():
            box = QSpinBox(self)
            box.setObjectName(f"cadence_{tier}")
            box.setRange(0, rules.MAX_CADENCE_DAYS)
            box.setSpecialValueText(self.tr("no regular contact"))
            box.setSuffix(self.tr(" days"))
            box.setValue(cadences.get(tier) or 0)
            self.cadence[tier] = box
            self.form.addRow(self.tr("Contact %1 customers every").replace("%1", labels.label(tier)), box)
        leads = list(current.birthday_leads) + [0, 0]
        self.lead_early = QSpinBox(self)
        self.lead_early.setRange(0, rules.MAX_LEAD_DAYS)
        self.lead_early.setSpecialValueText(self.tr("no early reminder"))
        self.lead_early.setValue(max(leads[:2]))
        self.on_the_day = QCheckBox(self.tr("and on the day"), self)
        self.on_the_day.setChecked(0 in current.birthday_leads)
        lead_row = QHBoxLayout()
        lead_row.addWidget(self.lead_early)
        lead_row.addWidget(self.on_the_day)
        self.form.addRow(self.tr("Birthday reminder, days ahead"), lead_row)
        self.holidays: dict[str, QCheckBox] = {}
        holiday_grid = QGridLayout()
        for i, holiday in enumerate(rules.HOLIDAYS):
            box = QCheckBox(holiday_name(holiday.key), self)
            box.setChecked(holiday.key in current.holidays)
            self.holidays[holiday.key] = box
            holiday_grid.addWidget(box, i // 4, i % 4)
        self.form.addRow(self.tr("Holiday greetings"), holiday_grid)
        self.holiday_tiers: dict[str, QCheckBox] = {}
        tier_row = QHBoxLayout()
        for tier in Tier.values():
            box = QCheckBox(labels.label(tier), self)
            box.setChecked(tier in current.holiday_tiers)
            self.holiday_tiers[tier] = box
            tier_row.addWidget(box)
        self.form.addRow(self.tr("Greet customers of"), tier_row)
        self.holiday_lead = QSpinBox(self)
        self.holiday_lead.setRange(0, rules.MAX_LEAD_DAYS)
        self.holiday_lead.setValue(current.holiday_lead)
        self.form.addRow(self.tr("Greeting task, days before the holiday"), self.holiday_lead)
        self.horizon = QSpinBox(self)
        self.horizon.setRange(7, 366)
        self.horizon.setValue(current.horizon_days)
        self.form.addRow(self.tr("Plan tasks this many days ahead"), self.horizon)
        self.finish_layout()
        self.submit = self._save

    def _save(self) -> None:
        leads = {self.lead_early.value()} if self.lead_early.value() else set()
        if self.on_the_day.isChecked():
            leads.add(0)
        care.save_cadences(self.ctx, {tier: box.value() or None for tier, box in self.cadence.items()})
        care.save_care_settings(self.ctx, care.CareSettings(
            birthday_leads=tuple(sorted(leads, reverse=True)),
            holidays=tuple(k for k, box in self.holidays.items() if box.isChecked()),
            holiday_tiers=tuple(t for t, box in self.holiday_tiers.items() if box.isChecked()),
            holiday_lead=self.holiday_lead.value(), horizon_days=self.horizon.value()))


class SnoozeDialog(Form):
    def __init__(self, ctx: Context, task_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snoozeDialog")
        self.setWindowTitle(self.tr("Snooze until"))
        self.ctx, self.task_id = ctx, task_id
        self.when = QDateTimeEdit(QDateTime.fromMSecsSinceEpoch(ctx.now() + 3_600_000), self)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.form.addRow(self.tr("Remind me again at"), self.when)
        self.finish_layout()
        self.submit = self._save

    def _save(self) -> None:
        self.changes = care.snooze(self.ctx, self.task_id, self.when.dateTime().toMSecsSinceEpoch())
