"""Care tasks as an iCalendar file (RFC 5545) that calendar apps import: one event per task,
with a stable UID (re-importing updates instead of duplicating), all-day or at its time in
the local time zone (with its VTIMEZONE), the customer in the summary. Written atomically."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from crmdesk import __version__
from crmdesk.domain.clock import as_date
from crmdesk.services import policy
from crmdesk.services.context import Context
from crmdesk.services.exporting import write_atomically
from crmdesk.storage import care as queries

EVENT_MINUTES = 30


@dataclass(frozen=True)
class Words:
    """How a task reads (kind, stored title, due day → text); the app passes its translations."""

    text: Callable[[str, str, dt.date], str] = lambda kind, title, due: title or kind


def _local_zone():  # noqa: ANN202 - a tzinfo
    import tzlocal

    return tzlocal.get_localzone()


def export_tasks(ctx: Context, path: Path, start: dt.date | None, until: dt.date | None,
                 customer_id: int | None = None, words: Words | None = None) -> int:
    """Write the open tasks due in [start, until) (or a customer's) to ``path``; returns how many."""
    policy.require(ctx, policy.Permission.EXPORT)
    from icalendar import Calendar, Event

    words = words or Words()
    zone = _local_zone()
    calendar = Calendar()
    calendar.add("prodid", f"-//crmdesk//crmdesk {__version__}//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "crmdesk")
    stamp = dt.datetime.fromtimestamp(ctx.now() / 1000, dt.timezone.utc)
    fields = queries.TASK_FIELDS
    count = 0
    for page in queries.export_rows(start, until, customer_id):
        for row in page:
            task = dict(zip(fields, row, strict=True))
            due = as_date(task["due_on"])
            event = Event()
            event.add("uid", f"{task['uid']}@crmdesk")
            event.add("dtstamp", stamp)
            summary = words.text(task["kind"], task["title"], due)
            event.add("summary", f"{summary} · {task['customer']}" if task["customer"] else summary)
            if task["due_time"]:
                hour, minute = (int(x) for x in task["due_time"].split(":"))
                begins = dt.datetime.combine(due, dt.time(hour, minute), tzinfo=zone)
                event.add("dtstart", begins)
                event.add("dtend", begins + dt.timedelta(minutes=EVENT_MINUTES))
            else:
                event.add("dtstart", due)
                event.add("dtend", due + dt.timedelta(days=1))
            if task["notes"]:
                event.add("description", task["notes"])
            event.add("categories", [task["kind"]])
            calendar.add_component(event)
            count += 1
    calendar.add_missing_timezones()
    data = calendar.to_ical()
    write_atomically(Path(path), lambda part: part.write_bytes(data))
    return count
