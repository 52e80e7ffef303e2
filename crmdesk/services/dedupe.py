"""Finding duplicate customers, warning at entry, merging them, and undoing a merge."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from crmdesk.domain import dedupe as rules
from crmdesk.domain.changes import Changes
from crmdesk.domain.dedupe import Evidence, Person
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, NotFoundError, ValidationError
from crmdesk.domain.ids import new_uid
from crmdesk.services import audit, customers
from crmdesk.services import policy
from crmdesk.services.context import Context
from crmdesk.services.progress import NoProgress, Progress, check
from crmdesk.storage import dedupe as store
from crmdesk.storage import models as m
from crmdesk.storage.transactions import atomic

MOVABLE = (m.Contact, m.Interaction, m.Order, m.Opportunity, m.Reminder, m.Complaint)
MERGEABLE = ("name", "kind", "gender", "company", "title", "phone", "email", "address", "city", "source",
             "category", "tier", "stage", "owner_id", "birthday_calendar", "birth_year", "birth_month", "birth_day",
             "birth_leap_month", "notes", "custom_fields")
RESTORED = (*MERGEABLE, "phone_e164", "name_pinyin", "name_initials", "tier_manual", "stage_manual",
            "last_contact_at", "first_order_on", "last_order_on", "order_count", "order_total_cents",
            "search_text", "search_pinyin", "search_digits")


# More companies than this under one name are a naming pattern (branches, a common trade
# name), not duplicates; and comparing them all pairwise would grow with the square.
MAX_NAME_GROUP = 6


@dataclass(frozen=True)
class Match:
    person: Person
    score: int
    reasons: list[Evidence]


@dataclass(frozen=True)
class DuplicateGroup:
    score: int
    members: list[Person]
    reasons: list[Evidence]


def possible_duplicates(name: str, phone_e164: str, email: str, kind: str = "person", city: str = "",
                        exclude: int | None = None) -> list[Match]:
    """Existing customers that look like the one being entered, best first."""
    draft = Person(exclude or 0, name.strip(), kind, phone_e164, email.strip(), city.strip())
    out = []
    for other in store.candidates_for(phone_e164, draft.email, draft.name, exclude):
        score, reasons = rules.compare(draft, other)
        if score >= rules.SHOW_FROM:
            out.append(Match(other, score, reasons))
    return sorted(out, key=lambda mt: -mt.score)[:10]


def find_duplicates(ctx: Context, progress: Progress | None = None, limit: int = 1000) -> list[DuplicateGroup]:
    """Groups of customers that are probably the same, over the whole archive (run it off the
    GUI thread: at a million customers it reads several indexes end to end)."""
    policy.require(ctx, policy.Permission.WORK_ON_ALL)
    progress = progress or NoProgress()
    pairs: set[tuple[int, int]] = set()

    def add(ids: list[int]) -> None:
        ids = sorted(ids)
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                pairs.add((a, b))

    # A shared name alone never reaches SHOW_FROM for people, so names are grouped only for
    # companies (by their name without the legal-form suffix), below.
    steps = (lambda: store.groups_by("phone_e164"), lambda: store.groups_by("email"))
    for number, step in enumerate(steps):
        check(progress)
        for ids in step():
            add(ids)
        progress.report(number + 1, len(steps) + 1)
    by_key: dict[str, list[int]] = {}
    for cid, name in store.companies():
        by_key.setdefault(rules.name_key(name, company=True), []).append(cid)
    for ids in by_key.values():
        if 2 <= len(ids) <= MAX_NAME_GROUP:
            add(ids)
    progress.report(len(steps) + 1, len(steps) + 1)

    people = {p.id: p for p in store.people(sorted({i for pair in pairs for i in pair}))}
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.get(x, x) != x:
            x = parent[x] = parent.get(parent[x], parent[x])
        return x

    best: dict[tuple[int, int], tuple[int, list[Evidence]]] = {}
    for a, b in pairs:
        if a in people and b in people:
            score, reasons = rules.compare(people[a], people[b])
            if score >= rules.SHOW_FROM:
                best[(a, b)] = (score, reasons)
                parent[root(a)] = root(b)
    groups: dict[int, set[int]] = {}
    top: dict[int, tuple[int, list[Evidence]]] = {}
    for (a, b), found in best.items():
        key = root(a)
        groups.setdefault(key, set()).update((a, b))
        if key not in top or found[0] > top[key][0]:
            top[key] = found
    out = [DuplicateGroup(top[key][0], [people[i] for i in sorted(members)], top[key][1])
           for key, members in groups.items()]
    return sorted(out, key=lambda g: (-g.score, g.members[0].name))[:limit]


def merge(ctx: Context, survivor_id: int, other_ids: list[int], chosen: dict[str, Any] | None = None) -> tuple[int, Changes]:
    """Merge ``other_ids`` into ``survivor_id``: their history, deals, care tasks, complaints,
    contacts and tags move over; ``chosen`` field values are applied; they go to the recycle
    bin. One transaction; can be undone with :func:`undo_merge`."""
    policy.require(ctx, policy.Permission.WORK_ON_ALL)
    others = [i for i in dict.fromkeys(other_ids) if i != survivor_id]
    if not others:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose at least two customers to merge."))
    chosen = {k: v for k, v in (chosen or {}).items() if k in MERGEABLE}
    from crmdesk.services.backups import backup_before

    backup_before(ctx, "before-merge")
    now = ctx.now()
    with atomic():
        survivor = customers.get_live(survivor_id)
        for other in others:
            customers.get_live(other)  # refuses deleted or unknown customers
        before = {f: getattr(survivor, f) for f in RESTORED}
        moved: dict[str, list[tuple[int, int]]] = {}  # table -> (row id, customer it came from)
        for model in MOVABLE:
            rows = list(model.select(model.id, model.customer).where(model.customer.in_(others)).tuples())
            if rows:
                model.update(customer=survivor_id, stamp=now).where(model.id.in_([r[0] for r in rows])).execute()
                moved[model._meta.table_name] = rows
        have = {t.tag_id for t in m.CustomerTag.select().where(
            (m.CustomerTag.customer == survivor_id) & m.CustomerTag.deleted_at.is_null())}
        gained = {t.tag_id for t in m.CustomerTag.select().where(
            m.CustomerTag.customer.in_(others) & m.CustomerTag.deleted_at.is_null())} - have
        for tag_id in sorted(gained):
            m.CustomerTag.insert(customer=survivor_id, tag=tag_id, stamp=now).on_conflict(
                conflict_target=[m.CustomerTag.customer, m.CustomerTag.tag],
                update={m.CustomerTag.deleted_at: None, m.CustomerTag.stamp: now}).execute()
        if chosen:
            data = customers.load_input(survivor_id)
            for key, value in chosen.items():
                if key == "custom_fields" and isinstance(value, str):
                    value = json.loads(value or "{}")
                setattr(data, key, value)
            customers.update_customer(ctx, survivor_id, data, action="merge")
        _recompute(ctx, survivor_id, now)
        names = [name for (name,) in m.Customer.select(m.Customer.name).where(m.Customer.id.in_(others))
                 .order_by(m.Customer.id).tuples()]
        audit.record(ctx, "customer", survivor.uid, "merge", {"merged": [None, names]})
        audit.mark_many(ctx, m.Customer, others, "merge", {"deleted_at": [None, now], "merged_into": [None, survivor.name]})
        m.Customer.update(deleted_at=now, stamp=now).where(m.Customer.id.in_(others)).execute()
        record = m.MergeRecord.create(
            uid=new_uid(), stamp=now, at=now, survivor=survivor_id, merged=json.dumps(others), moved=json.dumps(moved),
            tags_added=json.dumps(sorted(gained)), survivor_before=json.dumps(before, default=str, ensure_ascii=False))
    return record.id, Changes(customers={survivor_id, *others})


def _recompute(ctx: Context, customer_id: int, now: int) -> None:
    """The survivor's figures derived from orders and contacts, and its search columns."""
    from peewee import fn

    o, i = m.Order, m.Interaction
    count, total, first, last = (o.select(fn.COUNT(o.id), fn.COALESCE(fn.SUM(o.amount_cents), 0), fn.MIN(o.ordered_on),
                                          fn.MAX(o.ordered_on))
                                 .where((o.customer == customer_id) & o.deleted_at.is_null()).tuples().get())
    contact = i.select(fn.MAX(i.occurred_at)).where((i.customer == customer_id) & i.deleted_at.is_null()).scalar()
    m.Customer.update(order_count=count, order_total_cents=total, first_order_on=first, last_order_on=last,
                      last_contact_at=contact, stamp=now).where(m.Customer.id == customer_id).execute()
    customers.refresh_search_columns(ctx, customer_id)


def undo_merge(ctx: Context, merge_id: int) -> Changes:
    policy.require(ctx, policy.Permission.WORK_ON_ALL)
    now = ctx.now()
    with atomic():
        record = m.MergeRecord.get_or_none(m.MergeRecord.id == merge_id)
        if record is None or record.undone_at is not None:
            raise NotFoundError(QT_TRANSLATE_NOOP("errors", "That merge does not exist or was already undone."))
        others = json.loads(record.merged)
        moved = json.loads(record.moved)
        for model in MOVABLE:
            by_origin: dict[int, list[int]] = {}
            for row_id, origin in moved.get(model._meta.table_name, []):
                by_origin.setdefault(origin, []).append(row_id)
            for origin, ids in by_origin.items():  # every moved row goes back where it came from
                model.update(customer=origin, stamp=now).where(model.id.in_(ids)).execute()
        for tag_id in json.loads(record.tags_added):
            m.CustomerTag.update(deleted_at=now, stamp=now).where(
                (m.CustomerTag.customer == record.survivor_id) & (m.CustomerTag.tag == tag_id)).execute()
        before = {k: v for k, v in json.loads(record.survivor_before).items() if k in RESTORED}
        survivor = m.Customer.get_by_id(record.survivor_id)
        shown = {k: v for k, v in before.items() if k not in customers.DERIVED and not k.startswith("search_")}
        audit.changed(ctx, survivor, "undo", {k: getattr(survivor, k) for k in shown}, shown, always=True)
        audit.restored(ctx, m.Customer, others, action="undo")
        m.Customer.update(stamp=now, **before).where(m.Customer.id == record.survivor_id).execute()
        m.Customer.update(deleted_at=None, stamp=now).where(m.Customer.id.in_(others)).execute()
        m.MergeRecord.update(undone_at=now, stamp=now).where(m.MergeRecord.id == merge_id).execute()
    return Changes(customers={record.survivor_id, *others})

