"""What a customer's dossier reads that no other screen does: their open deals, their
complaints, and their orders summed per month. Each is one query on the customer's index."""

from __future__ import annotations

import datetime as dt

from peewee import JOIN, fn

from crmdesk.storage import models as m
from crmdesk.storage.listing import customer_of_deal_seen_by


def open_deals(customer_id: int, limit: int) -> list[tuple]:
    """(title, stage name, amount in cents, probability %, expected close) of open deals."""
    o, s = m.Opportunity, m.PipelineStage
    return list(o.select(o.title, s.name, o.amount_cents, fn.COALESCE(o.probability, s.probability), o.expected_close)
                .join(s, on=(o.stage == s.id))
                .where((o.customer == customer_id) & o.deleted_at.is_null() & (o.status == "open"))
                .order_by(o.expected_close.asc(nulls="LAST"), o.id).limit(limit).tuples())


def complaints_of(customer_id: int, limit: int) -> list[tuple]:
    """(received at, category, severity, status, description, satisfaction), newest first."""
    k, cat = m.Complaint, m.ComplaintCategory
    return list(k.select(k.received_at, cat.name, k.severity, k.status, k.description, k.satisfaction)
                .join(cat, JOIN.LEFT_OUTER, on=(k.category == cat.id))
                .where((k.customer == customer_id) & k.deleted_at.is_null())
                .order_by(k.received_at.desc(), k.id.desc()).limit(limit).tuples())


def order_months(customer_id: int, first: dt.date, until: dt.date) -> dict[str, int]:
    """Cents ordered per month ("YYYY-MM") on days in [first, until)."""
    o = m.Order
    query = (o.select(o.ordered_on, o.amount_cents)
             .where((o.customer == customer_id) & o.deleted_at.is_null() & (o.ordered_on >= first)
                    & (o.ordered_on < until)).tuples())
    out: dict[str, int] = {}
    for day, cents in query:  # a year of one customer's orders: few rows, summed here on any engine
        key = str(day)[:7]
        out[key] = out.get(key, 0) + int(cents or 0)
    return out


def customers_named(text: str, e164: str, limit: int = 3) -> list[int]:
    """Live customers whose name or phone is exactly ``text`` (or whose phone is ``e164``)."""
    c = m.Customer
    match = (c.name == text) | (c.phone == text)
    if e164:
        match |= c.phone_e164 == e164
    query = (c.select(c.id).where(c.deleted_at.is_null() & match)
             .order_by(c.id).limit(limit))
    return [row.id for row in query]


def complaint_status_counts(received_from: int | None, received_until: int | None,
                            seen_by: int | None = None) -> dict[str, int]:
    """Complaints received in [from, until) per status (of the customers ``seen_by`` sees, if given)."""
    k = m.Complaint
    where = k.deleted_at.is_null()
    if seen_by is not None:
        where &= customer_of_deal_seen_by(seen_by, k.customer)
    if received_from is not None:
        where &= k.received_at >= received_from
    if received_until is not None:
        where &= k.received_at < received_until
    return dict(k.select(k.status, fn.COUNT(k.id)).where(where).group_by(k.status).tuples())
