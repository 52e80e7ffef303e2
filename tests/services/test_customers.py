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
    other, _ = customers.create_customer(ctx, CustomerInput(name="李四"))
    assert not customers.delete_customers(ctx, [])  # nothing chosen deletes nothing
    assert m.Customer.get_by_id(other).deleted_at is None


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


def test_tags_and_contacts_are_saved_and_searchable(db: Path, ctx: Context) -> None:
    from crmdesk.domain.customer import ContactInput
    from crmdesk.domain.filters import CustomerFilter
    from crmdesk.services import lists

    data = CustomerInput(name="上海星辰贸易有限公司", kind="company", tags=["VIP", " 团购 ", "VIP"],
                         contacts=[ContactInput(name="王经理", phone="021-6234 5678", is_primary=True)])
    cid, _ = customers.create_customer(ctx, data)
    loaded = customers.load_input(cid)
    assert loaded.tags == ["VIP", "团购"]
    assert [c.name for c in loaded.contacts] == ["王经理"] and loaded.contacts[0].id is not None
    assert m.Contact.get().phone_e164 == "+862162345678"
    found = lambda text: [r[0] for r in lists.customers(ctx, CustomerFilter(text=text)).page("name", False, 0, 9)]  # noqa: E731
    assert found("团购") == [cid]

    loaded.tags = ["团购", "老客户"]
    loaded.contacts.append(ContactInput(name="李会计"))
    customers.update_customer(ctx, cid, loaded)
    again = customers.load_input(cid)
    assert sorted(again.tags) == ["团购", "老客户"]
    assert [c.name for c in again.contacts] == ["王经理", "李会计"]
    assert found("VIP") == [] and found("老客户") == [cid]

    again.contacts = again.contacts[1:]
    again.tags = []
    customers.update_customer(ctx, cid, again)
    final = customers.load_input(cid)
    assert final.tags == [] and [c.name for c in final.contacts] == ["李会计"]
    assert m.Contact.select().count() == 2  # the removed one is a tombstone


def test_bad_contact_saves_nothing(db: Path, ctx: Context) -> None:
    from crmdesk.domain.customer import ContactInput

    with pytest.raises(ValidationError):
        customers.create_customer(ctx, CustomerInput(name="某公司", contacts=[ContactInput(name=" ")]))
    assert m.Customer.select().count() == 0


def test_never_contacted_customers_sort_first_on_either_engine(db: Path, ctx: Context) -> None:
    from crmdesk.storage import listing

    ids = [customers.create_customer(ctx, CustomerInput(name=name))[0] for name in ("张伟", "李四", "王五")]
    customers.log_interaction(ctx, ids[0], "call", "回访")
    customers.log_interaction(ctx, ids[2], "call", "回访", occurred_at=ctx.now() - 60_000)
    rows = listing.customers(now_ms=ctx.now())
    for descending, expected in ((False, [ids[1], ids[2], ids[0]]), (True, [ids[0], ids[2], ids[1]])):
        assert [row[0] for row in rows.page("last_contact_at", descending, 0, 10)] == expected
        assert [rows.position_of(i, "last_contact_at", descending) for i in expected] == [0, 1, 2]
