"""The row sources behind the panes' tables (see :mod:`crmdesk.storage.listing`), each kept
to the records the user may see (see :mod:`crmdesk.services.policy`)."""

from __future__ import annotations

from crmdesk.domain.clock import today
from crmdesk.domain.filters import ComplaintFilter, CustomerFilter
from crmdesk.services import policy
from crmdesk.services.context import Context
from crmdesk.storage import listing
from crmdesk.storage import models as m
from crmdesk.storage.listing import Listing


def customers(ctx: Context, flt: CustomerFilter | None = None) -> Listing:
    return listing.customers(flt, ctx.now(), today(ctx.clock), policy.customer_scope(ctx))


def open_opportunities(ctx: Context) -> Listing:
    return listing.open_opportunities(policy.customer_scope(ctx))


def open_reminders(ctx: Context) -> Listing:
    return listing.open_reminders(today(ctx.clock), policy.related_scope(ctx, m.Reminder.customer, optional=True))


def complaints(ctx: Context, flt: ComplaintFilter | None = None) -> Listing:
    return listing.complaints(flt, ctx.now(), policy.related_scope(ctx, m.Complaint.customer))
