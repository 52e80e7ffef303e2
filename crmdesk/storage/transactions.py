"""Transactions and low-level access for services that must not import peewee."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

from crmdesk.storage.models import database_proxy


def atomic() -> AbstractContextManager[Any]:
    """One transaction (a savepoint when nested)."""
    return database_proxy.atomic()


def is_sqlite() -> bool:
    from peewee import SqliteDatabase

    return isinstance(database_proxy.obj, SqliteDatabase)


def database_name() -> str:
    return str(database_proxy.database)
