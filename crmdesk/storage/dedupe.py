"""Candidate duplicate pairs, found through grouping queries on the live-customer indexes."""

from __future__ import annotations

from collections.abc import Iterator

from peewee import SQL, fn

from crmdesk.domain import search
from crmdesk.domain.dedupe import Person
from crmdesk.storage import models as m

MAX_GROUP = 50  # a phone shared by more customers than this is a switchboard, not a duplicate


def _people(where) -> Iterator[Person]:  # noqa: ANN001 - a peewee expression
    c = m.Customer
    query = c.select(c.id, c.name, c.kind, c.phone_e164, c.email, c.city).where(c.deleted_at.is_null() & where)
    for row in query.tuples():
        yield Person(*row)


def people(ids: list[int]) -> list[Person]:
    return list(_people(m.Customer.id.in_(ids))) if ids else []


def groups_by(column: str) -> Iterator[list[int]]:
    """Ids of live customers sharing a non-empty value of ``column`` (read from its index)."""
    c = m.Customer
    field = getattr(c, column)
    query = (c.select(fn.GROUP_CONCAT(c.id)).where(c.deleted_at.is_null() & (field != ""))
             .group_by(field).having(fn.COUNT(SQL("*")).between(2, MAX_GROUP)).tuples())
    for (ids,) in query:
        yield [int(i) for i in str(ids).split(",")]


def companies() -> Iterator[tuple[int, str]]:
    c = m.Customer
    yield from c.select(c.id, c.name).where(c.deleted_at.is_null() & (c.kind == "company")).tuples()


def same_name_same_city() -> Iterator[list[int]]:
    c = m.Customer
    query = (c.select(fn.GROUP_CONCAT(c.id)).where(c.deleted_at.is_null() & (c.city != ""))
             .group_by(c.name, c.city).having(fn.COUNT(SQL("*")).between(2, MAX_GROUP)).tuples())
    for (ids,) in query:
        yield [int(i) for i in str(ids).split(",")]


def candidates_for(phone_e164: str, email: str, name: str, exclude: int | None) -> list[Person]:
    """Live customers sharing the phone, the e-mail or the exact name (for entry-time warnings)."""
    c = m.Customer
    where = None
    words = search.words(name)
    by_name = None
    if words:  # the exact name, found through the search index (there is no plain name index)
        phrase = '"' + " ".join(words).replace('"', '""') + '"'
        by_name = c.id.in_(SQL("(SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?)",
                               [f"search_text : {phrase}"])) & (c.name == name)
    for cond in ((c.phone_e164 == phone_e164) if phone_e164 else None,
                 (c.email == email.lower()) if email else None,
                 by_name):
        if cond is not None:
            where = cond if where is None else (where | cond)
    if where is None:
        return []
    if exclude is not None:
        where = where & (c.id != exclude)
    return list(_people(where))[:200]
