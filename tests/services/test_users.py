"""Users: Argon2 passwords, roles, deactivation, and turning sign-in on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crmdesk.domain.enums import Role
from crmdesk.domain.errors import PermissionDeniedError, ValidationError
from crmdesk.services import setup, users
from crmdesk.services.context import Context
from crmdesk.storage import models as m


@pytest.fixture()
def owner(db: Path, ctx: Context) -> int:
    setup.ensure_defaults(ctx, "en")
    return m.User.get(m.User.username == "owner").id


def test_passwords_are_argon2_hashes_that_verify(owner: int, ctx: Context) -> None:
    hashed = users.hash_password("秘密口令123")
    assert hashed.startswith("$argon2id$") and "秘密口令123" not in hashed
    assert users.verify_password(hashed, "秘密口令123")
    assert not users.verify_password(hashed, "秘密口令124")
    assert not users.verify_password(None, "anything") and not users.verify_password("garbage", "x")
    with pytest.raises(ValidationError, match="at least 6"):
        users.hash_password("12345")


def test_adding_users_setting_roles_and_passwords(owner: int, ctx: Context) -> None:
    uid, _ = users.add_user(ctx, "wang", "王经理", Role.ACCOUNT_MANAGER, "wang-pass")
    with pytest.raises(ValidationError, match="already a user"):
        users.add_user(ctx, "wang", "Another", Role.MANAGER)
    with pytest.raises(ValidationError, match="not a role"):
        users.add_user(ctx, "li", "Li", "boss")
    users.set_role(ctx, uid, Role.MANAGER)
    signed = users.authenticate("wang", "wang-pass")
    assert (signed.user_id, signed.role) == (uid, Role.MANAGER)
    with pytest.raises(PermissionDeniedError, match="wrong"):
        users.authenticate("wang", "nope")
    with pytest.raises(PermissionDeniedError, match="manage users"):
        users.add_user(signed, "li", "Li", Role.OWNER)  # a manager cannot make users
    users.set_password(signed, uid, "new-pass-1")  # but may change their own password
    assert users.authenticate("wang", "new-pass-1").user_id == uid
    entries = [json.loads(e.changes) for e in m.AuditEntry.select().where(m.AuditEntry.table_name == "user")]
    assert all("$argon2" not in json.dumps(e) for e in entries)  # the hash never reaches the audit trail
    users.set_active(ctx, uid, False)
    with pytest.raises(PermissionDeniedError):
        users.authenticate("wang", "new-pass-1")  # deactivated: cannot sign in
    assert [u.username for u in users.list_users()] == ["owner", "wang"]


def test_the_last_owner_stays_an_active_owner(owner: int, ctx: Context) -> None:
    with pytest.raises(ValidationError, match="one active owner"):
        users.set_role(ctx, owner, Role.MANAGER)
    with pytest.raises(ValidationError, match="one active owner"):
        users.set_active(ctx, owner, False)


def test_sign_in_needs_the_owner_to_have_a_password(owner: int, ctx: Context) -> None:
    assert not users.sign_in_required()
    assert users.start_context(None, None).role == Role.OWNER  # no sign-in: the owner as before
    with pytest.raises(ValidationError, match="password before"):
        users.set_sign_in(ctx, True)
    users.set_password(ctx, owner, "owner-pass")
    users.set_sign_in(ctx, True, idle_minutes=5)
    assert users.sign_in_required() and users.idle_lock_minutes() == 5
    with pytest.raises(PermissionDeniedError, match="--user"):
        users.start_context(None, None)
    with pytest.raises(PermissionDeniedError):
        users.start_context("owner", "wrong")
    signed = users.start_context("owner", "owner-pass")
    assert signed.user_id == owner and users.check_password(signed, "owner-pass")
    assert not users.check_password(signed, "owner-pas")
