"""Long work with a progress dialog and a Cancel button, on the worker thread; and exports
on top of it, which every pane and the File → Export menu share."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from crmdesk.services.progress import Cancelled
from crmdesk.ui import labels
from crmdesk.ui.tasks import TaskProgress, TaskRunner



def run_with_progress(parent: QWidget, runner: TaskRunner, label: str, size: int,
                      work: Callable[[TaskProgress], object], done: Callable[[object], None],
                      fail: Callable[[BaseException], None]) -> QProgressDialog:
    """Run ``work(progress)`` in the background; a window-modal progress dialog shows for
    work that takes a moment, and its Cancel button asks the work to stop."""
    progress = TaskProgress()
    dialog = QProgressDialog(label, QCoreApplication.translate("ExportTask", "Cancel"), 0, max(size, 1), parent)
    dialog.setObjectName("taskProgress")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.canceled.connect(progress.cancel)
    progress.progressed.connect(lambda n, total, _stage: (dialog.setMaximum(max(total, 1)),
                                                           dialog.setValue(min(n, max(total, 1) - 1))))

    def finish(result: object) -> None:
        dialog.reset()
        done(result)

    def failed(exc: BaseException) -> None:
        dialog.reset()
        fail(exc)

    runner.run(lambda: work(progress), finish, failed)
    return dialog


def run_export(parent: QWidget, runner: TaskRunner, title: str, size: int,
               work: Callable[[TaskProgress], int], written: Callable[[int], str]) -> QProgressDialog:
    """Run an export in the background with progress and cancel, then say how it went:
    ``written(count)`` on success, the reason on failure, nothing after a cancel (the file
    was never written)."""
    label = QCoreApplication.translate("ExportTask", "Exporting…")

    def done(count: object) -> None:
        QMessageBox.information(parent, title, written(int(count)))

    def fail(exc: BaseException) -> None:
        if not isinstance(exc, Cancelled):
            QMessageBox.warning(parent, title, labels.error_text(exc))

    return run_with_progress(parent, runner, label, size, work, done, fail)
