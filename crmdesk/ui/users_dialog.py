"""Settings → Users… (the owner): add users, set roles, reset passwords, deactivate, and
turn sign-in on or off with the idle lock's minutes."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.changes import Changes
from crmdesk.domain.enums import Role
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, CrmError, ValidationError
from crmdesk.services import users
from crmdesk.services.context import Context
from crmdesk.ui import labels
from crmdesk.ui.forms import Form
from crmdesk.ui.paged_model import ID_ROLE

Index = QModelIndex | QPersistentModelIndex
USERNAME, DISPLAY_NAME, ROLE, STATE = range(4)


class UsersModel(QAbstractTableModel):
    """Every user: user name, shown name, role, and whether they are active / have a password."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[users.UserRow] = []

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = users.list_users()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or not 0 <= section < 4:
            return None
        return (self.tr("User name"), self.tr("Name"), self.tr("Role"), self.tr("State"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == USERNAME:
            return row.username
        if column == DISPLAY_NAME:
            return row.display_name
        if column == ROLE:
            return labels.label(row.role)
        if not row.active:
            return self.tr("Deactivated")
        return self.tr("Active, password set") if row.has_password else self.tr("Active, no password")


def role_combo(parent: QWidget, current: str = Role.ACCOUNT_MANAGER) -> QComboBox:
    combo = QComboBox(parent, objectName="userRole")
    for role in Role.values():
        combo.addItem(labels.label(role), role)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


def _same(first: str, second: str) -> str:
    if first != second:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The two passwords differ."), field="password")
    return first


class UserForm(Form):
    """A new user: user name, shown name, role and a first password (optional)."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userForm")
        self.ctx, self.user_id = ctx, None
        self.username = QLineEdit(self, objectName="userName")
        self.display_name = QLineEdit(self, objectName="userDisplayName")
        self.role = role_combo(self)
        self.password = QLineEdit(self, objectName="userPassword", echoMode=QLineEdit.EchoMode.Password)
        self.again = QLineEdit(self, objectName="userPasswordAgain", echoMode=QLineEdit.EchoMode.Password)
        self.setWindowTitle(self.tr("New user"))
        self.form.addRow(self.tr("&User name:"), self.username)
        self.form.addRow(self.tr("&Name shown:"), self.display_name)
        self.form.addRow(self.tr("&Role:"), self.role)
        self.form.addRow(self.tr("&Password:"), self.password)
        self.form.addRow(self.tr("&Again:"), self.again)
        self.finish_layout()

    def submit(self) -> None:
        password = _same(self.password.text(), self.again.text()) or None
        self.user_id, _ = users.add_user(self.ctx, self.username.text(), self.display_name.text(),
                                         self.role.currentData(), password)


class PasswordForm(Form):
    """A new password for one user, typed twice."""

    def __init__(self, ctx: Context, user: users.UserRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passwordForm")
        self.ctx, self.user = ctx, user
        self.password = QLineEdit(self, objectName="newPassword", echoMode=QLineEdit.EchoMode.Password)
        self.again = QLineEdit(self, objectName="newPasswordAgain", echoMode=QLineEdit.EchoMode.Password)
        self.setWindowTitle(self.tr("Password of %1").replace("%1", user.display_name))
        self.form.addRow(self.tr("&New password:"), self.password)
        self.form.addRow(self.tr("&Again:"), self.again)
        self.finish_layout()

    def submit(self) -> None:
        users.set_password(self.ctx, self.user.id, _same(self.password.text(), self.again.text()))


class UsersDialog(QDialog):
    """The owner's list of users, and sign-in on or off."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersDialog")
        self.ctx = ctx
        self.changes = Changes()
        self.model = UsersModel(self)
        self.table = QTableView(self, objectName="usersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self, objectName="addUser", clicked=self.on_add)
        self.role = role_combo(self)
        self.role.setObjectName("selectedRole")
        self.role_button = QPushButton(self, objectName="setRole", clicked=self.on_set_role)
        self.password_button = QPushButton(self, objectName="resetPassword", clicked=self.on_password)
        self.active_button = QPushButton(self, objectName="toggleActive", clicked=self.on_toggle_active)
        self.sign_in = QCheckBox(self, objectName="signInRequired")
        self.idle = QSpinBox(self, objectName="idleMinutes", minimum=0, maximum=24 * 60)
        self.idle_label = QLabel(self)
        self.idle_label.setBuddy(self.idle)
        self.error = QLabel(self, objectName="usersError", wordWrap=True)
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        actions = QHBoxLayout()
        for widget in (self.add_button, self.role, self.role_button, self.password_button, self.active_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        lock = QHBoxLayout()
        lock.addWidget(self.sign_in)
        lock.addSpacing(16)
        lock.addWidget(self.idle_label)
        lock.addWidget(self.idle)
        lock.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addLayout(lock)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.model.reload()
        self.sign_in.setChecked(users.sign_in_required())
        self.idle.setValue(users.idle_lock_minutes())
        self.sign_in.toggled.connect(self.on_sign_in_toggled)
        self.idle.editingFinished.connect(self.on_idle_changed)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._follow_selection())
        if self.model.rowCount():
            self.table.selectRow(0)
        self.retranslate()
        self.resize(self.fontMetrics().horizontalAdvance("M") * 52, self.fontMetrics().height() * 22)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Users"))
        self.add_button.setText(self.tr("&Add user…"))
        self.role_button.setText(self.tr("Set &role"))
        self.password_button.setText(self.tr("Reset &password…"))
        self.sign_in.setText(self.tr("Ask for a password when crmdesk starts"))
        self.idle_label.setText(self.tr("&Lock after this many idle minutes (0: never):"))
        self._follow_selection()

    def selected(self) -> users.UserRow | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _follow_selection(self) -> None:
        user = self.selected()
        for widget in (self.role, self.role_button, self.password_button, self.active_button):
            widget.setEnabled(user is not None)
        self.active_button.setText(self.tr("&Deactivate") if user is None or user.active else self.tr("Re&activate"))
        if user is not None:
            self.role.setCurrentIndex(max(self.role.findData(user.role), 0))

    def _run(self, action) -> bool:  # noqa: ANN001 - a callable returning Changes
        """Run a service call; a refusal is shown in the error line. Returns whether it worked."""
        chosen = self.selected()
        try:
            self.changes = self.changes.merge(action() or Changes())
        except CrmError as exc:
            self.error.setText(labels.error_text(exc))
            return False
        self.error.clear()
        self.model.reload()
        if chosen is not None:
            row = next((i for i, r in enumerate(self.model.rows) if r.id == chosen.id), 0)
            self.table.selectRow(row)
        self._follow_selection()
        return True

    def on_add(self) -> None:
        form = UserForm(self.ctx, self)
        if form.exec() == QDialog.DialogCode.Accepted:
            self._run(lambda: Changes(settings=True))
            row = next((i for i, r in enumerate(self.model.rows) if r.id == form.user_id), 0)
            self.table.selectRow(row)
        self.last_form = form

    def on_set_role(self) -> None:
        user = self.selected()
        if user is not None:
            self._run(lambda: users.set_role(self.ctx, user.id, self.role.currentData()))

    def on_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        form = PasswordForm(self.ctx, user, self)
        if form.exec() == QDialog.DialogCode.Accepted:
            self._run(lambda: Changes(settings=True))
        self.last_form = form

    def on_toggle_active(self) -> None:
        user = self.selected()
        if user is not None:
            self._run(lambda: users.set_active(self.ctx, user.id, not user.active))

    def on_sign_in_toggled(self, on: bool) -> None:
        if not self._run(lambda: users.set_sign_in(self.ctx, on, self.idle.value())):
            self.sign_in.blockSignals(True)
            self.sign_in.setChecked(not on)
            self.sign_in.blockSignals(False)

    def on_idle_changed(self) -> None:
        if self.idle.value() != users.idle_lock_minutes():
            self._run(lambda: users.set_sign_in(self.ctx, self.sign_in.isChecked(), self.idle.value()))
