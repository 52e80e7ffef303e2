"""The dashboard's aggregates: read from the running totals that migration 10's triggers keep
(migration 10 on SQLite, 12 on PostgreSQL), or else each in one pass over an index or a table.

The scanning forms stay for engines without the triggers and as the reference the totals are
checked against. Plain SQL that SQLite and PostgreSQL both run (``CASE`` rather than summed
booleans). Dates are ISO text in SQLite's date columns, so a day compares as
``date.isoformat()``.

``seen_by`` (a user id) keeps a figure to what that account manager sees (see
services.policy): their own and the unassigned customers, and those customers' records. The
running totals cover the whole book, so such a figure is one grouped query over the customers
they see instead, driven from the ``customer_live_owner`` index; without ``seen_by`` every
reader runs exactly as before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from crmdesk.storage import engine
from crmdesk.storage import models as m
from crmdesk.storage.seen import customer_seen, seen_customers


def _db():  # noqa: ANN202 - the models' peewee database
    return m.Customer._meta.database


@dataclass
class CustomerSnapshot:
    """Live customers now: how many, how they divide, and what is known of their data."""

    total: int = 0
    by_category: dict[str, int] = field(default_factory=dict)
    by_tier: dict[str, int] = field(default_factory=dict)
    by_stage: dict[str, int] = field(default_factory=dict)
    missing_phone: int = 0
    with_orders: int = 0
    order_total_cents: int = 0  # of those with orders


def has_rollups() -> bool:
    """Whether the running totals (migration 10, or 13 on PostgreSQL) are kept here, so that the
    readers below take them instead of scanning the tables."""
    return _db().table_exists("kpi_customer_tally")


# The running totals counted afresh (as migration 10 first filled them).
_REFILL = [
    "DELETE FROM kpi_customer_tally",
    "INSERT INTO kpi_customer_tally (category, tier, stage, customers, missing_phone, buyers, spent_cents) "
    "SELECT category, tier, stage, COUNT(*), SUM(CASE WHEN phone = '' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN order_count > 0 THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN order_count > 0 THEN order_total_cents ELSE 0 END) "
    "FROM customer WHERE deleted_at IS NULL GROUP BY category, tier, stage",
    "DELETE FROM kpi_order_day",
    "INSERT INTO kpi_order_day (day, orders, cents) SELECT ordered_on, COUNT(*), SUM(amount_cents) "
    "FROM sale_order WHERE deleted_at IS NULL GROUP BY ordered_on",
    "DELETE FROM kpi_contact_key",
    "INSERT INTO kpi_contact_key (kind, value, customers) SELECT 'phone', phone_e164, COUNT(*) FROM customer "
    "WHERE deleted_at IS NULL AND phone_e164 <> '' GROUP BY phone_e164",
    "INSERT INTO kpi_contact_key (kind, value, customers) SELECT 'email', email, COUNT(*) FROM customer "
    "WHERE deleted_at IS NULL AND email <> '' GROUP BY email",
]


def rebuild_rollups(db: Any = None) -> None:
    """Count the running totals afresh from the tables: after a bulk load that paused the
    triggers, or to repair totals found wrong. Call inside a transaction. ``db``: another
    database than the models' (a sync peer)."""
    db = db if db is not None else _db()
    if db.table_exists("kpi_customer_tally"):  # kept on either engine (migration 10, or 13 on PostgreSQL)
        for sql in _REFILL:
            db.execute_sql(sql)


def rollups_agree() -> bool:
    """Whether the running totals equal what a scan of the tables finds now."""
    if not has_rollups():
        return True
    edges = [dt.date(1900, 1, 1), dt.date(9999, 1, 1)]
    day_rows = "SELECT day, orders, cents FROM kpi_order_day WHERE orders <> 0 OR cents <> 0 ORDER BY day"
    scanned_days = ("SELECT ordered_on, COUNT(*), SUM(amount_cents) FROM sale_order WHERE deleted_at IS NULL"
                    " GROUP BY ordered_on ORDER BY ordered_on")
    db = _db()
    return (customer_snapshot() == customer_snapshot(scan=True)
            and duplicate_suspects() == duplicate_suspects(scan=True)
            and revenue_between(edges) == revenue_between(edges, scan=True)
            and [tuple(r) for r in db.execute_sql(day_rows)] == [tuple(r) for r in db.execute_sql(scanned_days)])


_TALLY_SCAN = (
    "SELECT category, tier, stage, COUNT(*), SUM(CASE WHEN phone = '' THEN 1 ELSE 0 END),"
    " SUM(CASE WHEN order_count > 0 THEN 1 ELSE 0 END),"
    " SUM(CASE WHEN order_count > 0 THEN order_total_cents ELSE 0 END)"
    " FROM customer WHERE deleted_at IS NULL GROUP BY category, tier, stage"
)
_TALLY_READ = ("SELECT category, tier, stage, customers, missing_phone, buyers, spent_cents FROM kpi_customer_tally"
               " WHERE customers <> 0")


def _tally_seen() -> str:
    """The scan of the tally, over the customers one user sees (one ``?``: the user)."""
    return _TALLY_SCAN.replace(" FROM customer WHERE", f" FROM {seen_customers('c')} WHERE").replace(
        " GROUP BY", f" AND {customer_seen('c')} GROUP BY")


def customer_snapshot(*, scan: bool = False, seen_by: int | None = None) -> CustomerSnapshot:
    """The live customers by category, tier and stage, from the running totals (or, with
    ``scan`` or where there are none, from one pass over the table; with ``seen_by``, one
    pass over the customers that user sees)."""
    if seen_by is not None:
        rows = engine.execute(_tally_seen(), [seen_by])
    else:
        rows = _db().execute_sql(_TALLY_SCAN if scan or not has_rollups() else _TALLY_READ)
    out = CustomerSnapshot()
    for category, tier, stage, n, no_phone, buyers, spent in rows:
        out.total += n
        for bucket, key in ((out.by_category, category), (out.by_tier, tier), (out.by_stage, stage)):
            bucket[key] = bucket.get(key, 0) + n
        out.missing_phone += int(no_phone or 0)
        out.with_orders += int(buyers or 0)
        out.order_total_cents += int(spent or 0)
    return out


# Two counts in one sum: a customer active at the start adds 1, and 2**32 more if still active
# at the end, so the one pass (and each index probe) is not repeated for the second count.
_RETAINED = 1 << 32


def retention(start: dt.date, until: dt.date, year_days: int, seen_by: int | None = None) -> tuple[int, int]:
    """(customers active when [start, until) began, how many of them were still active at its
    end), where active at a day means an order in the ``year_days`` before it (of the
    customers ``seen_by`` sees, if given).

    Reads the live customers who ordered since ``start - year_days`` from the index of their
    first and last order days; their first and last order settle most cases, and only the rest
    look for an order in a window, one probe of the order index each.
    """
    s_back = (start - dt.timedelta(days=year_days)).isoformat()
    u_back = (until - dt.timedelta(days=year_days)).isoformat()
    s, u = start.isoformat(), until.isoformat()
    ordered = ("EXISTS (SELECT 1 FROM sale_order o WHERE o.customer_id = c.id AND o.deleted_at IS NULL"
               " AND o.ordered_on >= ? AND o.ordered_on < ?)")
    # An order in [s_back, s): the first or the last one is in it, or one in between is.
    active = f"c.first_order_on < ? AND (c.first_order_on >= ? OR c.last_order_on < ? OR {ordered})"
    active_params = [s, s_back, s, s_back, s]
    # An order in [u_back, u), likewise.
    still = (f"(c.last_order_on >= ? AND c.last_order_on < ?) OR (c.first_order_on >= ? AND c.first_order_on < ?)"
             f" OR (c.last_order_on >= ? AND c.first_order_on < ? AND {ordered})")
    still_params = [u_back, u, u_back, u, u, u_back, u_back, u]
    table = "customer c" if seen_by is None else seen_customers("c")
    sql = (f"SELECT SUM(CASE WHEN {active} THEN CASE WHEN {still} THEN {_RETAINED + 1} ELSE 1 END ELSE 0 END)"
           f" FROM {table} WHERE c.deleted_at IS NULL AND c.last_order_on IS NOT NULL AND c.last_order_on >= ?")
    params = [*active_params, *still_params, s_back]
    if seen_by is not None:
        sql += f" AND {customer_seen('c')}"
        params.append(seen_by)
    packed = int(engine.execute(sql, params).fetchone()[0] or 0)
    return packed % _RETAINED, packed // _RETAINED


def created_between(bounds_ms: list[int], seen_by: int | None = None) -> list[int]:
    """Live customers created in each [bounds[i], bounds[i+1]), from the created_at index (with
    ``seen_by``: of the customers that user sees, counted in one grouped pass)."""
    if seen_by is not None:
        if len(bounds_ms) < 2:
            return []
        cases = " ".join(f"WHEN created_at < {int(edge)} THEN {i}" for i, edge in enumerate(bounds_ms[1:]))
        sql = (f"SELECT CASE {cases} END AS bucket, COUNT(*) FROM customer WHERE deleted_at IS NULL"
               f" AND created_at >= ? AND created_at < ? AND {customer_seen()} GROUP BY bucket")
        found = {int(b): int(n) for b, n in engine.execute(sql, [int(bounds_ms[0]), int(bounds_ms[-1]), seen_by])}
        return [found.get(i, 0) for i in range(len(bounds_ms) - 1)]
    db = _db()
    return [
        int(engine.execute("SELECT COUNT(*) FROM customer WHERE deleted_at IS NULL AND created_at >= ? "
                           "AND created_at < ?", [low, high], db).fetchone()[0])
        for low, high in zip(bounds_ms, bounds_ms[1:], strict=False)
    ]


def revenue_between(days: list[dt.date], *, scan: bool = False,
                    seen_by: int | None = None) -> list[tuple[int, int]]:
    """(orders, amount in cents) of live orders in each [days[i], days[i+1]), in one query: over
    the per-day totals, or (``scan``, or where there are none) one range of the order-day index.
    With ``seen_by``: the orders of the live customers that user sees, each customer's read from
    its range of the customer-and-day index (a binned customer's orders are hidden with it)."""
    if len(days) < 2:
        return []
    edges = [d.isoformat() for d in days]
    cases = " ".join(f"WHEN {{day}} < '{edge}' THEN {i}" for i, edge in enumerate(edges[1:]))
    params: list[object] = [edges[0], edges[-1]]
    if seen_by is not None:
        sql = (f"SELECT CASE {cases.format(day='o.ordered_on')} END AS bucket, COUNT(*), SUM(o.amount_cents)"
               f" FROM {seen_customers('c')} CROSS JOIN sale_order o"  # (SQLite: the customers outside)
               f" WHERE o.customer_id = c.id AND c.deleted_at IS NULL AND {customer_seen('c')}"
               " AND o.deleted_at IS NULL AND o.ordered_on >= ? AND o.ordered_on < ? GROUP BY bucket")
        params.insert(0, seen_by)
    elif scan or not has_rollups():
        sql = (f"SELECT CASE {cases.format(day='ordered_on')} END AS bucket, COUNT(*), SUM(amount_cents)"
               " FROM sale_order WHERE deleted_at IS NULL AND ordered_on >= ? AND ordered_on < ? GROUP BY bucket")
    else:
        sql = (f"SELECT CASE {cases.format(day='day')} END AS bucket, SUM(orders), SUM(cents)"
               " FROM kpi_order_day WHERE day >= ? AND day < ? GROUP BY bucket")
    found = {int(b): (int(n or 0), int(total or 0))
             for b, n, total in engine.execute(sql, params)}
    return [found.get(i, (0, 0)) for i in range(len(days) - 1)]


def duplicate_suspects(*, scan: bool = False, seen_by: int | None = None) -> tuple[int, int]:
    """(groups, customers) of live customers sharing a phone number or an e-mail address: the
    shared keys of the running totals, or (``scan``, or where there are none) a pass over the
    two partial indexes. A customer in both kinds of group counts in each. With ``seen_by``:
    among the customers that user sees. Two of them can share a key only if it is shared in
    the whole book, so where the running totals are kept only the customers of the (few)
    shared keys are looked at; elsewhere it is one pass over the seen customers per kind."""
    db = _db()
    if seen_by is not None:
        groups = people = 0
        for kind, column in (("phone", "phone_e164"), ("email", "email")):
            if has_rollups():
                source = "customer c"
                shared = (f" AND c.{column} IN"
                          f" (SELECT value FROM kpi_contact_key WHERE kind = '{kind}' AND customers > 1)")
            else:
                source, shared = seen_customers("c"), ""
            n_groups, n_people = engine.execute(
                f"SELECT COUNT(*), COALESCE(SUM(n), 0) FROM (SELECT COUNT(*) AS n FROM {source} "
                f"WHERE c.deleted_at IS NULL AND c.{column} <> ''{shared} AND {customer_seen('c')} "
                f"GROUP BY c.{column} HAVING COUNT(*) > 1) AS shared", [seen_by]).fetchone()
            groups += int(n_groups or 0)
            people += int(n_people or 0)
        return groups, people
    if not scan and has_rollups():
        n_groups, n_people = db.execute_sql(
            "SELECT COUNT(*), COALESCE(SUM(customers), 0) FROM kpi_contact_key WHERE customers > 1").fetchone()
        return int(n_groups), int(n_people)
    groups = people = 0
    for column in ("phone_e164", "email"):
        n_groups, n_people = db.execute_sql(
            f"SELECT COUNT(*), COALESCE(SUM(n), 0) FROM (SELECT COUNT(*) AS n FROM customer "
            f"WHERE deleted_at IS NULL AND {column} <> '' GROUP BY {column} HAVING COUNT(*) > 1) AS shared"
        ).fetchone()
        groups += int(n_groups or 0)
        people += int(n_people or 0)
    return groups, people
