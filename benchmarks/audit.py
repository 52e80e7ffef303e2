"""What the audit trail adds to a bulk change: every customer handed to another owner and
re-tiered, with the set-based audit (one ``INSERT … SELECT`` per chunk), with no audit at
all, and with the old way (one Python tuple per customer through ``executemany``).
The audit table is emptied before each change (``AUDIT_BENCH_KEEP=1``: it grows instead).

``python -m benchmarks.audit [--customers N] [--runs R]`` (default 100,000 customers).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import report, run_on_scratch_copy


def _per_row(ctx, model, ids, action, values) -> int:  # noqa: ANN001 - the old bulk._audit_many, for comparison
    from crmdesk.services import audit
    from crmdesk.storage import bulk as raw
    from crmdesk.storage import models as m

    text = json.dumps({k: [None, v] for k, v in values.items()}, ensure_ascii=False)
    for part in audit._chunks(list(ids)):
        uids = m.Customer.select(m.Customer.uid).where(m.Customer.id.in_(part)).tuples()
        raw.insert_rows("audit_entry", ("at", "user_id", "table_name", "record_uid", "action", "changes"),
                        [(ctx.now(), ctx.user_id, "customer", uid, action, text) for (uid,) in uids])
    return len(ids)


def _run(path: Path, runs: int) -> None:
    keep = os.environ.get("AUDIT_BENCH_KEEP") == "1"  # let the audit table grow over the runs
    from crmdesk.domain.filters import CustomerFilter
    from crmdesk.services import audit, bulk
    from crmdesk.services.context import Context
    from crmdesk.storage import models as m
    from crmdesk.storage.database import close_database, open_database

    open_database(path)
    try:
        ctx = Context()
        users = [u.id for u in m.User.select(m.User.id).order_by(m.User.id).limit(2)]
        total = m.Customer.select().where(m.Customer.deleted_at.is_null()).count()
        real = audit.set_many
        inside: list[float] = []  # time spent in the audit statements themselves, per change

        def timed(*args, **kwargs) -> int:  # noqa: ANN002, ANN003
            started = time.perf_counter()
            try:
                return real(*args, **kwargs)
            finally:
                inside.append(time.perf_counter() - started)

        ways: dict[str, Callable] = {"set-based audit": timed, "no audit": lambda *a, **k: 0, "per-row audit (old)": _per_row}
        times: dict[str, dict[str, list[float]]] = {w: {"owner": [], "tier": []} for w in ways}
        step = 0
        shares: dict[str, list[float]] = {"owner": [], "tier": []}
        for _ in range(runs):
            for way, impl in ways.items():
                audit.set_many = impl
                step += 1
                if not keep:  # each change on the same audit table, not one grown by the runs before
                    m.AuditEntry.delete().execute()
                started = time.perf_counter()
                bulk.assign_owner(ctx, CustomerFilter(), users[step % len(users)])
                times[way]["owner"].append(time.perf_counter() - started)
                if way == "set-based audit":
                    shares["owner"].append(inside[-1] / times[way]["owner"][-1])
                started = time.perf_counter()
                bulk.set_field(ctx, CustomerFilter(), "tier", ("general", "strategic")[step % 2])
                times[way]["tier"].append(time.perf_counter() - started)
                if way == "set-based audit":
                    shares["tier"].append(inside[-1] / times[way]["tier"][-1])
        audit.set_many = real
        entries = m.AuditEntry.select().count() if keep else total * 2 * runs * 2
    finally:
        close_database()
    print(f"{total:,} customers, {runs} runs each, medians; about {entries:,} audit entries written in all")
    base = {k: statistics.median(v) for k, v in times["no audit"].items()}
    for way, by_kind in times.items():
        for kind, values in by_kind.items():
            median = statistics.median(values)
            extra = (median / base[kind] - 1) * 100
            report(f"bulk {kind} change, {way}", f"{median * 1000:8.0f} ms  ({extra:+.0f}% vs no audit)")
    for kind, values in shares.items():  # the same runs, so not thrown by a busy machine between runs
        share = statistics.median(values)
        report(f"bulk {kind} change: audit statements' share", f"{share * 100:5.1f}% of the change "
               f"(= +{share / (1 - share) * 100:.0f}% over the change without them)")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if "--customers" not in sys.argv:
        sys.argv += ["--customers", "100000"]
    if "--runs" not in sys.argv:
        sys.argv += ["--runs", "3"]
    return run_on_scratch_copy("python -m benchmarks.audit", _run)


if __name__ == "__main__":
    raise SystemExit(main())
