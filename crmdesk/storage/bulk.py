"""Fast bulk loading for the demo generator and imports.

peewee's ``insert_many`` is about 12× slower than the driver's ``executemany`` (see
FIELD-NOTES), so big loads go through the raw connection inside one transaction. On SQLite the
secondary indexes of the loaded tables can be dropped for the load and rebuilt afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from crmdesk.storage.models import database_proxy


def insert_rows(table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Insert ``rows`` into ``table`` with one prepared statement (call inside a transaction)."""
    db = database_proxy.obj
    marks = ", ".join([db.param] * len(columns))
    sql = f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({marks})'
    db.cursor().executemany(sql, rows)


def next_id(table: str) -> int:
    row = database_proxy.execute_sql(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"').fetchone()
    return int(row[0]) + 1


@contextmanager
def indexes_deferred(tables: Sequence[str]) -> Iterator[None]:
    """Drop the plain secondary indexes of ``tables`` (SQLite only) and recreate them on exit.

    Unique indexes stay (they guard the data). Use inside the load's transaction, so that a
    failure rolls the drop back too.
    """
    db = database_proxy.obj
    from peewee import SqliteDatabase

    if not isinstance(db, SqliteDatabase):
        yield
        return
    marks = ", ".join("?" for _ in tables)
    saved = db.execute_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ({marks})",
        list(tables),
    ).fetchall()
    for name, _ in saved:
        db.execute_sql(f'DROP INDEX "{name}"')
    yield
    for _, sql in saved:
        db.execute_sql(sql)


def refresh_statistics() -> None:
    """Let SQLite's planner see the new table sizes after a big load (a sampled ANALYZE)."""
    db = database_proxy.obj
    from peewee import SqliteDatabase

    if isinstance(db, SqliteDatabase):
        db.execute_sql("PRAGMA analysis_limit = 1000")
        db.execute_sql("ANALYZE")
