"""Headline numbers for the dashboard, computed in SQL."""

from __future__ import annotations

from dataclasses import dataclass, field

from crmdesk.domain.clock import today
from crmdesk.domain.enums import ComplaintStatus
from crmdesk.services.context import Context
from crmdesk.storage import counts


@dataclass
class Overview:
    customers: int = 0
    by_category: dict[str, int] = field(default_factory=dict)
    by_tier: dict[str, int] = field(default_factory=dict)
    by_stage: dict[str, int] = field(default_factory=dict)
    open_deals: int = 0
    open_pipeline_cents: int = 0
    reminders_due_today: int = 0
    reminders_overdue: int = 0
    complaints_open: int = 0
    complaints_overdue: int = 0


def overview(ctx: Context) -> Overview:
    day = today(ctx.clock)
    by_category = counts.customers_by("category")
    deals, pipeline = counts.open_pipeline()
    due_today, overdue = counts.reminders_due(day)
    open_complaints, late = counts.complaints_open(ctx.now(), [ComplaintStatus.RESOLVED.value, ComplaintStatus.CLOSED.value])
    return Overview(
        customers=sum(by_category.values()),
        by_category=by_category,
        by_tier=counts.customers_by("tier"),
        by_stage=counts.customers_by("stage"),
        open_deals=deals,
        open_pipeline_cents=pipeline,
        reminders_due_today=due_today,
        reminders_overdue=overdue,
        complaints_open=open_complaints,
        complaints_overdue=late,
    )
