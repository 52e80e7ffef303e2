"""Complaint queries: the filtered log and its statistics, in SQL."""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from functools import reduce

from peewee import JOIN, SQL, Case, Expression, fn

from crmdesk.domain.complaints import DONE_STATUSES, OPEN_STATUSES
from crmdesk.domain.filters import UNASSIGNED, ComplaintFilter
from crmdesk.storage import models as m


def conditions(flt: ComplaintFilter, now_ms: int) -> Expression:
    """The WHERE of a filtered log (the query joins the customer)."""
    k, c = m.Complaint, m.Customer
    where: list[Expression] = [k.deleted_at.is_null()]
    for word in flt.text.split():
        where.append(k.description.contains(word) | c.name.contains(word) | c.phone.contains(word))
    if flt.statuses:
        where.append(k.status.in_(list(flt.statuses)))
    if flt.severities:
        where.append(k.severity.in_(list(flt.severities)))
    if flt.category_id is not None:
        where.append(k.category == flt.category_id)
    if flt.assignee_id == UNASSIGNED:
        where.append(k.assignee.is_null())
    elif flt.assignee_id is not None:
        where.append(k.assignee == flt.assignee_id)
    if flt.overdue:
        where.append(k.status.in_(list(OPEN_STATUSES)) & (k.due_at < now_ms))
    if flt.received_from is not None:
        where.append(k.received_at >= flt.received_from)
    if flt.received_until is not None:
        where.append(k.received_at < flt.received_until)
    return reduce(operator.and_, where)


@dataclass
class ComplaintStats:
    total: int = 0
    by_category: list[tuple[str, int]] = field(default_factory=list)
    by_severity: dict[str, int] = field(default_factory=dict)
    resolved: int = 0
    average_hours: float | None = None  # received to resolved
    p90_hours: float | None = None
    on_time_rate: float | None = None  # resolved by the deadline, of those resolved
    satisfaction: float | None = None
    rated: int = 0
    open: int = 0
    overdue: int = 0
    repeat: list[tuple[int, str, int]] = field(default_factory=list)  # customer id, name, complaints


def stats(received_from: int | None, received_until: int | None, now_ms: int) -> ComplaintStats:
    """Statistics of the complaints received in a period (all time when both ends are None)."""
    k, cat, c = m.Complaint, m.ComplaintCategory, m.Customer
    where = conditions(ComplaintFilter(received_from=received_from, received_until=received_until), now_ms)
    # (no text in this filter, so the customer table need not be joined)
    out = ComplaintStats()
    out.total = int(k.select(fn.COUNT(SQL("*"))).where(where).scalar() or 0)
    out.by_category = [(name or "", n) for name, n in (
        k.select(cat.name, fn.COUNT(SQL("*"))).join(cat, JOIN.LEFT_OUTER, on=(k.category == cat.id))
        .where(where).group_by(cat.name).order_by(fn.COUNT(SQL("*")).desc()).tuples())]
    out.by_severity = dict(k.select(k.severity, fn.COUNT(SQL("*"))).where(where).group_by(k.severity).tuples())
    done = where & k.status.in_(list(DONE_STATUSES)) & k.resolved_at.is_null(False)
    hours = (k.resolved_at - k.received_at) / 3_600_000.0
    resolved, average, on_time = k.select(
        fn.COUNT(SQL("*")), fn.AVG(hours), fn.SUM(Case(None, [(k.resolved_at <= k.due_at, 1)], 0))).where(done).tuples().get()
    out.resolved = int(resolved or 0)
    if out.resolved:
        out.average_hours = float(average)
        out.on_time_rate = float(on_time or 0) / out.resolved
        rank = max(0, -(-out.resolved * 9 // 10) - 1)  # the 90th percentile, nearest rank
        out.p90_hours = float(k.select(hours).where(done).order_by(hours).offset(rank).limit(1).scalar())
    rated, score = k.select(fn.COUNT(k.satisfaction), fn.AVG(k.satisfaction)).where(
        where & k.satisfaction.is_null(False)).tuples().get()
    out.rated = int(rated or 0)
    out.satisfaction = float(score) if out.rated else None
    live_open = k.deleted_at.is_null() & k.status.in_(list(OPEN_STATUSES))
    out.open = int(k.select(fn.COUNT(SQL("*"))).where(live_open).scalar() or 0)
    out.overdue = int(k.select(fn.COUNT(SQL("*"))).where(live_open & (k.due_at < now_ms)).scalar() or 0)
    count = fn.COUNT(SQL("*"))
    out.repeat = list(
        k.select(k.customer, c.name, count).join(c, on=(k.customer == c.id)).where(where)
        .group_by(k.customer, c.name).having(count > 1).order_by(count.desc(), k.customer).limit(10).tuples())
    return out


def events_of(complaint_id: int) -> list[tuple]:
    """(at, user name, from status, to status, note) of a complaint, oldest first."""
    e, u = m.ComplaintEvent, m.User
    return list(e.select(e.at, u.display_name, e.from_status, e.to_status, e.note)
                .join(u, on=(e.user == u.id), join_type=JOIN.LEFT_OUTER)
                .where((e.complaint == complaint_id) & e.deleted_at.is_null()).order_by(e.at, e.id).tuples())
