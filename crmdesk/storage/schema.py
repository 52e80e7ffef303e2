"""Schema version and the migration runner.

The version lives in the database itself (table ``crmdesk_meta``). Before an existing file is
migrated, a copy is taken with SQLite's online backup API; then every step runs in one
transaction, so a failed or interrupted upgrade leaves the old schema intact.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from peewee import Database, SqliteDatabase

from crmdesk.domain.errors import QT_TRANSLATE_NOOP, CrmError
from crmdesk.storage import migrations

META_TABLE = "crmdesk_meta"
VERSION_KEY = "schema_version"
NEWER_TEMPLATE = QT_TRANSLATE_NOOP(
    "errors",
    "{path} was written by a newer crmdesk (schema version {version}; this crmdesk knows up "
    "to {head}). Please update crmdesk to open it.",
)


class NewerSchemaError(CrmError):
    """The database comes from a newer crmdesk."""


class MigrationError(CrmError):
    """A migration failed; the database was left at its old version."""


def head() -> int:
    return migrations.HEAD


def current_version(db: Database) -> int:
    if not db.table_exists(META_TABLE):
        return 0
    sql = f"SELECT value FROM {META_TABLE} WHERE key = {db.param}"
    row = db.execute_sql(sql, (VERSION_KEY,)).fetchone()
    return int(row[0]) if row else 0


def _set_version(db: Database, version: int) -> None:
    param = db.param
    updated = db.execute_sql(
        f"UPDATE {META_TABLE} SET value = {param} WHERE key = {param}", (str(version), VERSION_KEY)
    ).rowcount
    if not updated:
        db.execute_sql(
            f"INSERT INTO {META_TABLE} (key, value) VALUES ({param}, {param})", (VERSION_KEY, str(version))
        )


def backup_path_for(path: Path, version: int) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return path.parent / "backups" / f"{path.stem}-before-v{head()}-from-v{version}-{stamp}.sqlite"


def upgrade(db: Database, path: Path | None) -> int:
    """Bring ``db`` to the head version; returns how many migrations ran."""
    version = current_version(db)
    if version > head():
        raise NewerSchemaError(NEWER_TEMPLATE, path=str(path or db.database), version=version, head=head())
    if version == head():
        return 0
    if version > 0 and path is not None and isinstance(db, SqliteDatabase):
        target = backup_path_for(path, version)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Copied under a temporary name and renamed when whole: a copy cut short (the process
        # killed, the disk full) never sits in the folder under a backup's name.
        part = target.with_name(target.name + ".part")
        dest = sqlite3.connect(part)
        try:
            db.connection().backup(dest)
        except BaseException:
            dest.close()
            part.unlink(missing_ok=True)
            raise
        dest.close()
        os.replace(part, target)
    try:
        with db.atomic():
            for step in range(version + 1, head() + 1):
                migrations.load(step).up(db)
                _set_version(db, step)
    except CrmError:
        raise
    except Exception as exc:
        raise MigrationError(
            QT_TRANSLATE_NOOP("errors", "Upgrading the database from version {version} failed: {reason}"),
            version=version,
            reason=str(exc),
        ) from exc
    return head() - version
