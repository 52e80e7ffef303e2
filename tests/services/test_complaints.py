"""The complaint log's services, over a frozen clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crmdesk.domain.clock import FixedClock, from_ms, to_ms
from crmdesk.domain.complaints import ComplaintInput, Resolution, WorkingHours
from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.errors import NotFoundError, ValidationError
from crmdesk.domain.filters import ComplaintFilter
from crmdesk.services import complaints, customers, lists, setup
from crmdesk.services.context import Context
from crmdesk.storage import models as m

HOUR = 3_600_000


@pytest.fixture()
def customer(db: Path, ctx: Context) -> int:
    setup.ensure_defaults(ctx, "zh_CN")
    return customers.create_customer(ctx, CustomerInput(name="张伟", phone="13812345678"))[0]


def _log(ctx: Context, customer: int, severity: str = "normal", hours_ago: float = 1, text: str = "送货晚了") -> int:
    data = ComplaintInput(customer_id=customer, received_at=ctx.now() - int(hours_ago * HOUR), severity=severity,
                          description=text, category_id=complaints.categories()[0][0])
    return complaints.log_complaint(ctx, data)[0]


def test_the_whole_workflow_with_timeline_and_follow_up(ctx: Context, customer: int) -> None:
    cid = _log(ctx, customer, "urgent")
    view = complaints.get(cid)
    assert view.status == "new" and view.due_at == view.received_at + 4 * HOUR  # urgent: 4 h
    complaints.start_work(ctx, cid, "打电话了解情况")
    with pytest.raises(ValidationError, match="closed only after"):
        m.Complaint.update(status="resolved").where(m.Complaint.id == cid).execute()
        complaints.close(ctx, cid)
    m.Complaint.update(status="in_progress").where(m.Complaint.id == cid).execute()
    complaints.resolve(ctx, cid, Resolution("补发了货物", "仓库漏发", 5000, ctx.now()))
    complaints.rate(ctx, cid, 4, "处理及时")
    changes = complaints.close(ctx, cid)
    view = complaints.get(cid)
    assert (view.status, view.resolution, view.compensation_cents, view.satisfaction) == ("closed", "补发了货物", 5000, 4)
    reminder = m.Reminder.get_by_id(next(iter(changes.reminders)))
    assert reminder.kind == "after_complaint" and reminder.customer_id == customer
    assert reminder.due_on == from_ms(ctx.now()).date() + dt.timedelta(days=3)
    steps = [(e.from_status, e.to_status) for e in complaints.events(cid)]
    assert steps == [(None, "new"), ("new", "in_progress"), ("in_progress", "resolved"), (None, None),
                     ("resolved", "closed")]
    with pytest.raises(ValidationError, match="why"):
        complaints.reopen(ctx, cid, " ")
    complaints.reopen(ctx, cid, "客户说又坏了")
    view = complaints.get(cid)
    assert view.status == "reopened" and view.closed_at is None and view.due_at == ctx.now() + 4 * HOUR


def test_refused_moves_change_nothing(ctx: Context, customer: int) -> None:
    cid = _log(ctx, customer)
    with pytest.raises(ValidationError):
        complaints.close(ctx, cid)
    with pytest.raises(ValidationError):
        complaints.rate(ctx, cid, 5)
    with pytest.raises(ValidationError, match="before it was received"):
        complaints.resolve(ctx, cid, Resolution("done", resolved_at=ctx.now() - 2 * HOUR))
    assert complaints.get(cid).status == "new" and len(complaints.events(cid)) == 1
    complaints.resolve(ctx, cid, Resolution("done", resolved_at=ctx.now()))
    with pytest.raises(ValidationError):
        complaints.rate(ctx, cid, 6)
    assert complaints.get(cid).satisfaction is None
    with pytest.raises(NotFoundError):
        complaints.get(9999)


def test_a_deleted_customer_cannot_complain(ctx: Context, customer: int) -> None:
    customers.delete_customers(ctx, [customer])
    with pytest.raises(ValidationError, match="deleted"):
        _log(ctx, customer)
    assert m.Complaint.select().count() == 0


def test_deadlines_follow_the_settings(ctx: Context, customer: int) -> None:
    complaints.set_sla(ctx, {"urgent": 2, "high": 8, "normal": 9, "low": 100}, WorkingHours())
    # The frozen clock says Monday 2026-11-23 15:30 local: 9 working hours run to Tuesday 15:30.
    cid = _log(ctx, customer, "normal", hours_ago=0)
    due = from_ms(complaints.get(cid).due_at)
    assert (due.date(), due.hour, due.minute) == (dt.date(2026, 11, 24), 15, 30)
    assert complaints.working_hours() == WorkingHours()
    with pytest.raises(ValidationError):
        complaints.set_sla(ctx, {"urgent": 0, "high": 8, "normal": 9, "low": 100}, None)
    assert complaints.sla_hours()["urgent"] == 2


def test_filters_and_search(ctx: Context, customer: int) -> None:
    other = customers.create_customer(ctx, CustomerInput(name="李四"))[0]
    late = _log(ctx, customer, "urgent", hours_ago=10, text="态度差")  # 4 h deadline: overdue
    _log(ctx, other, "low", hours_ago=1, text="价格太贵")
    done = _log(ctx, other, "high", hours_ago=30, text="退货慢")
    complaints.resolve(ctx, done, Resolution("已退款", resolved_at=ctx.now()))

    def found(**kw) -> set[int]:
        listing = lists.complaints(ctx, ComplaintFilter(**kw))
        return {row[0] for row in listing.page("received_at", True, 0, 100)} if listing.count() else set()

    assert found(overdue=True) == {late}
    assert found(text="张伟") == {late} and found(text="退货") == {done} and found(text="5678") == {late}
    assert found(statuses=("resolved",)) == {done}
    assert len(found(severities=("low", "urgent"))) == 2
    assert found(text="100%") == set()  # wildcards are plain characters


def test_statistics_on_a_hand_checked_set(db: Path, customer: int) -> None:
    start = to_ms(dt.datetime(2026, 11, 1, 9, 0).astimezone())
    ctx = Context(clock=FixedClock(start))
    other = customers.create_customer(ctx, CustomerInput(name="李四"))[0]
    ids = [_log(ctx, customer, "normal", hours_ago=0) for _ in range(3)] + [_log(ctx, other, "low", hours_ago=0)]
    # Resolved after 2, 10 and 100 hours (normal: 72 h deadline, so the last is late).
    for cid, hours in zip(ids, (2, 10, 100), strict=False):
        complaints.resolve(Context(clock=FixedClock(start + hours * HOUR)), cid,
                           Resolution("ok", resolved_at=start + hours * HOUR))
    later = Context(clock=FixedClock(start + 200 * HOUR))
    complaints.rate(later, ids[0], 5)
    complaints.rate(later, ids[1], 2)
    s = complaints.statistics(later)
    assert s.total == 4 and s.by_severity == {"normal": 3, "low": 1}
    assert s.resolved == 3 and s.average_hours == pytest.approx(112 / 3)
    assert s.p90_hours == pytest.approx(100) and s.on_time_rate == pytest.approx(2 / 3)
    assert s.satisfaction == pytest.approx(3.5) and s.rated == 2
    assert s.open == 1 and s.overdue == 1  # the low one: 168 h deadline, 200 h later
    assert s.repeat == [(customer, "张伟", 3)]
    assert complaints.statistics(later, start + HOUR, None).total == 0


def test_search_finds_any_part_of_the_text_and_the_customer_as_the_archive_does(ctx: Context, customer: int) -> None:
    first = _log(ctx, customer, text="收到的商品有破损")

    def found(text: str) -> set[int]:
        listing = lists.complaints(ctx, ComplaintFilter(text=text))
        return {row[0] for row in listing.page("received_at", True, 0, 100)} if listing.count() else set()

    assert found("破") == found("商品有") == found("zw") == found("zhangwei") == found("1234") == {first}
    assert found("破损 张伟") == {first} and found("破损 李四") == set()
    data = ComplaintInput(customer_id=customer, received_at=ctx.now() - HOUR, description="发票开错了",
                          category_id=complaints.categories()[0][0])
    complaints.update_complaint(ctx, first, data)
    assert found("发票") == {first} and found("破损") == set()
    m.Complaint.update(deleted_at=ctx.now()).where(m.Complaint.id == first).execute()
    assert found("发票") == set()


def test_an_older_book_gets_its_complaints_indexed(tmp_path: Path, monkeypatch) -> None:
    import sqlite3

    from crmdesk.storage import migrations
    from crmdesk.storage.database import close_database, open_database

    path = tmp_path / "v5.sqlite"
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "HEAD", 5)
        open_database(path)
        close_database()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO customer (uid, stamp, kind, name, name_pinyin, name_initials, gender, company, title,"
                     " phone, phone_e164, email, address, city, source, category, tier, tier_manual, stage,"
                     " stage_manual, birthday_calendar, birth_leap_month, custom_fields, notes, created_at,"
                     " order_count, order_total_cents) VALUES ('u1', 1, 'person', '王五', 'wangwu', 'ww', '', '', '',"
                     " '', '', '', '', '', '', 'potential', 'general', 0, 'potential', 0, 'solar', 0, '{}', '', 1, 0, 0)")
        conn.execute("INSERT INTO complaint (uid, stamp, customer_id, received_at, channel, severity, description,"
                     " status, due_at, resolution, compensation_cents, root_cause, satisfaction_comment)"
                     " VALUES ('k1', 1, 1, 1, 'phone', 'normal', '店员态度不好', 'new', 2, '', 0, '', '')")
    database = open_database(path)
    hits = database.execute_sql("SELECT rowid FROM complaint_fts WHERE complaint_fts MATCH '\"态 度\"'").fetchall()
    assert hits == [(1,)]
    close_database()


def test_big_search_results_page_the_same_by_either_strategy(ctx: Context, customer: int, monkeypatch) -> None:
    from crmdesk.storage import complaints as queries

    other = customers.create_customer(ctx, CustomerInput(name="王五"))[0]
    for i in range(12):
        _log(ctx, customer if i % 2 else other, ["low", "urgent"][i % 2], hours_ago=i * 7 % 5, text=f"破损{i}")
    m.Complaint.update(deleted_at=ctx.now()).where(m.Complaint.description == "破损3").execute()

    def pages(text: str) -> list[list[int]]:
        out = []
        for key in ("received_at", "status", "due_at", "customer"):
            for desc in (False, True):
                listing = lists.complaints(ctx, ComplaintFilter(text=text))
                out.append([listing.count()] + [r[0] for r in listing.page(key, desc, 0, 4) + listing.page(key, desc, 4, 50)])
        return out

    for text in ("破损", "张伟", "破损 王五"):
        small = pages(text)
        monkeypatch.setattr(queries, "LARGE_RESULT", 0)
        assert pages(text) == small, text
        monkeypatch.undo()
    assert pages("破损")[0][0] == 11 and pages("破损 王五")[0][0] == 6


def test_the_category_list(ctx: Context, customer: int) -> None:
    before = [name for _, name in complaints.categories()]
    complaints.add_category(ctx, "包装问题")
    with pytest.raises(ValidationError, match="already"):
        complaints.add_category(ctx, "包装问题")
    with pytest.raises(ValidationError):
        complaints.add_category(ctx, "  ")
    ids = {name: cid for cid, name in complaints.categories()}
    assert list(ids)[-1] == "包装问题"
    complaints.move_category(ctx, ids["包装问题"], -1)
    assert [n for _, n in complaints.categories()][-2] == "包装问题"
    complaints.rename_category(ctx, ids["包装问题"], "包装破损")
    cid = _log(ctx, customer)
    m.Complaint.update(category=ids["包装问题"]).where(m.Complaint.id == cid).execute()
    complaints.remove_category(ctx, ids["包装问题"])
    assert [n for _, n in complaints.categories()] == before
    assert complaints.get(cid).category == "包装破损"  # old complaints keep their category's name
