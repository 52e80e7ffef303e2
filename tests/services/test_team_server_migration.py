"""Migration 13 on a book written before it: on PostgreSQL the search's trigram indexes and the
dashboard's running totals arrive, filled from the rows already there; on SQLite nothing changes
(it has had both since migrations 2, 6 and 10)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.filters import CustomerFilter
from crmdesk.services import customers, setup
from crmdesk.services.context import Context
from crmdesk.services.demo import generator
from crmdesk.storage import kpi, listing, migrations, schema
from crmdesk.storage.database import close_database, open_database
from crmdesk.storage.engine import is_sqlite
from tests.conftest import new_on_postgresql
from tests.services.engines import index_names


@pytest.fixture(params=["sqlite", "postgresql"])
def blank(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a new book can be made: a file path, or a blank database on the test server."""
    if request.param == "sqlite":
        yield str(tmp_path / "old.sqlite")
        close_database()
        return
    server, name = new_on_postgresql(request.getfixturevalue("pg_template"), migrated=False)
    yield f"{server.base()}/{name}"  # type: ignore[attr-defined]
    close_database()
    server.drop(name)  # type: ignore[attr-defined]


def test_a_book_from_before_migration_13_gets_its_search_and_totals(blank: str, ctx: Context,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "HEAD", 12)
        open_database(blank)
        setup.ensure_defaults(ctx, "zh_CN")
        generator.generate(ctx, 60, seed=4)
        customers.create_customer(ctx, CustomerInput(name="欧阳明", phone="13912345678"))
        before = kpi.customer_snapshot(scan=True)
        close_database()
    database = open_database(blank)
    assert schema.current_version(database) == migrations.HEAD == len(migrations.NAMES)
    assert kpi.has_rollups() and kpi.rollups_agree() and kpi.customer_snapshot() == before
    found = listing.customers(CustomerFilter(text="欧阳"), now_ms=ctx.now())
    assert found.count() == 1 and found.page("name", False, 0, 5)[0][1] == "欧阳明"
    assert listing.customers(CustomerFilter(text="2345"), now_ms=ctx.now()).count() == 1
    if not is_sqlite():
        assert len(index_names("customer_live_")) >= 12 and index_names("complaint_live_words")
    customers.create_customer(ctx, CustomerInput(name="欧阳华", email="ouyang@example.com"))
    assert kpi.rollups_agree() and kpi.customer_snapshot().total == before.total + 1
