"""The care calendar on the 1M-customer demo database: ``python -m benchmarks.care``.

Prints bringing the calendar up to date (birthdays, holidays and contact cadences for every
customer; first run and an idempotent second run), switching the month view (counts per day
and kind), and the agenda's first page, with the targets beside them. Runs on a scratch copy.

Measured 2026-12-04 (2 cores, 1,000,000 customers, seven runs of the same code): contact
cadences 709,026 tasks in 6.95–10.46 s, median 7.92 s (one run over the 10 s target; the
spread is this machine's, the same within one process runs up to ±20%); the whole first
run (955,908 tasks) 9.6–14.2 s; an idempotent second run 2.7–4.3 s; switching the month
1.2–1.7 ms; the agenda's first page 2.2–2.5 ms; today's list 28–33 ms. Tried without a
gain beyond that noise: commits without waiting for the disk, one transaction instead of
ten, a covering index for the cadence select, a partial index for the open-task check,
a 256 MB or 1 GB page cache, memory-mapped reads, and dropping the assignee index.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from benchmarks.common import report, run_on_scratch_copy
from benchmarks.pipeline import show, timed


def main() -> int:
    return run_on_scratch_copy("python -m benchmarks.care", run)


def _timed_phases(care: object) -> dict[str, tuple[float, int]]:
    """Wrap the first run's phases (birthdays, anniversaries, holidays, cadences) to time each."""
    phases: dict[str, tuple[float, int]] = {}
    for name in ("birthdays", "anniversaries", "holidays", "cadences"):
        original = getattr(care, f"_{name}")

        def timed(*args, _original=original, _name=name):  # noqa: ANN002, ANN202
            began = time.perf_counter()
            made = _original(*args)
            if _name not in phases:  # the first run only
                phases[_name] = (time.perf_counter() - began, made)
            return made

        setattr(care, f"_{name}", timed)
    return phases


def run(path: Path, runs: int) -> None:
    from crmdesk.domain.clock import today
    from crmdesk.services import care
    from crmdesk.services.context import Context
    from crmdesk.storage import models as m
    from crmdesk.storage.database import open_database

    open_database(path)
    ctx = Context()
    report("customers", f"{m.Customer.select().count():,}; care tasks before: {m.Reminder.select().count():,}")
    phases = _timed_phases(care)
    started = time.perf_counter()
    added, _ = care.bring_up_to_date(ctx)
    first = time.perf_counter() - started
    report("bring up to date, first run", f"{first:7.2f} s, {added:,} tasks added")
    for name, (seconds, made) in phases.items():
        note = ""
        if name == "cadences":
            note = "  ok  [target < 10 s]" if seconds < 10 else "  OVER the 10 s target"
        report(f"  of which {name}", f"{seconds:7.2f} s, {made:,} tasks{note}")
    started = time.perf_counter()
    again, _ = care.bring_up_to_date(ctx)
    report("bring up to date, again (idempotent)", f"{time.perf_counter() - started:7.2f} s, {again:,} added")
    report("open care tasks", f"{m.Reminder.select().where(m.Reminder.status == 'open').count():,}")
    day = today(ctx.clock)
    months = []
    for i in range(runs):
        first_day = dt.date(day.year + (day.month - 1 + i) // 12, (day.month - 1 + i) % 12 + 1, 1)
        months.append((first_day - dt.timedelta(days=first_day.weekday()), first_day + dt.timedelta(days=42)))
    switch = []
    for start, until in months:
        began = time.perf_counter()
        care.month_counts(start, until)
        care.overdue_count(ctx)
        switch.append((time.perf_counter() - began) * 1000)
    show("switch month: counts per day and kind", switch, 50)
    horizon = day + dt.timedelta(days=30)
    show("agenda: first 200 tasks", timed(lambda: care.tasks(ctx, None, horizon, limit=201), runs))
    show("today's list", timed(lambda: care.tasks(ctx, day, day + dt.timedelta(days=1), limit=201), runs))


if __name__ == "__main__":
    raise SystemExit(main())
