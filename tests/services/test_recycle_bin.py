"""The recycle bin: listing, restoring with related rows, emptying for good, and retention."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crmdesk.domain.clock import FixedClock
from crmdesk.domain.complaints import ComplaintInput
from crmdesk.domain.customer import ContactInput, CustomerInput
from crmdesk.domain.errors import NotFoundError, ValidationError
from crmdesk.domain.filters import CustomerFilter
from crmdesk.domain.pipeline import DealInput
from crmdesk.services import care, complaints, customers, dedupe, pipeline, recycle_bin, setup
from crmdesk.services.context import Context
from crmdesk.storage import engine, kpi, listing
from crmdesk.storage import models as m

DAY = 86_400_000


@pytest.fixture
def shop(db: Path, ctx: Context) -> dict[str, int]:
    """Two customers, one with a contact, a tag, a deal (won: an order), a task and a complaint."""
    setup.ensure_defaults(ctx, "zh_CN")
    zhang, _ = customers.create_customer(ctx, CustomerInput(
        name="张伟", phone="13812345678", email="zw@example.com", tags=["熟客"],
        contacts=[ContactInput(name="王秘书", phone="13900000000")]))
    li, _ = customers.create_customer(ctx, CustomerInput(name="李娜", phone="13812345679"))
    deal, _ = pipeline.create_deal(ctx, DealInput(zhang, "门店装修", 500_000))
    pipeline.win_deal(ctx, deal, pipeline.card(ctx, deal).stamp, 480_000)
    other_deal, _ = pipeline.create_deal(ctx, DealInput(li, "年度采购", 90_000))
    task, _ = care.create_task(ctx, care.TaskInput("寄贺卡", dt.date(2026, 11, 30), zhang))
    complaint, _ = complaints.log_complaint(ctx, ComplaintInput(
        customer_id=zhang, received_at=ctx.now() - 3_600_000, severity="normal", description="送货晚了",
        category_id=complaints.categories()[0][0]))
    return {"zhang": zhang, "li": li, "deal": deal, "other_deal": other_deal, "task": task, "complaint": complaint}


def _kinds_in_bin() -> list[tuple[str, str]]:
    return [(row.kind, row.name) for row in recycle_bin.page(limit=1000)]


def _searchable(text: str, ctx: Context) -> list[int]:
    return listing.customer_ids(CustomerFilter(text=text), ctx.now(), dt.date(2026, 11, 23))


def test_the_bin_lists_every_kind_newest_first_with_customer_and_who(shop: dict, ctx: Context,
                                                                      clock: FixedClock) -> None:
    ctx.user_id = m.User.get(m.User.username == "owner").id
    pipeline.delete_deal(ctx, shop["other_deal"])
    clock.advance(seconds=1)
    care.delete_task(ctx, shop["task"])
    clock.advance(seconds=1)
    complaints.delete_complaint(ctx, shop["complaint"])
    clock.advance(seconds=1)
    customers.delete_customers(ctx, [shop["zhang"]])
    rows = recycle_bin.page()
    assert [(r.kind, r.name, r.customer) for r in rows] == [
        ("customer", "张伟", ""), ("complaint", "送货晚了", "张伟"), ("task", "寄贺卡", "张伟"),
        ("deal", "年度采购", "李娜")]
    assert [r.deleted_by for r in rows] == ["店主", "店主", "", "店主"]  # care tasks keep no audit trail
    assert rows[1].customer_binned and not rows[3].customer_binned
    assert recycle_bin.counts() == {"customer": 1, "deal": 1, "task": 1, "complaint": 1}
    assert recycle_bin.counts("张") == {"customer": 1, "deal": 0, "task": 1, "complaint": 1}
    assert [r.kind for r in recycle_bin.page(text="zhang")] == ["customer"]  # pinyin finds the customer
    assert [r.name for r in recycle_bin.page(text="采购")] == ["年度采购"]
    assert [r.name for r in recycle_bin.page(kinds=("task", "deal"))] == ["寄贺卡", "年度采购"]
    assert recycle_bin.page(text="100%_") == []  # wildcards are typed text


def test_keyset_pages_cover_the_bin_once_in_order_even_with_ties(shop: dict, ctx: Context,
                                                                  clock: FixedClock) -> None:
    ids = [customers.create_customer(ctx, CustomerInput(name=f"客户{i:03d}"))[0] for i in range(45)]
    customers.delete_customers(ctx, ids[:30])  # thirty at one moment: ties on deleted_at
    pipeline.delete_deal(ctx, shop["other_deal"])  # same moment, another kind
    clock.advance(seconds=5)
    customers.delete_customers(ctx, ids[30:])
    seen, after = [], None
    while True:
        rows = recycle_bin.page(after, limit=7)
        if not rows:
            break
        seen += rows
        after = rows[-1].key
    assert len(seen) == 46 and len({(r.kind, r.id) for r in seen}) == 46
    assert [r.key for r in seen] == sorted((r.key for r in seen), reverse=True)
    assert [r.id for r in seen[:15]] == sorted(ids[30:], reverse=True)
    filtered = recycle_bin.page(limit=100, text="客户00")
    assert {r.id for r in filtered} == set(ids[:10])


def test_restoring_a_customer_brings_back_what_hangs_off_it(shop: dict, ctx: Context) -> None:
    before = kpi.customer_snapshot()
    customers.delete_customers(ctx, [shop["zhang"]])
    assert _searchable("张伟", ctx) == [] and kpi.rollups_agree()
    assert kpi.customer_snapshot().total == before.total - 1
    changes = recycle_bin.restore(ctx, [("customer", shop["zhang"])])
    assert shop["zhang"] in changes.customers
    assert _searchable("张伟", ctx) == [shop["zhang"]] and _searchable("13812345678", ctx) == [shop["zhang"]]
    assert kpi.customer_snapshot() == before and kpi.rollups_agree()
    assert customers.tag_names(shop["zhang"]) == ["熟客"]
    assert [c.name for c in customers.contacts_of(shop["zhang"])] == ["王秘书"]
    assert pipeline.card(ctx, shop["deal"]).title == "门店装修"
    assert recycle_bin.counts()["customer"] == 0
    assert m.AuditEntry.select().where(m.AuditEntry.action == "restore").count() == 1


def test_a_deal_of_a_binned_customer_comes_back_only_with_its_customer(shop: dict, ctx: Context) -> None:
    pipeline.delete_deal(ctx, shop["deal"])
    complaints.delete_complaint(ctx, shop["complaint"])
    customers.delete_customers(ctx, [shop["zhang"]])
    with pytest.raises(ValidationError) as refused:
        recycle_bin.restore(ctx, [("deal", shop["deal"])])
    assert "张伟" in str(refused.value) and "recycle bin" in str(refused.value)
    assert m.Opportunity.get_by_id(shop["deal"]).deleted_at is not None  # nothing changed
    with pytest.raises(ValidationError):
        recycle_bin.restore(ctx, [("complaint", shop["complaint"])])
    changes = recycle_bin.restore(ctx, [("deal", shop["deal"]), ("customer", shop["zhang"])])
    assert changes.opportunities == {shop["deal"]}
    assert m.Opportunity.get_by_id(shop["deal"]).deleted_at is None
    assert m.Complaint.get_by_id(shop["complaint"]).deleted_at is not None  # not chosen: still binned
    recycle_bin.restore(ctx, [("complaint", shop["complaint"])])  # its customer is back: fine now
    assert complaints.get(shop["complaint"]).id == shop["complaint"]


def test_restore_is_an_undo_step(shop: dict, ctx: Context, clock: FixedClock) -> None:
    customers.delete_customers(ctx, [shop["li"]])
    care.delete_task(ctx, shop["task"])
    step = recycle_bin.restore_step(ctx, [("customer", shop["li"]), ("task", shop["task"])])
    assert step.count == 2 and recycle_bin.counts() == {"customer": 0, "deal": 0, "task": 0, "complaint": 0}
    clock.advance(seconds=1)
    step.undo(ctx)
    assert recycle_bin.counts() == {"customer": 1, "deal": 0, "task": 1, "complaint": 0}
    step.redo(ctx)
    assert m.Customer.get_by_id(shop["li"]).deleted_at is None and kpi.rollups_agree()


def test_a_deal_whose_stage_was_removed_meanwhile_returns_to_the_first_column(shop: dict, ctx: Context) -> None:
    stages = pipeline.stages()
    third = [s for s in stages if s.kind == "open"][2]
    m.Opportunity.update(stage=third.id).where(m.Opportunity.id == shop["other_deal"]).execute()
    pipeline.delete_deal(ctx, shop["other_deal"])
    m.PipelineStage.update(deleted_at=ctx.now()).where(m.PipelineStage.id == third.id).execute()
    recycle_bin.restore(ctx, [("deal", shop["other_deal"])])
    assert m.Opportunity.get_by_id(shop["other_deal"]).stage_id == [s for s in stages if s.kind == "open"][0].id


def test_emptying_erases_customers_with_every_related_row(shop: dict, ctx: Context) -> None:
    dupe, _ = customers.create_customer(ctx, CustomerInput(name="张伟（重复）", phone="13812345678"))
    merge_id, _ = dedupe.merge(ctx, shop["li"], [dupe])  # the duplicate goes to the bin by the merge
    customers.delete_customers(ctx, [shop["zhang"]])
    revenue_before = kpi.revenue_between([dt.date(2000, 1, 1), dt.date(2100, 1, 1)])
    assert revenue_before == [(1, 480_000)]  # a binned customer's orders still count until erased
    gone = recycle_bin.empty(ctx, [("customer", shop["zhang"]), ("customer", dupe)])
    assert gone == {"customer": 2, "deal": 0, "task": 0, "complaint": 0}
    zhang = shop["zhang"]
    for model in (m.Contact, m.CustomerTag, m.Interaction, m.Opportunity, m.Order, m.Reminder, m.Complaint,
                  m.ImportItem):
        assert not model.select().where(model.customer == zhang).exists(), model
    assert not m.StageChange.select().where(m.StageChange.opportunity == shop["deal"]).exists()
    assert not m.ComplaintEvent.select().where(m.ComplaintEvent.complaint == shop["complaint"]).exists()
    uids = [r.uid for r in m.Customer.select(m.Customer.uid)]
    assert not m.AuditEntry.select().where((m.AuditEntry.table_name == "customer")
                                           & m.AuditEntry.record_uid.not_in(uids)).exists()
    assert m.MergeRecord.get_or_none(m.MergeRecord.id == merge_id) is None  # its undo would point at nobody
    assert kpi.rollups_agree()
    assert kpi.revenue_between([dt.date(2000, 1, 1), dt.date(2100, 1, 1)]) == [(0, 0)]
    assert m.Tag.select().count() == 1  # the tag itself is shared data: it stays
    if engine.is_sqlite():  # PostgreSQL checks its foreign keys itself and has no FTS tables
        db = m.Customer._meta.database
        assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute_sql("INSERT INTO customer_fts(customer_fts, rank) VALUES ('integrity-check', 1)") is not None
    assert _searchable("李娜", ctx) == [shop["li"]]
    with pytest.raises(NotFoundError):
        dedupe.undo_merge(ctx, merge_id)  # the merge's undo went with its record


def test_emptying_single_items_and_the_whole_bin(shop: dict, ctx: Context) -> None:
    pipeline.delete_deal(ctx, shop["deal"])
    care.delete_task(ctx, shop["task"])
    complaints.delete_complaint(ctx, shop["complaint"])
    order = m.Order.get(m.Order.opportunity == shop["deal"])
    gone = recycle_bin.empty(ctx, [("deal", shop["deal"]), ("customer", shop["li"])])  # li is live: left alone
    assert gone == {"customer": 0, "deal": 1, "task": 0, "complaint": 0}
    assert m.Order.get_by_id(order.id).opportunity_id is None  # the order stays, without its deal
    assert m.Customer.get_by_id(shop["li"]).deleted_at is None
    gone = recycle_bin.empty(ctx)
    assert gone == {"customer": 0, "deal": 0, "task": 1, "complaint": 1}
    assert recycle_bin.counts() == {"customer": 0, "deal": 0, "task": 0, "complaint": 0}
    assert recycle_bin.changes_of(gone).everything and not recycle_bin.changes_of({"customer": 0})
    assert kpi.rollups_agree()
    if engine.is_sqlite():  # the search index agrees with its table (PostgreSQL has none to check)
        m.Customer._meta.database.execute_sql("INSERT INTO complaint_fts(complaint_fts, rank) VALUES ('integrity-check', 1)")


def test_retention_purges_old_items_once(shop: dict, ctx: Context, clock: FixedClock) -> None:
    assert recycle_bin.retention_days() == 30
    customers.delete_customers(ctx, [shop["li"]])  # binned 40 days before the purge
    clock.advance(days=25)
    care.delete_task(ctx, shop["task"])  # 15 days before
    clock.advance(days=15)
    assert recycle_bin.purge_expired(ctx) == {"customer": 1, "deal": 0, "task": 0, "complaint": 0}
    assert m.Opportunity.get_or_none(m.Opportunity.id == shop["other_deal"]) is None  # went with li
    assert recycle_bin.purge_expired(ctx) == {"customer": 0, "deal": 0, "task": 0, "complaint": 0}
    assert recycle_bin.counts()["task"] == 1
    recycle_bin.set_retention_days(ctx, 10)
    assert recycle_bin.purge_expired(ctx)["task"] == 1
    assert kpi.rollups_agree()
    for bad in (0, 5000, "7"):
        with pytest.raises(ValidationError):
            recycle_bin.set_retention_days(ctx, bad)  # type: ignore[arg-type]


def test_an_unknown_kind_is_refused(shop: dict, ctx: Context) -> None:
    with pytest.raises(ValidationError):
        recycle_bin.restore(ctx, [("order", 1)])
    with pytest.raises(ValidationError):
        recycle_bin.empty(ctx, [("order", 1)])


def test_restoring_and_emptying_many_customers_is_set_based(db: Path, ctx: Context,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """3,000 binned customers restored and erased in a bounded number of statements."""
    setup.ensure_defaults(ctx)
    rows = [dict(uid=f"u{i}", stamp=1, kind="person", name=f"客户{i}", category="potential", tier="general",
                 stage="potential", created_at=1, deleted_at=5, phone=f"138{i:08d}") for i in range(3000)]
    for start in range(0, 3000, 300):
        m.Customer.insert_many(rows[start:start + 300]).execute()
    database = m.database_proxy.obj
    statements: list[str] = []
    real = database.execute_sql

    def counted(sql: str, params: object = None, *args: object) -> object:
        statements.append(sql)
        return real(sql, params, *args)

    monkeypatch.setattr(database, "execute_sql", counted)
    ids = [r.id for r in m.Customer.select(m.Customer.id)]
    statements.clear()
    recycle_bin.restore(ctx, [("customer", i) for i in ids])
    assert len(statements) < 60 and kpi.rollups_agree()
    customers.delete_customers(ctx, ids)
    statements.clear()
    assert recycle_bin.empty(ctx)["customer"] == 3000
    assert len(statements) < 40
    assert m.Customer.select().count() == 0 and kpi.rollups_agree()


def test_deleting_a_deal_a_complaint_or_a_task_is_a_step_that_undo_takes_back(shop: dict, ctx: Context) -> None:
    def live(model: type[m.Synced], row_id: int) -> bool:
        return model.get_by_id(row_id).deleted_at is None

    steps = [
        (m.Opportunity, shop["other_deal"],
         recycle_bin.delete_deal(ctx, shop["other_deal"], pipeline.card(ctx, shop["other_deal"]).stamp, "年度采购")),
        (m.Complaint, shop["complaint"], recycle_bin.delete_complaint(ctx, shop["complaint"], "张伟")),
        (m.Reminder, shop["task"], recycle_bin.delete_task(ctx, shop["task"], "寄贺卡")),
    ]
    for model, row_id, step in steps:
        assert not live(model, row_id) and step.name and step.count == 1
        assert (row_id in step.changes.opportunities | step.changes.complaints | step.changes.reminders)
        step.undo(ctx)
        assert live(model, row_id)
        step.redo(ctx)
        assert not live(model, row_id)
    assert {row.kind for row in recycle_bin.page()} == {"deal", "complaint", "task"}


def test_undoing_the_delete_of_a_recurring_task_takes_back_its_next_occurrence(shop: dict, ctx: Context) -> None:
    weekly, _ = care.create_task(ctx, care.TaskInput("每周回访", dt.date(2026, 11, 30), shop["li"],
                                                     recurrence=care.Recurrence("weekly")))
    step = recycle_bin.delete_task(ctx, weekly, "每周回访")
    following = step.changes.reminders - {weekly}
    assert len(following) == 1
    (nxt,) = following
    assert m.Reminder.get_by_id(nxt).deleted_at is None
    step.undo(ctx)
    assert m.Reminder.get_by_id(weekly).deleted_at is None and m.Reminder.get_by_id(nxt).deleted_at is not None
    step.redo(ctx)
    assert m.Reminder.get_by_id(weekly).deleted_at is not None and m.Reminder.get_by_id(nxt).deleted_at is None
