"""``crmdesk sync``: a round trip through a sync file, a refused file, and a second database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crmdesk.cli import main


def _names(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM customer WHERE deleted_at IS NULL")}


def _add(db: Path, name: str) -> None:
    from crmdesk.domain.customer import CustomerInput
    from crmdesk.services import customers
    from crmdesk.services.context import Context
    from crmdesk.storage.database import close_database, open_database

    open_database(db)
    customers.create_customer(Context(), CustomerInput(name=name))
    close_database()


def test_sync_file_round_trip_between_two_laptops(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b, stick = tmp_path / "a.sqlite", tmp_path / "b.sqlite", tmp_path / "usb" / "crmdesk.sync"
    stick.parent.mkdir()
    _add(a, "张三")
    _add(b, "李四")
    assert main(["--db", str(a), "sync", "--export", str(stick)]) == 0
    assert "records to" in capsys.readouterr().out
    assert not list(stick.parent.glob("*.part"))  # written whole, under its own name
    assert main(["--db", str(b), "sync", "--import", str(stick)]) == 0
    assert len(list((tmp_path / "backups").glob("b-*-before-sync.sqlite"))) == 1  # b as it was, kept first
    assert main(["--db", str(b), "sync", "--export", str(stick)]) == 0
    assert main(["--db", str(a), "sync", "--import", str(stick)]) == 0
    assert _names(a) == _names(b) == {"张三", "李四"}
    with sqlite3.connect(a) as conn:  # both set up on their own: the default stages are shared, not doubled
        assert conn.execute("SELECT COUNT(*) FROM pipeline_stage").fetchone()[0] == 6


@pytest.mark.parametrize("content", [b"name,phone\n", b"", None])
def test_a_file_that_is_not_a_sync_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   content: bytes | None) -> None:
    db, bad = tmp_path / "a.sqlite", tmp_path / "notes.sync"
    if content is None:
        sqlite3.connect(bad).execute("CREATE TABLE t (x)").connection.close()  # SQLite, but not ours
    else:
        bad.write_bytes(content)
    assert main(["--db", str(db), "sync", "--import", str(bad)]) == 1
    assert capsys.readouterr().err.strip() == f"crmdesk: {bad} is not a crmdesk sync file."


def test_importing_ones_own_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, stick = tmp_path / "a.sqlite", tmp_path / "a.sync"
    assert main(["--db", str(db), "sync", "--export", str(stick)]) == 0
    assert main(["--db", str(db), "sync", "--import", str(stick)]) == 1
    assert "this same database" in capsys.readouterr().err


def test_sync_with_a_second_database_as_the_server(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b, server = tmp_path / "a.sqlite", tmp_path / "b.sqlite", tmp_path / "server.sqlite"
    _add(a, "张三")
    _add(b, "李四")
    assert main(["--db", str(a), "sync", "--server", str(server)]) == 0
    assert main(["--db", str(b), "sync", "--server", str(server)]) == 0
    assert main(["--db", str(a), "sync", "--server", str(server)]) == 0
    assert len(list((tmp_path / "backups").glob("a-*-before-sync*.sqlite"))) == 2
    out = capsys.readouterr().out
    assert "Received" in out and "sent" in out
    assert _names(a) == _names(b) == _names(server) == {"张三", "李四"}
