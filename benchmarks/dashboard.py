"""The dashboard's key figures on the 1M-customer demo database: ``python -m benchmarks.dashboard``.

Prints computing every figure for this month, the quarter and the year (first time, from
SQL), the same again from the per-period cache, and each part of the computation, with the
target beside them. Reads only, but runs on a scratch copy like the others.
"""

from __future__ import annotations

import time
from pathlib import Path

from benchmarks.common import report, run_on_scratch_copy
from benchmarks.pipeline import show, timed


def main() -> int:
    return run_on_scratch_copy("python -m benchmarks.dashboard", run)


def run(path: Path, runs: int) -> None:
    from crmdesk.domain.clock import today
    from crmdesk.domain.metrics import CHURN_DAYS
    from crmdesk.services import forecast, kpi
    from crmdesk.services.context import Context
    from crmdesk.storage import complaints, counts
    from crmdesk.storage import kpi as sql
    from crmdesk.storage.database import open_database

    open_database(path)
    ctx = Context()
    day = today(ctx.clock)
    cache = kpi.KpiCache()
    for kind in ("month", "quarter", "year"):
        period = kpi.Period.of(kind, day)
        started = time.perf_counter()
        found = cache.get(ctx, period)
        first = (time.perf_counter() - started) * 1000
        verdict = "ok" if first < 1000 else "OVER the 1 s target"
        report(f"all figures, {kind}, computed", f"{first:7.1f} ms  {verdict}  [target < 1000 ms]")
        show(f"all figures, {kind}, from the cache", timed(lambda p=period: cache.get(ctx, p), runs), 1000)
    report("customers / open deals", f"{found.customers:,} / {found.open_deals:,}")
    p = kpi.Period.of("month", day).up_to(day)
    start, until = kpi.day_start_ms(p.start), kpi.day_start_ms(p.until)
    edges = [kpi.add_months(p.start, i - 11) for i in range(13)]
    parts = {
        "customer scan (mix, retention, quality)": lambda: sql.customer_snapshot(start, until, p.start, p.until,
                                                                                CHURN_DAYS),
        "new customers, 12 months": lambda: sql.created_between([kpi.day_start_ms(d) for d in edges]),
        "revenue, 12 months": lambda: sql.revenue_between(edges),
        "conversion and win rate": lambda: forecast.conversion(start, until),
        "complaint statistics": lambda: complaints.stats(start, until, ctx.now()),
        "care tasks due and overdue": lambda: counts.reminders_due(day),
        "possible duplicates": sql.duplicate_suspects,
    }
    for name, work in parts.items():
        show(f"  {name}", timed(work, 3))


if __name__ == "__main__":
    raise SystemExit(main())
