"""Migration 16: customers whose order figures and last contact a sync has yet to count.

A pull notes here, in the transaction of each batch it applies, the customers whose orders,
contacts or counted figures came in; at the end of the pull they are counted from what the
replica holds and taken off (see ``Store.recount_customers``). Kept in the database rather
than in memory, so that a pull cut short by a killed process or a lost connection leaves the
list for the next sync to finish: the records that came in are not sent again.
"""

from __future__ import annotations

from peewee import BigIntegerField, Database, Model


def up(db: Database) -> None:
    class SyncRecount(Model):
        customer_id = BigIntegerField(primary_key=True)

        class Meta:
            database = db
            table_name = "sync_recount"

    db.create_tables([SyncRecount], safe=True)
