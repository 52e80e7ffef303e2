"""Complaints: the status workflow, what a complaint and its resolution must hold, and service
deadlines (optionally counted in working hours). No Qt, no database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from crmdesk.domain.enums import ComplaintChannel, ComplaintStatus, Severity
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError

NEW, IN_PROGRESS, RESOLVED, CLOSED, REOPENED = (s.value for s in ComplaintStatus)

# Where a complaint may go from each status. A reopened complaint is worked on again like a
# new one; closing needs a resolution (checked by the service).
TRANSITIONS: dict[str, frozenset[str]] = {
    NEW: frozenset({IN_PROGRESS, RESOLVED}),
    IN_PROGRESS: frozenset({RESOLVED}),
    REOPENED: frozenset({IN_PROGRESS, RESOLVED}),
    RESOLVED: frozenset({CLOSED, REOPENED}),
    CLOSED: frozenset({REOPENED}),
}
OPEN_STATUSES = (NEW, IN_PROGRESS, REOPENED)  # the service clock runs
DONE_STATUSES = (RESOLVED, CLOSED)
MAX_TEXT = 5_000
MAX_COMPENSATION_CENTS = 100_000_000_00  # a hundred million yuan: beyond is a typing slip
FOLLOW_UP_DAYS = 3  # a care call this many days after a complaint closes


def check_transition(current: str, target: str) -> None:
    if target not in TRANSITIONS.get(current, frozenset()):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The complaint cannot move to that status from the one it has now "
                                        "(it may have just been changed elsewhere)."),
            field="status", current=current, target=target)


@dataclass
class ComplaintInput:
    customer_id: int | None = None
    received_at: int = 0  # ms
    channel: str = ComplaintChannel.PHONE.value
    category_id: int | None = None
    severity: str = Severity.NORMAL.value
    description: str = ""
    assignee_id: int | None = None


def validate_complaint(data: ComplaintInput, now_ms: int) -> None:
    if data.customer_id is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose the customer who complained."), field="customer")
    if not data.description.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Describe what the customer complained about."),
                              field="description")
    if len(data.description) > MAX_TEXT:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A text can have at most {max} characters."),
                              field="description", max=MAX_TEXT)
    if data.channel not in ComplaintChannel.values():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not one of the allowed choices for this field."),
                              field="channel", value=data.channel)
    if data.severity not in Severity.values():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not one of the allowed choices for this field."),
                              field="severity", value=data.severity)
    if data.received_at <= 0 or data.received_at > now_ms + 5 * 60_000:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A complaint cannot be received in the future."),
                              field="received_at")


@dataclass
class Resolution:
    text: str = ""
    root_cause: str = ""
    compensation_cents: int = 0
    resolved_at: int = 0  # ms


def validate_resolution(data: Resolution, received_at: int, now_ms: int) -> None:
    if not data.text.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Say what was done to resolve the complaint."),
                              field="resolution")
    for name, text in (("resolution", data.text), ("root_cause", data.root_cause)):
        if len(text) > MAX_TEXT:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A text can have at most {max} characters."),
                                  field=name, max=MAX_TEXT)
    if not 0 <= data.compensation_cents <= MAX_COMPENSATION_CENTS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The compensation must be between 0 and {max}."),
                              field="compensation", max=f"{MAX_COMPENSATION_CENTS // 100:,}")
    if data.resolved_at < received_at:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A complaint cannot be resolved before it was received."),
                              field="resolved_at")
    if data.resolved_at > now_ms + 5 * 60_000:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A complaint cannot be resolved in the future."),
                              field="resolved_at")


def check_satisfaction(score: int) -> None:
    if not 1 <= score <= 5:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Satisfaction is scored from 1 to 5."),
                              field="satisfaction")


@dataclass(frozen=True)
class WorkingHours:
    """Office hours for service deadlines: from ``start`` to ``end`` on ``days`` (0 = Monday)."""

    start: dt.time = dt.time(9, 0)
    end: dt.time = dt.time(18, 0)
    days: frozenset[int] = field(default_factory=lambda: frozenset(range(5)))

    def __post_init__(self) -> None:
        if self.end <= self.start or not self.days or not self.days <= set(range(7)):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Working hours need an end after the start and at "
                                                              "least one working day."), field="working_hours")


def deadline(received: dt.datetime, hours: float, working: WorkingHours | None = None) -> dt.datetime:
    """When a complaint received at ``received`` (an aware local time) must be resolved:
    ``hours`` later, counting only working hours when ``working`` is given."""
    if working is None:
        return received + dt.timedelta(hours=hours)
    left = dt.timedelta(hours=hours)
    moment = received
    while True:
        day = moment.date()
        opens = dt.datetime.combine(day, working.start, moment.tzinfo)
        closes = dt.datetime.combine(day, working.end, moment.tzinfo)
        if day.weekday() in working.days and moment < closes:
            start = max(moment, opens)
            if start + left <= closes:
                return start + left
            left -= closes - start
        moment = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), moment.tzinfo)
