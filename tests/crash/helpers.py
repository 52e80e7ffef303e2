"""Running the writer, killing it with SIGKILL at a chosen moment, and looking at what it left."""

from __future__ import annotations

import json
import random
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

WRITER = Path(__file__).with_name("writer.py")
READY_TIMEOUT_S = 30


@dataclass
class Outcome:
    reported: list[dict]  # one per transaction the writer said it committed
    finished: bool  # the writer reached its end before the kill


def moment(op: str, n: int, count: int, span_s: float) -> float:
    """The n-th of ``count`` kill moments over ``span_s`` seconds: one seeded random point in
    each slice of the span, so that the moments cover it evenly and are the same every run."""
    return span_s * (n + random.Random(f"{op}:{n}").random()) / count


def prepare(op: str, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, str(WRITER), "prepare", op, str(folder)], check=True, timeout=120)


def fresh_copy(template: Path, folder: Path) -> Path:
    """The template's database and plan in ``folder``, ready for the writer."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(template / "template.sqlite", folder / "crm.sqlite")
    shutil.copy(template / "plan.json", folder / "plan.json")
    return folder / "crm.sqlite"


def run_and_kill(op: str, folder: Path, delay_s: float) -> Outcome:
    """Start the writer on ``folder``, SIGKILL it ``delay_s`` after it is ready, and collect
    what it reported. The process is always reaped, whatever happens."""
    proc = subprocess.Popen([sys.executable, str(WRITER), "run", op, str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        readable, _, _ = select.select([proc.stdout], [], [], READY_TIMEOUT_S)
        first = proc.stdout.readline() if readable else ""
        if first.strip() != "ready":
            proc.kill()
            raise AssertionError(f"the writer did not start: {first!r} {proc.communicate()[1]}")
        time.sleep(delay_s)
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    lines = out.splitlines()
    finished = "done" in lines
    # Killed, or (when the kill came late) ended normally: never died of an error of its own.
    assert proc.returncode == -signal.SIGKILL or (finished and proc.returncode == 0), err
    return Outcome([json.loads(line) for line in lines if line.startswith("{")], finished)


def assert_sound(path: Path) -> None:
    """SQLite's own checks, on the file as the next program to open it finds it."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        search = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                              "AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'").fetchall()
        for (name,) in search:  # the full-text indexes' own structure check
            conn.execute(f"INSERT INTO {name}({name}, rank) VALUES ('integrity-check', 1)")
    finally:
        conn.close()


def is_prefix(done: list[int]) -> bool:
    """Steps run one after another, so the ones found done are 0, 1, … without a gap."""
    return sorted(done) == list(range(len(done)))
