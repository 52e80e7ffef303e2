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


def test_export_complaints_with_filters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl

    db = tmp_path / "shop.sqlite"
    assert main(["--db", str(db), "demo", "--customers", "600", "--seed", "7"]) == 0
    capsys.readouterr()
    out = tmp_path / "log.xlsx"
    assert main(["--db", str(db), "export", "complaints", "-o", str(out)]) == 0
    everything = int(capsys.readouterr().out.split()[1])
    book = openpyxl.load_workbook(out, read_only=True)
    assert len(list(book.worksheets[0].iter_rows())) - 1 == everything > 0 and len(book.worksheets) == 2
    counts = {}
    for status in ("open", "resolved", "closed"):
        assert main(["--db", str(db), "export", "complaints", "--status", status, "-o", str(tmp_path / "s.csv")]) == 0
        counts[status] = int(capsys.readouterr().out.split()[1])
    assert sum(counts.values()) == everything
    assert main(["--db", str(db), "export", "complaints", "--severity", "urgent", "--severity", "high",
                 "--from", "2000-01-01", "--until", "2000-01-02", "-o", str(tmp_path / "none.csv")]) == 0
    assert "Exported 0 complaints" in capsys.readouterr().out
    assert main(["--db", str(db), "export", "complaints", "--status", "won", "-o", str(tmp_path / "x.csv")]) == 1
    assert "complaints take --status" in capsys.readouterr().err
    assert main(["--db", str(db), "export", "complaints", "--category", "没有这类", "-o", str(tmp_path / "x.csv")]) == 1
    assert "no complaint category" in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()


def test_export_customers_of_a_segment(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from python_calamine import CalamineWorkbook

    from crmdesk.domain.filters import CustomerFilter
    from crmdesk.services import segments
    from crmdesk.services.context import Context
    from crmdesk.storage.database import close_database, open_database

    db = tmp_path / "shop.sqlite"
    assert main(["--db", str(db), "demo", "--customers", "150", "--seed", "2"]) == 0
    open_database(db)
    segments.save_segment(Context(), "战略客户", CustomerFilter(tiers=("strategic",)))
    close_database()
    with sqlite3.connect(db) as conn:
        strategic = conn.execute("SELECT COUNT(*) FROM customer WHERE tier = 'strategic' AND deleted_at IS NULL"
                                 ).fetchone()[0]
    capsys.readouterr()
    out = tmp_path / "seg.xlsx"
    assert main(["--db", str(db), "export", "customers", "--segment", "战略客户", "-o", str(out)]) == 0
    assert f"Exported {strategic} customers" in capsys.readouterr().out
    book = CalamineWorkbook.from_path(str(out))
    summary = {row[0]: row[1] for row in book.get_sheet_by_index(1).to_python()}
    assert summary["Segment"] == "战略客户" and summary["Rows"] == strategic
    assert main(["--db", str(db), "export", "customers", "--segment", "nope", "-o", str(tmp_path / "n.xlsx")]) == 1
    assert "no saved segment called “nope”" in capsys.readouterr().err
    assert not (tmp_path / "n.xlsx").exists()


def test_export_reminders_as_a_spreadsheet(tmp_path: Path) -> None:
    from python_calamine import CalamineWorkbook

    db = tmp_path / "shop.sqlite"
    assert main(["--db", str(db), "demo", "--customers", "200", "--seed", "2"]) == 0
    env = {**os.environ, "LANG": "en_US.UTF-8"}
    for fmt in ("xlsx", "csv"):
        out = tmp_path / f"care.{fmt}"
        done = subprocess.run([sys.executable, "-m", "crmdesk", "--db", str(db), "export", "reminders", "--format",
                               fmt, "--from", "2000-01-01", "-o", str(out)], capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr
        count = int(done.stdout.split()[1])
        assert count > 0
    rows = CalamineWorkbook.from_path(str(tmp_path / "care.xlsx")).get_sheet_by_index(0).to_python()
    assert rows[0][:4] == ["Due", "Time", "Kind", "Task"] and len(rows) - 1 == count
    assert all(hasattr(row[0], "year") for row in rows[1:])  # due days are dates
    assert any(row[3].startswith("Birthday") for row in rows[1:])  # in words, not a stored date


def test_export_the_kpi_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import zipfile

    db = tmp_path / "shop.sqlite"
    assert main(["--db", str(db), "demo", "--customers", "150", "--seed", "3"]) == 0
    capsys.readouterr()
    out = tmp_path / "kpi.xlsx"
    assert main(["--db", str(db), "export", "kpi", "--month", "2026-11", "-o", str(out)]) == 0
    assert "figures to" in capsys.readouterr().out
    with zipfile.ZipFile(out) as z:
        assert "xl/charts/chart1.xml" in z.namelist()
    assert main(["--db", str(db), "export", "kpi", "--from", "2026-01-01", "--until", "2026-07-01",
                 "-o", str(out)]) == 0
    capsys.readouterr()
    for bad, message in ((["--month", "2026-13"], "2026-12"), (["--month", "2026-11", "--from", "2026-01-01"],
                                                               "not both"),
                         (["--from", "2026-01-01"], "both --from and --until"), (["--format", "csv"], ".xlsx")):
        assert main(["--db", str(db), "export", "kpi", *bad, "-o", str(tmp_path / "bad.xlsx")]) == 1
        assert message in capsys.readouterr().err
    assert not (tmp_path / "bad.xlsx").exists()
