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
from crmdesk.domain.filters import UNASSIGNED, ComplaintFilter, CustomerFilter, lunar_days_in_month
from crmdesk.storage import engine, text_search
from crmdesk.storage import models as m
from crmdesk.storage.name_key import ID_MASK, name_key, prefix_range

UNHANDLED = object()


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
    id_page: Callable[[str, bool, int, int], list[int] | None] | None = None
    # ``base`` with a lighter WHERE, to read the rows of ids ``id_page`` already chose (a
    # search condition there would be evaluated again for nothing).
    rows_of: Callable[[], ModelSelect] | None = None
    # A faster way to find a record's row for some orders: returns UNHANDLED for the others.
    locate: Callable[[int, str, bool], int | None | object] | None = None

    @property
    def keys(self) -> list[str]:
        return [key for key, _ in self.columns]

    def count(self) -> int:
        if self.counter is not None:
            return self.counter()
        return int(self.base().select(fn.COUNT(SQL("*"))).scalar() or 0)

    def page(self, sort_key: str, descending: bool, offset: int, limit: int) -> list[tuple]:
        ids = self.id_page(sort_key, descending, offset, limit) if self.id_page is not None else None
        if ids is not None:  # (an id_page may decline an order by answering None)
            by_id = {row[0]: row for row in self.rows(ids)} if ids else {}
            return [by_id[i] for i in ids if i in by_id]
        exprs = dict(self.columns)
        order = self.sort_by.get(sort_key, exprs[sort_key])
        ordering = [engine.ordering(order, descending, getattr(self.id_expr, "model", None)),
                    self.id_expr.desc() if descending else self.id_expr.asc()]
        query = (self.base().select(self.id_expr, *exprs.values())
                 .order_by(*ordering).offset(offset).limit(limit).tuples())
        return list(query)

    def position_of(self, record_id: int, sort_key: str, descending: bool) -> int | None:
        """The row at which ``record_id`` stands in this order, or None if it is not listed."""
        if self.locate is not None:
            found = self.locate(record_id, sort_key, descending)
            if found is not UNHANDLED:
                return found  # type: ignore[return-value]
        exprs = dict(self.columns)
        order = self.sort_by.get(sort_key, exprs[sort_key])
        found = self.base().select(order).where(self.id_expr == record_id).tuples().first()
        if found is None:
            return None
        value, key = found[0], self.id_expr
        # NULLs come first when ascending and last when descending (SQLite's order; see engine.ordering).
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
        source = self.rows_of or self.base
        return list(source().select(self.id_expr, *exprs.values()).where(self.id_expr.in_(list(ids))).tuples())


Owner = m.User.alias("owner")


def owned_or_unassigned(user_id: int, c: type[m.Customer] = m.Customer) -> Expression:
    """Customers of ``user_id`` and nobody's: what an account manager sees. Written as the
    expression the ``customer_live_owner`` index holds (nobody's is owner 0 there), so one
    index answers both halves: an OR of two conditions would look up every row."""
    return fn.COALESCE(c.owner, SQL("0")).in_(SQL("(0, %s)" % m.database_proxy.param, [user_id]))


def customer_of_deal_seen_by(user_id: int, customer_column: object) -> Expression:
    """A record whose customer ``user_id`` owns or nobody owns, checked by the customer's key."""
    seen = m.Customer.alias("seen")
    return fn.EXISTS(seen.select(SQL("1")).where((seen.id == customer_column) & owned_or_unassigned(user_id, seen)))


def live_customer_count() -> int:
    """All rows minus the tombstoned ones: a bare COUNT(*) is near-instant at a million rows,
    and the deleted ones are found through their small partial index."""
    c = m.Customer
    total = c.select(fn.COUNT(SQL("*"))).scalar()
    deleted = c.select(fn.COUNT(SQL("*"))).where(c.deleted_at.is_null(False)).scalar()
    return int(total or 0) - int(deleted or 0)


def customer_conditions(flt: CustomerFilter, now_ms: int, today: dt.date,
                        scope: Expression | None = None) -> list[Expression]:
    """SQL conditions for a filter (live customers only, within ``scope`` when given)."""
    c = m.Customer
    where = _other_conditions(flt, now_ms, today)
    if scope is not None:
        where.append(scope)
    found = customer_search_ids(flt.text)
    if found is not None:
        sql, params = found
        where.append(c.id.in_(engine.raw(f"({sql})", params)))
    return where


def _search_index(text: str) -> tuple[str, str] | None:
    """The FTS5 index (SQLite) a search box entry queries, and its MATCH argument; None on
    other engines, which search the customer table itself (see :mod:`text_search`)."""
    return text_search.fts_index(search.parse(text)) if engine.is_sqlite() else None


def customer_search_ids(text: str) -> tuple[str, list[str]] | None:
    """A subquery (SQL with ``?`` placeholders, params) of the ids of live customers a search
    box entry finds."""
    return text_search.customer_ids(text, engine.is_sqlite())


def _other_conditions(flt: CustomerFilter, now_ms: int, today: dt.date) -> list[Expression]:
    """The conditions of a filter other than its search text."""
    c = m.Customer
    where: list[Expression] = [c.deleted_at.is_null()]
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
    if flt.missing_phone:
        where.append(c.phone == "")
    if flt.created_from is not None:
        where.append(c.created_at >= flt.created_from)
    if flt.created_until is not None:
        where.append(c.created_at < flt.created_until)
    if flt.ordered_from is not None or flt.ordered_until is not None:
        o = m.Order
        dated = [o.deleted_at.is_null()]
        if flt.ordered_from is not None:
            dated.append(o.ordered_on >= flt.ordered_from)
        if flt.ordered_until is not None:
            dated.append(o.ordered_on < flt.ordered_until)
        where.append(c.id.in_(o.select(o.customer).where(*dated)))
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
    found = _search_index(flt.text)
    if found is not None:
        table, match = found
        sql, params = f"SELECT COUNT(*) FROM {table} WHERE {table} MATCH ?", [match]
    else:
        where = text_search.customer_condition(search.parse(flt.text))
        if where is None:
            return None
        sql, params = f"SELECT COUNT(*) FROM customer WHERE deleted_at IS NULL AND {where[0]}", where[1]
    return int(engine.execute(sql, params).fetchone()[0])


class _NameOrderedSearch:
    """Pages of a search sorted by name, read from the search index in its row-number order.

    The index's row numbers are name keys (see ``name_key``): the index hands out its matches
    already ordered by the first letters of the name, so a page needs only the matches whose
    keys tie with the page's first and last rows, sorted exactly — not every match.
    """

    def __init__(self, table: str, match: str, others: list[Expression]) -> None:
        self.table, self.match = table, match
        c = m.Customer
        extra = others[1:]  # the index holds live customers only: "not deleted" is implied
        self.extra_sql, self.extra_params = "", []
        if extra:
            sub = c.select(SQL("1")).where(
                (c.id == SQL(f"(f.rowid & {ID_MASK})")) & reduce(operator.and_, extra))
            sql, params = sub.sql()
            self.extra_sql, self.extra_params = f" AND EXISTS ({sql})", list(params)

    def _keys(self, tail: str, params: list, column: str = "f.rowid") -> list[int]:
        sql = (f"SELECT {column} FROM {self.table} AS f WHERE f.{self.table} MATCH ?{self.extra_sql} {tail}")
        db = m.Customer._meta.database
        return [row[0] for row in db.execute_sql(sql, [self.match, *self.extra_params, *params])]

    def page(self, descending: bool, offset: int, limit: int) -> list[int]:
        direction = "DESC" if descending else "ASC"
        keys = self._keys(f"ORDER BY f.rowid {direction} LIMIT ? OFFSET ?", [limit, offset])
        if not keys:
            return []
        before, ids = self._tied(min(keys[0], keys[-1]), max(keys[0], keys[-1]), descending)
        start = offset - before
        return ids[start:start + limit]

    def _tied(self, first: int, last: int, descending: bool) -> tuple[int, list[int]]:
        """How many matches come before the name prefixes of two keys, and the ids of the
        matches with those prefixes, exactly sorted."""
        low, high = prefix_range(first, last)
        outside = "f.rowid > ?" if descending else "f.rowid < ?"
        before = self._keys(f"AND {outside}", [high if descending else low], "COUNT(*)")[0]
        tied = self._keys("AND f.rowid BETWEEN ? AND ?", [low, high], f"f.rowid & {ID_MASK}")
        c = m.Customer
        order = (c.name_pinyin.desc(), c.id.desc()) if descending else (c.name_pinyin.asc(), c.id.asc())
        ids = (c.select(c.id).where(c.id.in_(engine.id_set(tied)))
               .order_by(*order).tuples())
        return before, [row[0] for row in ids]

    def position(self, record_id: int, descending: bool) -> int | None:
        """The row of a customer in these pages, or None if the search does not list it."""
        c = m.Customer
        found = c.select(c.name_pinyin).where((c.id == record_id) & c.deleted_at.is_null()).tuples().first()
        if found is None:
            return None
        key = name_key(found[0], record_id)
        if not self._keys("AND f.rowid = ?", [key]):
            return None
        before, ids = self._tied(key, key, descending)
        return before + ids.index(record_id)


def customers(flt: CustomerFilter | None = None, now_ms: int = 0, today: dt.date | None = None,
              scope: Expression | None = None) -> Listing:
    """The customers a filter selects; ``scope`` (see services.policy) keeps only the ones the
    user may see."""
    c = m.Customer
    flt = flt or CustomerFilter()
    where = reduce(operator.and_, customer_conditions(flt, now_ms, today or dt.date.today(), scope))
    counted: dict[str, int] = {}

    def count() -> int:
        if flt.is_empty and scope is None:
            n = live_customer_count()
        else:
            n = _search_only_count(flt) if scope is None else None
            if n is None:
                n = int(c.select(fn.COUNT(SQL("*"))).where(where).scalar() or 0)
        counted["n"] = n
        return n

    def name_ordered(sort_key: str) -> _NameOrderedSearch | None:
        """The fast reader of a big search sorted by name, when that is what is asked."""
        found = _search_index(flt.text) if sort_key == "name" else None
        if found is None or counted.get("n", 0) <= LARGE_RESULT:
            return None
        others = _other_conditions(flt, now_ms, today or dt.date.today())
        return _NameOrderedSearch(*found, others if scope is None else [*others, scope])

    def locate(record_id: int, sort_key: str, descending: bool) -> int | None | object:
        reader = name_ordered(sort_key)
        return UNHANDLED if reader is None else reader.position(record_id, descending)

    def id_page(sort_key: str, descending: bool, offset: int, limit: int) -> list[int]:
        reader = name_ordered(sort_key)
        if reader is not None:
            return reader.page(descending, offset, limit)
        if sort_key == "owner":
            query = c.select(c.id).join(Owner, on=(c.owner == Owner.id), join_type=JOIN.LEFT_OUTER)
            order = Owner.display_name
        else:
            column = LIVE_INDEXES.get(sort_key, sort_key)
            order = getattr(c, column)
            query = c.select(c.id)
            if ((flt.text or scope is not None) and column in LIVE_INDEXES.values()
                    and counted.get("n", 0) > LARGE_RESULT and engine.is_sqlite()):
                # Many matches (of a search, or an account manager's customers): walk the sort
                # index, keeping the rows that match, rather than looking up and sorting them all.
                query = query.from_(SQL(f'"customer" AS "t1" INDEXED BY "customer_live_{column}"'))
        ordering = (engine.ordering(order, descending, c), c.id.desc() if descending else c.id.asc())
        return [row[0] for row in query.where(where).order_by(*ordering).offset(offset).limit(limit).tuples()]

    def joins() -> ModelSelect:
        return c.select().join(Owner, on=(c.owner == Owner.id), join_type=JOIN.LEFT_OUTER)

    return Listing(
        base=lambda: joins().where(where),
        rows_of=lambda: joins().where(c.deleted_at.is_null()),
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
        locate=locate,
    )


def _within(where: Expression, scope: Expression | None) -> Expression:
    return where if scope is None else where & scope


def open_opportunities(scope: Expression | None = None) -> Listing:
    """Open deals; ``scope`` is a condition on their customer (joined as ``customer``)."""
    o, s, c = m.Opportunity, m.PipelineStage, m.Customer
    return Listing(
        base=lambda: o.select().join(s, on=(o.stage == s.id)).switch(o).join(c, on=(o.customer == c.id))
        .switch(o).join(Owner, on=(o.owner == Owner.id), join_type=JOIN.LEFT_OUTER)
        .where(_within(o.deleted_at.is_null() & (o.status == "open"), scope)),
        id_expr=o.id,
        columns=(
            ("stage", s.position), ("title", o.title), ("customer", c.name), ("amount_cents", o.amount_cents),
            ("probability", fn.COALESCE(o.probability, s.probability)), ("expected_close", o.expected_close),
            ("owner", Owner.display_name), ("stage_entered_at", o.stage_entered_at), ("stage_name", s.name),
        ),
    )


def open_reminders(today: dt.date, scope: Expression | None = None) -> Listing:
    """Open care tasks; ``scope`` is a condition on the task (see services.policy.related_scope)."""
    r, c = m.Reminder, m.Customer
    overdue = Case(None, [(r.due_on < today, 1)], 0)
    return Listing(
        base=lambda: r.select().join(c, on=(r.customer == c.id), join_type=JOIN.LEFT_OUTER)
        .switch(r).join(Owner, on=(r.assignee == Owner.id), join_type=JOIN.LEFT_OUTER)
        .where(_within(r.deleted_at.is_null() & (r.status == "open"), scope)),
        id_expr=r.id,
        columns=(
            ("due_on", r.due_on), ("kind", r.kind), ("title", r.title), ("customer", c.name),
            ("assignee", Owner.display_name), ("overdue", overdue),
        ),
    )


def complaints(flt: ComplaintFilter | None = None, now_ms: int = 0, scope: Expression | None = None) -> Listing:
    from crmdesk.storage.complaints import complaint_listing

    return complaint_listing(flt or ComplaintFilter(), now_ms, scope)


def customer_ids(flt: CustomerFilter, now_ms: int, today: dt.date, scope: Expression | None = None) -> list[int]:
    """The ids a filter selects (within ``scope``), in id order (for bulk actions)."""
    c = m.Customer
    where = reduce(operator.and_, customer_conditions(flt, now_ms, today, scope))
    return [row[0] for row in c.select(c.id).where(where).order_by(c.id).tuples()]
