"""What an account manager sees, as raw SQL for the aggregate queries that are written as text.

The same conditions as :func:`crmdesk.storage.listing.owned_or_unassigned` and
:func:`~crmdesk.storage.listing.customer_of_deal_seen_by`, with one ``?`` placeholder each for the
user's id (see :func:`crmdesk.storage.engine.execute`). ``seen_by`` None everywhere means
"everything": the callers then keep their unscoped SQL exactly as it was.
"""

from __future__ import annotations

from crmdesk.storage import engine

# The expression the ``customer_live_owner`` index holds (nobody's is owner 0 there): on live
# customers one index range answers both "mine" and "nobody's".
OWNER = "COALESCE({table}owner_id, 0) IN (0, ?)"


def customer_seen(alias: str = "") -> str:
    """The condition on the customer table (``alias`` if it has one) keeping the seen ones."""
    return OWNER.format(table=f"{alias}." if alias else "")


def seen_customers(alias: str) -> str:
    """The customer table, as ``alias``, for a FROM whose rows are the customers seen: on SQLite
    read through the ``customer_live_owner`` index whatever the statistics say. The planner
    knows only how many customers an owner has on average, and an account manager's few
    thousand would otherwise be found by a pass over a whole other index (the phone numbers',
    say) or over a year of orders. The query must keep to live customers (``deleted_at IS
    NULL``) and hold :func:`customer_seen`. PostgreSQL's planner is left to its own choice."""
    return f"customer {alias}" + (" INDEXED BY customer_live_owner" if engine.is_sqlite() else "")


def record_seen(customer_column: str) -> str:
    """The condition on a deal or complaint (by its customer column) keeping the ones whose
    customer is seen: a probe of the customer's key per record."""
    return f"EXISTS (SELECT 1 FROM customer seen WHERE seen.id = {customer_column} AND {customer_seen('seen')})"
