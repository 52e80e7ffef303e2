"""Shared helpers: the cached 1M-customer database, timing and printing."""

from __future__ import annotations

import hashlib
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("CRMDESK_BENCH_CACHE", ROOT / "benchmarks" / ".cache"))


def schema_fingerprint() -> str:
    """Changes whenever a migration or the demo generator changes, so a stale cache is rebuilt."""
    digest = hashlib.sha1()
    for folder in ("crmdesk/storage/migrations", "crmdesk/services/demo"):
        for path in sorted((ROOT / folder).glob("*.py")):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def demo_database(customers: int, seed: int = 1) -> tuple[Path, float | None]:
    """The path of a cached demo database of that size, and its build time if built now."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"demo-{customers}-s{seed}-{schema_fingerprint()}.sqlite"
    if path.exists():
        return path, None
    for stale in CACHE.glob(f"demo-{customers}-s{seed}-*.sqlite*"):
        stale.unlink()
    partial = path.with_suffix(".building")
    for leftover in CACHE.glob(partial.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "crmdesk", "--db", str(partial), "demo", "--customers", str(customers), "--seed", str(seed)],
        check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
    )
    elapsed = time.perf_counter() - started
    import sqlite3

    conn = sqlite3.connect(partial)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    partial.rename(path)
    return path, elapsed


def run_on_scratch_copy(prog: str, run: Callable[[Path, int], None]) -> int:
    """The command line of a benchmark that changes data: ``--customers`` and ``--runs``; it
    runs on a copy of the cached demo database (with its own app home), so the cache stays as
    built."""
    import argparse
    import shutil
    import tempfile

    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    cached, _built = demo_database(args.customers)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / cached.name
        shutil.copyfile(cached, path)
        if hasattr(os, "sync"):  # the copy's gigabytes reach the disk now, not while a benchmark times its writes
            os.sync()
        os.environ["CRMDESK_HOME"] = str(Path(scratch) / "home")
        run(path, args.runs)
    return 0


def time_to_first_paint(args: list[str], env: dict[str, str], runs: int) -> list[float]:
    """Seconds from launching a process to its first paint (it prints the moment as 'at <epoch>').

    Measured to the paint, not to the exit: tearing the process down is not start-up.
    """
    times = []
    for _ in range(runs):
        started = time.time()
        done = subprocess.run(args, check=True, env=env, cwd=ROOT, capture_output=True, text=True)
        painted = float(done.stdout.rsplit(" at ", 1)[1].split()[0])
        times.append(painted - started)
        if "peak memory" in done.stdout:
            PEAK_MB.append(float(done.stdout.split("peak memory ", 1)[1].split(" MB")[0]))
    return times


PEAK_MB: list[float] = []  # the app's peak resident memory at first paint, per run


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def report(name: str, value: str) -> None:
    print(f"{name:<48} {value}")
