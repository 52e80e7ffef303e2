"""Migration 15: the bookkeeping of synchronisation between replicas.

- ``sync_record``: one row per synced record (by table and uid) with its base clock (the
  HLC every field has unless ``field_clock`` holds a later one), and ``seen``, the local HLC
  when this replica last wrote the record (a peer asks for "changes since seen X").
- ``field_clock``: the HLC of each field changed after the record's base, with the replica
  that made the change; ``seen`` / ``via`` say when it was written here and from which peer.
- ``sync_peer`` / ``sync_progress``: the peers met, and per peer and table the last of its
  ``seen`` values applied here, so a sync cut short resumes where it stopped.
- ``sync_alias``: a peer's uid of a record this replica holds under another uid (the same
  tag or pipeline stage created on both sides before they first met).
- ``sync_conflict``: values that lost a merge, for the user to review and swap.

Portable DDL through frozen peewee models (INTEGER PRIMARY KEY on SQLite, SERIAL on
PostgreSQL). Existing records get their ``sync_record`` rows here, with their ``stamp`` as
the base clock (one ``INSERT … SELECT`` per table), so that the first edit after the
upgrade marks only the fields it changes.
"""

from __future__ import annotations

from peewee import AutoField, BigIntegerField, CharField, CompositeKey, Database, Model, TextField


def _models(db: Database) -> list[type[Model]]:
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class SyncRecord(Base):
        table_name = CharField(max_length=40)
        uid = CharField(max_length=80)
        base_hlc = BigIntegerField()
        base_origin = CharField(max_length=32)
        base_seen = BigIntegerField()
        base_via = CharField(max_length=32, null=True)
        seen = BigIntegerField()
        row_stamp = BigIntegerField(null=True)  # the row's stamp when last accounted for (NULL: a hook clocked it)

        class Meta:
            table_name = "sync_record"
            primary_key = CompositeKey("table_name", "uid")
            indexes = ((("table_name", "seen", "uid"), False),)

    class FieldClock(Base):
        table_name = CharField(max_length=40)
        uid = CharField(max_length=80)
        field = CharField(max_length=64)
        hlc = BigIntegerField()
        origin = CharField(max_length=32)
        seen = BigIntegerField()
        via = CharField(max_length=32, null=True)

        class Meta:
            table_name = "field_clock"
            primary_key = CompositeKey("table_name", "uid", "field")

    class SyncPeer(Base):
        peer_id = CharField(max_length=32, primary_key=True)
        name = CharField(default="")
        last_sync_at = BigIntegerField(null=True)
        skew_ms = BigIntegerField(null=True)

        class Meta:
            table_name = "sync_peer"

    class SyncProgress(Base):
        peer_id = CharField(max_length=32)
        table_name = CharField(max_length=40)
        seen = BigIntegerField()
        last_uid = CharField(max_length=80, default="")

        class Meta:
            table_name = "sync_progress"
            primary_key = CompositeKey("peer_id", "table_name")

    class SyncAlias(Base):
        table_name = CharField(max_length=40)
        uid = CharField(max_length=80)
        local_uid = CharField(max_length=80)

        class Meta:
            table_name = "sync_alias"
            primary_key = CompositeKey("table_name", "uid")

    class SyncConflict(Base):
        id = AutoField()
        table_name = CharField(max_length=40)
        uid = CharField(max_length=80)
        field = CharField(max_length=64)
        kept_value = TextField(null=True)  # JSON
        kept_hlc = BigIntegerField()
        kept_origin = CharField(max_length=32)
        other_value = TextField(null=True)  # JSON
        other_hlc = BigIntegerField()
        other_origin = CharField(max_length=32)
        found_at = BigIntegerField()
        resolved_at = BigIntegerField(null=True)

        class Meta:
            table_name = "sync_conflict"
            indexes = ((("resolved_at", "found_at"), False), (("table_name", "uid", "field"), False))

    # The records a hook has just clocked, for the capture to adopt their stamps (a few rows).
    SyncRecord.add_index(SyncRecord.index(SyncRecord.table_name, where=SyncRecord.row_stamp.is_null(),
                                          name="sync_record_unstamped"))
    return [SyncRecord, FieldClock, SyncPeer, SyncProgress, SyncAlias, SyncConflict]


# The synced tables when this migration was written (frozen: later tables are not here).
TABLES = ("user", "pipeline_stage", "lost_reason", "complaint_category", "cadence_rule", "tag", "segment", "customer",
          "contact", "interaction", "opportunity", "stage_change", "sale_order", "reminder", "complaint",
          "complaint_event")


def up(db: Database) -> None:
    db.create_tables(_models(db), safe=True)
    p = db.param
    columns = "(table_name, uid, base_hlc, base_origin, base_seen, base_via, seen, row_stamp)"
    for table in TABLES:
        db.execute_sql(f"INSERT INTO sync_record {columns} SELECT {p}, uid, stamp * 65536, '', stamp * 65536, NULL, "
                       f'stamp * 65536, stamp FROM "{table}"', [table])
    db.execute_sql(f"INSERT INTO sync_record {columns} SELECT 'customer_tag', c.uid || ':' || g.uid, t.stamp * 65536, "
                   f"'', t.stamp * 65536, NULL, t.stamp * 65536, t.stamp FROM customer_tag AS t "
                   f"JOIN customer AS c ON c.id = t.customer_id JOIN tag AS g ON g.id = t.tag_id")
