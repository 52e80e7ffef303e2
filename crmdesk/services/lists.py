"""The row sources behind the panes' tables (see :mod:`crmdesk.storage.listing`)."""

from __future__ import annotations

from crmdesk.domain.clock import today
from crmdesk.services.context import Context
from crmdesk.storage import listing
from crmdesk.storage.listing import Listing


def customers(ctx: Context) -> Listing:
    return listing.customers()


def open_opportunities(ctx: Context) -> Listing:
    return listing.open_opportunities()


def open_reminders(ctx: Context) -> Listing:
    return listing.open_reminders(today(ctx.clock))


def complaints(ctx: Context) -> Listing:
    return listing.complaints()
