"""Forecast (expected revenue by close month and owner) and conversion (stage to stage, win
rate, days per stage, sales cycle) — both computed in the background."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.filters import DealFilter
from crmdesk.services import forecast
from crmdesk.services.context import Context
from crmdesk.ui import labels
from crmdesk.ui.panes.complaints.periods import PERIODS, period_range, period_text
from crmdesk.ui.tasks import TaskRunner

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.1f} %"


def days(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


class AnalysisDialog(QDialog):
    def __init__(self, ctx: Context, runner: TaskRunner, flt: DealFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("analysisDialog")
        self.setWindowTitle(self.tr("Pipeline forecast and conversion"))
        self.resize(760, 520)
        self.ctx, self.runner, self.flt = ctx, runner, flt
        self.tabs = QTabWidget(self)
        self.forecast = QTreeWidget(self)
        self.forecast.setObjectName("forecastTree")
        self.forecast.setHeaderLabels([self.tr("Expected close"), self.tr("Deals"), self.tr("Amount"),
                                       self.tr("Weighted")])
        for column, width in enumerate((220, 80, 180, 180)):
            self.forecast.setColumnWidth(column, width)
        self.tabs.addTab(self.forecast, self.tr("Forecast"))
        conversion = QWidget(self)
        self.period = QComboBox(conversion)
        self.period.setObjectName("conversionPeriod")
        for key in PERIODS:
            self.period.addItem(period_text(key), key)
        self.period.setCurrentIndex(self.period.findData("year"))
        self.period.currentIndexChanged.connect(lambda _i: self.load_conversion())
        self.summary = QLabel(conversion)
        self.summary.setObjectName("conversionSummary")
        self.summary.setWordWrap(True)
        self.flows = QTableWidget(0, 4, conversion)
        self.flows.setObjectName("conversionTable")
        self.flows.setHorizontalHeaderLabels([self.tr("Stage"), self.tr("Deals that got this far"),
                                              self.tr("Went on to the next stage"), self.tr("Average days in stage")])
        self.flows.horizontalHeader().setStretchLastSection(True)
        self.flows.verticalHeader().hide()
        self.flows.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.flows.setColumnWidth(0, 160)
        self.flows.setColumnWidth(1, 160)
        self.flows.setColumnWidth(2, 180)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Deals opened in"), conversion))
        row.addWidget(self.period)
        row.addStretch(1)
        inner = QVBoxLayout(conversion)
        inner.addLayout(row)
        inner.addWidget(self.summary)
        inner.addWidget(self.flows, 1)
        self.tabs.addTab(conversion, self.tr("Conversion"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(close)
        self.load_forecast()
        self.load_conversion()

    def load_forecast(self) -> None:
        ctx, flt = self.ctx, self.flt
        self.runner.run(lambda: forecast.forecast(ctx, flt), self._show_forecast, self._failed)

    def load_conversion(self) -> None:
        ctx = self.ctx
        start, until = period_range(self.period.currentData(), ctx)
        self.runner.run(lambda: forecast.conversion(ctx, start, until), self._show_conversion, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(labels.error_text(exc))

    def _show_forecast(self, rows: list[forecast.ForecastRow]) -> None:
        self.forecast.clear()
        months: dict[object, QTreeWidgetItem] = {}
        sums: dict[object, list[int]] = {}
        total = [0, 0, 0]
        for row in rows:
            item = months.get(row.month)
            if item is None:
                name = row.month.strftime("%Y-%m") if row.month else self.tr("No close date")
                item = months[row.month] = QTreeWidgetItem(self.forecast, [name])
                sums[row.month] = [0, 0, 0]
            QTreeWidgetItem(item, [row.owner or self.tr("Unassigned"), f"{row.count:,}",
                                   labels.money(row.amount_cents), labels.money(row.weighted_cents)])
            for i, value in enumerate((row.count, row.amount_cents, row.weighted_cents)):
                sums[row.month][i] += value
                total[i] += value
        for month, item in months.items():
            n, amount, weighted = sums[month]
            item.setText(1, f"{n:,}")
            item.setText(2, labels.money(amount))
            item.setText(3, labels.money(weighted))
        bold = QFont(self.forecast.font())
        bold.setBold(True)
        footer = QTreeWidgetItem(self.forecast, [self.tr("All open deals"), f"{total[0]:,}", labels.money(total[1]),
                                                 labels.money(total[2])])
        for item in [*months.values(), footer]:
            for column in range(4):
                item.setFont(column, bold)
        for item in self.forecast.findItems("", Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive):
            for column in (1, 2, 3):
                item.setTextAlignment(column, RIGHT)
        self.forecast.expandAll()

    def _show_conversion(self, result: forecast.Conversion) -> None:
        self.flows.setRowCount(len(result.flows))
        for i, flow in enumerate(result.flows):
            values = (flow.stage.name, f"{flow.reached:,}", percent(flow.to_next), days(flow.average_days))
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(RIGHT)
                self.flows.setItem(i, column, item)
        cycle = days(result.average_cycle_days)
        self.summary.setText(
            self.tr("%1 deals opened · closed in the period: %2 won, %3 lost · win rate %4 · "
                    "average sales cycle %5 days")
            .replace("%1", f"{result.opened:,}").replace("%2", f"{result.won:,}").replace("%3", f"{result.lost:,}")
            .replace("%4", percent(result.win_rate)).replace("%5", cycle))
