"""What a database check looks at, in SQL: SQLite's own checks, orphan rows, search indexes.

Functions return what they found; the ``repair_*`` ones change only derived or dangling data
(an index rebuilt from its table, a reference to a row that is gone set to NULL, a link row
between two records one of which is gone), each in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from crmdesk.storage import engine
from crmdesk.storage.models import database_proxy

# FTS5 indexes over a view of live rows, and that view's table (migrations 2, 5, 6).
SEARCH_INDEXES = {
    "customer_fts": "customer",
    "customer_phone_fts": "customer",
    "complaint_fts": "complaint",
}
# Rows that only link two records: one whose record is gone means nothing and may go.
LINK_TABLES = {"customer_tag", "import_item"}


@dataclass(frozen=True)
class Orphans:
    table: str
    column: str
    parent: str
    rows: int
    rule: str  # "null" (the reference is cleared), "delete" (a link row), "keep" (reported)


def _db():  # noqa: ANN202 - the models' peewee database
    return database_proxy.obj


def sqlite_check(pragma: str = "integrity_check") -> list[str]:
    """What ``PRAGMA integrity_check`` says is wrong ([] when healthy; always so on a server,
    which checks its own pages)."""
    if not engine.is_sqlite():
        return []
    try:
        rows = [str(r[0]) for r in _db().execute_sql(f"PRAGMA {pragma}")]
    except Exception as exc:  # a damaged file may raise instead of answering  # noqa: BLE001
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def orphans() -> list[Orphans]:
    """References to rows that do not exist (``PRAGMA foreign_key_check``), by column."""
    db = _db()
    if not engine.is_sqlite():
        return _orphans_from_models()
    found: dict[tuple[str, int], int] = {}
    for table, _rowid, _parent, fkid in db.execute_sql("PRAGMA foreign_key_check"):
        found[(table, fkid)] = found.get((table, fkid), 0) + 1
    result = []
    for (table, fkid), count in sorted(found.items()):
        keys = {row[0]: row for row in db.execute_sql(f'PRAGMA foreign_key_list("{table}")')}
        key = keys[fkid]
        column, parent, on_delete = key[3], key[2], key[6]
        not_null = {r[1]: r[3] for r in db.execute_sql(f'PRAGMA table_info("{table}")')}[column]
        rule = "null" if not not_null and on_delete == "SET NULL" else "delete" if table in LINK_TABLES else "keep"
        result.append(Orphans(table, column, parent, count, rule))
    return result


def repair_orphans(found: list[Orphans]) -> int:
    """Clear dangling references and delete dangling link rows; returns the rows changed."""
    db = _db()
    changed = 0
    with db.atomic():
        for o in found:
            dangling = (f'"{o.column}" IS NOT NULL AND "{o.column}" NOT IN '
                        f'(SELECT "{_primary_key(o.parent)}" FROM "{o.parent}")')
            if o.rule == "null":
                changed += db.execute_sql(f'UPDATE "{o.table}" SET "{o.column}" = NULL WHERE {dangling}').rowcount
            elif o.rule == "delete":
                changed += db.execute_sql(f'DELETE FROM "{o.table}" WHERE {dangling}').rowcount
    return changed


def _orphans_from_models() -> list[Orphans]:
    """Dangling references found from the models' foreign keys (engines without SQLite's
    ``foreign_key_check``; the server enforces them, so only a session that switched its
    checks off can leave one)."""
    from crmdesk.storage import models as m

    result = []
    for model in sorted(m.ALL_MODELS, key=lambda model: model._meta.table_name):
        table = model._meta.table_name
        for fk in sorted(model._meta.refs, key=lambda fk: fk.column_name):
            parent, column = fk.rel_model._meta.table_name, fk.column_name
            rows = _db().execute_sql(
                f'SELECT COUNT(*) FROM "{table}" AS t WHERE t."{column}" IS NOT NULL AND NOT EXISTS '
                f'(SELECT 1 FROM "{parent}" AS p WHERE p."{fk.rel_field.column_name}" = t."{column}")').fetchone()[0]
            if rows:
                on_delete = (fk.on_delete or "").upper()
                rule = "null" if fk.null and on_delete == "SET NULL" else "delete" if table in LINK_TABLES else "keep"
                result.append(Orphans(table, column, parent, int(rows), rule))
    return result


def _primary_key(table: str) -> str:
    if not engine.is_sqlite():
        from crmdesk.storage import models as m

        return next(model._meta.primary_key.column_name for model in m.ALL_MODELS if model._meta.table_name == table)
    columns = [r for r in _db().execute_sql(f'PRAGMA table_info("{table}")') if r[5]]
    return columns[0][1] if columns else "rowid"


def search_index_problems() -> list[str]:
    """The search indexes that disagree with their tables (or are damaged)."""
    db = _db()
    if not engine.is_sqlite():
        return []  # the server's trigram indexes are part of their tables, never out of step
    existing = {r[0] for r in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    bad = []
    for index, table in SEARCH_INDEXES.items():
        if index not in existing:
            continue
        live = db.execute_sql(f'SELECT COUNT(*) FROM "{table}" WHERE deleted_at IS NULL').fetchone()[0]
        indexed = db.execute_sql(f'SELECT COUNT(*) FROM "{index}_docsize"').fetchone()[0]
        try:
            db.execute_sql(f"INSERT INTO {index}({index}, rank) VALUES ('integrity-check', 1)")
            sound = True
        except Exception:  # noqa: BLE001 - SQLite says "malformed" for an index out of step
            sound = False
        if not sound or live != indexed:
            bad.append(index)
    return bad


def rebuild_search_indexes(indexes: list[str]) -> None:
    """Build the named search indexes afresh from their tables, in one transaction."""
    db = _db()
    with db.atomic():
        for index in indexes:
            if index in SEARCH_INDEXES:
                db.execute_sql(f"INSERT INTO {index}({index}) VALUES ('rebuild')")
