"""Duplicates found across the archive, warned at entry, merged, and the merge undone."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmdesk.domain.customer import ContactInput, CustomerInput
from crmdesk.domain.errors import ValidationError
from crmdesk.domain.ids import new_uid
from crmdesk.services import customers, dedupe, lists
from crmdesk.services.context import Context
from crmdesk.storage import models as m


@pytest.fixture
def book(db: Path, ctx: Context) -> dict[str, int]:
    make = lambda **kw: customers.create_customer(ctx, CustomerInput(**kw))[0]  # noqa: E731
    return {
        "zw1": make(name="张伟", phone="138 1234 5678", city="上海", tags=["VIP"]),
        "zw2": make(name="张 伟", phone="+86 13812345678", city="上海", email="zw@x.cn", tags=["团购"]),
        "zw3": make(name="张伟", phone="13900000000", city="北京"),  # another 张伟
        "co1": make(name="上海星辰贸易有限公司", kind="company", city="上海"),
        "co2": make(name="上海星辰贸易公司", kind="company", city="上海",
                    contacts=[ContactInput(name="王经理")]),
        "em1": make(name="Emily", email="Emily@Example.com"),
        "em2": make(name="Emily Chen", email="emily@example.com"),
    }


def test_find_duplicates_across_the_archive(book: dict[str, int], ctx: Context) -> None:
    groups = dedupe.find_duplicates(ctx)
    found = {tuple(sorted(p.id for p in g.members)) for g in groups}
    assert tuple(sorted((book["zw1"], book["zw2"]))) in found
    assert tuple(sorted((book["co1"], book["co2"]))) in found
    assert tuple(sorted((book["em1"], book["em2"]))) in found
    assert not any(book["zw3"] in ids for ids in found)  # same name, other phone and city
    assert groups[0].score >= groups[-1].score


def test_warning_while_typing(book: dict[str, int]) -> None:
    matches = dedupe.possible_duplicates("张伟", "+8613812345678", "", city="上海")
    assert {mt.person.id for mt in matches} == {book["zw1"], book["zw2"]}
    assert dedupe.possible_duplicates("李丽", "+8613700000000", "") == []
    assert [mt.person.id for mt in dedupe.possible_duplicates("张伟", "+8613812345678", "", exclude=book["zw1"])] == [book["zw2"]]


def test_merge_moves_everything_and_undo_puts_it_back(book: dict[str, int], ctx: Context) -> None:
    a, b = book["zw1"], book["zw2"]
    now = ctx.now()
    customers.log_interaction(ctx, b, "call", "回访")
    m.Order.create(uid=new_uid(), stamp=now, customer=b, ordered_on="2026-11-01", amount_cents=50_000)
    m.Customer.update(order_count=1, order_total_cents=50_000).where(m.Customer.id == b).execute()
    merge_id, changes = dedupe.merge(ctx, a, [b], {"email": "zw@x.cn"})
    assert changes.customers == {a, b}
    survivor = m.Customer.get_by_id(a)
    assert (survivor.email, survivor.order_count, survivor.order_total_cents) == ("zw@x.cn", 1, 50_000)
    assert survivor.last_contact_at == now
    assert sorted(customers.tag_names(a)) == ["VIP", "团购"]
    assert m.Customer.get_by_id(b).deleted_at is not None
    assert m.Interaction.get().customer_id == a and m.Order.get().customer_id == a
    assert lists.customers(ctx).count() == 6

    dedupe.undo_merge(ctx, merge_id)
    restored = m.Customer.get_by_id(a)
    assert (restored.email, restored.order_count, restored.order_total_cents) == ("", 0, 0)
    assert customers.tag_names(a) == ["VIP"]
    assert m.Customer.get_by_id(b).deleted_at is None
    assert m.Interaction.get().customer_id == b and m.Order.get().customer_id == b
    assert lists.customers(ctx).count() == 7
    with pytest.raises(Exception):
        dedupe.undo_merge(ctx, merge_id)


def test_merge_of_companies_moves_contacts(book: dict[str, int], ctx: Context) -> None:
    dedupe.merge(ctx, book["co1"], [book["co2"]])
    assert [c.name for c in customers.contacts_of(book["co1"])] == ["王经理"]


def test_bad_merges_change_nothing(book: dict[str, int], ctx: Context) -> None:
    with pytest.raises(ValidationError):
        dedupe.merge(ctx, book["zw1"], [book["zw1"]])
    customers.delete_customers(ctx, [book["zw3"]])
    with pytest.raises(Exception):
        dedupe.merge(ctx, book["zw1"], [book["zw2"], book["zw3"]])
    assert m.Customer.get_by_id(book["zw2"]).deleted_at is None
    assert m.MergeRecord.select().count() == 0


def test_many_candidates_are_read_in_chunks(db: Path, ctx: Context) -> None:
    from crmdesk.storage import dedupe as store

    rows = [{"uid": f"u{i}", "stamp": 1, "kind": "person", "name": f"客户{i // 2}",
             "phone_e164": f"+861380000{i // 2:04d}", "city": "上海", "category": "potential", "tier": "general",
             "stage": "potential", "created_at": 1} for i in range(2400)]  # 1,200 pairs sharing a phone
    with m.Customer._meta.database.atomic():
        for start in range(0, len(rows), 200):
            m.Customer.insert_many(rows[start:start + 200]).execute()
    assert len(store.people(list(range(1, 2401)))) == 2400
    assert len(dedupe.find_duplicates(ctx, limit=5000)) == 1200
