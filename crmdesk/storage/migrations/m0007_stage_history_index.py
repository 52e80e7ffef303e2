"""Migration 7: indexes for the pipeline's views at a million customers.

- The stage history by deal and time, holding the columns the conversion view reads: it walks
  every deal's moves in time order (a window over each deal's history) from the index alone,
  instead of sorting the history and looking up every row.
- Deals by stage and close time: the won and lost columns list the newest first.
"""

from __future__ import annotations

from peewee import Database

INDEXES = [
    "CREATE INDEX IF NOT EXISTS stagechange_opportunity_id_moved_at"
    " ON stage_change (opportunity_id, moved_at, to_stage_id, deleted_at)",
    "CREATE INDEX IF NOT EXISTS opportunity_stage_id_closed_at ON opportunity (stage_id, closed_at)",
]


def up(db: Database) -> None:
    for sql in INDEXES:
        db.execute_sql(sql)
