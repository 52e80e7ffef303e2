"""The sync file: a replica's records carried on a USB stick instead of over a network.

Format (an SQLite file, ``application_id`` 0x43525359 "CRSY"):

- ``sync_file_meta(key TEXT PRIMARY KEY, value TEXT)`` with ``format`` = ``crmdesk-sync``,
  ``version`` = ``1``, ``replica`` (the writer's replica id), ``name`` (its display name),
  ``written_at`` (ms), ``hlc`` (the writer's clock then) and ``progress`` (JSON: per peer
  replica id, per table, ``[seen, uid]`` of the last of that peer's records the writer had applied —
  what lets the reader tell its own unsent edits from ones the writer already knew).
- ``record(table_name TEXT, seen INTEGER, uid TEXT, body TEXT)``, primary key
  ``(table_name, seen, uid)``: one row per record in the exchange form of
  :meth:`crmdesk.storage.sync_store.Store.changes` as JSON (``u`` uid, ``s`` seen, ``b``
  base clock ``[hlc, origin]``, ``c`` field clocks, ``v`` values with foreign keys as uids,
  ``d`` derived columns, ``via`` the peers the record's versions came from).

A file holds every record of the writer (the reader skips what it has), read back in
``seen`` order per table, so an import cut short resumes where it stopped. It is written
as ``NAME.part`` beside the target and renamed when complete.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from crmdesk.domain.errors import QT_TRANSLATE_NOOP, CrmError

FORMAT = "crmdesk-sync"
VERSION = 1
APPLICATION_ID = 0x43525359
SQLITE_HEADER = b"SQLite format 3\x00"


class SyncFileError(CrmError):
    """The file is not a crmdesk sync file (or one this crmdesk cannot read)."""


NOT_A_SYNC_FILE = QT_TRANSLATE_NOOP("errors", "{path} is not a crmdesk sync file.")


class SyncFileWriter:
    """Writes a sync file under a temporary name; :meth:`commit` puts it in place."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.part = path.with_name(path.name + ".part")
        if self.part.exists():
            self.part.unlink()
        self.conn = sqlite3.connect(self.part)
        self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        self.conn.execute("PRAGMA journal_mode = OFF")
        self.conn.execute("CREATE TABLE sync_file_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        self.conn.execute("CREATE TABLE record (table_name TEXT NOT NULL, seen INTEGER NOT NULL, uid TEXT NOT NULL, "
                          "body TEXT NOT NULL, PRIMARY KEY (table_name, seen, uid)) WITHOUT ROWID")
        self.conn.execute("BEGIN")

    def add(self, table: str, records: Sequence[dict[str, Any]]) -> None:
        self.conn.executemany("INSERT INTO record (table_name, seen, uid, body) VALUES (?, ?, ?, ?)",
                              [(table, r["s"], r["u"], json.dumps(r, ensure_ascii=False, default=str)) for r in records])

    def commit(self, meta: dict[str, str]) -> None:
        self.conn.executemany("INSERT INTO sync_file_meta (key, value) VALUES (?, ?)",
                              [("format", FORMAT), ("version", str(VERSION)), *meta.items()])
        self.conn.commit()
        self.conn.close()
        with open(self.part, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(self.part, self.path)

    def abort(self) -> None:
        try:
            self.conn.close()
        finally:
            self.part.unlink(missing_ok=True)


@contextmanager
def writing(path: Path) -> Iterator[SyncFileWriter]:
    writer = SyncFileWriter(path)
    try:
        yield writer
    except BaseException:
        writer.abort()
        raise


class SyncFileReader:
    """A sync file opened read-only, refused with one sentence when it is not one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.is_file():
            raise SyncFileError(QT_TRANSLATE_NOOP("errors", "The sync file {path} does not exist."), path=str(path))
        with open(path, "rb") as fh:
            if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                raise SyncFileError(NOT_A_SYNC_FILE, path=str(path))
        try:
            self.conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
            rows = dict(self.conn.execute("SELECT key, value FROM sync_file_meta").fetchall())
        except sqlite3.Error:
            raise SyncFileError(NOT_A_SYNC_FILE, path=str(path)) from None
        if rows.get("format") != FORMAT:
            self.conn.close()
            raise SyncFileError(NOT_A_SYNC_FILE, path=str(path))
        if int(rows.get("version", "0")) > VERSION:
            self.conn.close()
            raise SyncFileError(QT_TRANSLATE_NOOP(
                "errors", "{path} was written by a newer crmdesk; update crmdesk to read it."), path=str(path))
        self.meta = rows

    @property
    def replica(self) -> str:
        return self.meta.get("replica", "")

    def progress(self) -> dict[str, dict[str, int]]:
        return json.loads(self.meta.get("progress", "{}"))

    def records(self, table: str, since: tuple[int, str], limit: int) -> list[dict[str, Any]]:
        return [json.loads(body) for (body,) in self.conn.execute(
            "SELECT body FROM record WHERE table_name = ? AND (seen, uid) > (?, ?) ORDER BY seen, uid LIMIT ?",
            (table, since[0], since[1], limit))]

    def pending(self, table: str, since: tuple[int, str]) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM record WHERE table_name = ? AND (seen, uid) > (?, ?)",
                                 (table, since[0], since[1])).fetchone()[0]

    def close(self) -> None:
        self.conn.close()
