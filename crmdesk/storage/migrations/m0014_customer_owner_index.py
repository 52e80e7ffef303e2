"""Migration 14: what an account manager sees, read from indexes.

An account manager's lists are "their customers and the unassigned ones" (see
services.policy), the condition ``COALESCE(owner_id, 0) IN (0, ?)`` on live customers:

- ``customer_live_owner`` holds that expression for live customers, so the count of what
  they see is read from one index (an ``owner_id = ? OR owner_id IS NULL`` on the old
  foreign-key index looked up ~360,000 rows at a million customers: 0.9 s);
- the archive's sort indexes gain ``id`` and the same expression after their column, so a
  page of an account manager's customers in any order is read from the sort index alone:
  a deep page walks index entries instead of looking up every customer row it passes
  (4.3 s → ~0.16 s at row 200,000 of a million). The owner's pages read the same indexes
  as before: the column still leads, and ``id`` is the tie-breaker they order by anyway;
  the longer entries cost a walk to the far end (jump to the last row) ~40 ms more at a
  million (about 85 → 130 ms); first pages and counts are unchanged. The upgrade rebuilds
  nine indexes: ~32 s at a million customers (+60 MB).

New indexes are analysed at once: without statistics the planner may take a new partial
index of every live customer for a cheap way to scan them all, and sort a million rows.
"""

from __future__ import annotations

from peewee import Database, SqliteDatabase

OWNER = "COALESCE(owner_id, 0)"
SORTED = ("name_pinyin", "phone", "city", "category", "tier", "stage", "created_at", "last_contact_at",
          "order_total_cents")
STATEMENTS = [
    f"CREATE INDEX IF NOT EXISTS customer_live_owner ON customer ({OWNER}) WHERE deleted_at IS NULL",
    *(sql for column in SORTED for sql in (
        f"DROP INDEX IF EXISTS customer_live_{column}",
        f"CREATE INDEX customer_live_{column} ON customer ({column}, id, {OWNER}) WHERE deleted_at IS NULL",
    )),
]


def up(db: Database) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
    if db.execute_sql("SELECT 1 FROM customer LIMIT 1").fetchone() is None:
        return  # a new book: nothing yet for the planner to misjudge
    if isinstance(db, SqliteDatabase):  # SQLite analyses index by index; PostgreSQL a table
        for name in ("owner", *SORTED):
            db.execute_sql(f"ANALYZE customer_live_{name}")
    else:
        db.execute_sql("ANALYZE customer")
