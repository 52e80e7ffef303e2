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
    from crmdesk.domain.filters import DealFilter
    from crmdesk.services import forecast, kpi, pipeline
    from crmdesk.services.context import Context
    from crmdesk.storage import complaints, counts
    from crmdesk.storage import pipeline as deals
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
    year = kpi.Period.of("year", day).up_to(day)
    ago = kpi.Period.of("month", day).shifted(-12, "month")
    parts = {
        "customers by category, tier, stage (totals)": sql.customer_snapshot,
        "  the same by a scan of the table": lambda: sql.customer_snapshot(scan=True),
        "retention, this month": lambda: sql.retention(p.start, p.until, CHURN_DAYS),
        "retention, this year": lambda: sql.retention(year.start, year.until, CHURN_DAYS),
        "retention, a month a year ago": lambda: sql.retention(ago.start, ago.until, CHURN_DAYS),
        "new customers, 12 months": lambda: sql.created_between([kpi.day_start_ms(d) for d in edges]),
        "revenue, 12 months (totals)": lambda: sql.revenue_between(edges),
        "  the same from the order index": lambda: sql.revenue_between(edges, scan=True),
        "deals opened (and won) and closed": lambda: (deals.opened_summary(start, until),
                                                      deals.closed_summary(start, until)),
        "  the same through the conversion analysis": lambda: forecast.conversion(ctx, start, until),
        "open pipeline by stage": lambda: pipeline.column_totals(DealFilter()),
        "complaint statistics": lambda: complaints.stats(start, until, ctx.now()),
        "care tasks due and overdue": lambda: counts.reminders_due(day),
        "possible duplicates (totals)": sql.duplicate_suspects,
        "  the same from the phone and e-mail indexes": lambda: sql.duplicate_suspects(scan=True),
    }
    for name, work in parts.items():
        show(f"  {name}", timed(work, 3))


if __name__ == "__main__":
    raise SystemExit(main())
