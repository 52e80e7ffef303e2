"""Changes that can be taken back: each call does the change and returns a :class:`Step`
that knows how to undo it and, where that makes sense, redo it.

A step keeps what it needs to put things back (the values before, the ids it touched), read
in the same transaction as the change. Undoing goes through the same services as the change
itself, so the audit trail, the search index and the running totals follow. A step whose
records were changed again by somebody else since is still undone field by field: the last
action wins, as when the user types the old values back.

The user interface keeps the steps on its undo stack (Ctrl+Z, Ctrl+Shift+Z).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from crmdesk.domain.changes import Changes
from crmdesk.domain.customer import CustomerInput, clean_tags
from crmdesk.domain.errors import QT_TRANSLATE_NOOP
from crmdesk.domain.filters import CustomerFilter
from crmdesk.services import audit, bulk, customers, dedupe, importing, pipeline, policy
from crmdesk.services.context import Context
from crmdesk.services.progress import Progress
from crmdesk.storage import models as m
from crmdesk.storage.transactions import atomic

CONTEXT = "undo"


@dataclass
class Step:
    """One change the user made: a name for the Edit menu ("Undo <what>"), and how to take
    it back and bring it again. ``redo`` is None for changes that cannot be made again
    from what is kept (an import needs its file)."""

    what: str  # marked for translation in the "undo" context; {count} and {name} filled in
    count: int
    name: str
    undo: Callable[[Context], Changes]
    redo: Callable[[Context], Changes] | None
    changes: Changes  # what doing it changed


def restore_customers(ctx: Context, customer_ids: list[int]) -> Changes:
    """Take customers back out of the recycle bin (the undo of a delete; the bin's restore).

    Set-based: one select, one audit statement and one update per chunk of ids, so 100,000
    customers come back in a few statements. Their contacts, tags, history, deals, tasks and
    complaints were never touched by the delete and reappear with them; the search index and
    the dashboard's running totals follow through their triggers.
    """
    if not customer_ids:
        return Changes()
    policy.require_customers(ctx, customer_ids)
    now = ctx.now()
    with atomic():
        ids = [i for part in bulk._chunks(list(dict.fromkeys(customer_ids))) for (i,) in m.Customer.select(m.Customer.id).where(
            m.Customer.id.in_(part) & m.Customer.deleted_at.is_null(False)).tuples()]
        audit.restored(ctx, m.Customer, ids)
        for part in bulk._chunks(ids):
            m.Customer.update(deleted_at=None, stamp=now).where(m.Customer.id.in_(part)).execute()
    return bulk._changes(ids)


def create_customer(ctx: Context, data: CustomerInput) -> tuple[int, Step]:
    customer_id, changes = customers.create_customer(ctx, data)
    return customer_id, Step(
        QT_TRANSLATE_NOOP("undo", "new customer “{name}”"), 1, data.name,
        undo=lambda c: customers.delete_customers(c, [customer_id]),
        redo=lambda c: restore_customers(c, [customer_id]),
        changes=changes,
    )


def edit_customer(ctx: Context, customer_id: int, data: CustomerInput) -> Step:
    before = customers.load_input(customer_id)
    changes = customers.update_customer(ctx, customer_id, data)
    return Step(
        QT_TRANSLATE_NOOP("undo", "changes to “{name}”"), 1, data.name,
        undo=lambda c: customers.update_customer(c, customer_id, before, action="undo"),
        redo=lambda c: customers.update_customer(c, customer_id, data),
        changes=changes,
    )


def delete_customers(ctx: Context, flt: CustomerFilter) -> Step:
    """Bin the customers the filter selects (a selection is a filter of ids)."""
    with atomic():
        ids = bulk.resolve(ctx, flt)
        changes = bulk.delete(ctx, CustomerFilter(ids=tuple(ids)))
    return Step(
        QT_TRANSLATE_NOOP("undo", "deleting customers (%n)"), len(ids), "",
        undo=lambda c: restore_customers(c, ids),
        redo=lambda c: bulk.delete(c, CustomerFilter(ids=tuple(ids))),
        changes=changes,
    )


def _grouped(ids: list[int], *columns: str) -> dict[tuple, list[int]]:
    """The customers ``ids`` grouped by their current values of ``columns``."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    fields = [getattr(m.Customer, c) for c in columns]
    for part in bulk._chunks(ids):
        for cid, *values in m.Customer.select(m.Customer.id, *fields).where(m.Customer.id.in_(part)).tuples():
            groups[tuple(values)].append(cid)
    return groups


def set_field(ctx: Context, flt: CustomerFilter, field: str, value: str, progress: Progress | None = None) -> Step:
    """Set tier, category or stage of many customers; undoing gives each its old value back
    (and, for tier and stage, whether a person had chosen it)."""
    flag = bulk.FIELDS.get(field, (None, None))[1]
    columns = (field, flag) if flag else (field,)
    with atomic():
        ids = bulk.resolve(ctx, flt)
        before = _grouped(ids, *columns)
        changes = bulk.set_field(ctx, CustomerFilter(ids=tuple(ids)), field, value, progress)

    def undo(c: Context) -> Changes:
        out = Changes()
        with atomic():
            for values, group in before.items():
                out.merge(bulk.set_field(c, CustomerFilter(ids=tuple(group)), field, values[0], action="undo"))
                if flag:
                    for part in bulk._chunks(group):
                        m.Customer.update({flag: values[1]}).where(m.Customer.id.in_(part)).execute()
        return out

    return Step(QT_TRANSLATE_NOOP("undo", "changing customers (%n)"), len(ids), "", undo=undo,
                redo=lambda c: bulk.set_field(c, CustomerFilter(ids=tuple(ids)), field, value), changes=changes)


def assign_owner(ctx: Context, flt: CustomerFilter, owner_id: int | None) -> Step:
    with atomic():
        ids = bulk.resolve(ctx, flt)
        before = _grouped(ids, "owner")
        changes = bulk.assign_owner(ctx, CustomerFilter(ids=tuple(ids)), owner_id)

    def undo(c: Context) -> Changes:
        out = Changes()
        with atomic():
            for (owner,), group in before.items():
                out.merge(bulk.assign_owner(c, CustomerFilter(ids=tuple(group)), owner, action="undo"))
        return out

    return Step(QT_TRANSLATE_NOOP("undo", "handing over customers (%n)"), len(ids), "", undo=undo,
                redo=lambda c: bulk.assign_owner(c, CustomerFilter(ids=tuple(ids)), owner_id), changes=changes)


def _tagged(ids: list[int], name: str) -> set[int]:
    """Which of ``ids`` carry the tag ``name`` now."""
    tag = m.Tag.get_or_none((m.Tag.name == name) & m.Tag.deleted_at.is_null())
    if tag is None:
        return set()
    link = m.CustomerTag
    found: set[int] = set()
    for part in bulk._chunks(ids):
        found.update(cid for (cid,) in link.select(link.customer).where(
            link.customer.in_(part) & (link.tag == tag.id) & link.deleted_at.is_null()).tuples())
    return found


def add_tag(ctx: Context, flt: CustomerFilter, name: str, progress: Progress | None = None) -> Step:
    """Tag many customers; undoing takes the tag off only those who did not have it."""
    clean = (clean_tags([name]) or [name])[0]
    with atomic():
        ids = bulk.resolve(ctx, flt)
        had = _tagged(ids, clean)
        changes = bulk.add_tag(ctx, CustomerFilter(ids=tuple(ids)), name, progress)
    gained = tuple(i for i in ids if i not in had)
    return Step(QT_TRANSLATE_NOOP("undo", "tagging customers (%n)"), len(ids), clean,
                undo=lambda c: bulk.remove_tag(c, CustomerFilter(ids=gained), clean) if gained else Changes(),
                redo=lambda c: bulk.add_tag(c, CustomerFilter(ids=tuple(ids)), clean), changes=changes)


def remove_tag(ctx: Context, flt: CustomerFilter, name: str, progress: Progress | None = None) -> Step:
    """Untag many customers; undoing gives the tag back to those who had it."""
    with atomic():
        ids = bulk.resolve(ctx, flt)
        had = tuple(sorted(_tagged(ids, name.strip())))
        changes = bulk.remove_tag(ctx, CustomerFilter(ids=tuple(ids)), name, progress)
    return Step(QT_TRANSLATE_NOOP("undo", "untagging customers (%n)"), len(ids), name.strip(),
                undo=lambda c: bulk.add_tag(c, CustomerFilter(ids=had), name) if had else Changes(),
                redo=lambda c: bulk.remove_tag(c, CustomerFilter(ids=tuple(ids)), name), changes=changes)


def merge(ctx: Context, survivor_id: int, other_ids: list[int], chosen: dict | None = None) -> Step:
    """Merge duplicates; undo takes the merge apart, redo merges them again."""
    made: list[int] = []
    merge_id, changes = dedupe.merge(ctx, survivor_id, other_ids, chosen)
    made.append(merge_id)

    def redo(c: Context) -> Changes:
        again, out = dedupe.merge(c, survivor_id, other_ids, chosen)
        made.append(again)
        return out

    name = m.Customer.get_by_id(survivor_id).name
    return Step(QT_TRANSLATE_NOOP("undo", "merging into “{name}”"), len(other_ids) + 1, name,
                undo=lambda c: dedupe.undo_merge(c, made[-1]), redo=redo, changes=changes)


def imported(batch_id: int, rows: int) -> Step:
    """An import already made (the import dialog runs it): undo takes it back; it cannot be
    redone without its file."""
    return Step(QT_TRANSLATE_NOOP("undo", "importing rows (%n)"), rows, "",
                undo=lambda c: importing.undo_import(c, batch_id), redo=None, changes=Changes())


def moved(token: pipeline.Undo, title: str) -> Step:
    """A pipeline move already made: undo puts the deal back (the move's own undo); moving
    it again is the user's to do on the board."""
    return Step(QT_TRANSLATE_NOOP("undo", "moving “{name}”"), 1, title,
                undo=lambda c: pipeline.undo(c, token), redo=None, changes=Changes())

