"""Damaged files are never opened half-way: each is refused, read-only, with a clear sentence."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from crmdesk.services.context import Context
from crmdesk.services.demo import generator
from crmdesk.storage import schema
from crmdesk.storage.database import (
    DamagedDatabaseError,
    DatabaseOpenError,
    NotSqliteError,
    close_database,
    open_database,
)


@pytest.fixture
def book(db: Path, ctx: Context) -> Path:
    """A closed, checkpointed database with some customers."""
    generator.generate(ctx, 30, seed=7)
    close_database()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()  # the last connection: the -wal goes, nothing waits beside the file
    assert not db.with_name(db.name + "-wal").exists()
    return db


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def refused(path: Path, error: type[Exception], match: str) -> None:
    before = snapshot(path.parent)
    with pytest.raises(error, match=match) as info:
        open_database(path)
    close_database()
    assert "\n" not in str(info.value)
    assert snapshot(path.parent) == before, "a refused file must be left exactly as it was"


def test_truncated(book: Path) -> None:
    data = book.read_bytes()
    book.write_bytes(data[: len(data) // 2])
    refused(book, DamagedDatabaseError, "shorter than the database")


def test_truncated_mid_page(book: Path) -> None:
    data = book.read_bytes()
    book.write_bytes(data[: len(data) - 1000])
    refused(book, DamagedDatabaseError, "damaged")


def test_damaged_page(book: Path) -> None:
    data = bytearray(book.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for n in range(3, len(data) // page - 1, 3):  # scribble over the start of every third page
        data[n * page: n * page + 40] = os.urandom(40)
    book.write_bytes(bytes(data))
    refused(book, DamagedDatabaseError, "damaged")


def test_only_zero_bytes(tmp_path: Path) -> None:
    path = tmp_path / "zeros.sqlite"
    path.write_bytes(b"\x00" * 8192)
    refused(path, DamagedDatabaseError, "only empty bytes")


def test_garbage(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite"
    path.write_bytes(os.urandom(20000).replace(b"SQLite", b"sqlite"))
    refused(path, NotSqliteError, "not an SQLite file")


def test_stray_wal_of_another_file(book: Path, tmp_path: Path) -> None:
    """A -wal left beside the file by another database: refused, not replayed into it."""
    other = tmp_path / "other" / "songs.sqlite"
    other.parent.mkdir()
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.executemany("INSERT INTO songs VALUES (?)", [(f"song {i}" * 40,) for i in range(300)])
    conn.commit()
    shutil.copyfile(other.with_name("songs.sqlite-wal"), book.with_name(book.name + "-wal"))
    conn.close()
    refused(book, DamagedDatabaseError, "-wal file beside it does not belong")


def test_read_only_and_newer_are_still_plain_refusals(book: Path) -> None:
    os.chmod(book, 0o444)
    try:
        refused(book, DatabaseOpenError, "read-only")
    finally:
        os.chmod(book, 0o644)
    conn = sqlite3.connect(book)
    with conn:
        conn.execute("UPDATE crmdesk_meta SET value = ? WHERE key = 'schema_version'", (str(schema.head() + 1),))
    conn.close()
    refused(book, schema.NewerSchemaError, "newer crmdesk")


def test_a_sound_file_opens(book: Path) -> None:
    open_database(book)
    close_database()
