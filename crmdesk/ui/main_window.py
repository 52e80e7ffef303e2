"""The main window: navigation between the panes, menus and a status bar.

It owns no business logic: panes ask the services for data and listen to the change bus.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QStackedWidget,
    QStyle,
    QWidget,
)

from crmdesk import __version__
from crmdesk.services.context import Context
from crmdesk.ui import i18n, icons, labels
from crmdesk.ui.bus import ChangeBus
from crmdesk.ui.notify import notify
from crmdesk.ui.panes.customers.pane import CustomersPane
from crmdesk.ui.settings import LANGUAGE_SYSTEM, UiSettings
from crmdesk.ui.tasks import TaskProgress, TaskRunner


class MainWindow(QMainWindow):
    def __init__(self, ctx: Context, settings: UiSettings, runner: TaskRunner, db_label: str, language: str) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.settings = settings
        self.runner = runner
        self.language = language
        self.bus = ChangeBus(self)

        # The archive is built now; the other panes (and their modules) when first visited,
        # which keeps start-up short.
        self.customers = CustomersPane(ctx, settings, runner, self.bus)
        self._panes: list[QWidget | None] = [self.customers, None, None, None, None]
        self.bus.changes_did_happen.connect(self.customers.on_changes_did_happen)
        self.customers.complaint_requested.connect(self.log_complaint_for)

        self.stack = QStackedWidget(self)
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setSpacing(2)
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.nav.setFont(font)
        for pane in self._panes:
            self.stack.addWidget(pane if pane is not None else QWidget())
            self.nav.addItem("")
        self.nav.setFixedWidth(QFontMetrics(font).horizontalAdvance("M" * 11))
        self.nav.currentRowChanged.connect(self.show_pane)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.db_label = QLabel(db_label, self)
        self.db_label.setObjectName("databaseLabel")
        self.statusBar().addPermanentWidget(self.db_label)
        from crmdesk.ui.backup_status import AutoBackup

        self.auto_backup = AutoBackup(ctx, self.bus, self.statusBar())
        self._build_menus()
        from crmdesk.ui.session import SignedIn

        self.signed_in = SignedIn(self)  # who is signed in, what their role allows, the idle lock
        # Complaints passing their deadline while the app runs are announced once each; those
        # that passed while it was closed are summed up by the log's banner, not replayed.
        self._overdue_checked = ctx.now()
        self._overdue_timer = QTimer(self)
        self._overdue_timer.setInterval(60_000)
        self._overdue_timer.timeout.connect(self.check_overdue)
        self._overdue_timer.start()
        self.retranslate()
        self.nav.setCurrentRow(0)
        geometry = settings.load_bytes("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 760)

    # -- panes ------------------------------------------------------------------------------
    def _create_pane(self, row: int) -> QWidget:
        ctx, settings = self.ctx, self.settings
        if row == 1:
            from crmdesk.ui.panes.pipeline.pane import PipelinePane

            return PipelinePane(ctx, settings, self.runner, self.bus)
        if row == 2:
            from crmdesk.ui.panes.calendar.pane import CalendarPane

            calendar = CalendarPane(ctx, settings, self.runner, self.bus)
            calendar.customer_requested.connect(self.show_customer)
            return calendar
        if row == 3:
            from crmdesk.ui.panes.complaints.pane import ComplaintsPane

            return ComplaintsPane(ctx, settings, self.runner, self.bus)
        from crmdesk.ui.panes.dashboard.pane import DashboardPane

        dashboard = DashboardPane(ctx, self.runner)
        dashboard.drill_requested.connect(self.drill_down)
        return dashboard

    def pane(self, row: int) -> QWidget:
        """The pane at navigation ``row``, built on first use."""
        pane = self._panes[row]
        if pane is None:
            pane = self._panes[row] = self._create_pane(row)
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, pane)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.bus.changes_did_happen.connect(pane.on_changes_did_happen)
            icons.decorate(pane)
        return pane

    def show_pane(self, row: int) -> None:
        if 0 <= row < len(self._panes):
            self.stack.setCurrentWidget(self.pane(row))
            if self.nav.currentRow() != row:
                self.nav.setCurrentRow(row)

    def show_customer(self, customer_id: int) -> None:
        """The archive, narrowed to this customer and with their profile open."""
        from crmdesk.domain.filters import CustomerFilter

        self.show_pane(0)
        self.customers.set_filter(CustomerFilter(ids=(customer_id,)))
        if self.customers.model.rowCount():
            self.customers.table.selectRow(0)

    def drill_down(self, what: str, argument: object) -> None:
        """Open the list behind a dashboard figure."""
        if what == "customers":
            self.show_pane(0)
            self.customers.apply_segment(argument)
        elif what in ("pipeline", "forecast"):
            self.show_pane(1)
            if what == "forecast":
                self.pipeline.on_analysis()
        elif what == "care":
            self.show_pane(2)
            self.calendar.set_view("agenda")
        elif what == "complaints":
            self.show_pane(3)
        elif what == "duplicates":
            self.show_pane(0)
            self.customers.ensure_built()
            self.customers.bulk_menu.on_find_duplicates()

    # -- care tasks in the background ---------------------------------------------------------
    def start_background_work(self) -> None:
        """While the app runs: bring the care calendar up to date now and every hour, and
        announce tasks as they fall due (those already due at start-up in one summary)."""
        self._care_announced_once = False
        self.purge_recycle_bin()  # queued on the worker: the window is up before it runs
        # Its own worker: a first run on a big book takes a while and must not hold up the
        # panes' loads and saves queued on the main worker.
        self._care_runner = TaskRunner()
        self._care_progress = TaskProgress()  # cancelled on close: the run stops between ranges
        self._care_timer = QTimer(self)
        self._care_timer.setInterval(60_000)
        self._care_timer.timeout.connect(self.check_care)
        self._care_timer.start()
        self._care_update_timer = QTimer(self)
        self._care_update_timer.setInterval(3_600_000)
        self._care_update_timer.timeout.connect(self.update_care)
        self._care_update_timer.start()
        self._care_first = QTimer(self, singleShot=True, interval=1500)
        self._care_first.timeout.connect(self.update_care)
        self._care_first.start()
        self.auto_backup.start()

    def update_care(self) -> None:
        from crmdesk.services import care

        def done(result: tuple) -> None:
            self.bus.publish(result[1])
            self.check_care()

        runner = getattr(self, "_care_runner", None) or self.runner
        progress = getattr(self, "_care_progress", None)
        if progress is not None and progress.cancelled():
            return  # closing

        def failed(exc: BaseException) -> None:
            if progress is None or not progress.cancelled():
                self.statusBar().showMessage(labels.error_text(exc), 30_000)

        runner.run(lambda: care.bring_up_to_date(self.ctx, progress), done, failed)

    def check_care(self) -> None:
        """Announce care tasks that fell due (each once); the first look sums up the backlog."""
        from crmdesk.services import care

        first = not getattr(self, "_care_announced_once", False)
        self._care_announced_once = True

        def work() -> tuple[int, list]:
            if first:
                return care.mark_all_announced(self.ctx), []
            due = care.due_announcements(self.ctx)
            care.mark_announced(self.ctx, [row[0] for row in due])
            return len(due), due

        self.runner.run(work, lambda result: self._announce_care(first, *result), lambda exc: None)

    def _announce_care(self, first: bool, count: int, due: list) -> str:
        if not count:
            return ""
        if first:
            text = self.tr("%n care task(s) are due. The care calendar lists them.", "", count)
        elif count == 1:
            _id, title, customer = due[0]
            text = self.tr("Care task due: %1").replace("%1", f"{customer} — {title}" if customer else title)
        else:
            text = self.tr("%n care task(s) just fell due.", "", count)
        self.statusBar().showMessage(text, 120_000)
        if self._panes[2] is not None:
            self._panes[2].announce(text)
        notify(self, self.tr("Care calendar"), text)
        return text

    def check_overdue(self, now: int | None = None) -> str:
        """Announce complaints that passed their deadline since the last look; returns the text."""
        from crmdesk.services import complaints

        now = self.ctx.now() if now is None else now
        total, first = complaints.became_overdue(self.ctx, self._overdue_checked, now)
        self._overdue_checked = now
        if not total:
            return ""
        if total == 1:
            _id, customer, description = first[0]
            text = self.tr("Complaint overdue: %1 — %2").replace("%1", customer).replace(
                "%2", description.splitlines()[0][:60] if description else "")
        else:
            text = self.tr("%n complaint(s) just passed their deadline.", "", total)
        self.statusBar().showMessage(text, 120_000)
        notify(self, self.tr("Complaint log"), text)
        return text

    def on_log_complaint(self) -> None:
        """From anywhere: a new complaint, for the customer chosen in the archive if there is one."""
        archive = self.customers
        customer_id = archive.current_id() if archive.model.rowCount() else None
        if customer_id is not None and self.stack.currentWidget() is archive:
            name = archive.model.value(archive.table.currentIndex().row(), "name") or ""
            self.log_complaint_for(customer_id, name)
        else:
            self.show_pane(3)
            self.complaints.on_new()

    def log_complaint_for(self, customer_id: int, name: str) -> None:
        """From a customer's profile: open the complaint log with a new complaint for them."""
        self.show_pane(3)
        self.complaints.on_new((customer_id, name))

    @property
    def pipeline(self) -> QWidget:
        return self.pane(1)

    @property
    def calendar(self) -> QWidget:
        return self.pane(2)

    @property
    def complaints(self) -> QWidget:
        return self.pane(3)

    @property
    def dashboard(self) -> QWidget:
        return self.pane(4)

    # -- menus --------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        from crmdesk.ui.keyboard import KeyboardActions

        bar = self.menuBar()
        self.keyboard = KeyboardActions(self)
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.keyboard.new_customer)
        self.file_menu.addAction(self.keyboard.log_contact)
        self.demo_action = QAction(self, triggered=self.on_load_demo)
        self.demo_action.setObjectName("loadDemoAction")
        self.quit_action = QAction(self, objectName="quitAction", triggered=self.close)
        # Some platforms bind no key to Quit (Qt's generic theme, offscreen): Ctrl+Q there.
        self.quit_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")])
        self.import_action = QAction(self, objectName="importAction", triggered=self.on_import)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.file_menu.addAction(self.import_action)
        self._build_export_menu()
        self.complaint_action = QAction(self, triggered=self.on_log_complaint)
        self.complaint_action.setObjectName("logComplaintAction")
        self.complaint_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.file_menu.addAction(self.complaint_action)
        self.file_menu.addAction(self.demo_action)
        from crmdesk.ui.welcome import DemoRemoval

        self.demo_removal = DemoRemoval(self.ctx, self.runner, self.bus, self)
        self.file_menu.addAction(self.demo_removal.action)
        self.file_menu.addSeparator()
        self.backups_action = QAction(self, objectName="backupsAction", triggered=self.on_backups)
        self.file_menu.addAction(self.backups_action)
        self.recycle_bin_action = QAction(self, objectName="recycleBinAction", triggered=self.on_recycle_bin)
        self.file_menu.addAction(self.recycle_bin_action)
        from crmdesk.ui.sync_dialog import SyncActions

        self.sync = SyncActions(self.ctx, self.runner, self.bus, self)
        self.file_menu.addActions([self.sync.sync_action, self.sync.conflicts_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        from crmdesk.ui.undo import UndoHistory

        self.history = UndoHistory(self.ctx, self.runner, self.bus, self.show_error, self)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([self.history.undo_action, self.history.redo_action])
        self.edit_menu.addSeparator()
        self.audit_action = QAction(self, objectName="auditTrailAction", triggered=self.on_audit_trail)
        self.edit_menu.addAction(self.audit_action)

        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.keyboard.palette)
        self.view_menu.addAction(self.keyboard.search)
        self.view_menu.addSeparator()
        self.pane_actions = []
        for i in range(len(self._panes)):
            action = QAction(self, objectName=f"pane{i}", triggered=lambda _=False, row=i: self.show_pane(row))
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            self.view_menu.addAction(action)
            self.pane_actions.append(action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.keyboard.next_record)
        self.view_menu.addAction(self.keyboard.previous_record)

        self.settings_menu = bar.addMenu("")
        self.business_action = QAction(self, objectName="businessAction", triggered=self.on_business)
        self.settings_menu.addAction(self.business_action)
        self.language_menu = self.settings_menu.addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code in (LANGUAGE_SYSTEM, *i18n.LANGUAGES):
            action = QAction(self, checkable=True)
            action.setData(code)
            action.triggered.connect(lambda _=False, c=code: self.on_choose_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.language_actions.get(self.settings.language, self.language_actions[LANGUAGE_SYSTEM]).setChecked(True)
        self.settings_menu.addSeparator()
        self.users_action = QAction(self, objectName="usersAction", triggered=self.on_users)
        self.settings_menu.addAction(self.users_action)

        from crmdesk.ui.reports_menu import ReportsMenu

        self.reports_menu = ReportsMenu(self)
        bar.addMenu(self.reports_menu)
        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self, objectName="aboutAction", triggered=self.on_about)
        self.about_qt_action = QAction(self, triggered=QApplication.aboutQt)
        self.help_menu.addAction(self.keyboard.shortcuts)
        from crmdesk.ui.check_dialog import DatabaseCheck

        self.database_check = DatabaseCheck(self.runner, self)
        self.help_menu.addAction(self.database_check.action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)
        self.help_menu.addAction(self.about_qt_action)
        icons.decorate(self)
        for i, action in enumerate(self.pane_actions):  # the list on the left shows the panes' icons too
            self.nav.item(i).setIcon(action.icon())

    def _build_export_menu(self) -> None:
        """File → Export: the same exports as the panes' buttons, each with its pane's filter."""
        self.export_menu = self.file_menu.addMenu("")
        self.export_menu.setObjectName("exportMenu")
        self.export_actions: dict[str, QAction] = {}
        for key, slot in (("customers", lambda: self.customers.on_export()),
                          ("opportunities", lambda: self.pipeline.on_export()),
                          ("reminders", lambda: self.calendar.on_export()),
                          ("complaints", lambda: self.complaints.on_export()),
                          ("kpi", self.on_export_kpi)):
            action = QAction(self, triggered=lambda _=False, run=slot: run())
            action.setObjectName(f"export_{key}")
            self.export_menu.addAction(action)
            self.export_actions[key] = action

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("crmdesk — Customer relationships"))
        names = [self.tr("Customers"), self.tr("Pipeline"), self.tr("Care calendar"),
                 self.tr("Complaints"), self.tr("Dashboard")]
        for i, name in enumerate(names):
            self.nav.item(i).setText(name)
            self.pane_actions[i].setText(name)
        # As wide as the longest name with its icon needs (English names are the longer ones).
        metrics = self.nav.fontMetrics()
        icon = self.nav.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        widest = max(metrics.horizontalAdvance(name) for name in names)
        self.nav.setFixedWidth(max(widest + icon + 56, metrics.horizontalAdvance("M" * 8)))
        self.file_menu.setTitle(self.tr("&File"))
        self.demo_action.setText(self.tr("Load &demo data…"))
        self.demo_removal.retranslate()
        self.import_action.setText(self.tr("&Import customers…"))
        self.export_menu.setTitle(self.tr("&Export"))
        for key, text in (("customers", self.tr("&Customers…")), ("opportunities", self.tr("&Opportunities…")),
                          ("reminders", self.tr("Care &reminders…")), ("complaints", self.tr("Com&plaints…")),
                          ("kpi", self.tr("&KPI workbook…"))):
            self.export_actions[key].setText(text)
        self.complaint_action.setText(self.tr("Log a &complaint…"))
        self.recycle_bin_action.setText(self.tr("Recycle &bin…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.backups_action.setText(self.tr("&Backups…"))
        self.sync.retranslate()
        self.database_check.retranslate()
        self.auto_backup.refresh()
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.history.retranslate()
        self.audit_action.setText(self.tr("&Audit trail…"))
        self.view_menu.setTitle(self.tr("&View"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.business_action.setText(self.tr("&Business name and currency…"))
        self.users_action.setText(self.tr("&Users…"))
        self.signed_in.retranslate()
        self.language_actions[LANGUAGE_SYSTEM].setText(self.tr("System language"))
        self.language_actions["zh_CN"].setText("简体中文")
        self.language_actions["en"].setText("English")
        self.reports_menu.retranslate()
        self.keyboard.retranslate()
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About crmdesk"))
        self.about_qt_action.setText(self.tr("About &Qt"))

    # -- actions ------------------------------------------------------------------------------
    def on_choose_language(self, code: str) -> None:
        self.settings.language = code
        if i18n.resolve_language(code) != self.language:
            QMessageBox.information(
                self, self.tr("Language"), self.tr("The new language is used from the next start of crmdesk.")
            )

    def on_audit_trail(self) -> None:
        from crmdesk.ui.audit_dialog import AuditTrailDialog

        dialog = AuditTrailDialog(self, self.ctx)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.audit_dialog = dialog  # for tests

    def on_business(self) -> None:
        from crmdesk.ui.welcome import BusinessDialog

        dialog = BusinessDialog(self)
        dialog.accepted.connect(lambda: self.bus.publish(dialog.changes))
        dialog.open()
        self.last_dialog = dialog

    def on_recycle_bin(self) -> None:
        """File → Recycle bin…: one dialog, brought to the front if it is open already."""
        from crmdesk.ui.recycle_bin import RecycleBinDialog

        dialog = getattr(self, "recycle_bin_dialog", None)
        if dialog is None:
            dialog = self.recycle_bin_dialog = RecycleBinDialog(self.ctx, self.runner, self.bus, self)
            icons.decorate(dialog)
        else:
            dialog.reload()
        dialog.show()
        dialog.activateWindow()  # a dialog of the window: shown above it, brought forward

    def purge_recycle_bin(self) -> None:
        """Erase, on the worker, what has been in the recycle bin longer than its retention period."""
        from crmdesk.services import recycle_bin

        def failed(exc: BaseException) -> None:
            self.statusBar().showMessage(labels.error_text(exc), 30_000)

        self.runner.run(lambda: recycle_bin.purge_expired(self.ctx),
                        lambda gone: self.bus.publish(recycle_bin.changes_of(gone)), failed)

    def on_users(self) -> None:
        from crmdesk.ui.users_dialog import UsersDialog

        dialog = UsersDialog(self.ctx, self)
        dialog.finished.connect(lambda _code: self.bus.publish(dialog.changes) if dialog.changes else None)
        dialog.open()
        self.users_dialog = dialog  # for tests

    def on_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About crmdesk"),
            self.tr("crmdesk %1\nA desktop CRM for small businesses.").replace("%1", __version__),
        )

    def on_export_kpi(self, kind: str | None = None) -> None:
        from crmdesk.ui.export_kpi import KpiExport

        self.kpi_export = KpiExport(self.ctx, self.runner, self)
        self.kpi_export.run(kind)

    def on_backups(self) -> None:
        from crmdesk.ui.backups_dialog import BackupsDialog

        self.backups_dialog = BackupsDialog(self.ctx, self.runner, self.bus, self)
        self.backups_dialog.open()

    def on_import(self) -> None:
        self.show_pane(0)
        self.customers.on_import()

    def on_load_demo(self) -> None:
        count, ok = QInputDialog.getInt(
            self, self.tr("Load demo data"), self.tr("How many demo customers should be added?"), 2000, 1, 1_000_000, 1000
        )
        if ok:
            self.load_demo(count)

    def load_demo(self, count: int, seed: int = 1) -> None:
        """Add demo data in the background, with a cancellable progress dialog."""
        progress = TaskProgress()
        dialog = QProgressDialog(self.tr("Creating demo data…"), self.tr("Cancel"), 0, count, self)
        dialog.setObjectName("demoProgress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(progress.cancel)
        progress.progressed.connect(lambda done, total, _stage: dialog.setValue(min(done, total - 1)))

        from crmdesk.services.demo import generator  # only needed here; keeps start-up lean

        def finish(summary: generator.DemoSummary) -> None:
            dialog.reset()
            self.bus.publish(summary.changes)
            self.statusBar().showMessage(self.tr("Added %n demo customer(s).", "", summary.customers), 10_000)

        def fail(exc: BaseException) -> None:
            dialog.reset()
            self.show_error(exc)

        self.runner.run(
            lambda: generator.generate(self.ctx, count, seed=seed, language=self.language, progress=progress),
            finish,
            fail,
        )

    def show_error(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("crmdesk"), labels.error_text(exc))

    def bring_to_front(self) -> None:
        self.setWindowState((self.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
        self.show()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_bytes("window/geometry", self.saveGeometry())
        # Periodic work (overdue checks, the complaint log's clock) ends with the window; a
        # pending one-off (a debounced save) still runs.
        for timer in self.findChildren(QTimer):
            if not timer.isSingleShot():
                timer.stop()
        self.auto_backup.stop()
        self.signed_in.stop()
        if self.auto_backup.runner is not None:
            self.auto_backup.runner.shutdown()
        care_runner = getattr(self, "_care_runner", None)
        if care_runner is not None:  # an unfinished run is simply completed by the next start
            for timer in (self._care_first, self._care_timer, self._care_update_timer):
                timer.stop()
            self._care_progress.cancel()
            care_runner.shutdown()
            self._care_runner = None
        super().closeEvent(event)
