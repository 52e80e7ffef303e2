"""The command line, run as a user runs it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crmdesk import __version__
from crmdesk.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"crmdesk {__version__}"


def test_demo_fills_the_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "shop.sqlite"
    assert main(["--db", str(db), "demo", "--customers", "120", "--seed", "5"]) == 0
    assert "Added 120 customers" in capsys.readouterr().out
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM customer").fetchone() == (120,)
    assert main(["--db", str(db), "demo", "--customers", "120", "--if-empty"]) == 0
    assert "already has customers" in capsys.readouterr().out
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM customer").fetchone() == (120,)


def test_demo_uses_the_default_database(crmdesk_home: Path) -> None:
    assert main(["demo", "--customers", "10"]) == 0
    assert (crmdesk_home / "data" / "crmdesk.sqlite").exists()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "does not exist"),
        (lambda p: p.write_text("hello"), "not an SQLite file"),
    ],
)
def test_errors_are_one_sentence_and_exit_non_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str], make, message: str) -> None:
    target = tmp_path / "missing" / "x.sqlite" if message == "does not exist" else tmp_path / "x.sqlite"
    make(target)
    before = target.read_bytes() if target.exists() else None
    assert main(["--db", str(target), "demo", "--customers", "5"]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and err.startswith("crmdesk: ")
    assert (target.read_bytes() if target.exists() else None) == before


def test_bad_count_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "x.sqlite"), "demo", "--customers", "0"]) == 1
    assert "between 1 and" in capsys.readouterr().err


def test_python_dash_m_works(tmp_path: Path) -> None:
    env = dict(os.environ, CRMDESK_HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-m", "crmdesk", "--version"], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == f"crmdesk {__version__}"


def test_import_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "shop.sqlite"
    good = tmp_path / "good.csv"
    good.write_text("姓名,手机\n张三,13812345678\n李四,13900001111\n", encoding="utf-8")
    assert main(["--db", str(db), "import", "customers", str(good), "--dry-run"]) == 0
    assert "would create 2" in capsys.readouterr().out
    assert main(["--db", str(db), "import", "customers", str(good)]) == 0
    assert "created 2" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text("姓名,手机\n王五,13700001111\n赵六,12\n", encoding="utf-8")
    assert main(["--db", str(db), "import", "customers", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "row 3, column 手机" in err and "nothing was imported" in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM customer").fetchone() == (2,)
    assert main(["--db", str(db), "import", "customers", str(tmp_path / "none.xlsx")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_export_customers(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    db = tmp_path / "shop.sqlite"
    assert main(["--db", str(db), "demo", "--customers", "40", "--seed", "3"]) == 0
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    out = tmp_path / "客户.csv"
    assert main(["--db", str(db), "export", "customers", "-o", str(out)]) == 0
    assert "Exported 40 customers" in capsys.readouterr().out
    header = out.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert header[:2] == ["名称", "类型"]  # in the user's language
    assert main(["--db", str(db), "export", "customers", "--format", "xlsx", "-o", str(tmp_path / "x"),
                 "--search", "zzzzqqq"]) == 0
    assert "Exported 0 customers" in capsys.readouterr().out
    assert main(["--db", str(db), "export", "customers", "-o", str(tmp_path / "x.txt")]) == 1
    assert "not “txt”" in capsys.readouterr().err
    assert not (tmp_path / "x.txt").exists()


def test_export_opportunities(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl

    db = tmp_path / "shop.sqlite"
    assert main(["--db", str(db), "demo", "--customers", "400", "--seed", "5"]) == 0
    capsys.readouterr()
    counts = {}
    for status in ("open", "won", "lost", "all"):
        out = tmp_path / f"deals-{status}.xlsx"
        assert main(["--db", str(db), "export", "opportunities", "--status", status, "-o", str(out)]) == 0
        counts[status] = int(capsys.readouterr().out.split()[1])
        sheet = openpyxl.load_workbook(out, read_only=True).worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
        assert len(rows) - 1 == counts[status]
    assert counts["open"] > 0 and counts["all"] == counts["open"] + counts["won"] + counts["lost"]
    with pytest.raises(SystemExit) as stopped:
        main(["--db", str(db), "export", "opportunities", "--status", "maybe", "-o", str(tmp_path / "x.csv")])
    assert stopped.value.code == 2 and "invalid choice" in capsys.readouterr().err


def test_export_reminders_as_icalendar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from icalendar import Calendar

    db = tmp_path / "shop.sqlite"
    assert main(["--db", str(db), "demo", "--customers", "200", "--seed", "2"]) == 0
    capsys.readouterr()

    def crmdesk(*args: str) -> subprocess.CompletedProcess:
        # In its own process: the command starts a Qt core application for the translations,
        # which must not outlive it inside the test session's widgets.
        return subprocess.run([sys.executable, "-m", "crmdesk", "--db", str(db), *args], capture_output=True,
                              text=True, env={**os.environ, "LANG": "en_US.UTF-8"})

    out = tmp_path / "care.ics"
    done = crmdesk("export", "reminders", "--format", "ics", "-o", str(out))
    assert done.returncode == 0, done.stderr
    count = int(done.stdout.split()[1])
    calendar = Calendar.from_ical(out.read_bytes())
    events = calendar.walk("VEVENT")
    assert count > 0 and len(events) == count
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids) and all(u.endswith("@crmdesk") for u in uids)
    assert any("Birthday" in str(e["SUMMARY"]) for e in events)  # in words, not a stored date
    again = tmp_path / "again.ics"
    assert crmdesk("export", "reminders", "-o", str(again)).returncode == 0
    assert [str(e["UID"]) for e in Calendar.from_ical(again.read_bytes()).walk("VEVENT")] == uids  # stable
    assert crmdesk("export", "reminders", "-o", str(tmp_path / "x.txt")).returncode == 1  # not a format we write
    bad = crmdesk("export", "reminders", "--from", "2026-02-30", "-o", str(out))
    assert bad.returncode != 0 and "wants a date" in bad.stderr
