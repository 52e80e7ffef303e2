"""Search keystrokes, jump-to-end and memory on the big demo database.

A keystroke costs what the archive does after a pause in typing: count the matches, fetch the
first page sorted by name, find the selected customer's new row, and show the page. Run as part of ``python -m benchmarks``.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from crmdesk.domain.filters import CustomerFilter
from crmdesk.services import lists
from crmdesk.services.context import Context
from crmdesk.storage.database import close_database, open_database

QUERIES = ["王", "伟", "张伟", "欧阳", "z", "zw", "zhangw", "wangfang", "138", "5678", "138 1234", "+86 186", "上海", "vip"]
PAGE = 200
VISIBLE_ROWS = 40  # rows of a full-screen table


def keystroke_times(path: Path, rounds: int = 5) -> dict[str, list[float]]:
    """What one keystroke costs the archive, as its refresh does it: count, first page and the
    kept selection's new row (off the GUI thread), then the model reset and the display text
    of the rows a window shows."""
    from PySide6.QtCore import QCoreApplication, Qt

    from crmdesk.ui.paged_model import PagedTableModel
    from crmdesk.ui.panes.customers.pane import COLUMNS

    app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841 - models need one
    model = PagedTableModel("CustomersPane", COLUMNS, "name")
    open_database(path)
    ctx = Context()
    out: dict[str, list[float]] = {}
    keep: int | None = None  # the customer selected while typing: the last search's top row
    try:
        for query in QUERIES:
            times = []
            for _ in range(rounds):
                started = time.perf_counter()
                listing = lists.customers(ctx, CustomerFilter(text=query))
                count = listing.count()
                first = listing.page("name", False, 0, PAGE)
                if keep is not None:
                    listing.position_of(keep, "name", False)
                model.set_listing(listing, count, first)
                for row in range(min(count, VISIBLE_ROWS)):
                    for column in range(model.columnCount()):
                        model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
                times.append(time.perf_counter() - started)
            out[f"{query} ({count:,})"] = times
            keep = first[0][0] if first else keep
    finally:
        close_database()
    return out


def summarise(times: dict[str, list[float]]) -> tuple[float, float]:
    """Median and 95th percentile in milliseconds over every keystroke."""
    flat = sorted(t * 1000 for ts in times.values() for t in ts)
    p95 = flat[min(len(flat) - 1, int(round(0.95 * (len(flat) - 1))))]
    return statistics.median(flat), p95


def jump_to_end(path: Path) -> float:
    """Milliseconds to fetch the last page of the unfiltered archive sorted by name."""
    open_database(path)
    try:
        listing = lists.customers(Context())
        count = listing.count()
        started = time.perf_counter()
        listing.page("name", False, max(0, count - PAGE), PAGE)
        return (time.perf_counter() - started) * 1000
    finally:
        close_database()
