"""Backups: taken online and verified, thinned, restored (and the restore undone), refused
for every kind of wrong file with nothing changed."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.errors import CrmError
from crmdesk.services import backups, customers, setup
from crmdesk.services.context import Context
from crmdesk.services.demo import generator
from crmdesk.storage import backups as files
from crmdesk.storage import migrations, schema
from crmdesk.storage.database import close_database, open_database
from crmdesk.storage.models import database_proxy

# What is copied, checked and restored here is the SQLite file itself; a database on a server is
# backed up by the server, and the app says so (tests/services/test_server_backups.py).
pytestmark = pytest.mark.sqlite_only("backups are copies of the SQLite file, made with SQLite's online backup API")


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table (backup stamps aside), read without writing."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        rows = {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        conn.close()
    rows["crmdesk_meta"] = [r for r in rows["crmdesk_meta"] if r[0] not in files.BACKUP_KEYS]
    return rows


def live_dump() -> dict[str, list[tuple]]:
    database_proxy.obj.execute_sql("PRAGMA wal_checkpoint")
    return dump(backups.database_path())


@pytest.fixture
def shop(db: Path, ctx: Context) -> Path:
    setup.ensure_defaults(ctx, "zh_CN")
    generator.generate(ctx, 40, seed=3)
    return db


def test_backup_is_verified_stamped_and_listed(shop: Path, ctx: Context) -> None:
    result = backups.take_backup(ctx, "manual")
    assert result.path.parent == shop.parent / "backups"
    assert result.path.name.startswith("test-20261123-153000-manual")
    assert result.customers == 40
    assert not list(result.path.parent.glob("*.partial"))
    assert files.quick_check_file(result.path) == []
    with sqlite3.connect(result.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one self-contained file
    [info] = backups.list_backups()
    assert (info.path, info.reason, info.customers, info.verified) == (result.path, "manual", 40, True)
    assert info.taken_at == ctx.now() and info.size == result.path.stat().st_size
    assert backups.last_backup().path == result.path


def test_round_trip_finds_no_difference(shop: Path, ctx: Context) -> None:
    before = live_dump()
    taken = backups.take_backup(ctx, "manual")
    customers.create_customer(ctx, CustomerInput(name="新客户", phone="139 0000 0001"))
    database_proxy.obj.execute_sql("DELETE FROM interaction")
    assert live_dump() != before
    ctx.clock.advance(seconds=5)
    result = backups.restore(ctx, taken.path)
    assert result.changes.everything and result.migrated == 0
    assert live_dump() == before
    # the database as it was before the restore was kept: restoring it undoes the restore
    ctx.clock.advance(seconds=5)
    backups.restore(ctx, result.kept_aside)
    assert "新客户" in {r[0] for r in database_proxy.obj.execute_sql("SELECT name FROM customer")}


def test_backup_while_another_connection_writes_is_consistent(shop: Path, ctx: Context, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Pairs of rows are written in one transaction each while the copy runs in small steps:
    the copy holds whole pairs only, and passes its checks."""
    monkeypatch.setattr(files, "STEP_PAGES", 1)
    database_proxy.obj.execute_sql("CREATE TABLE pair_test (n INTEGER, half INTEGER)")
    stop, started = threading.Event(), threading.Event()
    written = [0]

    def write() -> None:
        writer = sqlite3.connect(shop, timeout=10)
        while not stop.is_set():
            with writer:
                writer.execute("INSERT INTO pair_test VALUES (?, 0)", (written[0],))
                writer.execute("INSERT INTO pair_test VALUES (?, 1)", (written[0],))
            written[0] += 1
            started.set()
        writer.close()

    thread = threading.Thread(target=write)
    thread.start()
    started.wait(5)
    try:
        steps = []
        result = files.write_backup(database_proxy.obj.connection(), tmp_path / "copy.sqlite", {},
                                    lambda done, total: steps.append((done, total)), step_pages=1)
    finally:
        stop.set()
        thread.join()
    assert len(steps) > 10 and written[0] > 0 and result == 40
    restored = tmp_path / "restored.sqlite"
    files.restore_to_new_file(tmp_path / "copy.sqlite", restored)
    with sqlite3.connect(restored) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        counts = conn.execute("SELECT n, COUNT(*) FROM pair_test GROUP BY n").fetchall()
    assert all(count == 2 for _n, count in counts)


def test_older_backup_is_restored_then_migrated(tmp_path: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    old = tmp_path / "old.sqlite"
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "HEAD", migrations.HEAD - 1)
        open_database(old)
        customers.create_customer(ctx, CustomerInput(name="老顾客", phone="138 0000 0002"))
        close_database()
    current = tmp_path / "shop.sqlite"
    open_database(current)
    try:
        result = backups.restore(ctx, old)
        assert result.migrated == 1
        assert schema.current_version(database_proxy.obj) == migrations.HEAD
        assert [r[0] for r in database_proxy.obj.execute_sql("SELECT name FROM customer")] == ["老顾客"]
    finally:
        close_database()


def _not_sqlite(p: Path) -> None:
    p.write_bytes(b"name,phone\n" * 50)


def _other_program(p: Path) -> None:
    with sqlite3.connect(p) as conn:
        conn.execute("CREATE TABLE songs (title TEXT)")


def _blank(p: Path) -> None:
    sqlite3.connect(p).close()
    with sqlite3.connect(p) as conn:
        conn.execute("PRAGMA user_version = 1")


def _copy_of(ctx: Context) -> Path:
    return backups.take_backup(ctx, "manual").path


def _truncated(ctx: Context, p: Path) -> None:
    data = _copy_of(ctx).read_bytes()
    p.write_bytes(data[: len(data) // 2])


def _damaged_page(ctx: Context, p: Path) -> None:
    data = bytearray(_copy_of(ctx).read_bytes())
    page = 4096
    for n in range(3, len(data) // page - 1, 2):
        data[n * page: n * page + 64] = b"\xff" * 64
    p.write_bytes(bytes(data))


def _newer(ctx: Context, p: Path) -> None:
    p.write_bytes(_copy_of(ctx).read_bytes())
    with sqlite3.connect(p) as conn:
        conn.execute("UPDATE crmdesk_meta SET value = '999' WHERE key = 'schema_version'")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda ctx, p: None, "does not exist"),
        (lambda ctx, p: p.touch(), "not a crmdesk backup"),
        (lambda ctx, p: _not_sqlite(p), "not an SQLite file"),
        (lambda ctx, p: _other_program(p), "another program"),
        (lambda ctx, p: _blank(p), "not a crmdesk backup"),
        (_truncated, "damaged"),
        (_damaged_page, "damaged|cannot be read"),
        (_newer, "newer crmdesk"),
    ],
    ids=["missing", "empty", "not-sqlite", "other-program", "blank", "truncated", "damaged-page", "newer-schema"],
)
def test_wrong_files_are_refused_and_nothing_changes(shop: Path, ctx: Context, tmp_path: Path, make, message: str) -> None:
    candidate = tmp_path / "candidate.sqlite"
    make(ctx, candidate)
    before = live_dump()
    backups_before = sorted(p.name for p in (shop.parent / "backups").glob("*")) if (shop.parent / "backups").exists() else []
    candidate_before = candidate.read_bytes() if candidate.exists() else None
    with pytest.raises(CrmError, match=message) as info:
        backups.restore(ctx, candidate)
    assert str(info.value).count(".") >= 1 and "\n" not in str(info.value)
    assert live_dump() == before
    after = sorted(p.name for p in (shop.parent / "backups").glob("*")) if (shop.parent / "backups").exists() else []
    assert after == backups_before, "a refused restore takes no backup either"
    assert (candidate.read_bytes() if candidate.exists() else None) == candidate_before


def test_the_database_itself_is_not_a_backup(shop: Path, ctx: Context) -> None:
    database_proxy.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    with pytest.raises(CrmError, match="database itself|cannot be opened safely|damaged"):
        backups.restore(ctx, shop)


def test_thinning_keeps_the_policy(shop: Path, ctx: Context) -> None:
    made = []
    for _ in range(30):  # twice a day for 15 days
        made.append(backups.take_backup(ctx, "auto").path)
        ctx.clock.advance(hours=12)
    kept = set((shop.parent / "backups").glob("*.sqlite"))
    assert set(made[-3:]) <= kept  # the newest three
    days = {p.name.split("-")[1] for p in kept}
    assert len(days) >= 12 and 12 <= len(kept) <= 16


def test_a_missing_second_folder_is_a_warning_not_a_failure(shop: Path, ctx: Context, tmp_path: Path) -> None:
    setup.set_setting(ctx, backups.SECOND_FOLDER_KEY, str(tmp_path / "usb-stick"))
    result = backups.take_backup(ctx, "manual")
    assert result.path.exists() and result.second_copy is None
    assert "is not there" in str(result.warning)
    (tmp_path / "usb-stick").mkdir()
    ctx.clock.advance(seconds=1)
    result = backups.take_backup(ctx, "manual")
    assert result.warning is None and result.second_copy.read_bytes() == result.path.read_bytes()
    assert len(backups.list_backups()) == 3  # two in the data folder, one on the stick


def test_an_import_and_a_merge_back_up_first(shop: Path, ctx: Context, tmp_path: Path) -> None:
    from crmdesk.services import dedupe, importing

    source = tmp_path / "new.csv"
    source.write_text("姓名,手机\n王小明,13912345678\n", encoding="utf-8")
    importing.import_customers(ctx, source)
    assert [b.reason for b in backups.list_backups()] == ["before-import"]
    ctx.clock.advance(seconds=1)
    a = customers.create_customer(ctx, CustomerInput(name="李雷", phone="137 0000 0001"))[0]
    b = customers.create_customer(ctx, CustomerInput(name="李雷", phone="137 0000 0001"))[0]
    dedupe.merge(ctx, a, [b])
    assert [b.reason for b in backups.list_backups()] == ["before-merge", "before-import"]
    setup.set_setting(ctx, backups.BEFORE_CHANGES_KEY, False)
    ctx.clock.advance(seconds=1)
    importing.import_customers(ctx, source, mode="upsert")
    assert len(backups.list_backups()) == 2


def test_backup_to_a_chosen_file_and_a_missing_folder(shop: Path, ctx: Context, tmp_path: Path) -> None:
    out = tmp_path / "nightly.sqlite"
    result = backups.take_backup(ctx, "manual", output=out)
    assert result.path == out and files.quick_check_file(out) == []
    with pytest.raises(CrmError, match="does not exist"):
        backups.take_backup(ctx, "manual", output=tmp_path / "nowhere" / "x.sqlite")
    assert not (tmp_path / "nowhere").exists()
