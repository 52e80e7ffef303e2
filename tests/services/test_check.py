"""The database check: healthy books pass; each kind of fault is found and, when it is safe,
repaired."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmdesk.services import setup
from crmdesk.services.check import check_database
from crmdesk.services.context import Context
from crmdesk.services.demo import generator
from tests.services.engines import references_unchecked, run_sql


@pytest.fixture
def book(db: Path, ctx: Context) -> Path:
    setup.ensure_defaults(ctx, "zh_CN")
    generator.generate(ctx, 30, seed=2)
    return db


sql = run_sql


def test_a_healthy_book_is_healthy(book: Path) -> None:
    report = check_database()
    assert report.healthy and not report.damage_remains


@pytest.mark.sqlite_only("an FTS5 index out of step with its table; PostgreSQL searches the table's own columns, "
                         "through GIN indexes the server keeps in step itself")
def test_a_stale_search_index_is_rebuilt(book: Path) -> None:
    sql("INSERT INTO customer_fts(customer_fts) VALUES ('delete-all')")
    report = check_database(repair=False)
    assert [f.params["index"] for f in report.findings] == ["customer_fts"] and report.damage_remains
    report = check_database()
    assert report.findings[0].repaired and not report.damage_remains
    assert "rebuilt" in report.findings[0].text()
    assert check_database().healthy
    live = sql("SELECT COUNT(*) FROM customer WHERE deleted_at IS NULL")
    assert sql("SELECT COUNT(*) FROM customer_fts_docsize") == live


def test_orphan_rows_are_cleared_or_reported(book: Path) -> None:
    with references_unchecked():
        customer = sql("SELECT id FROM customer LIMIT 1")[0][0]
        tag = sql("SELECT id FROM tag LIMIT 1")
        if not tag:
            sql("INSERT INTO tag (uid, stamp, name, color) VALUES ('t-x', 1, '临时', '')")
            tag = sql("SELECT id FROM tag LIMIT 1")
        sql("INSERT INTO customer_tag (customer_id, tag_id, stamp, deleted_at) VALUES (?, 987654, 1, NULL)",
            (customer,))
        sql("UPDATE customer SET owner_id = 424242 WHERE id = ?", (customer,))
        sql("INSERT INTO interaction (uid, stamp, customer_id, kind, occurred_at, summary, details) "
            "VALUES ('orphan-i', 1, 999999, 'call', 1, 'x', '')")
    report = check_database()
    by_table = {f.params["table"]: f for f in report.findings}
    assert by_table["customer"].repaired and by_table["customer_tag"].repaired
    assert not by_table["interaction"].repaired and report.damage_remains
    assert sql("SELECT owner_id FROM customer WHERE id = ?", (customer,)) == [(None,)]
    assert sql("SELECT COUNT(*) FROM customer_tag WHERE tag_id = 987654") == [(0,)]
    assert sql("SELECT COUNT(*) FROM interaction WHERE uid = 'orphan-i'") == [(1,)]


def test_wrong_kpi_totals_are_counted_afresh(book: Path) -> None:
    sql("UPDATE kpi_customer_tally SET customers = customers + 7")
    report = check_database()
    assert len(report.findings) == 1 and report.findings[0].repaired
    assert check_database().healthy
