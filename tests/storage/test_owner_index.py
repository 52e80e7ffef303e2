"""Migration 14: the account managers' indexes, analysed on a book that has customers."""

from __future__ import annotations

from pathlib import Path

from crmdesk.domain.customer import CustomerInput
from crmdesk.services import customers, setup
from crmdesk.services.context import Context
from crmdesk.storage import models as m
from crmdesk.storage.migrations import m0014_customer_owner_index as migration


def test_the_sort_indexes_carry_the_owner_and_are_analysed(db: Path, ctx: Context) -> None:
    setup.ensure_defaults(ctx, "en")
    for name in ("Ann", "Bob"):
        customers.create_customer(ctx, CustomerInput(name=name))
    database = m.database_proxy.obj
    migration.up(database)  # again, now on a book with customers (it is idempotent)
    columns = [row[2] for row in database.execute_sql("PRAGMA index_xinfo(customer_live_last_contact_at)")]
    assert columns[:3] == ["last_contact_at", "id", None]  # None: the COALESCE(owner_id, 0) expression
    analysed = {row[0] for row in database.execute_sql("SELECT idx FROM sqlite_stat1")}
    assert {"customer_live_owner", "customer_live_name_pinyin"} <= analysed
