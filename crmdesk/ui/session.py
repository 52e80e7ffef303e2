"""The signed-in user in the main window: their name in the status bar, the menu entries
their role does not allow greyed out (the services refuse them anyway), and the idle lock."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from crmdesk.domain.roles import Permission
from crmdesk.services import policy, users
from crmdesk.storage import models as m
from crmdesk.ui import labels

if TYPE_CHECKING:
    from crmdesk.ui.main_window import MainWindow
    from crmdesk.ui.sign_in import IdleLock


class SignedIn(QObject):
    def __init__(self, window: MainWindow, timer: QTimer | None = None) -> None:
        super().__init__(window)
        self.window = window
        ctx = window.ctx
        row = m.User.get_or_none(m.User.id == ctx.user_id) if ctx.user_id is not None else None
        self.name = row.display_name if row is not None else ""
        self.label = QLabel(window, objectName="signedInLabel")
        self.label.setVisible(row is not None)
        window.statusBar().addPermanentWidget(self.label)
        allowed = {
            window.users_action: Permission.USERS,
            window.business_action: Permission.SETTINGS,
            window.backups_action: Permission.BACKUP,
            window.recycle_bin_action: Permission.RECYCLE_BIN,
            window.import_action: Permission.WORK_ON_ALL,
            window.demo_action: Permission.WORK_ON_ALL,
            window.export_menu.menuAction(): Permission.EXPORT,
            window.audit_action: Permission.SEE_ALL,
        }
        for action, permission in allowed.items():
            action.setEnabled(policy.can(ctx, permission))
        self.lock: IdleLock | None = None
        if row is not None and users.sign_in_required():
            self.start_lock(users.idle_lock_minutes(), timer)

    def start_lock(self, minutes: int, timer: QTimer | None = None) -> IdleLock:
        from crmdesk.ui.sign_in import IdleLock

        self.stop()
        self.lock = IdleLock(self.window.ctx, self.name, minutes, self.window, timer)
        return self.lock

    def retranslate(self) -> None:
        if self.name:
            self.label.setText(self.tr("Signed in: %1 (%2)").replace("%1", self.name).replace(
                "%2", labels.label(self.window.ctx.role)))

    def stop(self) -> None:
        if self.lock is not None:
            self.lock.stop()
