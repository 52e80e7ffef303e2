"""Small lists the forms and filters choose from: users, tags, cities."""

from __future__ import annotations

from crmdesk.storage import counts
from crmdesk.storage import models as m


def users() -> list[tuple[int, str]]:
    query = m.User.select(m.User.id, m.User.display_name).where(m.User.deleted_at.is_null() & m.User.active)
    return [(u.id, u.display_name) for u in query.order_by(m.User.display_name)]


def tags() -> list[tuple[int, str]]:
    query = m.Tag.select(m.Tag.id, m.Tag.name).where(m.Tag.deleted_at.is_null())
    return [(t.id, t.name) for t in query.order_by(m.Tag.name)]


def cities(limit: int = 200) -> list[str]:
    """The distinct cities on file (a deleted customer's city may be among them)."""
    return counts.distinct_cities(limit)
