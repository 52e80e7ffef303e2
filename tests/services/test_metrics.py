"""Value metrics, suggestions with reasons, and re-tiering that agrees with them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crmdesk.domain import metrics as rules
from crmdesk.domain.customer import CustomerInput
from crmdesk.services import customers, metrics
from crmdesk.services.context import Context
from crmdesk.services.demo import generator
from crmdesk.services.progress import Cancelled
from crmdesk.storage import models as m

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("orders", "total", "first", "last", "tier", "stage", "rfm"),
    [
        (0, 0, None, None, "general", "potential", (0, 0, 0)),
        (1, 50_000, 30, 30, "general", "new", (5, 1, 1)),
        (3, 400_000, 400, 100, "value", "active", (3, 3, 2)),
        (8, 2_000_000, 900, 12, "partner", "loyal", (5, 4, 4)),
        (12, 6_000_000, 2000, 500, "strategic", "churned", (1, 5, 5)),
        (6, 1_500_000, 700, 121, "partner", "active", (3, 4, 4)),  # one day too long ago for loyal
    ],
)
def test_rules_on_a_hand_checked_table(orders, total, first, last, tier, stage, rfm) -> None:
    day = lambda n: None if n is None else TODAY - dt.timedelta(days=n)  # noqa: E731
    found = rules.compute(orders, total, day(first), day(last), None, TODAY)
    assert (found.suggested_tier, found.suggested_stage) == (tier, stage)
    assert (found.recency, found.frequency, found.monetary) == rfm
    assert found.tier_reason.text() and found.stage_reason.text()


def test_reason_reads_like_a_sentence() -> None:
    found = rules.compute(8, 2_000_000, TODAY - dt.timedelta(days=900), TODAY - dt.timedelta(days=12), None, TODAY)
    assert found.stage_reason.text() == "8 orders, the last 12 days ago"
    assert found.tier_reason.text() == "Total spent ¥20,000 (at least ¥15,000)"


def test_retier_in_sql_agrees_with_the_rules(db: Path, ctx: Context) -> None:
    generator.generate(ctx, 800, seed=4)
    # Scramble tiers and stages, and pin two customers by hand.
    m.Customer.update(tier="general", stage="potential").execute()
    pinned = [c.id for c in m.Customer.select().limit(2)]
    m.Customer.update(tier="strategic", tier_manual=True).where(m.Customer.id == pinned[0]).execute()
    m.Customer.update(stage="loyal", stage_manual=True).where(m.Customer.id == pinned[1]).execute()
    changed, _ = metrics.retier_all(ctx)
    assert changed > 0
    for row in m.Customer.select():
        expected = metrics.customer_metrics(ctx, row.id)
        if row.id != pinned[0]:
            assert row.tier == expected.suggested_tier, row.id
        if row.id != pinned[1]:
            assert row.stage == expected.suggested_stage, row.id
    assert m.Customer.get_by_id(pinned[0]).tier == "strategic"
    assert m.Customer.get_by_id(pinned[1]).stage == "loyal"
    assert metrics.retier_all(ctx)[0] == 0  # nothing left to change


def test_accept_and_manual_edits(db: Path, ctx: Context) -> None:
    cid, _ = customers.create_customer(ctx, CustomerInput(name="张伟", tier="strategic"))
    data = customers.load_input(cid)
    data.tier = "partner"
    customers.update_customer(ctx, cid, data)
    assert m.Customer.get_by_id(cid).tier_manual  # a person chose it
    metrics.accept_suggestion(ctx, cid, "tier")
    row = m.Customer.get_by_id(cid)
    assert (row.tier, row.tier_manual) == ("general", False)


def test_retier_can_be_cancelled(db: Path, ctx: Context, monkeypatch) -> None:
    generator.generate(ctx, 50, seed=2)
    m.Customer.update(tier="general").execute()
    monkeypatch.setattr(metrics, "CHUNK", 10)

    class Stop:
        def report(self, *a) -> None:
            pass

        def cancelled(self) -> bool:
            return True

    with pytest.raises(Cancelled):
        metrics.retier_all(ctx, Stop())
    assert {c.tier for c in m.Customer.select()} == {"general"}
