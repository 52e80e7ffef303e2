"""What the audit trail adds to importing 100,000 rows (one entry per new customer, written
by one INSERT … SELECT per chunk after the rows are stored): the import timed with the audit
and with it switched off. ``python -m benchmarks.audit_import [--rows N] [--runs R]``."""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.common import report
from benchmarks.importing import sample_file


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.audit_import")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    path = sample_file(args.rows)
    from crmdesk.services import audit, importing
    from crmdesk.services.context import Context
    from crmdesk.storage import models as m
    from crmdesk.storage.database import close_database, open_database

    real = audit.created_many, audit.import_updates
    off = (lambda *a, **k: 0, lambda *a, **k: 0)
    times: dict[str, list[float]] = {"with audit": [], "no audit": []}
    for _ in range(args.runs):
        for way, impl in (("with audit", real), ("no audit", off)):
            audit.created_many, audit.import_updates = impl
            with tempfile.TemporaryDirectory() as folder:
                os.environ["CRMDESK_HOME"] = str(Path(folder) / "home")
                open_database(Path(folder) / "import.sqlite")
                try:
                    started = time.perf_counter()
                    importing.import_customers(Context(), path)
                    times[way].append(time.perf_counter() - started)
                    entries = m.AuditEntry.select().count()
                finally:
                    close_database()
            assert (entries > 0) == (way == "with audit")
    audit.created_many, audit.import_updates = real
    base = statistics.median(times["no audit"])
    for way, values in times.items():
        median = statistics.median(values)
        report(f"import of {args.rows:,} rows, {way}", f"{median * 1000:8.0f} ms  ({(median / base - 1) * 100:+.0f}%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
