"""The demo generator: realistic, consistent, reproducible, all or nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crmdesk.domain.clock import FixedClock
from crmdesk.domain.errors import ValidationError
from crmdesk.services.context import Context
from crmdesk.services.demo import generator
from crmdesk.services.progress import Cancelled
from crmdesk.storage import health
from crmdesk.storage import models as m
from crmdesk.storage.database import close_database, open_database
from tests.conftest import FROZEN_AT
from tests.services.engines import index_names


def _dump(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    rows = []
    for table in generator.TABLES:
        rows += [(table, *r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]
    conn.close()
    return rows


def _make(path: Path, seed: int) -> None:
    open_database(path)
    generator.generate(Context(clock=FixedClock(FROZEN_AT)), 400, seed=seed)
    close_database()


def test_same_seed_same_data(tmp_path: Path) -> None:
    _make(tmp_path / "a.sqlite", 7)
    _make(tmp_path / "b.sqlite", 7)
    _make(tmp_path / "c.sqlite", 8)
    assert _dump(tmp_path / "a.sqlite") == _dump(tmp_path / "b.sqlite")
    assert _dump(tmp_path / "a.sqlite") != _dump(tmp_path / "c.sqlite")


def test_data_is_consistent(db: Path, ctx: Context) -> None:
    summary = generator.generate(ctx, 1500, seed=3)
    assert summary.customers == m.Customer.select().count() == 1500
    database = m.Customer._meta.database
    assert health.orphans() == []  # PRAGMA foreign_key_check on SQLite
    assert health.sqlite_check() == []  # PRAGMA integrity_check there
    # Derived columns agree with the rows they summarise.
    mismatched = database.execute_sql(
        "SELECT COUNT(*) FROM customer c WHERE order_count != (SELECT COUNT(*) FROM sale_order o WHERE o.customer_id = c.id)"
        " OR order_total_cents != (SELECT COALESCE(SUM(amount_cents), 0) FROM sale_order o WHERE o.customer_id = c.id)"
        " OR COALESCE(last_contact_at, 0) != (SELECT COALESCE(MAX(occurred_at), 0) FROM interaction i WHERE i.customer_id = c.id)"
    ).fetchone()[0]
    assert mismatched == 0
    # Realistic: mostly Chinese names, some English; every stage and status is present.
    names = [c.name for c in m.Customer.select(m.Customer.name)]
    chinese = sum(1 for n in names if "\u4e00" <= n[0] <= "\u9fff")
    assert 0.8 < chinese / len(names) < 0.99
    assert {o.stage.kind for o in m.Opportunity.select()} == {"open", "won", "lost"}
    assert {c.status for c in m.Complaint.select()} >= {"new", "in_progress", "resolved", "closed"}
    assert summary.interactions > summary.customers and summary.orders > summary.customers
    # Indexes deferred during the load are back.
    assert len(index_names("customer_live_")) >= 10


def test_adding_twice_keeps_ids_unique(db: Path, ctx: Context) -> None:
    generator.generate(ctx, 50, seed=1)
    generator.generate(ctx, 50, seed=1)
    assert m.Customer.select().count() == 100
    assert m.Customer.select(m.Customer.uid).distinct().count() == 100


class _CancelAfter:
    def __init__(self, chunks: int) -> None:
        self.reports = 0
        self.chunks = chunks

    def report(self, done: int, total: int, stage: str = "") -> None:
        self.reports += 1

    def cancelled(self) -> bool:
        return self.reports >= self.chunks


def test_cancel_leaves_nothing_behind(db: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generator, "CHUNK", 100)
    with pytest.raises(Cancelled):
        generator.generate(ctx, 1000, progress=_CancelAfter(3))
    assert m.Customer.select().count() == 0
    assert m.Interaction.select().count() == 0
    assert len(index_names("customer_live_")) >= 10


@pytest.mark.parametrize("count", [0, -5, generator.MAX_CUSTOMERS + 1])
def test_bad_count(db: Path, ctx: Context, count: int) -> None:
    with pytest.raises(ValidationError):
        generator.generate(ctx, count)
