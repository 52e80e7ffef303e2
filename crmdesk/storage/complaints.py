"""Complaint queries: the filtered log and its statistics, in SQL.

``seen_by`` (a user id) keeps a statistic to the complaints of the customers that account
manager sees (see services.policy); None: every complaint, by the same query as before.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field, replace
from functools import reduce
from typing import TYPE_CHECKING

from peewee import JOIN, SQL, Case, Expression, ModelSelect, fn

from crmdesk.domain.complaints import DONE_STATUSES, OPEN_STATUSES
from crmdesk.domain.filters import UNASSIGNED, ComplaintFilter
from crmdesk.storage import engine, text_search
from crmdesk.storage import models as m
from crmdesk.storage.listing import customer_of_deal_seen_by
from crmdesk.storage.seen import record_seen

if TYPE_CHECKING:
    from crmdesk.storage.listing import Listing


def conditions(flt: ComplaintFilter, now_ms: int) -> Expression:
    """The WHERE of a filtered log (the query joins the customer)."""
    k = m.Complaint
    where: list[Expression] = [k.deleted_at.is_null()]
    for word in flt.text.split():  # each word in the description or in the customer
        where.append(k.id.in_(_matching_ids(word)))
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


def _matching_ids(text: str) -> SQL:
    """Complaints whose description matches, or whose customer the archive's search finds:
    both through full-text indexes, joined by the complaint's customer index."""
    from crmdesk.storage.listing import customer_search_ids

    parts, params = [], []
    described = text_search.complaint_ids(text, engine.is_sqlite())
    if described is not None:
        parts.append(described[0])
        params.extend(described[1])
    found = customer_search_ids(text)
    if found is not None:
        sql, args = found
        parts.append(f"SELECT id FROM complaint WHERE customer_id IN ({sql}) AND deleted_at IS NULL")
        params.extend(args)
    if not parts:
        return SQL("(SELECT NULL WHERE 1 = 0)")
    return engine.raw("(" + " UNION ".join(parts) + ")", params)


LARGE_RESULT = 5_000  # above this many matches, pages walk the sort index


def complaint_listing(flt: ComplaintFilter, now_ms: int, scope: Expression | None = None) -> Listing:
    """The log's rows for a filter. A search counts its matches straight from the search
    indexes, and a big result sorted by a complaint column is paged by walking that column's
    index (the matches are dense there) instead of sorting every match."""
    from crmdesk.storage.listing import Listing, Owner

    k, c, cat = m.Complaint, m.Customer, m.ComplaintCategory
    counted: dict[str, int] = {}
    cached: dict[str, Expression] = {}
    own = {"received_at": k.received_at, "status": k.status, "due_at": k.due_at}  # columns with an index
    rest = replace(flt, text="")

    def matches() -> list[int]:
        """The ids a search finds, read once for the count, the pages and the position."""
        db = m.Complaint._meta.database
        parts = [db.get_sql_context().sql(_matching_ids(word)).query() for word in flt.text.split()]
        sql = " INTERSECT ".join(f"SELECT * FROM {part} AS found{i}" for i, (part, _) in enumerate(parts))
        return [row[0] for row in db.execute_sql(sql, [a for _, args in parts for a in args])]

    def where() -> Expression:
        if "where" not in cached:
            if flt.text.split():
                found = matches()
                cached["n"] = len(found)  # type: ignore[assignment]
                ids = k.id.in_(engine.id_set(found))
                cached["where"] = conditions(rest, now_ms) & ids
            else:
                cached["where"] = conditions(flt, now_ms)
            if scope is not None:  # the complaints of customers the user may see
                cached["where"] = cached["where"] & scope
        return cached["where"]

    def joins() -> ModelSelect:
        return (k.select().join(c, on=(k.customer == c.id))
                .switch(k).join(cat, on=(k.category == cat.id), join_type=JOIN.LEFT_OUTER)
                .switch(k).join(Owner, on=(k.assignee == Owner.id), join_type=JOIN.LEFT_OUTER))

    def count() -> int:
        condition = where()
        if flt.text.split() and rest == ComplaintFilter() and scope is None:
            n = int(cached["n"])  # type: ignore[arg-type]
        else:
            n = int(k.select(fn.COUNT(SQL("*"))).where(condition).scalar() or 0)
        counted["n"] = n
        return n

    def id_page(sort_key: str, descending: bool, offset: int, limit: int) -> list[int] | None:
        order = own.get(sort_key)
        if order is None or counted.get("n", 0) <= LARGE_RESULT or not flt.text.strip() or not engine.is_sqlite():
            return None
        query = k.select(k.id).from_(SQL(f'"complaint" AS "t1" INDEXED BY "complaint_{sort_key}"'))
        ordering = (order.desc(), k.id.desc()) if descending else (order.asc(), k.id.asc())
        return [row[0] for row in query.where(where()).order_by(*ordering).offset(offset).limit(limit).tuples()]

    return Listing(
        base=lambda: joins().where(where()),
        rows_of=lambda: joins().where(k.deleted_at.is_null()),
        id_expr=k.id,
        columns=(
            ("received_at", k.received_at), ("customer", c.name), ("category", cat.name),
            ("severity", k.severity), ("status", k.status), ("due_at", k.due_at),
            # the deadline of complaints still being worked on (None once resolved)
            ("open_due", Case(None, [(k.status.in_(list(OPEN_STATUSES)), k.due_at)], None)),
            ("assignee", Owner.display_name), ("description", k.description),
        ),
        counter=count,
        id_page=id_page,
    )


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


def stats(received_from: int | None, received_until: int | None, now_ms: int,
          seen_by: int | None = None) -> ComplaintStats:
    """Statistics of the complaints received in a period (all time when both ends are None).

    Four passes over the period's complaints: the totals in one scan, categories with
    severities, times to resolve (for the 90th percentile), and complaints per customer. For
    all time a plain table scan beats every index, so none is used then.
    """
    db = m.Complaint._meta.database
    where, params = ["deleted_at IS NULL"], []
    if received_from is not None:
        where.append("received_at >= ?")
        params.append(received_from)
    if received_until is not None:
        where.append("received_at < ?")
        params.append(received_until)
    source = "complaint" + (" NOT INDEXED" if len(where) == 1 and engine.is_sqlite() else "")
    if seen_by is not None:
        where.append(record_seen("complaint.customer_id"))
        params.append(seen_by)
    cond = " AND ".join(where)
    done = "status IN ({})".format(", ".join(f"'{s}'" for s in DONE_STATUSES))
    out = ComplaintStats()
    total, resolved, average, on_time, rated, score = engine.execute(
        f"SELECT COUNT(*), {engine.count_where(f'{done} AND resolved_at IS NOT NULL')}, "
        f"AVG(CASE WHEN {done} AND resolved_at IS NOT NULL THEN (resolved_at - received_at) / 3600000.0 END), "
        f"{engine.count_where(f'{done} AND resolved_at <= due_at')}, COUNT(satisfaction), AVG(satisfaction) "
        f"FROM {source} WHERE {cond}", params).fetchone()
    out.total, out.resolved, out.rated = int(total or 0), int(resolved or 0), int(rated or 0)
    if out.resolved:
        out.average_hours = float(average)
        out.on_time_rate = int(on_time or 0) / out.resolved
        # The 90th percentile (nearest rank), from counts per minute: one scan, no sort of every row.
        rank = -(-out.resolved * 9 // 10)
        seen = 0
        for minutes, n in engine.execute(
                f"SELECT (resolved_at - received_at) / 60000 AS minutes, COUNT(*) FROM {source} "
                f"WHERE {cond} AND {done} AND resolved_at IS NOT NULL GROUP BY minutes ORDER BY minutes", params):
            seen += n
            if seen >= rank:
                out.p90_hours = minutes / 60
                break
    out.satisfaction = float(score) if out.rated else None
    names = dict(db.execute_sql("SELECT id, name FROM complaint_category").fetchall())
    by_category: dict[str, int] = {}
    for category, severity, n in engine.execute(
            f"SELECT category_id, severity, COUNT(*) FROM {source} WHERE {cond} GROUP BY 1, 2", params):
        key = names.get(category, "")
        by_category[key] = by_category.get(key, 0) + n
        out.by_severity[severity] = out.by_severity.get(severity, 0) + n
    out.by_category = sorted(by_category.items(), key=lambda item: (-item[1], item[0]))
    out.open, out.overdue = open_and_overdue(now_ms, seen_by)
    top = engine.execute(
        f"SELECT customer_id, COUNT(*) AS n FROM {source} WHERE {cond} GROUP BY customer_id HAVING COUNT(*) > 1 "
        "ORDER BY n DESC, customer_id LIMIT 10", params).fetchall()
    if top:
        c = m.Customer
        who = dict(c.select(c.id, c.name).where(c.id.in_([cid for cid, _ in top])).tuples())
        out.repeat = [(cid, who.get(cid, ""), n) for cid, n in top]
    return out


def open_and_overdue(now_ms: int, seen_by: int | None = None) -> tuple[int, int]:
    """(complaints being worked on, those past their deadline), through the status index."""
    opened = ", ".join(f"'{s}'" for s in OPEN_STATUSES)
    sql = (f"SELECT COUNT(*), {engine.count_where('due_at < ?')} FROM complaint"
           f" WHERE deleted_at IS NULL AND status IN ({opened})")
    params = [now_ms]
    if seen_by is not None:
        sql += f" AND {record_seen('complaint.customer_id')}"
        params.append(seen_by)
    live_open, late = engine.execute(sql, params).fetchone()
    return int(live_open or 0), int(late or 0)


def became_overdue(after_ms: int, until_ms: int, limit: int,
                   seen_by: int | None = None) -> tuple[int, list[tuple[int, str, str]]]:
    k, c = m.Complaint, m.Customer
    where = (k.deleted_at.is_null() & k.status.in_(list(OPEN_STATUSES)) & (k.due_at > after_ms)
             & (k.due_at <= until_ms))
    if seen_by is not None:
        where &= customer_of_deal_seen_by(seen_by, k.customer)
    total = int(k.select(fn.COUNT(SQL("*"))).where(where).scalar() or 0)
    first = list(k.select(k.id, c.name, k.description).join(c, on=(k.customer == c.id)).where(where)
                 .order_by(k.due_at, k.id).limit(limit).tuples())
    return total, first


def events_of(complaint_id: int) -> list[tuple]:
    """(at, user name, from status, to status, note) of a complaint, oldest first."""
    e, u = m.ComplaintEvent, m.User
    return list(e.select(e.at, u.display_name, e.from_status, e.to_status, e.note)
                .join(u, on=(e.user == u.id), join_type=JOIN.LEFT_OUTER)
                .where((e.complaint == complaint_id) & e.deleted_at.is_null()).order_by(e.at, e.id).tuples())
