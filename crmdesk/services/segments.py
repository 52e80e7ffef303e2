"""Saved filters of the customer archive (segments), with their live counts."""

from __future__ import annotations

from dataclasses import dataclass

from crmdesk.domain.changes import Changes
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, NotFoundError, ValidationError
from crmdesk.domain.filters import CustomerFilter
from crmdesk.domain.ids import new_uid
from crmdesk.services import lists
from crmdesk.services import policy
from crmdesk.services.context import Context
from crmdesk.storage import models as m
from crmdesk.storage.transactions import atomic

MAX_NAME = 60


@dataclass(frozen=True)
class SegmentInfo:
    id: int
    name: str
    filter: CustomerFilter


def _check_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A segment needs a name."), field="name")
    if len(name) > MAX_NAME:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A name can have at most {max} characters."), field="name", max=MAX_NAME
        )
    return name


def all_segments() -> list[SegmentInfo]:
    query = m.Segment.select().where(m.Segment.deleted_at.is_null()).order_by(m.Segment.position, m.Segment.id)
    return [SegmentInfo(s.id, s.name, CustomerFilter.from_json(s.definition)) for s in query]


def save_segment(ctx: Context, name: str, flt: CustomerFilter) -> tuple[int, Changes]:
    policy.require(ctx, policy.Permission.CHANGE)
    name = _check_name(name)
    if flt.ids:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A selection of single customers cannot be saved as a segment."))
    with atomic():
        last = m.Segment.select(m.Segment.position).order_by(m.Segment.position.desc()).first()
        row = m.Segment.create(uid=new_uid(), stamp=ctx.now(), name=name, definition=flt.to_json(),
                               position=(last.position + 1) if last else 0)
    return row.id, Changes(settings=True)


def rename_segment(ctx: Context, segment_id: int, name: str) -> Changes:
    policy.require(ctx, policy.Permission.CHANGE)
    name = _check_name(name)
    with atomic():
        if not m.Segment.update(name=name, stamp=ctx.now()).where(
            (m.Segment.id == segment_id) & m.Segment.deleted_at.is_null()
        ).execute():
            raise NotFoundError(QT_TRANSLATE_NOOP("errors", "That segment no longer exists."))
    return Changes(settings=True)


def delete_segment(ctx: Context, segment_id: int) -> Changes:
    policy.require(ctx, policy.Permission.CHANGE)
    with atomic():
        m.Segment.update(deleted_at=ctx.now(), stamp=ctx.now()).where(m.Segment.id == segment_id).execute()
    return Changes(settings=True)


def counts(ctx: Context, segments: list[SegmentInfo]) -> dict[int, int]:
    """How many customers each segment holds now (run off the GUI thread)."""
    return {s.id: lists.customers(ctx, s.filter).count() for s in segments}
