"""The pipeline's deals as a spreadsheet, in board order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crmdesk.domain.clock import as_date, from_ms
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from crmdesk.domain.filters import DealFilter
from crmdesk.domain.pipeline import days_between, weighted_cents
from crmdesk.services import policy
from crmdesk.services.context import Context
from crmdesk.services.exporting.columns import Column, Vocabulary
from crmdesk.services.exporting.scope import DEAL_STATUS, describe
from crmdesk.services.exporting.summary import About
from crmdesk.services.exporting.table import format_of, write_table
from crmdesk.services.progress import NoProgress, Progress

DEAL_COLUMNS = (
    Column("stage", QT_TRANSLATE_NOOP("export", "Stage"), width=10, tally=True),
    Column("title", QT_TRANSLATE_NOOP("export", "Deal"), width=20),
    Column("customer", QT_TRANSLATE_NOOP("export", "Customer"), width=14),
    Column("tier", QT_TRANSLATE_NOOP("export", "Value tier"), "label", 8),
    Column("amount_cents", QT_TRANSLATE_NOOP("export", "Amount"), "money", 14),
    Column("probability", QT_TRANSLATE_NOOP("export", "Probability %"), "number", 8),
    Column("weighted_cents", QT_TRANSLATE_NOOP("export", "Weighted amount"), "money", 14),
    Column("expected_close", QT_TRANSLATE_NOOP("export", "Expected close"), "date", 12),
    Column("owner", QT_TRANSLATE_NOOP("export", "Owner"), width=8, tally=True),
    Column("status", QT_TRANSLATE_NOOP("export", "Status"), "label", 6, tally=True),
    Column("days_in_stage", QT_TRANSLATE_NOOP("export", "Days in stage"), "number", 8),
    Column("next_step", QT_TRANSLATE_NOOP("export", "Next step"), width=20),
    Column("next_step_due", QT_TRANSLATE_NOOP("export", "Next step due"), "date", 12),
    Column("lost_reason", QT_TRANSLATE_NOOP("export", "Lost reason"), width=12, tally=True),
    Column("created_at", QT_TRANSLATE_NOOP("export", "Created"), "datetime", 16),
    Column("closed_at", QT_TRANSLATE_NOOP("export", "Closed"), "datetime", 16),
)
DEAL_STATUSES = {"open": ("open",), "won": ("won",), "lost": ("lost",), "all": ("open", "won", "lost")}
PIPELINE = QT_TRANSLATE_NOOP("export", "Pipeline")


def _deal_values(row: dict[str, Any], now: int) -> dict[str, Any]:
    out = dict(row)
    out["weighted_cents"] = weighted_cents(row["amount_cents"], row["probability"])  # as the board shows them
    out["days_in_stage"] = days_between(row["stage_entered_at"], row["closed_at"] or now)
    for key in ("expected_close", "next_step_due"):
        out[key] = as_date(out[key])
    return out


def export_opportunities(
    ctx: Context, flt: DealFilter, path: Path, status: str = "open", fmt: str | None = None,
    words: Vocabulary | None = None, progress: Progress | None = None,
) -> int:
    """Write the pipeline's deals (the board's filter; open, won, lost or all) to ``path``,
    in board order; returns how many were written."""
    policy.require(ctx, policy.Permission.EXPORT)
    from crmdesk.storage import pipeline

    if status not in DEAL_STATUSES:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not one of the allowed choices for this field."),
                              field="status", value=status)
    words = words or Vocabulary()
    fmt = format_of(path, fmt)
    statuses = DEAL_STATUSES[status]
    flt = policy.deal_filter(ctx, flt)  # the totals and the rows alike
    totals = pipeline.column_totals(flt)
    stage_kinds = _stage_kinds()
    total = sum(n for sid, (n, _a, _w) in totals.items() if stage_kinds.get(sid) in statuses)
    now = ctx.now()
    pages = ([_deal_values(row, now) for row in page] for page in pipeline.export_pages(flt, statuses))
    scope = describe(flt, words)
    if status != "all":
        scope.insert(0, (words.header(DEAL_STATUS), words.label(status)))
    about = About(from_ms(now), scope)
    return write_table(path, fmt, words.header(PIPELINE), DEAL_COLUMNS, pages, total, words, progress or NoProgress(),
                       about)


def _stage_kinds() -> dict[int, str]:
    from crmdesk.storage import models as m

    return {row.id: row.kind for row in m.PipelineStage.select(m.PipelineStage.id, m.PipelineStage.kind)}
