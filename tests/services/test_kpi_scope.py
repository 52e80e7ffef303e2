"""The dashboard's figures as each role sees them: an account manager's count only their own and
the unassigned customers (and those customers' records), the owner's the whole book; and the
cache never hands one user's figures to another."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmdesk.domain.clock import FixedClock
from crmdesk.services import kpi
from crmdesk.services.context import Context
from crmdesk.services.kpi import KpiCache, Period
from tests.services import team_book

NOVEMBER = Period(team_book.D(2026, 11, 1), team_book.D(2026, 12, 1))
YEAR = Period(team_book.D(2026, 1, 1), team_book.D(2027, 1, 1))

Seen = tuple[team_book.Book, dict[Period, kpi.Kpis]]  # the book, and what Wang is to see of it


@pytest.fixture()
def seen(db: Path, ctx: Context, clock: FixedClock) -> Seen:
    """The book, and the owner's figures of it before Li's customers came: what Wang sees."""
    return team_book.seen_before_li(ctx, clock, lambda owner: {
        period: kpi.compute(owner, period) for period in (NOVEMBER, YEAR)})


def test_an_account_manager_counts_their_own_and_the_unassigned_customers(seen: Seen) -> None:
    book, wang_sees = seen
    wang, owner = book.measuring("wang"), book.measuring()
    for period in (NOVEMBER, YEAR):
        assert kpi.compute(wang, period) == wang_sees[period]
    k = wang_sees[NOVEMBER]
    # every figure had something to count, so an equal figure is no accident of zeros
    assert k.customers == 6 + 2 and k.new_customers == 5 + 1 and k.revenue_cents and k.active_at_start and k.retained
    assert k.deals_opened and k.deals_won and k.deals_lost and k.open_deals and k.weighted_pipeline_cents
    assert k.rated and k.complaints_resolved and k.complaints_open and k.complaints_overdue
    assert (k.care_due_today, k.care_overdue) == (2, 3)  # with the task of no customer
    assert k.missing_phone == 2 and (k.duplicate_groups, k.duplicate_customers) == (1, 3)
    # the owner (and whoever sees everything) counts Li's customers too
    everything = kpi.compute(owner, NOVEMBER)
    assert everything.customers == 8 + 7 + 1  # Li's seven and the copy
    assert everything.revenue_cents > k.revenue_cents and everything.deals_opened == k.deals_opened + 7
    assert everything.complaints_received == k.complaints_received + 8
    assert (everything.care_due_today, everything.care_overdue) == (3, 4)
    # Li's copy of Wang's customer, and the e-mail address two of everyone's share (one of nobody's)
    assert (everything.duplicate_groups, everything.duplicate_customers) == (2, 2 + 5)
    for name in ("zhao", "qian"):
        assert kpi.compute(book.measuring(name), NOVEMBER) == everything
    li = kpi.compute(book.measuring("li"), NOVEMBER)
    assert li.customers == 8 + 2 and li.open_deals == everything.open_deals - k.open_deals + 1  # nobody's open one


def test_without_the_running_totals_the_figures_are_the_same(seen: Seen, monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    """Where the totals are not kept, every figure scans: for the owner and the account manager alike."""
    from crmdesk.storage import kpi as sql

    book, wang_sees = seen
    everything = kpi.compute(book.measuring(), NOVEMBER)
    monkeypatch.setattr(sql, "has_rollups", lambda: False)
    assert kpi.compute(book.measuring("wang"), NOVEMBER) == wang_sees[NOVEMBER]
    assert kpi.compute(book.measuring(), NOVEMBER) == everything


def test_the_cache_keeps_each_user_s_figures_apart(seen: Seen) -> None:
    book, wang_sees = seen
    cache = KpiCache()
    owner, wang, li = book.measuring(), book.measuring("wang"), book.measuring("li")
    everything = cache.get(owner, NOVEMBER)
    assert cache.cached(wang, NOVEMBER) is None and cache.cached(book.measuring("zhao"), NOVEMBER) is None
    assert cache.get(wang, NOVEMBER) == wang_sees[NOVEMBER] != everything
    assert cache.get(li, NOVEMBER).customers == 10
    assert cache.cached(owner, NOVEMBER) is everything and cache.cached(wang, NOVEMBER).customers == 8
    # one user under another role (handed the whole book, say) is measured afresh
    promoted = Context(clock=wang.clock, user_id=wang.user_id, role="manager")
    assert cache.cached(promoted, NOVEMBER) is None
    assert cache.get(promoted, NOVEMBER) == everything
