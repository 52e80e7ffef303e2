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
