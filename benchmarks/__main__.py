"""Run the benchmarks and print numbers: ``python -m benchmarks [--customers N] [--runs R]``.

Builds (or reuses) a demo database of N customers (default 1,000,000), then measures the app's
cold start to the first painted archive page against a bare PySide6 window (the floor).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile

from benchmarks.common import demo_database, median_ms, report, time_to_first_paint


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args()

    path, built = demo_database(args.customers)
    conn = sqlite3.connect(path)
    counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("customer", "interaction", "sale_order", "opportunity")}
    conn.close()
    report("database", f"{path.name} ({path.stat().st_size / 1e6:.0f} MB)")
    report("rows", ", ".join(f"{k}={v:,}" for k, v in counts.items()))
    report("database build", f"{built:.1f} s" if built is not None else "cached (delete benchmarks/.cache to rebuild)")

    env = dict(os.environ, QT_QPA_PLATFORM=args.platform, CRMDESK_EXIT_AFTER_FIRST_PAINT="1")
    with tempfile.TemporaryDirectory() as home:
        env["CRMDESK_HOME"] = home
        floor: list[float] = []
        app: list[float] = []
        for _ in range(args.runs):  # interleaved, so drifts in machine load hit both alike
            floor += time_to_first_paint([sys.executable, "benchmarks/floor_window.py"], env, 1)
            app += time_to_first_paint([sys.executable, "-m", "crmdesk", "--db", str(path)], env, 1)
    floor_ms, app_ms = median_ms(floor), median_ms(app)
    report("bare PySide6 window, first paint (floor)", f"{floor_ms:.0f} ms median of {args.runs}")
    report(f"crmdesk cold start to archive page ({args.customers:,})", f"{app_ms:.0f} ms median of {args.runs}")
    report("ratio (target <= 2.0)", f"{app_ms / floor_ms:.2f}")
    from benchmarks.common import PEAK_MB

    if PEAK_MB:
        report("app peak memory at first paint (target < 300 MB)", f"{max(PEAK_MB):.0f} MB")

    from benchmarks import search

    times = search.keystroke_times(path)
    for query, values in times.items():
        report(f"  search {query!r}", f"median {statistics.median(values) * 1000:.1f} ms")
    median, p95 = search.summarise(times)
    report("search keystroke (target median < 30, p95 < 100)", f"median {median:.1f} ms, p95 {p95:.1f} ms")
    report("jump to the last page, sorted by name", f"{search.jump_to_end(path):.1f} ms")
    with tempfile.TemporaryDirectory() as home:
        done = subprocess.run([sys.executable, "benchmarks/archive_memory.py", str(path)], capture_output=True,
                              text=True, env=dict(env, CRMDESK_HOME=home), check=True)
    report("archive in the window (target: jump < 100 ms, < 300 MB)", done.stdout.strip())

    from benchmarks import importing

    read_rate, import_rate = importing.measure()
    report("read a 100,000-row xlsx (python-calamine alone)", f"{read_rate:,.0f} rows/s")
    report("import the same file into an empty book", f"{import_rate:,.0f} rows/s")
    report("import / read ratio (target >= 0.5)", f"{import_rate / read_rate:.2f}")

    from benchmarks import complaints

    complaints.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
