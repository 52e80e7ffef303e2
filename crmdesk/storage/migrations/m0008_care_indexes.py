"""Migration 8: indexes for the care calendar at a million customers.

- Tasks by due day with their status and kind: the month view counts a month's open tasks
  per day and kind from the index alone.
- Live customers by birthday (calendar, month, day): bringing birthdays up to date looks up
  the few dozen days of the coming weeks instead of reading every customer.
- The single-column indexes on the due day and the status go: the first is the start of the
  new one, the second tells little apart, and each costs time on every task the calendar adds
  (hundreds of thousands when a big book is first brought up to date).
"""

from __future__ import annotations

from peewee import Database

INDEXES = [
    "CREATE INDEX IF NOT EXISTS reminder_due_on_status_kind ON reminder (due_on, status, kind, deleted_at)",
    "CREATE INDEX IF NOT EXISTS customer_live_birthday ON customer (birthday_calendar, birth_month, birth_day)"
    " WHERE deleted_at IS NULL AND birth_month IS NOT NULL",
    "DROP INDEX IF EXISTS reminder_due_on",
    "DROP INDEX IF EXISTS reminder_status",
]


def up(db: Database) -> None:
    for sql in INDEXES:
        db.execute_sql(sql)
