"""Field clocks written with every change, in the change's own transaction.

Services call these right where they write: :func:`audited` wraps an audit write, so every
field the audit trail records for customers, deals and complaints (one record or 100,000,
set-based) also gets its hybrid-logical-clock value from the entries just written, in one
``INSERT … SELECT`` per table; :func:`touch` does the same for tables without an audit trail
(contacts, care tasks) from an id list. Changes no service marks are still found by the
sync's capture step (see :mod:`crmdesk.storage.sync_store`), record by record.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache

from crmdesk.services.context import Context
from crmdesk.storage import models as m
from crmdesk.storage import sync_tables
from crmdesk.storage.sync_store import Store

AUDITED_TABLES = ("customer", "opportunity", "complaint")


def store() -> Store:
    return Store(m.database_proxy.obj)


def enabled() -> bool:
    """Whether the database keeps sync clocks (a file at an older schema, opened by a test
    or a tool below the head version, has no sync tables). A yes is remembered per database."""
    db = m.database_proxy.obj
    if getattr(db, "_crmdesk_sync_tables", False):
        return True
    known = db.table_exists("sync_record")
    if known:  # only a yes is kept: a file being upgraded gains the tables under the same object
        db._crmdesk_sync_tables = True
    return known


@cache
def audit_columns() -> dict[str, dict[str, str]]:
    """Per audited table, each key an audit entry may hold mapped to its synced column."""
    out: dict[str, dict[str, str]] = {}
    for table in AUDITED_TABLES:
        spec = sync_tables.spec(table)
        keys = set(spec.by_column) | set(spec.model._meta.fields) | {c.removesuffix("_id") for c in spec.by_column}
        out[table] = {k: c for k in sorted(keys) if (c := sync_tables.audit_key_to_column(table, k)) is not None}
    return out


def tick(ctx: Context) -> tuple[int, str]:
    """A new local HLC value and this replica's id."""
    s = store()
    return s.next_hlc(ctx.now()), s.replica_id()


@contextmanager
def audited(ctx: Context, creating: bool = False) -> Iterator[None]:
    """Clocks for the fields of the audit entries written inside the block (``creating``:
    new records, whose fields all share the record's clock)."""
    if not enabled():
        yield
        return
    s = store()
    before = s.last_audit_id()
    yield
    if s.last_audit_id() == before:
        return
    value, me = tick(ctx)
    s.touch_from_audit(before, value, me, creating, audit_columns())


def touch(ctx: Context, model: type[m.Synced], ids: Sequence[int], fields: Sequence[str] = ()) -> None:
    """Mark records ``ids`` of ``model`` as changed now, with ``fields`` (column names) each
    getting the new clock. Set-based: a few statements per chunk of ids."""
    if not ids or not enabled():
        return
    value, me = tick(ctx)
    s = store()
    table = model._meta.table_name
    columns = [model._meta.fields[f].column_name if f in model._meta.fields else f for f in fields]
    ordered = sorted(set(ids))
    for i in range(0, len(ordered), 900):
        part = ordered[i:i + 900]
        s.touch(table, f"t.id IN ({s.marks(len(part))})", part, columns, value, me)


def touch_where(ctx: Context, model: type[m.Synced], where: str, params: Sequence[object],
                fields: Sequence[str] = ()) -> None:
    """:func:`touch` for the rows (alias ``t``) matching an SQL condition."""
    if not enabled():
        return
    value, me = tick(ctx)
    store().touch(model._meta.table_name, where, params, list(fields), value, me)


LINKS = ("customer_tag AS t JOIN customer AS c ON c.id = t.customer_id JOIN tag AS g ON g.id = t.tag_id")


def touch_links(ctx: Context, customer_ids: Sequence[int], tag_ids: Sequence[int]) -> None:
    """Mark the links of ``customer_ids`` to ``tag_ids`` as changed now (after writing
    them): a tag put on or taken off travels even when the clock has not moved on."""
    if not customer_ids or not tag_ids or not enabled():
        return
    value, me = tick(ctx)
    s = store()
    tags = sorted(set(tag_ids))
    ordered = sorted(set(customer_ids))
    for i in range(0, len(ordered), 900):
        part = ordered[i:i + 900]
        s.touch("customer_tag", f"t.customer_id IN ({s.marks(len(part))}) AND t.tag_id IN ({s.marks(len(tags))})",
                [*part, *tags], ["deleted_at"], value, me, source=LINKS, uid="c.uid || ':' || g.uid",
                row_stamp="t.stamp")
