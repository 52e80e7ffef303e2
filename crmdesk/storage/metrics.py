"""Re-tiering in SQL: the rules of crmdesk.domain.metrics as CASE expressions, by id range."""

from __future__ import annotations

import datetime as dt

from peewee import Case

from crmdesk.domain import metrics as rules
from crmdesk.storage import models as m


def tier_case() -> Case:
    c = m.Customer
    return Case(None, [(c.order_total_cents >= limit, tier) for tier, limit in rules.TIER_CENTS], "general")


def stage_case(today: dt.date) -> Case:
    c = m.Customer
    day = lambda n: (today - dt.timedelta(days=n)).isoformat()  # noqa: E731 - dates are stored as ISO text
    return Case(None, [
        ((c.order_count == 0) | c.last_order_on.is_null(), "potential"),
        (c.last_order_on < day(rules.CHURN_DAYS), "churned"),
        ((c.first_order_on >= day(rules.NEW_DAYS)) & (c.order_count <= rules.NEW_MAX_ORDERS), "new"),
        ((c.order_count >= rules.LOYAL_MIN_ORDERS) & (c.last_order_on >= day(rules.LOYAL_DAYS)), "loyal"),
    ], "active")


def id_bounds() -> tuple[int, int]:
    from peewee import fn

    low, high = m.Customer.select(fn.MIN(m.Customer.id), fn.MAX(m.Customer.id)).tuples().get()
    return int(low or 0), int(high or 0)


def retier_range(low: int, high: int, today: dt.date, stamp: int, user_id: int | None = None) -> int:
    """Apply the suggested tier and stage to live customers with ids in [low, high) whose value
    was not set by hand and differs; returns how many rows changed. The audit trail gets an
    entry per value changed (at ``stamp``, by ``user_id``), written by the same SQL first."""
    from peewee import Value

    from crmdesk.storage import audit

    c = m.Customer
    live = c.deleted_at.is_null() & (c.id >= low) & (c.id < high)
    tier, stage = tier_case(), stage_case(today)
    for field, column, flag, case in (("tier", c.tier, c.tier_manual, tier), ("stage", c.stage, c.stage_manual, stage)):
        audit.insert_from(c.select(Value(stamp), Value(user_id), Value("customer"), c.uid, Value("retier"),
                                   audit.pair(field, column, case))
                          .where(live & (flag == False) & (column != case)).order_by(c.uid))  # noqa: E712
    changed = c.update(tier=tier, stamp=stamp).where(live & (c.tier_manual == False) & (c.tier != tier)).execute()  # noqa: E712
    changed += c.update(stage=stage, stamp=stamp).where(live & (c.stage_manual == False) & (c.stage != stage)).execute()  # noqa: E712
    return changed
