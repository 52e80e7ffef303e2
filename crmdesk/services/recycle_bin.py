"""The recycle bin: what was deleted, brought back, or erased for good.

Deleting a customer, a deal, a care task or a complaint only tombstones it (``deleted_at``);
the bin lists those tombstones across the four kinds, newest first, a page at a time
(keyset paging: a bulk delete can bin 100,000 customers), searchable by name and filtered
by kind.

- **Restore** takes items out of the bin. A customer comes back with everything that hangs
  off it (the delete never touched those rows). A deal, task or complaint whose customer is
  still in the bin cannot come back alone (it would hang off a customer nobody can see): it
  is refused with a sentence naming the customer, unless that customer is restored in the
  same call. Restoring is an undoable step (:func:`restore_step`).
- **Empty** erases items for good, with their related rows, in one transaction; it cannot be
  undone (the confirmation says so).
- **Retention**: items binned longer than the retention period (a setting, 30 days unless
  changed) are erased by :func:`purge_expired`, which the app runs at start-up on its worker;
  running it twice erases nothing more.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from crmdesk.domain.changes import Changes
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from crmdesk.domain.filters import CustomerFilter
from crmdesk.domain.roles import Permission
from crmdesk.services import audit, bulk, policy, setup, undo
from crmdesk.services.context import Context
from crmdesk.services.progress import NoProgress, Progress, check
from crmdesk.services.undo import Step
from crmdesk.storage import models as m
from crmdesk.storage import recycle_bin as store
from crmdesk.storage.recycle_bin import COMPLAINT, CUSTOMER, DEAL, KINDS, TASK, BinRow, Selection
from crmdesk.storage.transactions import atomic

_MODELS = {DEAL: m.Opportunity, TASK: m.Reminder, COMPLAINT: m.Complaint}

__all__ = ["COMPLAINT", "CUSTOMER", "DEAL", "KINDS", "TASK", "BinRow", "Item", "counts", "empty", "page",
           "purge_expired", "restore", "restore_step", "retention_days", "set_retention_days"]

Item = tuple[str, int]  # (kind, id)
RETENTION_KEY = "recycle_bin_days"
DEFAULT_DAYS = 30
MAX_DAYS = 3650
DAY_MS = 86_400_000
PAGE = 200


# -- reading ----------------------------------------------------------------------------------
def page(after: tuple[int, int, int] | None = None, limit: int = PAGE, text: str = "",
         kinds: Sequence[str] = KINDS) -> list[BinRow]:
    """The next ``limit`` items after the one whose ``key`` is ``after`` (None: the newest)."""
    return store.page(after, limit, text, kinds)


def counts(text: str = "") -> dict[str, int]:
    """Items in the bin per kind (those matching ``text`` when given)."""
    return store.counts(text)


def retention_days() -> int:
    value = setup.get_setting(RETENTION_KEY, DEFAULT_DAYS)
    return value if isinstance(value, int) and 1 <= value <= MAX_DAYS else DEFAULT_DAYS


def require_access(ctx: Context) -> None:
    """The bin is the owner's (issue: roles): opening it, restoring from it, erasing and its
    retention. Undoing one's own delete is not a visit to the bin and needs only the right to
    change the records."""
    policy.require(ctx, Permission.RECYCLE_BIN)


def set_retention_days(ctx: Context, days: int) -> Changes:
    require_access(ctx)
    if not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Keep deleted items between 1 and {max} days."),
                              field="days", max=MAX_DAYS)
    return setup.set_setting(ctx, RETENTION_KEY, days)


def _by_kind(items: Iterable[Item]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {kind: [] for kind in KINDS}
    for kind, item_id in items:
        if kind not in out:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not a kind of item in the recycle bin."),
                                  field="kind", value=kind)
        out[kind].append(int(item_id))
    return {kind: list(dict.fromkeys(ids)) for kind, ids in out.items()}


# -- restoring --------------------------------------------------------------------------------
def restore(ctx: Context, items: Iterable[Item]) -> Changes:
    """Take ``items`` out of the bin (those no longer there are left alone), in one transaction."""
    wanted = _by_kind(items)
    with atomic():
        coming = set(store.binned_ids(CUSTOMER, wanted[CUSTOMER]))
        for kind in (DEAL, TASK, COMPLAINT):
            stuck = [row for row in store.owners_in_bin(kind, wanted[kind]) if row[2] not in coming]
            if stuck:
                _id, name, _cid, customer = stuck[0]
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "“{name}” belongs to {customer}, who is in the recycle bin too: restore {customer} "
                              "first, or both together."), field="customer", name=name, customer=customer)
        changes = undo.restore_customers(ctx, sorted(coming)) if coming else Changes()
        now = ctx.now()
        taken: dict[str, list[int]] = {}
        for kind in (DEAL, TASK, COMPLAINT):
            if kind != TASK:  # care tasks keep no audit trail; the entries read the rows as binned
                audit.restored(ctx, _MODELS[kind], wanted[kind])
            rows = store.untomb(kind, wanted[kind], now)
            taken[kind] = [r[0] for r in rows]
        store.retire_removed_stages(taken[DEAL], now)
    changes.opportunities |= set(taken[DEAL])
    changes.reminders |= set(taken[TASK])
    changes.complaints |= set(taken[COMPLAINT])
    return changes


def _bin(ctx: Context, items: Iterable[Item]) -> Changes:
    """Put restored items back in the bin (the undo of a restore)."""
    wanted = _by_kind(items)
    with atomic():
        changes = bulk.delete(ctx, CustomerFilter(ids=tuple(wanted[CUSTOMER]))) if wanted[CUSTOMER] else Changes()
        now = ctx.now()
        for kind, model in ((DEAL, m.Opportunity), (TASK, m.Reminder), (COMPLAINT, m.Complaint)):
            for part in bulk._chunks(wanted[kind]):
                live = list(model.select(model.id, model.uid).where(model.id.in_(part) & model.deleted_at.is_null())
                            .tuples())
                if not live:
                    continue
                if kind != TASK:
                    audit.deleted(ctx, model, [r[0] for r in live])
                model.update(deleted_at=now, stamp=now).where(model.id.in_([r[0] for r in live])).execute()
    changes.opportunities |= set(wanted[DEAL])
    changes.reminders |= set(wanted[TASK])
    changes.complaints |= set(wanted[COMPLAINT])
    return changes


def restore_step(ctx: Context, items: Sequence[Item]) -> Step:
    """Restore ``items`` as a step of the undo stack: undoing it puts them back in the bin."""
    require_access(ctx)
    chosen = list(items)
    wanted = _by_kind(chosen)
    with atomic():
        binned = [(kind, i) for kind in KINDS for i in store.binned_ids(kind, wanted[kind])]
        changes = restore(ctx, binned)
    return Step(QT_TRANSLATE_NOOP("undo", "restoring items (%n)"), len(binned), "",
                undo=lambda c: _bin(c, binned), redo=lambda c: restore(c, binned), changes=changes)


def _swap(ctx: Context, binning: list[Item], restoring: list[Item]) -> Changes:
    with atomic():
        changes = _bin(ctx, binning) if binning else Changes()
        if restoring:
            changes.merge(restore(ctx, restoring))
    return changes


def deleting_step(name: str, items: list[Item], changes: Changes, follow_ups: list[Item] | None = None) -> Step:
    """The undo step of a delete already made (a deal, a complaint, a care task): undoing it
    takes ``items`` out of the bin and puts back in the bin what the delete brought in
    (``follow_ups``: the next occurrence of a recurring task)."""
    made = list(follow_ups or [])
    return Step(QT_TRANSLATE_NOOP("undo", "deleting “{name}”"), len(items), name,
                undo=lambda c: _swap(c, made, items), redo=lambda c: _swap(c, items, made), changes=changes)


def delete_deal(ctx: Context, deal_id: int, stamp: int | None, title: str) -> Step:
    from crmdesk.services import pipeline

    return deleting_step(title, [(DEAL, deal_id)], pipeline.delete_deal(ctx, deal_id, stamp))


def delete_complaint(ctx: Context, complaint_id: int, title: str) -> Step:
    from crmdesk.services import complaints

    return deleting_step(title, [(COMPLAINT, complaint_id)], complaints.delete_complaint(ctx, complaint_id))


def delete_task(ctx: Context, task_id: int, title: str) -> Step:
    """Bin one care task; a recurring one's next occurrence, made by the delete, goes when the
    delete is undone."""
    from crmdesk.services import care

    changes = care.delete_task(ctx, task_id)
    follow = [(TASK, i) for i in sorted(changes.reminders - {task_id})]
    return deleting_step(title, [(TASK, task_id)], changes, follow)


# -- erasing ----------------------------------------------------------------------------------
def empty(ctx: Context, items: Iterable[Item] | None = None, progress: Progress | None = None) -> dict[str, int]:
    """Erase for good ``items`` (or, with None, everything in the bin) with their related
    rows, in one transaction. Items not in the bin are left alone. Returns how many of each
    kind went."""
    require_access(ctx)
    progress = progress or NoProgress()
    selection = Selection() if items is None else Selection(ids=_by_kind(items))
    with atomic():
        check(progress)
        gone = store.erase(selection)
        check(progress)  # cancelled before the commit: nothing is gone
    progress.report(1, 1)
    return gone


def changes_of(gone: dict[str, int]) -> Changes:
    """What erasing touched, for the views: customers take their orders (and the dashboard's
    revenue) with them; the rest were out of sight already, but the bin itself changed."""
    return Changes(everything=True) if any(gone.values()) else Changes()


def purge_expired(ctx: Context) -> dict[str, int]:
    """Erase what has been in the bin longer than the retention period (idempotent)."""
    before = ctx.now() - retention_days() * DAY_MS
    with atomic():
        return store.erase(Selection(before=before))
