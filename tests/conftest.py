"""Fixtures shared by every test: an isolated home folder and a fresh database per test."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from crmdesk.domain import currency
from crmdesk.domain.clock import FixedClock
from crmdesk.services.context import Context
from crmdesk.storage.database import close_database, open_database

# A Monday, mid-afternoon local time.
FROZEN_AT = dt.datetime(2026, 11, 23, 15, 30)


@pytest.fixture(autouse=True)
def crmdesk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep settings, locks and the default database of every test in its own folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("CRMDESK_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def default_currency() -> Iterator[None]:
    """Every test starts in the default currency, whichever fixtures it uses: the currency is
    process state that a test choosing another one (through a window, say) would leave behind."""
    currency.set_current(currency.DEFAULT)
    yield
    currency.set_current(currency.DEFAULT)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite"


@pytest.fixture
def db(db_path: Path) -> Iterator[Path]:
    """A fresh, migrated database bound to the models; yields its path."""
    open_database(db_path)
    yield db_path
    close_database()


@pytest.fixture(scope="session")
def pg_template() -> Iterator[tuple[object, str] | None]:
    """A PostgreSQL server for the run (see tests/pg_server.py) and a migrated template database
    on it, or None where there is none."""
    from tests import pg_server

    server = pg_server.start()
    if server is None:
        yield None
        return
    name = server.new_database()
    open_database(f"{server.base()}/{name}")
    close_database()
    try:
        yield server, name
    finally:
        server.drop(name)
        server.close()


def new_on_postgresql(pg_template: tuple[object, str] | None, migrated: bool = True) -> tuple[object, str]:
    """A fresh database on the test server (a copy of the migrated template, or blank); or a
    skip (a failure under CI, which installs PostgreSQL) where there is no server."""
    import os

    if pg_template is None:
        message = "no PostgreSQL server here (install the Debian package postgresql, or set CRMDESK_TEST_PG)"
        if os.environ.get("CI", "").lower() not in ("", "0", "false"):
            pytest.fail(message + "; CI must run the PostgreSQL half of the suite")
        pytest.skip(message)
    server, template = pg_template
    return server, server.new_database(template if migrated else None)  # type: ignore[attr-defined]


def open_on_postgresql(pg_template: tuple[object, str] | None) -> tuple[object, str]:
    """A fresh database on the test server (a copy of the template), opened (see new_on_postgresql)."""
    server, name = new_on_postgresql(pg_template)
    open_database(f"{server.base()}/{name}")  # type: ignore[attr-defined]
    return server, name


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(FROZEN_AT)


@pytest.fixture
def ctx(clock: FixedClock) -> Context:
    return Context(clock=clock)
