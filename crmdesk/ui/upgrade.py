"""A schema upgrade at start-up, with a window that says what is happening.

An upgrade copies the file to the backups folder and may rebuild indexes: about a minute for
a million customers. It runs on a worker thread while a busy indicator shows, instead of the
app seeming not to start.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QProgressDialog

from crmdesk.storage.database import close_database, open_database


def upgrade_with_progress(target: str) -> None:
    """Open ``target`` once on a worker thread (which upgrades it) while a dialog shows;
    raises what opening raised."""
    dialog = QProgressDialog(
        QCoreApplication.translate("Upgrade", "Updating the database for this version of crmdesk…\n"
                                              "A copy of the old file is kept in the backups folder."),
        "", 0, 0)
    dialog.setWindowTitle("crmdesk")
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)
    dialog.show()
    failure: list[BaseException] = []

    def work() -> None:
        try:
            open_database(target)
        except BaseException as exc:  # handed to the GUI thread
            failure.append(exc)
        finally:
            close_database()

    worker = threading.Thread(target=work, name="crmdesk-upgrade")
    worker.start()
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: None if worker.is_alive() else loop.quit())
    timer.start(50)
    loop.exec()
    timer.stop()
    worker.join()
    dialog.close()
    dialog.deleteLater()
    if failure:
        raise failure[0]
