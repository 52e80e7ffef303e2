"""The complaint log as a spreadsheet, with the log's filter."""

from __future__ import annotations

from pathlib import Path

from crmdesk.domain.clock import from_ms
from crmdesk.domain.errors import QT_TRANSLATE_NOOP
from crmdesk.domain.filters import ComplaintFilter
from crmdesk.services import policy
from crmdesk.services.context import Context
from crmdesk.services.exporting.columns import Column, Vocabulary
from crmdesk.services.exporting.scope import describe
from crmdesk.services.exporting.summary import About
from crmdesk.services.exporting.table import format_of, write_table
from crmdesk.services.progress import NoProgress, Progress

COMPLAINT_COLUMNS = (
    Column("received_at", QT_TRANSLATE_NOOP("export", "Received"), "datetime", 16),
    Column("customer", QT_TRANSLATE_NOOP("export", "Customer"), width=14),
    Column("phone", QT_TRANSLATE_NOOP("export", "Phone"), width=16),
    Column("channel", QT_TRANSLATE_NOOP("export", "Channel"), "channel", 8, tally=True),
    Column("category", QT_TRANSLATE_NOOP("export", "Category"), width=10, tally=True),
    Column("severity", QT_TRANSLATE_NOOP("export", "Severity"), "label", 6, tally=True),
    Column("status", QT_TRANSLATE_NOOP("export", "Status"), "status", 8, tally=True),
    Column("due_at", QT_TRANSLATE_NOOP("export", "Deadline"), "datetime", 16),
    Column("assignee", QT_TRANSLATE_NOOP("export", "Assigned to"), width=8, tally=True),
    Column("description", QT_TRANSLATE_NOOP("export", "Description"), width=30),
    Column("resolved_at", QT_TRANSLATE_NOOP("export", "Resolved"), "datetime", 16),
    Column("resolution", QT_TRANSLATE_NOOP("export", "Resolution"), width=24),
    Column("root_cause", QT_TRANSLATE_NOOP("export", "Root cause"), width=16),
    Column("compensation_cents", QT_TRANSLATE_NOOP("export", "Compensation"), "money", 12),
    Column("satisfaction", QT_TRANSLATE_NOOP("export", "Satisfaction"), "number", 6),
    Column("satisfaction_comment", QT_TRANSLATE_NOOP("export", "Satisfaction comment"), width=16),
)
COMPLAINTS = QT_TRANSLATE_NOOP("export", "Complaints")


def export_complaints(
    ctx: Context, flt: ComplaintFilter, path: Path, fmt: str | None = None, words: Vocabulary | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the complaints of the log's filter to ``path``; returns how many were written."""
    policy.require(ctx, policy.Permission.EXPORT)
    from crmdesk.storage import exporting, listing

    words = words or Vocabulary()
    fmt = format_of(path, fmt)
    total = listing.complaints(flt, ctx.now()).count()
    about = About(from_ms(ctx.now()), describe(flt, words))
    return write_table(path, fmt, words.header(COMPLAINTS), COMPLAINT_COLUMNS,
                       exporting.complaint_pages(flt, ctx.now()), total, words, progress or NoProgress(), about)
