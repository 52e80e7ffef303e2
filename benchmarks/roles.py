"""What an account manager's visibility costs on the big demo database.

The demo's account managers each own ~160,000 customers and 200,000 are unassigned, so each
sees ~360,000: the hard case for "their own and the unassigned ones". A small book (a new
account manager given 2,000 customers) is measured too. Each figure is the median of
``--runs`` for the owner (no visibility condition) and the account managers:
count, the first page by name, a deep page by last contact, a search, the pipeline board, and
the complaint and care lists. ``python -m benchmarks.roles [--customers N] [--runs R]``
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from benchmarks.common import report, run_on_scratch_copy
from crmdesk.domain.enums import Role
from crmdesk.domain.filters import ComplaintFilter, CustomerFilter, DealFilter
from crmdesk.services import care, lists, pipeline, users
from crmdesk.services.context import Context
from crmdesk.storage import models as m
from crmdesk.storage.database import close_database, open_database

PAGE = 200


def _ms(work, runs: int) -> float:  # noqa: ANN001 - a callable
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def measure(ctx: Context, runs: int) -> dict[str, float]:
    every = lists.customers(ctx)
    found = lists.customers(ctx, CustomerFilter(text="zhang"))
    return {
        "customers: count": _ms(lambda: lists.customers(ctx).count(), runs),
        "customers: first page by name": _ms(lambda: every.page("name", False, 0, PAGE), runs),
        "customers: page 1,000 by last contact (desc)": _ms(
            lambda: every.page("last_contact_at", True, 200_000, PAGE), runs),
        "customers: search 'zhang' count + page": _ms(lambda: (found.count(), found.page("name", False, 0, PAGE)), runs),
        "pipeline board (first pages and totals)": _ms(lambda: pipeline.board(ctx, DealFilter(), 50), runs),
        "complaints: count + first page": _ms(lambda: (
            (lst := lists.complaints(ctx, ComplaintFilter())).count(), lst.page("received_at", True, 0, PAGE)), runs),
        "care: overdue count + first tasks": _ms(lambda: (care.overdue_count(ctx), care.tasks(ctx, None, None)), runs),
    }


def run(path: Path, runs: int) -> None:
    open_database(path)
    try:
        owner = Context()
        big = m.User.select().where(m.User.role == Role.ACCOUNT_MANAGER).order_by(m.User.id).first()
        small_id = users.add_user(owner, "bench-small", "Small book", Role.ACCOUNT_MANAGER)[0]
        c = m.Customer
        picked = c.select(c.id).where(c.owner == big.id).order_by(c.id).limit(2_000)
        c.update(owner=small_id).where(c.id.in_(picked)).execute()
        sees = {name: lists.customers(ctx).count() for name, ctx in (
            ("owner", owner), ("account manager", Context(user_id=big.id, role=Role.ACCOUNT_MANAGER)),
            ("small account manager", Context(user_id=small_id, role=Role.ACCOUNT_MANAGER)))}
        report("customers seen", ", ".join(f"{k}={v:,}" for k, v in sees.items()))
        results = {name: measure(ctx, runs) for name, ctx in (
            ("owner", owner), ("account manager", Context(user_id=big.id, role=Role.ACCOUNT_MANAGER)),
            ("small account manager", Context(user_id=small_id, role=Role.ACCOUNT_MANAGER)))}
        for figure in results["owner"]:
            report(figure, " / ".join(f"{results[who][figure]:.1f}" for who in results) + " ms (owner / AM / small AM)")
    finally:
        close_database()


def main() -> int:
    return run_on_scratch_copy("python -m benchmarks.roles", run)


if __name__ == "__main__":
    raise SystemExit(main())
