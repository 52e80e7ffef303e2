"""The conflict list: values that lost a merge, for the user to review, swap or dismiss.

A conflict names the record (table and uid), the field, the value kept and the other value,
with the clock and replica of each. "Use other value" writes the other value into the record
as a new local edit (so it travels to the other replicas at the next sync) and swaps the two
in the conflict, so the choice can be undone the same way. A conflict on ``deleted_at``
is an edit that met a delete: using the other value restores (or bins) the record.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from crmdesk.domain.changes import Changes
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, NotFoundError
from crmdesk.services import audit, sync_clock
from crmdesk.services.context import Context
from crmdesk.storage import models as m
from crmdesk.storage import sync_tables
from crmdesk.storage.sync_store import Store
from crmdesk.storage.transactions import atomic

NAME_COLUMNS = {"customer": "name", "opportunity": "title", "complaint": "description", "contact": "name",
                "reminder": "title", "interaction": "summary", "tag": "name", "user": "display_name",
                "pipeline_stage": "name", "lost_reason": "name", "complaint_category": "name", "segment": "name"}


@dataclass(frozen=True)
class ConflictRow:
    id: int
    table_name: str
    uid: str
    record: str  # the record's name or title
    field: str
    kept: Any
    other: Any
    found_at: int
    kept_by: str  # the replica (laptop) that made the kept change
    other_by: str
    kept_hlc: int
    other_hlc: int
    resolved: bool


def _names(rows: list[tuple[Any, ...]]) -> dict[tuple[str, str], str]:
    wanted: dict[str, set[str]] = {}
    for r in rows:
        wanted.setdefault(r[1], set()).add(r[2])
    out: dict[tuple[str, str], str] = {}
    for table, uids in wanted.items():
        column = NAME_COLUMNS.get(table)
        if column is None:
            continue
        model = sync_tables.spec(table).model
        for uid, name in model.select(model.uid, getattr(model, column)).where(model.uid.in_(sorted(uids))).tuples():
            out[(table, uid)] = (name or "").strip().splitlines()[0][:80] if name else ""
    return out


def list_conflicts(open_only: bool = True, limit: int = 1000) -> list[ConflictRow]:
    """Conflicts, newest first, with record names and replica names."""
    s = Store(m.database_proxy.obj)
    rows = s.conflicts(open_only, limit)
    names = _names(rows)
    peers = s.peer_names()
    me = s.replica_id()
    peers.setdefault(me, s.replica_name())

    def who(origin: str) -> str:
        return peers.get(origin, origin) if origin else ""

    return [ConflictRow(int(r[0]), r[1], r[2], names.get((r[1], r[2]), ""), r[3], json.loads(r[4] or "null"),
                        json.loads(r[7] or "null"), int(r[10]), who(r[6]), who(r[9]), int(r[5]), int(r[8]),
                        r[11] is not None)
            for r in rows]


def open_count() -> int:
    return int(Store(m.database_proxy.obj).run("SELECT COUNT(*) FROM sync_conflict WHERE resolved_at IS NULL")
               .fetchone()[0])


def _get(conflict_id: int) -> tuple[Any, ...]:
    row = m.SyncConflict.get_or_none(m.SyncConflict.id == conflict_id)
    if row is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "That conflict no longer exists."))
    return row


def use_other(ctx: Context, conflict_id: int) -> Changes:
    """Put the other value into the record (a local edit that syncs on) and swap the two."""
    with atomic():
        c = _get(conflict_id)
        spec = sync_tables.spec(c.table_name)
        value = json.loads(c.other_value or "null")
        column = spec.by_column[c.field]
        if column.references and value is not None:
            target = sync_tables.spec(column.references).model
            found = target.get_or_none(target.uid == value)
            value = found.id if found is not None else None
        model = spec.model
        row = model.get_or_none(model.uid == c.uid)
        if row is None:
            raise NotFoundError(QT_TRANSLATE_NOOP("errors", "The record of that conflict no longer exists."))
        before = row.__data__.get(_field_name(model, c.field))
        m.database_proxy.execute_sql(f'UPDATE "{c.table_name}" SET "{c.field}" = {m.database_proxy.param}, '
                                     f'stamp = {m.database_proxy.param} WHERE id = {m.database_proxy.param}',
                                     [value, ctx.now(), row.id])
        sync_clock.touch(ctx, model, [row.id], [c.field])
        if c.table_name in sync_clock.AUDITED_TABLES:
            audit.record(ctx, c.table_name, c.uid, "sync-conflict", {c.field: [before, value]})
        Store(m.database_proxy.obj).refresh_derived(c.table_name, [row.id])
        m.SyncConflict.update(kept_value=c.other_value, other_value=c.kept_value, kept_hlc=c.other_hlc,
                              other_hlc=c.kept_hlc, kept_origin=c.other_origin, other_origin=c.kept_origin).where(
            m.SyncConflict.id == conflict_id).execute()
    return _changes(c.table_name, row.id)


def dismiss(ctx: Context, conflict_ids: list[int]) -> Changes:
    """Keep the kept values: the conflicts leave the open list."""
    with atomic():
        m.SyncConflict.update(resolved_at=ctx.now()).where(m.SyncConflict.id.in_(conflict_ids)).execute()
    return Changes()


def _field_name(model: type[m.BaseModel], column: str) -> str:
    for f in model._meta.sorted_fields:
        if f.column_name == column:
            return f.name
    return column


def _changes(table: str, record_id: int) -> Changes:
    kinds = {"customer": "customers", "opportunity": "opportunities", "complaint": "complaints", "reminder": "reminders",
             "interaction": "interactions"}
    kind = kinds.get(table)
    if kind is None:
        return Changes(everything=True)
    try:
        return Changes(**{kind: {record_id}})
    except TypeError:
        return Changes(everything=True)
