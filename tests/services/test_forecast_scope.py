"""The pipeline forecast, conversion and historical win rates, as each role sees them."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmdesk.domain.clock import FixedClock
from crmdesk.domain.filters import DealFilter
from crmdesk.services import forecast
from crmdesk.services.context import Context
from tests.services import team_book

Seen = tuple[team_book.Book, dict[str, object]]  # the book, and what Wang is to see of it


@pytest.fixture()
def seen(db: Path, ctx: Context, clock: FixedClock) -> Seen:
    """The book, and what the owner saw of it before Li's customers came: what Wang sees."""
    return team_book.seen_before_li(ctx, clock, lambda owner: {
        "forecast": forecast.forecast(owner, DealFilter()),
        "conversion": forecast.conversion(owner, None, None),
        "today": forecast.conversion(owner, owner.now() - team_book.DAY, owner.now()),
        "estimates": forecast.win_rate_estimates(owner),
    })


def test_an_account_manager_s_forecast_and_conversion_count_only_what_they_see(seen: Seen) -> None:
    book, wang_sees = seen
    wang = book.measuring("wang")
    rows = forecast.forecast(wang, DealFilter())
    assert rows == wang_sees["forecast"] and sum(r.count for r in rows) == 2 + 1  # open: Wang's and nobody's
    # Li's customers' deals are Wang's by owner, but not Wang's to see: the customer decides
    assert {r.owner_id for r in rows} == {book.users["wang"], None}
    flow = forecast.conversion(wang, None, None)
    assert flow == wang_sees["conversion"] and (flow.opened, flow.won, flow.lost) == (6 + 2, 2 + 1, 2)
    assert any(f.average_days for f in flow.flows)
    assert forecast.conversion(wang, wang.now() - team_book.DAY, wang.now()) == wang_sees["today"]
    assert forecast.win_rate_estimates(wang) == wang_sees["estimates"] != {}
    # the owner, a manager and the read-only user see Li's customers' deals too
    for name in (None, "zhao", "qian"):
        who = book.measuring(name)
        every = forecast.forecast(who, DealFilter())
        assert sum(r.count for r in every) == 3 + 3
        assert forecast.conversion(who, None, None).opened == 8 + 7
        assert forecast.win_rate_estimates(who) != wang_sees["estimates"]
    li = forecast.forecast(book.measuring("li"), DealFilter())
    assert sum(r.count for r in li) == 3 + 1  # Li's and nobody's
