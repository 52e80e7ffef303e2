"""The service tests run on both engines: SQLite (the embedded default) and PostgreSQL (the team
server). A test that is about SQLite alone says so with ``@pytest.mark.sqlite_only(reason)``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crmdesk.storage.database import close_database, open_database
from tests.conftest import open_on_postgresql


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, db_path: Path) -> Iterator[Path | str]:
    """A fresh, migrated database bound to the models, on each engine in turn; yields its path
    (SQLite) or URL (PostgreSQL)."""
    if request.param == "sqlite":
        open_database(db_path)
        yield db_path
    else:
        only = request.node.get_closest_marker("sqlite_only")
        if only is not None:
            pytest.skip(f"SQLite only: {only.args[0]}")
        server, name = open_on_postgresql(request.getfixturevalue("pg_template"))
        yield f"{server.base()}/{name}"  # type: ignore[attr-defined]
        close_database()
        server.drop(name)  # type: ignore[attr-defined]
    close_database()
