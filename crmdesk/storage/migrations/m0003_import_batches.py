"""Migration 3: import batches, so that an import can be undone as a whole."""

from __future__ import annotations

from peewee import BigIntegerField, CharField, Database, ForeignKeyField, IntegerField, Model, TextField


class Customer(Model):  # only what the foreign key needs
    class Meta:
        table_name = "customer"


class ImportBatch(Model):
    uid = CharField(max_length=32, unique=True)
    stamp = BigIntegerField()
    started_at = BigIntegerField()
    file_name = TextField()
    mode = CharField()
    created = IntegerField(default=0)
    updated = IntegerField(default=0)
    undone_at = BigIntegerField(null=True)

    class Meta:
        legacy_table_names = False


class ImportItem(Model):
    batch = ForeignKeyField(ImportBatch, on_delete="CASCADE")
    customer = ForeignKeyField(Customer, on_delete="CASCADE")
    action = CharField()  # created / updated
    before = TextField(default="{}")  # the updated columns' old values (JSON)

    class Meta:
        legacy_table_names = False


def up(db: Database) -> None:
    with db.bind_ctx([Customer, ImportBatch, ImportItem]):
        db.create_tables([ImportBatch, ImportItem])
