"""The complaint summary of a period: counts by status, category and severity, the on-time
rate, resolution times and satisfaction, repeat complainers, and the complaints themselves
(read from storage a page at a time)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from crmdesk.domain.clock import today
from crmdesk.domain.errors import QT_TRANSLATE_NOOP
from crmdesk.domain.filters import ComplaintFilter
from crmdesk.reports.chart import BarChart
from crmdesk.reports.frame import ALERT, Page, Stream, prepare, render, section, title_block
from crmdesk.reports.periods import day_range, period_text
from crmdesk.reports.tables import Col, Continued, facts, grid, table
from crmdesk.reports.words import ReportWords
from crmdesk.services import policy
from crmdesk.services.context import Context
from crmdesk.services.progress import Progress, check

TITLE = QT_TRANSLATE_NOOP("report", "Complaint summary")
LIST_CHUNK = 150  # complaints per chunk: a table re-lays its rest on every page it splits over
STATUSES = ("new", "in_progress", "resolved", "closed", "reopened")
SEVERITIES = ("urgent", "high", "normal", "low")


def build_complaints(
    ctx: Context,
    start: dt.date | None = None,
    until: dt.date | None = None,
    words: ReportWords | None = None,
    paper: str = "a4",
    progress: Progress | None = None,
) -> bytes:
    """Complaints received on days in [start, until) (None: open-ended)."""
    policy.require(ctx, policy.Permission.EXPORT)
    from crmdesk.services import complaints
    from crmdesk.storage import exporting
    from crmdesk.storage.reports import complaint_status_counts

    words, progress, page = prepare(words, progress, paper)
    w = words.text
    since, before = day_range(start, until)
    stats = complaints.statistics(ctx, since, before)
    statuses = complaint_status_counts(since, before, policy.seen_by(ctx))
    check(progress)
    story: list[Any] = title_block(w(TITLE), period_text(start, until, words))
    story.append(
        facts(
            [
                (w(QT_TRANSLATE_NOOP("report", "Complaints received")), words.number(stats.total)),
                (w(QT_TRANSLATE_NOOP("report", "Resolved")), words.number(stats.resolved)),
                (w(QT_TRANSLATE_NOOP("report", "Resolved on time")), words.percent(stats.on_time_rate)),
                (
                    w(QT_TRANSLATE_NOOP("report", "Average time to resolve")),
                    _hours(stats.average_hours, words),
                ),
                (w(QT_TRANSLATE_NOOP("report", "90% resolved within")), _hours(stats.p90_hours, words)),
                (
                    w(QT_TRANSLATE_NOOP("report", "Average satisfaction")),
                    "—"
                    if stats.satisfaction is None
                    else w(QT_TRANSLATE_NOOP("report", "{score} of 5 ({rated} rated)")).format(
                        score=f"{stats.satisfaction:.1f}", rated=words.number(stats.rated)
                    ),
                ),
                (w(QT_TRANSLATE_NOOP("report", "Open now")), words.number(stats.open)),
                (w(QT_TRANSLATE_NOOP("report", "Overdue now")), words.number(stats.overdue)),
            ],
            page.width,
        )
    )
    story += _counts(statuses, stats, words, page)
    if stats.repeat:
        cols = [
            Col(w(QT_TRANSLATE_NOOP("report", "Customer")), 4),
            Col(w(QT_TRANSLATE_NOOP("report", "Complaints")), 1.5, "number"),
        ]
        story += [
            section(w(QT_TRANSLATE_NOOP("report", "Customers who complained more than once"))),
            table(cols, [[name, words.number(n)] for _cid, name, n in stats.repeat], page.width * 0.6),
        ]
    story.append(section(w(QT_TRANSLATE_NOOP("report", "The complaints"))))
    flt = ComplaintFilter(received_from=since, received_until=before)
    total, now = stats.total, ctx.now()

    def tables() -> Iterator[list[Any]]:
        done = 0
        for chunk in exporting.complaint_pages(flt, now):
            for first in range(0, len(chunk), LIST_CHUNK):
                check(progress)
                rows = chunk[first : first + LIST_CHUNK]
                yield [_list(rows, words, page, first=not done)]
                done += len(rows)
                progress.report(done, max(total, 1), "report")
        if not done:
            yield [_list([], words, page, first=True)]

    return render(Stream(story, tables()), w(TITLE), words, paper, today(ctx.clock), progress=progress)


def _hours(hours: float | None, words: ReportWords) -> str:
    if hours is None:
        return "—"
    if hours >= 48:
        return words.days(hours / 24)
    return words.text(QT_TRANSLATE_NOOP("report", "{hours} h")).format(hours=f"{hours:.1f}")


def _counts(statuses: dict[str, int], stats: Any, words: ReportWords, page: Page) -> list[Any]:
    w = words.text
    half = page.width / 2 - 6
    by_status = BarChart(
        [(words.status(s), statuses.get(s, 0)) for s in STATUSES],
        half,
        130,
        title=w(QT_TRANSLATE_NOOP("report", "By status")),
    )
    by_severity = BarChart(
        [(words.label(s), stats.by_severity.get(s, 0)) for s in SEVERITIES],
        half,
        130,
        title=w(QT_TRANSLATE_NOOP("report", "By severity")),
        colour=ALERT,
    )
    cols = [
        Col(w(QT_TRANSLATE_NOOP("report", "Category")), 3),
        Col(w(QT_TRANSLATE_NOOP("report", "Complaints")), 1.5, "number"),
        Col(w(QT_TRANSLATE_NOOP("report", "Share")), 1.5, "number"),
    ]
    share = max(stats.total, 1)
    rows = [
        [name or w(QT_TRANSLATE_NOOP("report", "No category")), words.number(n), words.percent(n / share)]
        for name, n in stats.by_category
    ]
    return [
        section(w(QT_TRANSLATE_NOOP("report", "Counts"))),
        grid([[by_status, by_severity]], [page.width / 2] * 2),
        section(w(QT_TRANSLATE_NOOP("report", "By category"))),
        table(cols, rows, page.width * 0.6),
    ]


def _list(rows: list[dict[str, Any]], words: ReportWords, page: Page, first: bool) -> Any:
    """A chunk of the complaint list: the table itself, or the rows that continue it."""
    w = words.text
    cols = [
        Col(w(QT_TRANSLATE_NOOP("report", "Received")), 2.2),
        Col(w(QT_TRANSLATE_NOOP("report", "Customer")), 2.2),
        Col(w(QT_TRANSLATE_NOOP("report", "Category")), 1.8),
        Col(w(QT_TRANSLATE_NOOP("report", "Severity")), 1.3),
        Col(w(QT_TRANSLATE_NOOP("report", "Status")), 1.5),
        Col(w(QT_TRANSLATE_NOOP("report", "Description")), 5, "wrap"),
        Col(w(QT_TRANSLATE_NOOP("report", "Satisfaction")), 1.3, "number"),
    ]
    body = [
        [
            words.stamp_date(r["received_at"]),
            r["customer"],
            r["category"] or "",
            words.label(r["severity"]),
            words.status(r["status"]),
            r["description"],
            "" if r["satisfaction"] is None else str(r["satisfaction"]),
        ]
        for r in rows
    ]
    if first:
        return table(cols, body, page.width)
    return Continued(cols, body, page.width, page.frame_height)
