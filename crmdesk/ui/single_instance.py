"""One window per database: a second launch on the same database raises the first window.

A lock file (QLockFile, which recognises a lock left by a crashed process as stale and takes
it over) says who owns the database; a local socket lets a second launch ask the owner to come
to the front.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

MESSAGE = b"activate\n"
WAIT_MS = 1500


def instance_key(target: str) -> str:
    """A short name derived from the database's absolute path (or URL)."""
    text = target if "://" in target else str(Path(target).expanduser().absolute())
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


class SingleInstance(QObject):
    activation_requested = Signal()

    def __init__(self, target: str, lock_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        key = instance_key(target)
        try:
            user = getpass.getuser()
        except Exception:  # no user name on some odd systems
            user = "user"
        self.server_name = f"crmdesk-{user}-{key}"
        lock_dir.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(lock_dir / f"{key}.lock"))
        self._lock.setStaleLockTime(0)  # stale only when the owning process is gone
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True if this process now owns the database; False if another live process does."""
        if not self._lock.tryLock(100):
            if self.notify_primary():
                return False
            # The owner does not answer: a crashed process whose pid was reused, or a hung one.
            if not (self._lock.removeStaleLockFile() and self._lock.tryLock(100)):
                return False
        # Listening can wait until the window is up (QtNetwork is not needed before that).
        QTimer.singleShot(0, self._listen)
        return True

    def _listen(self) -> None:
        from PySide6.QtNetwork import QLocalServer

        if self._server is not None or not self._lock.isLocked():
            return
        self._server = QLocalServer(self)
        QLocalServer.removeServer(self.server_name)  # a socket file left by a crash
        self._server.listen(self.server_name)
        self._server.newConnection.connect(self._on_new_connection)

    @property
    def listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def notify_primary(self) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.server_name)
        if not socket.waitForConnected(WAIT_MS):
            return False
        socket.write(MESSAGE)
        ok = socket.waitForBytesWritten(WAIT_MS)
        socket.disconnectFromServer()
        return ok

    def _on_new_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            conn = self._server.nextPendingConnection()
            # The message is a few bytes sent at once; a short wait keeps this simple.
            if conn.bytesAvailable() or conn.waitForReadyRead(WAIT_MS):
                if bytes(conn.readAll().data()).startswith(MESSAGE.strip()):
                    self.activation_requested.emit()
            conn.abort()
            conn.deleteLater()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        self._lock.unlock()
