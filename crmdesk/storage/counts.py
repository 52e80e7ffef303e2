"""Aggregate queries (counts and sums) over the live records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from peewee import SQL, fn

from crmdesk.storage import models as m
from crmdesk.storage.listing import customer_of_deal_seen_by


def customers_by(column: str) -> dict[str, int]:
    field = getattr(m.Customer, column)
    query = (m.Customer.select(field, fn.COUNT(SQL("*"))).where(m.Customer.deleted_at.is_null())
             .group_by(field).tuples())
    return {str(key): int(n) for key, n in query}


def open_pipeline() -> tuple[int, int]:
    o = m.Opportunity
    n, total = (o.select(fn.COUNT(SQL("*")), fn.COALESCE(fn.SUM(o.amount_cents), 0))
                .where(o.deleted_at.is_null() & (o.status == "open")).tuples().get())
    return int(n), int(total)


def reminders_due(day: dt.date, seen_by: int | None = None) -> tuple[int, int]:
    """(open care tasks due on ``day``, open ones due before it); with ``seen_by``, the tasks of
    the customers that user sees and those of no customer (as the calendar shows them)."""
    r = m.Reminder
    live = r.deleted_at.is_null() & (r.status == "open")
    if seen_by is not None:
        live &= r.customer.is_null() | customer_of_deal_seen_by(seen_by, r.customer)
    due = r.select(fn.COUNT(SQL("*"))).where(live & (r.due_on == day)).scalar()
    overdue = r.select(fn.COUNT(SQL("*"))).where(live & (r.due_on < day)).scalar()
    return int(due or 0), int(overdue or 0)


def complaints_open(now_ms: int, finished: Sequence[str]) -> tuple[int, int]:
    k = m.Complaint
    live = k.deleted_at.is_null() & k.status.not_in(list(finished))
    total = k.select(fn.COUNT(SQL("*"))).where(live).scalar()
    late = k.select(fn.COUNT(SQL("*"))).where(live & (k.due_at < now_ms)).scalar()
    return int(total or 0), int(late or 0)


def distinct_cities(limit: int) -> list[str]:
    """Cities on file, in order: one index seek per city (a loose index scan), so a million
    customers in a few dozen cities cost a few dozen seeks rather than a full scan."""
    sql = (
        "WITH RECURSIVE cities(city, n) AS ("
        " SELECT (SELECT MIN(city) FROM customer WHERE city > '' AND deleted_at IS NULL), 1"
        " UNION ALL"
        " SELECT (SELECT MIN(city) FROM customer WHERE city > cities.city AND deleted_at IS NULL), n + 1"
        " FROM cities WHERE cities.city IS NOT NULL AND n < {limit})"
        " SELECT city FROM cities WHERE city IS NOT NULL"
    ).format(limit=int(limit))
    return [row[0] for row in m.Customer._meta.database.execute_sql(sql)]
