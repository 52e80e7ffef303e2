"""Backup copies of the SQLite file, taken with SQLite's online backup API.

A copy is written under a temporary name in the target folder, stamped with what it is (in its
own ``crmdesk_meta`` table: when, why, how many customers), switched to a single-file journal,
checked with ``PRAGMA quick_check`` and only then renamed to its final name — so a file with a
backup name is always a complete, verified copy. Never a file copy of a live WAL database.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from crmdesk.domain import backups as names
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, CrmError, is_disk_full

META_TABLE = "crmdesk_meta"
TAKEN_KEY = "backup_taken_at"
REASON_KEY = "backup_reason"
CUSTOMERS_KEY = "backup_customers"
BACKUP_KEYS = (TAKEN_KEY, REASON_KEY, CUSTOMERS_KEY, "backup_from_version")
STEP_PAGES = 2048  # 8 MB a step with 4 KB pages: the writer waits at most one step
MAX_RESTARTS = 3  # a copy restarted this often by other writers is finished in one step


class BackupError(CrmError):
    """A backup could not be written or did not pass its check; nothing was kept of it."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: int | None  # ms, from the copy itself
    reason: str
    customers: int | None
    schema_version: int | None
    size: int
    verified: bool  # a complete copy stamped by crmdesk (only checked copies get their name)


class _Restarted(Exception):
    pass


def folder_for(db_path: Path) -> Path:
    """The backups folder beside a database file."""
    return db_path.parent / "backups"


def target_path(folder: Path, stem: str, reason: str, taken: dt.datetime) -> Path:
    """A free backup file name in ``folder`` for a copy taken at local time ``taken``."""
    n = 0
    while True:
        path = folder / names.backup_name(stem, taken, reason, n)
        if not path.exists():
            return path
        n += 1

BACKUP_DISK_FULL = QT_TRANSLATE_NOOP(
    "errors", "The disk is full, so no backup could be written to {path} and nothing was changed. "
              "Free some space and try again.")


def write_backup(
    source: sqlite3.Connection,
    target: Path,
    meta: dict[str, str],
    report: Callable[[int, int], None] | None = None,
    step_pages: int = STEP_PAGES,
) -> int:
    """Copy the database behind ``source`` to ``target`` (atomically, verified); returns its
    number of live customers. ``report(done, total)`` is called between steps and may raise
    to stop the copy. Raises :class:`BackupError`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        _copy(source, partial, step_pages, report)
        customers = _stamp(partial, meta)
        problems = quick_check_file(partial)
        if problems:
            raise BackupError(
                QT_TRANSLATE_NOOP("errors", "The backup copy failed its check ({problem}); it was not kept."),
                problem=problems[0],
            )
        os.replace(partial, target)
    except BaseException:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            leftover.unlink(missing_ok=True)
        raise
    return customers


def _copy(source: sqlite3.Connection, partial: Path, step_pages: int,
          report: Callable[[int, int], None] | None) -> None:
    restarts = 0
    last_remaining: list[int] = []

    def progress(_status: int, remaining: int, total: int) -> None:
        nonlocal restarts
        if last_remaining and remaining > last_remaining[-1]:
            restarts += 1  # another connection wrote: SQLite began the copy again
            if restarts > MAX_RESTARTS:
                raise _Restarted()
        last_remaining.append(remaining)
        if report is not None:
            report(total - remaining, total)

    for pages in (step_pages, -1):
        partial.unlink(missing_ok=True)
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest, pages=pages, progress=progress if pages > 0 else None)
            return
        except _Restarted:
            continue
        except sqlite3.Error as exc:
            if is_disk_full(exc):
                raise BackupError(BACKUP_DISK_FULL, path=str(partial.parent)) from exc
            raise BackupError(
                QT_TRANSLATE_NOOP("errors", "The backup could not be written to {path}: {reason}"),
                path=str(partial.parent), reason=str(exc),
            ) from exc
        finally:
            dest.close()


def _stamp(partial: Path, meta: dict[str, str]) -> int:
    conn = sqlite3.connect(partial)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        customers = _live_customers(conn)
        with conn:
            conn.execute(f"CREATE TABLE IF NOT EXISTS {META_TABLE} (key VARCHAR(255) PRIMARY KEY, value TEXT NOT NULL)")
            for key, value in {**meta, CUSTOMERS_KEY: str(customers)}.items():
                conn.execute(f"INSERT OR REPLACE INTO {META_TABLE} (key, value) VALUES (?, ?)", (key, value))
    except sqlite3.Error as exc:
        raise BackupError(
            QT_TRANSLATE_NOOP("errors", "The backup could not be written to {path}: {reason}"),
            path=str(partial.parent), reason=str(exc),
        ) from exc
    finally:
        conn.close()
    return customers


def _live_customers(conn: sqlite3.Connection) -> int:
    try:
        return conn.execute("SELECT COUNT(*) FROM customer WHERE deleted_at IS NULL").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # a blank database


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to ``path`` nor create files beside it (no -wal may
    wait beside a backup; callers check that)."""
    return sqlite3.connect(f"{path.absolute().as_uri()}?immutable=1", uri=True)


def quick_check_file(path: Path) -> list[str]:
    """What ``PRAGMA quick_check`` finds wrong with a closed file ([] when healthy)."""
    try:
        conn = read_only(path)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        return quick_check(conn)
    finally:
        conn.close()


def quick_check(conn: sqlite3.Connection, pragma: str = "quick_check") -> list[str]:
    """The problems ``PRAGMA quick_check`` (or ``integrity_check``) reports; an error raised
    while checking counts as one (a damaged file may raise instead of answering)."""
    try:
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}")]
    except sqlite3.Error as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def read_info(path: Path) -> BackupInfo:
    """What a backup file says about itself (nothing is written to it)."""
    meta: dict[str, str] = {}
    try:
        conn = read_only(path)
        try:
            meta = dict(conn.execute(f"SELECT key, value FROM {META_TABLE}").fetchall())
        finally:
            conn.close()
    except sqlite3.Error:
        pass
    parsed = names.parse_name(path.name)

    def number(key: str) -> int | None:
        try:
            return int(meta[key])
        except (KeyError, ValueError):
            return None

    return BackupInfo(
        path=path,
        taken_at=number(TAKEN_KEY),
        reason=meta.get(REASON_KEY) or (parsed.reason if parsed else ""),
        customers=number(CUSTOMERS_KEY),
        schema_version=number("schema_version"),
        size=path.stat().st_size if path.exists() else 0,
        verified=TAKEN_KEY in meta,
    )


def restore_into(live: sqlite3.Connection, source: Path) -> None:
    """Replace the database behind ``live`` by the backup ``source`` in one transaction
    (other connections see the restored data on their next read); the copy's backup stamps
    are removed."""
    conn = read_only(source)
    try:
        conn.backup(live)
    finally:
        conn.close()
    with live:
        live.execute(f"DELETE FROM {META_TABLE} WHERE key IN ({', '.join('?' * len(BACKUP_KEYS))})", BACKUP_KEYS)
        _mark_restored(live)


def _mark_restored(conn: sqlite3.Connection) -> None:
    """A restored book syncs under a new replica id (see ``Store.replica_id``): under the old
    one it would number its next edits as the edits made after the backup already were, and
    a peer that has those would never ask for these, nor send back what the restore undid."""
    from crmdesk.storage.sync_store import FILE_KEY, REPLICA_KEY, RESTORED

    conn.execute(f"INSERT INTO {META_TABLE} (key, value) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM {META_TABLE} "
                 "WHERE key = ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", (FILE_KEY, RESTORED, REPLICA_KEY))


def copy_file(source: Path, target: Path) -> None:
    """A second copy of a closed, verified backup (a single file): written under a temporary
    name, then renamed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        with open(source, "rb") as src, open(partial, "wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def restore_to_new_file(source: Path, target: Path) -> None:
    """Write the backup ``source`` as a new database file at ``target`` (atomically)."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        conn = read_only(source)
        dest = sqlite3.connect(partial)
        try:
            conn.backup(dest)
            with dest:
                dest.execute(f"DELETE FROM {META_TABLE} WHERE key IN ({', '.join('?' * len(BACKUP_KEYS))})",
                             BACKUP_KEYS)
                _mark_restored(dest)
        finally:
            dest.close()
            conn.close()
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def move_aside(path: Path, stamp: str) -> Path:
    """Rename ``path`` and the -wal/-shm beside it with ``.damaged-<stamp>``; returns the new path."""
    moved = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("-wal", "-shm", ""):
        part = path.with_name(path.name + suffix)
        if part.exists():
            os.replace(part, moved.with_name(f"{path.name}{suffix}.damaged-{stamp}"))
    return moved
