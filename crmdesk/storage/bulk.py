"""Fast bulk loading for the demo generator and imports.

peewee's ``insert_many`` is about 12× slower than the driver's ``executemany`` (see
FIELD-NOTES), so big loads go through the raw connection inside one transaction. On SQLite the
secondary indexes, triggers and search indexes of the loaded tables can be paused for the
load and rebuilt afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from crmdesk.storage import engine
from crmdesk.storage.models import database_proxy


def insert_rows(table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Insert ``rows`` into ``table`` with one prepared statement (call inside a transaction).

    On PostgreSQL the rows go many to a statement (one round trip per row is slow over a
    network), and ids given explicitly move the table's id sequence past them, so that the
    next row the server numbers itself does not collide with one loaded here."""
    db = database_proxy.obj
    names = ", ".join(columns)
    if engine.is_sqlite():
        marks = ", ".join([db.param] * len(columns))
        db.cursor().executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
        return
    from psycopg2.extras import execute_values

    execute_values(db.cursor(), f'INSERT INTO "{table}" ({names}) VALUES %s', rows, page_size=1000)
    if "id" in columns:
        db.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                       f'(SELECT COALESCE(MAX(id), 0) + 1 FROM "{table}"), false)')


def next_id(table: str) -> int:
    row = database_proxy.execute_sql(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"').fetchone()
    return int(row[0]) + 1


@contextmanager
def deferred_upkeep(tables: Sequence[str], adding: int, db: Any = None) -> Iterator[None]:
    """Pause index and search-index upkeep on ``tables`` during a big load (SQLite only).

    Plain secondary indexes and triggers are dropped and recreated on exit, and full-text
    indexes whose content is one of the tables are rebuilt in one pass: far faster than
    keeping them in step row by row. Worth it only when the load is larger than what the
    first table already holds (``adding`` rows); otherwise nothing is paused. Use inside the
    load's transaction, so that a failure rolls the drop back too. Unique indexes stay.
    ``db``: another database than the models' (a sync peer).
    """
    db = db if db is not None else database_proxy.obj
    existing = db.execute_sql(f'SELECT COUNT(*) FROM "{tables[0]}"').fetchone()[0] if tables else 0
    if not engine.is_sqlite(db) or adding <= existing:
        yield
        return
    marks = ", ".join("?" for _ in tables)
    saved = db.execute_sql(
        f"SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN ({marks}) "
        f"AND (type = 'trigger' OR (type = 'index' AND sql NOT LIKE 'CREATE UNIQUE%'))",
        list(tables),
    ).fetchall()
    for kind, name, _ in saved:
        db.execute_sql(f'DROP {kind.upper()} "{name}"')
    yield
    for _, _, sql in saved:
        db.execute_sql(sql)
    if any(kind == "trigger" and name.startswith("kpi_") for kind, name, _ in saved):
        from crmdesk.storage import kpi

        kpi.rebuild_rollups(db)  # the running totals missed the load: count them afresh
    for name, sql in db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'"
    ).fetchall():
        match = re.search(r"content\s*=\s*'(\w+)'", sql)
        if match and _reads_from(db, match.group(1), tables):
            _rebuild(db, name, sql, match.group(1))


def _rebuild(db: object, name: str, sql: str, content: str) -> None:
    """Refill a full-text index from its content, in row-number order.

    FTS5's own 'rebuild' reads the content in whatever order it comes; when that is not the
    index's row-number order (the customer indexes are numbered by name key), FTS5 flushes
    its buffer at every step back, and a 100,000-row load took 5 s instead of 1.5 s.
    """
    body = sql[sql.index("(") + 1:sql.rindex(")")]
    columns = [part.strip() for part in body.split(",") if "=" not in part]
    key = re.search(r"content_rowid\s*=\s*'(\w+)'", sql)
    rowid = key.group(1) if key else "rowid"
    listed = ", ".join(f'"{column}"' for column in columns)
    db.execute_sql(f"INSERT INTO \"{name}\"(\"{name}\") VALUES ('delete-all')")
    db.execute_sql(f'INSERT INTO "{name}"(rowid, {listed}) SELECT "{rowid}", {listed} FROM "{content}" '
                   f'ORDER BY "{rowid}"')


def _reads_from(db: object, content: str, tables: Sequence[str]) -> bool:
    """Whether a full-text index's content (a table, or a view over one) is one of ``tables``."""
    if content in tables:
        return True
    row = db.execute_sql("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?", (content,)).fetchone()
    return bool(row) and any(re.search(rf"\bFROM\s+\"?{re.escape(t)}\b", row[0], re.I) for t in tables)


def refresh_statistics() -> None:
    """Let the planner see the new table sizes after a big load (on SQLite a sampled ANALYZE)."""
    db = database_proxy.obj
    if engine.is_sqlite():
        db.execute_sql("PRAGMA analysis_limit = 1000")
        db.execute_sql("ANALYZE")
    else:
        db.execute_sql("ANALYZE")
