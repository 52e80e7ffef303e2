"""The complaint log: logging, the status workflow, resolution, satisfaction, deadlines.

Every change is one transaction and leaves a ``ComplaintEvent`` (who, when, from which status
to which, and a note): that list is the complaint's timeline. Closing a complaint puts a
follow-up care call on the calendar a few days later.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from peewee import Case

from crmdesk.domain import search
from crmdesk.domain.changes import Changes
from crmdesk.domain.clock import from_ms, to_ms, today
from crmdesk.domain.complaints import (
    CLOSED,
    DONE_STATUSES,
    FOLLOW_UP_DAYS,
    IN_PROGRESS,
    MAX_TEXT,
    NEW,
    OPEN_STATUSES,
    REOPENED,
    RESOLVED,
    ComplaintInput,
    Resolution,
    WorkingHours,
    check_satisfaction,
    check_transition,
    deadline,
    validate_complaint,
    validate_resolution,
)
from crmdesk.domain.enums import ReminderKind, Severity
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, NotFoundError, ValidationError
from crmdesk.domain.ids import new_uid
from crmdesk.services import audit, policy
from crmdesk.services.context import Context
from crmdesk.services.setup import DEFAULT_SLA_HOURS, get_setting, set_setting
from crmdesk.storage import complaints as queries
from crmdesk.storage import models as m
from crmdesk.storage.transactions import atomic

SLA_KEY, WORKING_HOURS_KEY = "sla_hours", "sla_working_hours"
MAX_SLA_HOURS = 24 * 365


# -- service deadlines ------------------------------------------------------------------------
def sla_hours() -> dict[str, float]:
    stored = get_setting(SLA_KEY, {}) or {}
    return {s.value: float(stored.get(s.value, DEFAULT_SLA_HOURS[s])) for s in Severity}


def working_hours() -> WorkingHours | None:
    stored = get_setting(WORKING_HOURS_KEY)
    if not stored:
        return None
    return WorkingHours(dt.time.fromisoformat(stored["start"]), dt.time.fromisoformat(stored["end"]),
                        frozenset(stored["days"]))


def set_sla(ctx: Context, hours: dict[str, float], working: WorkingHours | None) -> Changes:
    """Deadlines for new complaints by severity, optionally counted in working hours.
    Complaints already logged keep the deadline they were given."""
    policy.require(ctx, policy.Permission.SETTINGS)
    for severity in Severity.values():
        value = hours.get(severity)
        if value is None or not 0 < value <= MAX_SLA_HOURS:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A service deadline is between 1 hour and a year."),
                                  field=f"sla_{severity}")
    with atomic():
        set_setting(ctx, SLA_KEY, {s: float(hours[s]) for s in Severity.values()})
        set_setting(ctx, WORKING_HOURS_KEY, None if working is None else {
            "start": working.start.isoformat("minutes"), "end": working.end.isoformat("minutes"),
            "days": sorted(working.days)})
    return Changes(settings=True)


def due_at(received_ms: int, severity: str) -> int:
    return to_ms(deadline(from_ms(received_ms), sla_hours()[severity], working_hours()))


# -- reading ------------------------------------------------------------------------------------
@dataclass
class ComplaintView:
    id: int
    customer_id: int
    customer: str
    received_at: int
    channel: str
    category_id: int | None
    category: str
    severity: str
    description: str
    assignee_id: int | None
    assignee: str
    status: str
    due_at: int
    resolved_at: int | None
    closed_at: int | None
    resolution: str
    compensation_cents: int
    root_cause: str
    satisfaction: int | None
    satisfaction_comment: str
    uid: str = ""  # the record's global id (its audit history is kept by it)


def get(complaint_id: int) -> ComplaintView:
    row = _live(complaint_id)
    customer = m.Customer.get_by_id(row.customer_id)
    category = m.ComplaintCategory.get_or_none(m.ComplaintCategory.id == row.category_id)
    assignee = m.User.get_or_none(m.User.id == row.assignee_id)
    return ComplaintView(
        row.id, row.customer_id, customer.name, row.received_at, row.channel, row.category_id,
        category.name if category else "", row.severity, row.description, row.assignee_id,
        assignee.display_name if assignee else "", row.status, row.due_at, row.resolved_at, row.closed_at,
        row.resolution, row.compensation_cents, row.root_cause, row.satisfaction, row.satisfaction_comment, row.uid)


@dataclass
class Event:
    at: int
    user: str
    from_status: str | None
    to_status: str | None
    note: str


def events(complaint_id: int) -> list[Event]:
    """The complaint's timeline, oldest first."""
    return [Event(at, user or "", a, b, note) for at, user, a, b, note in queries.events_of(complaint_id)]


def open_and_overdue(ctx: Context) -> tuple[int, int]:
    """How many complaints ``ctx`` sees are being worked on, and how many of those are past
    their deadline."""
    return queries.open_and_overdue(ctx.now(), policy.seen_by(ctx))


def became_overdue(ctx: Context, after_ms: int, until_ms: int, limit: int = 20
                   ) -> tuple[int, list[tuple[int, str, str]]]:
    """Open complaints ``ctx`` sees whose deadline passed in (after, until]: how many, and the
    first few as (id, customer, description) — what a notification says, once per deadline."""
    return queries.became_overdue(after_ms, until_ms, limit, policy.seen_by(ctx))


def categories() -> list[tuple[int, str]]:
    c = m.ComplaintCategory
    return list(c.select(c.id, c.name).where(c.deleted_at.is_null()).order_by(c.position, c.id).tuples())


def statistics(ctx: Context, received_from: int | None = None, received_until: int | None = None
               ) -> queries.ComplaintStats:
    """The statistics of the complaints ``ctx`` sees received in [from, until) (ms)."""
    return queries.stats(received_from, received_until, ctx.now(), policy.seen_by(ctx))


# -- changing -----------------------------------------------------------------------------------
def _live(complaint_id: int) -> m.Complaint:
    row = m.Complaint.get_or_none((m.Complaint.id == complaint_id) & m.Complaint.deleted_at.is_null())
    if row is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "Complaint {id} does not exist or was deleted."),
                            id=complaint_id)
    return row


def _check_refs(data: ComplaintInput) -> None:
    customer = m.Customer.get_or_none(m.Customer.id == data.customer_id)
    if customer is None or customer.deleted_at is not None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Customer {id} does not exist or was deleted."),
                              field="customer", id=data.customer_id)
    if data.category_id is not None and m.ComplaintCategory.get_or_none(
            (m.ComplaintCategory.id == data.category_id) & m.ComplaintCategory.deleted_at.is_null()) is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "That complaint category no longer exists."),
                              field="category")
    if data.assignee_id is not None and m.User.get_or_none(m.User.id == data.assignee_id) is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "That user no longer exists."), field="assignee")


def _event(ctx: Context, complaint_id: int, before: str | None, after: str | None, note: str = "") -> None:
    m.ComplaintEvent.create(uid=new_uid(), stamp=ctx.now(), complaint=complaint_id, at=ctx.now(), user=ctx.user_id,
                            from_status=before, to_status=after, note=note[:MAX_TEXT])


def _fields(row: m.Complaint, names: Any) -> dict[str, Any]:
    """The row's current values of ``names`` (foreign keys as ids), for the audit trail."""
    return {k: getattr(row, f"{k}_id" if k in ("customer", "category", "assignee") else k) for k in names}


def _changed(complaint_id: int, customer_id: int | None = None, reminder: int | None = None) -> Changes:
    return Changes(complaints={complaint_id}, customers={customer_id} if customer_id else set(),
                   reminders={reminder} if reminder else set())


def log_complaint(ctx: Context, data: ComplaintInput) -> tuple[int, Changes]:
    """A new complaint, with its deadline from its severity."""
    policy.require_customer(ctx, data.customer_id)
    validate_complaint(data, ctx.now())
    with atomic():
        _check_refs(data)
        row = m.Complaint.create(
            uid=new_uid(), stamp=ctx.now(), customer=data.customer_id, received_at=data.received_at,
            channel=data.channel, category=data.category_id, severity=data.severity,
            description=data.description.strip(), assignee=data.assignee_id, status=NEW,
            search_text=search.search_text(data.description),
            due_at=due_at(data.received_at, data.severity))
        _event(ctx, row.id, None, NEW)
        audit.created(ctx, row, {"customer": data.customer_id, "received_at": data.received_at, "channel": data.channel,
                                 "category": data.category_id, "severity": data.severity,
                                 "description": row.description, "assignee": data.assignee_id, "status": NEW})
    return row.id, _changed(row.id, data.customer_id)


def update_complaint(ctx: Context, complaint_id: int, data: ComplaintInput) -> Changes:
    """Edit what was logged; an open complaint whose severity changes gets a new deadline."""
    policy.require_record(ctx, m.Complaint, complaint_id)
    policy.require_customer(ctx, data.customer_id)
    validate_complaint(data, ctx.now())
    with atomic():
        row = _live(complaint_id)
        _check_refs(data)
        values: dict[str, Any] = {
            "customer": data.customer_id, "received_at": data.received_at, "channel": data.channel,
            "category": data.category_id, "severity": data.severity, "description": data.description.strip(),
            "assignee": data.assignee_id, "stamp": ctx.now(), "search_text": search.search_text(data.description)}
        if row.status in OPEN_STATUSES and (data.severity != row.severity or data.received_at != row.received_at):
            values["due_at"] = due_at(data.received_at, data.severity)
        m.Complaint.update(**values).where(m.Complaint.id == complaint_id).execute()
        _event(ctx, complaint_id, None, None, "")
        audited = ("customer", "received_at", "channel", "category", "severity", "description", "assignee", "due_at")
        audit.changed(ctx, row, "update", _fields(row, audited), {k: v for k, v in values.items() if k in audited})
    return _changed(complaint_id, data.customer_id)


def delete_complaint(ctx: Context, complaint_id: int) -> Changes:
    """Move a complaint to the recycle bin (a tombstone: its events stay with it)."""
    with atomic():
        row = _live(complaint_id)
        audit.deleted(ctx, m.Complaint, [complaint_id])
        m.Complaint.update(deleted_at=ctx.now(), stamp=ctx.now()).where(m.Complaint.id == complaint_id).execute()
    return _changed(complaint_id, row.customer_id)


def start_work(ctx: Context, complaint_id: int, note: str = "") -> Changes:
    policy.require_record(ctx, m.Complaint, complaint_id)
    return _move(ctx, complaint_id, IN_PROGRESS, note)


def resolve(ctx: Context, complaint_id: int, resolution: Resolution) -> Changes:
    policy.require_record(ctx, m.Complaint, complaint_id)
    with atomic():
        row = _live(complaint_id)
        check_transition(row.status, RESOLVED)
        validate_resolution(resolution, row.received_at, ctx.now())
        values = dict(status=RESOLVED, resolved_at=resolution.resolved_at, resolution=resolution.text.strip(),
                      root_cause=resolution.root_cause.strip(), compensation_cents=resolution.compensation_cents)
        m.Complaint.update(stamp=ctx.now(), **values).where(m.Complaint.id == complaint_id).execute()
        audit.changed(ctx, row, "resolve", _fields(row, values), values)
        _event(ctx, complaint_id, row.status, RESOLVED, resolution.text.strip())
    return _changed(complaint_id, row.customer_id)


def close(ctx: Context, complaint_id: int, note: str = "") -> Changes:
    """Close a resolved complaint and put a follow-up care call on the calendar."""
    policy.require_record(ctx, m.Complaint, complaint_id)
    with atomic():
        row = _live(complaint_id)
        check_transition(row.status, CLOSED)
        if not row.resolution.strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A complaint is closed only after its resolution "
                                                              "is written down."), field="resolution")
        now = ctx.now()
        m.Complaint.update(status=CLOSED, closed_at=now, stamp=now).where(m.Complaint.id == complaint_id).execute()
        audit.changed(ctx, row, "close", _fields(row, ("status", "closed_at")), {"status": CLOSED, "closed_at": now})
        _event(ctx, complaint_id, row.status, CLOSED, note)
        reminder = m.Reminder.create(
            uid=new_uid(), stamp=now, customer=row.customer_id, kind=ReminderKind.AFTER_COMPLAINT.value,
            title=row.description.strip().splitlines()[0][:120], due_on=today(ctx.clock) + dt.timedelta(days=FOLLOW_UP_DAYS),
            source_key=f"complaint-closed:{row.uid}:{now}", assignee=row.assignee_id, created_at=now)
    return _changed(complaint_id, row.customer_id, reminder.id)


def reopen(ctx: Context, complaint_id: int, note: str) -> Changes:
    """Work on a resolved or closed complaint again: it gets a fresh deadline from now."""
    policy.require_record(ctx, m.Complaint, complaint_id)
    if not note.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Say why the complaint is reopened."), field="note")
    with atomic():
        row = _live(complaint_id)
        check_transition(row.status, REOPENED)
        now = ctx.now()
        values = dict(status=REOPENED, resolved_at=None, closed_at=None, due_at=due_at(now, row.severity))
        m.Complaint.update(stamp=now, **values).where(m.Complaint.id == complaint_id).execute()
        audit.changed(ctx, row, "reopen", _fields(row, values), values)
        _event(ctx, complaint_id, row.status, REOPENED, note)
    return _changed(complaint_id, row.customer_id)


def _move(ctx: Context, complaint_id: int, target: str, note: str) -> Changes:
    with atomic():
        row = _live(complaint_id)
        check_transition(row.status, target)
        m.Complaint.update(status=target, stamp=ctx.now()).where(m.Complaint.id == complaint_id).execute()
        audit.changed(ctx, row, "status", {"status": row.status}, {"status": target})
        _event(ctx, complaint_id, row.status, target, note)
    return _changed(complaint_id, row.customer_id)


def add_note(ctx: Context, complaint_id: int, note: str) -> Changes:
    policy.require_record(ctx, m.Complaint, complaint_id)
    if not note.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The note is empty."), field="note")
    with atomic():
        _live(complaint_id)
        _event(ctx, complaint_id, None, None, note.strip())
    return _changed(complaint_id)


def rate(ctx: Context, complaint_id: int, score: int, comment: str = "") -> Changes:
    """The customer's satisfaction with how a resolved complaint was handled."""
    policy.require_record(ctx, m.Complaint, complaint_id)
    check_satisfaction(score)
    with atomic():
        row = _live(complaint_id)
        if row.status not in DONE_STATUSES:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Satisfaction is asked after the complaint is "
                                                              "resolved."), field="satisfaction")
        values = dict(satisfaction=score, satisfaction_comment=comment.strip()[:MAX_TEXT])
        m.Complaint.update(stamp=ctx.now(), **values).where(m.Complaint.id == complaint_id).execute()
        audit.changed(ctx, row, "rate", _fields(row, values), values)
        _event(ctx, complaint_id, None, None, f"★{score} {comment.strip()}".strip())
    return _changed(complaint_id)


# -- the category list ----------------------------------------------------------------------------
MAX_CATEGORY = 40


def _category_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > MAX_CATEGORY:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A category name has 1 to {max} characters."),
                              field="category", max=MAX_CATEGORY)
    c = m.ComplaintCategory
    if c.select().where((c.name == name) & c.deleted_at.is_null()).exists():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "There is already a category called “{value}”."),
                              field="category", value=name)
    return name


def add_category(ctx: Context, name: str) -> Changes:
    policy.require(ctx, policy.Permission.SETTINGS)
    with atomic():
        c = m.ComplaintCategory
        last = c.select(c.position).where(c.deleted_at.is_null()).order_by(c.position.desc()).scalar() or 0
        c.create(uid=new_uid(), stamp=ctx.now(), name=_category_name(name), position=last + 1)
    return Changes(settings=True)


def rename_category(ctx: Context, category_id: int, name: str) -> Changes:
    policy.require(ctx, policy.Permission.SETTINGS)
    with atomic():
        c = m.ComplaintCategory
        current = c.get_or_none((c.id == category_id) & c.deleted_at.is_null())
        if current is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "That complaint category no longer exists."),
                                  field="category")
        if current.name != name.strip():
            c.update(name=_category_name(name), stamp=ctx.now()).where(c.id == category_id).execute()
    return Changes(settings=True)


def remove_category(ctx: Context, category_id: int) -> Changes:
    """Take a category off the list; complaints filed under it keep showing its name."""
    policy.require(ctx, policy.Permission.SETTINGS)
    c = m.ComplaintCategory
    c.update(deleted_at=ctx.now(), stamp=ctx.now()).where(c.id == category_id).execute()
    return Changes(settings=True)


def move_category(ctx: Context, category_id: int, step: int) -> Changes:
    """Move a category up (-1) or down (+1) the list."""
    policy.require(ctx, policy.Permission.SETTINGS)
    with atomic():
        order = [cid for cid, _ in categories()]
        if category_id not in order:
            return Changes()
        i = order.index(category_id)
        j = max(0, min(len(order) - 1, i + step))
        order.insert(j, order.pop(i))
        c = m.ComplaintCategory
        position = Case(c.id, [(cid, n) for n, cid in enumerate(order)], c.position)
        c.update(position=position, stamp=ctx.now()).where(c.id.in_(order)).execute()
    return Changes(settings=True)
