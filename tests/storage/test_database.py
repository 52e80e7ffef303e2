"""Opening databases: pragmas, and every kind of wrong file refused untouched."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from crmdesk.storage import schema
from crmdesk.storage.database import APPLICATION_ID, DatabaseOpenError, close_database, open_database
from crmdesk.storage.models import Customer


def test_new_database_is_created_with_safe_settings(db: Path) -> None:
    database = Customer._meta.database
    pragma = lambda name: database.execute_sql(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("synchronous") == 2  # FULL
    assert pragma("busy_timeout") >= 5000
    assert pragma("application_id") == APPLICATION_ID
    assert schema.current_version(database) == schema.head()


def test_reopening_is_harmless(db: Path) -> None:
    close_database()
    open_database(db)
    assert schema.current_version(Customer._meta.database) == schema.head()


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def _refused(path: Path, match: str) -> None:
    before = _snapshot(path.parent)
    with pytest.raises(DatabaseOpenError if "newer" not in match else schema.NewerSchemaError, match=match):
        open_database(path)
    assert _snapshot(path.parent) == before, "a refused file must be left exactly as it was"


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError, match="does not exist"):
        open_database(tmp_path / "nowhere" / "crm.sqlite")
    assert not (tmp_path / "nowhere").exists()


def test_not_an_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"these are my notes, not a database\n" * 100)
    _refused(path, "not an SQLite file")


def test_a_folder(tmp_path: Path) -> None:
    (tmp_path / "dir.sqlite").mkdir()
    with pytest.raises(DatabaseOpenError, match="folder"):
        open_database(tmp_path / "dir.sqlite")


def test_read_only_file(db: Path) -> None:
    close_database()
    os.chmod(db, 0o444)
    try:
        _refused(db, "read-only")
    finally:
        os.chmod(db, 0o644)


def test_sqlite_database_of_another_program(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    _refused(path, "another program")


def test_newer_schema_is_refused(db: Path) -> None:
    close_database()
    conn = sqlite3.connect(db)
    conn.execute("UPDATE crmdesk_meta SET value = ? WHERE key = 'schema_version'", (str(schema.head() + 5),))
    conn.commit()
    conn.close()
    _refused(db, "newer crmdesk")


def test_truncated_file_is_refused(db: Path) -> None:
    close_database()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = db.read_bytes()
    db.write_bytes(data[:200])  # header intact, pages gone
    with pytest.raises(DatabaseOpenError):
        open_database(db)


def test_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.touch()
    open_database(path)
    assert schema.current_version(Customer._meta.database) == schema.head()
    close_database()
