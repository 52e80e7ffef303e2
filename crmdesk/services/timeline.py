"""A customer's timeline, newest first, a page at a time (merging every source)."""

from __future__ import annotations

from dataclasses import dataclass, field

from crmdesk.storage import timeline
from crmdesk.storage.timeline import Event

PAGE = 50


@dataclass
class TimelineCursor:
    """How far each source has been read; a fresh cursor starts at the newest event."""

    customer_id: int
    consumed: dict[str, int] = field(default_factory=lambda: dict.fromkeys(timeline.SOURCES, 0))
    exhausted: bool = False


def next_page(cursor: TimelineCursor, limit: int = PAGE) -> list[Event]:
    """The next ``limit`` events after what ``cursor`` has given (advancing it)."""
    if cursor.exhausted:
        return []
    candidates: list[Event] = []
    drained = True  # every source gave less than asked: nothing is left beyond these
    for name, read in timeline.SOURCES.items():
        rows = read(cursor.customer_id, cursor.consumed[name], limit)
        drained = drained and len(rows) < limit
        candidates += rows
    candidates.sort(key=lambda e: (e.at_ms, e.record_id), reverse=True)
    page = candidates[:limit]
    for event in page:
        cursor.consumed[event.source] += 1
    if drained and len(candidates) <= limit:
        cursor.exhausted = True
    return page
