"""Service deadlines by severity, and whether they count working hours only."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, QTime
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QHBoxLayout, QTimeEdit, QWidget

from crmdesk.domain.complaints import WorkingHours
from crmdesk.domain.enums import Severity
from crmdesk.services import complaints
from crmdesk.services.context import Context
from crmdesk.ui import labels
from crmdesk.ui.forms import Form


class SlaDialog(Form):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slaDialog")
        self.setWindowTitle(self.tr("Service deadlines"))
        hours = complaints.sla_hours()
        working = complaints.working_hours()
        self.hours: dict[str, QDoubleSpinBox] = {}
        for severity in reversed(Severity.values()):
            box = QDoubleSpinBox(self)
            box.setRange(1, 24 * 365)
            box.setDecimals(1)
            box.setSuffix(self.tr(" h"))
            box.setValue(hours[severity])
            self.hours[severity] = box
            self.form.addRow(labels.label(severity), box)
        self.working = QCheckBox(self.tr("Count working hours only"), self)
        self.working.setChecked(working is not None)
        shown = working or WorkingHours()
        self.start = QTimeEdit(QTime(shown.start.hour, shown.start.minute), self)
        self.end = QTimeEdit(QTime(shown.end.hour, shown.end.minute), self)
        times = QHBoxLayout()
        times.addWidget(self.start)
        times.addWidget(self.end)
        self.days: list[QCheckBox] = []
        days = QHBoxLayout()
        for day in range(7):
            box = QCheckBox(QLocale().dayName(day + 1, QLocale.FormatType.ShortFormat), self)
            box.setChecked(day in shown.days)
            self.days.append(box)
            days.addWidget(box)
        self.form.addRow(self.working)
        self.form.addRow(self.tr("From – to"), times)
        self.form.addRow(self.tr("Working days"), days)
        self.finish_layout()
        self.submit = lambda: complaints.set_sla(ctx, *self.value())

    def value(self) -> tuple[dict[str, float], WorkingHours | None]:
        hours = {severity: box.value() for severity, box in self.hours.items()}
        if not self.working.isChecked():
            return hours, None
        start, end = self.start.time(), self.end.time()
        return hours, WorkingHours(dt.time(start.hour(), start.minute()), dt.time(end.hour(), end.minute()),
                                   frozenset(i for i, box in enumerate(self.days) if box.isChecked()))
