"""File → Sync… and File → Conflicts…: bringing laptops together, and reviewing what clashed.

Sync… offers the three ways (export a sync file for a USB stick, take one in, sync both
ways with the team server or another crmdesk file); each runs on the worker with progress
and cancel, then says what came and went. Conflicts… lists the values that lost a merge
(record, field, kept value, other value, when, who) with "Use other value" (a swap that
travels on at the next sync) and "Dismiss" (keep what was kept).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.changes import Changes
from crmdesk.domain.errors import QT_TRANSLATE_NOOP
from crmdesk.services.context import Context
from crmdesk.services.progress import Cancelled
from crmdesk.services.sync import conflicts as conflict_list
from crmdesk.services.sync.engine import SyncReport
from crmdesk.ui import labels
from crmdesk.ui.bus import ChangeBus
from crmdesk.ui.export_task import run_with_progress
from crmdesk.ui.tasks import TaskRunner

ID_ROLE = Qt.ItemDataRole.UserRole + 1

TABLES = {
    "customer": QT_TRANSLATE_NOOP("SyncTables", "Customer"),
    "contact": QT_TRANSLATE_NOOP("SyncTables", "Contact"),
    "opportunity": QT_TRANSLATE_NOOP("SyncTables", "Deal"),
    "complaint": QT_TRANSLATE_NOOP("SyncTables", "Complaint"),
    "reminder": QT_TRANSLATE_NOOP("SyncTables", "Care task"),
    "interaction": QT_TRANSLATE_NOOP("SyncTables", "Contact log"),
    "tag": QT_TRANSLATE_NOOP("SyncTables", "Tag"),
    "customer_tag": QT_TRANSLATE_NOOP("SyncTables", "Tag of a customer"),
}
FIELDS = {
    "name": QT_TRANSLATE_NOOP("SyncFields", "Name"),
    "phone": QT_TRANSLATE_NOOP("SyncFields", "Phone"),
    "email": QT_TRANSLATE_NOOP("SyncFields", "E-mail"),
    "city": QT_TRANSLATE_NOOP("SyncFields", "City"),
    "address": QT_TRANSLATE_NOOP("SyncFields", "Address"),
    "company": QT_TRANSLATE_NOOP("SyncFields", "Company"),
    "title": QT_TRANSLATE_NOOP("SyncFields", "Title"),
    "notes": QT_TRANSLATE_NOOP("SyncFields", "Notes"),
    "tier": QT_TRANSLATE_NOOP("SyncFields", "Value tier"),
    "stage": QT_TRANSLATE_NOOP("SyncFields", "Lifecycle stage"),
    "category": QT_TRANSLATE_NOOP("SyncFields", "Category"),
    "owner_id": QT_TRANSLATE_NOOP("SyncFields", "Owner"),
    "status": QT_TRANSLATE_NOOP("SyncFields", "Status"),
    "amount_cents": QT_TRANSLATE_NOOP("SyncFields", "Amount"),
    "description": QT_TRANSLATE_NOOP("SyncFields", "Description"),
    "due_on": QT_TRANSLATE_NOOP("SyncFields", "Due"),
    "deleted_at": QT_TRANSLATE_NOOP("SyncFields", "Recycle bin"),
}


def table_text(table: str) -> str:
    return QCoreApplication.translate("SyncTables", TABLES[table]) if table in TABLES else table


def field_text(field: str) -> str:
    return QCoreApplication.translate("SyncFields", FIELDS[field]) if field in FIELDS else field


def value_text(field: str, value: Any) -> str:
    if field == "deleted_at":
        return (QCoreApplication.translate("SyncDialog", "in the recycle bin") if value is not None
                else QCoreApplication.translate("SyncDialog", "not deleted"))
    if value is None or value == "":
        return "—"
    if field.endswith("_cents") and isinstance(value, int):
        return labels.money(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


class ConflictModel(QAbstractTableModel):
    """The open conflicts, newest first (a conflict list stays short: no paging)."""

    RECORD, FIELD, KEPT, OTHER, WHEN, WHO = range(6)
    HEADERS = (QT_TRANSLATE_NOOP("ConflictModel", "Record"), QT_TRANSLATE_NOOP("ConflictModel", "Field"),
               QT_TRANSLATE_NOOP("ConflictModel", "Kept value"), QT_TRANSLATE_NOOP("ConflictModel", "Other value"),
               QT_TRANSLATE_NOOP("ConflictModel", "When"), QT_TRANSLATE_NOOP("ConflictModel", "Who"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[conflict_list.ConflictRow] = []

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = conflict_list.list_conflicts()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 6:
            return QCoreApplication.translate("ConflictModel", self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == self.RECORD:
            return f"{table_text(row.table_name)} · {row.record}" if row.record else table_text(row.table_name)
        if column == self.FIELD:
            return field_text(row.field)
        if column == self.KEPT:
            return value_text(row.field, row.kept)
        if column == self.OTHER:
            return value_text(row.field, row.other)
        if column == self.WHEN:
            return labels.timestamp_minutes(row.found_at)
        if column == self.WHO:
            return QCoreApplication.translate("ConflictModel", "kept: %1 · other: %2").replace(
                "%1", row.kept_by or "—").replace("%2", row.other_by or "—")
        return None


class ConflictsDialog(QDialog):
    """File → Conflicts…"""

    def __init__(self, ctx: Context, runner: TaskRunner, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner, self.bus = ctx, runner, bus
        self.setObjectName("conflictsDialog")
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(980, 420)
        self.model = ConflictModel(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("conflictsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        self.use_other = QPushButton(self.tr("&Use other value"), self, objectName="useOtherButton")
        self.dismiss = QPushButton(self.tr("&Dismiss"), self, objectName="dismissButton")
        self.use_other.setToolTip(self.tr("Put the other value into the record; it travels on at the next sync."))
        self.dismiss.setToolTip(self.tr("Keep the kept value and take the conflict off the list."))
        buttons.addButton(self.use_other, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.dismiss, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.use_other.clicked.connect(self.on_use_other)
        self.dismiss.clicked.connect(self.on_dismiss)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self.reload()

    def reload(self) -> None:
        self.model.reload()
        count = self.model.rowCount()
        self.intro.setText(self.tr("%n value(s) lost a merge: the same field was changed on two computers. "
                                   "The later change was kept.", "", count) if count
                           else self.tr("No conflicts: every change merged cleanly."))
        for column, width in ((0, 170), (1, 90), (2, 130), (3, 130), (4, 130)):
            self.table.setColumnWidth(column, width)
        self._enable()

    def _select(self, ids: list[int]) -> None:
        """Select the rows of these conflicts again (after a reload)."""
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if self.model.data(index, ID_ROLE) in ids:
                self.table.selectionModel().select(index, flags)

    def _enable(self) -> None:
        chosen = bool(self.selected_ids())
        self.use_other.setEnabled(chosen and len(self.selected_ids()) == 1)
        self.dismiss.setEnabled(chosen)

    def selected_ids(self) -> list[int]:
        return [self.model.data(i, ID_ROLE) for i in self.table.selectionModel().selectedRows()]

    def on_use_other(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.runner.run(lambda: conflict_list.use_other(self.ctx, ids[0]), self._done, self._failed)

    def on_dismiss(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.runner.run(lambda: conflict_list.dismiss(self.ctx, ids), self._done, self._failed)

    def _done(self, changes: object) -> None:
        chosen = self.selected_ids()
        self.reload()
        self._select(chosen)
        if isinstance(changes, Changes) and changes:
            self.bus.publish(changes)

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Sync conflicts"), labels.error_text(exc))


def _sync_with(target: str, progress: object) -> SyncReport:
    from crmdesk.services.sync import back_up_first, engine
    from crmdesk.services.sync.replicas import DatabaseReplica
    from crmdesk.storage.database import open_peer
    from crmdesk.storage.models import database_proxy

    back_up_first()
    peer_db = open_peer(target)
    try:
        return engine.sync(DatabaseReplica(database_proxy.obj), DatabaseReplica(peer_db), progress)  # type: ignore[arg-type]
    finally:
        peer_db.close()


def _export(path: str, progress: object) -> int:
    from crmdesk.services.sync import files
    from crmdesk.services.sync.replicas import DatabaseReplica
    from crmdesk.storage.models import database_proxy

    return files.export_file(DatabaseReplica(database_proxy.obj), Path(path), progress)  # type: ignore[arg-type]


def _import(path: str, progress: object) -> SyncReport:
    from crmdesk.services.sync import back_up_first, files
    from crmdesk.services.sync.replicas import DatabaseReplica
    from crmdesk.storage.models import database_proxy

    back_up_first()
    return files.import_file(DatabaseReplica(database_proxy.obj), Path(path), progress)  # type: ignore[arg-type]


class SyncActions(QObject):
    """The File menu's Sync… and Conflicts… and the work behind them."""

    def __init__(self, ctx: Context, runner: TaskRunner, bus: ChangeBus, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx, self.runner, self.bus, self.window = ctx, runner, bus, parent
        self.sync_action = QAction(self, objectName="syncAction", triggered=self.on_sync)
        self.conflicts_action = QAction(self, objectName="conflictsAction", triggered=self.on_conflicts)
        self.last_text = ""
        self.conflicts_dialog: ConflictsDialog | None = None

    def retranslate(self) -> None:
        self.sync_action.setText(self.tr("S&ync…"))
        self.conflicts_action.setText(self.tr("Sync &conflicts…"))

    def on_sync(self) -> None:
        """Ask how (sync file out, sync file in, server), then run it."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Sync"),
                          self.tr("Bring this computer's changes together with another's. A sync file carries them "
                                  "on a USB stick; the team server takes them over the network."),
                          QMessageBox.StandardButton.Cancel, self.window)
        box.setObjectName("syncChoice")
        export = box.addButton(self.tr("&Write a sync file…"), QMessageBox.ButtonRole.ActionRole)
        take = box.addButton(self.tr("&Read a sync file…"), QMessageBox.ButtonRole.ActionRole)
        server = box.addButton(self.tr("Sync with the &server…"), QMessageBox.ButtonRole.ActionRole)
        box.exec()
        chosen = box.clickedButton()
        if chosen is export:
            path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Write a sync file"), "crmdesk.sync",
                                                  self.tr("crmdesk sync files (*.sync)"))
            if path:
                self.export_to(path)
        elif chosen is take:
            path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Read a sync file"), "",
                                                  self.tr("crmdesk sync files (*.sync);;All files (*)"))
            if path:
                self.import_from(path)
        elif chosen is server:
            target, ok = QInputDialog.getText(self.window, self.tr("Sync with the server"),
                                              self.tr("Address of the team server (postgresql://…) or a crmdesk file:"))
            if ok and target.strip():
                self.sync_with(target.strip())

    def export_to(self, path: str) -> None:
        self.last_task = run_with_progress(self.window, self.runner, self.tr("Writing the sync file…"), 1,
                                           lambda p: _export(path, p), self._exported, self._failed)

    def import_from(self, path: str) -> None:
        self.last_task = run_with_progress(self.window, self.runner, self.tr("Reading the sync file…"), 1,
                                           lambda p: _import(path, p), self._synced, self._failed)

    def sync_with(self, target: str) -> None:
        self.last_task = run_with_progress(self.window, self.runner, self.tr("Syncing…"), 1,
                                           lambda p: _sync_with(target, p), self._synced, self._failed)

    def _exported(self, count: object) -> None:
        self.last_text = self.tr("%n record(s) written to the sync file. Read it on the other computer, then "
                                 "bring that computer's sync file back here.", "", int(count))  # type: ignore[call-overload]
        QMessageBox.information(self.window, self.tr("Sync"), self.last_text)

    def _synced(self, report: object) -> None:
        assert isinstance(report, SyncReport)
        parts = [self.tr("%n record(s) received.", "", report.received)]
        if report.sent:
            parts.append(self.tr("%n record(s) sent.", "", report.sent))
        if report.skew_ms:
            minutes = round(abs(report.skew_ms) / 60_000)
            parts.append(self.tr("The other computer's clock is %n minute(s) off; check the date and time settings.",
                                 "", minutes))
        self.bus.publish(Changes(everything=True))
        if report.conflicts:
            parts.append(self.tr("%n conflict(s) to review.", "", report.conflicts))
            self.last_text = " ".join(parts)
            answer = QMessageBox.question(self.window, self.tr("Sync"), self.last_text + "\n\n" + self.tr(
                "Review the conflicts now?"))
            if answer == QMessageBox.StandardButton.Yes:
                self.on_conflicts()
            return
        self.last_text = " ".join(parts)
        QMessageBox.information(self.window, self.tr("Sync"), self.last_text)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.last_text = self.tr("The sync was stopped; what arrived so far is kept, and the next sync goes "
                                     "on from there.")
        else:
            self.last_text = labels.error_text(exc)
        QMessageBox.warning(self.window, self.tr("Sync"), self.last_text)

    def on_conflicts(self) -> None:
        self.conflicts_dialog = ConflictsDialog(self.ctx, self.runner, self.bus, self.window)
        self.conflicts_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.conflicts_dialog.open()
