"""Complaint statistics for a period: counts, time to resolve, on-time rate, satisfaction."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from crmdesk.services import complaints
from crmdesk.services.context import Context
from crmdesk.ui import labels
from crmdesk.ui.panes.complaints.periods import PERIODS, period_range, period_text


class StatsDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaintStats")
        self.setWindowTitle(self.tr("Complaint statistics"))
        self.ctx = ctx
        self.period = QComboBox(self)
        for key in PERIODS:
            self.period.addItem(period_text(key), key)
        self.period.currentIndexChanged.connect(self.refresh)
        self.numbers = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, text in (
            ("total", self.tr("Complaints received")), ("by_category", self.tr("By category")),
            ("by_severity", self.tr("By severity")), ("average", self.tr("Average time to resolve")),
            ("p90", self.tr("90% resolved within")), ("on_time", self.tr("Resolved on time")),
            ("satisfaction", self.tr("Satisfaction")), ("open", self.tr("Open now (overdue)")),
            ("repeat", self.tr("Repeat complainers")),
        ):
            label = QLabel(self)
            label.setObjectName(f"stat_{key}")
            label.setWordWrap(True)
            self.values[key] = label
            self.numbers.addRow(text, label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.period)
        layout.addLayout(self.numbers)
        layout.addWidget(buttons)
        self.resize(480, 420)
        self.refresh()

    def refresh(self) -> None:
        start, end = period_range(self.period.currentData(), self.ctx)
        s = complaints.statistics(self.ctx, start, end)
        v = self.values
        v["total"].setText(str(s.total))
        none = self.tr("(none)")
        v["by_category"].setText("，".join(f"{name or none} {n}" for name, n in s.by_category) or "—")
        v["by_severity"].setText("，".join(f"{labels.label(k)} {n}" for k, n in sorted(s.by_severity.items())) or "—")
        v["average"].setText(self._hours(s.average_hours))
        v["p90"].setText(self._hours(s.p90_hours))
        v["on_time"].setText("—" if s.on_time_rate is None else f"{s.on_time_rate:.0%} ({s.resolved})")
        v["satisfaction"].setText("—" if s.satisfaction is None else f"{s.satisfaction:.1f} / 5 ({s.rated})")
        v["open"].setText(f"{s.open} ({s.overdue})")
        v["repeat"].setText("，".join(f"{name} ×{n}" for _, name, n in s.repeat) or "—")

    def _hours(self, hours: float | None) -> str:
        if hours is None:
            return "—"
        if hours >= 48:
            return self.tr("%1 days").replace("%1", f"{hours / 24:.1f}")
        return self.tr("%1 hours").replace("%1", f"{hours:.1f}")
