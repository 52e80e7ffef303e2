"""Opening the database: SQLite by default, PostgreSQL by URL, always behind one proxy.

A file is inspected read-only before anything writes to it, so that a wrong file (not SQLite,
not crmdesk's, from a newer crmdesk, read-only) is refused and left exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from peewee import Database, SqliteDatabase

from crmdesk.domain.errors import QT_TRANSLATE_NOOP, CrmError, is_disk_full
from crmdesk.storage import schema
from crmdesk.storage.models import database_proxy

# "CRMD": marks a SQLite file as crmdesk's (PRAGMA application_id).
APPLICATION_ID = 0x43524D44
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 10

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL: a committed transaction survives a power cut
    "cache_size": -32000,  # 32 MB
    "temp_store": "memory",
}


DISK_FULL_AT_OPEN = QT_TRANSLATE_NOOP(
    "errors", "The disk is full, so the database {target} cannot be opened (crmdesk writes to it when it opens it, "
              "and backs it up before an upgrade). Free some space and try again.")

# A file up to this size is checked page by page (PRAGMA quick_check) each time it is opened,
# well under a second; a bigger one gets the cheap checks (header, size, schema) only.
HEALTH_CHECK_MAX_BYTES = 128 * 1024 * 1024


class DatabaseOpenError(CrmError):
    """The database cannot be opened; the message says why in one sentence."""


class NotSqliteError(DatabaseOpenError):
    """The file is not an SQLite database at all."""


class DamagedDatabaseError(DatabaseOpenError):
    """The file was a database but is damaged (truncated, a bad page, a stray -wal beside it)."""


def is_url(target: str) -> bool:
    return "://" in target


def open_database(target: str | os.PathLike[str]) -> Database:
    """Open (creating if needed) and upgrade the database at ``target``; bind the models to it.

    ``target`` is a file path or a ``postgresql://`` URL. Raises :class:`DatabaseOpenError`.
    """
    text = os.fspath(target)
    db, path = _make(text)
    database_proxy.initialize(db)
    return _prepare(db, path, text)


def _make(text: str, sqlite_url_is_file: bool = False) -> tuple[Database, Path | None]:
    """The peewee database behind ``text`` (a file path or a URL; with ``sqlite_url_is_file``
    a ``sqlite:///PATH`` is opened as that file), not yet connected, and the file's path
    (None for a database opened by URL)."""
    if is_url(text) and not (sqlite_url_is_file and text.startswith("sqlite")):
        return _open_url(text), None
    path = Path(text.removeprefix("sqlite:///")).expanduser().absolute()
    _check_file(path)
    return SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, timeout=BUSY_TIMEOUT_S), path


def _prepare(db: Database, path: Path | None, text: str) -> Database:
    """Connect, stamp a new file as crmdesk's and bring the schema up to date; any failure
    closes it again and reads as one sentence."""
    try:
        db.connect(reuse_if_open=True)
        if path is not None and db.execute_sql("PRAGMA application_id").fetchone()[0] == 0:
            db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        schema.upgrade(db, path)
    except CrmError:
        db.close()
        raise
    except Exception as exc:  # a driver error on first contact
        db.close()
        if is_disk_full(exc):  # e.g. no room for the copy taken before an upgrade
            raise DatabaseOpenError(DISK_FULL_AT_OPEN, target=text) from exc
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("errors", "The database {target} cannot be opened: {reason}"),
            target=text,
            reason=str(exc),
        ) from exc
    return db


def pending_upgrade(target: str | os.PathLike[str]) -> bool:
    """Whether opening an existing crmdesk file will run migrations (which can take a while
    on a big file), found out read-only."""
    text = os.fspath(target)
    if is_url(text) or not Path(text).is_file():
        return False
    try:
        conn = sqlite3.connect(f"{Path(text).absolute().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute(f"SELECT value FROM {schema.META_TABLE} WHERE key = ?", (schema.VERSION_KEY,)).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False  # not ours, or unreadable: opening it says why
    return row is not None and 0 < int(row[0]) < schema.head()


def close_database() -> None:
    db = database_proxy.obj
    if db is not None and not db.is_closed():
        db.close()


def _open_url(url: str) -> Database:
    from playhouse.db_url import connect

    try:
        return connect(url)
    except Exception as exc:
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("errors", "The database address {target} cannot be used: {reason}"),
            target=url,
            reason=str(exc),
        ) from exc


def _check_file(path: Path) -> None:
    """Refuse, without writing anything, a path crmdesk must not open."""
    folder = path.parent
    if not folder.is_dir():
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("errors", "The folder {folder} does not exist."), folder=str(folder)
        )
    if path.exists() and not path.is_file():
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("errors", "{path} is a folder, not a database file."), path=str(path)
        )
    if not os.access(folder, os.W_OK) or (path.exists() and not _writable(path)):
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "errors", "The database {path} is read-only; crmdesk needs to be able to write to it."
            ),
            path=str(path),
        )
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        if not header.strip(b"\x00"):
            raise DamagedDatabaseError(
                QT_TRANSLATE_NOOP("errors", "{path} is damaged: it holds no database (only empty bytes)."),
                path=str(path),
            )
        raise NotSqliteError(
            QT_TRANSLATE_NOOP("errors", "{path} is not a crmdesk database (it is not an SQLite file)."),
            path=str(path),
        )
    version = check_health(path)
    if version > schema.head():
        raise schema.NewerSchemaError(
            schema.NEWER_TEMPLATE, path=str(path), version=version, head=schema.head()
        )


def check_health(path: Path, full: bool | None = None) -> int:
    """The schema version of an existing SQLite file, after checking, read-only, that it is
    whole: not shorter than its header says, its schema readable, no -wal of another file
    beside it, and (for a file up to :data:`HEALTH_CHECK_MAX_BYTES`, or when ``full``) every
    page sound. Raises :class:`DamagedDatabaseError` or another :class:`DatabaseOpenError`."""
    _check_size(path)
    wal = path.with_name(path.name + "-wal")
    try:
        version = inspect_file(path)
    except DatabaseOpenError:
        if wal.exists() and _sound_without_wal(path):
            raise _stray_wal(path) from None
        raise
    if full is None:
        full = path.stat().st_size <= HEALTH_CHECK_MAX_BYTES
    if full:
        problems = _quick_check(path, with_wal=wal.exists())
        if problems:
            if wal.exists() and _sound_without_wal(path):
                raise _stray_wal(path)
            raise DamagedDatabaseError(
                QT_TRANSLATE_NOOP("errors", "{path} is damaged ({reason})."), path=str(path), reason=problems[0]
            )
    return version


def _check_size(path: Path) -> None:
    with open(path, "rb") as fh:
        header = fh.read(100)
    size = path.stat().st_size
    page_size = int.from_bytes(header[16:18], "big") if len(header) == 100 else 0
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    in_step = header[92:96] == header[24:28]  # the page count is valid (SQLite 3.7+)
    wal = path.with_name(path.name + "-wal")
    if (len(header) < 100 or page_size < 512 or size % page_size
            or (in_step and not wal.exists() and size < pages * page_size)):
        raise DamagedDatabaseError(
            QT_TRANSLATE_NOOP("errors", "{path} is damaged: the file is shorter than the database it holds."),
            path=str(path),
        )


def _quick_check(path: Path, with_wal: bool) -> list[str]:
    try:
        conn = _read_only(path)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check")]
    except sqlite3.Error as exc:  # a damaged file may raise instead of answering
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


class _ReadOnly(sqlite3.Connection):
    """A read-only connection that, closed, removes the -shm file it had to create to read a
    -wal (so that a refused file is left exactly as it was)."""

    made_shm: Path | None = None

    def close(self) -> None:
        super().close()
        if self.made_shm is not None:
            self.made_shm.unlink(missing_ok=True)


def _read_only(path: Path) -> sqlite3.Connection:
    # Without a -wal file beside it nobody has the file open and nothing waits in a log, so it
    # can be read as immutable: SQLite then creates no -shm/-wal files next to it.
    wal = path.with_name(path.name + "-wal")
    shm = path.with_name(path.name + "-shm")
    had_shm = shm.exists()
    uri = path.as_uri() + ("?mode=ro" if wal.exists() else "?immutable=1")
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, factory=_ReadOnly)
    if wal.exists() and not had_shm:
        conn.made_shm = shm
    return conn


def _sound_without_wal(path: Path) -> bool:
    """Whether the file itself, ignoring the -wal beside it, is a healthy crmdesk database."""
    try:
        conn = sqlite3.connect(path.as_uri() + "?immutable=1", uri=True)
        try:
            ours = conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
            rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return ours and rows == ["ok"]


def _stray_wal(path: Path) -> DamagedDatabaseError:
    return DamagedDatabaseError(
        QT_TRANSLATE_NOOP(
            "errors", "{path} cannot be opened safely: the -wal file beside it does not belong to it."
        ),
        path=str(path),
    )


def inspect_candidate(path: Path) -> int:
    """The schema version of a file offered as a crmdesk backup, after checking it fully and
    read-only. Raises :class:`DatabaseOpenError` (or :class:`~schema.NewerSchemaError`)."""
    if not path.is_file():
        raise DatabaseOpenError(QT_TRANSLATE_NOOP("errors", "The file {path} does not exist."), path=str(path))
    if path.stat().st_size == 0:
        raise DatabaseOpenError(QT_TRANSLATE_NOOP("errors", "{path} is not a crmdesk backup: it is empty."),
                                path=str(path))
    with open(path, "rb") as fh:
        if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise NotSqliteError(QT_TRANSLATE_NOOP(
                "errors", "{path} is not a crmdesk backup (it is not an SQLite file)."), path=str(path))
    version = check_health(path, full=True)
    if version == 0:
        raise DatabaseOpenError(QT_TRANSLATE_NOOP(
            "errors", "{path} is not a crmdesk backup: it holds no crmdesk data."), path=str(path))
    if version > schema.head():
        raise schema.NewerSchemaError(schema.NEWER_TEMPLATE, path=str(path), version=version, head=schema.head())
    return version


def _writable(path: Path) -> bool:
    """Writable for us, and not marked read-only (which even root should respect)."""
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & 0o222)


def inspect_file(path: Path) -> int:
    """The schema version of an existing SQLite file, read without writing to it.

    0 means a blank database. Raises :class:`DatabaseOpenError` for a damaged file or an
    SQLite file that belongs to another program.
    """
    try:
        conn = _read_only(path)
    except sqlite3.Error as exc:
        raise _unreadable(path, exc) from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if schema.META_TABLE in tables:
            row = conn.execute(
                f"SELECT value FROM {schema.META_TABLE} WHERE key = ?", (schema.VERSION_KEY,)
            ).fetchone()
            return int(row[0]) if row else 0
    except (sqlite3.Error, ValueError) as exc:
        raise _unreadable(path, exc) from exc
    finally:
        conn.close()
    if tables or app_id not in (0, APPLICATION_ID):
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("errors", "{path} is an SQLite database of another program, not of crmdesk."),
            path=str(path),
        )
    return 0


def _unreadable(path: Path, exc: Exception) -> DatabaseOpenError:
    return DamagedDatabaseError(
        QT_TRANSLATE_NOOP("errors", "{path} cannot be read as a database ({reason})."),
        path=str(path),
        reason=str(exc),
    )


def open_peer(target: str | os.PathLike[str]) -> Database:
    """Open (creating if needed) and upgrade a second database to sync with, without binding
    the models to it: the app's own database stays the one the services work on. ``target``
    is a file path or a ``postgresql://`` URL. Raises :class:`DatabaseOpenError`."""
    text = os.fspath(target)
    return _prepare(*_make(text, sqlite_url_is_file=True), text)
