"""File → Recycle bin…: what was deleted, to search, restore, or erase for good.

Every read and change runs on the database worker; a restore is a step of the undo stack
(Ctrl+Z puts the items back in the bin), emptying is not and says so before it starts. The
dialog reloads itself on every change published on the bus, so a delete elsewhere, an undo or
the start-up purge show at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.changes import Changes
from crmdesk.services import recycle_bin
from crmdesk.services.context import Context
from crmdesk.services.progress import Cancelled
from crmdesk.services.recycle_bin import KINDS, Item
from crmdesk.ui import labels
from crmdesk.ui.bus import ChangeBus
from crmdesk.ui.export_task import run_with_progress
from crmdesk.ui.recycle_bin_model import CUSTOMER, DELETED_AT, DELETED_BY, KIND, KIND_NAMES, NAME, BinModel, tr
from crmdesk.ui.tasks import TaskRunner

SEARCH_PAUSE_MS = 250
WIDTHS = {KIND: 10, NAME: 28, CUSTOMER: 16, DELETED_AT: 17, DELETED_BY: 10}  # in average character widths


class RecycleBinDialog(QDialog):
    def __init__(self, ctx: Context, runner: TaskRunner, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recycleBinDialog")
        self.ctx, self.runner, self.bus = ctx, runner, bus
        self.all_counts: dict[str, int] = {kind: 0 for kind in KINDS}
        self.shown_counts: dict[str, int] = dict(self.all_counts)
        self._loads = 0  # a load started before the latest one is dropped when it arrives

        self.search = QLineEdit(self, objectName="binSearch")
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox(self, objectName="binKind")
        for _ in range(len(KINDS) + 1):
            self.kind.addItem("")
        self.counts_label = QLabel(self, objectName="binCounts")
        self.model = BinModel(runner, self)
        self.model.fetch_did_fail.connect(self._failed)
        self.table = QTableView(self, objectName="binTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        unit = self.fontMetrics().averageCharWidth()
        for column, width in WIDTHS.items():
            header.resizeSection(column, width * unit + 16)
        self._fit_columns()
        self.empty_label = QLabel(self, objectName="binEmptyNote")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.restore_button = QPushButton(self, objectName="binRestore", clicked=lambda: self.on_restore())
        self.empty_selected_button = QPushButton(self, objectName="binEmptySelected",
                                                 clicked=lambda: self.on_empty_selected())
        self.empty_all_button = QPushButton(self, objectName="binEmptyAll", clicked=lambda: self.on_empty_all())
        self.retention_label = QLabel(self, objectName="binRetentionLabel")
        self.retention = QSpinBox(self, objectName="binRetention")
        self.retention.setRange(1, recycle_bin.MAX_DAYS)
        self.retention.setValue(recycle_bin.DEFAULT_DAYS)  # the saved period comes with the first load
        self.retention_label.setBuddy(self.retention)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.kind, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.restore_button)
        actions.addWidget(self.empty_selected_button)
        actions.addStretch(1)
        actions.addWidget(self.empty_all_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.retention_label)
        bottom.addWidget(self.retention)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(actions)
        layout.addLayout(bottom)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.kind.currentIndexChanged.connect(lambda _i: self.reload())
        self._retention_timer = QTimer(self, singleShot=True, interval=600)
        self._retention_timer.timeout.connect(self.save_retention)
        self.retention.valueChanged.connect(lambda _v: self._retention_timer.start())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        bus.changes_did_happen.connect(self.on_changes_did_happen)
        self.retranslate()
        self.resize(max(self.sizeHint().width(), sum(WIDTHS.values()) * unit + 120), 520)
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Recycle bin"))
        self.search.setPlaceholderText(self.tr("Search the bin by name…"))
        for i, text in enumerate((self.tr("All kinds"), self.tr("Customers"), self.tr("Deals"), self.tr("Care tasks"),
                                  self.tr("Complaints"))):
            self.kind.setItemText(i, text)
        self.restore_button.setText(self.tr("&Restore"))
        self.empty_selected_button.setText(self.tr("Erase &selected…"))
        self.empty_all_button.setText(self.tr("&Empty the bin…"))
        self.retention_label.setText(self.tr("Erase items automatically after:"))
        self.retention.setSuffix(self.tr(" days"))
        self.empty_label.setText(self.tr("Nothing here. Deleted customers, deals, care tasks and complaints wait "
                                         "in the bin until you restore or erase them."))
        self._update_counts()
        self._fit_columns()

    def _fit_columns(self) -> None:
        """The kind and the date columns as wide as their longest text in this language (the
        header's bold font included), so neither is cut; name and customer keep their share."""
        header = self.table.horizontalHeader()
        cells, bold = self.table.fontMetrics(), header.fontMetrics()
        kinds = [self.model.headerData(KIND, Qt.Orientation.Horizontal)] + [tr(name) for name in KIND_NAMES.values()]
        widest = max(cells.horizontalAdvance(text) for text in kinds[1:])
        header.resizeSection(KIND, max(widest, bold.horizontalAdvance(kinds[0]) + 8) + 20)
        stamp = labels.timestamp_minutes(0).translate(str.maketrans("0123456789", "8888888888"))
        date_header = self.model.headerData(DELETED_AT, Qt.Orientation.Horizontal)
        header.resizeSection(DELETED_AT, max(cells.horizontalAdvance(stamp), bold.horizontalAdvance(date_header) + 8)
                             + 20)

    # -- loading ------------------------------------------------------------------------------
    def kinds(self) -> tuple[str, ...]:
        index = self.kind.currentIndex()
        return KINDS if index <= 0 else (KINDS[index - 1],)

    def reload(self) -> None:
        """Counts and the first page, read on the worker for the current search and kind."""
        text, kinds = self.search.text().strip(), self.kinds()
        self._loads += 1
        number = self._loads

        def work() -> tuple:
            recycle_bin.require_access(self.ctx)
            everything = recycle_bin.counts()
            matching = recycle_bin.counts(text) if text else everything
            return everything, matching, recycle_bin.page(None, recycle_bin.PAGE, text, kinds), \
                recycle_bin.retention_days()

        def done(result: tuple) -> None:
            if number != self._loads:
                return  # a newer search is on its way
            self.all_counts, self.shown_counts, rows, days = result
            if not self._retention_timer.isActive():  # not while an edit of it waits to be saved
                self.retention.blockSignals(True)
                self.retention.setValue(days)
                self.retention.blockSignals(False)
            self.model.show(rows, sum(self.shown_counts[k] for k in kinds), text, kinds)
            self._update_counts()

        self.runner.run(work, done, self._failed)

    def on_changes_did_happen(self, changes: Changes) -> None:
        if changes and self.isVisible():
            self.reload()

    def _update_counts(self) -> None:
        total = sum(self.all_counts.values())
        if not total:
            self.counts_label.setText(self.tr("The recycle bin is empty."))
        else:
            parts = [self.tr("%n customer(s)", "", self.shown_counts["customer"]),
                     self.tr("%n deal(s)", "", self.shown_counts["deal"]),
                     self.tr("%n care task(s)", "", self.shown_counts["task"]),
                     self.tr("%n complaint(s)", "", self.shown_counts["complaint"])]
            text = " · ".join(parts)
            if self.search.text().strip():
                text = self.tr("Found: %1 (of %n item(s) in the bin)", "", total).replace("%1", text)
            self.counts_label.setText(text)
        self.empty_label.setVisible(total == 0)
        self.table.setVisible(total > 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = bool(self.table.selectionModel().selectedRows())
        self.restore_button.setEnabled(chosen)
        self.empty_selected_button.setEnabled(chosen)
        self.empty_all_button.setEnabled(sum(self.all_counts.values()) > 0)

    def selected_items(self) -> list[Item]:
        return [self.model.item(index.row()) for index in sorted(self.table.selectionModel().selectedRows())]

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Recycle bin"), labels.error_text(exc))

    # -- actions ------------------------------------------------------------------------------
    def on_restore(self) -> None:
        items = self.selected_items()
        if not items:
            return

        busy = self._busy(self.tr("Restoring %n item(s)…", "", len(items)))

        def done(step: object) -> None:
            busy.reset()
            self.bus.record(step)  # published (so every view and this list refresh) and undoable
            if not step.changes:  # type: ignore[attr-defined] - nothing was left to restore
                self.reload()

        def failed(exc: BaseException) -> None:
            busy.reset()
            self._failed(exc)

        self.runner.run(lambda: recycle_bin.restore_step(self.ctx, items), done, failed)

    def _busy(self, label: str) -> QProgressDialog:
        """A window-modal "working" note for one transaction that cannot stop half-way (so no
        Cancel button), shown only when it takes a moment: restoring a large selection."""
        dialog = QProgressDialog(label, "", 0, 0, self, objectName="binBusy")
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setValue(0)
        self.busy_dialog = dialog
        return dialog

    def on_empty_selected(self) -> None:
        items = self.selected_items()
        if not items:
            return
        answer = QMessageBox.question(
            self, self.tr("Erase for good"),
            self.tr("Erase the %n selected item(s) for good? A customer goes with everything that belongs to "
                    "them: contacts, history, orders, deals, care tasks and complaints. This cannot be undone.",
                    "", len(items)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self._erase(items)

    def on_empty_all(self) -> None:
        total = sum(self.all_counts.values())
        if not total:
            return
        answer = QMessageBox.question(
            self, self.tr("Empty the recycle bin"),
            self.tr("Erase all %n item(s) in the recycle bin for good, with everything that belongs to them? "
                    "This cannot be undone.", "", total),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self._erase(None)

    def _erase(self, items: list[Item] | None) -> None:
        def done(gone: object) -> None:
            changes = recycle_bin.changes_of(gone)  # type: ignore[arg-type]
            self.bus.publish(changes)  # every view refreshes, this list with them
            if not changes:
                self.reload()

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, Cancelled):  # cancelled before the commit: nothing is gone
                self._failed(exc)

        self.progress = run_with_progress(self, self.runner, self.tr("Erasing…"), 0,
                                          lambda p: recycle_bin.empty(self.ctx, items, p), done, failed)

    def save_retention(self) -> None:
        days = self.retention.value()
        self.runner.run(lambda: recycle_bin.set_retention_days(self.ctx, days), self.bus.publish, self._failed)
