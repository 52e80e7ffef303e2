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


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite"


@pytest.fixture
def db(db_path: Path) -> Iterator[Path]:
    """A fresh, migrated database bound to the models; yields its path."""
    open_database(db_path)
    yield db_path
    close_database()
    currency.set_current(currency.DEFAULT)  # a test that chose another currency leaves none behind


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(FROZEN_AT)


@pytest.fixture
def ctx(clock: FixedClock) -> Context:
    return Context(clock=clock)
