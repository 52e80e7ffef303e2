"""Building a report off the GUI thread and opening its print preview.

The report is built on the task runner's worker with a cancellable progress dialog, in the
app's language; the preview shows the finished bytes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from crmdesk.services.progress import Cancelled, Progress
from crmdesk.ui import labels
from crmdesk.ui.report_words import TranslatedReportWords
from crmdesk.ui.tasks import TaskProgress, TaskRunner

Build = Callable[[TranslatedReportWords, str, Progress], bytes]  # (words, paper, progress) -> PDF


def app_words() -> TranslatedReportWords:
    """Words in the language the app shows (its translators are installed)."""
    return TranslatedReportWords("zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en")


def default_paper() -> str:
    """Letter where the locale uses it, A4 everywhere else."""
    letter = (QLocale.Country.UnitedStates, QLocale.Country.Canada, QLocale.Country.Mexico)
    return "letter" if QLocale().territory() in letter else "a4"


def open_report(parent: QWidget, runner: TaskRunner, title: str, stem: str, build: Build) -> None:
    """Build the report in the background, then show it in a print preview (which can ask
    for it again on other paper)."""
    words = app_words()

    def show(pdf: bytes, paper: str) -> None:
        from crmdesk.ui.print_preview import PrintPreview

        preview = PrintPreview(pdf, title, stem, parent, paper)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.paper_requested.connect(lambda new: _run(parent, runner, title, lambda p: build(words, new, p),
                                                         preview.set_pdf, lambda: preview.paper.setEnabled(True)))
        preview.open()
        parent.last_preview = preview  # for tests, and so it is not collected while open

    paper = default_paper()
    _run(parent, runner, title, lambda p: build(words, paper, p), lambda pdf: show(pdf, paper))


def _run(parent: QWidget, runner: TaskRunner, title: str, work: Callable[[Progress], bytes],
         done: Callable[[bytes], None], always: Callable[[], None] = lambda: None) -> None:
    """``work(progress)`` on the worker, with a cancellable progress dialog; then ``done``
    with the PDF, and ``always`` whether it worked or not."""
    progress = TaskProgress()
    waiting = QProgressDialog(QCoreApplication.translate("Reports", "Preparing the report…"),
                              QCoreApplication.translate("Reports", "Cancel"), 0, 0, parent)
    waiting.setObjectName("reportProgress")
    waiting.setWindowModality(Qt.WindowModality.WindowModal)
    waiting.setMinimumDuration(400)
    waiting.canceled.connect(progress.cancel)

    def moved(count: int, total: int, _stage: str) -> None:
        waiting.setMaximum(max(total, 1))
        waiting.setValue(min(count, max(total, 1) - 1))

    progress.progressed.connect(moved)

    def finished(pdf: bytes) -> None:
        waiting.reset()
        done(pdf)
        always()

    def failed(exc: BaseException) -> None:
        waiting.reset()
        always()
        if not isinstance(exc, Cancelled):
            QMessageBox.warning(parent, title, labels.error_text(exc))

    runner.run(lambda: work(progress), finished, failed)
