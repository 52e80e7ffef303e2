"""The dashboard: the business's key figures for a chosen period, and charts of them.

Every figure is a tile whose tooltip gives its definition; clicking a tile or a bar opens the
matching list (``drill_requested``). Figures are computed off the GUI thread and kept per
period until the data changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.changes import Changes
from crmdesk.domain.clock import today
from crmdesk.domain.enums import Category, LifecycleStage, Tier
from crmdesk.domain.filters import CustomerFilter
from crmdesk.services import kpi
from crmdesk.services.context import Context
from crmdesk.ui import labels
from crmdesk.ui.panes.dashboard.bar_chart import BarChart
from crmdesk.ui.tasks import TaskRunner
from crmdesk.ui.widgets import heading

COLUMNS = 5


class KpiTile(QFrame):
    clicked = Signal(str)

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"kpi_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.title, self.value, self.detail = QLabel(self), QLabel(self), QLabel(self)
        self.value.setObjectName("kpiValue")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        for label in (self.title, self.value, self.detail):
            layout.addWidget(label)
        layout.addStretch(1)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.key)


def _kpi_text(text: str) -> str:
    return QCoreApplication.translate("kpi", text)


class DashboardPane(QWidget):
    # What to open: "customers" (a CustomerFilter), "pipeline", "forecast", "complaints"
    # (period start and end in ms), "care" or "duplicates" (None).
    drill_requested = Signal(str, object)

    def __init__(self, ctx: Context, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardPane")
        self._ctx = ctx
        self._runner = runner
        self._cache = kpi.KpiCache()
        self._stale = True
        self._generation = 0
        self.figures: kpi.Kpis | None = None
        self.period = kpi.Period.of("month", today(ctx.clock))

        self.heading = heading(self)
        self.kind = QComboBox(self, objectName="periodKind")
        self.kind.currentIndexChanged.connect(self._on_kind)
        self.previous = QToolButton(self, objectName="previousPeriod", text="◀")
        self.previous.clicked.connect(lambda: self._step(-1))
        self.next = QToolButton(self, objectName="nextPeriod", text="▶")
        self.next.clicked.connect(lambda: self._step(1))
        self.period_label = QLabel(self, objectName="periodLabel")
        self.next.setEnabled(False)  # the current period: nothing after it yet
        bar = QHBoxLayout()
        for w in (self.heading, self.kind, self.previous, self.period_label, self.next):
            bar.addWidget(w)
        bar.addStretch(1)

        self.tiles = {info.key: KpiTile(info.key, self) for info in kpi.KPIS}
        grid = QGridLayout()
        for i, tile in enumerate(self.tiles.values()):
            tile.clicked.connect(self._on_tile)
            grid.addWidget(tile, i // COLUMNS, i % COLUMNS)
        self.charts = {name: BarChart(self) for name in ("category", "tier", "stage", "new", "revenue", "pipeline")}
        for name, chart in self.charts.items():
            chart.setObjectName(f"chart_{name}")
            chart.bar_clicked.connect(lambda index, name=name: self._on_bar(name, index))
        charts = QGridLayout()
        for i, chart in enumerate(self.charts.values()):
            charts.addWidget(chart, i // 3, i % 3)
        body = QWidget(self)
        inner = QVBoxLayout(body)
        inner.addLayout(grid)
        inner.addLayout(charts)
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        self.retranslate()

    # -- words --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Dashboard"))
        choice = self.kind.currentIndex()
        self.kind.blockSignals(True)
        self.kind.clear()
        for text in (self.tr("Month"), self.tr("Quarter"), self.tr("Year"), self.tr("Last 30 days")):
            self.kind.addItem(text)
        self.kind.setCurrentIndex(max(choice, 0))
        self.kind.blockSignals(False)
        self.previous.setToolTip(self.tr("Previous period"))
        self.next.setToolTip(self.tr("Next period"))
        click = self.tr("Click to open the matching list.")
        for info in kpi.KPIS:
            tile = self.tiles[info.key]
            tile.title.setText(_kpi_text(info.title))
            tile.setToolTip(f"{_kpi_text(info.definition)}\n{click}")
        self._show()

    def _period_text(self) -> str:
        p = self.period
        last = p.until - dt.timedelta(days=1)
        return f"{labels.date_text(p.start)} – {labels.date_text(last)}"

    # -- period ---------------------------------------------------------------------------------
    @property
    def period_kind(self) -> str:
        return kpi.PERIOD_KINDS[max(self.kind.currentIndex(), 0)]

    def _on_kind(self) -> None:
        self.set_period(kpi.Period.of(self.period_kind, today(self._ctx.clock)))

    def _step(self, steps: int) -> None:
        self.set_period(self.period.shifted(steps, self.period_kind))

    def set_period(self, period: kpi.Period) -> None:
        self.period = period
        self.next.setEnabled(period.until <= today(self._ctx.clock))  # no figures for the future
        self.refresh()

    # -- loading --------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def on_changes_did_happen(self, changes: Changes) -> None:
        self._cache.clear()
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self._generation += 1
        generation, period, ctx = self._generation, self.period, self._ctx
        cached = self._cache.cached(ctx, period)
        if cached is not None:
            self._on_figures(generation, cached)
            return
        self.figures = None
        self._show()
        self._runner.run(lambda: self._cache.get(ctx, period), lambda found: self._on_figures(generation, found))

    def _on_figures(self, generation: int, figures: kpi.Kpis) -> None:
        if generation == self._generation:  # a newer period was asked for meanwhile
            self.figures = figures
            self._show()

    # -- showing --------------------------------------------------------------------------------
    @staticmethod
    def headline(kind: str, value: float | None) -> str:
        if value is None:
            return "—"
        if kind == "money":
            return labels.money(int(value))
        if kind == "percent":
            return f"{value * 100:.1f}%"
        if kind == "score":
            return f"{value:.2f}"
        return f"{int(value):,}"

    def _details(self, k: kpi.Kpis) -> dict[str, str]:
        def of(count: int, total: int) -> str:
            return self.tr("%1 of %2").replace("%1", f"{count:,}").replace("%2", f"{total:,}")

        return {
            "customers": self.tr("%n with orders", "", k.customers_with_orders),
            "new_customers": self.tr("in the period"),
            "revenue": self.tr("%n order(s)", "", k.orders),
            "retention": self.tr("%1 still active").replace("%1", of(k.retained, k.active_at_start)),
            "churn": self.tr("%n customer(s) lapsed", "", k.churned),
            "lead_to_won": self.tr("%1 deals opened were won").replace("%1", of(k.deals_opened_won, k.deals_opened)),
            "win_rate": self.tr("%1 won, %2 lost").replace("%1", f"{k.deals_won:,}").replace("%2", f"{k.deals_lost:,}"),
            "open_pipeline": self.tr("%n open deal(s)", "", k.open_deals),
            "weighted_forecast": self.tr("by win probability"),
            "average_ltv": self.tr("over %n customer(s) with orders", "", k.customers_with_orders),
            "satisfaction": self.tr("%n rating(s)", "", k.rated),
            "complaints_on_time": self.tr("%1 resolved; %2 open past the deadline")
            .replace("%1", f"{k.complaints_resolved:,}").replace("%2", f"{k.complaints_overdue:,}"),
            "care_overdue": self.tr("%n due today", "", k.care_due_today),
            "missing_phone": self.tr("%n customer(s)", "", k.missing_phone),
            "duplicates": self.tr("in %n group(s)", "", k.duplicate_groups),
        }

    def _show(self) -> None:
        self.period_label.setText(self._period_text())
        k = self.figures
        if k is None:
            for tile in self.tiles.values():
                tile.value.setText("…")
                tile.detail.setText("")
            return
        details = self._details(k)
        for info in kpi.KPIS:
            tile = self.tiles[info.key]
            tile.value.setText(self.headline(info.kind, k.value(info.key)))
            tile.detail.setText(details[info.key])

        def counts(title: str, found: dict[str, int], order: list[str]) -> tuple:
            return title, [labels.label(v) for v in order], [found.get(v, 0) for v in order]

        c = self.charts
        c["category"].set_data(*counts(self.tr("Customers by category"), k.by_category, Category.values()))
        c["tier"].set_data(*counts(self.tr("Customers by value tier"), k.by_tier, Tier.values()))
        c["stage"].set_data(*counts(self.tr("Customers by lifecycle stage"), k.by_stage, LifecycleStage.values()))
        months = [f"{d.month}" if d.month != 1 else f"{d.year % 100:02d}/1" for d in k.months]
        c["new"].set_data(self.tr("New customers per month"), months, k.new_by_month)
        c["revenue"].set_data(self.tr("Revenue per month"), months, k.revenue_by_month,
                              lambda cents: _short_money(cents))
        c["pipeline"].set_data(self.tr("Open pipeline by stage"), [s.name for s in k.pipeline_by_stage],
                               [s.amount_cents for s in k.pipeline_by_stage], lambda cents: _short_money(cents))

    # -- drilling down ----------------------------------------------------------------------------
    def _period_ms(self) -> tuple[int, int]:
        return kpi.day_start_ms(self.period.start), kpi.day_start_ms(self.period.until)

    def _on_tile(self, key: str) -> None:
        start, until = self._period_ms()
        customers = {
            "customers": CustomerFilter(),
            "new_customers": CustomerFilter(created_from=start, created_until=until),
            "revenue": CustomerFilter(ordered_from=self.period.start, ordered_until=self.period.until),
            "retention": CustomerFilter(ordered_from=self.period.start, ordered_until=self.period.until),
            "churn": CustomerFilter(stages=(LifecycleStage.CHURNED.value,)),
            "average_ltv": CustomerFilter(ordered_from=dt.date.min),
            "missing_phone": CustomerFilter(missing_phone=True),
        }
        if key in customers:
            self.drill_requested.emit("customers", customers[key])
        elif key in ("lead_to_won", "win_rate"):
            self.drill_requested.emit("forecast", None)
        elif key in ("open_pipeline", "weighted_forecast"):
            self.drill_requested.emit("pipeline", None)
        elif key in ("satisfaction", "complaints_on_time"):
            self.drill_requested.emit("complaints", (start, until))
        elif key == "care_overdue":
            self.drill_requested.emit("care", None)
        elif key == "duplicates":
            self.drill_requested.emit("duplicates", None)

    def _on_bar(self, chart: str, index: int) -> None:
        k = self.figures
        if k is None:
            return
        if chart in ("category", "tier", "stage"):
            field, values = {"category": ("categories", Category.values()), "tier": ("tiers", Tier.values()),
                             "stage": ("stages", LifecycleStage.values())}[chart]
            self.drill_requested.emit("customers", replace(CustomerFilter(), **{field: (values[index],)}))
        elif chart in ("new", "revenue"):
            first = k.months[index]
            after = kpi.add_months(first, 1)
            if chart == "new":
                flt = CustomerFilter(created_from=kpi.day_start_ms(first), created_until=kpi.day_start_ms(after))
            else:
                flt = CustomerFilter(ordered_from=first, ordered_until=after)
            self.drill_requested.emit("customers", flt)
        else:
            self.drill_requested.emit("pipeline", None)


def _short_money(cents: float) -> str:
    """Money on a bar, at most about four characters wide: whole units, then 万 and 亿 in
    Chinese, k and M in English (1.02M rather than 1,021k, which a narrow bar cuts)."""
    units = cents / 100
    if QLocale().language() == QLocale.Language.Chinese:
        steps = ((100_000_000, "亿"), (10_000, "万"))
    else:
        steps = ((1_000_000, "M"), (1000, "k"))
    for step, mark in steps:
        if abs(units) >= step * 0.9995:  # what would round to 1000k is 1M
            scaled = units / step
            digits = 0 if abs(scaled) >= 100 else 1 if abs(scaled) >= 10 else 2
            return f"{scaled:.{digits}f}".rstrip("0").rstrip(".") + mark if digits else f"{scaled:.0f}{mark}"
    return f"{units:,.0f}"
