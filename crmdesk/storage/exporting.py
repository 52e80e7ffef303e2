"""Rows for exports, read in id order one page at a time (never every row at once)."""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Iterable, Iterator
from functools import reduce

from peewee import JOIN

from crmdesk.domain.filters import ComplaintFilter, CustomerFilter
from crmdesk.storage import engine
from crmdesk.storage import models as m
from crmdesk.storage.listing import Owner, customer_conditions

PAGE = 2_000

# (key, expression) of every exported customer column but the tags.
_CUSTOMER = m.Customer
CUSTOMER_COLUMNS = (
    ("name", _CUSTOMER.name), ("kind", _CUSTOMER.kind), ("company", _CUSTOMER.company),
    ("title", _CUSTOMER.title), ("phone", _CUSTOMER.phone), ("email", _CUSTOMER.email),
    ("city", _CUSTOMER.city), ("address", _CUSTOMER.address), ("category", _CUSTOMER.category),
    ("tier", _CUSTOMER.tier), ("stage", _CUSTOMER.stage), ("owner", Owner.display_name),
    ("source", _CUSTOMER.source), ("birthday_calendar", _CUSTOMER.birthday_calendar),
    ("birth_year", _CUSTOMER.birth_year), ("birth_month", _CUSTOMER.birth_month),
    ("birth_day", _CUSTOMER.birth_day), ("birth_leap_month", _CUSTOMER.birth_leap_month),
    ("last_contact_at", _CUSTOMER.last_contact_at), ("order_count", _CUSTOMER.order_count),
    ("order_total_cents", _CUSTOMER.order_total_cents), ("created_at", _CUSTOMER.created_at),
    ("notes", _CUSTOMER.notes),
)


def customer_pages(flt: CustomerFilter, now_ms: int, today: dt.date,
                   keys: Iterable[str] | None = None) -> Iterator[list[dict]]:
    """The customers a filter selects, as dicts of CUSTOMER_COLUMNS (or just ``keys`` of
    them) plus ``tags`` (a list, when wanted), ``PAGE`` at a time: each page is one query for
    the rows and one for their tags."""
    c = m.Customer
    where = reduce(operator.and_, customer_conditions(flt, now_ms, today))
    wanted = None if keys is None else set(keys)
    chosen = [(key, expr) for key, expr in CUSTOMER_COLUMNS if wanted is None or key in wanted]
    with_tags = wanted is None or "tags" in wanted
    names = [key for key, _ in chosen]
    last = 0
    while True:
        query = (c.select(c.id, *[expr for _, expr in chosen])
                 .join(Owner, on=(c.owner == Owner.id), join_type=JOIN.LEFT_OUTER)
                 .where(where & (c.id > last)).order_by(c.id).limit(PAGE).tuples())
        rows = list(query)
        if not rows:
            return
        ids = [row[0] for row in rows]
        tags = _tags_of(ids) if with_tags else {}
        yield [{"tags": tags.get(row[0], []), **dict(zip(names, row[1:], strict=True))} for row in rows]
        last = ids[-1]


def _tags_of(ids: list[int]) -> dict[int, list[str]]:
    ct, t = m.CustomerTag, m.Tag
    query = (ct.select(ct.customer, engine.group_concat(t.name, "\x1f"))
             .join(t, on=(ct.tag == t.id))
             .where(ct.customer.in_(ids) & ct.deleted_at.is_null() & t.deleted_at.is_null())
             .group_by(ct.customer).tuples())
    return {cid: sorted(names.split("\x1f")) for cid, names in query}


def complaint_pages(flt: ComplaintFilter, now_ms: int) -> Iterator[list[dict]]:
    """The complaints of the log's filter, ``PAGE`` at a time in id order."""
    from crmdesk.storage.complaints import conditions

    k, c, cat = m.Complaint, m.Customer, m.ComplaintCategory
    columns = (("received_at", k.received_at), ("customer", c.name), ("phone", c.phone), ("channel", k.channel),
               ("category", cat.name), ("severity", k.severity), ("status", k.status), ("due_at", k.due_at),
               ("assignee", Owner.display_name), ("description", k.description), ("resolved_at", k.resolved_at),
               ("resolution", k.resolution), ("root_cause", k.root_cause),
               ("compensation_cents", k.compensation_cents), ("satisfaction", k.satisfaction),
               ("satisfaction_comment", k.satisfaction_comment))
    keys = [key for key, _ in columns]
    where = conditions(flt, now_ms)
    last = 0
    while True:
        rows = list(k.select(k.id, *[expr for _, expr in columns]).join(c, on=(k.customer == c.id))
                    .switch(k).join(cat, JOIN.LEFT_OUTER, on=(k.category == cat.id))
                    .switch(k).join(Owner, JOIN.LEFT_OUTER, on=(k.assignee == Owner.id))
                    .where(where & (k.id > last)).order_by(k.id).limit(PAGE).tuples())
        if not rows:
            return
        yield [dict(zip(keys, row[1:], strict=True)) for row in rows]
        last = rows[-1][0]


REMINDER_KEYS = ("due_on", "due_time", "kind", "title", "customer", "phone", "status", "assignee",
                 "snoozed_until", "notes")


def reminder_pages(start: dt.date | None, until: dt.date | None, customer_id: int | None) -> Iterator[list[dict]]:
    """Open care tasks due in [start, until) (None: open-ended) or of one customer, as dicts
    of REMINDER_KEYS with the customer's phone, ``PAGE`` at a time in (due day, id) order."""
    from peewee import Tuple

    r, c = m.Reminder, m.Customer
    where = _reminder_where(start, until, customer_id)
    query = (r.select(r.id, r.due_on, r.due_time, r.kind, r.title, c.name, c.phone, r.status, Owner.display_name,
                      r.snoozed_until, r.notes)
             .join(c, JOIN.LEFT_OUTER, on=(r.customer == c.id))
             .switch(r).join(Owner, JOIN.LEFT_OUTER, on=(r.assignee == Owner.id)))
    after: tuple | None = None
    while True:
        page_where = where if after is None else where & (Tuple(r.due_on, r.id) > Tuple(*after))
        rows = list(query.where(page_where).order_by(r.due_on, r.id).limit(PAGE).tuples())
        if not rows:
            return
        yield [dict(zip(REMINDER_KEYS, row[1:], strict=True)) for row in rows]
        after = (rows[-1][1], rows[-1][0])


def reminder_count(start: dt.date | None, until: dt.date | None, customer_id: int | None) -> int:
    return m.Reminder.select().where(_reminder_where(start, until, customer_id)).count()


def _reminder_where(start: dt.date | None, until: dt.date | None, customer_id: int | None):  # noqa: ANN202
    from crmdesk.storage.care import _open_conditions  # the calendar's own idea of an open task

    r = m.Reminder
    where = _open_conditions((), customer_id)
    if start is not None:
        where &= r.due_on >= start
    if until is not None:
        where &= r.due_on < until
    return where
