"""The main window's Reports menu: the archive's customer list, the pipeline forecast, the
complaint summary of a period and the KPI report of this month."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu

from crmdesk.domain.clock import today

if TYPE_CHECKING:
    from crmdesk.ui.main_window import MainWindow


def _month_start(day: dt.date, back: int = 0) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 - back, 12)
    return dt.date(year, month + 1, 1)


def complaint_periods(day: dt.date) -> list[tuple[str, dt.date | None, dt.date | None]]:
    """(key, first day, day after) of the periods a complaint summary can cover."""
    tomorrow = day + dt.timedelta(days=1)
    return [("month", _month_start(day), tomorrow), ("last_month", _month_start(day, 1), _month_start(day)),
            ("year", day.replace(month=1, day=1), tomorrow), ("all", None, None)]


class ReportsMenu(QMenu):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("reportsMenu")
        self.window_ = window
        self.customers_action = QAction(self, objectName="reportCustomers", triggered=self.on_customers)
        self.pipeline_action = QAction(self, objectName="reportPipeline", triggered=self.on_pipeline)
        self.complaints_action = QAction(self, objectName="reportComplaints", triggered=self.on_complaints)
        self.kpi_action = QAction(self, objectName="reportKpi", triggered=self.on_kpi)
        for action in (self.customers_action, self.pipeline_action, self.complaints_action, self.kpi_action):
            self.addAction(action)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Reports"))
        self.customers_action.setText(self.tr("&Customer list (the archive's filter)…"))
        self.pipeline_action.setText(self.tr("&Pipeline forecast…"))
        self.complaints_action.setText(self.tr("C&omplaint summary…"))
        self.kpi_action.setText(self.tr("&KPI report of this month…"))

    def _open(self, title: str, stem: str, build) -> None:  # noqa: ANN001 - see crmdesk.ui.reports.Build
        from crmdesk.ui.reports import open_report

        open_report(self.window_, self.window_.runner, title, stem, build)

    # Each report module is imported inside its build, on the worker: reportlab loads there.
    def on_customers(self) -> None:
        ctx, flt = self.window_.ctx, self.window_.customers.current_filter

        def build(words, paper, progress) -> bytes:  # noqa: ANN001 - see crmdesk.ui.reports.Build
            from crmdesk.reports.customer_list import build_customer_list

            return build_customer_list(ctx, flt, words, paper, progress)

        self._open(self.tr("Customer list"), "customers", build)

    def on_pipeline(self) -> None:
        ctx = self.window_.ctx

        def build(words, paper, progress) -> bytes:  # noqa: ANN001
            from crmdesk.reports.pipeline import build_pipeline

            return build_pipeline(ctx, None, words, paper, progress)

        self._open(self.tr("Pipeline forecast"), "pipeline", build)

    def on_complaints(self, period: str | None = None) -> None:
        ctx = self.window_.ctx
        periods = complaint_periods(today(ctx.clock))
        names = {"month": self.tr("This month"), "last_month": self.tr("Last month"), "year": self.tr("This year"),
                 "all": self.tr("All time")}
        if period is None:
            choice, ok = QInputDialog.getItem(self.window_, self.tr("Complaint summary"), self.tr("Period:"),
                                              [names[key] for key, _s, _u in periods], 0, False)
            if not ok:
                return
            period = next(key for key, _s, _u in periods if names[key] == choice)
        _key, start, until = next(p for p in periods if p[0] == period)

        def build(words, paper, progress) -> bytes:  # noqa: ANN001
            from crmdesk.reports.complaints import build_complaints

            return build_complaints(ctx, start, until, words, paper, progress)

        self._open(self.tr("Complaint summary"), "complaints", build)

    def on_kpi(self) -> None:
        ctx = self.window_.ctx

        def build(words, paper, progress) -> bytes:  # noqa: ANN001
            from crmdesk.reports.kpi import build_kpi

            return build_kpi(ctx, None, words, paper, progress)

        self._open(self.tr("KPI report"), "kpi", build)
