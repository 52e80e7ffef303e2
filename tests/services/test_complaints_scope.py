"""Complaint statistics, the open and overdue counts and the overdue notices, as each role sees them."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmdesk.domain.clock import FixedClock
from crmdesk.services import complaints
from crmdesk.services.context import Context
from crmdesk.storage.reports import complaint_status_counts
from tests.services import team_book

DAY = team_book.DAY

Seen = tuple[team_book.Book, dict[str, object]]  # the book, and what Wang is to see of it


@pytest.fixture()
def seen(db: Path, ctx: Context, clock: FixedClock) -> Seen:
    """The book, and what the owner saw of it before Li's customers came: what Wang sees."""
    def figures(owner: Context) -> dict[str, object]:
        now = owner.now()
        return {
            "all time": complaints.statistics(owner),
            "last 3 days": complaints.statistics(owner, now - 3 * DAY, now),
            "open": complaints.open_and_overdue(owner),
            "overdue": complaints.became_overdue(owner, 0, now),
            "statuses": complaint_status_counts(None, None),
        }

    return team_book.seen_before_li(ctx, clock, figures)


def test_an_account_manager_s_complaint_figures_count_only_what_they_see(seen: Seen) -> None:
    book, wang_sees = seen
    wang, owner = book.measuring("wang"), book.measuring()
    now = wang.now()
    stats = complaints.statistics(wang)
    assert stats == wang_sees["all time"]
    assert stats.total == 7 + 3 and stats.rated == 3 + 3 and stats.repeat  # Wang's first customer, twice
    assert {cid for cid, _name, _n in stats.repeat} <= set(book.customers["wang"] + book.customers["nobody"])
    assert complaints.statistics(wang, now - 3 * DAY, now) == wang_sees["last 3 days"]
    assert complaints.open_and_overdue(wang) == wang_sees["open"]
    assert complaints.became_overdue(wang, 0, now) == wang_sees["overdue"]
    assert wang_sees["overdue"][0] > 0
    assert complaint_status_counts(None, None, wang.user_id) == wang_sees["statuses"]
    # the owner, a manager and the read-only user count Li's complaints too
    for name in (None, "zhao", "qian"):
        who = book.measuring(name)
        every = complaints.statistics(who)
        assert every.total == stats.total + 8
        assert complaints.open_and_overdue(who)[0] == wang_sees["open"][0] + 5
        assert complaints.became_overdue(who, 0, now)[0] > wang_sees["overdue"][0]
    li = complaints.statistics(book.measuring("li"))
    assert li.total == 8 + 3 and all(cid not in book.customers["wang"] for cid, _name, _n in li.repeat)
    assert complaints.statistics(owner).total == stats.total + li.total - 3  # the unassigned ones in both
