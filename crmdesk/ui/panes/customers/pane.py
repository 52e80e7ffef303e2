"""The customer archive: search as you type, filters, saved segments, one paged table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.changes import Changes
from crmdesk.domain.errors import CrmError
from crmdesk.domain.filters import CustomerFilter
from crmdesk.services import lists
from crmdesk.services.context import Context
from crmdesk.ui import labels
from crmdesk.ui.bus import ChangeBus
from crmdesk.ui.first_paint import FirstPaint
from crmdesk.ui.paged_model import PAGE_SIZE, Column
from crmdesk.ui.panes.table_pane import TablePane
from crmdesk.ui.settings import UiSettings
from crmdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from crmdesk.domain.customer import CustomerInput
    from crmdesk.services.undo import Step
    from crmdesk.ui.panes.customers.bulk_menu import BulkMenu
    from crmdesk.ui.panes.customers.detail import CustomerDetail
    from crmdesk.ui.panes.customers.dialog import CustomerDialog
    from crmdesk.ui.panes.customers.filter_bar import FilterBar
    from crmdesk.ui.panes.customers.segments import SegmentList

CONTEXT = "CustomersPane"
MAX_LISTED_SELECTION = 20_000  # beyond this, select every row (Ctrl+A) to act on the whole list
SEARCH_DELAY_MS = 120  # typing pauses shorter than this do not query

COLUMNS = [
    Column("name", QT_TRANSLATE_NOOP("CustomersPane", "Name"), width=16),
    Column("phone", QT_TRANSLATE_NOOP("CustomersPane", "Phone"), width=15),
    Column("city", QT_TRANSLATE_NOOP("CustomersPane", "City"), width=6),
    Column("category", QT_TRANSLATE_NOOP("CustomersPane", "Category"), labels.label, width=8),
    Column("tier", QT_TRANSLATE_NOOP("CustomersPane", "Tier"), labels.label, width=8),
    Column("stage", QT_TRANSLATE_NOOP("CustomersPane", "Lifecycle"), labels.label, width=9),
    Column("owner", QT_TRANSLATE_NOOP("CustomersPane", "Owner"), width=6),
    Column("last_contact_at", QT_TRANSLATE_NOOP("CustomersPane", "Last contact"), labels.timestamp_date, width=11),
    Column("order_total_cents", QT_TRANSLATE_NOOP("CustomersPane", "Total spent"), labels.money, True, width=13),
    Column("created_at", QT_TRANSLATE_NOOP("CustomersPane", "Customer since"), labels.timestamp_date, width=12),
]


class _Lazy:
    """A service module imported on first use (keeps the archive's first paint lean)."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str):  # noqa: ANN204
        import importlib

        return getattr(importlib.import_module(self._name), attr)


customers = _Lazy("crmdesk.services.customers")
directory = _Lazy("crmdesk.services.directory")
segments = _Lazy("crmdesk.services.segments")
undo = _Lazy("crmdesk.services.undo")


class CustomersPane(TablePane):
    complaint_requested = Signal(int, str)  # a complaint to log for this customer (id, name)

    def __init__(
        self, ctx: Context, settings: UiSettings, runner: TaskRunner, bus: ChangeBus, parent: QWidget | None = None
    ) -> None:
        self._ctx = ctx
        self._runner = runner
        self._bus = bus
        self._filter = CustomerFilter()
        self._generation = 0
        super().__init__(
            object_name="customersPane",
            table_name="customerTable",
            context=CONTEXT,
            title=QT_TRANSLATE_NOOP("CustomersPane", "Customer archive"),
            columns=COLUMNS,
            default_sort="name",
            listing=lambda: lists.customers(ctx, self._filter),
            relevant=lambda c: bool(c.customers),
            settings=settings,
            parent=parent,
        )
        self.search = QLineEdit(self)
        self.search.setObjectName("customerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.fontMetrics().averageCharWidth() * 12)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._on_search_timer)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._on_search_timer)
        self.search.setMaximumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.toolbar.insertSpacing(1, 16)
        self.toolbar.insertWidget(2, self.search, 1)
        # A condition that came from a dashboard figure (the filter bar cannot show it).
        self.figure_note = QPushButton(self, objectName="figureFilter", flat=True)
        self.figure_note.setStyleSheet("color: #2f5597;")
        self.figure_note.clicked.connect(lambda: self.set_filter(self._filter.without_figure_conditions()))
        self.figure_note.hide()
        self.toolbar.insertWidget(3, self.figure_note)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.layout().addWidget(self.splitter, 1)
        # The sidebar, the customer panel and the action buttons are built right after the
        # table first paints: the archive page shows as soon as possible, the rest a frame later.
        self.filters: FilterBar | None = None
        self.segment_list: SegmentList | None = None
        self.detail: CustomerDetail | None = None
        self.bulk_menu: BulkMenu | None = None
        self._painted = FirstPaint(self.table.viewport(), lambda: QTimer.singleShot(0, self.ensure_built))
        self.table.activated.connect(lambda _index: self.on_edit())
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(lambda: self._on_current_changed(self.table.currentIndex()))
        self.retranslate()

    def ensure_built(self) -> None:
        """Build the sidebar, the customer panel and the buttons (once)."""
        if self.detail is not None:
            return
        from crmdesk.ui.panes.customers.bulk_menu import BulkMenu
        from crmdesk.ui.panes.customers.detail import CustomerDetail
        from crmdesk.ui.panes.customers.filter_bar import FilterBar
        from crmdesk.ui.panes.customers.segments import SegmentList

        self.filters = FilterBar(self)
        self.filters.filter_did_change.connect(self._on_filter_bar)
        self.segment_list = SegmentList(self)
        self.segment_list.segment_chosen.connect(self.apply_segment)
        self.segment_list.rename_requested.connect(self._on_rename_segment)
        self.segment_list.delete_requested.connect(self._on_delete_segment)
        self.save_segment_button = QPushButton(self)
        self.save_segment_button.setObjectName("saveSegment")
        self.save_segment_button.clicked.connect(self.on_save_segment)
        sidebar = QWidget(self)
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.filters)
        side.addSpacing(8)
        side.addWidget(self.segment_list, 1)
        side.addWidget(self.save_segment_button)
        self.detail = CustomerDetail(self)
        self.detail.edit_requested.connect(self.on_edit)
        self.detail.log_requested.connect(self.on_log_contact)
        self.detail.complaint_requested.connect(self._on_complaint)
        self.detail.accept_requested.connect(self.on_accept_suggestion)
        self.detail.print_requested.connect(self.on_print_dossier)
        self.splitter.insertWidget(0, sidebar)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 1)
        unit = self.fontMetrics().averageCharWidth()
        self.splitter.setSizes([unit * 28, 1000, unit * 40])

        self.new_button = QPushButton(self, objectName="newCustomer")
        self.new_button.clicked.connect(self.on_new)
        self.toolbar.insertWidget(3, self.new_button)
        self.import_button = QPushButton(self, objectName="importCustomers")
        self.import_button.clicked.connect(lambda: self.on_import())
        self.toolbar.insertWidget(4, self.import_button)
        self.bulk_menu = BulkMenu(self._ctx, self._runner, self._bus, self.selection_target, self)
        self.bulk_button = QPushButton(self, objectName="bulkActions")
        self.bulk_button.setMenu(self.bulk_menu)
        self.toolbar.insertWidget(5, self.bulk_button)
        self.export_button = QPushButton(self, objectName="exportCustomers")
        self.export_button.clicked.connect(self.on_export)
        self.toolbar.insertWidget(6, self.export_button)
        # New customer (Ctrl+N), Log a contact (Ctrl+L) and Search (Ctrl+F) are the window's (see
        # crmdesk.ui.keyboard); these act on the chosen customer while the archive shows.
        self.edit_action = self._shortcut("editCustomerAction", "F2", self.on_edit)
        self.delete_action = self._shortcut("deleteCustomerAction", QKeySequence.StandardKey.Delete, self.on_delete)
        self.print_action = self._shortcut("printDossierAction", QKeySequence.StandardKey.Print, self.on_print_dossier)
        self.retranslate()
        self._on_current_changed(self.table.currentIndex())
        if self._loaded:
            self._load_sidebar()

    def _shortcut(self, name: str, keys: QKeySequence.StandardKey | str, slot: Callable[[], None]) -> QAction:
        action = QAction(self, objectName=name)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _=False: slot())
        self.addAction(action)
        return action

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "search"):
            self.search.setPlaceholderText(self.tr("Search name, pinyin (zs), phone digits, e-mail, company, city, tag…"))
        if getattr(self, "detail", None) is not None:
            self.save_segment_button.setText(self.tr("Save as segment…"))
            self.edit_action.setText(self.tr("Edit the customer…"))
            self.delete_action.setText(self.tr("Move to the recycle bin…"))
            self.print_action.setText(self.tr("Print the dossier…"))
            self.new_button.setText(self.tr("&New customer…"))
            self.bulk_button.setText(self.tr("&Bulk actions"))
            self.import_button.setText(self.tr("&Import…"))
            self.export_button.setText(self.tr("&Export…"))
            self.export_button.setToolTip(self.tr("Export every listed customer (the current search and filter); "
                                                  "Bulk actions exports the selected rows"))

    # -- loading ------------------------------------------------------------------------------
    def load(self) -> None:
        super().load()
        # The sidebar's lists are not needed for the first paint of the table.
        QTimer.singleShot(0, self._load_sidebar)

    def _load_sidebar(self) -> None:
        if self.filters is None:
            return  # loaded when the sidebar is built
        self.filters.set_choices(directory.users(), directory.tags(), directory.cities())
        self._load_segments()

    def _load_segments(self) -> None:
        items = segments.all_segments()
        self.segment_list.set_segments(items)
        if items:  # counting can take a moment at a million customers: off the GUI thread
            self._runner.run(lambda: segments.counts(self._ctx, items), self.segment_list.set_counts)

    # -- filtering ------------------------------------------------------------------------------
    @property
    def current_filter(self) -> CustomerFilter:
        return self._filter

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def set_filter(self, flt: CustomerFilter) -> None:
        if flt == self._filter and self._loaded:
            return
        self._filter = flt
        self.figure_note.setVisible(flt.has_figure_conditions)
        self.figure_note.setText(self.tr("Dashboard figure: %1  ✕").replace("%1", self._figure_text(flt)))
        if self._loaded:
            self.refresh(keep=self.current_id())

    def _figure_text(self, flt: CustomerFilter) -> str:
        parts = []
        if flt.missing_phone:
            parts.append(self.tr("no phone number"))
        if flt.created_from is not None or flt.created_until is not None:
            parts.append(self.tr("created in the period"))
        if flt.ordered_from is not None or flt.ordered_until is not None:
            parts.append(self.tr("ordered in the period") if flt.ordered_from != dt.date.min else self.tr("with orders"))
        return ", ".join(parts)

    def _on_search_timer(self) -> None:
        self._search_timer.stop()
        self.set_filter(self._filter.with_text(self.search.text()))

    def _on_filter_bar(self, flt: CustomerFilter) -> None:
        self.set_filter(replace(flt, text=self._filter.text))

    def apply_segment(self, flt: CustomerFilter) -> None:
        self.ensure_built()
        self.filters.set_filter(flt)
        self.search.blockSignals(True)
        self.search.setText(flt.text)
        self.search.blockSignals(False)
        self.set_filter(flt)

    # -- selection kept by id ---------------------------------------------------------------------
    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def refresh(self, keep: int | None = None) -> None:
        """Reload with the current filter, keeping ``keep`` selected if it is still listed.

        Counting and the first page are read on the worker thread: a one-letter search can
        match a hundred thousand customers, and typing must not wait for it. A newer search
        overtakes an older one still running.
        """
        self._generation += 1
        generation, flt, (key, descending) = self._generation, self._filter, self.model.sort_state

        def work() -> tuple:
            listing = lists.customers(self._ctx, flt)
            count = listing.count()
            first = listing.page(key, descending, 0, PAGE_SIZE)
            row = listing.position_of(keep, key, descending) if keep is not None else None
            return listing, count, first, row

        def show(result: tuple) -> None:
            if generation != self._generation or (key, descending) != self.model.sort_state:
                return  # overtaken by a newer search or sort
            listing, count, first, row = result
            self.model.set_listing(listing, count, first)
            self._update_count()
            if row is not None:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))

        self._runner.run(work, show, self._show_error)

    def on_changes_did_happen(self, changes: Changes) -> None:
        if not self._loaded:
            return
        if changes.everything or changes.customers:
            self.refresh(keep=self.current_id())
        if self.filters is None:
            return
        if changes.everything or changes.settings:
            self._load_segments()
        if changes.everything:
            self.filters.set_choices(directory.users(), directory.tags(), directory.cities())

    # -- one customer -------------------------------------------------------------------------------
    def _on_current_changed(self, index: QModelIndex) -> None:
        if self.detail is None:
            return
        from crmdesk.services import metrics

        customer_id = self.model.id_at(index.row()) if index.isValid() else None
        try:
            if customer_id is None:
                self.detail.show_customer(None)
            else:
                self.detail.show_customer(customers.summary(customer_id, self._ctx),
                                          metrics.customer_metrics(self._ctx, customer_id))
        except CrmError:  # deleted meanwhile
            self.detail.show_customer(None)

    def on_accept_suggestion(self, field: str) -> None:
        from crmdesk.services import metrics

        customer_id = self.current_id()
        if customer_id is not None:
            self._run(lambda: metrics.accept_suggestion(self._ctx, customer_id, field))

    def selected_rows(self) -> list[int]:
        """Selected row numbers, read from the selection's ranges (cheap even for huge ones)."""
        rows: set[int] = set()
        for block in self.table.selectionModel().selection():
            rows.update(range(block.top(), block.bottom() + 1))
        return sorted(rows)

    def selection_target(self) -> tuple[CustomerFilter, int] | None:
        """What a bulk action should act on: the listed customers if every row is selected,
        else the selected ones by id; with how many there are."""
        rows = self.selected_rows()
        total = self.model.rowCount()
        if not rows:
            return None
        if len(rows) >= total:
            return self._filter, total
        if len(rows) > MAX_LISTED_SELECTION:
            return None
        ids = [i for i in (self.model.id_at(r) for r in rows) if i is not None]
        if not ids:  # an empty id list would mean "no restriction", i.e. everyone
            return None
        return CustomerFilter(ids=tuple(ids)), len(ids)


    def on_new(self) -> None:
        from crmdesk.ui.panes.customers.dialog import CustomerDialog  # dialogs load when first opened

        def save(data: CustomerInput) -> None:
            self._runner.run(lambda: undo.create_customer(self._ctx, data),
                             lambda result: self._created(dialog, result), dialog.failed)

        dialog = CustomerDialog(None, directory.users(), [name for _, name in directory.tags()], save, self,
                                look_alikes=self._look_alikes())
        dialog.open()
        self.last_dialog = dialog

    def _created(self, dialog: CustomerDialog, result: tuple[int, Step]) -> None:
        customer_id, step = result
        dialog.saved(step.changes)
        self._bus.record(step)  # published, and Edit → Undo can take it back
        self.refresh(keep=customer_id)

    @staticmethod
    def _look_alikes(exclude: int | None = None):  # noqa: ANN205 - a callback for the form
        from crmdesk.services import dedupe

        return lambda data, e164: dedupe.possible_duplicates(data.name, e164, data.email, data.kind, data.city, exclude)

    def _saved(self, dialog: QDialog, changes: Changes) -> None:
        dialog.saved(changes)
        self._bus.publish(changes)

    def _edited(self, dialog: QDialog, step: Step) -> None:
        dialog.saved(step.changes)
        self._bus.record(step)  # Edit → Undo puts the old values back

    def on_edit(self) -> None:
        customer_id = self.current_id()
        if customer_id is None:
            return
        try:
            data = customers.load_input(customer_id, self._ctx)
        except CrmError as exc:
            self._show_error(exc)
            return
        from crmdesk.ui.panes.customers.dialog import CustomerDialog

        def save(new: CustomerInput) -> None:
            self._runner.run(lambda: undo.edit_customer(self._ctx, customer_id, new),
                             lambda step: self._edited(dialog, step), dialog.failed)

        dialog = CustomerDialog(data, directory.users(), [name for _, name in directory.tags()], save, self,
                                look_alikes=self._look_alikes(customer_id))
        dialog.open()
        self.last_dialog = dialog

    def _on_complaint(self) -> None:
        customer_id = self.current_id()
        if customer_id is not None:
            name = self.model.value(self.table.currentIndex().row(), "name") or ""
            self.complaint_requested.emit(customer_id, name)

    def on_log_contact(self) -> None:
        customer_id = self.current_id()
        if customer_id is None:
            return
        name = self.model.value(self.table.currentIndex().row(), "name") or ""
        from crmdesk.ui.panes.customers.log_dialog import LogContactDialog
        def save(kind: str, summary: str, details: str) -> None:
            self._runner.run(lambda: customers.log_interaction(self._ctx, customer_id, kind, summary, details)[1],
                             lambda changes: self._saved(dialog, changes), dialog.failed)

        dialog = LogContactDialog(name, save, self)
        dialog.open()
        self.last_dialog = dialog

    def on_print_dossier(self) -> None:
        """The selected customer's dossier, built in the background, in a print preview."""
        customer_id = self.current_id()
        if customer_id is None:
            return
        from crmdesk.ui.reports import open_report

        def build(words, paper, progress) -> bytes:  # noqa: ANN001 - see crmdesk.ui.reports.Build
            from crmdesk.reports.dossier import build_dossier  # on the worker: reportlab loads there

            return build_dossier(self._ctx, customer_id, words, paper, progress)

        name = self.model.value(self.table.currentIndex().row(), "name") or ""
        open_report(self, self._runner, self.tr("Dossier of %1").replace("%1", name), f"dossier-{customer_id}", build)

    def on_delete(self) -> None:
        self.ensure_built()
        self.bulk_menu.on_delete()

    def on_export(self) -> None:
        """Export the listed customers: the current search and filter, or saved segment."""
        self.ensure_built()
        flt = self._filter
        segment = next((s.name for s in segments.all_segments() if s.filter == flt), None) if not flt.is_empty else None
        self.bulk_menu.export(flt, self.model.rowCount(), segment)

    def on_import(self, path: str | None = None) -> None:
        """Pick a file (unless given) and open the import dialog on it."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import customers"), "",
                self.tr("Spreadsheets and CSV files (*.xlsx *.xlsm *.xls *.ods *.csv *.txt)"))
        if not path:
            return
        from crmdesk.ui.panes.customers.import_dialog import ImportDialog

        try:
            dialog = ImportDialog(self._ctx, self._runner, self._bus, self._settings, Path(path), self)
        except CrmError as exc:
            self._show_error(exc)
            return
        dialog.open()
        self.last_dialog = dialog

    # -- segments ---------------------------------------------------------------------------------
    def on_save_segment(self) -> None:
        if self._filter.is_empty:
            QMessageBox.information(self, self.tr("Save as segment"),
                                    self.tr("Choose some filters or type a search first."))
            return
        name, ok = QInputDialog.getText(self, self.tr("Save as segment"), self.tr("Name of the segment:"))
        if ok:
            self._run(lambda: segments.save_segment(self._ctx, name, self._filter)[1])

    def _on_rename_segment(self, segment_id: int, name: str) -> None:
        self._run(lambda: segments.rename_segment(self._ctx, segment_id, name))

    def _on_delete_segment(self, segment_id: int) -> None:
        self._run(lambda: segments.delete_segment(self._ctx, segment_id))

    def _run(self, work) -> None:  # noqa: ANN001 - a service call returning Changes
        self._runner.run(work, self._bus.publish, self._show_error)

    def _show_error(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Customer archive"), labels.error_text(exc))
