"""Backups of the database file: taking, listing, thinning, restoring.

Copies go to ``backups/`` beside the database (and, when set, to a second folder such as a USB
stick). A copy is taken before every import, merge and restore, every 30 minutes while the
app runs and something changed, before a migration (see storage.schema) and on demand.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path

from crmdesk.domain import backups as policy
from crmdesk.domain.changes import Changes
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, CrmError
from crmdesk.services import setup
from crmdesk.services import policy as access
from crmdesk.services.context import Context
from crmdesk.services.progress import Cancelled, Progress
from crmdesk.storage import backups as files
from crmdesk.storage.models import database_proxy

SECOND_FOLDER_KEY = "backup.second_folder"
BEFORE_CHANGES_KEY = "backup.before_changes"  # False: no copy before imports and merges
BackupInfo = files.BackupInfo
BackupError = files.BackupError


@dataclass(frozen=True)
class BackupResult:
    path: Path
    taken_at: int
    customers: int
    second_copy: Path | None = None
    warning: CrmError | None = None  # the backup is safe, but the second copy could not be made
    thinned: int = 0


def database_path() -> Path | None:
    """The open database's file, or None when it is not an SQLite file (a server)."""
    from crmdesk.storage.engine import is_sqlite

    db = database_proxy.obj
    if not is_sqlite(db) or db.database in ("", ":memory:"):
        return None
    return Path(db.database).absolute()


def _require_path() -> Path:
    path = database_path()
    if path is None:
        raise BackupError(QT_TRANSLATE_NOOP(
            "errors", "Backups are taken of a database file; this database is on a server, which keeps its own."))
    return path


def take_backup(ctx: Context, reason: str = "manual", output: Path | None = None,
                progress: Progress | None = None) -> BackupResult:
    """Write a verified copy of the open database (to ``output``, or to the backups folder,
    then thinned). Raises :class:`BackupError` and :class:`Cancelled`; a missing second folder
    only gives the result a ``warning``."""
    if reason == "manual":  # (automatic copies are the app's own upkeep)
        access.require(ctx, access.Permission.BACKUP)
    path = _require_path()
    now = ctx.now()
    taken = dt.datetime.fromtimestamp(now / 1000).replace(microsecond=0)  # local, naive
    folder = files.folder_for(path)
    if output is not None:
        target = output.expanduser().absolute()
        if not target.parent.is_dir():
            raise BackupError(QT_TRANSLATE_NOOP("errors", "The folder {folder} does not exist."),
                              folder=str(target.parent))
    else:
        target = files.target_path(folder, path.stem, reason, taken)

    def report(done: int, total: int) -> None:
        if progress is not None:
            if progress.cancelled():
                raise Cancelled()
            progress.report(done, total, "backup")

    customers = files.write_backup(database_proxy.obj.connection(), target, {
        files.TAKEN_KEY: str(now), files.REASON_KEY: reason}, report)
    if output is not None:
        return BackupResult(target, now, customers)
    thinned = len(thin(folder, path.stem, taken))
    second, warning = _second_copy(target, path.stem, taken)
    return BackupResult(target, now, customers, second, warning, thinned)


def _second_copy(made: Path, stem: str, taken: dt.datetime) -> tuple[Path | None, CrmError | None]:
    second = setup.get_setting(SECOND_FOLDER_KEY, "")
    if not second:
        return None, None
    folder = Path(second).expanduser()
    if not folder.is_dir():
        return None, BackupError(QT_TRANSLATE_NOOP(
            "errors", "The second backup folder {folder} is not there (is the USB stick plugged in?); the backup "
                      "was kept in the data folder only."), folder=str(folder))
    try:
        target = folder / made.name
        files.copy_file(made, target)
        thin(folder, stem, taken)
    except OSError as exc:
        return None, BackupError(QT_TRANSLATE_NOOP(
            "errors", "The backup could not be copied to the second folder {folder}: {reason}"),
            folder=str(folder), reason=exc.strerror or str(exc))
    return target, None


def backup_before(ctx: Context, reason: str) -> BackupResult | None:
    """The copy taken before a risky change (an import, a merge): skipped for a server
    database, or when the ``backup.before_changes`` setting is off."""
    if database_path() is None or not setup.get_setting(BEFORE_CHANGES_KEY, True):
        return None
    if database_proxy.obj.in_transaction():
        return None  # part of a bigger change, whose own caller took the copy
    return take_backup(ctx, reason)


def thin(folder: Path, stem: str, now: dt.datetime, rules: policy.Policy = policy.DEFAULT_POLICY) -> list[Path]:
    """Delete the copies of database ``stem`` in ``folder`` the policy does not keep."""
    found = [b for b in (policy.parse_name(p.name, stem) for p in _candidates(folder)) if b is not None]
    keep = policy.to_keep(found, now, rules)
    gone = []
    for backup in found:
        if backup.file_name not in keep:
            (folder / backup.file_name).unlink(missing_ok=True)
            gone.append(folder / backup.file_name)
    return gone


def _candidates(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if p.suffix == policy.SUFFIX and p.is_file()]
    except OSError:
        return []


def list_backups(db_path: Path | None = None) -> list[BackupInfo]:
    """The backups of a database, newest first: of the open one (from the data folder and the
    second folder), or of the file ``db_path`` (its data folder only: no database is read)."""
    path = db_path or _require_path()
    folders = [files.folder_for(path)]
    second = setup.get_setting(SECOND_FOLDER_KEY, "") if db_path is None else ""
    if second and Path(second).expanduser().is_dir():
        folders.append(Path(second).expanduser())
    found = [(b, folder) for folder in folders for b in
             (policy.parse_name(p.name, path.stem) for p in _candidates(folder)) if b is not None]
    infos = [(b, files.read_info(folder / b.file_name)) for b, folder in found]
    infos.sort(key=lambda pair: (pair[1].taken_at or int(pair[0].taken.timestamp() * 1000), pair[0].file_name),
               reverse=True)
    return [info for _b, info in infos]


def last_backup(db_path: Path | None = None) -> BackupInfo | None:
    """The newest verified backup in the data folder, found from the file names."""
    path = db_path or database_path()
    if path is None:
        return None
    folder = files.folder_for(path)
    named = [b for b in (policy.parse_name(p.name, path.stem) for p in _candidates(folder)) if b is not None]
    for b in sorted(named, key=lambda b: (b.taken, b.file_name), reverse=True):
        info = files.read_info(folder / b.file_name)
        if info.verified:
            return info
    return None


def check_restorable(source: Path) -> int:
    """The schema version of a file offered for restoring; raises a one-sentence error for a
    file that is not a sound crmdesk backup this crmdesk can read."""
    from crmdesk.storage.database import inspect_candidate

    return inspect_candidate(source.expanduser().absolute())


@dataclass(frozen=True)
class RestoreResult:
    kept_aside: Path | None  # the backup of the database as it was: restore it to undo
    migrated: int
    changes: Changes


def restore(ctx: Context, source: Path, progress: Progress | None = None) -> RestoreResult:
    """Put the backup ``source`` in place of the open database (then bring it up to this
    version); the database as it was is backed up first. A bad file changes nothing."""
    access.require(ctx, access.Permission.BACKUP)
    from crmdesk.storage import schema

    path = _require_path()
    source = source.expanduser().absolute()
    check_restorable(source)
    if source == path:
        raise BackupError(QT_TRANSLATE_NOOP("errors", "{path} is the database itself, not a backup of it."),
                          path=str(source))
    kept = take_backup(ctx, "before-restore", progress=progress)
    db = database_proxy.obj
    files.restore_into(db.connection(), source)
    migrated = schema.upgrade(db, path)
    return RestoreResult(kept.path, migrated, Changes(everything=True))


def restore_as_new(source: Path, target: Path) -> None:
    """Restore ``source`` to the path ``target`` where no database is (the damaged one was moved
    aside); opening it afterwards brings it up to this version."""
    check_restorable(source)
    files.restore_to_new_file(source.expanduser().absolute(), target)


def move_aside(path: Path) -> Path:
    """Rename a damaged database (and its -wal, -shm) to ``<name>.damaged-<stamp>``; returns
    the new path of the file."""
    return files.move_aside(path, time.strftime("%Y%m%d-%H%M%S"))
