"""Pipeline queries over a small demo book: pages, totals and history agree with a plain count."""

from __future__ import annotations

from crmdesk.domain.filters import DealFilter
from crmdesk.services.demo import generator
from crmdesk.storage import models as m
from crmdesk.storage import pipeline as q


def test_cards_page_in_order_and_totals_match(db, ctx) -> None:
    generator.generate(ctx, 600, seed=3)
    o = m.Opportunity
    stage = o.select(o.stage).where(o.status == "open").group_by(o.stage).order_by(o.stage).scalar()
    seen, after = [], None
    while True:
        page = q.cards(stage, False, DealFilter(), after, 7)
        if not page:
            break
        seen += page
        last = dict(zip(q.CARD_FIELDS, page[-1]))
        after = (last["position"], last["id"])
    expected = [r[0] for r in o.select(o.id).where((o.stage == stage) & o.deleted_at.is_null())
                .order_by(o.position, o.id).tuples()]
    assert [c[0] for c in seen] == expected
    totals = q.column_totals(DealFilter())
    assert totals[stage][0] == len(expected)
    assert totals[stage][1] == sum(dict(zip(q.CARD_FIELDS, c))["amount_cents"] for c in seen)


def test_history_counts_every_deal_once(db, ctx) -> None:
    generator.generate(ctx, 600, seed=3)
    rows = q.reach_rows(None, None)
    assert sum(r[3] for r in rows) == m.Opportunity.select().count()
    won, lost, cycle = q.closed_summary(None, None)
    assert won == m.Opportunity.select().where(m.Opportunity.status == "won").count()
    assert lost == m.Opportunity.select().where(m.Opportunity.status == "lost").count()
    assert won == 0 or cycle > 0
    assert all(n > 0 and avg >= 0 for n, avg in q.stage_durations(None, None).values())
