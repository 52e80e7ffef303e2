"""Migration 12: the recycle bin reads binned deals, care tasks and complaints directly.

Customers have had a partial index of their binned rows since migration 1; deals, tasks and
complaints get one each, so the bin's list pages through them newest first (a seek on
``(deleted_at, id)``) and counts them without reading the live rows, however many there are.
"""

from __future__ import annotations

from peewee import Database

INDEXES = [f"CREATE INDEX IF NOT EXISTS {table}_binned ON {table} (deleted_at) WHERE deleted_at IS NOT NULL"
           for table in ("opportunity", "reminder", "complaint")]


def up(db: Database) -> None:
    for sql in INDEXES:
        db.execute_sql(sql)
