"""Laptops syncing through a team server on PostgreSQL: the same engine with a PostgreSQL
database as the peer (needs the test server; CI installs it)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from crmdesk.domain.clock import FixedClock
from crmdesk.domain.customer import CustomerInput
from crmdesk.services import customers
from crmdesk.services.setup import ensure_defaults
from crmdesk.services.sync.engine import sync
from crmdesk.storage import models as m
from crmdesk.storage.database import close_database
from tests.conftest import FROZEN_AT, new_on_postgresql
from tests.services.sync.conftest import Node
from tests.services.sync.helpers import orders_and_contacts_on_two_laptops, snapshot


@pytest.fixture
def team(tmp_path: Path, pg_template) -> Iterator[tuple[Node, Node, Node]]:  # noqa: ANN001
    server, name = new_on_postgresql(pg_template)
    clock = FixedClock(FROZEN_AT)
    laptop1 = Node(tmp_path / "laptop1.sqlite", "laptop1", clock)
    ensure_defaults(laptop1.use())
    hub = Node(f"{server.base()}/{name}", "server", clock)  # type: ignore[arg-type, attr-defined]
    laptop2 = Node(tmp_path / "laptop2.sqlite", "laptop2", clock)
    yield laptop1, hub, laptop2
    for node in (laptop1, hub, laptop2):
        node.db.close()
    close_database()
    server.drop(name)  # type: ignore[attr-defined]


def test_two_laptops_meet_through_the_postgresql_server(team: tuple[Node, Node, Node]) -> None:
    laptop1, hub, laptop2 = team
    cid, _ = customers.create_customer(laptop1.use(), CustomerInput(name="张三", phone="13812345678", tags=["VIP"]))
    uid = m.Customer.get_by_id(cid).uid
    first = sync(laptop1.replica, hub.replica)
    assert first.sent > 0 and first.conflicts == 0
    sync(laptop2.replica, hub.replica)  # a new laptop gets the whole book from the server
    assert snapshot(laptop2.db) == snapshot(laptop1.db)

    laptop1.clock.advance(seconds=5)
    ctx = laptop2.use()
    row = m.Customer.get(m.Customer.uid == uid)
    customers.update_customer(ctx, row.id, replace(customers.load_input(row.id), city="杭州"))
    laptop1.clock.advance(seconds=5)
    ctx = laptop1.use()
    row = m.Customer.get(m.Customer.uid == uid)
    customers.update_customer(ctx, row.id, replace(customers.load_input(row.id), phone="13900000000"))
    sync(laptop2.replica, hub.replica)
    sync(laptop1.replica, hub.replica)
    sync(laptop2.replica, hub.replica)
    for node in (laptop1, laptop2, hub):
        node.use()
        row = m.Customer.get(m.Customer.uid == uid)
        assert (row.city, row.phone) == ("杭州", "13900000000"), node.replica
    assert snapshot(laptop1.db) == snapshot(laptop2.db)


def test_orders_on_two_laptops_are_all_counted_through_the_postgresql_server(team: tuple[Node, Node, Node]) -> None:
    laptop1, hub, laptop2 = team
    orders_and_contacts_on_two_laptops(laptop1, laptop2, hub)
