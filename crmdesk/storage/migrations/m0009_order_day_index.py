"""Migration 9: live orders by day, with their amounts.

The dashboard and the reports ask about periods: revenue in a month, revenue per month for a
year, which customers ordered when. Without this index every such question reads the whole
order table (millions of rows in a big book); with it, a period's orders are one range of a
small index that also holds the amounts, so the sums never touch the table.
"""

from __future__ import annotations

from peewee import Database


def up(db: Database) -> None:
    db.execute_sql("CREATE INDEX IF NOT EXISTS sale_order_live_day ON sale_order (ordered_on, amount_cents)"
                   " WHERE deleted_at IS NULL")
