"""The complaint log: a filtered, paged table of complaints beside the chosen one's details."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QWidget,
)

from crmdesk.domain.changes import Changes
from crmdesk.domain.clock import today
from crmdesk.domain.complaints import OPEN_STATUSES
from crmdesk.domain.enums import ComplaintStatus, Severity
from crmdesk.domain.filters import UNASSIGNED, ComplaintFilter
from crmdesk.services import complaints, directory, lists
from crmdesk.services.context import Context
from crmdesk.ui import labels
from crmdesk.ui.bus import ChangeBus
from crmdesk.ui.paged_model import Column
from crmdesk.ui.panes.complaints.detail import ComplaintDetail
from crmdesk.ui.panes.complaints.periods import PERIODS, period_range, period_text
from crmdesk.ui.panes.table_pane import TablePane
from crmdesk.ui.settings import UiSettings
from crmdesk.ui.tasks import TaskRunner
from crmdesk.ui.widgets import publish

CONTEXT = "ComplaintsPane"
OVERDUE_COLOUR = QColor("#b00020")
OPEN = "open"  # the status filter "any open status"


def _columns(pane: ComplaintsPane) -> list[Column]:
    return [
        Column("received_at", QT_TRANSLATE_NOOP("ComplaintsPane", "Received"), labels.timestamp_minutes, width=17),
        Column("customer", QT_TRANSLATE_NOOP("ComplaintsPane", "Customer"), width=12),
        Column("category", QT_TRANSLATE_NOOP("ComplaintsPane", "Category"), width=9),
        Column("severity", QT_TRANSLATE_NOOP("ComplaintsPane", "Severity"), labels.label, width=7),
        Column("status", QT_TRANSLATE_NOOP("ComplaintsPane", "Status"), labels.complaint_status, width=8),
        Column("open_due", QT_TRANSLATE_NOOP("ComplaintsPane", "Time left"),
               lambda due: labels.countdown(due, pane.ctx.now()), width=16),
        Column("assignee", QT_TRANSLATE_NOOP("ComplaintsPane", "Assigned to"), width=8),
        Column("description", QT_TRANSLATE_NOOP("ComplaintsPane", "Description")),
    ]


class ComplaintsPane(TablePane):
    def __init__(self, ctx: Context, settings: UiSettings, runner: TaskRunner | None = None,
                 bus: ChangeBus | None = None, parent: QWidget | None = None) -> None:
        self.ctx = ctx
        self._runner, self._bus = runner, bus
        self._filter = ComplaintFilter()
        super().__init__(
            object_name="complaintsPane", table_name="complaintTable", context=CONTEXT,
            title=QT_TRANSLATE_NOOP("ComplaintsPane", "Complaint log"), columns=_columns(self),
            default_sort="received_at", descending=True,
            listing=lambda: lists.complaints(ctx, self._filter),
            relevant=lambda c: bool(c.complaints or c.customers or c.settings), settings=settings, parent=parent,
        )
        self.model.row_color = self._row_color
        self.overdue_banner = QLabel(self)
        self.overdue_banner.setObjectName("overdueBanner")
        self.overdue_banner.setStyleSheet("color: #b00020; font-weight: bold;")
        self.toolbar.insertWidget(1, self.overdue_banner)
        self._build_filters()
        self.detail = ComplaintDetail(ctx, self)
        self.detail.changed.connect(self._publish)
        self.detail.step_taken.connect(self._bus.record)
        self.detail.failed.connect(lambda text: QMessageBox.warning(self, self.tr("Complaint log"), text))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        layout = self.layout()
        layout.removeWidget(self.table)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _old: self.detail.show_complaint(self.model.id_at(current.row())))
        # The time left changes by itself: repaint that column every minute.
        self._tick = QTimer(self)
        self._tick.setInterval(60_000)
        self._tick.timeout.connect(self.model.repaint_all)
        self._tick.timeout.connect(lambda: self._loaded and self._update_overdue())
        self._tick.start()

    # -- filters and buttons --------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("complaintSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search customer, phone or description"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._search_timer.start)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("Any status"), None)
        self.status.addItem(self.tr("Open"), OPEN)
        for value in ComplaintStatus.values():
            self.status.addItem(labels.complaint_status(value), value)
        self.severity = QComboBox(self)
        self.severity.addItem(self.tr("Any severity"), None)
        for value in reversed(Severity.values()):
            self.severity.addItem(labels.label(value), value)
        self.category = QComboBox(self)
        self.category.addItem(self.tr("Any category"), None)
        for cid, name in complaints.categories():
            self.category.addItem(name, cid)
        self.assignee = QComboBox(self)
        self.assignee.addItem(self.tr("Anyone"), None)
        self.assignee.addItem(self.tr("Nobody"), UNASSIGNED)
        for uid, name in directory.users():
            self.assignee.addItem(name, uid)
        self.period = QComboBox(self)
        for key in PERIODS:
            self.period.addItem(period_text(key), key)
        self.overdue = QCheckBox(self.tr("Overdue only"), self)
        self.overdue.setObjectName("complaintOverdue")
        for box in (self.status, self.severity, self.category, self.assignee, self.period):
            box.currentIndexChanged.connect(self.apply_filters)
        self.overdue.toggled.connect(self.apply_filters)
        bar = QHBoxLayout()
        for widget in (self.search, self.status, self.severity, self.category, self.assignee, self.period,
                       self.overdue):
            bar.addWidget(widget)
        bar.setStretch(0, 1)
        self.layout().insertLayout(1, bar)
        for text, slot, name in ((self.tr("Log complaint…"), self.on_new, "newComplaint"),
                                 (self.tr("Statistics…"), self.on_stats, "complaintStatsButton"),
                                 (self.tr("Export…"), self.on_export, "exportComplaints"),
                                 (self.tr("Deadlines…"), self.on_sla, "slaButton"),
                                 (self.tr("Categories…"), self.on_categories, "categoriesButton")):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(slot)
            self.toolbar.insertWidget(self.toolbar.count() - 1, button)

    def current_filter(self) -> ComplaintFilter:
        status = self.status.currentData()
        start, end = period_range(self.period.currentData(), self.ctx)
        return ComplaintFilter(
            text=self.search.text().strip(),
            statuses=OPEN_STATUSES if status == OPEN else ((status,) if status else ()),
            severities=(self.severity.currentData(),) if self.severity.currentData() else (),
            category_id=self.category.currentData(), assignee_id=self.assignee.currentData(),
            overdue=self.overdue.isChecked(), received_from=start, received_until=end)

    def apply_filters(self) -> None:
        self._search_timer.stop()
        flt = self.current_filter()
        if flt == self._filter:
            return
        self._filter = flt
        if self._loaded:
            self.load()

    def _row_color(self, value) -> QColor | None:  # noqa: ANN001 - a getter of the row's values
        due = value("open_due")
        return OVERDUE_COLOUR if due is not None and due < self.ctx.now() else None

    # -- actions ----------------------------------------------------------------------------
    def _publish(self, changes: Changes) -> None:
        publish(self._bus, self, changes)

    def on_new(self, customer: tuple[int, str] | None = None) -> None:
        from crmdesk.ui.panes.complaints.dialogs import ComplaintDialog

        dialog = ComplaintDialog(self.ctx, self, customer=customer)
        dialog.submit = lambda: self._publish(complaints.log_complaint(self.ctx, dialog.value())[1])
        self.last_dialog = dialog
        dialog.open()

    def on_stats(self) -> None:
        from crmdesk.ui.panes.complaints.stats_dialog import StatsDialog

        self.last_dialog = StatsDialog(self.ctx, self)
        self.last_dialog.open()

    def on_sla(self) -> None:
        from crmdesk.ui.panes.complaints.sla_dialog import SlaDialog

        dialog = SlaDialog(self.ctx, self)
        dialog.accepted.connect(lambda: self._publish(Changes(settings=True)))
        self.last_dialog = dialog
        dialog.open()

    def on_categories(self) -> None:
        from crmdesk.ui.panes.complaints.categories_dialog import CategoriesDialog

        self.last_dialog = CategoriesDialog(self.ctx, self._publish, self)
        self.last_dialog.finished.connect(self._reload_categories)
        self.last_dialog.open()

    def _reload_categories(self) -> None:
        chosen = self.category.currentData()
        self.category.blockSignals(True)
        while self.category.count() > 1:
            self.category.removeItem(1)
        for cid, name in complaints.categories():
            self.category.addItem(name, cid)
        self.category.setCurrentIndex(max(0, self.category.findData(chosen)))
        self.category.blockSignals(False)
        self.apply_filters()

    def on_export(self) -> None:
        """Export the complaints of the log's filter, in the background."""
        from crmdesk.services import exporting
        from crmdesk.ui.export_file import choose_export_file
        from crmdesk.ui.export_task import run_export
        from crmdesk.ui.export_words import TranslatedWords
        from crmdesk.ui.tasks import TaskRunner

        title = self.tr("Export complaints")
        target = choose_export_file(self, title, self.tr("complaints"), today(self.ctx.clock))
        if target is None:
            return
        flt = self._filter
        run_export(self, self._runner or TaskRunner(synchronous=True), title, self.model.rowCount(),
                   lambda p: exporting.export_complaints(self.ctx, flt, target, words=TranslatedWords(), progress=p),
                   lambda count: self.tr("%n complaint(s) written to %1.", "", count).replace("%1", str(target)))

    def load(self) -> None:
        super().load()
        self._update_overdue()

    def _update_overdue(self) -> None:
        """Escalation at a glance: how many complaints are past their deadline."""
        _open, late = complaints.open_and_overdue(self.ctx)
        self.overdue_banner.setText(self.tr("%n complaint(s) overdue", "", late) if late else "")

    def on_changes_did_happen(self, changes: Changes) -> None:
        super().on_changes_did_happen(changes)
        if self._loaded and (changes.everything or changes.complaints or changes.settings):
            self._update_overdue()
        if self._loaded and (changes.everything or changes.complaints):
            self.detail.show_complaint(self.detail.complaint_id)
