"""Paged, SQL-sorted row sources for the big tables of the panes.

A :class:`Listing` never loads every row: it counts, and it fetches one page of light tuples
(the record id first) ordered in SQL by any of its columns, with the id as tie-breaker so the
order is total and stable.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import reduce

from peewee import JOIN, SQL, Case, Expression, ModelSelect, Value, fn

from crmdesk.domain import search
from crmdesk.domain.filters import UNASSIGNED, CustomerFilter, lunar_days_in_month
from crmdesk.storage import models as m


@dataclass(frozen=True)
class Listing:
    """Rows of one table view: ``columns`` are (key, SQL expression) pairs."""

    base: Callable[[], ModelSelect]  # the FROM / JOIN / WHERE part, without columns
    id_expr: object
    columns: Sequence[tuple[str, object]]
    sort_by: Mapping[str, object] = field(default_factory=dict)  # key -> expression to order by
    counter: Callable[[], int] | None = None  # a faster count than COUNT(*) over ``base``
    # Ids of one page in order, from a narrower query than ``base`` (a deferred join): when
    # given, a page is read as ids first and then the rows of just those ids.
    id_page: Callable[[str, bool, int, int], list[int]] | None = None

    @property
    def keys(self) -> list[str]:
        return [key for key, _ in self.columns]

    def count(self) -> int:
        if self.counter is not None:
            return self.counter()
        return int(self.base().select(fn.COUNT(SQL("*"))).scalar() or 0)

    def page(self, sort_key: str, descending: bool, offset: int, limit: int) -> list[tuple]:
        if self.id_page is not None:
            ids = self.id_page(sort_key, descending, offset, limit)
            by_id = {row[0]: row for row in self.rows(ids)} if ids else {}
            return [by_id[i] for i in ids if i in by_id]
        exprs = dict(self.columns)
        order = self.sort_by.get(sort_key, exprs[sort_key])
        ordering = [order.desc() if descending else order.asc(),
                    self.id_expr.desc() if descending else self.id_expr.asc()]
        query = (self.base().select(self.id_expr, *exprs.values())
                 .order_by(*ordering).offset(offset).limit(limit).tuples())
        return list(query)

    def position_of(self, record_id: int, sort_key: str, descending: bool) -> int | None:
        """The row at which ``record_id`` stands in this order, or None if it is not listed."""
        exprs = dict(self.columns)
        order = self.sort_by.get(sort_key, exprs[sort_key])
        found = self.base().select(order).where(self.id_expr == record_id).tuples().first()
        if found is None:
            return None
        value, key = found[0], self.id_expr
        # SQLite puts NULLs first when ascending and last when descending.
        if not descending:
            before = (order.is_null() & (key < record_id)) if value is None else (
                order.is_null() | (order < value) | ((order == value) & (key < record_id)))
        else:
            before = (order.is_null(False) | (key > record_id)) if value is None else (
                (order > value) | ((order == value) & (key > record_id)))
        return int(self.base().select(fn.COUNT(SQL("*"))).where(before).scalar() or 0)

    def rows(self, ids: Sequence[int]) -> list[tuple]:
        """The rows of the given ids, in no particular order."""
        exprs = dict(self.columns)
        return list(self.base().select(self.id_expr, *exprs.values()).where(self.id_expr.in_(list(ids))).tuples())


Owner = m.User.alias("owner")


def live_customer_count() -> int:
    """All rows minus the tombstoned ones: a bare COUNT(*) is near-instant at a million rows,
    and the deleted ones are found through their small partial index."""
    c = m.Customer
    total = c.select(fn.COUNT(SQL("*"))).scalar()
    deleted = c.select(fn.COUNT(SQL("*"))).where(c.deleted_at.is_null(False)).scalar()
    return int(total or 0) - int(deleted or 0)


def customer_conditions(flt: CustomerFilter, now_ms: int, today: dt.date) -> list[Expression]:
    """SQL conditions for a filter (live customers only)."""
    c = m.Customer
    where: list[Expression] = [c.deleted_at.is_null()]
    query = search.parse(flt.text)
    if query.digits is not None:
        phrase = '"' + query.digits + '"'
        where.append(c.id.in_(SQL("(SELECT rowid FROM customer_phone_fts WHERE customer_phone_fts MATCH ?)", [phrase])))
    if query.text_match is not None:
        where.append(c.id.in_(SQL("(SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?)", [query.text_match])))
    if flt.categories:
        where.append(c.category.in_(list(flt.categories)))
    if flt.tiers:
        where.append(c.tier.in_(list(flt.tiers)))
    if flt.stages:
        where.append(c.stage.in_(list(flt.stages)))
    if flt.owner_id == UNASSIGNED:
        where.append(c.owner.is_null())
    elif flt.owner_id is not None:
        where.append(c.owner == flt.owner_id)
    if flt.tag_id is not None:
        tagged = m.CustomerTag.select(m.CustomerTag.customer).where(
            (m.CustomerTag.tag == flt.tag_id) & m.CustomerTag.deleted_at.is_null()
        )
        where.append(c.id.in_(tagged))
    if flt.city:
        where.append(c.city == flt.city)
    if flt.no_contact_days is not None:
        cutoff = now_ms - flt.no_contact_days * 86_400_000
        where.append(c.last_contact_at.is_null() | (c.last_contact_at < cutoff))
    if flt.birthday_this_month:
        solar = (c.birthday_calendar == "solar") & (c.birth_month == today.month)
        lunar_any = [(mo, d) for mo, d, leap in lunar_days_in_month(today.year, today.month) if not leap]
        lunar_leap = [(mo, d) for mo, d, leap in lunar_days_in_month(today.year, today.month) if leap]
        lunar = Value(False)
        for mo, d in lunar_any:
            lunar = lunar | ((c.birth_month == mo) & (c.birth_day == d))
        for mo, d in lunar_leap:
            lunar = lunar | ((c.birth_month == mo) & (c.birth_day == d) & (c.birth_leap_month == True))  # noqa: E712
        where.append(solar | ((c.birthday_calendar == "lunar") & lunar))
    if flt.ids:
        where.append(c.id.in_(list(flt.ids)))
    return where


# Sort keys with a partial index of live customers (see models.Customer).
LIVE_INDEXES = {"name": "name_pinyin", "phone": "phone", "city": "city", "category": "category", "tier": "tier",
                "stage": "stage", "last_contact_at": "last_contact_at", "order_total_cents": "order_total_cents",
                "created_at": "created_at"}
# A search with more matches than this is paged by walking the sort index and keeping the
# matching rows, instead of sorting every match.
LARGE_RESULT = 5_000


def _search_only_count(flt: CustomerFilter) -> int | None:
    """The count straight from a full-text index (it holds live customers only), when the
    filter is nothing but a search; None otherwise."""
    if not flt.text or replace(flt, text="") != CustomerFilter():
        return None
    query = search.parse(flt.text)
    db = m.Customer._meta.database
    if query.digits is not None and query.text_match is None:
        sql, arg = "SELECT COUNT(*) FROM customer_phone_fts WHERE customer_phone_fts MATCH ?", f'"{query.digits}"'
    elif query.text_match is not None and query.digits is None:
        sql, arg = "SELECT COUNT(*) FROM customer_fts WHERE customer_fts MATCH ?", query.text_match
    else:
        return None
    return int(db.execute_sql(sql, (arg,)).fetchone()[0])


def customers(flt: CustomerFilter | None = None, now_ms: int = 0, today: dt.date | None = None) -> Listing:
    c = m.Customer
    flt = flt or CustomerFilter()
    where = reduce(operator.and_, customer_conditions(flt, now_ms, today or dt.date.today()))
    counted: dict[str, int] = {}

    def count() -> int:
        if flt.is_empty:
            n = live_customer_count()
        else:
            n = _search_only_count(flt)
            if n is None:
                n = int(c.select(fn.COUNT(SQL("*"))).where(where).scalar() or 0)
        counted["n"] = n
        return n

    def id_page(sort_key: str, descending: bool, offset: int, limit: int) -> list[int]:
        if sort_key == "owner":
            query = c.select(c.id).join(Owner, on=(c.owner == Owner.id), join_type=JOIN.LEFT_OUTER)
            order = Owner.display_name
        else:
            column = LIVE_INDEXES.get(sort_key, sort_key)
            order = getattr(c, column)
            query = c.select(c.id)
            if flt.text and column in LIVE_INDEXES.values() and counted.get("n", 0) > LARGE_RESULT:
                # Many matches: walk the sort index, keeping rows in the (once collected) match
                # set, rather than looking up and sorting every match.
                query = query.from_(SQL(f'"customer" AS "t1" INDEXED BY "customer_live_{column}"'))
        ordering = (order.desc(), c.id.desc()) if descending else (order.asc(), c.id.asc())
        return [row[0] for row in query.where(where).order_by(*ordering).offset(offset).limit(limit).tuples()]

    return Listing(
        base=lambda: c.select().join(Owner, on=(c.owner == Owner.id), join_type=JOIN.LEFT_OUTER)
        .where(where),
        id_expr=c.id,
        columns=(
            ("name", c.name), ("phone", c.phone), ("city", c.city), ("category", c.category),
            ("tier", c.tier), ("stage", c.stage), ("owner", Owner.display_name),
            ("last_contact_at", c.last_contact_at), ("order_total_cents", c.order_total_cents),
            ("created_at", c.created_at),
        ),
        # Chinese readers expect names in pinyin order (安 before 白), not code-point order.
        sort_by={"name": c.name_pinyin},
        counter=count,
        id_page=id_page,
    )


def open_opportunities() -> Listing:
    o, s, c = m.Opportunity, m.PipelineStage, m.Customer
    return Listing(
        base=lambda: o.select().join(s, on=(o.stage == s.id)).switch(o).join(c, on=(o.customer == c.id))
        .switch(o).join(Owner, on=(o.owner == Owner.id), join_type=JOIN.LEFT_OUTER)
        .where(o.deleted_at.is_null() & (o.status == "open")),
        id_expr=o.id,
        columns=(
            ("stage", s.position), ("title", o.title), ("customer", c.name), ("amount_cents", o.amount_cents),
            ("probability", fn.COALESCE(o.probability, s.probability)), ("expected_close", o.expected_close),
            ("owner", Owner.display_name), ("stage_entered_at", o.stage_entered_at), ("stage_name", s.name),
        ),
    )


def open_reminders(today: dt.date) -> Listing:
    r, c = m.Reminder, m.Customer
    overdue = Case(None, [(r.due_on < today, 1)], 0)
    return Listing(
        base=lambda: r.select().join(c, on=(r.customer == c.id), join_type=JOIN.LEFT_OUTER)
        .switch(r).join(Owner, on=(r.assignee == Owner.id), join_type=JOIN.LEFT_OUTER)
        .where(r.deleted_at.is_null() & (r.status == "open")),
        id_expr=r.id,
        columns=(
            ("due_on", r.due_on), ("kind", r.kind), ("title", r.title), ("customer", c.name),
            ("assignee", Owner.display_name), ("overdue", overdue),
        ),
    )


def complaints() -> Listing:
    k, c, cat = m.Complaint, m.Customer, m.ComplaintCategory
    return Listing(
        base=lambda: k.select().join(c, on=(k.customer == c.id))
        .switch(k).join(cat, on=(k.category == cat.id), join_type=JOIN.LEFT_OUTER)
        .switch(k).join(Owner, on=(k.assignee == Owner.id), join_type=JOIN.LEFT_OUTER)
        .where(k.deleted_at.is_null()),
        id_expr=k.id,
        columns=(
            ("received_at", k.received_at), ("customer", c.name), ("category", cat.name),
            ("severity", k.severity), ("status", k.status), ("due_at", k.due_at),
            ("assignee", Owner.display_name), ("description", k.description),
        ),
    )


def customer_ids(flt: CustomerFilter, now_ms: int, today: dt.date) -> list[int]:
    """The ids a filter selects, in id order (for bulk actions)."""
    c = m.Customer
    where = reduce(operator.and_, customer_conditions(flt, now_ms, today))
    return [row[0] for row in c.select(c.id).where(where).order_by(c.id).tuples()]
