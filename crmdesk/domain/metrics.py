"""Value metrics of a customer, and the tier and lifecycle stage they suggest, with reasons.

The same thresholds drive the per-customer explanation (here) and the bulk re-tiering (in SQL,
see ``crmdesk.storage.metrics``); tests check the two agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from crmdesk.domain import currency
from crmdesk.domain.errors import QT_TRANSLATE_NOOP

CONTEXT = "metrics"

# Recency: days since the last order -> score (more recent is better).
RECENCY_DAYS = ((30, 5), (90, 4), (180, 3), (365, 2))
# Frequency: number of orders -> score.
FREQUENCY_ORDERS = ((10, 5), (6, 4), (3, 3), (2, 2), (1, 1))
# Monetary: total spent in cents -> score.
MONETARY_CENTS = ((5_000_000, 5), (1_500_000, 4), (500_000, 3), (100_000, 2), (1, 1))
# Tier by total spent (cents), best first; below the last, "general".
TIER_CENTS = (("strategic", 5_000_000), ("partner", 1_500_000), ("value", 300_000))
NEW_DAYS = 90  # a first order this recent, and at most NEW_MAX_ORDERS orders: a new customer
NEW_MAX_ORDERS = 2
LOYAL_MIN_ORDERS = 6  # this many orders and an order within LOYAL_DAYS: loyal
LOYAL_DAYS = 120
CHURN_DAYS = 365  # no order for longer than this: churned


@dataclass(frozen=True)
class Reason:
    """A translatable sentence (context ``metrics``) and its values."""

    template: str
    params: dict[str, object] = field(default_factory=dict)

    def text(self) -> str:
        return self.template.format(**self.params)


@dataclass(frozen=True)
class Metrics:
    recency: int  # 0 when there is no order
    frequency: int
    monetary: int
    lifetime_value_cents: int
    days_since_order: int | None
    days_since_contact: int | None
    suggested_tier: str
    tier_reason: Reason
    suggested_stage: str
    stage_reason: Reason


def _score(value: int, table: tuple[tuple[int, int], ...], higher_is_better: bool = True) -> int:
    for limit, score in table:
        if (value >= limit) if higher_is_better else (value <= limit):
            return score
    return 0 if higher_is_better else 1


def suggest_tier(total_cents: int) -> tuple[str, Reason]:
    yuan = total_cents // 100
    for tier, limit in TIER_CENTS:
        if total_cents >= limit:
            return tier, Reason(QT_TRANSLATE_NOOP("metrics", "Total spent {cur}{total:,} (at least {cur}{limit:,})"),
                                {"total": yuan, "limit": limit // 100, "cur": currency.symbol()})
    return "general", Reason(QT_TRANSLATE_NOOP("metrics", "Total spent {cur}{total:,} (under {cur}{limit:,})"),
                             {"total": yuan, "limit": TIER_CENTS[-1][1] // 100, "cur": currency.symbol()})


def suggest_stage(orders: int, first_order: dt.date | None, last_order: dt.date | None, today: dt.date) -> tuple[str, Reason]:
    if orders == 0 or last_order is None or first_order is None:
        return "potential", Reason(QT_TRANSLATE_NOOP("metrics", "No orders yet"))
    since_last = (today - last_order).days
    since_first = (today - first_order).days
    if since_last > CHURN_DAYS:
        return "churned", Reason(QT_TRANSLATE_NOOP("metrics", "Last order {days} days ago (more than {limit})"),
                                 {"days": since_last, "limit": CHURN_DAYS})
    if since_first <= NEW_DAYS and orders <= NEW_MAX_ORDERS:
        return "new", Reason(QT_TRANSLATE_NOOP("metrics", "First order {days} days ago"), {"days": since_first})
    if orders >= LOYAL_MIN_ORDERS and since_last <= LOYAL_DAYS:
        return "loyal", Reason(QT_TRANSLATE_NOOP("metrics", "{orders} orders, the last {days} days ago"),
                               {"orders": orders, "days": since_last})
    return "active", Reason(QT_TRANSLATE_NOOP("metrics", "{orders} orders, the last {days} days ago"),
                            {"orders": orders, "days": since_last})


def compute(
    orders: int, total_cents: int, first_order: dt.date | None, last_order: dt.date | None,
    last_contact: dt.date | None, today: dt.date,
) -> Metrics:
    days_order = (today - last_order).days if last_order else None
    tier, tier_reason = suggest_tier(total_cents)
    stage, stage_reason = suggest_stage(orders, first_order, last_order, today)
    return Metrics(
        recency=_score(days_order, RECENCY_DAYS, higher_is_better=False) if days_order is not None else 0,
        frequency=_score(orders, FREQUENCY_ORDERS),
        monetary=_score(total_cents, MONETARY_CENTS),
        lifetime_value_cents=total_cents,
        days_since_order=days_order,
        days_since_contact=(today - last_contact).days if last_contact else None,
        suggested_tier=tier,
        tier_reason=tier_reason,
        suggested_stage=stage,
        stage_reason=stage_reason,
    )
