"""Users, their roles and passwords, and signing in.

Sign-in is off in a one-person shop: with it off, the app and the command line act as the
owner (``Context()``) as they always did. The owner turns it on once they have a password;
from then on a person signs in with their user name and password (hashed with Argon2, never
stored or logged in clear) and the Context carries who they are and their role.
"""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from crmdesk.domain.changes import Changes
from crmdesk.domain.clock import Clock, SystemClock
from crmdesk.domain.enums import Role
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, NotFoundError, PermissionDeniedError, ValidationError
from crmdesk.domain.ids import new_uid
from crmdesk.services import audit, policy
from crmdesk.services.context import Context
from crmdesk.services.setup import get_setting, set_setting
from crmdesk.storage import models as m
from crmdesk.storage.transactions import atomic

SIGN_IN_KEY = "sign_in"
IDLE_LOCK_KEY = "idle_lock_minutes"
DEFAULT_IDLE_MINUTES = 15
MIN_PASSWORD = 6
_hasher = PasswordHasher()

WRONG_PASSWORD = QT_TRANSLATE_NOOP("errors", "The user name or the password is wrong.")


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    display_name: str
    role: str
    active: bool
    has_password: bool


# -- passwords -------------------------------------------------------------------------------
def hash_password(password: str) -> str:
    """An Argon2id hash of ``password`` (salted; the parameters are kept in the hash)."""
    if len(password) < MIN_PASSWORD:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A password needs at least {n} characters."),
                              field="password", n=MIN_PASSWORD)
    return _hasher.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """Whether ``password`` matches the stored hash (False for no hash or a damaged one)."""
    if not stored:
        return False
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


# -- reading ---------------------------------------------------------------------------------
def list_users() -> list[UserRow]:
    u = m.User
    query = u.select().where(u.deleted_at.is_null()).order_by(u.active.desc(), u.display_name, u.id)
    return [UserRow(r.id, r.username, r.display_name, r.role, bool(r.active), bool(r.password_hash)) for r in query]


def _live(user_id: int) -> m.User:
    row = m.User.get_or_none((m.User.id == user_id) & m.User.deleted_at.is_null())
    if row is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "That user does not exist."))
    return row


def find(username: str) -> m.User | None:
    return m.User.get_or_none((m.User.username == username.strip()) & m.User.deleted_at.is_null())


def sign_in_required() -> bool:
    return bool(get_setting(SIGN_IN_KEY, False))


def idle_lock_minutes() -> int:
    """Minutes without input before the app locks (0: never); only while sign-in is on."""
    return int(get_setting(IDLE_LOCK_KEY, DEFAULT_IDLE_MINUTES))


# -- signing in ------------------------------------------------------------------------------
def context_for(row: m.User, clock: Clock | None = None) -> Context:
    return Context(clock=clock or SystemClock(), user_id=row.id, role=row.role)


def authenticate(username: str, password: str, clock: Clock | None = None) -> Context:
    """The Context of the active user with that name and password; raises
    PermissionDeniedError with one sentence that does not say which of the two was wrong."""
    row = find(username)
    if row is None or not row.active or not verify_password(row.password_hash, password):
        raise PermissionDeniedError(WRONG_PASSWORD)
    if _hasher.check_needs_rehash(row.password_hash):  # stronger parameters since it was set
        m.User.update(password_hash=_hasher.hash(password)).where(m.User.id == row.id).execute()
    return context_for(row, clock)


def check_password(ctx: Context, password: str) -> bool:
    """Whether ``password`` is the signed-in user's (the lock screen asks it again)."""
    if ctx.user_id is None:
        return False
    row = m.User.get_or_none(m.User.id == ctx.user_id)
    return row is not None and bool(row.active) and verify_password(row.password_hash, password)


def start_context(username: str | None, password: str | None, clock: Clock | None = None) -> Context:
    """The Context a command runs in: the owner as before when sign-in is off and no user is
    named; otherwise the named user, who must give their password when sign-in is on."""
    if not username:
        if sign_in_required():
            raise PermissionDeniedError(QT_TRANSLATE_NOOP(
                "errors", "Sign-in is on: say who you are with --user NAME."))
        return Context(clock=clock or SystemClock())
    if sign_in_required():
        return authenticate(username, password or "", clock)
    row = find(username)
    if row is None or not row.active:
        raise PermissionDeniedError(WRONG_PASSWORD)
    return context_for(row, clock)


# -- managing users (the owner) --------------------------------------------------------------
def _check_role(role: str) -> str:
    if role not in Role.values():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not a role."), field="role", value=role)
    return role


def _check_names(username: str, display_name: str, user_id: int | None = None) -> tuple[str, str]:
    username, display_name = username.strip(), " ".join(display_name.split())
    if not username or any(ch.isspace() for ch in username):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A user name is one word without spaces."),
                              field="username")
    clash = m.User.get_or_none((m.User.username == username) & m.User.deleted_at.is_null())
    if clash is not None and clash.id != user_id:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "There is already a user called “{name}”."),
                              field="username", name=username)
    return username, display_name or username


def _owners_left(excluding: int) -> int:
    u = m.User
    return u.select().where(u.deleted_at.is_null() & u.active & (u.role == Role.OWNER) & (u.id != excluding)).count()


def add_user(ctx: Context, username: str, display_name: str, role: str, password: str | None = None
             ) -> tuple[int, Changes]:
    policy.require(ctx, policy.Permission.USERS)
    username, display_name = _check_names(username, display_name)
    _check_role(role)
    hashed = hash_password(password) if password else None
    with atomic():
        row = m.User.create(uid=new_uid(), stamp=ctx.now(), username=username, display_name=display_name,
                            role=role, password_hash=hashed, active=True)
        audit.record(ctx, "user", row.uid, "create", {"username": [None, username], "display_name": [None, display_name],
                                                      "role": [None, role]})
    return row.id, Changes(settings=True)


def update_user(ctx: Context, user_id: int, display_name: str, role: str) -> Changes:
    policy.require(ctx, policy.Permission.USERS)
    _check_role(role)
    with atomic():
        row = _live(user_id)
        _, display_name = _check_names(row.username, display_name, user_id)
        if row.role == Role.OWNER and role != Role.OWNER and _owners_left(user_id) == 0:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Keep at least one active owner."), field="role")
        diff = audit.diff({"display_name": row.display_name, "role": row.role},
                          {"display_name": display_name, "role": role})
        if not diff:
            return Changes()
        m.User.update(display_name=display_name, role=role, stamp=ctx.now()).where(m.User.id == user_id).execute()
        audit.record(ctx, "user", row.uid, "update", diff)
    return Changes(settings=True)


def set_role(ctx: Context, user_id: int, role: str) -> Changes:
    return update_user(ctx, user_id, _live(user_id).display_name, role)


def set_password(ctx: Context, user_id: int, password: str) -> Changes:
    """Reset a user's password (the owner), or change one's own."""
    if user_id != ctx.user_id:
        policy.require(ctx, policy.Permission.USERS)
    hashed = hash_password(password)
    with atomic():
        row = _live(user_id)
        m.User.update(password_hash=hashed, stamp=ctx.now()).where(m.User.id == user_id).execute()
        audit.record(ctx, "user", row.uid, "password", {"password": ["", "***"]})  # never the hash itself
    return Changes(settings=True)


def set_active(ctx: Context, user_id: int, active: bool) -> Changes:
    """Deactivate a user (they can no longer sign in; their records keep their name) or bring
    one back."""
    policy.require(ctx, policy.Permission.USERS)
    with atomic():
        row = _live(user_id)
        if not active and user_id == ctx.user_id:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "You cannot deactivate yourself."), field="active")
        if not active and row.role == Role.OWNER and _owners_left(user_id) == 0:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Keep at least one active owner."), field="active")
        if bool(row.active) == active:
            return Changes()
        m.User.update(active=active, stamp=ctx.now()).where(m.User.id == user_id).execute()
        audit.record(ctx, "user", row.uid, "update", {"active": [bool(row.active), active]})
    return Changes(settings=True)


def set_sign_in(ctx: Context, on: bool, idle_minutes: int | None = None) -> Changes:
    """Turn sign-in on or off (the owner). On needs a password for the owner acting (or, with
    no one signed in yet, for an active owner), or nobody could open the app again."""
    policy.require(ctx, policy.Permission.USERS)
    if on:
        u = m.User
        owners = u.select().where(u.deleted_at.is_null() & u.active & (u.role == Role.OWNER)
                                  & u.password_hash.is_null(False))
        if ctx.user_id is not None:
            owners = owners.where(u.id == ctx.user_id)
        if not owners.exists():
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Give the owner a password before turning sign-in on."), field="sign_in")
    if idle_minutes is not None and not 0 <= idle_minutes <= 24 * 60:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The lock waits between 0 and 1,440 minutes."),
                              field="idle_lock")
    with atomic():
        set_setting(ctx, SIGN_IN_KEY, bool(on))
        if idle_minutes is not None:
            set_setting(ctx, IDLE_LOCK_KEY, int(idle_minutes))
    return Changes(settings=True)


def owner_context(clock: Clock | None = None) -> Context:
    """The Context of a session without sign-in: the owner, as before users existed."""
    return Context(clock=clock or SystemClock())


