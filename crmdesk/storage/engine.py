"""Which engine the models are bound to, and the few SQL spellings that differ between them.

SQLite (the embedded default) and PostgreSQL (the team server) run the same queries almost
everywhere; where they do not, the code asks here instead of testing the database class
itself, and the SQLite spelling stays exactly what it was (its fast paths are SQLite's own).
Raw SQL in this package is written with ``?`` placeholders; :func:`execute` passes it to the
driver in its own parameter style.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from peewee import SQL, Cast, Database, DatabaseProxy, Field, Node, SqliteDatabase, fn

from crmdesk.storage.models import database_proxy


def _current(db: Database | DatabaseProxy | None) -> Database | None:
    db = database_proxy if db is None else db
    return db.obj if isinstance(db, DatabaseProxy) else db


def is_sqlite(db: Database | DatabaseProxy | None = None) -> bool:
    return isinstance(_current(db), SqliteDatabase)


def is_postgresql(db: Database | DatabaseProxy | None = None) -> bool:
    from peewee import PostgresqlDatabase

    return isinstance(_current(db), PostgresqlDatabase)


def sql(text: str, db: Database | DatabaseProxy | None = None) -> str:
    """Raw SQL written with ``?`` placeholders, in the driver's own parameter style: on
    PostgreSQL (psycopg2's ``%s``) a literal ``%`` is doubled and each ``?`` becomes ``%s``.
    The text must hold no ``?`` of its own (in a string literal, say)."""
    if is_sqlite(db):
        return text
    return text.replace("%", "%%").replace("?", "%s")


def execute(text: str, params: Sequence[Any] = (), db: Database | DatabaseProxy | None = None) -> Any:
    """Run raw SQL written with ``?`` placeholders (see :func:`sql`); returns the cursor."""
    database = _current(db)
    return database.execute_sql(sql(text, database), tuple(params))


def raw(text: str, params: Sequence[Any] = ()) -> SQL:
    """A peewee SQL fragment from raw SQL with ``?`` placeholders (for ``IN (...)`` and the like)."""
    return SQL(sql(text), list(params))


def group_concat(expr: Node, separator: str = ",") -> Node:
    """The values of a group joined into one string (SQLite's GROUP_CONCAT, PostgreSQL's string_agg)."""
    if is_sqlite():
        return fn.GROUP_CONCAT(expr, separator)
    return fn.string_agg(Cast(expr, "text"), separator)


def count_where(condition: str) -> str:
    """An aggregate counting the rows of a group for which the SQL ``condition`` holds: SQLite
    sums the truth value itself, PostgreSQL (whose booleans do not add) filters a count."""
    if is_sqlite():
        return f"SUM({condition})"
    return f"COUNT(*) FILTER (WHERE {condition})"


def id_set(ids: Sequence[int]) -> SQL:
    """A subquery of the given ids, as one parameter however many there are (SQLite takes at
    most so many parameters in a statement)."""
    if is_sqlite():
        return SQL("(SELECT value FROM json_each(?))", [json.dumps(list(ids))])
    return SQL("(SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST(%s AS json)))",
               [json.dumps(list(ids))])


def like_escape(text: str) -> str:
    """``text`` for a LIKE pattern, its wildcards and the escape character taken literally
    (with ``ESCAPE '\\'``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def ordering(expr: Node, descending: bool, table: object = None) -> Node:
    """``expr`` in order with its NULLs where SQLite puts them (first when ascending, last when
    descending; PostgreSQL does the opposite by default), so pages and positions agree. A
    NOT NULL column of ``table`` itself (the listed model) keeps the plain form, which the
    server's indexes serve."""
    if is_sqlite() or (isinstance(expr, Field) and not expr.null and expr.model is table):
        return expr.desc() if descending else expr.asc()
    return expr.desc(nulls="LAST") if descending else expr.asc(nulls="FIRST")
