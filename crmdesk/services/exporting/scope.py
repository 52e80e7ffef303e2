"""A filter put into words for an export's summary: "Search: 张", "Value tier: Strategic"…"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from crmdesk.domain.clock import from_ms
from crmdesk.domain.errors import QT_TRANSLATE_NOOP
from crmdesk.domain.filters import UNASSIGNED
from crmdesk.services.exporting.columns import Vocabulary

# The label of each filter field (of the customer, complaint and deal filters).
FIELDS = {
    "text": QT_TRANSLATE_NOOP("export", "Search"),
    "categories": QT_TRANSLATE_NOOP("export", "Category"),
    "tiers": QT_TRANSLATE_NOOP("export", "Value tier"),
    "tier": QT_TRANSLATE_NOOP("export", "Value tier"),
    "stages": QT_TRANSLATE_NOOP("export", "Lifecycle stage"),
    "owner_id": QT_TRANSLATE_NOOP("export", "Owner"),
    "tag_id": QT_TRANSLATE_NOOP("export", "Tag"),
    "city": QT_TRANSLATE_NOOP("export", "City"),
    "no_contact_days": QT_TRANSLATE_NOOP("export", "Days without contact over"),
    "birthday_this_month": QT_TRANSLATE_NOOP("export", "Birthday this month"),
    "ids": QT_TRANSLATE_NOOP("export", "Selected rows"),
    "statuses": QT_TRANSLATE_NOOP("export", "Status"),
    "severities": QT_TRANSLATE_NOOP("export", "Severity"),
    "category_id": QT_TRANSLATE_NOOP("export", "Category"),
    "assignee_id": QT_TRANSLATE_NOOP("export", "Assigned to"),
    "overdue": QT_TRANSLATE_NOOP("export", "Overdue"),
    "received_from": QT_TRANSLATE_NOOP("export", "Received from"),
    "received_until": QT_TRANSLATE_NOOP("export", "Received before"),
    "close_from": QT_TRANSLATE_NOOP("export", "Expected close from"),
    "close_until": QT_TRANSLATE_NOOP("export", "Expected close before"),
}
SEGMENT = QT_TRANSLATE_NOOP("export", "Segment")
YES = QT_TRANSLATE_NOOP("export", "yes")
NOBODY = QT_TRANSLATE_NOOP("export", "nobody")
DEAL_STATUS = QT_TRANSLATE_NOOP("export", "Deals")
DUE_FROM = QT_TRANSLATE_NOOP("export", "Due from")
DUE_BEFORE = QT_TRANSLATE_NOOP("export", "Due before")
CUSTOMER = QT_TRANSLATE_NOOP("export", "Customer")


def _name_of(field: str, value: int) -> str:
    """The name behind an id in a filter (one small lookup)."""
    from crmdesk.storage import models as m

    model, column = {"owner_id": (m.User, "display_name"), "assignee_id": (m.User, "display_name"),
                     "tag_id": (m.Tag, "name"), "category_id": (m.ComplaintCategory, "name")}[field]
    row = model.get_or_none(model.id == value)
    return getattr(row, column) if row is not None else f"#{value}"


def _text(field: str, value: Any, words: Vocabulary) -> str:
    if isinstance(value, bool):
        return words.header(YES)
    if field == "ids":
        return f"{len(value):,}"
    if field == "statuses":
        return ", ".join(words.status(v) for v in value)
    if isinstance(value, tuple):
        return ", ".join(words.label(v) for v in value)
    if field in ("received_from", "received_until"):
        return from_ms(value).strftime("%Y-%m-%d %H:%M")
    if field.endswith("_id"):
        return words.header(NOBODY) if value == UNASSIGNED else _name_of(field, value)
    if field == "tier":
        return words.label(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def describe(flt: Any, words: Vocabulary, segment: str | None = None) -> list[tuple[str, str]]:
    """The fields of a filter that narrow it, as (label, text) in the user's words; a saved
    segment's name first."""
    out = [(words.header(SEGMENT), segment)] if segment else []
    for f in dataclasses.fields(flt):
        value = getattr(flt, f.name)
        if value in ("", (), None, False) or f.name not in FIELDS:
            continue
        out.append((words.header(FIELDS[f.name]), _text(f.name, value, words)))
    return out
