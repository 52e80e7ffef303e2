"""The one place that records who changed what and when on customers, deals and complaints.

An entry holds the action (create, update, delete, restore, merge, import, move, won, lost,
reopen, status, undo …), the acting user and the time from the context's clock, and the
fields that actually changed as ``{field: [before, after]}``. Single changes are written from
Python (:func:`record`, :func:`changed`); changes of many records at once are written by the
database in one ``INSERT … SELECT`` per chunk (:func:`set_many`, :func:`mark_many`), inside
the caller's transaction, so a bulk change of 100,000 customers does not run Python per row.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from crmdesk.services.context import Context
from crmdesk.services.sync_clock import audited
from crmdesk.storage import audit as sql
from crmdesk.storage import models as m

CHUNK = 5_000
AUDITED = ("customer", "opportunity", "complaint")

# Foreign keys are recorded under the field's name (owner), holding the id.
_COLUMN = {"owner": "owner_id", "customer": "customer_id", "stage": "stage_id", "lost_reason": "lost_reason_id",
           "assignee": "assignee_id", "category_id": "category_id"}


def _column_of(model: type[m.Synced], key: str) -> str:
    """The column behind field ``key`` of ``model``: a deal's ``stage`` is ``stage_id``, a
    customer's ``stage`` (lifecycle) is plain ``stage``."""
    field = model._meta.fields.get(key)
    return field.column_name if field is not None else _COLUMN.get(key, key)


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, m.BaseModel):
        return value.get_id()
    return value


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """``{field: [before, after]}`` for the fields of ``after`` whose value differs."""
    out = {}
    for key, new in after.items():
        old = _plain(before.get(key))
        new = _plain(new)
        if old != new:
            out[key] = [old, new]
    return out


def record(ctx: Context, table: str, uid: str, action: str, changes: Mapping[str, Any], creating: bool = False) -> None:
    """Write one entry as given (``changes`` already ``{field: [before, after]}``); the
    fields get their sync clocks with it."""
    with audited(ctx, creating):
        _write(ctx, table, uid, action, changes)


def _write(ctx: Context, table: str, uid: str, action: str, changes: Mapping[str, Any]) -> None:
    m.AuditEntry.create(at=ctx.now(), user=ctx.user_id, table_name=table, record_uid=uid, action=action,
                        changes=json.dumps({k: [_plain(a), _plain(b)] for k, (a, b) in changes.items()},
                                           ensure_ascii=False, default=str))


def changed(ctx: Context, row: m.Synced, action: str, before: Mapping[str, Any], after: Mapping[str, Any],
            always: bool = False) -> bool:
    """Write an entry for ``row`` holding the fields that differ between ``before`` and
    ``after``; nothing when none does (unless ``always``: a delete or restore is news even
    without a field). Returns whether an entry was written."""
    changes = diff(before, after)
    if not changes and not always:
        return False
    record(ctx, row._meta.table_name, row.uid, action, changes)
    return True


def created(ctx: Context, row: m.Synced, values: Mapping[str, Any], action: str = "create") -> None:
    """The entry of a new record: its non-empty fields, from nothing."""
    changes = {k: [None, v] for k, v in values.items() if _plain(v) not in ("", None, False, [], {})}
    record(ctx, row._meta.table_name, row.uid, action, changes, creating=True)


def _chunks(ids: Sequence[int]) -> list[Sequence[int]]:
    return [ids[i:i + CHUNK] for i in range(0, len(ids), CHUNK)]


def set_many(ctx: Context, model: type[m.Synced], ids: Sequence[int], action: str, values: Mapping[str, Any]) -> int:
    """Entries for setting ``values`` on the records ``ids``, with each record's value
    before from its row: call *before* the update. Records already holding every value get
    no entry. Returns the number of entries written."""
    table = model._meta.table_name
    fields = [sql.Field(key, f"t.{_column_of(model, key)}", sql._param(), (_plain(value),))
              for key, value in values.items()]
    written = 0
    with audited(ctx):
        for part in _chunks(list(ids)):
            where, params = sql.ids_clause(part)
            written += sql.insert_for_rows(ctx.now(), ctx.user_id, action, table, fields, where, params)
    return written


def mark_many(ctx: Context, model: type[m.Synced], ids: Sequence[int], action: str,
              changes: Mapping[str, Any], where: str = "", params: Sequence[Any] = ()) -> int:
    """The same entry (e.g. a tag added) for every record of ``ids`` that also meets the SQL
    condition ``where`` on its row ``t`` (e.g. does not have the tag yet)."""
    table = model._meta.table_name
    written = 0
    with audited(ctx):
        for part in _chunks(list(ids)):
            clause, ids_params = sql.ids_clause(part)
            if where:
                clause, ids_params = f"{clause} AND {where}", [*ids_params, *params]
            written += sql.insert_fixed(ctx.now(), ctx.user_id, action, table, dict(changes), clause, ids_params)
    return written


def created_many(ctx: Context, model: type[m.Synced], ids: Sequence[int], action: str,
                 columns: Sequence[str]) -> int:
    """Entries for new records (after they are written): their non-empty ``columns``."""
    table = model._meta.table_name
    fields = [sql.Field(c.removesuffix("_id") if c in _COLUMN.values() else c, "NULL", f"t.{c}") for c in columns]
    written = 0
    with audited(ctx, creating=True):
        for part in _chunks(list(ids)):
            where, params = sql.ids_clause(part)
            written += sql.insert_for_rows(ctx.now(), ctx.user_id, action, table, fields, where, params, creating=True)
    return written


def deleted(ctx: Context, model: type[m.Synced], ids: Sequence[int], action: str = "delete") -> int:
    """Entries for binning records (call before setting ``deleted_at``)."""
    return set_many(ctx, model, ids, action, {"deleted_at": ctx.now()})


def restored(ctx: Context, model: type[m.Synced], ids: Sequence[int], action: str = "restore") -> int:
    """Entries for taking records out of the recycle bin (call before clearing ``deleted_at``)."""
    return set_many(ctx, model, ids, action, {"deleted_at": None})


def history(table: str, uid: str, after: sql.Cursor | None = None, limit: int = 100) -> list[sql.AuditRow]:
    return sql.history(table, uid, after, limit)


def trail(flt: sql.TrailFilter, after: sql.Cursor | None = None, limit: int = 100,
          ctx: Context | None = None) -> list[sql.AuditRow]:
    """The whole trail: changes to every customer, so not for who sees only their own."""
    if ctx is not None:
        from crmdesk.services import policy  # (policy reads storage only; audit is below it)

        policy.require(ctx, policy.Permission.SEE_ALL)
    return sql.trail(flt, after, limit)


def uid_of(table: str, record_id: int) -> str:
    model = {"customer": m.Customer, "opportunity": m.Opportunity, "complaint": m.Complaint}[table]
    return model.get_by_id(record_id).uid


def import_updates(ctx: Context, batch_id: int, columns: Sequence[str], undoing: bool = False) -> int:
    """Entries for the customers an import updated (after it), or for their undo (before it)."""
    with audited(ctx):
        return sql.insert_for_import_updates(ctx.now(), ctx.user_id, "undo" if undoing else "import", batch_id,
                                             columns, undoing)


# -- reading, for the history views ----------------------------------------------------------------
REFERENCES = {"owner": "user", "owner_id": "user", "assignee": "user", "stage": "stage", "lost_reason": "reason",
              "customer": "customer", "category": "category"}


def names_for(rows: Sequence[sql.AuditRow]) -> dict[tuple[str, int], str]:
    """The names behind the ids the entries hold (owners, stages, lost reasons, complaint
    categories, customers), by (kind, id): one query per kind for a page of entries."""
    wanted: dict[str, set[int]] = {}
    for row in rows:
        for key, pair in row.changes.items():
            kind = REFERENCES.get(key)
            if kind == "category" and row.table_name != "complaint":
                continue  # a customer's category is an enum value, not an id
            if kind and isinstance(pair, list):
                wanted.setdefault(kind, set()).update(v for v in pair if isinstance(v, int))
    models = {"user": (m.User, m.User.display_name), "stage": (m.PipelineStage, m.PipelineStage.name),
              "reason": (m.LostReason, m.LostReason.name), "customer": (m.Customer, m.Customer.name),
              "category": (m.ComplaintCategory, m.ComplaintCategory.name)}
    out: dict[tuple[str, int], str] = {}
    for kind, ids in wanted.items():
        model, column = models[kind]
        for id_, name in model.select(model.id, column).where(model.id.in_(sorted(ids))).tuples():
            out[(kind, id_)] = name
    return out


def users() -> list[tuple[int, str]]:
    """Everyone who may have made a change (also users no longer active), by name."""
    return [(u.id, u.display_name) for u in m.User.select(m.User.id, m.User.display_name).order_by(m.User.display_name)]
