"""``crmdesk --self-test``: passes on a working installation, fails loudly on an error or a Qt warning."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import qWarning

from crmdesk.self_test import Check, QtMessageLog, run_checks


def test_the_self_test_passes_in_its_own_process(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CRMDESK_HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, "-m", "crmdesk", "--self-test"], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    for step in ("database and migrations", "every pane", "Excel export", "PDF report"):
        assert f"  ok  {step}: " in done.stdout
    assert "5 panes" in done.stdout and "customers: 120" in done.stdout
    assert "crmdesk self-test passed" in done.stdout
    # It worked in a temporary folder: nothing of the user's was created or touched.
    assert not (tmp_path / "home").exists()


def test_it_refuses_a_database_or_a_command(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "crmdesk", "--self-test", "--db", str(tmp_path / "x.sqlite")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "temporary database" in done.stderr
    assert not (tmp_path / "x.sqlite").exists()


def _run(*checks: Check) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with QtMessageLog() as log:
        code = run_checks(checks, log, out, err)
    return code, out.getvalue(), err.getvalue()


def test_a_failing_step_stops_the_test_with_its_name() -> None:
    later: list[str] = []

    def broken() -> str:
        raise FileNotFoundError("the report font wqy-microhei.ttc is missing from the installation")

    code, out, err = _run(Check("first", lambda: "fine"), Check("PDF report", broken),
                          Check("never", lambda: later.append("ran") or ""))
    assert code == 1
    assert "  ok  first: fine" in out and "passed" not in out
    assert err == ("crmdesk self-test failed at “PDF report”: FileNotFoundError: the report font "
                   "wqy-microhei.ttc is missing from the installation\n")
    assert later == []


def test_an_unexpected_qt_warning_fails_the_step_that_caused_it() -> None:
    def warns() -> str:
        qWarning("QFont::setPointSizeF: Point size <= 0 (-1.000000), must be greater than 0")
        return "looked fine"

    code, out, err = _run(Check("every pane", warns))
    assert code == 1 and "passed" not in out
    assert "failed at “every pane”: Qt warned: QFont::setPointSizeF: Point size <= 0" in err


def test_the_headless_platforms_own_notes_are_not_faults() -> None:
    def notes() -> str:
        qWarning("This plugin does not support propagateSizeHints()")
        return "shown"

    code, out, err = _run(Check("every pane", notes))
    assert (code, err) == (0, "")
    assert "crmdesk self-test passed" in out
