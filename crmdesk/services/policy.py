"""The one place roles are enforced: services ask here, through the Context, before they
read or change anything (so the app and the command line obey the same rules).

Visibility is SQL: :func:`customer_scope` is a condition on the customer table (the indexed
owner column) that the listing, counting and id-resolving queries add to their WHERE, and
:func:`related_scope` extends it to deals, care tasks and complaints through their customer.
The aggregates (dashboard figures, complaint statistics, forecast and conversion) take
:func:`seen_by` instead, the user whose sight their grouped SQL is kept to. Nothing is filtered
row by row in Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from peewee import SQL, Expression, Field, ModelSelect

from crmdesk.domain import roles
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, NotFoundError, PermissionDeniedError
from crmdesk.domain.filters import DealFilter
from crmdesk.domain.roles import Permission
from crmdesk.services.context import Context
from crmdesk.storage import models as m
from crmdesk.storage.listing import customer_of_deal_seen_by, owned_or_unassigned

DENIED = {
    Permission.CHANGE: QT_TRANSLATE_NOOP("errors", "Your account may look at records but not change them."),
    Permission.SEE_ALL: QT_TRANSLATE_NOOP("errors", "Your account sees only your own customers and unassigned ones."),
    Permission.WORK_ON_ALL: QT_TRANSLATE_NOOP(
        "errors", "Only the owner or a manager may work on the whole archive at once."),
    Permission.SETTINGS: QT_TRANSLATE_NOOP("errors", "Only the owner may change the settings."),
    Permission.USERS: QT_TRANSLATE_NOOP("errors", "Only the owner may manage users."),
    Permission.RECYCLE_BIN: QT_TRANSLATE_NOOP("errors", "Only the owner may open the recycle bin."),
    Permission.EXPORT: QT_TRANSLATE_NOOP("errors", "Only the owner may export data."),
    Permission.BACKUP: QT_TRANSLATE_NOOP("errors", "Only the owner may back up, restore or check the database."),
}
NOT_YOURS = QT_TRANSLATE_NOOP("errors", "Customer {id} belongs to another account manager.")


def can(ctx: Context, permission: Permission) -> bool:
    return roles.allows(ctx.role, permission)


def require(ctx: Context, permission: Permission) -> None:
    """Raise PermissionDeniedError (one translated sentence) unless the role allows it."""
    if not can(ctx, permission):
        raise PermissionDeniedError(DENIED[permission])


def customer_scope(ctx: Context, c: type[m.Customer] = m.Customer) -> Expression | None:
    """The condition on ``customer`` (or an alias of it) that keeps the customers ``ctx`` may
    see; None: all of them."""
    if not roles.sees_only_own(ctx.role):
        return None
    return owned_or_unassigned(ctx.user_id or 0, c)  # (no user 0: then only the unassigned)


def seen_by(ctx: Context) -> int | None:
    """The user whose own and unassigned customers bound what ``ctx`` sees, for the storage
    aggregates' ``seen_by``; None: all of them (the unscoped queries, exactly as before)."""
    return (ctx.user_id or 0) if roles.sees_only_own(ctx.role) else None


def deal_filter(ctx: Context, flt: DealFilter) -> DealFilter:
    """The board's filter kept to the deals of customers ``ctx`` may see."""
    return flt if not roles.sees_only_own(ctx.role) else replace(flt, seen_by=ctx.user_id or 0)


def visible_customer_ids(ctx: Context) -> ModelSelect | None:
    """A subquery of the ids of the customers ``ctx`` may see; None: all."""
    scope = customer_scope(ctx)
    return None if scope is None else m.Customer.select(m.Customer.id).where(scope)


def related_scope(ctx: Context, customer_column: Field, optional: bool = False) -> Expression | None:
    """The condition on a deal, care task or complaint (by its customer column) that keeps the
    ones whose customer ``ctx`` may see; ``optional``: a record without a customer is seen."""
    if not roles.sees_only_own(ctx.role):
        return None
    condition = customer_of_deal_seen_by(ctx.user_id or 0, customer_column)
    return (customer_column.is_null() | condition) if optional else condition


def require_customer(ctx: Context, customer_id: int | None, change: bool = True) -> None:
    """Refuse unless ``ctx`` may see (and, with ``change``, change) that customer."""
    if change:
        require(ctx, Permission.CHANGE)
    scope = customer_scope(ctx)
    if scope is None or customer_id is None:
        return
    c = m.Customer
    found = c.select(c.owner).where(c.id == customer_id).tuples().first()
    if found is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("errors", "Customer {id} does not exist or was deleted."),
                            id=customer_id)
    if not c.select(SQL("1")).where((c.id == customer_id) & scope).exists():
        raise PermissionDeniedError(NOT_YOURS, id=customer_id)


def require_customers(ctx: Context, customer_ids: Iterable[int], change: bool = True) -> None:
    """Refuse the whole set if any of those customers is out of ``ctx``'s sight (one query)."""
    if change:
        require(ctx, Permission.CHANGE)
    scope = customer_scope(ctx)
    ids = sorted(set(customer_ids))
    if scope is None or not ids:
        return
    c = m.Customer
    for start in range(0, len(ids), 20_000):
        part = ids[start:start + 20_000]
        hidden = c.select(c.id).where(c.id.in_(part) & ~scope).limit(1).tuples().first()
        if hidden is not None:
            raise PermissionDeniedError(NOT_YOURS, id=hidden[0])


def require_record(ctx: Context, model: type[m.BaseModel], record_id: int, change: bool = True) -> None:
    """Refuse unless ``ctx`` may see (and change) the customer of a deal, task or complaint."""
    if change:
        require(ctx, Permission.CHANGE)
    if customer_scope(ctx) is None:
        return
    found = model.select(model.customer).where(model.id == record_id).tuples().first()
    if found is not None and found[0] is not None:
        require_customer(ctx, found[0], change=False)
