"""Migration 1: the initial schema.

A frozen copy of the models as they stood at schema version 1. Later migrations must not
change this file; they add their own frozen copies of what they alter.
"""

from __future__ import annotations

from peewee import (
    BigIntegerField,
    BooleanField,
    CharField,
    CompositeKey,
    Database,
    DateField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    SmallIntegerField,
    TextField,
)


class BaseModel(Model):
    class Meta:
        legacy_table_names = False


class Synced(BaseModel):
    uid = CharField(max_length=32, unique=True)
    stamp = BigIntegerField(index=True)
    deleted_at = BigIntegerField(null=True)


class FileMeta(BaseModel):

    key = CharField(primary_key=True)
    value = TextField()

    class Meta:
        table_name = "crmdesk_meta"


class Setting(BaseModel):

    key = CharField(primary_key=True)
    value = TextField()
    stamp = BigIntegerField()


class User(Synced):
    username = CharField(unique=True)
    display_name = CharField()
    role = CharField()
    password_hash = TextField(null=True)
    active = BooleanField(default=True)


class Customer(Synced):
    kind = CharField()
    name = CharField()
    name_pinyin = CharField(default="")
    name_initials = CharField(default="")
    gender = CharField(default="")
    company = CharField(default="")
    title = CharField(default="")
    phone = CharField(default="")
    phone_e164 = CharField(default="")
    email = CharField(default="")
    address = CharField(default="")
    city = CharField(default="")
    source = CharField(default="")
    category = CharField()
    tier = CharField()
    tier_manual = BooleanField(default=False)
    stage = CharField()
    stage_manual = BooleanField(default=False)
    owner = ForeignKeyField(User, null=True, backref="customers", on_delete="SET NULL")
    birthday_calendar = CharField(default="solar")
    birth_year = SmallIntegerField(null=True)
    birth_month = SmallIntegerField(null=True)
    birth_day = SmallIntegerField(null=True)
    birth_leap_month = BooleanField(default=False)
    custom_fields = TextField(default="{}")
    notes = TextField(default="")
    created_at = BigIntegerField()
  
    last_contact_at = BigIntegerField(null=True)
    first_order_on = DateField(null=True)
    last_order_on = DateField(null=True)
    order_count = IntegerField(default=0)
    order_total_cents = BigIntegerField(default=0)



# Only tombstoned rows: tiny, counts the recycle bin, and never tempts the planner to read
# every live customer through it (which would defeat the sort indexes).
Customer.add_index(Customer.index(Customer.deleted_at, where=Customer.deleted_at.is_null(False)))
for _column in ("name_pinyin", "phone", "phone_e164", "email", "city", "category", "tier", "stage",
                "created_at", "last_contact_at", "order_total_cents"):
    Customer.add_index(Customer.index(getattr(Customer, _column), where=Customer.deleted_at.is_null(),
                                      name=f"customer_live_{_column}"))


class Contact(Synced):

    customer = ForeignKeyField(Customer, backref="contacts", on_delete="CASCADE")
    name = CharField()
    title = CharField(default="")
    phone = CharField(default="")
    phone_e164 = CharField(default="", index=True)
    email = CharField(default="")
    notes = TextField(default="")
    is_primary = BooleanField(default=False)


class Tag(Synced):
    name = CharField(unique=True)
    color = CharField(default="")


class CustomerTag(BaseModel):
    customer = ForeignKeyField(Customer, on_delete="CASCADE")
    tag = ForeignKeyField(Tag, on_delete="CASCADE", index=True)
    stamp = BigIntegerField()
    deleted_at = BigIntegerField(null=True)

    class Meta:
        primary_key = CompositeKey("customer", "tag")


class Interaction(Synced):
    customer = ForeignKeyField(Customer, backref="interactions", on_delete="CASCADE")
    kind = CharField()
    occurred_at = BigIntegerField()
    author = ForeignKeyField(User, null=True, on_delete="SET NULL")
    summary = CharField()
    details = TextField(default="")

    class Meta:
        indexes = ((("customer", "occurred_at"), False),)


class PipelineStage(Synced):

    name = CharField()
    position = IntegerField()
    probability = SmallIntegerField()
    rotting_days = IntegerField(null=True)
    kind = CharField(default="open")


class LostReason(Synced):
    name = CharField()
    position = IntegerField(default=0)


class Opportunity(Synced):
    customer = ForeignKeyField(Customer, backref="opportunities", on_delete="CASCADE")
    title = CharField()
    stage = ForeignKeyField(PipelineStage, on_delete="RESTRICT")
    status = CharField(default="open", index=True)
    amount_cents = BigIntegerField(default=0)
    probability = SmallIntegerField(null=True)
    expected_close = DateField(null=True, index=True)
    owner = ForeignKeyField(User, null=True, on_delete="SET NULL")
    priority = SmallIntegerField(default=0)
    position = FloatField(default=0)
    next_step = CharField(default="")
    next_step_due = DateField(null=True)
    lost_reason = ForeignKeyField(LostReason, null=True, on_delete="SET NULL")
    created_at = BigIntegerField()
    stage_entered_at = BigIntegerField()
    closed_at = BigIntegerField(null=True)

    class Meta:
        indexes = ((("stage", "position"), False),)


class StageChange(Synced):

    opportunity = ForeignKeyField(Opportunity, backref="stage_changes", on_delete="CASCADE")
    from_stage = ForeignKeyField(PipelineStage, null=True, on_delete="SET NULL")
    to_stage = ForeignKeyField(PipelineStage, on_delete="RESTRICT")
    moved_at = BigIntegerField()
    user = ForeignKeyField(User, null=True, on_delete="SET NULL")


class Order(Synced):
    customer = ForeignKeyField(Customer, backref="orders", on_delete="CASCADE")
    ordered_on = DateField()
    amount_cents = BigIntegerField()
    description = CharField(default="")
    opportunity = ForeignKeyField(Opportunity, null=True, on_delete="SET NULL")

    class Meta:
        table_name = "sale_order"
        indexes = ((("customer", "ordered_on"), False),)


class CadenceRule(Synced):

    tier = CharField(unique=True)
    days = IntegerField()
    active = BooleanField(default=True)


class Reminder(Synced):

    customer = ForeignKeyField(Customer, null=True, backref="reminders", on_delete="CASCADE")
    kind = CharField()
    title = CharField()
    notes = TextField(default="")
    due_on = DateField(index=True)
    due_time = CharField(null=True)
    status = CharField(default="open", index=True)
    recurrence = CharField(null=True)
    series_uid = CharField(null=True, max_length=32)
    source_key = CharField(null=True, unique=True)
    assignee = ForeignKeyField(User, null=True, on_delete="SET NULL")
    snoozed_until = BigIntegerField(null=True)
    done_at = BigIntegerField(null=True)
    notified_at = BigIntegerField(null=True)
    created_at = BigIntegerField()


class ComplaintCategory(Synced):
    name = CharField()
    position = IntegerField(default=0)


class Complaint(Synced):
    customer = ForeignKeyField(Customer, backref="complaints", on_delete="CASCADE")
    received_at = BigIntegerField(index=True)
    channel = CharField()
    category = ForeignKeyField(ComplaintCategory, null=True, on_delete="SET NULL")
    severity = CharField()
    description = TextField()
    assignee = ForeignKeyField(User, null=True, on_delete="SET NULL")
    status = CharField(default="new", index=True)
    due_at = BigIntegerField(index=True)
    resolved_at = BigIntegerField(null=True)
    closed_at = BigIntegerField(null=True)
    resolution = TextField(default="")
    compensation_cents = BigIntegerField(default=0)
    root_cause = TextField(default="")
    satisfaction = SmallIntegerField(null=True)
    satisfaction_comment = TextField(default="")


class ComplaintEvent(Synced):

    complaint = ForeignKeyField(Complaint, backref="events", on_delete="CASCADE")
    at = BigIntegerField()
    user = ForeignKeyField(User, null=True, on_delete="SET NULL")
    from_status = CharField(null=True)
    to_status = CharField(null=True)
    note = TextField(default="")


class Segment(Synced):

    name = CharField()
    definition = TextField()
    position = IntegerField(default=0)


class AuditEntry(BaseModel):

    at = BigIntegerField(index=True)
    user = ForeignKeyField(User, null=True, on_delete="SET NULL")
    table_name = CharField()
    record_uid = CharField(max_length=32, index=True)
    action = CharField()
    changes = TextField(default="{}")


MODELS = [
    FileMeta,
    Setting,
    User,
    Customer,
    Contact,
    Tag,
    CustomerTag,
    Interaction,
    PipelineStage,
    LostReason,
    Opportunity,
    StageChange,
    Order,
    CadenceRule,
    Reminder,
    ComplaintCategory,
    Complaint,
    ComplaintEvent,
    Segment,
    AuditEntry
]


def up(db: Database) -> None:
    with db.bind_ctx(MODELS):
        db.create_tables(MODELS)
