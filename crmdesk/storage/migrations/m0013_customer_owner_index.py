"""Migration 13: live customers by owner, for what an account manager may see.

An account manager's lists are "their customers and the unassigned ones" (see
services.policy): the condition ``owner_id = ? OR owner_id IS NULL`` on live customers.
The old foreign-key index on ``owner_id`` holds binned customers too, so every count and
page had to look up each customer row to skip them. A partial index of live customers by
owner answers the count from the index alone and feeds the OR as two index ranges.
"""

from __future__ import annotations

from peewee import Database

INDEXES = [
    "CREATE INDEX IF NOT EXISTS customer_live_owner ON customer (owner_id) WHERE deleted_at IS NULL",
]


def up(db: Database) -> None:
    for sql in INDEXES:
        db.execute_sql(sql)
