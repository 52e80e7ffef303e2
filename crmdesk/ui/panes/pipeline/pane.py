"""The sales pipeline: open deals with their stage, amount and probability."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from crmdesk.services import lists
from crmdesk.services.context import Context
from crmdesk.ui import labels
from crmdesk.ui.paged_model import Column
from crmdesk.ui.panes.table_pane import TablePane
from crmdesk.ui.settings import UiSettings

CONTEXT = "PipelinePane"


def columns(ctx: Context) -> list[Column]:
    def days_since(ms: int | None) -> str:
        return "" if ms is None else str(max(0, (ctx.now() - ms) // 86_400_000))

    return [
        # The stage column sorts by the stage's position but shows its name.
        Column("stage", QT_TRANSLATE_NOOP("PipelinePane", "Stage"), display_key="stage_name", width=9),
        Column("title", QT_TRANSLATE_NOOP("PipelinePane", "Deal"), width=14),
        Column("customer", QT_TRANSLATE_NOOP("PipelinePane", "Customer"), width=16),
        Column("amount_cents", QT_TRANSLATE_NOOP("PipelinePane", "Amount"), labels.money, True, width=13),
        Column("probability", QT_TRANSLATE_NOOP("PipelinePane", "Probability"), lambda p: f"{p}%", True, width=8),
        Column("expected_close", QT_TRANSLATE_NOOP("PipelinePane", "Expected close"), labels.date_text, width=11),
        Column("owner", QT_TRANSLATE_NOOP("PipelinePane", "Owner"), width=6),
        Column("stage_entered_at", QT_TRANSLATE_NOOP("PipelinePane", "Days in stage"), days_since, True, width=8),
    ]


class PipelinePane(TablePane):
    def __init__(self, ctx: Context, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(
            object_name="pipelinePane",
            table_name="opportunityTable",
            context=CONTEXT,
            title=QT_TRANSLATE_NOOP("PipelinePane", "Open deals"),
            columns=columns(ctx),
            default_sort="stage",
            listing=lambda: lists.open_opportunities(ctx),
            relevant=lambda c: bool(c.opportunities or c.customers),
            settings=settings,
            parent=parent,
        )

