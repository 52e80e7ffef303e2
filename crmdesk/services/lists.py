"""The row sources behind the panes' tables (see :mod:`crmdesk.storage.listing`)."""

from __future__ import annotations

from crmdesk.domain.clock import today
from crmdesk.domain.filters import ComplaintFilter, CustomerFilter
from crmdesk.services.context import Context
from crmdesk.storage import listing
from crmdesk.storage.listing import Listing


def customers(ctx: Context, flt: CustomerFilter | None = None) -> Listing:
    return listing.customers(flt, ctx.now(), today(ctx.clock))


def open_opportunities(ctx: Context) -> Listing:
    return listing.open_opportunities()


def open_reminders(ctx: Context) -> Listing:
    return listing.open_reminders(today(ctx.clock))


def complaints(ctx: Context, flt: ComplaintFilter | None = None) -> Listing:
    return listing.complaints(flt, ctx.now())
