"""Pipeline queries: the board's cards a page at a time, column totals, forecast, history.

Cards are light tuples (see :data:`CARD_FIELDS`); every aggregate is one grouped query.
``seen_by`` (a user id, as in ``DealFilter.seen_by``) keeps an aggregate to the deals of the
customers that account manager sees; None: all deals, by the same query as before.
"""

from __future__ import annotations

import operator
from functools import reduce

from peewee import JOIN, SQL, Case, Expression, Tuple, Value, fn

from crmdesk.domain.filters import UNASSIGNED, DealFilter
from crmdesk.storage import engine
from crmdesk.storage import models as m
from crmdesk.storage.listing import customer_of_deal_seen_by, customer_search_ids
from crmdesk.storage.seen import record_seen

CARD_FIELDS = (
    "id",
    "stamp",
    "title",
    "customer_id",
    "customer",
    "tier",
    "amount_cents",
    "probability",
    "expected_close",
    "owner",
    "stage_entered_at",
    "last_activity",
    "next_step",
    "next_step_due",
    "priority",
    "status",
    "position",
    "closed_at",
    "lost_reason",
    "stage_id",
)


def _live_customers(joined: bool) -> Expression:
    """The deal's customer is not in the recycle bin: through the join when there is one, else
    against the (few) binned customers, which an index lists without touching a customer row."""
    o, c = m.Opportunity, m.Customer
    if joined:
        return c.deleted_at.is_null()
    return o.customer.not_in(c.select(c.id).where(c.deleted_at.is_null(False)))


def _conditions(flt: DealFilter, joined: bool = True) -> Expression:
    """The filter as a condition; ``joined`` says whether the query joins the customer (only
    a tier filter needs the join: the search goes through the customers' search index)."""
    o, c = m.Opportunity, m.Customer
    where: list[Expression] = [o.deleted_at.is_null(), _live_customers(joined)]
    for word in flt.text.split():
        found = customer_search_ids(word)
        title = o.title.contains(word)
        where.append(title | o.customer.in_(engine.raw(f"({found[0]})", found[1])) if found else title)
    if flt.owner_id == UNASSIGNED:
        where.append(o.owner.is_null())
    elif flt.owner_id is not None:
        where.append(o.owner == flt.owner_id)
    if flt.tier:
        if not joined:
            raise ValueError("a tier filter needs the customer joined")
        where.append(c.tier == flt.tier)
    if flt.close_from is not None:
        where.append(o.expected_close >= flt.close_from)
    if flt.close_until is not None:
        where.append(o.expected_close < flt.close_until)
    if flt.seen_by is not None:
        where.append(customer_of_deal_seen_by(flt.seen_by, o.customer))
    return reduce(operator.and_, where)


def _probability() -> Expression:
    """A deal's probability: its own, or its stage's default."""
    return fn.COALESCE(m.Opportunity.probability, m.PipelineStage.probability)


def _weighted_sum() -> Expression:
    return fn.SUM(m.Opportunity.amount_cents * _probability()) / 100


def _with_stage(*fields, customer: bool = True):  # noqa: ANN002, ANN202 - a peewee query
    """Deals joined to their stage (and customer), the join every board query filters through.

    Aggregates leave the customer out unless they filter by tier: at a million customers,
    looking up every deal's customer row costs more than the rest of the query."""
    o, c, s = m.Opportunity, m.Customer, m.PipelineStage
    query = o.select(*fields)
    if customer:
        query = query.join(c, on=(o.customer == c.id)).switch(o)
    return query.join(s, on=(o.stage == s.id))


def _card_select():  # noqa: ANN202 - a peewee query
    o, c, r = m.Opportunity, m.Customer, m.LostReason
    owner = m.User.alias("owner")
    contact = fn.COALESCE(c.last_contact_at, 0)
    activity = Case(None, [(o.stage_entered_at > contact, o.stage_entered_at)], contact)  # the later of the two
    return (
        _with_stage(
            o.id,
            o.stamp,
            o.title,
            o.customer,
            c.name,
            c.tier,
            o.amount_cents,
            _probability(),
            o.expected_close,
            owner.display_name,
            o.stage_entered_at,
            activity,
            o.next_step,
            o.next_step_due,
            o.priority,
            o.status,
            o.position,
            o.closed_at,
            r.name,
            o.stage,
        )
        .switch(o)
        .join(owner, JOIN.LEFT_OUTER, on=(o.owner == owner.id))
        .switch(o)
        .join(r, JOIN.LEFT_OUTER, on=(o.lost_reason == r.id))
    )


def cards(stage_id: int, closed: bool, flt: DealFilter, after: tuple | None, limit: int) -> list[tuple]:
    """A page of a column's cards. Open columns are in card order (position, id); won and lost
    columns newest first (closed_at desc, id desc). ``after`` is the last card's sort key."""
    o = m.Opportunity
    query = _card_select().where(_conditions(flt) & (o.stage == stage_id))
    if closed:
        if after is not None:
            query = query.where(Tuple(o.closed_at, o.id) < Tuple(*after))
        query = query.order_by(o.closed_at.desc(), o.id.desc())
    else:
        if after is not None:
            query = query.where(Tuple(o.position, o.id) > Tuple(*after))
        query = query.order_by(o.position, o.id)
    return list(query.limit(limit).tuples())


def card(deal_id: int, flt: DealFilter | None = None) -> tuple | None:
    rows = list(
        _card_select().where((m.Opportunity.id == deal_id) & _conditions(flt or DealFilter())).tuples()
    )
    return rows[0] if rows else None


def column_totals(flt: DealFilter) -> dict[int, tuple[int, int, int]]:
    """Per stage id: (deals, amount, weighted amount) in cents."""
    o = m.Opportunity
    query = (
        _with_stage(
            o.stage,
            fn.COUNT(SQL("*")),
            fn.COALESCE(fn.SUM(o.amount_cents), 0),
            fn.COALESCE(_weighted_sum(), 0),
            customer=bool(flt.tier),
        )
        .where(_conditions(flt, joined=bool(flt.tier)))
        .group_by(o.stage)
    )
    return {sid: (n, int(total), int(w)) for sid, n, total, w in query.tuples()}


def forecast_rows(flt: DealFilter) -> list[tuple]:
    """Open deals grouped by (expected close day, owner): (day, owner id, owner, deals, amount, weighted)."""
    o = m.Opportunity
    owner = m.User.alias("owner")
    query = (
        _with_stage(
            o.expected_close,
            o.owner,
            owner.display_name,
            fn.COUNT(SQL("*")),
            fn.SUM(o.amount_cents),
            _weighted_sum(),
            customer=bool(flt.tier),
        )
        .switch(o)
        .join(owner, JOIN.LEFT_OUTER, on=(o.owner == owner.id))
        .where(_conditions(flt, joined=bool(flt.tier)) & (o.status == "open"))
        .group_by(o.expected_close, o.owner, owner.display_name)
    )
    return list(query.tuples())


def reach_rows(opened_from: int | None, opened_until: int | None, by_tier: bool = True,
               seen_by: int | None = None) -> list[tuple]:
    """Deals grouped by (customer tier, furthest open stage position reached, status): counts.

    A deal "reached" every open stage up to the furthest one its history shows; a won deal
    reached them all. Deals are those opened in [from, until) (ms), or all. Without
    ``by_tier`` the tier is "" and no customer row is read (much faster at 1M customers).
    """
    sc, s, o, c = m.StageChange, m.PipelineStage, m.Opportunity, m.Customer
    # The open stages' positions written into the query: no stage lookup per move.
    positions = [(sid, pos) for sid, pos in s.select(s.id, s.position).where(s.kind == "open").tuples()]
    if not positions:  # no open stage (a database not yet set up): no deal can have reached one
        return []
    furthest = (
        sc.select(sc.opportunity.alias("deal"), fn.MAX(Case(sc.to_stage, positions, None)).alias("reach"))
        .where(sc.deleted_at.is_null())
        .group_by(sc.opportunity)
        .alias("f")
    )
    where = [o.deleted_at.is_null(), _live_customers(by_tier)]
    if opened_from is not None:
        where.append(o.created_at >= opened_from)
    if opened_until is not None:
        where.append(o.created_at < opened_until)
    if seen_by is not None:
        where.append(customer_of_deal_seen_by(seen_by, o.customer))
    tier = c.tier if by_tier else Value("")
    query = o.select(tier, furthest.c.reach, o.status, fn.COUNT(SQL("*")))
    groups = [furthest.c.reach, o.status]
    if by_tier:
        query = query.join(c, on=(o.customer == c.id)).switch(o)
        groups.insert(0, c.tier)  # (a constant cannot be grouped by on every engine)
    query = (
        query.join(furthest, JOIN.LEFT_OUTER, on=(furthest.c.deal == o.id))
        .where(reduce(operator.and_, where))
        .group_by(*groups)
    )
    return list(query.tuples())


_BINNED_CUSTOMERS = "SELECT id FROM customer WHERE deleted_at IS NOT NULL"


def stage_durations(began_from: int | None, began_until: int | None,
                    seen_by: int | None = None) -> dict[int, tuple[int, float]]:
    """Per stage id: (finished stays, average stay in ms) of the stays that began in
    [from, until) (ms; None: open-ended), from consecutive history entries.

    One pass over the history index: binned deals are left out by a (short) list of their ids
    rather than by looking up each move's deal; the period applies to where a stay begins, so
    it costs nothing extra. With ``seen_by``, only the deals of the customers that user sees
    (whole deals are left out, so the stays of the others are unchanged).
    """
    mark = m.database_proxy.param
    bounds, params = "", []
    if began_from is not None:
        bounds += f" AND moved_at >= {mark}"
        params.append(began_from)
    if began_until is not None:
        bounds += f" AND moved_at < {mark}"
        params.append(began_until)
    dead = ("SELECT id FROM opportunity WHERE deleted_at IS NOT NULL"
            f" OR customer_id IN ({_BINNED_CUSTOMERS})")
    seen, seen_params = "", []
    if seen_by is not None:  # the deals of the customers seen, each by a probe of its customer's key
        seen = (" AND sc.opportunity_id IN (SELECT o.id FROM opportunity o WHERE"
                f" {engine.sql(record_seen('o.customer_id'))})")
        seen_params.append(seen_by)
    # Moves of one deal in the same millisecond follow each other in either order: the
    # stays between them are zero both ways, so the averages do not depend on it.
    sql = (
        "SELECT stage, COUNT(*), AVG(next_at - moved_at) FROM ("
        " SELECT sc.to_stage_id AS stage, sc.moved_at AS moved_at,"
        "  LEAD(sc.moved_at) OVER (PARTITION BY sc.opportunity_id ORDER BY sc.moved_at) AS next_at"
        f" FROM stage_change sc WHERE sc.deleted_at IS NULL AND sc.opportunity_id NOT IN ({dead}){seen}"
        f") AS stays WHERE next_at IS NOT NULL{bounds} GROUP BY stage"
    )
    cursor = m.database_proxy.execute_sql(sql, [*seen_params, *params])
    return {stage: (n, float(avg or 0)) for stage, n, avg in cursor.fetchall()}


def opened_summary(opened_from: int, opened_until: int, seen_by: int | None = None) -> tuple[int, int]:
    """(deals opened in [from, until) (ms), how many of them are won by now), of live
    customers: the cohort counts of :func:`reach_rows` without reading any stage history."""
    o = m.Opportunity
    where = [o.deleted_at.is_null(), _live_customers(False), o.created_at >= opened_from, o.created_at < opened_until]
    if seen_by is not None:
        where.append(customer_of_deal_seen_by(seen_by, o.customer))
    won = fn.SUM(Case(None, [(o.status == "won", 1)], 0))
    opened, n_won = o.select(fn.COUNT(SQL("*")), won).where(reduce(operator.and_, where)).tuples().get()
    return int(opened or 0), int(n_won or 0)


def closed_summary(closed_from: int | None, closed_until: int | None,
                   seen_by: int | None = None) -> tuple[int, int, float | None]:
    """(won, lost, average sales cycle of won deals in ms) for deals closed in the period."""
    o = m.Opportunity
    where = [o.deleted_at.is_null(), o.closed_at.is_null(False)]
    if seen_by is not None:
        where.append(customer_of_deal_seen_by(seen_by, o.customer))
    if closed_from is not None:
        where.append(o.closed_at >= closed_from)
    if closed_until is not None:
        where.append(o.closed_at < closed_until)
    won = fn.SUM(Case(None, [(o.status == "won", 1)], 0))
    lost = fn.SUM(Case(None, [(o.status == "lost", 1)], 0))
    cycle = fn.AVG(Case(None, [(o.status == "won", o.closed_at - o.created_at)]))
    n_won, n_lost, avg = o.select(won, lost, cycle).where(reduce(operator.and_, where)).tuples().get()
    return int(n_won or 0), int(n_lost or 0), None if avg is None else float(avg)


def neighbour_positions(
    stage_id: int, before_id: int | None, after_id: int | None
) -> tuple[float | None, float | None]:
    o = m.Opportunity

    def pos(deal_id: int | None) -> float | None:
        if deal_id is None:
            return None
        row = o.select(o.position).where((o.id == deal_id) & (o.stage == stage_id)).tuples().first()
        return None if row is None else row[0]

    return pos(before_id), pos(after_id)


def column_end(stage_id: int, excluding: int | None = None) -> float | None:
    """The last position in a column (leaving out the deal ``excluding``, the one being moved)."""
    o = m.Opportunity
    where = (o.stage == stage_id) & o.deleted_at.is_null()
    if excluding is not None:
        where &= o.id != excluding
    return o.select(fn.MAX(o.position)).where(where).scalar()


def renumber(stage_id: int) -> None:
    """Spread a column's positions out to whole numbers, keeping the order (rarely needed)."""
    o = m.Opportunity
    ids = [row[0] for row in o.select(o.id).where(o.stage == stage_id).order_by(o.position, o.id).tuples()]
    mark = m.database_proxy.param
    m.database_proxy.cursor().executemany(
        f"UPDATE opportunity SET position = {mark} WHERE id = {mark}",
        [(float(i + 1), deal) for i, deal in enumerate(ids)],
    )


def cards_by_ids(ids: list[int], flt: DealFilter) -> list[tuple]:
    """The cards of these deals that the filter lets through (for refreshing a few cards)."""
    if not ids:
        return []
    return list(_card_select().where(m.Opportunity.id.in_(ids) & _conditions(flt)).tuples())


EXPORT_FIELDS = (*CARD_FIELDS, "stage", "created_at", "stage_position")


def export_pages(flt: DealFilter, statuses: tuple[str, ...], size: int = 5000):  # noqa: ANN201 - a generator
    """Every deal the filter selects with one of ``statuses``, as dicts, a page at a time in
    board order (stage, then position)."""
    o, s = m.Opportunity, m.PipelineStage
    base = (_card_select().select_extend(s.name, o.created_at, s.position)
            .where(_conditions(flt) & o.status.in_(statuses)))
    after: tuple | None = None
    while True:
        query = base if after is None else base.where(Tuple(s.position, o.position, o.id) > Tuple(*after))
        rows = [dict(zip(EXPORT_FIELDS, row, strict=True))
                for row in query.order_by(s.position, o.position, o.id).limit(size).tuples()]
        if not rows:
            return
        yield rows
        last = rows[-1]
        after = (last["stage_position"], last["position"], last["id"])
