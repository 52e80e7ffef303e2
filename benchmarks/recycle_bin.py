"""The recycle bin with 100,000 binned customers: bin, list, count, restore and empty.

``python -m benchmarks.recycle_bin [--customers N] [--runs R]``: on a scratch copy of the
cached demo book (default 100,000 customers), every customer goes to the bin in one bulk
delete; then the bin's first and a deep page, its counts and a search are timed, all of
them are restored and binned again, and the bin is emptied (erasing them with their
contacts, history, orders, deals, tasks and complaints), each checked against the
dashboard's running totals afterwards.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from benchmarks.common import report, run_on_scratch_copy


def _timed(work):  # noqa: ANN001, ANN202 - a tiny helper
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


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

    first, took = _timed(lambda: recycle_bin.page(limit=200))
    report("bin: first page of 200", f"{took * 1000:.1f} ms")
    after = first[-1].key
    for _ in range(100):  # 100 pages down: 20,000 rows in
        after = recycle_bin.page(after, limit=200)[-1].key
    _, took = _timed(lambda: recycle_bin.page(after, limit=200))
    report("bin: page 101 (keyset)", f"{took * 1000:.1f} ms")
    _, took = _timed(lambda: recycle_bin.counts())
    report("bin: counts per kind", f"{took * 1000:.1f} ms")
    _, took = _timed(lambda: recycle_bin.page(limit=200, text="张"))
    report("bin: search '张', first page", f"{took * 1000:.1f} ms")
    _, took = _timed(lambda: recycle_bin.counts("张"))
    report("bin: search '张', counts", f"{took * 1000:.1f} ms")

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
    sys.exit(run_on_scratch_copy("python -m benchmarks.recycle_bin", run))
