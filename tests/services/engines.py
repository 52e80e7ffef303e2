"""Raw SQL for the service tests that reach under the services (to break something on purpose or
to look at what was written), on whichever engine the test runs."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from crmdesk.storage import engine
from crmdesk.storage.models import database_proxy


def run_sql(text: str, params: tuple = ()) -> list[tuple]:
    """Run SQL written with ``?`` placeholders; the rows it returns ([] for a statement)."""
    cursor = engine.execute(text, params)
    return [tuple(row) for row in cursor.fetchall()] if cursor.description else []


def index_names(prefix: str) -> list[str]:
    """The names of the indexes whose names start with ``prefix``."""
    if engine.is_sqlite():
        sql = "SELECT name FROM sqlite_master WHERE type = 'index' AND substr(name, 1, length(?)) = ?"
    else:
        sql = "SELECT indexname FROM pg_indexes WHERE substr(indexname, 1, length(?)) = ?"
    return sorted(row[0] for row in run_sql(sql, (prefix, prefix)))


@contextmanager
def references_unchecked() -> Iterator[None]:
    """Let the statements inside leave references to rows that do not exist (as a damaged file or
    a careless tool would), on either engine."""
    if engine.is_sqlite():
        run_sql("PRAGMA foreign_keys = OFF")
    else:  # a superuser's session may skip the foreign keys' triggers
        run_sql("SET session_replication_role = replica")
    try:
        yield
    finally:
        run_sql("PRAGMA foreign_keys = ON" if engine.is_sqlite() else "SET session_replication_role = DEFAULT")


class _Collect(logging.Handler):
    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.DEBUG)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        if isinstance(record.msg, tuple) and record.msg and isinstance(record.msg[0], str):
            self.into.append(record.msg[0])


@contextmanager
def statements() -> Iterator[list[str]]:
    """The SQL statements run inside the block: SQLite's own trace of its connection, or on
    PostgreSQL every statement peewee sends (its query log)."""
    found: list[str] = []
    if engine.is_sqlite():
        connection = database_proxy.obj.connection()
        connection.set_trace_callback(found.append)
        try:
            yield found
        finally:
            connection.set_trace_callback(None)
        return
    logger = logging.getLogger("peewee")
    handler, level = _Collect(found), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield found
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
