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
from crmdesk.storage.name_key import ID_MASK

REAL_HEAD = migrations.HEAD


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
        migrated_shape, model_shape = _shape(a), _shape(b)
        search_tables = {t for t in migrated_shape if t.startswith(("customer_fts", "customer_phone_fts", "complaint_fts"))}
        rollups = {t for t in migrated_shape if t.startswith("kpi_")}
        assert {t: migrated_shape[t] for t in migrated_shape if t not in search_tables | rollups} == model_shape
        # The search index and the dashboard's running totals exist only through their
        # migrations (peewee models do not declare them: triggers keep them).
        assert {"customer_fts", "customer_phone_fts", "complaint_fts"} <= search_tables
        assert rollups == {"kpi_customer_tally", "kpi_order_day", "kpi_contact_key"}


def _fake_step(sql: str, fail: bool = False) -> SimpleNamespace:
    def up(db: object) -> None:
        db.execute_sql(sql)
        if fail:
            raise RuntimeError("disk on fire")

    return SimpleNamespace(up=up)


@pytest.fixture
def one_more(monkeypatch: pytest.MonkeyPatch) -> list[SimpleNamespace]:
    """Pretend one more migration exists (the list is what it does)."""
    steps: list[SimpleNamespace] = []
    real_load, new = migrations.load, REAL_HEAD + 1
    monkeypatch.setattr(migrations, "HEAD", new)
    monkeypatch.setattr(migrations, "load", lambda v: steps[0] if v == new else real_load(v))
    return steps


def test_older_file_is_backed_up_and_upgraded(db: Path, one_more: list) -> None:
    close_database()
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO tag (uid, stamp, name, color) VALUES ('u1', 1, '老客户', '')")
    one_more.append(_fake_step('ALTER TABLE tag ADD COLUMN icon TEXT'))

    database = open_database(db)
    assert schema.current_version(database) == REAL_HEAD + 1
    assert "icon" in [c.name for c in database.get_columns("tag")]
    close_database()
    backups = list((db.parent / "backups").glob("*.sqlite"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT value FROM crmdesk_meta WHERE key='schema_version'").fetchone() == (str(REAL_HEAD),)
        assert conn.execute("SELECT name FROM tag").fetchall() == [("老客户",)]


def test_failed_upgrade_leaves_the_old_schema(db: Path, one_more: list) -> None:
    close_database()
    one_more.append(_fake_step("ALTER TABLE tag ADD COLUMN icon TEXT", fail=True))
    with pytest.raises(schema.MigrationError, match="disk on fire"):
        open_database(db)
    close_database()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT value FROM crmdesk_meta WHERE key='schema_version'").fetchone() == (str(REAL_HEAD),)
        assert "icon" not in [r[1] for r in conn.execute("PRAGMA table_info(tag)")]


def test_version_one_file_gets_a_search_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A real upgrade: customers written at schema 1 become searchable at schema 2."""
    path = tmp_path / "v1.sqlite"
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "HEAD", 1)
        open_database(path)
        close_database()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO customer (uid, stamp, kind, name, name_pinyin, name_initials, gender, company, title,"
            " phone, phone_e164, email, address, city, source, category, tier, tier_manual, stage, stage_manual,"
            " birthday_calendar, birth_leap_month, custom_fields, notes, created_at, order_count, order_total_cents)"
            " VALUES ('u1', 1, 'person', '曾小贤', 'zengxiaoxian', 'zxx', '', '', '', '138 1234 5678',"
            " '+8613812345678', '', '', '上海', '', 'potential', 'general', 0, 'potential', 0, 'solar', 0, '{}', '', 1, 0, 0)"
        )
    database = open_database(path)
    assert schema.current_version(database) == migrations.HEAD
    hit = lambda table, q: database.execute_sql(f"SELECT rowid & {ID_MASK} FROM {table} WHERE {table} MATCH ?", (q,)).fetchall()  # noqa: E731
    assert hit("customer_fts", 'search_text : "小 贤"') == [(1,)]
    assert hit("customer_fts", 'search_pinyin : "zxx" *') == [(1,)]
    assert hit("customer_phone_fts", '"5678"') == [(1,)]
    close_database()
    assert list((tmp_path / "backups").glob("v1-*-before-migration.sqlite"))
