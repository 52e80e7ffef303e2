"""Key figures on a small data set worked out by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.errors import ValidationError
from crmdesk.domain.ids import new_uid
from crmdesk.services import customers, kpi, setup
from crmdesk.services.context import Context
from crmdesk.services.dedupe import _recompute
from crmdesk.services.kpi import KPIS, KpiCache, Period
from crmdesk.storage import models as m

D = dt.date
NOVEMBER = Period(D(2026, 11, 1), D(2026, 12, 1))  # the frozen clock stands on 2026-11-23


def _customer(ctx: Context, name: str, orders: list[tuple[dt.date, int]] = (), **values: object) -> int:
    cid, _ = customers.create_customer(ctx, CustomerInput(name=name, **values))
    for day, cents in orders:
        m.Order.create(uid=new_uid(), stamp=ctx.now(), customer=cid, ordered_on=day, amount_cents=cents)
    _recompute(ctx, cid, ctx.now())
    return cid


def test_period_kinds() -> None:
    day = D(2026, 11, 23)
    assert Period.of("month", day) == Period(D(2026, 11, 1), D(2026, 12, 1))
    assert Period.of("quarter", day) == Period(D(2026, 10, 1), D(2027, 1, 1))
    assert Period.of("year", day) == Period(D(2026, 1, 1), D(2027, 1, 1))
    assert Period.of("last30", day) == Period(D(2026, 10, 25), D(2026, 11, 24))
    assert Period.of("month", D(2026, 12, 31)).shifted(1, "month") == Period(D(2027, 1, 1), D(2027, 2, 1))
    assert Period.of("quarter", day).shifted(-1, "quarter") == Period(D(2026, 7, 1), D(2026, 10, 1))
    assert Period.month("2026-02") == Period(D(2026, 2, 1), D(2026, 3, 1))
    assert NOVEMBER.up_to(day) == Period(D(2026, 11, 1), D(2026, 11, 24))
    assert Period.month("2025-01").up_to(day) == Period.month("2025-01")


@pytest.mark.parametrize("text", ["2026-13", "26", "2026-1-1", "abc", ""])
def test_bad_month_is_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        Period.month(text)


def test_a_period_must_end_after_it_begins() -> None:
    with pytest.raises(ValidationError):
        Period(D(2026, 11, 2), D(2026, 11, 2))


def test_figures_by_hand(db: Path, ctx: Context) -> None:
    setup.ensure_defaults(ctx, "zh_CN")
    # Active at the start of November (an order in [2025-11-01, 2026-11-01)):
    #   kept  - ordered 2026-03, so still active on 2026-11-24
    #   gone  - last order 2025-11-10: not active in the year before 2026-11-24 -> churned
    #   again - ordered 2025-12 and again in November -> kept
    kept = _customer(ctx, "留", [(D(2026, 3, 5), 100_00)], category="existing", tier="value", stage="active",
                     phone="13800000001")
    _customer(ctx, "走", [(D(2025, 11, 10), 300_00)], category="existing", tier="general", stage="churned",
              phone="13800000002")
    _customer(ctx, "回", [(D(2025, 12, 1), 50_00), (D(2026, 11, 20), 70_00)], category="existing",
              tier="general", stage="active", email="same@example.com")
    # Not active at the start: the only order is from 2024, or the first order is in November.
    _customer(ctx, "旧", [(D(2024, 6, 1), 10_00)], category="former", tier="general", stage="churned",
              email="same@example.com")
    fresh = _customer(ctx, "新", [(D(2026, 11, 2), 200_00)], category="existing", tier="general", stage="new")
    _customer(ctx, "无", phone="13800000001")  # no orders; shares kept's phone
    gone_too, _ = customers.create_customer(ctx, CustomerInput(name="删", phone="13800000001"))
    customers.delete_customers(ctx, [gone_too])
    # Two customers created in October, the rest "now" (November 23).
    m.Customer.update(created_at=kpi.day_start_ms(D(2026, 10, 15))).where(m.Customer.id.in_([kept, fresh])).execute()

    now = ctx.now()
    stages = list(m.PipelineStage.select().order_by(m.PipelineStage.position))
    first_open, won, lost = stages[0], next(s for s in stages if s.kind == "won"), next(s for s in stages if s.kind == "lost")
    nov, oct_ = kpi.day_start_ms(D(2026, 11, 3)), kpi.day_start_ms(D(2026, 10, 3))
    for created, stage, status, amount, probability in (
            (nov, first_open, "open", 1000_00, 50), (nov, won, "won", 400_00, None), (oct_, won, "won", 10_00, None),
            (oct_, lost, "lost", 20_00, None), (oct_, first_open, "open", 30_00, None)):
        closed = nov if status != "open" else None
        m.Opportunity.create(uid=new_uid(), customer=kept, title="t", stage=stage, status=status, amount_cents=amount,
                             probability=probability, stage_entered_at=created, created_at=created, closed_at=closed,
                             stamp=now)
    hour = 3_600_000
    for received, due, resolved, status, score in (
            (nov, nov + hour, nov + hour // 2, "closed", 5),  # on time
            (nov, nov + hour, nov + 2 * hour, "resolved", 2),  # late
            (nov, now - hour, None, "in_progress", None),  # open and overdue
            (oct_, oct_ + hour, oct_ + hour, "closed", 1)):  # another period
        m.Complaint.create(uid=new_uid(), stamp=now, customer=fresh, received_at=received, channel="phone",
                           severity="high", description="d", status=status, due_at=due, resolved_at=resolved,
                           satisfaction=score)
    for due, status in ((D(2026, 11, 22), "open"), (D(2026, 11, 1), "open"), (D(2026, 11, 23), "open"),
                        (D(2026, 11, 20), "done")):
        m.Reminder.create(uid=new_uid(), customer=kept, kind="task", title="t", due_on=due, status=status,
                          stamp=now, created_at=now)

    k = kpi.compute(ctx, NOVEMBER)
    assert k.period == Period(D(2026, 11, 1), D(2026, 11, 24))  # measured up to today
    assert k.customers == 6
    assert k.by_category == {"existing": 4, "former": 1, "potential": 1}
    assert k.by_stage["churned"] == 2
    assert k.new_customers == 4
    assert (k.orders, k.revenue_cents) == (2, 270_00)
    assert (k.active_at_start, k.retained, k.churned) == (3, 2, 1)
    assert k.retention_rate == pytest.approx(2 / 3)
    assert k.churn_rate == pytest.approx(1 / 3)
    assert (k.deals_opened, k.deals_opened_won) == (2, 1)
    assert k.lead_to_won_rate == 0.5
    assert (k.deals_won, k.deals_lost) == (2, 1)  # closed in November, whenever opened
    assert k.win_rate == pytest.approx(2 / 3)
    assert (k.open_deals, k.open_pipeline_cents) == (2, 1030_00)
    default_probability = first_open.probability
    assert k.weighted_pipeline_cents == 500_00 + 30_00 * default_probability // 100
    assert sum(s.deals for s in k.pipeline_by_stage) == 2
    assert k.customers_with_orders == 5
    assert k.average_ltv_cents == round((100_00 + 300_00 + 120_00 + 10_00 + 200_00) / 5)
    assert (k.complaints_received, k.complaints_resolved) == (3, 2)
    assert k.complaints_on_time_rate == 0.5
    assert k.satisfaction == pytest.approx(3.5)
    assert (k.complaints_open, k.complaints_overdue) == (1, 1)
    assert (k.care_due_today, k.care_overdue) == (1, 2)
    assert k.missing_phone == 3  # 回, 旧 and 新
    assert k.missing_phone_share == 0.5
    assert (k.duplicate_groups, k.duplicate_customers) == (2, 4)  # one phone shared by two, one e-mail by two
    assert k.months[0] == D(2025, 12, 1) and k.months[-1] == D(2026, 11, 1) and len(k.months) == 12
    assert k.new_by_month[-2:] == [2, 4]
    assert k.revenue_by_month[-1] == 270_00 and k.revenue_by_month[0] == 50_00 and sum(k.revenue_by_month) == 420_00
    assert {info.key for info in KPIS} <= set(_values(k))


def _values(k: kpi.Kpis) -> dict[str, object]:
    return {info.key: k.value(info.key) for info in KPIS}


def test_an_empty_book_has_no_rates(db: Path, ctx: Context) -> None:
    k = kpi.compute(ctx, NOVEMBER)
    assert k.customers == 0
    for key in ("retention", "churn", "lead_to_won", "win_rate", "average_ltv", "satisfaction",
                "complaints_on_time", "missing_phone"):
        assert k.value(key) is None, key


def test_a_past_period_looks_at_orders_after_it(db: Path, ctx: Context) -> None:
    # For March 2026, "still active at the end" means an order in [2025-04-01, 2026-04-01),
    # even for a customer whose latest order came later.
    _customer(ctx, "甲", [(D(2025, 6, 1), 1), (D(2026, 10, 1), 1)])  # active at start and end
    _customer(ctx, "乙", [(D(2025, 3, 15), 1), (D(2026, 10, 1), 1)])  # active at start, not at the end
    _customer(ctx, "丙", [(D(2024, 1, 1), 1), (D(2026, 10, 1), 1)])  # not active at the start
    k = kpi.compute(ctx, Period.month("2026-03"))
    assert (k.active_at_start, k.retained) == (2, 1)


def test_the_cache_keeps_figures_until_cleared(db: Path, ctx: Context) -> None:
    cache = KpiCache()
    first = cache.get(ctx, NOVEMBER)
    _customer(ctx, "甲")
    assert cache.get(ctx, NOVEMBER) is first
    assert cache.cached(ctx, NOVEMBER) is first
    cache.clear()
    assert cache.cached(ctx, NOVEMBER) is None
    assert cache.get(ctx, NOVEMBER).customers == 1
