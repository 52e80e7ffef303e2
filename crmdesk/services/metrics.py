"""Value metrics of customers, suggestions for tier and stage, and re-tiering everyone."""

from __future__ import annotations

from crmdesk.domain import metrics as rules
from crmdesk.domain.changes import Changes
from crmdesk.domain.clock import as_date, local_date, today
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from crmdesk.services import audit
from crmdesk.services import policy
from crmdesk.services.context import Context
from crmdesk.services.customers import get_live
from crmdesk.services.progress import NoProgress, Progress, check
from crmdesk.services.sync_clock import audited
from crmdesk.storage import metrics as sql
from crmdesk.storage import models as m
from crmdesk.storage.transactions import atomic

CHUNK = 50_000


def customer_metrics(ctx: Context, customer_id: int) -> rules.Metrics:
    policy.require_customer(ctx, customer_id, change=False)
    row = get_live(customer_id)
    return rules.compute(
        row.order_count, row.order_total_cents, as_date(row.first_order_on), as_date(row.last_order_on),
        local_date(row.last_contact_at) if row.last_contact_at else None, today(ctx.clock),
    )


def accept_suggestion(ctx: Context, customer_id: int, field: str) -> Changes:
    """Set the customer's tier or stage to the suggested one; it follows the data from now on."""
    policy.require_customer(ctx, customer_id)
    if field not in ("tier", "stage"):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not one of the allowed choices for this field."),
                              field="field", value=field)
    with atomic():
        found = customer_metrics(ctx, customer_id)
        value = found.suggested_tier if field == "tier" else found.suggested_stage
        row = get_live(customer_id)
        audit.changed(ctx, row, "update", {field: getattr(row, field)}, {field: value})
        m.Customer.update(**{field: value, f"{field}_manual": False, "stamp": ctx.now()}).where(
            m.Customer.id == customer_id).execute()
    return Changes(customers={customer_id})


def retier_all(ctx: Context, progress: Progress | None = None) -> tuple[int, Changes]:
    """Give every customer whose tier or stage was not set by hand the suggested one.

    One transaction, in id ranges (progress and cancel between ranges); returns how many
    values changed.
    """
    policy.require(ctx, policy.Permission.WORK_ON_ALL)
    progress = progress or NoProgress()
    day, stamp, changed = today(ctx.clock), ctx.now(), 0
    with atomic():
        low, high = sql.id_bounds()
        for start in range(low, high + 1, CHUNK):
            check(progress)
            with audited(ctx):  # the audit entries carry the sync clocks of the fields
                changed += sql.retier_range(start, start + CHUNK, day, stamp, ctx.user_id)
            progress.report(min(start + CHUNK, high) - low, max(high - low, 1))
    return changed, Changes(everything=True)
