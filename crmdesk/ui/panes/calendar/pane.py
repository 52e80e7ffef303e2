"""The care calendar (关怀日历): a month of due-task counts beside the list of the chosen day,
week or the agenda (overdue first, then the coming weeks), with the day's work one click away.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.changes import Changes
from crmdesk.domain.clock import today
from crmdesk.services import care, customers
from crmdesk.services.context import Context
from crmdesk.ui import labels
from crmdesk.ui.bus import ChangeBus
from crmdesk.ui.panes.calendar.month_view import MonthView, to_date, to_qdate
from crmdesk.ui.panes.calendar.task_model import TaskModel
from crmdesk.ui.panes.calendar.task_text import task_text
from crmdesk.ui.settings import UiSettings
from crmdesk.ui.tasks import TaskRunner
from crmdesk.ui.widgets import heading, publish, push_button

DAY, WEEK, AGENDA = "day", "week", "agenda"
AGENDA_DAYS = 30
VIEWS = ((DAY, QT_TRANSLATE_NOOP("CalendarPane", "Day")), (WEEK, QT_TRANSLATE_NOOP("CalendarPane", "Week")),
         (AGENDA, QT_TRANSLATE_NOOP("CalendarPane", "Agenda")))
SNOOZES = (("1h", QT_TRANSLATE_NOOP("CalendarPane", "For an hour")),
           ("3h", QT_TRANSLATE_NOOP("CalendarPane", "For three hours")),
           ("tomorrow", QT_TRANSLATE_NOOP("CalendarPane", "Until tomorrow morning")),
           ("next_week", QT_TRANSLATE_NOOP("CalendarPane", "Until next Monday")))


class CalendarPane(QWidget):
    customer_requested = Signal(int)  # show this customer's profile

    def __init__(self, ctx: Context, settings: UiSettings, runner: TaskRunner | None = None,
                 bus: ChangeBus | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarPane")
        self.ctx, self.settings = ctx, settings
        self.runner = runner or TaskRunner(synchronous=True)
        self.bus = bus
        self.view_mode = AGENDA
        self._dirty = True
        self._generation = 0
        self.title = heading(self, self.tr("Care calendar"))
        self.overdue = QLabel(self, objectName="overdueCare")
        self.overdue.setStyleSheet("color: #b00020; font-weight: bold;")
        self.banner = QLabel(self, objectName="careBanner")
        self.banner.setStyleSheet("background: #fff3cd; padding: 6px; border-radius: 4px;")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.month = MonthView(self)
        self.month.selectionChanged.connect(self._on_day_chosen)
        self.month.currentPageChanged.connect(lambda _y, _m: self.load_counts())
        self.model = TaskModel(self)
        self.table = QTableView(self, objectName="taskTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(lambda pos: self._menu(pos))
        self.table.doubleClicked.connect(lambda _i: self.on_open_customer())
        unit = self.fontMetrics().averageCharWidth()
        for column, width in enumerate((14, 10, 30, 14)):
            self.table.setColumnWidth(column, width * unit + 16)
        self.list_title = QLabel(self, objectName="listTitle")
        self._build_toolbar()
        right = QWidget(self)
        inner = QVBoxLayout(right)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.list_title)
        inner.addLayout(self.actions_row)
        inner.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.month)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([460, 700])
        layout = QVBoxLayout(self)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self._build_shortcuts()
        self.go_today()

    # -- building ---------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        self.toolbar = QHBoxLayout()
        self.toolbar.addWidget(self.title)
        self.toolbar.addWidget(self.overdue)
        self.toolbar.addStretch(1)
        self.view_buttons = QButtonGroup(self)
        for key, text in VIEWS:
            button = QPushButton(self.tr(text), self, objectName=f"view_{key}")
            button.setCheckable(True)
            button.setChecked(key == self.view_mode)
            button.clicked.connect(lambda _=False, k=key: self.set_view(k))
            self.view_buttons.addButton(button)
            self.toolbar.addWidget(button)
        self.toolbar.addWidget(push_button(self, "todayButton", self.tr("&Today"), self.go_today))
        self.toolbar.addWidget(push_button(self, "newTask", self.tr("&New task…"), self.on_new))
        self.toolbar.addWidget(push_button(self, "careSettings", self.tr("Care settings…"), self.on_settings))
        self.toolbar.addWidget(push_button(self, "exportTasks", self.tr("Export…"), self.on_export))
        self.actions_row = QHBoxLayout()
        self.done_button = push_button(self, "doneTask", self.tr("&Done"), self.on_done)
        self.snooze_button = QToolButton(self, objectName="snoozeTask")
        self.snooze_button.setText(self.tr("Snooze"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.snooze_button)
        for preset, text in SNOOZES:
            menu.addAction(self.tr(text), lambda p=preset: self.on_snooze(p))
        menu.addAction(self.tr("Until…"), lambda: self.on_snooze(None))
        self.snooze_button.setMenu(menu)
        self.skip_button = push_button(self, "skipTask", self.tr("S&kip"), self.on_skip)
        self.log_button = push_button(self, "logContact", self.tr("&Log contact…"), self.on_log_contact)
        self.customer_button = push_button(self, "openCustomer", self.tr("Customer profile"), self.on_open_customer)
        self.edit_button = push_button(self, "editTask", self.tr("Edit…"), self.on_edit)
        for widget in (self.done_button, self.snooze_button, self.skip_button, self.log_button,
                       self.customer_button, self.edit_button):
            self.actions_row.addWidget(widget)
        self.actions_row.addStretch(1)

    def _build_shortcuts(self) -> None:
        # Ctrl+L (log a contact for the task's customer) is the window's Log a contact, which
        # comes here while the calendar shows.
        for keys, slot, text in (("Ctrl+D", self.on_done, self.tr("Done")),
                                 (QKeySequence.StandardKey.Delete, self.on_delete, self.tr("Delete care task")),
                                 ("Return", self.on_open_customer, self.tr("Customer profile"))):
            act = QAction(text, self)
            act.setShortcut(QKeySequence(keys))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(lambda _=False, s=slot: s())
            self.addAction(act)

    # -- what is shown ----------------------------------------------------------------------
    def chosen_day(self) -> dt.date:
        return to_date(self.month.selectedDate())

    def set_view(self, mode: str) -> None:
        self.view_mode = mode
        for button in self.view_buttons.buttons():
            button.setChecked(button.objectName() == f"view_{mode}")
        self.load_list()

    def go_today(self) -> None:
        """Back to today's month and day, keeping the view (the agenda stays the agenda)."""
        day = today(self.ctx.clock)
        self.month.blockSignals(True)
        self.month.setSelectedDate(to_qdate(day))
        self.month.setCurrentPage(day.year, day.month)
        self.month.blockSignals(False)
        if not self._dirty:
            self.load()

    def _on_day_chosen(self) -> None:
        if self.view_mode == AGENDA:
            self.view_mode = DAY
            self.set_view(DAY)
        else:
            self.load_list()

    def list_range(self) -> tuple[dt.date | None, dt.date | None]:
        day = self.chosen_day()
        if self.view_mode == DAY:
            return day, day + dt.timedelta(days=1)
        if self.view_mode == WEEK:
            start = day - dt.timedelta(days=day.weekday())
            return start, start + dt.timedelta(days=7)
        return None, today(self.ctx.clock) + dt.timedelta(days=AGENDA_DAYS)  # overdue first, then ahead

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if self._dirty:
            self.load()

    def load(self) -> None:
        self._dirty = False
        self.load_counts()
        self.load_list()

    def load_counts(self) -> None:
        start, until = self.month.shown_range()
        self.runner.run(lambda: (care.month_counts(start, until, ctx=self.ctx), care.overdue_count(self.ctx)),
                        self._show_counts, self._failed)

    def _show_counts(self, result: tuple[dict, int]) -> None:
        counts, overdue = result
        self.month.set_counts(counts, today(self.ctx.clock))
        if overdue >= care.OVERDUE_CAP:
            self.overdue.setText(self.tr("%1+ overdue").replace("%1", f"{care.OVERDUE_CAP:,}"))
        else:
            self.overdue.setText(self.tr("%n overdue", "", overdue) if overdue else "")

    def load_list(self) -> None:
        start, until = self.list_range()
        self._generation += 1
        generation = self._generation

        def fetch(after: tuple | None, limit: int) -> list[care.Task]:
            return care.tasks(self.ctx, start, until, after=after, limit=limit)

        self.runner.run(lambda: fetch(None, 201), lambda first: self._show_list(generation, fetch, first),
                        self._failed)
        self.list_title.setText(self._range_text(start, until))

    def _range_text(self, start: dt.date | None, until: dt.date | None) -> str:
        if self.view_mode == DAY and start is not None:
            return self.tr("Tasks on %1").replace("%1", labels.date_text(start))
        if self.view_mode == WEEK and start is not None and until is not None:
            return self.tr("Tasks in the week %1 – %2").replace("%1", labels.date_text(start)).replace(
                "%2", labels.date_text(until - dt.timedelta(days=1)))
        return self.tr("Overdue and the next %n day(s)", "", AGENDA_DAYS)

    def _show_list(self, generation: int, fetch: Callable, first: list[care.Task]) -> None:
        if generation != self._generation:
            return
        selected = self.selected_task()
        self.model.reset(fetch, first)
        if selected is not None:
            self.select(selected.id)

    def _failed(self, exc: BaseException) -> None:
        self.banner.setText(labels.error_text(exc))
        self.banner.show()

    def announce(self, text: str) -> None:
        """Show an announcement of due tasks in the banner (always, tray or not)."""
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def on_changes_did_happen(self, changes: Changes) -> None:
        if not (changes.reminders or changes.customers or changes.everything or changes.settings):
            return
        if not self.isVisible():
            self._dirty = True
            return
        self.load()

    def _publish(self, changes: Changes) -> None:
        publish(self.bus, self, changes)

    # -- the chosen task --------------------------------------------------------------------
    def selected_task(self) -> care.Task | None:
        index = self.table.currentIndex()
        return self.model.task_at(index.row()) if index.isValid() else None

    def select(self, task_id: int) -> None:
        row = self.model.row_of(task_id)
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def _run(self, work: Callable[[], Changes]) -> None:
        self.runner.run(work, self._publish, self._failed)

    def on_done(self) -> None:
        task = self.selected_task()
        if task is not None:
            self._run(lambda: care.mark_done(self.ctx, task.id))

    def on_skip(self) -> None:
        task = self.selected_task()
        if task is not None:
            self._run(lambda: care.skip(self.ctx, task.id))

    def on_snooze(self, preset: str | None) -> None:
        task = self.selected_task()
        if task is None:
            return
        if preset is not None:
            self._run(lambda: care.snooze_preset(self.ctx, task.id, preset))
            return
        from crmdesk.ui.panes.calendar.dialogs import SnoozeDialog

        self._open(SnoozeDialog(self.ctx, task.id, self))

    def on_delete(self) -> None:
        task = self.selected_task()
        if task is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete care task"), self.tr("Delete this care task?"))
        if answer == QMessageBox.StandardButton.Yes:
            from crmdesk.services import recycle_bin

            self.runner.run(lambda: recycle_bin.delete_task(self.ctx, task.id, task.title),
                            self.bus.record, self._failed)

    def on_open_customer(self) -> None:
        task = self.selected_task()
        if task is not None and task.customer_id:
            self.customer_requested.emit(task.customer_id)

    def on_log_contact(self) -> None:
        """Log the contact right here; it finishes a contact task, and the task is done."""
        task = self.selected_task()
        if task is None or not task.customer_id:
            return
        from crmdesk.ui.panes.customers.log_dialog import LogContactDialog

        def save(kind: str, summary: str, details: str) -> None:
            def work() -> Changes:
                changes = customers.log_interaction(self.ctx, task.customer_id, kind, summary, details)[1]
                return changes.merge(care.mark_done(self.ctx, task.id))

            self.runner.run(work, lambda changes: (dialog.saved(changes), self._publish(changes)), dialog.failed)

        dialog = LogContactDialog(task.customer, save, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def on_new(self) -> None:
        from crmdesk.ui.panes.calendar.dialogs import TaskDialog

        self._open(TaskDialog(self.ctx, self, day=self.chosen_day()))

    def on_edit(self, whole_series: bool = False) -> None:
        from crmdesk.ui.panes.calendar.dialogs import TaskDialog

        task = self.selected_task()
        if task is not None:
            self._open(TaskDialog(self.ctx, self, task=task, whole_series=whole_series))

    def on_settings(self) -> None:
        from crmdesk.ui.panes.calendar.dialogs import CareSettingsDialog

        dialog = CareSettingsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:  # new rules: bring the calendar up to date in the background
            self.runner.run(lambda: care.bring_up_to_date(self.ctx)[1], self._publish, self._failed)

        dialog.accepted.connect(accepted)
        dialog.open()

    def _open(self, dialog: Any) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._publish(dialog.changes))  # set by the dialog's save
        dialog.open()

    def _menu(self, pos: Any) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.setCurrentIndex(index)
        task = self.selected_task()
        menu = QMenu(self)
        menu.addAction(self.tr("Done"), self.on_done)
        menu.addAction(self.tr("Skip"), self.on_skip)
        menu.addMenu(self.snooze_button.menu()).setText(self.tr("Snooze"))
        menu.addSeparator()
        menu.addAction(self.tr("Edit…"), self.on_edit)
        if task is not None and task.series_uid:
            menu.addAction(self.tr("Edit the whole series…"), lambda: self.on_edit(True))
        menu.addAction(self.tr("Delete…"), self.on_delete)
        if task is not None and task.customer_id:
            menu.addSeparator()
            menu.addAction(self.tr("Export this customer's tasks…"), lambda: self.on_export(task.customer_id))
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def on_export(self, customer_id: int | None = None) -> None:
        """Export the listed tasks (the day, the week, the agenda), or all of one customer's:
        as iCalendar for calendar apps, or as a spreadsheet."""
        from crmdesk.services import exporting, ical
        from crmdesk.ui.export_file import choose_export_file
        from crmdesk.ui.export_task import run_export
        from crmdesk.ui.export_words import TranslatedWords

        start, until = self.list_range()
        start = start or today(self.ctx.clock) - dt.timedelta(days=30)
        if customer_id is not None:
            start, until = None, None
        title = self.tr("Export care tasks")
        target = choose_export_file(self, title, "care", start, kinds=("ics", "xlsx", "csv"))
        if target is None:
            return

        def work(progress: object) -> int:
            if target.suffix.lower() == ".ics":
                return ical.export_tasks(self.ctx, target, start, until, customer_id, words=ical.Words(task_text))
            return exporting.export_reminders(self.ctx, target, start, until, customer_id, words=TranslatedWords(),
                                              progress=progress)

        run_export(self, self.runner, title, 0, work,
                   lambda count: self.tr("%n task(s) written to %1.", "", count).replace("%1", str(target)))
