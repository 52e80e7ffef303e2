"""The dashboard's aggregates, each in one pass over an index or a table.

Plain SQL that SQLite and PostgreSQL both run (``CASE`` rather than summed booleans). Dates
are ISO text in SQLite's date columns, so a day compares as ``date.isoformat()``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from crmdesk.storage import models as m


def _db():  # noqa: ANN202 - the models' peewee database
    return m.Customer._meta.database


@dataclass
class CustomerSnapshot:
    """Live customers now, with what one scan of the table tells about them."""

    total: int = 0
    by_category: dict[str, int] = field(default_factory=dict)
    by_tier: dict[str, int] = field(default_factory=dict)
    by_stage: dict[str, int] = field(default_factory=dict)
    missing_phone: int = 0
    with_orders: int = 0
    order_total_cents: int = 0  # of those with orders
    created_in_period: int = 0
    active_at_start: int = 0  # had an order in the year before the period began
    retained: int = 0  # ... and still had one in the year before it ended


def customer_snapshot(start_ms: int, until_ms: int, start: dt.date, until: dt.date, year_days: int) -> CustomerSnapshot:
    """One scan of the live customers, grouped by category, tier and stage.

    Retention comes from the customers' own first and last order days, which the services keep
    in step with their orders; only a customer who ordered both inside and around a window
    needs a look at the order index (an ``EXISTS`` that the ``CASE`` reaches for few rows).
    """
    s_back = (start - dt.timedelta(days=year_days)).isoformat()
    u_back = (until - dt.timedelta(days=year_days)).isoformat()
    s, u = start.isoformat(), until.isoformat()
    ordered_in = ("EXISTS (SELECT 1 FROM sale_order o WHERE o.customer_id = c.id AND o.deleted_at IS NULL"
                  " AND o.ordered_on >= ? AND o.ordered_on < ?)")
    # Active at the start: an order in [start - a year, start).
    active = (f"(c.first_order_on < ? AND c.last_order_on >= ? AND (c.last_order_on < ? OR {ordered_in}))")
    active_params = [s, s_back, s, s_back, s]
    # Still active at the end: an order in [until - a year, until).
    still = f"(CASE WHEN c.last_order_on < ? THEN c.last_order_on >= ? ELSE {ordered_in} END)"
    still_params = [u, u_back, u_back, u]
    sql = (
        "SELECT c.category, c.tier, c.stage, COUNT(*),"
        " SUM(CASE WHEN c.phone = '' THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN c.order_count > 0 THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN c.order_count > 0 THEN c.order_total_cents ELSE 0 END),"
        " SUM(CASE WHEN c.created_at >= ? AND c.created_at < ? THEN 1 ELSE 0 END),"
        f" SUM(CASE WHEN {active} THEN 1 ELSE 0 END),"
        f" SUM(CASE WHEN {active} AND {still} THEN 1 ELSE 0 END)"
        " FROM customer c WHERE c.deleted_at IS NULL GROUP BY c.category, c.tier, c.stage"
    )
    params = [start_ms, until_ms, *active_params, *active_params, *still_params]
    out = CustomerSnapshot()
    for category, tier, stage, n, no_phone, buyers, spent, new, base, kept in _db().execute_sql(sql, params):
        out.total += n
        for bucket, key in ((out.by_category, category), (out.by_tier, tier), (out.by_stage, stage)):
            bucket[key] = bucket.get(key, 0) + n
        out.missing_phone += int(no_phone or 0)
        out.with_orders += int(buyers or 0)
        out.order_total_cents += int(spent or 0)
        out.created_in_period += int(new or 0)
        out.active_at_start += int(base or 0)
        out.retained += int(kept or 0)
    return out


def created_between(bounds_ms: list[int]) -> list[int]:
    """Live customers created in each [bounds[i], bounds[i+1]), from the created_at index."""
    db = _db()
    return [
        int(db.execute_sql("SELECT COUNT(*) FROM customer WHERE deleted_at IS NULL AND created_at >= ? "
                           "AND created_at < ?", [low, high]).fetchone()[0])
        for low, high in zip(bounds_ms, bounds_ms[1:], strict=False)
    ]


def revenue_between(days: list[dt.date]) -> list[tuple[int, int]]:
    """(orders, amount in cents) of live orders in each [days[i], days[i+1]), one range of the
    order-day index for all of them."""
    if len(days) < 2:
        return []
    edges = [d.isoformat() for d in days]
    cases = " ".join(f"WHEN ordered_on < '{edge}' THEN {i}" for i, edge in enumerate(edges[1:]))
    sql = (f"SELECT CASE {cases} END AS bucket, COUNT(*), SUM(amount_cents) FROM sale_order "
           "WHERE deleted_at IS NULL AND ordered_on >= ? AND ordered_on < ? GROUP BY bucket")
    found = {int(b): (int(n), int(total or 0)) for b, n, total in _db().execute_sql(sql, [edges[0], edges[-1]])}
    return [found.get(i, (0, 0)) for i in range(len(days) - 1)]


def duplicate_suspects() -> tuple[int, int]:
    """(groups, customers) of live customers sharing a phone number or an e-mail address, read
    from the two partial indexes. A customer in both kinds of group counts in each."""
    db = _db()
    groups = people = 0
    for column in ("phone_e164", "email"):
        n_groups, n_people = db.execute_sql(
            f"SELECT COUNT(*), COALESCE(SUM(n), 0) FROM (SELECT COUNT(*) AS n FROM customer "
            f"WHERE deleted_at IS NULL AND {column} <> '' GROUP BY {column} HAVING COUNT(*) > 1) AS shared"
        ).fetchone()
        groups += int(n_groups or 0)
        people += int(n_people or 0)
    return groups, people
