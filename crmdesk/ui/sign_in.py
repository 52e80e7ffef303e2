"""Signing in at start-up (when sign-in is on), and the lock after idle time.

The lock hides what is on screen behind a cover on every open window and asks the signed-in
user's password again; nothing is closed, so a half-filled form is still there afterwards.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.clock import Clock
from crmdesk.domain.errors import CrmError
from crmdesk.services import users
from crmdesk.services.context import Context
from crmdesk.ui import labels


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent, objectName="signInError")
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(link);")
    label.hide()
    return label


class SignInDialog(QDialog):
    """User name and password; on success ``context`` is the signed-in user's Context."""

    def __init__(self, clock: Clock | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.clock = clock
        self.context: Context | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.username = QLineEdit(self, objectName="signInUser")
        self.password = QLineEdit(self, objectName="signInPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = _error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.on_sign_in)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        self.user_label, self.password_label = QLabel(self), QLabel(self)
        form.addRow(self.user_label, self.username)
        form.addRow(self.password_label, self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 32)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in to crmdesk"))
        self.intro.setText(self.tr("Sign in with your user name and password."))
        self.user_label.setText(self.tr("&User name:"))
        self.user_label.setBuddy(self.username)
        self.password_label.setText(self.tr("&Password:"))
        self.password_label.setBuddy(self.password)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Sign in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Quit"))

    def on_sign_in(self) -> None:
        try:
            self.context = users.authenticate(self.username.text(), self.password.text(), self.clock)
        except CrmError as exc:
            self.error.setText(labels.error_text(exc))
            self.error.show()
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()


class _Cover(QWidget):
    """An opaque sheet over a window's contents while the app is locked."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False


class LockScreen(QDialog):
    """Asks the signed-in user's password again; ``unlocked`` once it is right."""

    unlocked = Signal()

    def __init__(self, ctx: Context, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.ctx, self.name = ctx, name
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.message = QLabel(self, objectName="lockMessage")
        self.message.setWordWrap(True)
        self.password = QLineEdit(self, objectName="lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = _error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.buttons.accepted.connect(self.on_unlock)
        self.password_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self.password_label, self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 32)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("crmdesk is locked"))
        text = self.tr("crmdesk was locked after a while without use. %1, enter your password to go on.")
        self.message.setText(text.replace("%1", self.name))
        self.password_label.setText(self.tr("&Password:"))
        self.password_label.setBuddy(self.password)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Unlock"))

    def on_unlock(self) -> None:
        if users.check_password(self.ctx, self.password.text()):
            self.password.clear()
            self.error.hide()
            self.hide()
            self.unlocked.emit()
            return
        self.error.setText(self.tr("That password is not right."))
        self.error.show()
        self.password.clear()
        self.password.setFocus()

    def reject(self) -> None:  # Escape does not get past the lock
        pass


INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
                QEvent.Type.TouchBegin}


class IdleLock(QObject):
    """Locks the app after ``minutes`` without keyboard or mouse input (the timer can be given
    by tests). While locked every top-level window is covered and the lock screen is shown."""

    locked = Signal()
    unlocked = Signal()

    def __init__(self, ctx: Context, name: str, minutes: int, main: QWidget,
                 timer: QTimer | None = None, windows: Callable[[], list[QWidget]] | None = None) -> None:
        super().__init__(main)
        self.ctx, self.name, self.main = ctx, name, main
        self.timer = timer or QTimer(self)
        self.timer.setSingleShot(True)
        if timer is None:
            self.timer.setInterval(max(minutes, 1) * 60_000)
        self.timer.timeout.connect(self.lock)
        self._windows = windows or QApplication.topLevelWidgets
        self.screen: LockScreen | None = None
        self._covers: list[_Cover] = []
        if minutes > 0:
            QApplication.instance().installEventFilter(self)
            self.timer.start()

    @property
    def is_locked(self) -> bool:
        return self.screen is not None and self.screen.isVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in INPUT_EVENTS and not self.is_locked:
            self.timer.start()  # (re)start: the idle time counts from the last input
        return False

    def lock(self) -> None:
        if self.is_locked:
            return
        self.timer.stop()
        self.screen = self.screen or LockScreen(self.ctx, self.name, self.main)
        self.screen.unlocked.connect(self._on_unlocked, Qt.ConnectionType.UniqueConnection)
        self._covers = [_Cover(w) for w in self._windows() if w.isVisible() and w is not self.screen]
        self.screen.show()  # (application modal: it takes the input from every other window)
        self.screen.activateWindow()
        self.screen.password.setFocus()
        self.locked.emit()

    def _on_unlocked(self) -> None:
        for cover in self._covers:
            cover.parentWidget().removeEventFilter(cover)
            cover.hide()
            cover.deleteLater()
        self._covers = []
        self.timer.start()
        self.unlocked.emit()

    def stop(self) -> None:
        self.timer.stop()
        QApplication.instance().removeEventFilter(self)
