"""Schema version and the migration runner.

The version lives in the database itself (table ``crmdesk_meta``). Before an existing file is
migrated, a copy is taken with SQLite's online backup API; then every step runs in one
transaction, so a failed or interrupted upgrade leaves the old schema intact.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from peewee import Database, SqliteDatabase

from crmdesk.domain.errors import QT_TRANSLATE_NOOP, CrmError
from crmdesk.storage import engine, migrations

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


def backup_before_migration(db: SqliteDatabase, path: Path, version: int) -> Path:
    """A verified copy of the file at its old version, in the backups folder."""
    from crmdesk.storage import backups

    now = time.time()
    target = backups.target_path(backups.folder_for(path), path.stem, "before-migration",
                                 dt.datetime.fromtimestamp(now).replace(microsecond=0))
    backups.write_backup(db.connection(), target, {
        backups.TAKEN_KEY: str(int(now * 1000)), backups.REASON_KEY: "before-migration",
        "backup_from_version": str(version)})
    return target


def upgrade(db: Database, path: Path | None) -> int:
    """Bring ``db`` to the head version; returns how many migrations ran."""
    version = current_version(db)
    if version > head():
        raise NewerSchemaError(NEWER_TEMPLATE, path=str(path or db.database), version=version, head=head())
    if version == head():
        return 0
    if version > 0 and path is not None and engine.is_sqlite(db):
        backup_before_migration(db, path, version)
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
