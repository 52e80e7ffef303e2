"""Migration 4: merge records, so that merging customers can be undone."""

from __future__ import annotations

from peewee import BigIntegerField, CharField, Database, ForeignKeyField, Model, TextField


class Customer(Model):  # only what the foreign key needs
    class Meta:
        table_name = "customer"


class MergeRecord(Model):
    uid = CharField(max_length=32, unique=True)
    stamp = BigIntegerField()
    at = BigIntegerField()
    survivor = ForeignKeyField(Customer, on_delete="CASCADE")
    merged = TextField()  # JSON list of the merged customers' ids
    moved = TextField()  # JSON {table: [row ids]} moved to the survivor
    tags_added = TextField(default="[]")  # JSON tag ids the survivor gained
    survivor_before = TextField()  # JSON of the survivor's columns before the merge
    undone_at = BigIntegerField(null=True)

    class Meta:
        legacy_table_names = False


def up(db: Database) -> None:
    with db.bind_ctx([Customer, MergeRecord]):
        db.create_tables([MergeRecord])
