"""The sales pipeline: deals created, edited, moved between stages, won, lost and reopened.

Every change is one transaction, checked against the stamp the caller last saw (so a card
moved on a stale board is refused instead of overwriting someone's newer change), and
records the move in the stage history. A move returns an :class:`Undo` that puts it back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from crmdesk.domain import metrics as rules
from crmdesk.domain import pipeline as rule
from crmdesk.domain.changes import Changes
from crmdesk.domain.clock import as_date, local_date, today
from crmdesk.domain.enums import Category, DealStatus, ReminderKind, StageKind
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, ConflictError, NotFoundError, ValidationError
from crmdesk.domain.filters import DealFilter
from crmdesk.domain.ids import new_uid
from crmdesk.services.context import Context
from crmdesk.services import audit, policy, sync_clock
from crmdesk.services.customers import get_live
from crmdesk.storage import models as m
from crmdesk.storage import pipeline as queries
from crmdesk.storage.transactions import atomic

MAX_LOST_NOTE = 500
AFTER_SALE_DAYS = 7  # a follow-up call this many days after a won deal's order


# -- stages and lost reasons ------------------------------------------------------------------
@dataclass(frozen=True)
class Stage:
    id: int
    name: str
    position: int
    probability: int
    rotting_days: int | None
    kind: str

    @property
    def closed(self) -> bool:
        return self.kind != StageKind.OPEN


def stages() -> list[Stage]:
    """The live stages in board order."""
    s = m.PipelineStage
    query = s.select().where(s.deleted_at.is_null()).order_by(s.position, s.id)
    return [Stage(r.id, r.name, r.position, r.probability, r.rotting_days, r.kind) for r in query]


def _stage_of_kind(kind: str) -> Stage:
    return next(s for s in stages() if s.kind == kind)


def lost_reasons() -> list[tuple[int, str]]:
    r = m.LostReason
    return [(row.id, row.name) for row in r.select().where(r.deleted_at.is_null()).order_by(r.position, r.id)]


def save_stages(ctx: Context, wanted: list[rule.StageInput]) -> Changes:
    """Replace the stage list: rename, re-order, add, change defaults; remove empty stages.

    A stage that still holds deals cannot be removed (move its deals first), and the won and
    lost stages keep their kind (the history points at them).
    """
    policy.require(ctx, policy.Permission.SETTINGS)
    wanted = rule.validate_stages(wanted)
    now = ctx.now()
    with atomic():
        current = {s.id: s for s in stages()}
        for stage in wanted:
            if stage.id is not None and stage.id not in current:
                raise NotFoundError(QT_TRANSLATE_NOOP("errors", "A stage was removed by someone else; reopen the dialog."))
            if stage.id is not None and current[stage.id].kind != stage.kind:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "The won and lost stages cannot change their kind."),
                                      field="kind")
        removed = set(current) - {s.id for s in wanted if s.id is not None}
        for stage_id in removed:
            o = m.Opportunity
            if o.select().where((o.stage == stage_id) & o.deleted_at.is_null()).exists():
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "The stage “{name}” still holds deals; move them to another stage first."),
                    field="name", name=current[stage_id].name)
        if removed:
            m.PipelineStage.update(deleted_at=now, stamp=now).where(m.PipelineStage.id.in_(removed)).execute()
        for position, stage in enumerate(wanted, start=1):
            values = dict(name=stage.name, position=position, probability=stage.probability,
                          rotting_days=stage.rotting_days if stage.kind == StageKind.OPEN else None, stamp=now)
            if stage.id is None:
                m.PipelineStage.create(uid=new_uid(), kind=stage.kind, **values)
            else:
                m.PipelineStage.update(**values).where(m.PipelineStage.id == stage.id).execute()
    return Changes(settings=True, everything=True)


def save_lost_reasons(ctx: Context, wanted: list[tuple[int | None, str]]) -> Changes:
    """Replace the managed list of lost reasons (in order). Removed reasons stay on the deals
    that used them, but are no longer offered."""
    policy.require(ctx, policy.Permission.SETTINGS)
    names, cleaned = set(), []
    for reason_id, name in wanted:
        name = " ".join(name.split())
        if not name:
            continue
        if name.casefold() in names:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{name}” is in the list twice."), field="name", name=name)
        names.add(name.casefold())
        cleaned.append((reason_id, name))
    if not cleaned:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Keep at least one lost reason."), field="name")
    now, r = ctx.now(), m.LostReason
    with atomic():
        kept = {reason_id for reason_id, _ in cleaned if reason_id is not None}
        r.update(deleted_at=now, stamp=now).where(r.deleted_at.is_null() & r.id.not_in(kept)).execute()
        for position, (reason_id, name) in enumerate(cleaned, start=1):
            if reason_id is None:
                r.create(uid=new_uid(), stamp=now, name=name, position=position)
            else:
                r.update(name=name, position=position, stamp=now).where(r.id == reason_id).execute()
    return Changes(settings=True)


# -- reading the board --------------------------------------------------------------------------
@dataclass(frozen=True)
class Card:
    """What a card on the board shows, plus what a move needs (the stamp and sort key)."""

    id: int
    stamp: int
    title: str
    customer_id: int
    customer: str
    tier: str
    amount_cents: int
    probability: int
    expected_close: dt.date | None
    owner: str
    stage_entered_at: int
    last_activity: int
    next_step: str
    next_step_due: dt.date | None
    priority: int
    status: str
    position: float
    closed_at: int | None
    lost_reason: str
    stage_id: int
    days_in_stage: int = 0
    rotting: bool = False
    step_overdue: bool = False

    @property
    def weighted_cents(self) -> int:
        return rule.weighted_cents(self.amount_cents, self.probability)

    def sort_key(self) -> tuple:
        return (self.closed_at, self.id) if self.status != DealStatus.OPEN else (self.position, self.id)


def _card(row: tuple, rotting_days: dict[int, int | None], now: int, day: dt.date) -> Card:
    values = dict(zip(queries.CARD_FIELDS, row, strict=True))
    values["expected_close"] = as_date(values["expected_close"])
    values["next_step_due"] = as_date(values["next_step_due"])
    values["owner"] = values["owner"] or ""
    values["lost_reason"] = values["lost_reason"] or ""
    is_open = values["status"] == DealStatus.OPEN
    due = values["next_step_due"]
    return Card(
        **values,
        days_in_stage=rule.days_between(values["stage_entered_at"], values["closed_at"] or now),
        rotting=is_open and rule.is_rotting(values["last_activity"], rotting_days.get(values["stage_id"]), now),
        step_overdue=is_open and due is not None and due < day,
    )


def _rotting_limits() -> dict[int, int | None]:
    return {s.id: s.rotting_days for s in stages()}


def cards(ctx: Context, stage: Stage, flt: DealFilter, after: tuple | None = None, limit: int = 100) -> list[Card]:
    """A page of the column's cards after the sort key ``after`` (None: from the top)."""
    limits, now, day = {stage.id: stage.rotting_days}, ctx.now(), today(ctx.clock)  # the column's own limit
    flt = policy.deal_filter(ctx, flt)
    return [_card(r, limits, now, day) for r in queries.cards(stage.id, stage.closed, flt, after, limit)]


def card(ctx: Context, deal_id: int) -> Card | None:
    row = queries.card(deal_id, policy.deal_filter(ctx, DealFilter()))
    return None if row is None else _card(row, _rotting_limits(), ctx.now(), today(ctx.clock))


@dataclass(frozen=True)
class Totals:
    count: int = 0
    amount_cents: int = 0
    weighted_cents: int = 0


def column_totals(flt: DealFilter, ctx: Context | None = None) -> dict[int, Totals]:
    """Per stage: deals, amount and weighted amount (of the deals ``ctx`` may see)."""
    flt = flt if ctx is None else policy.deal_filter(ctx, flt)
    return {sid: Totals(*values) for sid, values in queries.column_totals(flt).items()}


def cards_by_ids(ctx: Context, ids: list[int], flt: DealFilter) -> list[Card]:
    """The current cards of these deals that the filter lets through (deleted ones are absent)."""
    limits, now, day = _rotting_limits(), ctx.now(), today(ctx.clock)
    flt = policy.deal_filter(ctx, flt)
    return [_card(r, limits, now, day) for r in queries.cards_by_ids(sorted(ids), flt)]


@dataclass(frozen=True)
class Board:
    """Everything the board paints first: the stages, each column's totals and first page."""

    stages: list[Stage]
    totals: dict[int, Totals]
    pages: dict[int, list[Card]]


def board(ctx: Context, flt: DealFilter, page: int) -> Board:
    every = stages()
    limits, now, day = {s.id: s.rotting_days for s in every}, ctx.now(), today(ctx.clock)
    flt = policy.deal_filter(ctx, flt)
    pages = {s.id: [_card(r, limits, now, day) for r in queries.cards(s.id, s.closed, flt, None, page)]
             for s in every}
    return Board(every, column_totals(flt), pages)


# -- creating and editing ---------------------------------------------------------------------
def _live(deal_id: int) -> m.Opportunity:
    row = m.Opportunity.get_or_none((m.Opportunity.id == deal_id) & m.Opportunity.deleted_at.is_null())
    if row is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "That deal does not exist or was deleted."))
    return row


def _unchanged(deal_id: int, stamp: int | None) -> m.Opportunity:
    """The live deal, provided nobody changed it since the caller read it at ``stamp``."""
    row = _live(deal_id)
    if stamp is not None and row.stamp != stamp:
        raise ConflictError(QT_TRANSLATE_NOOP(
            "errors", "Someone changed “{title}” in the meantime; the board shows the current state now."),
            title=row.title)
    return row


def _checked(deal_id: int, stamp: int | None) -> m.Opportunity:
    """As :func:`_unchanged`, and its customer is not in the recycle bin (work on the deal needs them)."""
    row = _unchanged(deal_id, stamp)
    customer = m.Customer.get_or_none(m.Customer.id == row.customer_id)
    if customer is None or customer.deleted_at is not None:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "The customer of “{title}” was deleted; restore the customer to work on the deal."),
            title=row.title)
    return row


def _open_deal(deal_id: int, stamp: int | None) -> m.Opportunity:
    """As :func:`_checked`, for closing: the deal must still be open."""
    row = _checked(deal_id, stamp)
    if row.status != DealStatus.OPEN:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{title}” is already closed."), title=row.title)
    return row


def _next_stamp(ctx: Context, row: m.Opportunity) -> int:
    """A stamp newer than the row's, even when two changes fall in the same millisecond."""
    return max(ctx.now(), row.stamp + 1)


def _record_move(ctx: Context, deal_id: int, from_stage: int | None, to_stage: int, at: int) -> int:
    return m.StageChange.create(uid=new_uid(), stamp=at, opportunity=deal_id, from_stage=from_stage,
                                to_stage=to_stage, moved_at=at, user=ctx.user_id).id


def _deal_columns(data: rule.DealInput) -> dict[str, Any]:
    return dict(customer=data.customer_id, title=data.title, amount_cents=data.amount_cents,
                probability=data.probability, expected_close=data.expected_close, owner=data.owner_id,
                priority=data.priority, next_step=data.next_step, next_step_due=data.next_step_due)


def create_deal(ctx: Context, data: rule.DealInput) -> tuple[int, Changes]:
    policy.require_customer(ctx, data.customer_id)
    data = rule.validate_deal(data, today(ctx.clock))
    now = ctx.now()
    with atomic():
        get_live(data.customer_id)
        stage = next((s for s in stages() if s.id == data.stage_id), None) if data.stage_id else None
        if stage is None:
            stage = next(s for s in stages() if s.kind == StageKind.OPEN)
        if stage.closed:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A new deal starts in an open stage."), field="stage")
        end = queries.column_end(stage.id)
        row = m.Opportunity.create(uid=new_uid(), stamp=now, stage=stage.id, status=DealStatus.OPEN,
                                   position=rule.position_between(end, None), created_at=now,
                                   stage_entered_at=now, **_deal_columns(data))
        _record_move(ctx, row.id, None, stage.id, now)
        audit.created(ctx, row, {**_deal_columns(data), "stage": stage.id})
    return row.id, Changes(opportunities={row.id}, customers={data.customer_id})


@dataclass(frozen=True)
class DealRecord:
    """A stored deal as the dialog edits it."""

    id: int
    stamp: int
    data: rule.DealInput
    customer: str
    stage_id: int
    status: str
    stage_probability: int


def load_deal(deal_id: int) -> DealRecord:
    row = _live(deal_id)
    data = rule.DealInput(row.customer_id, row.title, row.amount_cents, row.probability, as_date(row.expected_close),
                          row.owner_id, row.priority, row.next_step, as_date(row.next_step_due), row.stage_id)
    customer = m.Customer.get_by_id(row.customer_id)
    return DealRecord(row.id, row.stamp, data, customer.name, row.stage_id, row.status,
                      m.PipelineStage.get_by_id(row.stage_id).probability)


def update_deal(ctx: Context, deal_id: int, data: rule.DealInput, stamp: int | None) -> Changes:
    policy.require_record(ctx, m.Opportunity, deal_id)
    policy.require_customer(ctx, data.customer_id)
    with atomic():
        row = _checked(deal_id, stamp)
        data = rule.validate_deal(data, today(ctx.clock), old_close=as_date(row.expected_close))
        get_live(data.customer_id)
        values = _deal_columns(data)
        before = {k: getattr(row, f"{k}_id" if k in ("customer", "owner") else k) for k in values}
        before = {k: as_date(v) if k in ("expected_close", "next_step_due") else v for k, v in before.items()}
        diff = {k: [before[k], v] for k, v in values.items() if before[k] != v}
        if not diff:
            return Changes()
        m.Opportunity.update(stamp=_next_stamp(ctx, row), **values).where(m.Opportunity.id == deal_id).execute()
        audit.record(ctx, "opportunity", row.uid, "update", diff)
    return Changes(opportunities={deal_id}, customers={row.customer_id, data.customer_id})


def delete_deal(ctx: Context, deal_id: int, stamp: int | None = None) -> Changes:
    """Move a deal to the recycle bin (a tombstone, with its stage history kept)."""
    policy.require_record(ctx, m.Opportunity, deal_id)
    with atomic():
        row = _unchanged(deal_id, stamp)  # a deal of a binned customer may still be binned itself
        now = _next_stamp(ctx, row)
        m.Opportunity.update(deleted_at=now, stamp=now).where(m.Opportunity.id == deal_id).execute()
        audit.changed(ctx, row, "delete", {"deleted_at": None}, {"deleted_at": now}, always=True)
    return Changes(opportunities={deal_id}, customers={row.customer_id})


# -- moving -----------------------------------------------------------------------------------
DEAL_STATE = ("stage", "status", "position", "stage_entered_at", "closed_at", "lost_reason")
CUSTOMER_STATE = ("category", "tier", "stage")


@dataclass(frozen=True)
class Undo:
    """How to put a move back: the deal's state before, and what the move created."""

    deal_id: int
    stamp: int  # the deal's stamp right after the move: undo refuses if it changed since
    before: dict[str, Any]
    stage_change_id: int | None = None
    order_id: int | None = None
    customer_before: dict[str, Any] | None = None


@dataclass(frozen=True)
class Moved:
    changes: Changes
    undo: Undo | None = None
    stage_changed: bool = False


def _state(row: m.Opportunity) -> dict[str, Any]:
    return {k: getattr(row, f"{k}_id" if k in ("stage", "lost_reason") else k) for k in DEAL_STATE}


def _slot(stage_id: int, deal_id: int, after_id: int | None) -> float:
    """A position in the column right below the card ``after_id`` (None: at the top)."""
    o = m.Opportunity
    column = (o.stage == stage_id) & o.deleted_at.is_null() & (o.id != deal_id)
    if after_id is None:
        before = None
        nxt = o.select(o.position).where(column).order_by(o.position, o.id).tuples().first()
    else:
        anchor = o.get_or_none((o.id == after_id) & (o.stage == stage_id) & o.deleted_at.is_null())
        if anchor is None:  # the card the user dropped below has moved away: go to the end
            return rule.position_between(queries.column_end(stage_id, excluding=deal_id), None)
        before = anchor.position
        nxt = (o.select(o.position).where(column & ((o.position > before) | ((o.position == before) & (o.id > after_id))))
               .order_by(o.position, o.id).tuples().first())
    after = None if nxt is None else nxt[0]
    if rule.needs_renumbering(before, after):
        queries.renumber(stage_id)
        return _slot(stage_id, deal_id, after_id)
    return rule.position_between(before, after)


def move_deal(ctx: Context, deal_id: int, stamp: int | None, to_stage_id: int, after_id: int | None = None) -> Moved:
    """Put an open deal in an open stage, right below the card ``after_id`` (None: on top).

    Moving to the won or lost stage goes through :func:`win_deal` / :func:`lose_deal`, which
    ask for what closing needs.
    """
    policy.require_record(ctx, m.Opportunity, deal_id)
    with atomic():
        row = _checked(deal_id, stamp)
        if row.status != DealStatus.OPEN:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "“{title}” is closed; reopen it before moving it to an open stage."), title=row.title)
        target = next((s for s in stages() if s.id == to_stage_id), None)
        if target is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("errors", "That stage no longer exists."))
        if target.closed:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Closing a deal needs an order amount or a lost reason."))
        if after_id == deal_id:
            return Moved(Changes())
        before = _state(row)
        now, stamp = ctx.now(), _next_stamp(ctx, row)
        values: dict[str, Any] = dict(stage=to_stage_id, position=_slot(to_stage_id, deal_id, after_id), stamp=stamp)
        change_id = None
        changed_stage = to_stage_id != row.stage_id
        if changed_stage:
            values["stage_entered_at"] = now
            change_id = _record_move(ctx, deal_id, row.stage_id, to_stage_id, now)
            audit.changed(ctx, row, "move", {"stage": row.stage_id}, {"stage": to_stage_id})
        m.Opportunity.update(**values).where(m.Opportunity.id == deal_id).execute()
    undo = Undo(deal_id, stamp, before, stage_change_id=change_id)
    return Moved(Changes(opportunities={deal_id}, customers={row.customer_id}), undo, changed_stage)


def _figures(customer_id: int) -> None:
    """The customer's order figures from its live orders, then the suggested tier and stage for
    the ones not chosen by hand."""
    from peewee import fn

    o = m.Order
    count, total, first, last = (o.select(fn.COUNT(o.id), fn.COALESCE(fn.SUM(o.amount_cents), 0), fn.MIN(o.ordered_on),
                                          fn.MAX(o.ordered_on))
                                 .where((o.customer == customer_id) & o.deleted_at.is_null()).tuples().get())
    m.Customer.update(order_count=count, order_total_cents=total, first_order_on=first,
                      last_order_on=last).where(m.Customer.id == customer_id).execute()


def _retier(ctx: Context, customer_id: int) -> None:
    row = m.Customer.get_by_id(customer_id)
    found = rules.compute(row.order_count, row.order_total_cents, as_date(row.first_order_on), as_date(row.last_order_on),
                          local_date(row.last_contact_at) if row.last_contact_at else None, today(ctx.clock))
    values: dict[str, Any] = {"stamp": ctx.now()}
    if not row.tier_manual:
        values["tier"] = found.suggested_tier
    if not row.stage_manual:
        values["stage"] = found.suggested_stage
    m.Customer.update(**values).where(m.Customer.id == customer_id).execute()


def win_deal(ctx: Context, deal_id: int, stamp: int | None, order_cents: int, ordered_on: dt.date | None = None,
             description: str = "") -> Moved:
    """Close the deal as won: it records the order, and a potential (or former) customer
    becomes an existing one with figures, tier and stage brought up to date."""
    policy.require_record(ctx, m.Opportunity, deal_id)
    rule.check_order_amount(order_cents)
    day = ordered_on or today(ctx.clock)
    if day > today(ctx.clock):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The order date cannot be in the future."), field="ordered_on")
    with atomic():
        row = _open_deal(deal_id, stamp)
        won = _stage_of_kind(StageKind.WON)
        before = _state(row)
        now, stamp = ctx.now(), _next_stamp(ctx, row)
        customer = m.Customer.get_by_id(row.customer_id)
        customer_before = {k: getattr(customer, k) for k in CUSTOMER_STATE}
        order = m.Order.create(uid=new_uid(), stamp=stamp, customer=row.customer_id, ordered_on=day,
                               amount_cents=order_cents, description=(description.strip() or row.title)[:200],
                               opportunity=deal_id)
        # The care calendar asks how the customer is getting on a week after the sale.
        m.Reminder.create(uid=new_uid(), stamp=stamp, customer=row.customer_id, kind=ReminderKind.AFTER_SALE.value,
                          title=order.description, notes="", due_on=today(ctx.clock) + dt.timedelta(days=AFTER_SALE_DAYS),
                          status="open", source_key=f"after-sale:{order.uid}", assignee=row.owner_id, created_at=now)
        m.Opportunity.update(stage=won.id, status=DealStatus.WON, closed_at=now, stage_entered_at=now,
                             position=0, lost_reason=None, stamp=stamp).where(m.Opportunity.id == deal_id).execute()
        change_id = _record_move(ctx, deal_id, row.stage_id, won.id, now)
        if customer.category != Category.EXISTING:
            m.Customer.update(category=Category.EXISTING).where(m.Customer.id == customer.id).execute()
        _figures(customer.id)
        _retier(ctx, customer.id)
        audit.changed(ctx, row, "won", {"stage": row.stage_id, "status": row.status, "order_cents": None},
                      {"stage": won.id, "status": DealStatus.WON, "order_cents": order_cents})
        after = m.Customer.get_by_id(customer.id)
        audit.changed(ctx, after, "won", customer_before, {k: getattr(after, k) for k in CUSTOMER_STATE})
    undo = Undo(deal_id, stamp, before, change_id, order.id, customer_before)
    return Moved(Changes(opportunities={deal_id}, customers={row.customer_id}), undo, True)


def lose_deal(ctx: Context, deal_id: int, stamp: int | None, reason_id: int | None, note: str = "") -> Moved:
    """Close the deal as lost, with a reason from the managed list (required)."""
    policy.require_record(ctx, m.Opportunity, deal_id)
    note = note.strip()
    if len(note) > MAX_LOST_NOTE:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The note is at most {limit} characters."), field="note",
                              limit=MAX_LOST_NOTE)
    with atomic():
        reason = None if reason_id is None else m.LostReason.get_or_none(
            (m.LostReason.id == reason_id) & m.LostReason.deleted_at.is_null())
        if reason is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose why the deal was lost."), field="reason")
        row = _open_deal(deal_id, stamp)
        lost = _stage_of_kind(StageKind.LOST)
        before = _state(row)
        now, stamp = ctx.now(), _next_stamp(ctx, row)
        values: dict[str, Any] = dict(stage=lost.id, status=DealStatus.LOST, closed_at=now, stage_entered_at=now,
                                      position=0, lost_reason=reason.id, stamp=stamp)
        if note:
            values["next_step"] = note[:rule.MAX_NEXT_STEP]
        m.Opportunity.update(**values).where(m.Opportunity.id == deal_id).execute()
        change_id = _record_move(ctx, deal_id, row.stage_id, lost.id, now)
        audit.changed(ctx, row, "lost", {"stage": row.stage_id, "status": row.status,
                                         "lost_reason": row.lost_reason_id, "next_step": row.next_step},
                      {"stage": lost.id, "status": DealStatus.LOST, "lost_reason": reason.id,
                       "next_step": values.get("next_step", row.next_step)})
    undo = Undo(deal_id, stamp, {**before, "next_step": row.next_step}, change_id)
    return Moved(Changes(opportunities={deal_id}, customers={row.customer_id}), undo, True)


def reopen_deal(ctx: Context, deal_id: int, stamp: int | None) -> Moved:
    """Put a won or lost deal back in the open stage it left (its order, if any, stays)."""
    policy.require_record(ctx, m.Opportunity, deal_id)
    with atomic():
        row = _checked(deal_id, stamp)
        if row.status == DealStatus.OPEN:
            return Moved(Changes())
        open_ids = [s.id for s in stages() if not s.closed]
        sc = m.StageChange
        last = (sc.select(sc.from_stage).where((sc.opportunity == deal_id) & sc.deleted_at.is_null()
                                               & (sc.to_stage == row.stage_id))
                .order_by(sc.moved_at.desc(), sc.id.desc()).tuples().first())
        target = last[0] if last and last[0] in open_ids else open_ids[0]
        before = _state(row)
        now, stamp = ctx.now(), _next_stamp(ctx, row)
        m.Opportunity.update(stage=target, status=DealStatus.OPEN, closed_at=None, lost_reason=None,
                             stage_entered_at=now, position=rule.position_between(queries.column_end(target), None),
                             stamp=stamp).where(m.Opportunity.id == deal_id).execute()
        change_id = _record_move(ctx, deal_id, row.stage_id, target, now)
        audit.changed(ctx, row, "reopen", {"stage": row.stage_id, "status": row.status},
                      {"stage": target, "status": DealStatus.OPEN})
    return Moved(Changes(opportunities={deal_id}, customers={row.customer_id}),
                 Undo(deal_id, stamp, before, change_id), True)


def undo(ctx: Context, token: Undo) -> Changes:
    """Put the deal back as it was before the move, if nobody changed it since."""
    policy.require_record(ctx, m.Opportunity, token.deal_id)
    with atomic():
        row = _checked(token.deal_id, token.stamp)
        if token.before["stage"] not in {s.id for s in stages()}:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The stage “{title}” came from has been removed; the move cannot be undone."),
                title=row.title)
        now, stamp = ctx.now(), _next_stamp(ctx, row)
        values = {k: v for k, v in token.before.items()}
        m.Opportunity.update(stamp=stamp, **values).where(m.Opportunity.id == token.deal_id).execute()
        if token.stage_change_id is not None:
            m.StageChange.update(deleted_at=now, stamp=stamp).where(m.StageChange.id == token.stage_change_id).execute()
        if token.order_id is not None:
            order = m.Order.get_by_id(token.order_id)
            m.Order.update(deleted_at=now, stamp=stamp).where(m.Order.id == token.order_id).execute()
            m.Reminder.update(deleted_at=now, stamp=stamp).where(
                m.Reminder.source_key == f"after-sale:{order.uid}").execute()
            sync_clock.touch_where(ctx, m.Reminder, "t.source_key = ?", [f"after-sale:{order.uid}"], ["deleted_at"])
            _figures(row.customer_id)
        if token.customer_before is not None:
            customer = m.Customer.get_by_id(row.customer_id)
            audit.changed(ctx, customer, "undo", {k: getattr(customer, k) for k in token.customer_before},
                          token.customer_before)
            m.Customer.update(stamp=ctx.now(), **token.customer_before).where(
                m.Customer.id == row.customer_id).execute()
        shown = ("stage", "status", "lost_reason", "next_step")
        audit.changed(ctx, row, "undo", {k: v for k, v in _state(row).items() if k in shown} | {"next_step": row.next_step},
                      {k: v for k, v in token.before.items() if k in shown})
    return Changes(opportunities={token.deal_id}, customers={row.customer_id})
