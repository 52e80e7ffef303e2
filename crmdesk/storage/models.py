"""The live peewee models: the schema the code works with at the head migration.

Every record that later syncs between laptops has ``uid`` (a global id), ``stamp`` (its last
modification, in ms from the injected clock; room for a hybrid logical clock later) and
``deleted_at`` (a tombstone: records go to the recycle bin, never ``DELETE``).
Money is stored in integer cents, timestamps in integer milliseconds (UTC), calendar days as
dates. Migrations never import this module: they hold frozen copies.
"""

from __future__ import annotations

from peewee import (
    BigIntegerField,
    BooleanField,
    CharField,
    CompositeKey,
    DatabaseProxy,
    DateField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    SmallIntegerField,
    SQL,
    fn,
    TextField,
)

database_proxy = DatabaseProxy()


class BaseModel(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class Synced(BaseModel):
    uid = CharField(max_length=32, unique=True)
    stamp = BigIntegerField(index=True)
    deleted_at = BigIntegerField(null=True)


class FileMeta(BaseModel):
    """Key/value facts about the file itself: schema version, creation time."""

    key = CharField(primary_key=True)
    value = TextField()

    class Meta:
        table_name = "crmdesk_meta"


class Setting(BaseModel):
    """Business configuration that travels with the data (JSON values)."""

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
    """A person or a company the business deals with."""

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
    # Derived from interactions and orders, kept in step by the services (for speed at 1M).
    last_contact_at = BigIntegerField(null=True)
    first_order_on = DateField(null=True)
    last_order_on = DateField(null=True)
    order_count = IntegerField(default=0)
    order_total_cents = BigIntegerField(default=0)
    # The search index reads these (migration 2); see crmdesk.domain.search.
    search_text = TextField(default="")
    search_pinyin = TextField(default="")
    search_digits = TextField(default="")



# Only tombstoned rows: tiny, counts the recycle bin, and never tempts the planner to read
# every live customer through it (which would defeat the sort indexes).
Customer.add_index(Customer.index(Customer.deleted_at, where=Customer.deleted_at.is_null(False)))

# Every list of customers is of live ones ("deleted_at IS NULL"); partial indexes on the
# matchable columns hold only those rows, so sorting, paging deep and counting read the index
# alone. The sortable ones also hold the id (the tie-breaker) and the owner as an account
# manager's condition reads it (migration 14), so a page of "mine or nobody's" in any order
# is read from the index too.
_OWNER = fn.COALESCE(Customer.owner, SQL("0"))
for _column in ("phone_e164", "email"):
    Customer.add_index(Customer.index(getattr(Customer, _column), where=Customer.deleted_at.is_null(),
                                      name=f"customer_live_{_column}"))
for _column in ("name_pinyin", "phone", "city", "category", "tier", "stage", "created_at", "last_contact_at",
                "order_total_cents"):
    Customer.add_index(Customer.index(getattr(Customer, _column), Customer.id, _OWNER,
                                      where=Customer.deleted_at.is_null(), name=f"customer_live_{_column}"))
del _column
# What an account manager sees, counted: live customers by owner, nobody's as 0 (migration 14).
Customer.add_index(Customer.index(_OWNER, where=Customer.deleted_at.is_null(), name="customer_live_owner"))
# Birthdays coming up: the few (calendar, month, day) of the next weeks, looked up directly.
Customer.add_index(Customer.index(Customer.birthday_calendar, Customer.birth_month, Customer.birth_day,
                                  where=Customer.deleted_at.is_null() & Customer.birth_month.is_null(False),
                                  name="customer_live_birthday"))
# Retention: the customers who ordered since a day, with their first order day (migration 10).
Customer.add_index(Customer.index(Customer.last_order_on, Customer.first_order_on,
                                  where=Customer.deleted_at.is_null() & Customer.last_order_on.is_null(False),
                                  name="customer_live_order_days"))


class Contact(Synced):
    """A person to talk to at a company customer."""

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
    """A configurable column of the sales pipeline."""

    name = CharField()
    position = IntegerField()
    probability = SmallIntegerField()  # default win probability, percent
    rotting_days = IntegerField(null=True)
    kind = CharField(default="open")  # StageKind


class LostReason(Synced):
    name = CharField()
    position = IntegerField(default=0)


class Opportunity(Synced):
    customer = ForeignKeyField(Customer, backref="opportunities", on_delete="CASCADE")
    title = CharField()
    stage = ForeignKeyField(PipelineStage, on_delete="RESTRICT")
    status = CharField(default="open", index=True)  # DealStatus
    amount_cents = BigIntegerField(default=0)
    probability = SmallIntegerField(null=True)  # overrides the stage default when set
    expected_close = DateField(null=True, index=True)
    owner = ForeignKeyField(User, null=True, on_delete="SET NULL")
    priority = SmallIntegerField(default=0)
    position = FloatField(default=0)  # order within the stage column
    next_step = CharField(default="")
    next_step_due = DateField(null=True)
    lost_reason = ForeignKeyField(LostReason, null=True, on_delete="SET NULL")
    created_at = BigIntegerField()
    stage_entered_at = BigIntegerField()
    closed_at = BigIntegerField(null=True)

    class Meta:
        indexes = ((("stage", "position"), False), (("stage", "closed_at"), False))


class StageChange(Synced):
    """One move of a deal between stages: the history behind conversion and cycle times."""

    opportunity = ForeignKeyField(Opportunity, backref="stage_changes", on_delete="CASCADE")
    from_stage = ForeignKeyField(PipelineStage, null=True, on_delete="SET NULL")
    to_stage = ForeignKeyField(PipelineStage, on_delete="RESTRICT")
    moved_at = BigIntegerField()
    user = ForeignKeyField(User, null=True, on_delete="SET NULL")

    class Meta:
        indexes = ((("opportunity", "moved_at", "to_stage", "deleted_at"), False),)


class Order(Synced):
    customer = ForeignKeyField(Customer, backref="orders", on_delete="CASCADE")
    ordered_on = DateField()
    amount_cents = BigIntegerField()
    description = CharField(default="")
    opportunity = ForeignKeyField(Opportunity, null=True, on_delete="SET NULL")

    class Meta:
        table_name = "sale_order"
        indexes = ((("customer", "ordered_on"), False),)


# A period's live orders and their amounts, read from the index alone (see migration 9).
Order.add_index(Order.index(Order.ordered_on, Order.amount_cents, where=Order.deleted_at.is_null(),
                            name="sale_order_live_day"))
# Did a customer order in a given window? One probe of this index (see migration 10).
Order.add_index(Order.index(Order.customer, Order.ordered_on, where=Order.deleted_at.is_null(),
                            name="sale_order_live_customer_day"))


class CadenceRule(Synced):
    """Contact every N days, by value tier."""

    tier = CharField(unique=True)
    days = IntegerField()
    active = BooleanField(default=True)


class Reminder(Synced):
    """A care task on the calendar."""

    customer = ForeignKeyField(Customer, null=True, backref="reminders", on_delete="CASCADE")
    kind = CharField()  # ReminderKind
    title = CharField()
    notes = TextField(default="")
    due_on = DateField()
    due_time = CharField(null=True)  # "HH:MM" local time, or all-day
    status = CharField(default="open")  # ReminderStatus
    recurrence = CharField(null=True)  # an RFC 5545 RRULE
    series_uid = CharField(null=True, max_length=32)
    source_key = CharField(null=True, unique=True)  # makes generated tasks idempotent
    assignee = ForeignKeyField(User, null=True, on_delete="SET NULL")
    snoozed_until = BigIntegerField(null=True)
    done_at = BigIntegerField(null=True)
    notified_at = BigIntegerField(null=True)
    created_at = BigIntegerField()

    class Meta:
        # The month view counts a month's open tasks per day and kind from this index alone.
        indexes = ((("due_on", "status", "kind", "deleted_at"), False),)


class ComplaintCategory(Synced):
    name = CharField()
    position = IntegerField(default=0)


class Complaint(Synced):
    customer = ForeignKeyField(Customer, backref="complaints", on_delete="CASCADE")
    received_at = BigIntegerField(index=True)
    channel = CharField()  # ComplaintChannel
    category = ForeignKeyField(ComplaintCategory, null=True, on_delete="SET NULL")
    severity = CharField()  # Severity
    description = TextField()
    assignee = ForeignKeyField(User, null=True, on_delete="SET NULL")
    status = CharField(default="new", index=True)  # ComplaintStatus
    due_at = BigIntegerField(index=True)
    resolved_at = BigIntegerField(null=True)
    closed_at = BigIntegerField(null=True)
    resolution = TextField(default="")
    compensation_cents = BigIntegerField(default=0)
    root_cause = TextField(default="")
    satisfaction = SmallIntegerField(null=True)
    satisfaction_comment = TextField(default="")
    search_text = TextField(default="")  # the description as the search index reads it (migration 6)


class ComplaintEvent(Synced):
    """A status change or note on a complaint: who, when, what."""

    complaint = ForeignKeyField(Complaint, backref="events", on_delete="CASCADE")
    at = BigIntegerField()
    user = ForeignKeyField(User, null=True, on_delete="SET NULL")
    from_status = CharField(null=True)
    to_status = CharField(null=True)
    note = TextField(default="")


class Segment(Synced):
    """A saved filter of the customer archive."""

    name = CharField()
    definition = TextField()  # JSON
    position = IntegerField(default=0)


class AuditEntry(BaseModel):
    """Who changed what and when, field by field (JSON before/after)."""

    at = BigIntegerField(index=True)
    user = ForeignKeyField(User, null=True, on_delete="SET NULL", index=False)  # (user, at) serves it
    table_name = CharField()
    record_uid = CharField(max_length=32)
    action = CharField()  # create / update / delete / restore / merge / import / move / undo ...
    changes = TextField(default="{}")  # {field: [before, after]}, only the fields that changed

    class Meta:
        # A record's history and a user's changes, by time (migration 11).
        indexes = ((("record_uid", "at"), False), (("user", "at"), False))


class ImportBatch(BaseModel):
    """One import of a file, kept so that it can be undone as a whole (migration 3)."""

    uid = CharField(max_length=32, unique=True)
    stamp = BigIntegerField()
    started_at = BigIntegerField()
    file_name = TextField()
    mode = CharField()
    created = IntegerField(default=0)
    updated = IntegerField(default=0)
    undone_at = BigIntegerField(null=True)


class ImportItem(BaseModel):
    batch = ForeignKeyField(ImportBatch, backref="items", on_delete="CASCADE")
    customer = ForeignKeyField(Customer, on_delete="CASCADE")
    action = CharField()  # created / updated
    before = TextField(default="{}")  # the updated columns' old values (JSON)


class MergeRecord(BaseModel):
    """Customers merged into a survivor, with what moved, so the merge can be undone (migration 4)."""

    uid = CharField(max_length=32, unique=True)
    stamp = BigIntegerField()
    at = BigIntegerField()
    survivor = ForeignKeyField(Customer, on_delete="CASCADE")
    merged = TextField()
    moved = TextField()
    tags_added = TextField(default="[]")
    survivor_before = TextField()
    undone_at = BigIntegerField(null=True)


# The recycle bin pages through binned rows newest first (migration 11; customers: above).
for _model in (Opportunity, Reminder, Complaint):
    _model.add_index(_model.index(_model.deleted_at, where=_model.deleted_at.is_null(False),
                                  name=f"{_model._meta.table_name}_binned"))
del _model


class SyncRecord(BaseModel):
    """A synced record's base clock and when this replica last wrote it (migration 15;
    see crmdesk.storage.sync_store)."""

    table_name = CharField(max_length=40)
    uid = CharField(max_length=80)
    base_hlc = BigIntegerField()
    base_origin = CharField(max_length=32)
    base_seen = BigIntegerField()
    base_via = CharField(max_length=32, null=True)
    seen = BigIntegerField()
    row_stamp = BigIntegerField(null=True)  # the row's stamp when last accounted for (NULL: a hook clocked it)

    class Meta:
        primary_key = CompositeKey("table_name", "uid")
        indexes = ((("table_name", "seen", "uid"), False),)


# The records a hook has just clocked, for the capture to adopt their stamps (a few rows).
SyncRecord.add_index(SyncRecord.index(SyncRecord.table_name, where=SyncRecord.row_stamp.is_null(),
                                      name="sync_record_unstamped"))


class FieldClock(BaseModel):
    """The clock of one field changed after its record's base."""

    table_name = CharField(max_length=40)
    uid = CharField(max_length=80)
    field = CharField(max_length=64)
    hlc = BigIntegerField()
    origin = CharField(max_length=32)
    seen = BigIntegerField()
    via = CharField(max_length=32, null=True)

    class Meta:
        primary_key = CompositeKey("table_name", "uid", "field")


class SyncPeer(BaseModel):
    peer_id = CharField(max_length=32, primary_key=True)
    name = CharField(default="")
    last_sync_at = BigIntegerField(null=True)
    skew_ms = BigIntegerField(null=True)


class SyncProgress(BaseModel):
    peer_id = CharField(max_length=32)
    table_name = CharField(max_length=40)
    seen = BigIntegerField()
    last_uid = CharField(max_length=80, default="")

    class Meta:
        primary_key = CompositeKey("peer_id", "table_name")


class SyncAlias(BaseModel):
    table_name = CharField(max_length=40)
    uid = CharField(max_length=80)
    local_uid = CharField(max_length=80)

    class Meta:
        primary_key = CompositeKey("table_name", "uid")


class SyncConflict(BaseModel):
    """A value that lost a merge, for the user to review (and swap back)."""

    table_name = CharField(max_length=40)
    uid = CharField(max_length=80)
    field = CharField(max_length=64)
    kept_value = TextField(null=True)
    kept_hlc = BigIntegerField()
    kept_origin = CharField(max_length=32)
    other_value = TextField(null=True)
    other_hlc = BigIntegerField()
    other_origin = CharField(max_length=32)
    found_at = BigIntegerField()
    resolved_at = BigIntegerField(null=True)

    class Meta:
        indexes = ((("resolved_at", "found_at"), False), (("table_name", "uid", "field"), False))


class SyncRecount(BaseModel):
    """A customer whose order figures and last contact a pull has yet to count (migration 16)."""

    customer_id = BigIntegerField(primary_key=True)


ALL_MODELS: list[type[BaseModel]] = [
    FileMeta, Setting, User, Customer, Contact, Tag, CustomerTag, Interaction, PipelineStage,
    LostReason, Opportunity, StageChange, Order, CadenceRule, Reminder, ComplaintCategory,
    Complaint, ComplaintEvent, Segment, AuditEntry, ImportBatch, ImportItem, MergeRecord,
    SyncRecord, FieldClock, SyncPeer, SyncProgress, SyncAlias, SyncConflict, SyncRecount,
]
