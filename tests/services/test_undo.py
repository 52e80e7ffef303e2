"""Every undoable change put back and made again, through the same services."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.filters import CustomerFilter
from crmdesk.domain.ids import new_uid
from crmdesk.services import customers, importing, setup, undo
from crmdesk.services.context import Context
from crmdesk.storage import kpi
from crmdesk.storage import models as m


@pytest.fixture
def shop(db: Path, ctx: Context) -> list[int]:
    setup.ensure_defaults(ctx, "zh_CN")
    ids = []
    for name, tier in (("甲", "value"), ("乙", "general"), ("丙", "general")):
        cid, _ = customers.create_customer(ctx, CustomerInput(name=name, tier=tier, phone="1380000000" + str(len(ids))))
        ids.append(cid)
    return ids


def _row(cid: int) -> m.Customer:
    return m.Customer.get_by_id(cid)


def _tags(cid: int) -> list[str]:
    return customers.tag_names(cid)


def test_create_edit_and_delete_go_back_and_forth(shop: list[int], ctx: Context) -> None:
    cid, step = undo.create_customer(ctx, CustomerInput(name="新客户"))
    assert step.count == 1 and step.name == "新客户" and cid in step.changes.customers
    step.undo(ctx)
    assert _row(cid).deleted_at is not None
    step.redo(ctx)
    assert _row(cid).deleted_at is None

    data = customers.load_input(cid)
    data.city, data.tags = "杭州", ["熟客"]
    step = undo.edit_customer(ctx, cid, data)
    assert _row(cid).city == "杭州" and _tags(cid) == ["熟客"]
    step.undo(ctx)
    assert _row(cid).city == "" and _tags(cid) == []
    step.redo(ctx)
    assert _row(cid).city == "杭州" and _tags(cid) == ["熟客"]

    step = undo.delete_customers(ctx, CustomerFilter(ids=(shop[0], shop[1])))
    assert step.count == 2 and all(_row(i).deleted_at is not None for i in shop[:2])
    step.undo(ctx)
    assert all(_row(i).deleted_at is None for i in shop[:2])
    restored = m.AuditEntry.select().where(m.AuditEntry.action == "restore").count()
    assert restored == 2 + 1  # the two, and the new customer brought back above
    step.redo(ctx)
    assert all(_row(i).deleted_at is not None for i in shop[:2])
    assert kpi.rollups_agree()


def test_bulk_changes_give_each_customer_its_own_old_value(shop: list[int], ctx: Context) -> None:
    a, b, c = shop
    m.Customer.update(tier_manual=True).where(m.Customer.id == a).execute()
    step = undo.set_field(ctx, CustomerFilter(ids=(a, b, c)), "tier", "strategic")
    assert {_row(i).tier for i in shop} == {"strategic"} and all(_row(i).tier_manual for i in shop)
    step.undo(ctx)
    assert [(_row(i).tier, _row(i).tier_manual) for i in shop] == [("value", True), ("general", False),
                                                                   ("general", False)]
    step.redo(ctx)
    assert {_row(i).tier for i in shop} == {"strategic"}

    owner = m.User.create(uid=new_uid(), stamp=ctx.now(), username="li", display_name="李", role="manager")
    m.Customer.update(owner=owner.id).where(m.Customer.id == c).execute()
    other = m.User.create(uid=new_uid(), stamp=ctx.now(), username="wang", display_name="王", role="manager")
    step = undo.assign_owner(ctx, CustomerFilter(ids=(a, c)), other.id)
    assert {_row(a).owner_id, _row(c).owner_id} == {other.id}
    step.undo(ctx)
    assert (_row(a).owner_id, _row(c).owner_id) == (None, owner.id)
    assert kpi.rollups_agree()


def test_tag_undo_touches_only_those_it_changed(shop: list[int], ctx: Context) -> None:
    a, b, c = shop
    data = customers.load_input(a)
    data.tags = ["VIP"]
    customers.update_customer(ctx, a, data)
    step = undo.add_tag(ctx, CustomerFilter(ids=(a, b)), "VIP")
    assert _tags(b) == ["VIP"] and step.count == 2
    step.undo(ctx)
    assert _tags(a) == ["VIP"] and _tags(b) == []  # a had it before: it keeps it
    step.redo(ctx)
    assert _tags(b) == ["VIP"]

    step = undo.remove_tag(ctx, CustomerFilter(ids=(a, b, c)), "VIP")
    assert [_tags(i) for i in shop] == [[], [], []]
    step.undo(ctx)
    assert [_tags(i) for i in shop] == [["VIP"], ["VIP"], []]  # c never had it


def test_merge_comes_apart_and_merges_again(shop: list[int], ctx: Context) -> None:
    a, b, _c = shop
    step = undo.merge(ctx, a, [b])
    assert step.name == "甲" and step.count == 2 and _row(b).deleted_at is not None
    step.undo(ctx)
    assert _row(b).deleted_at is None
    step.redo(ctx)
    assert _row(b).deleted_at is not None
    step.undo(ctx)  # the second merge, not the first (already taken apart)
    assert _row(b).deleted_at is None
    assert kpi.rollups_agree()


def test_an_import_is_taken_back_but_not_redone(shop: list[int], ctx: Context, tmp_path: Path) -> None:
    source = tmp_path / "new.csv"
    source.write_text("姓名,电话\n赵一,13900000001\n钱二,13900000002\n", encoding="utf-8")
    report = importing.import_customers(ctx, source)
    assert report.created == 2 and report.batch_id is not None
    step = undo.imported(report.batch_id, report.rows)
    assert step.redo is None and step.count == 2
    step.undo(ctx)
    live = m.Customer.select().where(m.Customer.deleted_at.is_null()).count()
    assert live == len(shop)
