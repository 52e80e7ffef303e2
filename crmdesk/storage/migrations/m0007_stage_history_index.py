"""Migration 7: the stage history indexed by deal and time.

The conversion view walks every deal's moves in time order (a window over each deal's
history); with this index SQLite reads them in that order instead of sorting them all.
"""

from __future__ import annotations

from peewee import Database


def up(db: Database) -> None:
    db.execute_sql(
        "CREATE INDEX IF NOT EXISTS stagechange_opportunity_id_moved_at ON stage_change (opportunity_id, moved_at)"
    )
