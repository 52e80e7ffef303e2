"""``crmdesk --self-test``: prove that this installation (or frozen build) works, end to end.

In a temporary folder it opens a new database (running every migration), adds a little demo
data, builds the main window with every pane offscreen, writes an Excel export and a PDF report
and reads both back. Any error, and any warning Qt prints on the way, fails the test: the
process exits non-zero with one sentence on stderr naming the step. Nothing of the user's is
touched (settings, locks and the database live in the temporary folder).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

EXIT_FAILED = 1
DEMO_CUSTOMERS = 120
LANGUAGE = "zh_CN"  # the harder case: CJK text in widgets and reports, Qt's own translations
# Messages that are not a fault of the app on a headless platform (the test suite ignores them too).
IGNORED_QT_MESSAGES = ("This plugin does not support propagateSizeHints",)


class QtMessageLog:
    """While installed (``with``), records every Qt warning, critical or fatal message."""

    def __init__(self, ignored: Sequence[str] = IGNORED_QT_MESSAGES) -> None:
        self.ignored = tuple(ignored)
        self.problems: list[str] = []
        self._previous = None

    def _handle(self, kind, _context, message: str) -> None:  # noqa: ANN001 - QtMsgType, QMessageLogContext
        from PySide6.QtCore import QtMsgType

        if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            return
        if not any(text in message for text in self.ignored):
            self.problems.append(message)

    def take(self) -> list[str]:
        problems, self.problems = self.problems, []
        return problems

    def __enter__(self) -> QtMessageLog:
        from PySide6.QtCore import qInstallMessageHandler

        self._previous = qInstallMessageHandler(self._handle)
        return self

    def __exit__(self, *_exc: object) -> None:
        from PySide6.QtCore import qInstallMessageHandler

        qInstallMessageHandler(self._previous)


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[], str]  # returns a short note on what it saw; raises on failure


def run_checks(checks: Sequence[Check], log: QtMessageLog, out: TextIO | None = None,
               err: TextIO | None = None) -> int:
    """Run ``checks`` in order, stopping at the first that raises or makes Qt warn; the exit code."""
    out, err = out or sys.stdout, err or sys.stderr
    started = time.perf_counter()
    for check in checks:
        begun = time.perf_counter()
        try:
            note = check.run()
        except Exception as exc:  # noqa: BLE001 - every failure is reported the same way
            print(f"crmdesk self-test failed at “{check.name}”: {type(exc).__name__}: {exc}", file=err)
            return EXIT_FAILED
        warnings = log.take()
        if warnings:
            print(f"crmdesk self-test failed at “{check.name}”: Qt warned: {' | '.join(warnings)}", file=err)
            return EXIT_FAILED
        print(f"  ok  {check.name}: {note} ({(time.perf_counter() - begun) * 1000:.0f} ms)", file=out, flush=True)
    print(f"crmdesk self-test passed in {time.perf_counter() - started:.2f} s.", file=out, flush=True)
    return 0


class SelfTest:
    """The steps, sharing the application, the window and the files between them."""

    def __init__(self, folder: Path, language: str = LANGUAGE) -> None:
        self.folder = folder
        self.language = language
        self.window = None
        self.customers = 0

    def checks(self) -> list[Check]:
        return [Check("start Qt", self.start_qt), Check("translations and font", self.resources),
                Check("database and migrations", self.database), Check("demo data", self.demo),
                Check("password hashing", self.passwords),
                Check("every pane", self.panes), Check("Excel export", self.excel), Check("PDF report", self.pdf)]

    def start_qt(self) -> str:
        from PySide6.QtGui import QGuiApplication

        from crmdesk.ui import i18n
        from crmdesk.ui.app import make_application

        app = make_application()
        i18n.install(app, self.language)
        if app.windowIcon().pixmap(64, 64).isNull():  # needs Qt's SVG icon engine
            raise RuntimeError("the application icon did not load")
        return f"Qt {__import__('PySide6').__version__} on the {QGuiApplication.platformName()} platform"

    def resources(self) -> str:
        from PySide6.QtCore import QCoreApplication

        from crmdesk.reports.fonts import font_path
        from crmdesk.ui import i18n

        if i18n.translator_for(self.language) is None:
            raise RuntimeError(f"crmdesk's {self.language} translation is missing from {i18n.TRANSLATIONS_DIR}")
        qt_context, qt_text = "QPlatformTheme", "OK"  # Qt's own string (not literals: lupdate leaves it alone)
        ok = QCoreApplication.translate(qt_context, qt_text)
        if ok == "OK":
            raise RuntimeError(f"Qt's own {self.language} translation (qtbase) did not load")
        return f"{self.language} translations, Qt's “OK” reads “{ok}”; report font {font_path().name}"

    def database(self) -> str:
        from crmdesk.services import setup
        from crmdesk.services.context import Context
        from crmdesk.storage import schema
        from crmdesk.storage.database import open_database

        db = open_database(self.folder / "self-test.sqlite")
        version = schema.current_version(db)
        if version != schema.head():
            raise RuntimeError(f"the new database is at schema version {version}, not {schema.head()}")
        setup.ensure_defaults(Context(), self.language)
        return f"schema version {version}"

    def demo(self) -> str:
        from crmdesk.services.context import Context
        from crmdesk.services.demo import generator

        summary = generator.generate(Context(), DEMO_CUSTOMERS, seed=7, language=self.language)
        self.customers = summary.customers
        return f"customers: {summary.customers}, deals: {summary.opportunities}, complaints: {summary.complaints}"

    def passwords(self) -> str:
        """Sign-in hashes with Argon2, whose compiled binding the build must carry."""
        from crmdesk.services import users

        stored = users.hash_password("self-test password")
        if not users.verify_password(stored, "self-test password") or users.verify_password(stored, "wrong one"):
            raise RuntimeError("an Argon2 hash did not verify as it should")
        return stored.split("$")[1]

    def panes(self) -> str:
        from PySide6.QtWidgets import QApplication

        from crmdesk.services.context import Context
        from crmdesk.ui.main_window import MainWindow
        from crmdesk.ui.settings import UiSettings
        from crmdesk.ui.tasks import TaskRunner

        window = self.window = MainWindow(Context(), UiSettings(), TaskRunner(synchronous=True),
                                          str(self.folder / "self-test.sqlite"), self.language)
        window.show()
        names = []
        for row in range(window.nav.count()):
            window.show_pane(row)
            QApplication.processEvents()
            pane = window.stack.currentWidget()
            if pane is not window.pane(row) or not pane.isVisible():
                raise RuntimeError(f"pane {row + 1} ({window.nav.item(row).text()}) did not show")
            if pane.grab().isNull():
                raise RuntimeError(f"pane {row + 1} ({window.nav.item(row).text()}) did not paint")
            names.append(pane.objectName())
        window.customers.ensure_built()
        listed = window.customers.model.rowCount()
        if listed != self.customers:
            raise RuntimeError(f"the archive lists {listed} customers, not {self.customers}")
        return f"{len(names)} panes ({', '.join(names)}); the archive lists {listed} customers"

    def excel(self) -> str:
        from openpyxl import load_workbook

        from crmdesk.domain.filters import CustomerFilter
        from crmdesk.services.context import Context
        from crmdesk.services.exporting import export_customers
        from crmdesk.ui.export_words import TranslatedWords

        path = self.folder / "customers.xlsx"
        count = export_customers(Context(), CustomerFilter(), path, "xlsx", TranslatedWords())
        workbook = load_workbook(path, read_only=True)
        try:
            rows = sum(1 for _ in workbook.worksheets[0].iter_rows())
        finally:
            workbook.close()
        if count != self.customers or rows < count + 1:
            raise RuntimeError(f"{path.name} holds {rows} rows for {count} exported of {self.customers} customers")
        return f"{count} customers, {rows} rows, {path.stat().st_size // 1024} KB"

    def pdf(self) -> str:
        from PySide6.QtPdf import QPdfDocument

        from crmdesk.domain.filters import CustomerFilter
        from crmdesk.reports.customer_list import build_customer_list
        from crmdesk.services.context import Context
        from crmdesk.services.exporting import write_atomically
        from crmdesk.ui import i18n
        from crmdesk.ui.report_words import TranslatedReportWords

        words = TranslatedReportWords(self.language, i18n.translator_for(self.language))
        data = build_customer_list(Context(), CustomerFilter(), words)
        path = self.folder / "customers.pdf"
        write_atomically(path, lambda part: part.write_bytes(data))
        if not path.read_bytes().startswith(b"%PDF"):
            raise RuntimeError(f"{path.name} does not start with %PDF")
        document = QPdfDocument()  # the print preview's reader
        document.load(str(path))
        pages = document.pageCount()
        document.close()
        if pages < 1:
            raise RuntimeError(f"Qt PDF cannot read {path.name}: {document.error()}")
        return f"customer list, pages: {pages}, {len(data) // 1024} KB"

    def close(self) -> None:
        from crmdesk.storage.database import close_database

        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        close_database()


def main() -> int:
    """Run the self-test in a temporary folder; the process's exit code."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    saved_home = os.environ.get("CRMDESK_HOME")
    with tempfile.TemporaryDirectory(prefix="crmdesk-self-test-") as folder:
        os.environ["CRMDESK_HOME"] = str(Path(folder) / "home")
        try:
            with QtMessageLog() as log:
                test = SelfTest(Path(folder))
                try:
                    return run_checks(test.checks(), log)
                finally:
                    test.close()
        finally:
            if saved_home is None:
                os.environ.pop("CRMDESK_HOME", None)
            else:
                os.environ["CRMDESK_HOME"] = saved_home
