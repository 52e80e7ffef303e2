"""The customer export against bare openpyxl: ``python -m benchmarks.exporting``.

Exports 100,000 customers × 15 columns through ``export_customers`` (database pages, labels,
the formula guard, number formats, widths, the summary sheet, the atomic write) and writes
the very same cells with bare openpyxl write-only mode, values already in memory: the floor.
Prints both times, the ratio (target ≤ 1.3×), and the peak memory of an export of 20k and of
100k rows, each in a fresh process, to show it does not grow with the rows.

The demo database is built once with ``crmdesk demo --customers N`` in the benchmark cache
(``CRMDESK_BENCH_CACHE``, default ``benchmarks/.cache`` of this checkout).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import ROOT, demo_database, report

# 15 of the archive's columns: text, labels, a phone, tags, a birthday, a moment, a count, money.
COLUMNS = ("name", "kind", "company", "phone", "email", "city", "category", "tier", "stage", "owner", "tags",
           "birthday", "last_contact_at", "order_count", "order_total_cents")
TARGET_RATIO = 1.3


def _open(path: Path) -> Any:
    from crmdesk.services.context import Context
    from crmdesk.storage.database import open_database

    open_database(path)
    return Context()


def export_once(ctx: Any, out: Path, flt: Any = None) -> float:
    from crmdesk.domain.filters import CustomerFilter
    from crmdesk.services import exporting

    started = time.perf_counter()
    exporting.export_customers(ctx, flt or CustomerFilter(), out, columns=COLUMNS)
    return time.perf_counter() - started


def same_cells(ctx: Any) -> list[list[Any]]:
    """Every cell of the export as the export computes it (read before the floor is timed)."""
    from crmdesk.domain.clock import today
    from crmdesk.domain.filters import CustomerFilter
    from crmdesk.services.exporting import Vocabulary, customer_values
    from crmdesk.services.exporting.columns import cell_value
    from crmdesk.services.exporting.customers import pick_columns
    from crmdesk.storage import exporting

    words, columns = Vocabulary(), pick_columns(COLUMNS)
    rows = []
    for page in exporting.customer_pages(CustomerFilter(), ctx.now(), today(ctx.clock)):
        for row in page:
            values = customer_values(row, words)
            rows.append([cell_value(c, values.get(c.key), words) for c in columns])
    return rows


def bare_openpyxl(rows: list[list[Any]], out: Path, formats: bool) -> float:
    """The floor: the same cells with openpyxl's write-only mode as its documentation shows
    it, number formats set cell by cell (or, with ``formats`` off, plain values)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    from crmdesk.services.exporting.columns import NUMBER_FORMATS
    from crmdesk.services.exporting.customers import pick_columns

    kinds = [c.kind for c in pick_columns(COLUMNS)]
    started = time.perf_counter()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Customers")
    sheet.append([c for c in COLUMNS])
    for row in rows:
        if formats:
            cells = []
            for value, kind in zip(row, kinds, strict=True):
                number_format = NUMBER_FORMATS.get(kind)
                if value is None or number_format is None or isinstance(value, str):
                    cells.append(value)
                else:
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.number_format = number_format
                    cells.append(cell)
            sheet.append(cells)
        else:
            sheet.append(row)
    book.save(out)
    return time.perf_counter() - started


def child(db: Path, rows: int, out: Path) -> None:
    """One export of the first ``rows`` customers in this fresh process: print the peaks of
    the Python heap (tracemalloc) and of the resident memory."""
    import resource
    import tracemalloc

    from crmdesk.domain.filters import CustomerFilter
    from crmdesk.storage import models as m

    ctx = _open(db)
    live = m.Customer.select().where(m.Customer.deleted_at.is_null()).count()
    if rows >= live:  # everyone (an id list that long is more than SQLite takes as parameters)
        flt, count = CustomerFilter(), live
    else:  # the first ``rows`` customers, as a selection of ids
        ids = [r for (r,) in m.Customer.select(m.Customer.id).where(m.Customer.deleted_at.is_null())
               .order_by(m.Customer.id).limit(rows).tuples()]
        flt, count = CustomerFilter(ids=tuple(ids)), len(ids)
    tracemalloc.start()
    export_once(ctx, out, flt)
    _now, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"rows": count, "heap_mb": peak / 2**20, "rss_mb": rss_kb / 1024}))


def peak_memory(db: Path, rows: int, out: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-m", "benchmarks.exporting", "--child", str(rows), "--db", str(db),
                           "--out", str(out)], check=True, cwd=ROOT, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.exporting")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-memory", action="store_true", help="skip the memory runs (quicker, for profiling)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.child:
        child(Path(args.db), args.child, Path(args.out))
        return 0
    db, built = demo_database(args.customers)
    if built is not None:
        report("demo database built", f"{built:.0f} s")
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["CRMDESK_HOME"] = str(Path(scratch) / "home")
        out = Path(scratch) / "out.xlsx"
        ctx = _open(db)
        exports = [export_once(ctx, out) for _ in range(args.runs)]
        size_mb = out.stat().st_size / 2**20
        cells = same_cells(ctx)
        floors = [bare_openpyxl(cells, out, formats=True) for _ in range(args.runs)]
        plain = bare_openpyxl(cells, out, formats=False)
        del cells
        export_s, floor_s = statistics.median(exports), statistics.median(floors)
        ratio = export_s / floor_s
        report(f"export_customers, {args.customers:,} × {len(COLUMNS)} columns", f"{export_s:6.2f} s  "
               f"(runs {', '.join(f'{t:.2f}' for t in exports)}; {size_mb:.1f} MB)")
        report("bare openpyxl write-only, same cells + formats", f"{floor_s:6.2f} s  "
               f"(runs {', '.join(f'{t:.2f}' for t in floors)})")
        report("  (plain values, no number formats)", f"{plain:6.2f} s")
        verdict = "ok" if ratio <= TARGET_RATIO else f"OVER the {TARGET_RATIO}× target"
        report("ratio export / bare openpyxl", f"{ratio:6.2f}×  {verdict}  [target ≤ {TARGET_RATIO}×]")
        if args.no_memory:
            return 0
        small = peak_memory(db, args.customers // 5, out)
        large = peak_memory(db, args.customers, out)
        for got in (small, large):
            report(f"peak memory exporting {got['rows']:,} rows", f"heap {got['heap_mb']:6.1f} MB, "
                   f"RSS {got['rss_mb']:6.1f} MB")
        growth = large["heap_mb"] / max(small["heap_mb"], 0.1)
        report("heap growth for 5× the rows", f"{growth:6.2f}×  {'ok' if growth < 1.5 else 'GROWS with the rows'}"
               "  [target: flat]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
