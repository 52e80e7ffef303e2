"""The dashboard's running totals stay equal to a fresh count whatever writes the rows, and
retention from the order-day indexes equals a count made the long way."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.ids import new_uid
from crmdesk.services import customers, dedupe, setup
from crmdesk.services.context import Context
from crmdesk.storage import kpi
from crmdesk.storage import models as m

D = dt.date


def _assert_totals_match_a_scan() -> None:
    assert kpi.has_rollups()
    assert kpi.customer_snapshot() == kpi.customer_snapshot(scan=True)
    assert kpi.duplicate_suspects() == kpi.duplicate_suspects(scan=True)
    edges = [D(2025, 1, 1), D(2025, 7, 1), D(2026, 1, 1), D(2026, 6, 15), D(2027, 1, 1)]
    assert kpi.revenue_between(edges) == kpi.revenue_between(edges, scan=True)
    assert kpi.rollups_agree()


def _order(ctx: Context, customer_id: int, day: dt.date, cents: int) -> int:
    return m.Order.create(uid=new_uid(), stamp=ctx.now(), customer=customer_id, ordered_on=day,
                          amount_cents=cents).id


def test_totals_follow_every_kind_of_write(db: Path, ctx: Context) -> None:
    setup.ensure_defaults(ctx, "zh_CN")
    a, _ = customers.create_customer(ctx, CustomerInput(name="甲", phone="13800000001", email="a@example.com",
                                                         category="existing", tier="value"))
    b, _ = customers.create_customer(ctx, CustomerInput(name="乙", phone="13800000001"))
    c, _ = customers.create_customer(ctx, CustomerInput(name="丙", email="a@example.com"))
    d, _ = customers.create_customer(ctx, CustomerInput(name="丁"))
    _assert_totals_match_a_scan()
    assert kpi.duplicate_suspects() == (2, 4)
    assert kpi.customer_snapshot().missing_phone == 2

    for customer, day, cents in ((a, D(2025, 3, 1), 100_00), (a, D(2026, 2, 1), 50_00), (b, D(2026, 2, 1), 7_00)):
        _order(ctx, customer, day, cents)
    for customer in (a, b):
        dedupe._recompute(ctx, customer, ctx.now())
    _assert_totals_match_a_scan()
    assert kpi.revenue_between([D(2026, 2, 1), D(2026, 2, 2)]) == [(2, 57_00)]

    # An edit through the service (every column written, few changed), and bare updates.
    data = customers.load_input(c)
    data.phone, data.tier = "13900000009", "strategic"
    customers.update_customer(ctx, c, data)
    m.Customer.update(stage="loyal", email="").where(m.Customer.id == a).execute()
    m.Order.update(amount_cents=9_00, ordered_on=D(2026, 6, 20)).where(m.Order.customer == b).execute()
    _assert_totals_match_a_scan()

    # Soft deletes and their undoing, a merge, and hard deletes (orders go with their customer).
    m.Order.update(deleted_at=ctx.now()).where(m.Order.customer == a, m.Order.ordered_on == D(2025, 3, 1)).execute()
    customers.delete_customers(ctx, [d])
    _assert_totals_match_a_scan()
    m.Customer.update(deleted_at=None).where(m.Customer.id == d).execute()
    _assert_totals_match_a_scan()
    dedupe.merge(ctx, a, [b])
    _assert_totals_match_a_scan()
    m.Customer.delete().where(m.Customer.id == a).execute()
    _assert_totals_match_a_scan()
    assert not m.Order.select().where(m.Order.customer == a).exists()


def _retention_the_long_way(orders: dict[int, list[dt.date]], start: dt.date, until: dt.date,
                            days: int) -> tuple[int, int]:
    def active(at: dt.date, seen: list[dt.date]) -> bool:
        return any(at - dt.timedelta(days=days) <= day < at for day in seen)

    base = [cid for cid, seen in orders.items() if active(start, seen)]
    return len(base), sum(active(until, orders[cid]) for cid in base)


@pytest.mark.parametrize("seed", range(3))
def test_retention_equals_a_count_the_long_way(db: Path, ctx: Context, seed: int) -> None:
    setup.ensure_defaults(ctx, "zh_CN")
    rng = random.Random(seed)
    first = D(2023, 1, 1)
    orders: dict[int, list[dt.date]] = {}
    for i in range(60):
        cid, _ = customers.create_customer(ctx, CustomerInput(name=f"客户{i}"))
        days = sorted(first + dt.timedelta(days=rng.randrange(4 * 365)) for _ in range(rng.randrange(6)))
        for day in days:
            _order(ctx, cid, day, 1_00)
        if days and rng.random() < 0.2:  # a deleted order does not count
            m.Order.update(deleted_at=ctx.now()).where(m.Order.customer == cid,
                                                       m.Order.ordered_on == days[-1]).execute()
            days = [day for day in days if day != days[-1]]
        dedupe._recompute(ctx, cid, ctx.now())
        orders[cid] = days
    for _ in range(25):
        start = first + dt.timedelta(days=rng.randrange(4 * 365))
        until = start + dt.timedelta(days=rng.choice([1, 30, 31, 91, 365, 400]))
        assert kpi.retention(start, until, 365) == _retention_the_long_way(orders, start, until, 365), (start, until)


def test_a_bulk_load_recounts_the_totals_and_wrong_ones_are_found(db: Path, ctx: Context) -> None:
    from crmdesk.services.demo import generator

    setup.ensure_defaults(ctx, "en")
    generator.generate(ctx, 120, seed=2, language="en")  # pauses the triggers for the load
    assert kpi.customer_snapshot().total == 120
    assert kpi.rollups_agree()
    generator.generate(ctx, 30, seed=3, language="en")  # a smaller second load keeps them running
    assert kpi.customer_snapshot().total == 150 and kpi.rollups_agree()

    m.Customer._meta.database.execute_sql("UPDATE kpi_order_day SET cents = cents + 1")
    assert not kpi.rollups_agree()
    kpi.rebuild_rollups()
    assert kpi.rollups_agree()
