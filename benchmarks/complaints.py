"""The complaint log at 100,000 complaints: search keystrokes and statistics.

Builds (once, cached) a demo book of 20,000 customers, then tops its complaints up to
100,000 with the demo's own texts, severities and statuses spread over two years.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import CACHE, ROOT, schema_fingerprint

TARGET = 100_000
QUERIES = ["王", "态度", "破损", "138", "张伟", "发票金额", "x"]
HOUR = 3_600_000


def database() -> Path:
    path = CACHE / f"complaints-{TARGET}-{schema_fingerprint()}.sqlite"
    if path.exists():
        return path
    for stale in CACHE.glob(f"complaints-{TARGET}-*.sqlite*"):
        stale.unlink()
    partial = path.with_suffix(".building")
    for leftover in CACHE.glob(partial.name + "*"):
        leftover.unlink()
    CACHE.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "crmdesk", "--db", str(partial), "demo", "--customers", "20000"],
                   check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    from crmdesk.domain.search import search_text
    from crmdesk.services.demo.pools import COMPLAINT_TEXTS

    conn = sqlite3.connect(partial)
    rng = random.Random(11)
    customers = [r[0] for r in conn.execute("SELECT id FROM customer")]
    categories = [r[0] for r in conn.execute("SELECT id FROM complaint_category")]
    have = conn.execute("SELECT COUNT(*), MAX(id), MAX(received_at) FROM complaint").fetchone()
    now = have[2] or int(time.time() * 1000)
    hours = {"urgent": 4, "high": 24, "normal": 72, "low": 168}
    rows = []
    for i in range(TARGET - have[0]):
        received = now - rng.randrange(0, 730 * 24) * HOUR
        severity = rng.choice(list(hours))
        text = rng.choice(COMPLAINT_TEXTS)
        status = rng.choices(["new", "in_progress", "resolved", "closed"], [1, 2, 3, 10])[0]
        resolved = received + rng.randrange(1, 200) * HOUR if status in ("resolved", "closed") else None
        rows.append((f"bench{i:08d}", now, rng.choice(customers), received, "phone", rng.choice(categories), severity,
                     text, None, status, received + hours[severity] * HOUR, resolved,
                     "已处理" if resolved else "", rng.choice([None, 3, 4, 5]) if resolved else None, search_text(text)))
    conn.executemany(
        "INSERT INTO complaint (uid, stamp, customer_id, received_at, channel, category_id, severity, description,"
        " assignee_id, status, due_at, resolved_at, resolution, satisfaction, compensation_cents, root_cause,"
        " satisfaction_comment, search_text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,'','',?)", rows)
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()
    partial.rename(path)
    return path


def measure(rounds: int = 5) -> tuple[dict[str, list[float]], list[float]]:
    """Keystroke times per query (count, first page, model reset, visible rows) and statistics times."""
    from PySide6.QtCore import QCoreApplication, Qt

    from crmdesk.domain.filters import ComplaintFilter
    from crmdesk.services import complaints, lists
    from crmdesk.services.context import Context
    from crmdesk.storage.database import close_database, open_database
    from crmdesk.ui.paged_model import Column, PagedTableModel

    app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841
    path = database()
    open_database(path)
    ctx = Context()
    model = PagedTableModel("ComplaintsPane", [Column(k, k) for k in ("received_at", "customer", "category",
                                                                     "severity", "status", "open_due")],
                            "received_at", descending=True)
    out: dict[str, list[float]] = {}
    try:
        for query in QUERIES:
            times = []
            for _ in range(rounds):
                started = time.perf_counter()
                listing = lists.complaints(ctx, ComplaintFilter(text=query))
                count = listing.count()
                first = listing.page("received_at", True, 0, 200)
                model.set_listing(listing, count, first)
                for row in range(min(count, 40)):
                    for column in range(model.columnCount()):
                        model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
                times.append(time.perf_counter() - started)
            out[f"{query} ({count:,})"] = times
        stats = []
        for _ in range(rounds):
            started = time.perf_counter()
            complaints.statistics(ctx)
            stats.append(time.perf_counter() - started)
    finally:
        close_database()
    return out, stats


def main() -> None:
    times, stats = measure()
    for query, values in times.items():
        print(f"  complaint search {query!r:<24} median {statistics.median(values) * 1000:.1f} ms")
    flat = sorted(t * 1000 for ts in times.values() for t in ts)
    print(f"complaint search keystroke (target < 50 ms)       median {statistics.median(flat):.1f} ms, "
          f"max {flat[-1]:.1f} ms")
    print(f"complaint statistics, all time (target < 300 ms)  median {statistics.median(stats) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
