"""Customer use cases: create, edit, delete to the bin, log contact; audit kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.errors import NotFoundError, ValidationError
from crmdesk.services import customers
from crmdesk.services.context import Context
from crmdesk.storage import models as m


def test_create_stores_pinyin_e164_and_an_audit_entry(db: Path, ctx: Context) -> None:
    cid, changes = customers.create_customer(ctx, CustomerInput(name="曾小贤", phone="139-1234-5678", tier="partner"))
    row = m.Customer.get_by_id(cid)
    assert (row.name_pinyin, row.name_initials) == ("zengxiaoxian", "zxx")
    assert row.phone_e164 == "+8613912345678"
    assert row.created_at == row.stamp == ctx.now()
    assert len(row.uid) == 32 and row.deleted_at is None
    assert changes.customers == {cid}
    entry = m.AuditEntry.get(m.AuditEntry.record_uid == row.uid)
    assert entry.action == "create" and json.loads(entry.changes)["tier"] == [None, "partner"]


def test_update_records_only_what_changed(db: Path, ctx: Context) -> None:
    cid, _ = customers.create_customer(ctx, CustomerInput(name="张伟", city="上海"))
    ctx.clock.advance(hours=1)
    data = customers.load_input(cid)
    data.city = "杭州"
    changes = customers.update_customer(ctx, cid, data)
    assert changes.customers == {cid}
    row = m.Customer.get_by_id(cid)
    assert row.city == "杭州" and row.stamp == ctx.now()
    update = m.AuditEntry.get(m.AuditEntry.action == "update")
    assert json.loads(update.changes) == {"city": ["上海", "杭州"]}
    assert not customers.update_customer(ctx, cid, customers.load_input(cid))  # nothing changed


def test_invalid_update_changes_nothing(db: Path, ctx: Context) -> None:
    cid, _ = customers.create_customer(ctx, CustomerInput(name="张伟"))
    data = customers.load_input(cid)
    data.name = " "
    with pytest.raises(ValidationError):
        customers.update_customer(ctx, cid, data)
    assert m.Customer.get_by_id(cid).name == "张伟"


def test_delete_is_a_tombstone(db: Path, ctx: Context) -> None:
    cid, _ = customers.create_customer(ctx, CustomerInput(name="张伟"))
    changes = customers.delete_customers(ctx, [cid])
    assert changes.customers == {cid}
    assert m.Customer.get_by_id(cid).deleted_at == ctx.now()  # still there, in the bin
    with pytest.raises(NotFoundError):
        customers.load_input(cid)
    assert not customers.delete_customers(ctx, [cid])  # already deleted


def test_logging_contact_resets_the_clock(db: Path, ctx: Context) -> None:
    cid, _ = customers.create_customer(ctx, CustomerInput(name="张伟"))
    ctx.clock.advance(days=3)
    iid, changes = customers.log_interaction(ctx, cid, "call", " 回访满意度 ")
    assert m.Customer.get_by_id(cid).last_contact_at == ctx.now()
    assert m.Interaction.get_by_id(iid).summary == "回访满意度"
    assert changes.interactions == {iid}
    # An older interaction logged later does not move the clock back.
    customers.log_interaction(ctx, cid, "note", "补记", occurred_at=ctx.now() - 86_400_000)
    assert m.Customer.get_by_id(cid).last_contact_at == ctx.now()


@pytest.mark.parametrize(("kind", "summary"), [("fax", "hello"), ("call", "  ")])
def test_logging_bad_contact_is_refused(db: Path, ctx: Context, kind: str, summary: str) -> None:
    cid, _ = customers.create_customer(ctx, CustomerInput(name="张伟"))
    with pytest.raises(ValidationError):
        customers.log_interaction(ctx, cid, kind, summary)
    assert m.Interaction.select().count() == 0
