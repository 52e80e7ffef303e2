"""Automatic backups while the app runs, and the status bar's "Last backup: today 14:30".

Every 30 minutes, if anything changed since the last copy (the change bus says so), a backup
is taken on a worker thread of its own, so the window and the main worker's saves never wait
for it. A failure is shown in the status bar; the next round tries again.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from crmdesk.domain.clock import from_ms
from crmdesk.services import backups
from crmdesk.services.context import Context
from crmdesk.ui import labels
from crmdesk.ui.bus import ChangeBus
from crmdesk.ui.tasks import TaskProgress, TaskRunner

INTERVAL_MS = 30 * 60 * 1000


class AutoBackup(QObject):
    def __init__(self, ctx: Context, bus: ChangeBus, status_bar: QStatusBar, runner: TaskRunner | None = None) -> None:
        super().__init__(status_bar)
        self.ctx, self.bus, self.status_bar = ctx, bus, status_bar
        self.runner = runner  # None: a worker of its own, started with the timer
        self.label = QLabel(status_bar)
        self.label.setObjectName("lastBackupLabel")
        status_bar.addPermanentWidget(self.label)
        self.changed = False
        self.running = False
        self.last_ms: int | None = None
        self.progress = TaskProgress()
        self.timer = QTimer(self, interval=INTERVAL_MS)
        self.timer.timeout.connect(self.on_timer)
        bus.changes_did_happen.connect(self.on_changes)
        bus.backups_did_change.connect(self.refresh)
        self.refresh()

    def start(self) -> None:
        if self.runner is None:
            self.runner = TaskRunner()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.progress.cancel()  # a copy under way stops between steps; it leaves no file

    def on_changes(self, _changes: object = None) -> None:
        self.changed = True
        self.refresh()  # an import or a merge took a copy before it changed anything

    def on_timer(self) -> None:
        if self.changed and not self.running:
            self.backup_now()

    def backup_now(self) -> None:
        runner = self.runner or TaskRunner(synchronous=True)
        self.running = True
        self.changed = False

        def done(result: backups.BackupResult) -> None:
            self.running = False
            self.refresh()
            if result.warning is not None:
                self.status_bar.showMessage(labels.error_text(result.warning), 60_000)

        def failed(exc: BaseException) -> None:
            self.running = False
            self.changed = True  # try again next round
            if not self.progress.cancelled():
                self.status_bar.showMessage(
                    self.tr("The automatic backup failed: %1").replace("%1", labels.error_text(exc)), 60_000)

        runner.run(lambda: backups.take_backup(self.ctx, "auto", progress=self.progress), done, failed)

    def refresh(self) -> None:
        info = backups.last_backup()
        self.last_ms = info.taken_at if info is not None else None
        self.label.setText(self.text(self.last_ms))
        self.label.setToolTip(str(info.path) if info is not None else "")

    def text(self, taken_ms: int | None) -> str:
        if taken_ms is None:
            return self.tr("No backup yet")
        taken = from_ms(taken_ms)
        today = from_ms(self.ctx.now()).date()
        clock = taken.strftime("%H:%M")
        if taken.date() == today:
            return self.tr("Last backup: today %1").replace("%1", clock)
        if taken.date() == today - dt.timedelta(days=1):
            return self.tr("Last backup: yesterday %1").replace("%1", clock)
        return self.tr("Last backup: %1").replace("%1", labels.timestamp_minutes(taken_ms))
