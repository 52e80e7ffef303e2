"""A damaged database at start-up: never opened half-way.

The app says what is wrong, and offers the newest good backup or an empty database; either way
the damaged file is first moved aside (renamed ``….damaged-<time>``, nothing in it deleted),
so it can still be looked at or rescued later.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from crmdesk.services import backups
from crmdesk.storage import backups as files
from crmdesk.ui import labels

RESTORE, EMPTY, QUIT = "restore", "empty", "quit"


def good_backups(path: Path) -> list[files.BackupInfo]:
    """The checked backups of the database at ``path``, newest first."""
    return [info for info in backups.list_backups(path) if info.verified]


def ask(problem: str, backup: files.BackupInfo | None) -> str:
    """The user's choice: RESTORE, EMPTY or QUIT."""
    box = QMessageBox(QMessageBox.Icon.Critical, "crmdesk", "")
    box.setObjectName("damagedDatabaseBox")
    box.setText(QCoreApplication.translate("DamagedDatabase", "Your database cannot be opened safely."))
    offer = (QCoreApplication.translate("DamagedDatabase", "You can restore the newest good backup, taken %1 (%2 customers).")
             .replace("%1", labels.timestamp_minutes(backup.taken_at)).replace("%2", f"{backup.customers or 0:,}")
             if backup is not None else QCoreApplication.translate("DamagedDatabase", "There is no backup of it to restore; you can start with an empty "
                                              "database."))
    box.setInformativeText("\n\n".join([problem, QCoreApplication.translate("DamagedDatabase", "crmdesk does not open a damaged file half-way. The file is "
                                                    "moved aside first (nothing in it is deleted)."), offer]))
    restore = box.addButton(QCoreApplication.translate("DamagedDatabase", "Restore the backup"), QMessageBox.ButtonRole.AcceptRole) if backup else None
    empty = box.addButton(QCoreApplication.translate("DamagedDatabase", "Start empty"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QCoreApplication.translate("DamagedDatabase", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    return RESTORE if restore is not None and clicked is restore else EMPTY if clicked is empty else QUIT


def recover(target: str, error: BaseException) -> bool:
    """Explain ``error`` about the file ``target`` and act on the user's choice; True when the
    app should try opening ``target`` again, False to quit (the file then stays as it was)."""
    path = Path(target).expanduser().absolute()
    candidates = good_backups(path)
    problem = labels.error_text(error)
    while True:
        choice = ask(problem, candidates[0] if candidates else None)
        if choice == QUIT:
            return False
        if path.exists():
            moved = backups.move_aside(path)
            problem = QCoreApplication.translate("DamagedDatabase", "The damaged file was moved aside to %1.").replace("%1", str(moved))
        if choice == EMPTY:
            return True
        try:
            backups.restore_as_new(candidates[0].path, path)
            return True
        except Exception as exc:  # noqa: BLE001 - that backup is bad too: say so, offer the next
            problem = QCoreApplication.translate("DamagedDatabase", "The backup %1 cannot be restored either: %2").replace(
                "%1", candidates[0].path.name).replace("%2", labels.error_text(exc))
            candidates = candidates[1:]
