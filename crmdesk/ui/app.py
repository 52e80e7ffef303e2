"""Starting the GUI: translations, one instance per database, the database, the window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from crmdesk import APP_NAME, __version__, paths
from crmdesk.domain.errors import CrmError
from crmdesk.services import setup
from crmdesk.services.context import Context
from crmdesk.storage.database import close_database, open_database, pending_upgrade
from crmdesk.ui import i18n, labels
from crmdesk.ui.first_paint import FirstPaint
from crmdesk.ui.main_window import MainWindow
from crmdesk.ui.settings import UiSettings
from crmdesk.ui.single_instance import SingleInstance
from crmdesk.ui.tasks import TaskRunner
from crmdesk.ui.welcome import DEMO_CUSTOMERS

ICON = Path(__file__).with_name("crmdesk.svg")

# Set by the start-up benchmark: quit as soon as the archive table has painted once.
EXIT_AFTER_PAINT_ENV = "CRMDESK_EXIT_AFTER_FIRST_PAINT"


def _report_first_paint_and_quit(window: MainWindow) -> None:
    """Print the wall-clock time of the archive table's first paint on stdout, then quit."""
    rows = window.customers.model.rowCount()
    try:
        import resource  # Unix only; the benchmark runs here

        memory = f", peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    except ImportError:
        memory = ""
    print(f"first paint: {rows} customers{memory}, at {time.time():.6f}", flush=True)
    QTimer.singleShot(0, QApplication.quit)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(QIcon(str(ICON)))
    app.setDesktopFileName(APP_NAME)  # resources/crmdesk.desktop: the desktop shows its icon and name
    return app


def open_window(target: str, settings: UiSettings, language: str, runner: TaskRunner) -> MainWindow:
    """Open the database and build the main window on it (raises CrmError)."""
    if pending_upgrade(target):
        from crmdesk.ui.upgrade import upgrade_with_progress

        upgrade_with_progress(target)
    open_database(target)
    ctx = Context()
    setup.ensure_defaults(ctx, language)
    setup.apply_settings()
    from crmdesk.services import users

    if users.sign_in_required():  # off in a one-person shop: the owner, as always
        from crmdesk.ui.sign_in import SignInDialog

        dialog = SignInDialog()
        if dialog.exec() != SignInDialog.DialogCode.Accepted or dialog.context is None:
            raise SignInCancelled
        ctx = dialog.context
    return MainWindow(ctx, settings, runner, target, language)


class SignInCancelled(Exception):
    """The person quit at the sign-in dialog: the app closes without a window."""


def welcome_if_new(target: str, settings: UiSettings, language: str) -> tuple[str | None, str]:
    """On a book that has never had a customer, the welcome first (raises CrmError if the
    database cannot be opened). Returns how the user wants to begin (None: no welcome, or
    closed without answering) and the language to build the window in."""
    from crmdesk.services import first_run
    from crmdesk.ui.welcome import WelcomeDialog

    if pending_upgrade(target):
        return None, language  # an existing book from an older crmdesk: not new
    open_database(target)
    setup.ensure_defaults(Context(), language)
    if not first_run.needs_welcome():
        return None, language
    dialog = WelcomeDialog(language)
    if dialog.exec() != WelcomeDialog.DialogCode.Accepted:
        i18n.install(QApplication.instance(), language)
        return None, language
    chosen = dialog.chosen_language()
    if chosen != language:
        settings.language = chosen
    return dialog.chosen_start(), i18n.install(QApplication.instance(), chosen)


def _open_or_recover(target: str, settings: UiSettings, language: str,
                     runner: TaskRunner) -> tuple[str | None, str, MainWindow | None]:
    """The welcome (for a new book) and the window; a damaged file is first explained, moved
    aside and replaced by its newest good backup or an empty book, as the user chooses (no
    window when they quit instead); so is garbage in the app's own database file. Raises CrmError for files that are refused as they are."""
    from crmdesk.storage.database import DamagedDatabaseError, NotSqliteError, is_url

    while True:
        try:
            start = None
            if not os.environ.get(EXIT_AFTER_PAINT_ENV):
                start, language = welcome_if_new(target, settings, language)
            return start, language, open_window(target, settings, language, runner)
        except (DamagedDatabaseError, NotSqliteError) as exc:
            close_database()
            # Garbage in the app's own file is damage; another file given with --db that is not
            # a database at all (someone's notes) is refused as it is.
            own = Path(target).absolute() == paths.default_db_path().absolute()
            if is_url(target) or (isinstance(exc, NotSqliteError) and not own):
                raise
            from crmdesk.ui.damaged import recover

            if not recover(target, exc):
                print(f"crmdesk: {exc}", file=sys.stderr)
                return None, language, None


def run(db_target: str | None = None) -> int:
    """Open the app; returns the process exit code."""
    app = make_application()
    settings = UiSettings()
    language = i18n.install(app, settings.language)
    target = db_target or str(paths.default_db_path())

    instance = SingleInstance(target, paths.data_dir() / "locks")
    if not instance.acquire():
        print(f"crmdesk is already open on {target}; that window was brought to the front.")
        return 0
    runner = TaskRunner()
    try:
        try:
            start, language, window = _open_or_recover(target, settings, language, runner)
        except CrmError as exc:
            QMessageBox.critical(None, "crmdesk", labels.error_text(exc))
            print(f"crmdesk: {exc}", file=sys.stderr)
            return 1
        except SignInCancelled:
            return 0
        if window is None:
            return 1
        instance.activation_requested.connect(window.bring_to_front)
        if os.environ.get(EXIT_AFTER_PAINT_ENV):
            FirstPaint(window.customers.table.viewport(), lambda: _report_first_paint_and_quit(window))
        window.show()
        if not os.environ.get(EXIT_AFTER_PAINT_ENV):
            window.start_background_work()
        if start == "import":
            QTimer.singleShot(0, window.on_import)
        elif start == "demo":
            QTimer.singleShot(0, lambda: window.load_demo(DEMO_CUSTOMERS))
        return app.exec()
    finally:
        runner.shutdown()
        instance.release()
        close_database()
