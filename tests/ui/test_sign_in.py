"""Sign-in at start-up, the idle lock, and Settings → Users… on a real database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget

from crmdesk.domain.enums import Role
from crmdesk.services import setup, users
from crmdesk.services.context import Context
from crmdesk.storage import models as m
from crmdesk.storage.database import close_database, open_database
from crmdesk.ui import app
from crmdesk.ui.settings import UiSettings
from crmdesk.ui.sign_in import IdleLock, SignInDialog
from crmdesk.ui.tasks import TaskRunner
from crmdesk.ui.users_dialog import PasswordForm, UserForm, UsersDialog, UsersModel

OWNER_PASSWORD = "owner-secret"


@pytest.fixture
def signed_up(db_path: Path, english: str) -> Path:
    """A database whose owner has a password and sign-in on, with one account manager."""
    open_database(db_path)
    owner = Context()
    setup.ensure_defaults(owner, "en")
    owner_id = m.User.get(m.User.username == "owner").id
    users.set_password(owner, owner_id, OWNER_PASSWORD)
    users.add_user(owner, "wang", "Wang Wei", Role.ACCOUNT_MANAGER, "wang-secret")
    users.set_sign_in(owner, True, idle_minutes=15)
    close_database()
    return db_path


def test_the_sign_in_dialog_refuses_a_wrong_password_and_accepts_the_right_one(signed_up: Path, qtbot) -> None:
    open_database(signed_up)
    dialog = SignInDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "wang")
    qtbot.keyClicks(dialog.password, "wrong-one")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.context is None
    assert dialog.error.text() == "The user name or the password is wrong." and dialog.password.text() == ""
    qtbot.keyClicks(dialog.password, "wang-secret")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.context.role == Role.ACCOUNT_MANAGER
    close_database()


def test_start_up_asks_who_signs_in_and_the_window_acts_as_them(signed_up: Path, qtbot,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def sign_in_as_wang(self: SignInDialog) -> int:
        self.username.setText("wang")
        self.password.setText("wang-secret")
        self.on_sign_in()
        return self.result()

    monkeypatch.setattr(SignInDialog, "exec", sign_in_as_wang)
    window = app.open_window(str(signed_up), UiSettings(), "en", TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    try:
        assert window.ctx.role == Role.ACCOUNT_MANAGER and window.ctx.user_id is not None
        assert window.signed_in.label.text() == "Signed in: Wang Wei (Account manager)"
        assert not window.users_action.isEnabled() and not window.export_menu.menuAction().isEnabled()
        assert window.signed_in.lock is not None and window.signed_in.lock.timer.interval() == 15 * 60_000
    finally:
        window.close()
        close_database()
    monkeypatch.setattr(SignInDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    with pytest.raises(app.SignInCancelled):
        app.open_window(str(signed_up), UiSettings(), "en", TaskRunner(synchronous=True))
    close_database()


def test_the_idle_lock_covers_every_window_and_keeps_unsaved_input(signed_up: Path, qtbot,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    def sign_in_as_owner(self: SignInDialog) -> int:
        self.username.setText("owner")
        self.password.setText(OWNER_PASSWORD)
        self.on_sign_in()
        return self.result()

    monkeypatch.setattr(SignInDialog, "exec", sign_in_as_owner)
    window = app.open_window(str(signed_up), UiSettings(), "en", TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    timer = QTimer(window)
    timer.setInterval(600)  # the injected timer stands in for 15 minutes
    lock: IdleLock = window.signed_in.start_lock(15, timer)
    try:
        form = QDialog(window)  # a half-filled form stays open under the lock
        edit = QLineEdit(form)
        edit.setText("unsaved note")
        form.show()
        # input restarts the idle time
        qtbot.wait(400)
        move = QMouseEvent(QEvent.Type.MouseMove, QPointF(5, 5), QPointF(5, 5), Qt.MouseButton.NoButton,
                           Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(window, move)
        qtbot.wait(400)
        assert not lock.is_locked
        with qtbot.waitSignal(lock.locked, timeout=2000):
            pass
        assert lock.is_locked
        covers = [w for w in (window, form) if w.findChild(QWidget, "lockCover", Qt.FindChildOption.FindDirectChildrenOnly)]
        assert covers == [window, form]
        screen = lock.screen
        assert screen.windowModality() == Qt.WindowModality.ApplicationModal
        qtbot.keyClicks(screen.password, "nope-nope")
        qtbot.keyClick(screen.password, Qt.Key.Key_Return)
        assert lock.is_locked and screen.error.text() == "That password is not right."
        qtbot.keyClick(screen.password, Qt.Key.Key_Escape)
        assert lock.is_locked  # Escape does not get past it
        qtbot.keyClicks(screen.password, OWNER_PASSWORD)
        with qtbot.waitSignal(lock.unlocked, timeout=2000):
            qtbot.keyClick(screen.password, Qt.Key.Key_Return)
        assert not lock.is_locked and form.isVisible() and edit.text() == "unsaved note"
        qtbot.waitUntil(lambda: window.findChild(QWidget, "lockCover") is None, timeout=2000)
        assert timer.isActive()  # counting again
    finally:
        window.close()
        close_database()


def test_the_users_model_and_dialog(signed_up: Path, qtbot, qtmodeltester) -> None:
    open_database(signed_up)
    owner = users.authenticate("owner", OWNER_PASSWORD)
    model = UsersModel()
    model.reload()
    qtmodeltester.check(model, force_py=True)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["owner", "wang"]
    assert model.index(1, 2).data() == "Account manager" and model.index(1, 3).data() == "Active, password set"

    dialog = UsersDialog(owner)
    qtbot.addWidget(dialog)
    dialog.show()
    form = UserForm(owner, dialog)
    form.username.setText("qian")
    form.display_name.setText("Qian Li")
    form.role.setCurrentIndex(form.role.findData(Role.READ_ONLY))
    form.password.setText("qian-secret")
    form.again.setText("qian-secre")
    form.accept()
    assert form.error.text() == "The two passwords differ." and form.user_id is None
    form.again.setText("qian-secret")
    form.accept()
    assert form.user_id is not None
    dialog.model.reload()
    assert [r.username for r in dialog.model.rows] == ["owner", "qian", "wang"]
    dialog.table.selectRow(1)
    dialog.role.setCurrentIndex(dialog.role.findData(Role.MANAGER))
    dialog.role_button.click()
    assert m.User.get(m.User.username == "qian").role == Role.MANAGER
    dialog.active_button.click()
    assert not m.User.get(m.User.username == "qian").active and dialog.active_button.text() == "Re&activate"
    reset = PasswordForm(owner, dialog.selected(), dialog)
    reset.password.setText("fresh-pass")
    reset.again.setText("fresh-pass")
    reset.accept()
    assert users.verify_password(m.User.get(m.User.username == "qian").password_hash, "fresh-pass")
    dialog.table.selectRow(0)  # the owner, signed in
    dialog.active_button.click()
    assert dialog.error.text() == "You cannot deactivate yourself."
    dialog.sign_in.setChecked(False)
    assert not users.sign_in_required()
    dialog.idle.setValue(5)
    dialog.on_idle_changed()
    assert users.idle_lock_minutes() == 5
    assert dialog.changes.settings
    close_database()


def test_sign_in_cannot_be_turned_on_without_an_owner_password(db: Path, qtbot, english: str) -> None:
    owner = Context()
    setup.ensure_defaults(owner, "en")
    dialog = UsersDialog(owner)
    qtbot.addWidget(dialog)
    dialog.sign_in.setChecked(True)
    assert not dialog.sign_in.isChecked() and not users.sign_in_required()
    assert dialog.error.text() == "Give the owner a password before turning sign-in on."
