"""The audit trail: every service that changes a customer, deal or complaint records who,
when (the injected clock) and which fields went from what to what; bulk changes write one
entry per record changed, from SQL; the trail filters by user, date and kind."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from crmdesk.domain.clock import to_ms
from crmdesk.domain.complaints import ComplaintInput, Resolution
from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.filters import CustomerFilter
from crmdesk.domain.pipeline import DealInput
from crmdesk.services import audit, bulk, complaints, customers, dedupe, importing, pipeline, setup, undo
from crmdesk.services.context import Context
from crmdesk.storage import models as m
from crmdesk.storage.audit import TrailFilter
from tests.services.engines import statements

HOUR = 3_600_000


@pytest.fixture()
def users(db: Path, ctx: Context) -> tuple[int, int]:
    setup.ensure_defaults(ctx, "zh_CN")
    owner = m.User.get(m.User.username == "owner").id
    clerk = m.User.create(uid="u" * 32, stamp=ctx.now(), username="clerk", display_name="小王", role="sales").id
    ctx.user_id = owner
    return owner, clerk


def _entries(table: str | None = None, action: str | None = None) -> list[m.AuditEntry]:
    query = m.AuditEntry.select().order_by(m.AuditEntry.id)
    if table:
        query = query.where(m.AuditEntry.table_name == table)
    if action:
        query = query.where(m.AuditEntry.action == action)
    return list(query)


def _changes(entry: m.AuditEntry) -> dict:
    return json.loads(entry.changes)


def test_customer_create_edit_delete_and_undo_with_who_and_when(ctx: Context, users: tuple[int, int]) -> None:
    owner, clerk = users
    cid, _ = customers.create_customer(ctx, CustomerInput(name="张伟", city="上海", tags=["VIP"]))
    created = _entries("customer", "create")[0]
    assert created.at == ctx.now() and created.user_id == owner
    assert _changes(created)["name"] == [None, "张伟"] and _changes(created)["tags"] == [None, ["VIP"]]
    assert "name_pinyin" not in _changes(created)  # derived columns are not news

    ctx.clock.advance(hours=1)
    ctx.user_id = clerk
    data = customers.load_input(cid)
    data.city, data.phone = "杭州", "13812345678"
    step = undo.edit_customer(ctx, cid, data)
    update = _entries("customer", "update")[0]
    assert _changes(update) == {"city": ["上海", "杭州"], "phone": ["", "13812345678"]}  # not the derived e164
    assert update.user_id == clerk and update.at == ctx.now()

    ctx.clock.advance(hours=1)
    step.undo(ctx)
    assert _changes(_entries("customer", "undo")[0])["city"] == ["杭州", "上海"]

    del_step = undo.delete_customers(ctx, CustomerFilter(ids=(cid,)))
    assert _changes(_entries("customer", "delete")[0]) == {"deleted_at": [None, ctx.now()]}
    del_step.undo(ctx)
    assert _changes(_entries("customer", "restore")[0]) == {"deleted_at": [ctx.now(), None]}


def test_bulk_owner_writes_one_entry_per_changed_customer_in_sql(ctx: Context, users: tuple[int, int]) -> None:
    owner, clerk = users
    ids = [customers.create_customer(ctx, CustomerInput(name=f"客户{i}", owner_id=owner if i < 3 else None))[0]
           for i in range(10)]
    ctx.clock.advance(hours=2)
    with statements() as calls:
        step = undo.assign_owner(ctx, CustomerFilter(ids=tuple(ids)), owner)
    inserts = [c for c in calls if c.lstrip().upper().startswith("INSERT INTO AUDIT_ENTRY")]
    assert len(inserts) == 1 and "SELECT" in inserts[0]  # one set-based statement, not one per row
    rows = _entries("customer", "update")
    assert len(rows) == 7  # the three who had that owner already changed nothing
    uids = {m.Customer.get_by_id(i).uid for i in ids[3:]}
    assert {r.record_uid for r in rows} == uids
    assert all(_changes(r) == {"owner": [None, owner]} and r.at == ctx.now() and r.user_id == owner for r in rows)

    ctx.clock.advance(hours=1)
    step.undo(ctx)
    undone = _entries("customer", "undo")
    assert len(undone) == 7 and all(_changes(r) == {"owner": [owner, None]} for r in undone)


def test_bulk_tier_tag_and_delete(ctx: Context, users: tuple[int, int]) -> None:
    ids = [customers.create_customer(ctx, CustomerInput(name=f"客户{i}", tier="general", tags=["VIP"] if i == 0 else []))[0]
           for i in range(4)]
    bulk.set_field(ctx, CustomerFilter(ids=tuple(ids[:2])), "tier", "strategic")
    assert [_changes(r) for r in _entries("customer", "update")] == [{"tier": ["general", "strategic"]}] * 2
    # A customer's lifecycle stage is a plain column (a deal's stage is a reference).
    old_stage = m.Customer.get_by_id(ids[3]).stage
    bulk.set_field(ctx, CustomerFilter(ids=(ids[3],)), "stage", "loyal", action="stage")
    assert [_changes(r) for r in _entries("customer", "stage")] == [{"stage": [old_stage, "loyal"]}]
    bulk.add_tag(ctx, CustomerFilter(ids=tuple(ids)), "VIP")
    tagged = _entries("customer", "tag")
    assert len(tagged) == 3 and all(_changes(r) == {"tag": [None, "VIP"]} for r in tagged)
    bulk.remove_tag(ctx, CustomerFilter(ids=tuple(ids[:2])), "VIP")
    assert len(_entries("customer", "untag")) == 2
    bulk.delete(ctx, CustomerFilter(ids=tuple(ids)))
    assert len(_entries("customer", "delete")) == 4


def test_deal_create_edit_move_win_lose_and_undo(ctx: Context, users: tuple[int, int]) -> None:
    cid, _ = customers.create_customer(ctx, CustomerInput(name="李娜", category="potential"))
    deal_id, _ = pipeline.create_deal(ctx, DealInput(cid, "年货团购", 500_000))
    uid = m.Opportunity.get_by_id(deal_id).uid
    first, second = [s for s in pipeline.stages() if not s.closed][:2]
    assert _changes(_entries("opportunity", "create")[0]) == {
        "customer": [None, cid], "title": [None, "年货团购"], "amount_cents": [None, 500_000], "stage": [None, first.id]}

    record = pipeline.load_deal(deal_id)
    data = record.data
    edited = DealInput(data.customer_id, data.title, 650_000, data.probability, data.expected_close, data.owner_id,
                       data.priority, "打电话", data.next_step_due, data.stage_id)
    pipeline.update_deal(ctx, deal_id, edited, record.stamp)
    assert _changes(_entries("opportunity", "update")[0]) == {"amount_cents": [500_000, 650_000],
                                                             "next_step": ["", "打电话"]}
    moved = pipeline.move_deal(ctx, deal_id, None, second.id)
    assert _changes(_entries("opportunity", "move")[0]) == {"stage": [first.id, second.id]}
    pipeline.undo(ctx, moved.undo)
    assert _changes(_entries("opportunity", "undo")[0]) == {"stage": [second.id, first.id]}

    won = pipeline.win_deal(ctx, deal_id, None, 600_000)
    won_deal = [r for r in _entries(action="won") if r.table_name == "opportunity"][0]
    assert _changes(won_deal)["status"] == ["open", "won"] and _changes(won_deal)["order_cents"] == [None, 600_000]
    won_customer = [r for r in _entries(action="won") if r.table_name == "customer"][0]
    assert _changes(won_customer)["category"] == ["potential", "existing"]
    pipeline.undo(ctx, won.undo)
    pipeline.lose_deal(ctx, deal_id, None, pipeline.lost_reasons()[0][0], "太贵")
    lost = _changes(_entries("opportunity", "lost")[0])
    assert lost["status"] == ["open", "lost"] and lost["lost_reason"] == [None, pipeline.lost_reasons()[0][0]]
    pipeline.delete_deal(ctx, deal_id)
    assert _entries("opportunity", "delete")[0].record_uid == uid
    assert [r.action for r in audit.history("opportunity", uid)][:2] == ["delete", "lost"]  # newest first


def test_complaint_log_edit_and_workflow(ctx: Context, users: tuple[int, int]) -> None:
    cid, _ = customers.create_customer(ctx, CustomerInput(name="王芳"))
    data = ComplaintInput(customer_id=cid, received_at=ctx.now() - HOUR, severity="normal", description="送货晚了",
                          category_id=complaints.categories()[0][0])
    complaint_id, _ = complaints.log_complaint(ctx, data)
    created = _changes(_entries("complaint", "create")[0])
    assert created["description"] == [None, "送货晚了"] and created["status"] == [None, "new"]
    data.severity = "urgent"
    complaints.update_complaint(ctx, complaint_id, data)
    update = _changes(_entries("complaint", "update")[0])
    assert update["severity"] == ["normal", "urgent"] and "due_at" in update and "description" not in update
    complaints.start_work(ctx, complaint_id)
    assert _changes(_entries("complaint", "status")[0]) == {"status": ["new", "in_progress"]}
    complaints.resolve(ctx, complaint_id, Resolution(text="补发", resolved_at=ctx.now()))
    assert _changes(_entries("complaint", "resolve")[0])["resolution"] == ["", "补发"]
    complaints.close(ctx, complaint_id)
    assert _changes(_entries("complaint", "close")[0])["status"] == ["resolved", "closed"]


def test_import_and_its_undo_are_audited_set_based(tmp_path: Path, ctx: Context, users: tuple[int, int]) -> None:
    existing, _ = customers.create_customer(ctx, CustomerInput(name="张伟", phone="13812345678", city="上海"))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["客户名称", "手机号码", "城市"])
    sheet.append(["张伟", "13812345678", "杭州"])
    for i in range(5):
        sheet.append([f"新客{i}", f"1390000000{i}", "北京"])
    path = tmp_path / "list.xlsx"
    book.save(path)
    ctx.clock.advance(hours=1)
    report = importing.import_customers(ctx, path, mode="upsert")
    assert (report.created, report.updated) == (5, 1)
    imported = _entries("customer", "import")
    assert len(imported) == 6
    new = [r for r in imported if r.record_uid != m.Customer.get_by_id(existing).uid]
    assert all(_changes(r)["city"] == [None, "北京"] and "phone" in _changes(r) for r in new)
    assert all("company" not in _changes(r) and "notes" not in _changes(r) for r in new)  # empty: not recorded
    old = [r for r in imported if r.record_uid == m.Customer.get_by_id(existing).uid][0]
    assert _changes(old) == {"city": ["上海", "杭州"]}
    importing.undo_import(ctx, report.batch_id)
    undone = _entries("customer", "undo")
    assert len(undone) == 6
    assert {"city": ["杭州", "上海"]} in [_changes(r) for r in undone]


def test_merge_and_its_undo(ctx: Context, users: tuple[int, int]) -> None:
    a, _ = customers.create_customer(ctx, CustomerInput(name="张伟", phone="13812345678"))
    b, _ = customers.create_customer(ctx, CustomerInput(name="张伟", city="上海"))
    merge_id, _ = dedupe.merge(ctx, a, [b], {"city": "上海"})
    merges = _entries("customer", "merge")
    survivor = m.Customer.get_by_id(a).uid
    assert {"city": ["", "上海"]} in [_changes(r) for r in merges if r.record_uid == survivor]
    gone = [r for r in merges if r.record_uid == m.Customer.get_by_id(b).uid][0]
    assert _changes(gone)["merged_into"] == [None, "张伟"]
    dedupe.undo_merge(ctx, merge_id)
    assert any(r.record_uid == m.Customer.get_by_id(b).uid for r in _entries("customer", "undo"))


def test_trail_filters_by_user_date_and_kind_and_pages_by_keyset(ctx: Context, users: tuple[int, int]) -> None:
    owner, clerk = users
    start = ctx.now()
    for i in range(6):
        ctx.user_id = owner if i % 2 else clerk
        customers.create_customer(ctx, CustomerInput(name=f"客户{i}"))
        ctx.clock.advance(hours=1)
    by_clerk = audit.trail(TrailFilter(user_id=clerk))
    assert [r.record for r in by_clerk] == ["客户4", "客户2", "客户0"] and {r.user for r in by_clerk} == {"小王"}
    window = audit.trail(TrailFilter(since=start + HOUR, until=start + 3 * HOUR))
    assert [r.record for r in window] == ["客户2", "客户1"]
    assert audit.trail(TrailFilter(tables=("complaint",))) == []
    first = audit.trail(TrailFilter(), limit=4)
    rest = audit.trail(TrailFilter(), after=(first[-1].at, first[-1].id), limit=4)
    assert [r.record for r in first + rest] == [f"客户{i}" for i in range(5, -1, -1)]


def test_the_clock_is_the_contexts(ctx: Context, users: tuple[int, int]) -> None:
    ctx.clock = type(ctx.clock)(dt.datetime(2030, 1, 2, 3, 4))
    customers.create_customer(ctx, CustomerInput(name="赵六"))
    assert _entries("customer", "create")[0].at == to_ms(dt.datetime(2030, 1, 2, 3, 4))


def test_retiering_everyone_is_audited_in_sql(ctx: Context, users: tuple[int, int]) -> None:
    from crmdesk.services import metrics

    ids = [customers.create_customer(ctx, CustomerInput(name=f"客户{i}", tier="strategic"))[0] for i in range(3)]
    m.Customer.update(tier_manual=False).execute()
    changed, _ = metrics.retier_all(ctx)
    entries = _entries("customer", "retier")
    assert changed >= 3 and len(entries) == changed
    tiers = [_changes(e)["tier"] for e in entries if "tier" in _changes(e)]
    assert len(tiers) == 3 and all(before == "strategic" and after != "strategic" for before, after in tiers)
    assert {e.user_id for e in entries} == {ctx.user_id} and {e.at for e in entries} == {ctx.now()}
    metrics.accept_suggestion(ctx, ids[0], "stage")  # already the suggestion: nothing to record
    assert not _entries("customer", "update")
