"""The customer archive as a spreadsheet: everyone, a filter, a saved segment or a selection."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from crmdesk.domain.clock import from_ms, today
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, NotFoundError, ValidationError
from crmdesk.domain.filters import CustomerFilter
from crmdesk.services import policy
from crmdesk.services.context import Context
from crmdesk.services.exporting.columns import Column, Vocabulary
from crmdesk.services.exporting.scope import describe
from crmdesk.services.exporting.summary import About
from crmdesk.services.exporting.table import format_of, write_table
from crmdesk.services.progress import NoProgress, Progress

CUSTOMER_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("export", "Name"), width=14),
    Column("kind", QT_TRANSLATE_NOOP("export", "Kind"), "label", 8, tally=True),
    Column("company", QT_TRANSLATE_NOOP("export", "Company"), width=20),
    Column("title", QT_TRANSLATE_NOOP("export", "Job title"), width=10),
    Column("phone", QT_TRANSLATE_NOOP("export", "Phone"), width=16),
    Column("email", QT_TRANSLATE_NOOP("export", "E-mail"), width=22),
    Column("city", QT_TRANSLATE_NOOP("export", "City"), width=8),
    Column("address", QT_TRANSLATE_NOOP("export", "Address"), width=24),
    Column("category", QT_TRANSLATE_NOOP("export", "Category"), "label", 8, tally=True),
    Column("tier", QT_TRANSLATE_NOOP("export", "Value tier"), "label", 8, tally=True),
    Column("stage", QT_TRANSLATE_NOOP("export", "Lifecycle stage"), "label", 8, tally=True),
    Column("owner", QT_TRANSLATE_NOOP("export", "Owner"), width=8, tally=True),
    Column("tags", QT_TRANSLATE_NOOP("export", "Tags"), width=14),
    Column("birthday", QT_TRANSLATE_NOOP("export", "Birthday"), "date", 12),
    Column("source", QT_TRANSLATE_NOOP("export", "Source"), width=8),
    Column("last_contact_at", QT_TRANSLATE_NOOP("export", "Last contact"), "datetime", 16),
    Column("order_count", QT_TRANSLATE_NOOP("export", "Orders"), "number", 6),
    Column("order_total_cents", QT_TRANSLATE_NOOP("export", "Total spent"), "money", 14),
    Column("created_at", QT_TRANSLATE_NOOP("export", "Created"), "datetime", 16),
    Column("notes", QT_TRANSLATE_NOOP("export", "Notes"), width=30),
)
COLUMN_KEYS = tuple(c.key for c in CUSTOMER_COLUMNS)
LUNAR = QT_TRANSLATE_NOOP("export", "lunar")
CUSTOMERS = QT_TRANSLATE_NOOP("export", "Customers")


def customer_values(row: dict[str, Any], words: Vocabulary) -> dict[str, Any]:
    """A customer row as export values: labels translated, the birthday in one cell (a date
    when its year is known, text otherwise), tags joined."""
    out = dict(row)
    out["tags"] = ", ".join(row["tags"])
    month, day, year = row.get("birth_month"), row.get("birth_day"), row.get("birth_year")
    if month is None or day is None:
        out["birthday"] = None
    elif row["birthday_calendar"] == "lunar":
        leap = "闰" if row["birth_leap_month"] else ""
        out["birthday"] = f"{words.header(LUNAR)} {f'{year}-' if year else ''}{leap}{month:02d}-{day:02d}"
    elif year:
        out["birthday"] = dt.date(year, month, day)
    else:
        out["birthday"] = f"{month:02d}-{day:02d}"
    return out


def pick_columns(keys: Sequence[str] | None) -> tuple[Column, ...]:
    """The customer columns named by ``keys`` in that order (all of them for None)."""
    if keys is None:
        return CUSTOMER_COLUMNS
    by_key = {c.key: c for c in CUSTOMER_COLUMNS}
    unknown = [k for k in keys if k not in by_key]
    if unknown or not keys:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not one of the allowed choices for this field."),
                              field="columns", value=", ".join(unknown))
    return tuple(by_key[k] for k in keys)


def export_customers(
    ctx: Context, flt: CustomerFilter, path: Path, fmt: str | None = None, words: Vocabulary | None = None,
    progress: Progress | None = None, columns: Sequence[str] | None = None, segment: str | None = None,
) -> int:
    """Write the customers a filter selects to ``path``; returns how many were written.
    ``columns``: the keys of the columns wanted (default: all); ``segment``: the name of the
    saved segment the filter came from, for the summary."""
    policy.require(ctx, policy.Permission.EXPORT)
    from crmdesk.storage import exporting, listing

    words = words or Vocabulary()
    fmt = format_of(path, fmt)
    chosen = pick_columns(columns)
    total = listing.customers(flt, ctx.now(), today(ctx.clock)).count()
    pages = exporting.customer_pages(flt, ctx.now(), today(ctx.clock), _stored_keys(chosen))
    rows = ([customer_values(row, words) for row in page] for page in pages)
    about = About(from_ms(ctx.now()), describe(flt, words, segment))
    return write_table(path, fmt, words.header(CUSTOMERS), chosen, rows, total, words, progress or NoProgress(), about)


def _stored_keys(columns: Sequence[Column]) -> set[str]:
    """The stored fields the columns are made of (reading fewer makes a big export quicker)."""
    keys = {c.key for c in columns}
    if "birthday" in keys:
        keys |= {"birthday_calendar", "birth_year", "birth_month", "birth_day", "birth_leap_month"}
    return keys


def segment_filter(name: str) -> CustomerFilter:
    """The filter of the saved segment called ``name`` (case and surrounding spaces ignored)."""
    from crmdesk.services import segments

    wanted = name.strip().casefold()
    for segment in segments.all_segments():
        if segment.name.strip().casefold() == wanted:
            return segment.filter
    raise NotFoundError(QT_TRANSLATE_NOOP("errors", "There is no saved segment called “{name}”."), name=name.strip())
