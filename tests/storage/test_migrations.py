"""The migration runner: head equals the models, upgrades are backed up and all-or-nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest
from peewee import SqliteDatabase

from crmdesk.storage import migrations, schema
from crmdesk.storage.database import close_database, open_database
from crmdesk.storage.models import ALL_MODELS


def _shape(conn: sqlite3.Connection) -> dict[str, object]:
    """Tables with their columns (name, type, not-null, pk) and indexes (columns, unique)."""
    shape: dict[str, object] = {}
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    for table in tables:
        cols = [(r[1], r[2], r[3], r[5]) for r in conn.execute(f'PRAGMA table_info("{table}")')]
        indexes = set()
        for _, name, unique, *_ in conn.execute(f'PRAGMA index_list("{table}")'):
            indexes.add((tuple(r[2] for r in conn.execute(f'PRAGMA index_info("{name}")')), unique))
        fks = sorted((r[3], r[2], r[4], r[6]) for r in conn.execute(f'PRAGMA foreign_key_list("{table}")'))
        shape[table] = (cols, indexes, fks)
    return shape


def test_migrations_from_empty_equal_the_models(tmp_path: Path) -> None:
    migrated = tmp_path / "migrated.sqlite"
    open_database(migrated)
    close_database()

    fresh = tmp_path / "models.sqlite"
    db = SqliteDatabase(str(fresh))
    with db.bind_ctx(ALL_MODELS):
        db.create_tables(ALL_MODELS)
    db.close()

    with sqlite3.connect(migrated) as a, sqlite3.connect(fresh) as b:
        assert _shape(a) == _shape(b)


def _fake_step(sql: str, fail: bool = False) -> SimpleNamespace:
    def up(db: object) -> None:
        db.execute_sql(sql)
        if fail:
            raise RuntimeError("disk on fire")

    return SimpleNamespace(up=up)


@pytest.fixture
def version_two(monkeypatch: pytest.MonkeyPatch) -> list[SimpleNamespace]:
    """Pretend a second migration exists (the list is what it does)."""
    steps: list[SimpleNamespace] = []
    real_load = migrations.load
    monkeypatch.setattr(migrations, "HEAD", 2)
    monkeypatch.setattr(migrations, "load", lambda v: steps[0] if v == 2 else real_load(v))
    return steps


def test_older_file_is_backed_up_and_upgraded(db: Path, version_two: list) -> None:
    close_database()
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO tag (uid, stamp, name, color) VALUES ('u1', 1, '老客户', '')")
    version_two.append(_fake_step('ALTER TABLE tag ADD COLUMN icon TEXT'))

    database = open_database(db)
    assert schema.current_version(database) == 2
    assert "icon" in [c.name for c in database.get_columns("tag")]
    close_database()
    backups = list((db.parent / "backups").glob("*.sqlite"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT value FROM crmdesk_meta WHERE key='schema_version'").fetchone() == ("1",)
        assert conn.execute("SELECT name FROM tag").fetchall() == [("老客户",)]


def test_failed_upgrade_leaves_the_old_schema(db: Path, version_two: list) -> None:
    close_database()
    version_two.append(_fake_step("ALTER TABLE tag ADD COLUMN icon TEXT", fail=True))
    with pytest.raises(schema.MigrationError, match="disk on fire"):
        open_database(db)
    close_database()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT value FROM crmdesk_meta WHERE key='schema_version'").fetchone() == ("1",)
        assert "icon" not in [r[1] for r in conn.execute("PRAGMA table_info(tag)")]
