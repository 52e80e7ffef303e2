"""File → Export → KPI workbook: choose the period and the file, then write it in the background."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QWidget

from crmdesk.domain.clock import today
from crmdesk.services.context import Context
from crmdesk.ui.tasks import TaskRunner


class KpiExport(QObject):
    """Asks for the period (this month, quarter or year, or the last 30 days) and the file."""

    def __init__(self, ctx: Context, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._ctx, self._runner, self._parent = ctx, runner, parent

    def periods(self) -> list[tuple[str, str]]:
        return [("month", self.tr("This month")), ("quarter", self.tr("This quarter")),
                ("year", self.tr("This year")), ("last30", self.tr("The last 30 days"))]

    def run(self, kind: str | None = None) -> None:
        from crmdesk.services.exporting.kpi import export_kpis
        from crmdesk.services.kpi import Period
        from crmdesk.ui.export_file import choose_export_file
        from crmdesk.ui.export_task import run_export
        from crmdesk.ui.export_words import TranslatedWords

        title = self.tr("Export the KPI workbook")
        if kind is None:
            choices = self.periods()
            chosen, ok = QInputDialog.getItem(self._parent, title, self.tr("Period:"), [t for _k, t in choices], 0,
                                              False)
            if not ok:
                return
            kind = next(k for k, t in choices if t == chosen)
        day = today(self._ctx.clock)
        period = Period.of(kind, day)
        target = choose_export_file(self._parent, title, self.tr("kpi"), day, kinds=("xlsx",))
        if target is None:
            return
        ctx = self._ctx
        run_export(self._parent, self._runner, title, 2,
                   lambda p: export_kpis(ctx, period, target, TranslatedWords(), p),
                   lambda count: self.tr("The KPI workbook (%n figure(s)) was written to %1.", "", count)
                   .replace("%1", str(target)))
