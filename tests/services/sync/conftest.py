"""Several replicas at once: each a migrated SQLite file; services act on the bound one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from peewee import Database

from crmdesk.domain.clock import FixedClock
from crmdesk.services.context import Context
from crmdesk.services.setup import ensure_defaults
from crmdesk.services.sync.replicas import DatabaseReplica
from crmdesk.storage.database import close_database, open_database
from crmdesk.storage.models import database_proxy
from tests.conftest import FROZEN_AT


class Node:
    """One laptop: its database, clock, context and sync endpoint."""

    def __init__(self, path: Path, name: str, clock: FixedClock) -> None:
        self.db: Database = open_database(path)
        self.clock = clock
        self.ctx = Context(clock=clock)
        self.replica = DatabaseReplica(self.db, clock, name)

    def use(self) -> Context:
        database_proxy.initialize(self.db)
        return self.ctx


def make_nodes(tmp_path: Path, count: int, seed_first: bool = True) -> list[Node]:
    clock = FixedClock(FROZEN_AT)
    nodes = [Node(tmp_path / f"r{i}.sqlite", f"laptop{i}", clock) for i in range(count)]
    if seed_first:
        ensure_defaults(nodes[0].use())
    return nodes


@pytest.fixture
def nodes(tmp_path: Path) -> Iterator[list[Node]]:
    made = make_nodes(tmp_path, 3)
    yield made
    for n in made:
        n.db.close()
    close_database()
