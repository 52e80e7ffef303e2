"""Migration 11: the audit trail looked up by record and by user, newest first.

A record's history lists its entries by time, and the audit trail view filters by who made
the change and when; both page by keyset over a table that grows with every change (a bulk
change of 100,000 customers adds 100,000 rows). The composite indexes make each page one
range scan. The old single-column indexes on the record uid and on the user are covered
by the new ones (and each index slows every bulk change's audit a little).
"""

from __future__ import annotations

from peewee import Database

INDEXES = [
    "CREATE INDEX IF NOT EXISTS audit_entry_record_uid_at ON audit_entry (record_uid, at)",
    "CREATE INDEX IF NOT EXISTS audit_entry_user_id_at ON audit_entry (user_id, at)",
    "DROP INDEX IF EXISTS audit_entry_record_uid",
    "DROP INDEX IF EXISTS audit_entry_user_id",
]


def up(db: Database) -> None:
    for sql in INDEXES:
        db.execute_sql(sql)
