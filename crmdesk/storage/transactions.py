"""Transactions and low-level access for services that must not import peewee."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from crmdesk.domain.errors import DiskFullError, is_disk_full
from crmdesk.storage.models import database_proxy


@contextmanager
def atomic() -> Iterator[Any]:
    """One transaction (a savepoint when nested).

    A full disk (or a database at its size limit) rolls the transaction back and is raised as
    :class:`DiskFullError`, a sentence for the user instead of the driver's text.
    """
    try:
        with database_proxy.atomic() as txn:
            yield txn
    except DiskFullError:
        raise
    except Exception as exc:
        if is_disk_full(exc):
            raise DiskFullError() from exc
        raise


def is_sqlite() -> bool:
    from crmdesk.storage import engine

    return engine.is_sqlite()


def database_name() -> str:
    return str(database_proxy.database)
