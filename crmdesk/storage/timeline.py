"""Everything that happened with one customer, newest first, from several tables.

Each source is read newest-first a page at a time; the service merges them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from crmdesk.storage import models as m


@dataclass(frozen=True)
class Event:
    at_ms: int
    source: str  # interaction / order / deal / complaint / reminder
    kind: str  # the interaction kind, a deal's new stage, a complaint's status …
    title: str
    detail: str
    record_id: int


def _local_midnight_ms(day: dt.date | str) -> int:
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    return int(dt.datetime(day.year, day.month, day.day).timestamp() * 1000)


def interactions(customer_id: int, offset: int, limit: int) -> list[Event]:
    i = m.Interaction
    query = (i.select(i.id, i.occurred_at, i.kind, i.summary, i.details)
             .where((i.customer == customer_id) & i.deleted_at.is_null())
             .order_by(i.occurred_at.desc(), i.id.desc()).offset(offset).limit(limit).tuples())
    return [Event(at, "interaction", kind, summary, details, rid) for rid, at, kind, summary, details in query]


def orders(customer_id: int, offset: int, limit: int) -> list[Event]:
    o = m.Order
    query = (o.select(o.id, o.ordered_on, o.amount_cents, o.description)
             .where((o.customer == customer_id) & o.deleted_at.is_null())
             .order_by(o.ordered_on.desc(), o.id.desc()).offset(offset).limit(limit).tuples())
    return [Event(_local_midnight_ms(day), "order", "order", description, str(cents), rid)
            for rid, day, cents, description in query]


def deal_moves(customer_id: int, offset: int, limit: int) -> list[Event]:
    sc, o, s = m.StageChange, m.Opportunity, m.PipelineStage
    query = (sc.select(sc.id, sc.moved_at, o.title, s.name, s.kind)
             .join(o, on=(sc.opportunity == o.id)).switch(sc).join(s, on=(sc.to_stage == s.id))
             .where((o.customer == customer_id) & o.deleted_at.is_null() & sc.deleted_at.is_null())
             .order_by(sc.moved_at.desc(), sc.id.desc()).offset(offset).limit(limit).tuples())
    return [Event(at, "deal", kind, title, stage, rid) for rid, at, title, stage, kind in query]


def complaints(customer_id: int, offset: int, limit: int) -> list[Event]:
    k = m.Complaint
    query = (k.select(k.id, k.received_at, k.status, k.description, k.severity)
             .where((k.customer == customer_id) & k.deleted_at.is_null())
             .order_by(k.received_at.desc(), k.id.desc()).offset(offset).limit(limit).tuples())
    return [Event(at, "complaint", status, text, severity, rid) for rid, at, status, text, severity in query]


def reminders_done(customer_id: int, offset: int, limit: int) -> list[Event]:
    r = m.Reminder
    query = (r.select(r.id, r.done_at, r.kind, r.title)
             .where((r.customer == customer_id) & r.deleted_at.is_null() & (r.status == "done") & r.done_at.is_null(False))
             .order_by(r.done_at.desc(), r.id.desc()).offset(offset).limit(limit).tuples())
    return [Event(at, "reminder", kind, title, "", rid) for rid, at, kind, title in query]


SOURCES: dict[str, Callable[[int, int, int], list[Event]]] = {
    "interaction": interactions,
    "order": orders,
    "deal": deal_moves,
    "complaint": complaints,
    "reminder": reminders_done,
}
