"""Which tables synchronise, in which order, and what their columns are to the sync.

Built from the live models: every :class:`~crmdesk.storage.models.Synced` table, parents
before children (a deal's customer and stage arrive before the deal), and the links of
customers to tags (keyed by the two uids). A foreign key travels as the uid of the record
it points to and becomes the local id again on arrival. Derived columns (pinyin, search
text, normalised phone) travel with a record but are not merged: they are copied with a
record that arrives whole, and computed again where a merge mixed both sides' fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from peewee import BooleanField, DateField, ForeignKeyField

from crmdesk.storage import models as m

ORDER: tuple[type[m.BaseModel], ...] = (
    m.User, m.PipelineStage, m.LostReason, m.ComplaintCategory, m.CadenceRule, m.Tag, m.Segment, m.Customer,
    m.Contact, m.CustomerTag, m.Interaction, m.Opportunity, m.StageChange, m.Order, m.Reminder, m.Complaint,
    m.ComplaintEvent,
)

DERIVED = {
    "customer": ("name_pinyin", "name_initials", "phone_e164", "search_text", "search_pinyin", "search_digits"),
    "contact": ("phone_e164",),
    "complaint": ("search_text",),
}

# A record created on two replicas before they met is one record when these columns match.
NATURAL = {"user": ("username",), "tag": ("name",), "cadence_rule": ("tier",), "reminder": ("source_key",),
           "pipeline_stage": ("name",), "lost_reason": ("name",), "complaint_category": ("name",)}

LINK_TABLE = "customer_tag"


@dataclass(frozen=True)
class Column:
    name: str  # the column name
    references: str | None = None  # the table a foreign key points to
    kind: str = "plain"  # plain, bool, date
    nullable: bool = True


@dataclass(frozen=True)
class TableSpec:
    name: str
    model: type[m.BaseModel]
    columns: tuple[Column, ...]  # merged field by field
    derived: tuple[str, ...] = ()
    natural: tuple[str, ...] = ()
    by_column: dict[str, Column] = field(default_factory=dict, compare=False)

    @property
    def is_link(self) -> bool:
        return self.name == LINK_TABLE

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _spec(model: type[m.BaseModel]) -> TableSpec:
    table = model._meta.table_name
    derived = DERIVED.get(table, ())
    columns = []
    for f in model._meta.sorted_fields:
        if f.name in ("id", "uid", "stamp") or f.column_name in derived:
            continue
        if isinstance(f, ForeignKeyField):
            columns.append(Column(f.column_name, f.rel_model._meta.table_name, nullable=f.null))
        elif isinstance(f, BooleanField):
            columns.append(Column(f.column_name, kind="bool", nullable=f.null))
        elif isinstance(f, DateField):
            columns.append(Column(f.column_name, kind="date", nullable=f.null))
        else:
            columns.append(Column(f.column_name, nullable=f.null))
    cols = tuple(columns)
    return TableSpec(table, model, cols, derived, NATURAL.get(table, ()), {c.name: c for c in cols})


SPECS: tuple[TableSpec, ...] = tuple(_spec(model) for model in ORDER)
BY_NAME: dict[str, TableSpec] = {s.name: s for s in SPECS}


def spec(table: str) -> TableSpec:
    return BY_NAME[table]


def audit_key_to_column(table: str, key: str) -> str | None:
    """The column an audit entry's key stands for (``owner`` → ``owner_id``), or None for a
    key that is not a synced column (``tags``, ``contacts``, ``merged`` …)."""
    s = BY_NAME.get(table)
    if s is None:
        return None
    if key in s.by_column:
        return key
    model_field = s.model._meta.fields.get(key)
    if model_field is not None and model_field.column_name in s.by_column:
        return model_field.column_name
    if f"{key}_id" in s.by_column:
        return f"{key}_id"
    return None
