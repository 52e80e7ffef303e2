"""File → Backups…: the list of backups (date, reason, size, customers, verified) with Back up
now, Restore, Open folder and the optional second folder (a USB stick)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.errors import QT_TRANSLATE_NOOP
from crmdesk.services import backups, setup
from crmdesk.services.context import Context
from crmdesk.storage import backups as files
from crmdesk.ui import labels
from crmdesk.ui.bus import ChangeBus
from crmdesk.ui.export_task import run_with_progress
from crmdesk.ui.tasks import TaskRunner

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
REASON_TEXT = {
    "auto": QT_TRANSLATE_NOOP("BackupReason", "automatic"),
    "manual": QT_TRANSLATE_NOOP("BackupReason", "on request"),
    "before-import": QT_TRANSLATE_NOOP("BackupReason", "before an import"),
    "before-merge": QT_TRANSLATE_NOOP("BackupReason", "before a merge"),
    "before-restore": QT_TRANSLATE_NOOP("BackupReason", "before a restore"),
    "before-migration": QT_TRANSLATE_NOOP("BackupReason", "before an upgrade"),
    "before-sync": QT_TRANSLATE_NOOP("BackupReason", "before a sync"),
}


def reason_text(reason: str) -> str:
    return QCoreApplication.translate("BackupReason", REASON_TEXT[reason]) if reason in REASON_TEXT else reason


def size_text(size: int) -> str:
    for unit, factor in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if size >= factor:
            return f"{size / factor:.1f} {unit}"
    return f"{size} B"


class BackupListModel(QAbstractTableModel):
    DATE, REASON, SIZE, CUSTOMERS, VERIFIED = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[files.BackupInfo] = []

    def set_rows(self, rows: list[files.BackupInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def info(self, row: int) -> files.BackupInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or not 0 <= section < 5:
            return None
        return (self.tr("Taken"), self.tr("Why"), self.tr("Size"), self.tr("Customers"), self.tr("Checked"))[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        info = self.info(index.row()) if index.isValid() else None
        if info is None:
            return None
        column = index.column()
        if role == PATH_ROLE:
            return str(info.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.SIZE, self.CUSTOMERS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.DATE:
            return labels.timestamp_minutes(info.taken_at) if info.taken_at else info.path.name
        if column == self.REASON:
            return reason_text(info.reason)
        if column == self.SIZE:
            return size_text(info.size)
        if column == self.CUSTOMERS:
            return "" if info.customers is None else f"{info.customers:,}"
        return self.tr("yes") if info.verified else self.tr("no")


class BackupsDialog(QDialog):
    def __init__(self, ctx: Context, runner: TaskRunner, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.ctx, self.runner, self.bus = ctx, runner, bus
        self.setWindowTitle(self.tr("Backups"))
        self.model = BackupListModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.intro = QLabel(self.tr("crmdesk keeps a checked copy of your data every 30 minutes while something "
                                    "changes, and before every import, merge, restore and upgrade."), self)
        self.intro.setWordWrap(True)
        self.second = QLabel(self)
        self.second.setObjectName("secondFolderLabel")
        self.backup_button = QPushButton(self.tr("&Back up now"), self, objectName="backupNowButton")
        self.restore_button = QPushButton(self.tr("&Restore…"), self, objectName="restoreButton")
        self.folder_button = QPushButton(self.tr("&Open folder"), self, objectName="openFolderButton")
        self.second_button = QPushButton(self.tr("&Second folder…"), self, objectName="secondFolderButton")
        self.backup_button.clicked.connect(self.on_backup_now)
        self.restore_button.clicked.connect(self.on_restore)
        self.folder_button.clicked.connect(self.on_open_folder)
        self.second_button.clicked.connect(self.on_second_folder)
        row = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.folder_button, self.second_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.second)
        layout.addWidget(close)
        self.resize(720, 420)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self.refresh()

    def refresh(self) -> None:
        def done(rows: object) -> None:
            self.model.set_rows(rows)  # type: ignore[arg-type]
            if self.model.rowCount():
                self.table.selectRow(0)
            self._enable()

        self.runner.run(backups.list_backups, done, self._failed)
        folder = setup.get_setting(backups.SECOND_FOLDER_KEY, "")
        self.second.setText(self.tr("Second folder: %1").replace("%1", folder) if folder
                            else self.tr("No second folder (a USB stick, for example) is set."))

    def _enable(self, *_args: object) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> files.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.info(rows[0].row()) if rows else None

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Backups"), labels.error_text(exc))

    def on_backup_now(self) -> None:
        def done(result: object) -> None:
            self.refresh()
            self.bus.backups_did_change.emit()
            if result.warning is not None:  # type: ignore[attr-defined]
                QMessageBox.warning(self, self.tr("Backups"), labels.error_text(result.warning))  # type: ignore[attr-defined]

        self.last_task = run_with_progress(self, self.runner, self.tr("Backing up…"), 0,
                                           lambda p: backups.take_backup(self.ctx, "manual", progress=p), done,
                                           self._failed)

    def on_restore(self, confirmed: bool = False) -> None:
        info = self.selected()
        if info is None:
            return
        when = labels.timestamp_minutes(info.taken_at) if info.taken_at else info.path.name
        if not confirmed:
            answer = QMessageBox.question(
                self, self.tr("Restore a backup"),
                self.tr("Put the backup of %1 in place of your data? Your data as it is now is backed up first, "
                        "so you can go back to it.").replace("%1", when))
            if answer != QMessageBox.StandardButton.Yes:
                return

        def done(result: object) -> None:
            self.bus.publish(result.changes)  # type: ignore[attr-defined]
            self.bus.backups_did_change.emit()
            self.refresh()
            QMessageBox.information(self, self.tr("Restore a backup"), self.tr(
                "The backup of %1 was restored. Your data as it was is kept as a backup “before a restore”.")
                .replace("%1", when))

        self.last_task = run_with_progress(self, self.runner, self.tr("Restoring…"), 0,
                                           lambda p: backups.restore(self.ctx, info.path, p), done, self._failed)

    def on_open_folder(self) -> None:
        path = backups.database_path()
        if path is None:
            return
        folder = files.folder_for(path)
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def on_second_folder(self, chosen: str | None = None) -> None:
        if chosen is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Second folder for backups"),
                                                      setup.get_setting(backups.SECOND_FOLDER_KEY, "") or str(Path.home()))
        setup.set_setting(self.ctx, backups.SECOND_FOLDER_KEY, chosen or "")
        self.refresh()
