"""Changing many customers at once: owner, tier, category, stage, tags, recycle bin.

Each action takes the customers as a filter (an explicit selection is a filter of ids), runs
in one transaction, records an audit entry per customer it changes (set-based, see services.audit), and reports progress for big sets.
"""

from __future__ import annotations

from crmdesk.domain import search
from crmdesk.domain.changes import Changes
from crmdesk.domain.clock import today
from crmdesk.domain.customer import clean_tags
from crmdesk.domain.enums import Category, LifecycleStage, Tier
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from crmdesk.domain.filters import CustomerFilter
from crmdesk.domain.ids import new_uid
from crmdesk.services import audit, policy, sync_clock
from crmdesk.services.context import Context
from crmdesk.services.progress import NoProgress, Progress, check
from crmdesk.storage import listing
from crmdesk.storage import models as m
from crmdesk.storage.transactions import atomic

CHUNK = 5_000
MANY = 10_000  # above this, views are told to reload rather than given every id

FIELDS = {
    "tier": (Tier.values(), "tier_manual"),
    "category": (Category.values(), None),
    "stage": (LifecycleStage.values(), "stage_manual"),
}


def resolve(ctx: Context, flt: CustomerFilter) -> list[int]:
    """The ids of the customers a bulk change touches: only ones the user may see and change
    (an explicit selection holding someone else's customer is refused whole)."""
    policy.require(ctx, policy.Permission.CHANGE)
    if flt.ids:
        policy.require_customers(ctx, flt.ids)
    return listing.customer_ids(flt, ctx.now(), today(ctx.clock), policy.customer_scope(ctx))


def _changes(ids: list[int]) -> Changes:
    return Changes(everything=True) if len(ids) > MANY else Changes(customers=set(ids))


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[i:i + CHUNK] for i in range(0, len(ids), CHUNK)]


def _tag_holders(tag_id: int, having: bool) -> tuple[str, list[int]]:
    """An SQL condition on customer ``t``: it has (or has not) the live tag ``tag_id``."""
    sql = ("EXISTS (SELECT 1 FROM customer_tag AS ct WHERE ct.customer_id = t.id AND ct.tag_id = {p} "
           "AND ct.deleted_at IS NULL)").format(p=m.database_proxy.obj.param)
    return (sql if having else f"NOT {sql}"), [tag_id]


def set_field(ctx: Context, flt: CustomerFilter, field: str, value: str, progress: Progress | None = None,
              action: str = "update") -> Changes:
    """Set tier, category or lifecycle stage of every customer the filter selects (the
    audit trail gets one entry, under ``action``, per customer whose value changes)."""
    if field not in FIELDS or value not in FIELDS[field][0]:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not one of the allowed choices for this field."),
                              field=field, value=value)
    progress = progress or NoProgress()
    manual_flag = FIELDS[field][1]
    with atomic():
        ids = resolve(ctx, flt)
        audit.set_many(ctx, m.Customer, ids, action, {field: value})
        for done, part in enumerate(_chunks(ids)):
            check(progress)
            updates = {field: value, "stamp": ctx.now()}
            if manual_flag:
                updates[manual_flag] = True  # a person chose it: suggestions leave it alone
            m.Customer.update(**updates).where(m.Customer.id.in_(part)).execute()
            progress.report(min((done + 1) * CHUNK, len(ids)), len(ids))
    return _changes(ids)


def assign_owner(ctx: Context, flt: CustomerFilter, owner_id: int | None, action: str = "update") -> Changes:
    if owner_id is not None and m.User.get_or_none((m.User.id == owner_id) & m.User.deleted_at.is_null()) is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "That user does not exist."), field="owner")
    with atomic():
        ids = resolve(ctx, flt)
        audit.set_many(ctx, m.Customer, ids, action, {"owner": owner_id})
        for part in _chunks(ids):
            m.Customer.update(owner=owner_id, stamp=ctx.now()).where(m.Customer.id.in_(part)).execute()
    return _changes(ids)


def delete(ctx: Context, flt: CustomerFilter) -> Changes:
    """Move every selected customer to the recycle bin."""
    with atomic():
        ids = resolve(ctx, flt)
        audit.deleted(ctx, m.Customer, ids)
        for part in _chunks(ids):
            m.Customer.update(deleted_at=ctx.now(), stamp=ctx.now()).where(m.Customer.id.in_(part)).execute()
    return _changes(ids)


def _refresh_search_text(ids: list[int]) -> None:
    """Recompute search_text (it holds the tag names) for these customers."""
    tags: dict[int, list[str]] = {}
    link, tag = m.CustomerTag, m.Tag
    for part in _chunks(ids):
        query = (link.select(link.customer, tag.name).join(tag, on=(link.tag == tag.id))
                 .where(link.customer.in_(part) & link.deleted_at.is_null() & tag.deleted_at.is_null()).tuples())
        for cid, name in query:
            tags.setdefault(cid, []).append(name)
        rows = m.Customer.select(m.Customer.id, m.Customer.name, m.Customer.company, m.Customer.email,
                                 m.Customer.city).where(m.Customer.id.in_(part)).tuples()
        for cid, name, company, email, city in rows:
            text = search.customer_text(name, company, email, city, sorted(tags.get(cid, [])))
            m.Customer.update(search_text=text).where(m.Customer.id == cid).execute()


def add_tag(ctx: Context, flt: CustomerFilter, name: str, progress: Progress | None = None) -> Changes:
    names = clean_tags([name])
    if not names:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Type the tag to add."), field="tags")
    progress = progress or NoProgress()
    now = ctx.now()
    with atomic():
        tag = m.Tag.get_or_none(m.Tag.name == names[0])
        if tag is None:
            tag = m.Tag.create(uid=new_uid(), stamp=now, name=names[0])
        elif tag.deleted_at is not None:
            m.Tag.update(deleted_at=None, stamp=now).where(m.Tag.id == tag.id).execute()
        ids = resolve(ctx, flt)
        where, params = _tag_holders(tag.id, having=False)
        audit.mark_many(ctx, m.Customer, ids, "tag", {"tag": [None, names[0]]}, where, params)
        for done, part in enumerate(_chunks(ids)):
            check(progress)
            m.CustomerTag.update(deleted_at=None, stamp=now).where(
                m.CustomerTag.customer.in_(part) & (m.CustomerTag.tag == tag.id)).execute()
            m.CustomerTag.insert_many([(cid, tag.id, now) for cid in part],
                                      fields=[m.CustomerTag.customer, m.CustomerTag.tag, m.CustomerTag.stamp]
                                      ).on_conflict_ignore().execute()
            sync_clock.touch_links(ctx, part, [tag.id])
            _refresh_search_text(part)
            progress.report(min((done + 1) * CHUNK, len(ids)), len(ids))
    return _changes(ids)


def remove_tag(ctx: Context, flt: CustomerFilter, name: str, progress: Progress | None = None) -> Changes:
    progress = progress or NoProgress()
    now = ctx.now()
    with atomic():
        tag = m.Tag.get_or_none(m.Tag.name == name.strip())
        if tag is None:
            return Changes()
        ids = resolve(ctx, flt)
        where, params = _tag_holders(tag.id, having=True)
        audit.mark_many(ctx, m.Customer, ids, "untag", {"tag": [tag.name, None]}, where, params)
        for done, part in enumerate(_chunks(ids)):
            check(progress)
            m.CustomerTag.update(deleted_at=now, stamp=now).where(
                m.CustomerTag.customer.in_(part) & (m.CustomerTag.tag == tag.id) & m.CustomerTag.deleted_at.is_null()
            ).execute()
            sync_clock.touch_links(ctx, part, [tag.id])
            _refresh_search_text(part)
            progress.report(min((done + 1) * CHUNK, len(ids)), len(ids))
    return _changes(ids)
