"""Open care tasks as a spreadsheet: a date range of the calendar, or one customer's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from crmdesk.domain.clock import as_date, from_ms
from crmdesk.domain.errors import QT_TRANSLATE_NOOP
from crmdesk.services import policy
from crmdesk.services.context import Context
from crmdesk.services.exporting.columns import Column, Vocabulary
from crmdesk.services.exporting.scope import CUSTOMER, DUE_BEFORE, DUE_FROM
from crmdesk.services.exporting.summary import About
from crmdesk.services.exporting.table import format_of, write_table
from crmdesk.services.progress import NoProgress, Progress

REMINDER_COLUMNS = (
    Column("due_on", QT_TRANSLATE_NOOP("export", "Due"), "date", 11),
    Column("due_time", QT_TRANSLATE_NOOP("export", "Time"), width=6),
    Column("kind", QT_TRANSLATE_NOOP("export", "Kind"), "label", 10, tally=True),
    Column("title", QT_TRANSLATE_NOOP("export", "Task"), width=24),
    Column("customer", QT_TRANSLATE_NOOP("export", "Customer"), width=14),
    Column("phone", QT_TRANSLATE_NOOP("export", "Phone"), width=16),
    Column("status", QT_TRANSLATE_NOOP("export", "Status"), "label", 6),
    Column("assignee", QT_TRANSLATE_NOOP("export", "Assigned to"), width=8, tally=True),
    Column("snoozed_until", QT_TRANSLATE_NOOP("export", "Snoozed until"), "datetime", 16),
    Column("notes", QT_TRANSLATE_NOOP("export", "Notes"), width=30),
)
REMINDERS = QT_TRANSLATE_NOOP("export", "Care tasks")


def _task_values(row: dict[str, Any], words: Vocabulary) -> dict[str, Any]:
    out = dict(row)
    out["due_on"] = as_date(row["due_on"])
    out["title"] = words.task(row["kind"], row["title"] or "", out["due_on"])  # "Birthday in 3 days", not a date
    return out


def export_reminders(
    ctx: Context, path: Path, start: dt.date | None = None, until: dt.date | None = None,
    customer_id: int | None = None, fmt: str | None = None, words: Vocabulary | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the open care tasks due in [start, until) (either end open for None), or of one
    customer, to ``path`` in due order; returns how many were written."""
    policy.require(ctx, policy.Permission.EXPORT)
    from crmdesk.storage import exporting

    words = words or Vocabulary()
    fmt = format_of(path, fmt)
    total = exporting.reminder_count(start, until, customer_id)
    pages = ([_task_values(row, words) for row in page]
             for page in exporting.reminder_pages(start, until, customer_id))
    scope = [(words.header(label), value.isoformat()) for label, value in ((DUE_FROM, start), (DUE_BEFORE, until))
             if value is not None]
    if customer_id is not None:
        scope.append((words.header(CUSTOMER), _customer_name(customer_id)))
    about = About(from_ms(ctx.now()), scope)
    return write_table(path, fmt, words.header(REMINDERS), REMINDER_COLUMNS, pages, total, words,
                       progress or NoProgress(), about)


def _customer_name(customer_id: int) -> str:
    from crmdesk.storage import models as m

    row = m.Customer.get_or_none(m.Customer.id == customer_id)
    return row.name if row is not None else f"#{customer_id}"
