"""Help → Check database…: the check on the worker thread, then what it found and repaired."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from crmdesk.services.check import CheckReport, check_database
from crmdesk.ui import labels
from crmdesk.ui.export_task import run_with_progress
from crmdesk.ui.tasks import TaskRunner


def finding_text(template: str, params: dict) -> str:
    text = QCoreApplication.translate("check", template)
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return template.format(**params)


class DatabaseCheck(QObject):
    def __init__(self, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.runner, self.window = runner, parent
        self.action = QAction(self, objectName="checkDatabaseAction", triggered=self.on_check)
        self.last_text = ""

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Check database…"))

    def on_check(self) -> None:
        self.last_task = run_with_progress(self.window, self.runner, self.tr("Checking the database…"), 4,
                                           lambda p: check_database(repair=True, progress=p), self.show_report,
                                           self.failed)

    def report_text(self, report: CheckReport) -> str:
        if report.healthy:
            return self.tr("The database is healthy: no damage, every reference sound, the search index and the "
                           "dashboard's totals in step.")
        lines = [("✓ " if f.repaired else "✗ ") + finding_text(f.template, f.params) for f in report.findings]
        tail = (self.tr("Damage remains that checking cannot repair: restore a backup (File → Backups…).")
                if report.damage_remains else self.tr("Everything found was repaired."))
        return "\n".join([*lines, "", tail])

    def show_report(self, report: object) -> None:
        self.last_text = self.report_text(report)  # type: ignore[arg-type]
        box = QMessageBox.warning if report.damage_remains else QMessageBox.information  # type: ignore[attr-defined]
        box(self.window, self.tr("Check database"), self.last_text)

    def failed(self, exc: BaseException) -> None:
        self.last_text = labels.error_text(exc)
        QMessageBox.warning(self.window, self.tr("Check database"), self.last_text)
