"""Rules of the sales pipeline: what a deal may hold, where a card goes, when it rots.

Plain Python, no Qt and no database: the services apply these rules inside a transaction and
the dialogs call the same checks while the user types.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from crmdesk.domain import currency
from crmdesk.domain.enums import StageKind
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError

MAX_TITLE = 200
MAX_NEXT_STEP = 200
MAX_AMOUNT_CENTS = 100_000_000_000  # ¥1,000,000,000: more is a typing slip, not a deal
PAST_CLOSE_DAYS = 366  # an expected close date further back than this is a mistake
FUTURE_CLOSE_YEARS = 10
PRIORITIES = (0, 1, 2)  # normal, high, top
MAX_ROTTING_DAYS = 3650
MIN_GAP = 1e-6  # below this, positions in a column are renumbered


@dataclass
class DealInput:
    """What the deal dialog edits. ``probability`` None means "the stage's default"."""

    customer_id: int | None
    title: str
    amount_cents: int = 0
    probability: int | None = None
    expected_close: dt.date | None = None
    owner_id: int | None = None
    priority: int = 0
    next_step: str = ""
    next_step_due: dt.date | None = None
    stage_id: int | None = None  # where a new deal starts (the first open stage if None)


def validate_deal(data: DealInput, today: dt.date, old_close: dt.date | None = None) -> DealInput:
    """``data`` with text trimmed, or a ValidationError naming the field.

    ``old_close`` is the stored expected close date of a deal being edited: a deal whose date
    has long passed may keep it (it is overdue, not mistyped), but a new date must be sensible.
    """
    title = " ".join(data.title.split())
    if data.customer_id is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose the customer of the deal."), field="customer"
        )
    if not title:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A deal needs a title."), field="title")
    if len(title) > MAX_TITLE:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A deal's title is at most {limit} characters."),
            field="title",
            limit=MAX_TITLE,
        )
    check_amount(data.amount_cents)
    if data.probability is not None:
        check_probability(data.probability)
    if data.expected_close is not None and data.expected_close != old_close:
        if data.expected_close < today - dt.timedelta(days=PAST_CLOSE_DAYS):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The expected close date {date} is more than a year ago."),
                field="expected_close",
                date=data.expected_close.isoformat(),
            )
        if data.expected_close.year > today.year + FUTURE_CLOSE_YEARS:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The expected close date {date} is too far ahead."),
                field="expected_close",
                date=data.expected_close.isoformat(),
            )
    if data.priority not in PRIORITIES:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown priority."), field="priority")
    next_step = data.next_step.strip()
    if len(next_step) > MAX_NEXT_STEP:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The next step is at most {limit} characters."),
            field="next_step",
            limit=MAX_NEXT_STEP,
        )
    return DealInput(
        data.customer_id,
        title,
        data.amount_cents,
        data.probability,
        data.expected_close,
        data.owner_id,
        data.priority,
        next_step,
        data.next_step_due,
        data.stage_id,
    )


def check_amount(cents: int) -> int:
    if cents < 0:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "An amount cannot be negative."), field="amount")
    if cents > MAX_AMOUNT_CENTS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An amount above {cur}{limit:,} is not plausible."),
            field="amount",
            limit=MAX_AMOUNT_CENTS // 100,
            cur=currency.symbol(),
        )
    return cents


def check_order_amount(cents: int) -> int:
    """The amount of a won deal's order: plausible, and not nothing."""
    check_amount(cents)
    if cents == 0:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Enter the amount of the order."), field="amount")
    return cents


def check_probability(percent: int) -> int:
    if not 0 <= percent <= 100:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A probability is between 0 and 100 %."), field="probability"
        )
    return percent


@dataclass
class StageInput:
    """One column of the pipeline as the stage settings edit it (``id`` None: a new stage)."""

    id: int | None
    name: str
    probability: int
    rotting_days: int | None
    kind: str = "open"


def validate_stages(stages: list[StageInput]) -> list[StageInput]:
    """The whole list of stages, checked together: names unique, one won and one lost stage."""
    cleaned, seen = [], set()
    for stage in stages:
        name = " ".join(stage.name.split())
        if not name:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Every stage needs a name."), field="name")
        if name.casefold() in seen:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "There are two stages called “{name}”."), field="name", name=name
            )
        seen.add(name.casefold())
        check_probability(stage.probability)
        if stage.rotting_days is not None and not 1 <= stage.rotting_days <= MAX_ROTTING_DAYS:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "A rotting limit is between 1 and {limit} days."),
                field="rotting_days",
                limit=MAX_ROTTING_DAYS,
            )
        cleaned.append(StageInput(stage.id, name, stage.probability, stage.rotting_days, stage.kind))
    kinds = [s.kind for s in cleaned]
    if kinds.count(StageKind.WON) != 1 or kinds.count(StageKind.LOST) != 1 or StageKind.OPEN not in kinds:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The pipeline needs at least one open stage, one won stage and one lost stage."
            )
        )
    return cleaned


def position_between(before: float | None, after: float | None) -> float:
    """A position for a card dropped between two neighbours (None: the column's end)."""
    if before is None and after is None:
        return 1.0
    if before is None:
        return after - 1.0
    if after is None:
        return before + 1.0
    return (before + after) / 2


def needs_renumbering(before: float | None, after: float | None) -> bool:
    return before is not None and after is not None and after - before < MIN_GAP


def weighted_cents(amount_cents: int, probability: int) -> int:
    return amount_cents * probability // 100


def is_rotting(last_activity_ms: int, rotting_days: int | None, now_ms: int) -> bool:
    """No activity for longer than the stage allows (``rotting_days`` None: never rots)."""
    return rotting_days is not None and now_ms - last_activity_ms > rotting_days * 86_400_000


def days_between(start_ms: int, end_ms: int) -> int:
    return max(0, (end_ms - start_ms) // 86_400_000)
