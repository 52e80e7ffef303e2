"""Headline numbers from the data: customers by category, tier and stage; work waiting."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from crmdesk.domain.changes import Changes
from crmdesk.domain.enums import Category, LifecycleStage, Tier
from crmdesk.services import stats
from crmdesk.services.context import Context
from crmdesk.ui import labels
from crmdesk.ui.tasks import TaskRunner


class KpiCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        self.value = QLabel(self)
        self.value.setObjectName("kpiValue")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value.setFont(font)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        for w in (self.title, self.value, self.detail):
            layout.addWidget(w)
        layout.addStretch(1)


class DashboardPane(QWidget):
    """Computes its numbers in the background when shown, and after every change."""

    def __init__(self, ctx: Context, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardPane")
        self._ctx = ctx
        self._runner = runner
        self._stale = True
        self.overview: stats.Overview | None = None
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.cards = {name: KpiCard(self) for name in ("customers", "pipeline", "care", "complaints", "tiers", "stages")}
        grid = QGridLayout()
        for i, card in enumerate(self.cards.values()):
            grid.addWidget(card, i // 3, i % 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Dashboard"))
        titles = {
            "customers": self.tr("Customers"),
            "pipeline": self.tr("Open pipeline"),
            "care": self.tr("Care tasks"),
            "complaints": self.tr("Open complaints"),
            "tiers": self.tr("By value tier"),
            "stages": self.tr("By lifecycle stage"),
        }
        for name, text in titles.items():
            self.cards[name].title.setText(text)
        self._show()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def on_changes_did_happen(self, changes: Changes) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self._runner.run(lambda: stats.overview(self._ctx), self._on_overview)

    def _on_overview(self, overview: stats.Overview) -> None:
        self.overview = overview
        self._show()

    @staticmethod
    def _breakdown(counts: dict[str, int], order: list[str]) -> str:
        return "\n".join(f"{labels.label(key)}: {counts.get(key, 0):,}" for key in order)

    def _show(self) -> None:
        o = self.overview
        if o is None:
            for card in self.cards.values():
                card.value.setText("…")
            return
        c = self.cards
        c["customers"].value.setText(f"{o.customers:,}")
        c["customers"].detail.setText(self._breakdown(o.by_category, Category.values()))
        c["pipeline"].value.setText(labels.money(o.open_pipeline_cents))
        c["pipeline"].detail.setText(self.tr("%n open deal(s)", "", o.open_deals))
        c["care"].value.setText(str(o.reminders_due_today))
        c["care"].detail.setText(self.tr("due today; %n overdue", "", o.reminders_overdue))
        c["complaints"].value.setText(str(o.complaints_open))
        c["complaints"].detail.setText(self.tr("%n past their deadline", "", o.complaints_overdue))
        c["tiers"].detail.setText(self._breakdown(o.by_tier, Tier.values()))
        c["stages"].detail.setText(self._breakdown(o.by_stage, LifecycleStage.values()))
        for card in (c["tiers"], c["stages"]):  # breakdowns only: no headline number
            card.value.hide()
