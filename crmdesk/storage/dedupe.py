"""Candidate duplicate pairs, found through grouping queries on the live-customer indexes."""

from __future__ import annotations

from collections.abc import Iterator

from peewee import SQL, fn

from crmdesk.domain import search
from crmdesk.domain.dedupe import Person
from crmdesk.storage import engine, text_search
from crmdesk.storage import models as m
from crmdesk.storage.name_key import ID_MASK

MAX_GROUP = 50  # a phone shared by more customers than this is a switchboard, not a duplicate


def _people(where) -> Iterator[Person]:  # noqa: ANN001 - a peewee expression
    c = m.Customer
    query = c.select(c.id, c.name, c.kind, c.phone_e164, c.email, c.city).where(c.deleted_at.is_null() & where)
    for row in query.tuples():
        yield Person(*row)


def people(ids: list[int]) -> list[Person]:
    """The customers with these ids (in chunks: SQLite takes so many parameters at most)."""
    out: list[Person] = []
    for start in range(0, len(ids), 900):
        out += _people(m.Customer.id.in_(ids[start:start + 900]))
    return out


def groups_by(column: str) -> Iterator[list[int]]:
    """Ids of live customers sharing a non-empty value of ``column`` (read from its index)."""
    c = m.Customer
    field = getattr(c, column)
    query = (c.select(engine.group_concat(c.id)).where(c.deleted_at.is_null() & (field != ""))
             .group_by(field).having(fn.COUNT(SQL("*")).between(2, MAX_GROUP)).tuples())
    for (ids,) in query:
        yield [int(i) for i in str(ids).split(",")]


def companies() -> Iterator[tuple[int, str]]:
    c = m.Customer
    yield from c.select(c.id, c.name).where(c.deleted_at.is_null() & (c.kind == "company")).tuples()


def candidates_for(phone_e164: str, email: str, name: str, exclude: int | None) -> list[Person]:
    """Live customers sharing the phone, the e-mail or the exact name (for entry-time warnings).

    Three look-ups, each on its own index (the exact name through the search index: there is
    no plain name index); an OR of them would make SQLite read the whole table.
    """
    c = m.Customer
    conditions = []
    if phone_e164:
        conditions.append(c.phone_e164 == phone_e164)
    if email:
        conditions.append(c.email == email.lower())
    words = search.words(name)
    if words:
        if engine.is_sqlite():
            phrase = '"' + " ".join(words).replace('"', '""') + '"'
            found = c.id.in_(SQL(f"(SELECT rowid & {ID_MASK} FROM customer_fts WHERE customer_fts MATCH ?)",
                                 [f"search_text : {phrase}"]))
        else:
            where, params = text_search.exact_name_condition(words)
            found = c.id.in_(engine.raw(f"(SELECT id FROM customer WHERE deleted_at IS NULL AND {where})", params))
        conditions.append(found & (c.name == name))
    found: dict[int, Person] = {}
    for condition in conditions:
        if exclude is not None:
            condition = condition & (c.id != exclude)
        for person in _people(condition):
            found.setdefault(person.id, person)
            if len(found) >= 200:
                break
    return list(found.values())
