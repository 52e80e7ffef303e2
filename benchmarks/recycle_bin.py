"""The recycle bin with 100,000 binned customers: bin, list, count, restore and empty.

``python -m benchmarks.recycle_bin [--customers N] [--runs R]``: on a scratch copy of the
cached demo book (default 100,000 customers; reads timed R times, default 5, medians shown),
every customer goes to the bin in one bulk delete; then the bin's first page, a page half-way
down, its counts, a search and an idle start-up purge are timed, all of
them are restored and binned again, and the bin is emptied (erasing them with their
contacts, history, orders, deals, tasks and complaints), each checked against the
dashboard's running totals afterwards.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from benchmarks.common import report, run_on_scratch_copy


def _timed(work):  # noqa: ANN001, ANN202 - a tiny helper
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def _median_ms(work, runs: int) -> str:  # noqa: ANN001
    """The median of ``runs`` timings of ``work()`` (and the slowest), in milliseconds."""
    took = sorted(_timed(work)[1] * 1000 for _ in range(max(runs, 1)))
    return f"{statistics.median(took):.1f} ms (max {took[-1]:.1f})"


def run(path: Path, runs: int) -> None:
    from crmdesk.domain.filters import CustomerFilter
    from crmdesk.services import bulk, recycle_bin
    from crmdesk.services.context import Context
    from crmdesk.storage import kpi
    from crmdesk.storage import models as m
    from crmdesk.storage.database import close_database, open_database

    open_database(path)
    ctx = Context()
    db = m.database_proxy.obj
    counts = {t: db.execute_sql(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("customer", "contact", "interaction", "sale_order", "opportunity", "reminder", "complaint")}
    report("rows", ", ".join(f"{k}={v:,}" for k, v in counts.items()))
    _, took = _timed(lambda: bulk.delete(ctx, CustomerFilter()))
    report(f"bin all {counts['customer']:,} customers (bulk delete)", f"{took:.2f} s")

    size = sum(recycle_bin.counts().values())
    report("bin: first page of 200", _median_ms(lambda: recycle_bin.page(limit=200), runs))
    depth = max(size // 2 // 200, 1)  # half-way down the bin, a page at a time as the view scrolls
    after = None
    started = time.perf_counter()
    for _ in range(depth):
        rows = recycle_bin.page(after, limit=200)
        if not rows:
            break
        after = rows[-1].key
    walked = time.perf_counter() - started
    report(f"bin: {depth} pages walked by keyset", f"{walked * 1000 / depth:.1f} ms a page")
    report(f"bin: page {depth + 1} (row {depth * 200:,})", _median_ms(lambda: recycle_bin.page(after, limit=200), runs))
    report("bin: counts per kind", _median_ms(lambda: recycle_bin.counts(), runs))
    report("bin: search '张', first page", _median_ms(lambda: recycle_bin.page(limit=200, text="张"), runs))
    report("bin: search '张', counts", _median_ms(lambda: recycle_bin.counts("张"), runs))
    report("bin: search 'zzzz' (no match), first page",
           _median_ms(lambda: recycle_bin.page(limit=200, text="zzzz"), runs))
    report("bin: start-up purge with nothing expired", _median_ms(lambda: recycle_bin.purge_expired(ctx), runs))

    ids = [r[0] for r in db.execute_sql("SELECT id FROM customer WHERE deleted_at IS NOT NULL")]
    _, took = _timed(lambda: recycle_bin.restore(ctx, [("customer", i) for i in ids]))
    report(f"restore {len(ids):,} customers", f"{took:.2f} s (totals agree: {kpi.rollups_agree()})")
    bulk.delete(ctx, CustomerFilter())

    gone, took = _timed(lambda: recycle_bin.empty(ctx))
    report(f"empty the bin ({gone['customer']:,} customers with related rows)",
           f"{took:.2f} s (totals agree: {kpi.rollups_agree()})")
    left = {t: db.execute_sql(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in counts}
    report("rows left", ", ".join(f"{k}={v:,}" for k, v in left.items()))
    report("foreign key check", "clean" if not db.execute_sql("PRAGMA foreign_key_check").fetchall() else "FAILED")
    close_database()


if __name__ == "__main__":
    if "--customers" not in sys.argv:
        sys.argv += ["--customers", "100000"]
    if "--runs" not in sys.argv:
        sys.argv += ["--runs", "5"]
    sys.exit(run_on_scratch_copy("python -m benchmarks.recycle_bin", run))
