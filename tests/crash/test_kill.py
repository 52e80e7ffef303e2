"""SIGKILL at seeded moments during writes: afterwards the file is sound, every transaction the
writer reported is there in full, and no transaction is there in part.

Each operation runs in ``tests/crash/writer.py`` (a real process, crmdesk's real services)
from a template database prepared once per session; the kill lands a seeded random time after
the writer says it is ready, spread evenly over the window in which it is writing.

What a killed backup leaves (the expectation the backup tests hold crmdesk to): the source
database is untouched, with every reported transaction. A file under a backup's name is always
a complete copy that passes its checks, because the copy is written as ``NAME.part`` and
renamed only when whole. A copy cut short stays a ``.part`` file (possibly empty, or with a
rollback journal beside it that SQLite uses to roll it back to a blank database on the next
open): ignored by anything that lists or restores backups, which look at backup names only.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from crmdesk.domain.filters import CustomerFilter
from crmdesk.services import lists
from crmdesk.storage import kpi, migrations
from crmdesk.storage.database import close_database, open_database
from tests.crash import writer
from tests.crash.helpers import Outcome, assert_sound, fresh_copy, is_prefix, moment, prepare, run_and_kill

MOMENTS = 11  # per operation: 55 in all
# Seconds after "ready" over which the kills are spread: the time each writer is busy writing
# (measured on a 2-core machine; a slower one just sees fewer transactions complete).
SPANS = {"import": 0.5, "merge": 0.3, "migrate": 0.9, "bulk": 0.25, "backup": 0.3}


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    made: dict[str, Path] = {}

    def template(op: str) -> Path:
        if op not in made:
            made[op] = tmp_path_factory.mktemp(f"template-{op}")
            prepare(op, made[op])
        return made[op]

    return template


def _rows(conn: sqlite3.Connection, sql: str, *args: object) -> list[tuple]:
    return conn.execute(sql, args).fetchall()


def _value(conn: sqlite3.Connection, sql: str, *args: object) -> object:
    return conn.execute(sql, args).fetchone()[0]


# -- what each operation must look like after the kill ----------------------------------------
def check_import(conn: sqlite3.Connection, plan: dict, outcome: Outcome, template: Path) -> None:
    batches = dict(_rows(conn, "SELECT id, file_name FROM import_batch WHERE file_name LIKE 'batch%'"))
    done = [int(name[5:8]) for name in batches.values()]
    assert is_prefix(done)
    for batch_id in batches:  # each import: its batch, its items, its customers and tags, whole
        assert _value(conn, "SELECT created FROM import_batch WHERE id = ?", batch_id) == writer.IMPORT_ROWS
        assert _value(conn, "SELECT COUNT(*) FROM import_item i JOIN customer c ON c.id = i.customer_id "
                            "WHERE i.batch_id = ?", batch_id) == writer.IMPORT_ROWS
        assert _value(conn, "SELECT COUNT(*) FROM customer_tag t JOIN import_item i ON i.customer_id = t.customer_id "
                            "WHERE i.batch_id = ?", batch_id) == 2 * writer.IMPORT_ROWS
    assert _value(conn, "SELECT COUNT(*) FROM customer") == writer.BASE_CUSTOMERS + writer.IMPORT_ROWS * len(done)
    assert {r["k"] for r in outcome.reported} <= set(done)
    tags = {r[0] for r in _rows(conn, "SELECT name FROM tag")}
    assert tags == ({"VIP"} | {f"批{k}" for k in done} if done else set())
    # The first import paused index, trigger and search upkeep: all of it is back, or was never gone.
    assert writer.schema_of(conn_path(conn)) == writer.schema_of(template / "template.sqlite")


def check_merge(conn: sqlite3.Connection, plan: dict, outcome: Outcome, template: Path) -> None:
    before = sqlite3.connect(template / "template.sqlite")
    try:
        done = []
        for g, group in enumerate(plan["groups"]):
            survivor, others = group[0], group[1:]
            records = _rows(conn, "SELECT merged FROM merge_record WHERE survivor_id = ?", survivor)
            if records:
                done.append(g)
                assert [json.loads(r[0]) for r in records] == [others]
            expected = {cid: _holdings(before, [cid]) for cid in group}
            if records:  # all the group's rows and tags now sit with the survivor; the others are binned
                expected[survivor] = _holdings(before, group)
                expected.update({cid: (0, 0, 0, *expected[cid][3:]) for cid in others})
            assert {cid: _holdings(conn, [cid]) for cid in group} == expected
            live = [_value(conn, "SELECT deleted_at IS NULL FROM customer WHERE id = ?", cid) for cid in group]
            assert live == [1, *([0 if records else 1] * len(others))]
        assert is_prefix(done)
        assert {r["group"] for r in outcome.reported} <= set(done)
    finally:
        before.close()


def _holdings(conn: sqlite3.Connection, ids: list[int]) -> tuple:
    """What customers ``ids`` hold between them: contacts, contact log, orders, tags, totals."""
    marks = ",".join("?" * len(ids))
    count = lambda table: _value(conn, f"SELECT COUNT(*) FROM {table} WHERE customer_id IN ({marks})", *ids)  # noqa: E731
    tags = {r[0] for r in _rows(conn, f"SELECT t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
                                      f"WHERE ct.customer_id IN ({marks}) AND ct.deleted_at IS NULL", *ids)}
    totals = _value(conn, f"SELECT COALESCE(SUM(order_total_cents), 0) FROM customer WHERE id IN ({marks})", *ids)
    return count("contact"), count("interaction"), count("sale_order"), tags, totals


def check_migrate(conn: sqlite3.Connection, plan: dict, outcome: Outcome, template: Path) -> None:
    version = int(_value(conn, "SELECT value FROM crmdesk_meta WHERE key = 'schema_version'"))
    assert version in (1, migrations.HEAD)
    assert writer.schema_of(conn_path(conn)) == plan["old_schema" if version == 1 else "new_schema"]
    assert _value(conn, "SELECT COUNT(*) FROM customer") == plan["customers"]
    if outcome.reported:
        assert version == migrations.HEAD
    # The copy taken before migrating carries a backup's name only once it is whole.
    for copy in (conn_path(conn).parent / "backups").glob("*.sqlite"):
        assert_sound(copy)
        with sqlite3.connect(copy) as taken:
            assert _value(taken, "SELECT value FROM crmdesk_meta WHERE key = 'schema_version'") == "1"
            assert _value(taken, "SELECT COUNT(*) FROM customer") == plan["customers"]
        taken.close()


def check_bulk(conn: sqlite3.Connection, plan: dict, outcome: Outcome, template: Path) -> None:
    done = []
    for k, (action, value, window) in enumerate(writer.bulk_steps(plan["ids"])):
        at = writer.context(k + 1).now()
        audited = _value(conn, "SELECT COUNT(*) FROM audit_entry WHERE at = ?", at)
        assert audited in (0, len(window))
        if audited:
            done.append(k)
        marks = ",".join("?" * len(window))
        effects = {
            "tier": "tier = 'strategic' AND tier_manual",
            "category": "category = 'existing'",
            "stage": "stage = 'loyal' AND stage_manual",
            "delete": f"deleted_at = {at}",
            "tag": f"id IN (SELECT customer_id FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
                   f"WHERE t.name = '{value}' AND ct.deleted_at IS NULL)",
            "untag": f"id NOT IN (SELECT customer_id FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
                     f"WHERE t.name = '{value}' AND ct.deleted_at IS NULL)",
        }
        changed = _value(conn, f"SELECT COUNT(*) FROM customer WHERE id IN ({marks}) AND {effects[action]}", *window)
        assert changed == (len(window) if audited else 0), (k, action)
    assert is_prefix(done)
    assert {r["step"] for r in outcome.reported} <= set(done)


def check_backup(conn: sqlite3.Connection, plan: dict, outcome: Outcome, template: Path) -> None:
    names = [r[0] for r in _rows(conn, "SELECT name FROM customer WHERE name LIKE '新客户%' ORDER BY id")]
    done = [int(name[3:]) for name in names]
    assert is_prefix(done)
    assert {r["i"] for r in outcome.reported if "i" in r} <= set(done)
    total = writer.BACKUP_CUSTOMERS + len(done)
    assert _value(conn, "SELECT COUNT(*) FROM customer") == total
    reported = {r["backup"]: r for r in outcome.reported if "backup" in r}
    for copy in sorted((conn_path(conn).parent / "backups").glob("*.sqlite")):
        assert_sound(copy)
        with sqlite3.connect(copy) as taken:
            tables = _value(taken, "SELECT COUNT(*) FROM sqlite_master")
            count = _value(taken, "SELECT COUNT(*) FROM customer") if tables else None
        taken.close()
        if copy.name in reported:
            assert reported[copy.name]["ok"] == "ok" and count == reported[copy.name]["customers"]
        else:  # renamed, not yet reported: whole all the same
            assert count is not None and writer.BACKUP_CUSTOMERS < count <= total


def conn_path(conn: sqlite3.Connection) -> Path:
    return Path(conn.execute("PRAGMA database_list").fetchone()[2])


CHECKS = {"import": check_import, "merge": check_merge, "migrate": check_migrate, "bulk": check_bulk,
          "backup": check_backup}
CASES = [(op, n) for op in CHECKS for n in range(MOMENTS)]


@pytest.mark.parametrize(("op", "n"), CASES, ids=[f"{op}-{n:02d}" for op, n in CASES])
def test_kill_during_writes(op: str, n: int, templates: Callable[[str], Path], tmp_path: Path) -> None:
    template = templates(op)
    path = fresh_copy(template, tmp_path / "data")
    outcome = run_and_kill(op, path.parent, moment(op, n, MOMENTS, SPANS[op]))

    assert_sound(path)
    conn = sqlite3.connect(path)
    try:
        CHECKS[op](conn, json.loads((path.parent / "plan.json").read_text()), outcome, template)
    finally:
        conn.close()

    # crmdesk itself opens what the kill left (finishing a cut-short migration), and what it
    # shows agrees with the tables.
    open_database(path)
    try:
        assert kpi.rollups_agree()
        assert lists.customers(writer.context(), CustomerFilter()).count() > 0
    finally:
        close_database()
    assert_sound(path)
