"""crmdesk backup, restore and check, run as a user runs them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crmdesk.cli import main


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    path = tmp_path / "shop.sqlite"
    assert main(["--db", str(path), "demo", "--customers", "25", "--seed", "4"]) == 0
    return path


def count(path: Path, table: str = "customer") -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_backup_then_restore_undoes_changes(shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "nightly.sqlite"
    assert main(["--db", str(shop), "backup", "-o", str(out)]) == 0
    assert "Backed up 25 customers" in capsys.readouterr().out
    assert main(["--db", str(shop), "backup"]) == 0
    assert list((tmp_path / "backups").glob("shop-*-manual.sqlite"))
    with sqlite3.connect(shop) as conn:
        conn.execute("DELETE FROM interaction")
    assert main(["--db", str(shop), "restore", str(out)]) == 0
    said = capsys.readouterr().out
    assert "Restored" in said and "restore that to undo" in said
    assert count(shop, "interaction") > 0
    kept = list((tmp_path / "backups").glob("shop-*-before-restore.sqlite"))
    assert len(kept) == 1 and count(kept[0], "interaction") == 0


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_text("not a backup"), "not an SQLite file"),
        (lambda p: p.touch(), "not a crmdesk backup"),
        (lambda p: None, "does not exist"),
    ],
)
def test_restore_refuses_wrong_files(shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], make,
                                     message: str) -> None:
    bad = tmp_path / "bad.sqlite"
    make(bad)
    before = shop.read_bytes()
    assert main(["--db", str(shop), "restore", str(bad)]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and err.startswith("crmdesk: ")
    assert shop.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_restore_over_a_damaged_database_moves_it_aside(shop: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "good.sqlite"
    assert main(["--db", str(shop), "backup", "-o", str(out)]) == 0
    data = shop.read_bytes()
    shop.write_bytes(data[: len(data) // 3])
    assert main(["--db", str(shop), "restore", str(out)]) == 0
    assert "moved aside" in capsys.readouterr().err
    assert count(shop) == 25
    assert len(list(tmp_path.glob("shop.sqlite.damaged-*"))) == 1


def test_check_reports_and_repairs(shop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(shop), "check"]) == 0
    assert "healthy" in capsys.readouterr().out
    with sqlite3.connect(shop) as conn:
        conn.execute("INSERT INTO customer_fts(customer_fts) VALUES ('delete-all')")
    assert main(["--db", str(shop), "check", "--no-repair"]) == 1
    assert "search index" in capsys.readouterr().out
    assert main(["--db", str(shop), "check"]) == 0
    assert "repaired: The search index customer_fts" in capsys.readouterr().out
    with sqlite3.connect(shop) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("INSERT INTO contact (uid, stamp, customer_id, name, title, phone, phone_e164, email, notes, is_primary) "
                     "VALUES ('c-orphan', 1, 999999, '王', '', '', '', '', '', 0)")
    assert main(["--db", str(shop), "check"]) == 1
    captured = capsys.readouterr()
    assert "left as they are" in captured.out and "restore a backup" in captured.err


def test_check_of_a_damaged_file_fails_clearly(shop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = shop.read_bytes()
    shop.write_bytes(data[: len(data) // 2])
    assert main(["--db", str(shop), "check"]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and err.count("\n") == 1
