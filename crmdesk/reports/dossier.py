"""A customer's dossier: profile, contacts, value (with a year of orders as a chart), recent
timeline, open deals, complaints and upcoming care tasks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from crmdesk.domain.clock import as_date, today
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, NotFoundError, ValidationError
from crmdesk.domain.money_words import amount_words
from crmdesk.reports.chart import BarChart
from crmdesk.reports.frame import Page, paragraph, prepare, render, section, title_block
from crmdesk.reports.tables import Col, facts, grid, table
from crmdesk.reports.words import ReportWords
from crmdesk.services import policy
from crmdesk.services.context import Context
from crmdesk.services.progress import Progress, check

TIMELINE_ROWS = 20
LIST_ROWS = 30  # deals, complaints and care tasks: the most recent or next ones
TITLE = QT_TRANSLATE_NOOP("report", "Customer dossier")


def find_customer(text: str) -> int:
    """The live customer a command line names: a numeric id, or a name or phone that matches
    exactly one."""
    from crmdesk.domain.phones import normalise
    from crmdesk.services.customers import get_live
    from crmdesk.storage.reports import customers_named

    text = text.strip()
    if text.isdigit():
        try:
            return get_live(int(text)).id
        except NotFoundError:
            pass  # a phone number written without spaces is digits too
    found = customers_named(text, normalise(text) if any(ch.isdigit() for ch in text) else "")
    if not found:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "No customer is called “{value}” or has that phone number."),
            value=text,
        )
    if len(found) > 1:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "More than one customer matches “{value}”; give the customer's number instead."
            ),
            field="customer",
            value=text,
        )
    return found[0]


def build_dossier(
    ctx: Context,
    customer_id: int,
    words: ReportWords | None = None,
    paper: str = "a4",
    progress: Progress | None = None,
) -> bytes:
    """The dossier of one customer as PDF bytes."""
    policy.require_customer(ctx, customer_id, change=False)
    words, progress, page = prepare(words, progress, paper)
    story = dossier_story(ctx, customer_id, words, page)
    check(progress)
    return render(story, words.text(TITLE), words, paper, today(ctx.clock), progress=progress)


def dossier_story(ctx: Context, customer_id: int, words: ReportWords, page: Page) -> list[Any]:
    """The flowables of one dossier (the benchmark puts many in one document)."""
    from reportlab.platypus import Spacer

    from crmdesk.services import customers, metrics

    row = customers.get_live(customer_id)
    w = words.text
    sub = [w(TITLE), words.label(row.kind), row.company, f"#{row.id}"]
    story = title_block(row.name, " · ".join(s for s in sub if s))
    story += _profile(row, customers.tag_names(customer_id), words, page)
    story += _contacts(customers.contacts_of(customer_id), words, page)
    story += _value(ctx, row, metrics.customer_metrics(ctx, customer_id), words, page)
    story += _timeline(customer_id, words, page)
    story += _deals(customer_id, words, page)
    story += _complaints(customer_id, words, page)
    story += _care(ctx, customer_id, words, page)
    story.append(Spacer(1, 4))
    return story


def birthday_text(row: Any, words: ReportWords) -> str:
    month, day, year = row.birth_month, row.birth_day, row.birth_year
    if month is None or day is None:
        return ""
    if row.birthday_calendar == "lunar":
        leap = words.text(QT_TRANSLATE_NOOP("report", "leap ")) if row.birth_leap_month else ""
        text = words.text(QT_TRANSLATE_NOOP("report", "Lunar {leap}{month}-{day}")).format(
            leap=leap, month=month, day=day
        )
        return f"{year} {text}" if year else text
    if year:
        try:
            return words.date(dt.date(year, month, day))
        except ValueError:
            pass
    return f"{month:02d}-{day:02d}"


def _profile(row: Any, tags: list[str], words: ReportWords, page: Page) -> list[Any]:
    w = words.text
    owner = row.owner.display_name if row.owner_id else ""
    pairs = [
        (w(QT_TRANSLATE_NOOP("report", "Phone")), row.phone),
        (w(QT_TRANSLATE_NOOP("report", "E-mail")), row.email),
        (w(QT_TRANSLATE_NOOP("report", "Company")), row.company),
        (w(QT_TRANSLATE_NOOP("report", "Job title")), row.title),
        (w(QT_TRANSLATE_NOOP("report", "City")), row.city),
        (w(QT_TRANSLATE_NOOP("report", "Address")), row.address),
        (w(QT_TRANSLATE_NOOP("report", "Category")), words.label(row.category)),
        (w(QT_TRANSLATE_NOOP("report", "Value tier")), words.label(row.tier)),
        (w(QT_TRANSLATE_NOOP("report", "Lifecycle stage")), words.label(row.stage)),
        (w(QT_TRANSLATE_NOOP("report", "Owner")), owner),
        (w(QT_TRANSLATE_NOOP("report", "Tags")), "，".join(tags) if words.chinese else ", ".join(tags)),
        (w(QT_TRANSLATE_NOOP("report", "Birthday")), birthday_text(row, words)),
        (w(QT_TRANSLATE_NOOP("report", "Source")), row.source),
        (w(QT_TRANSLATE_NOOP("report", "Customer since")), words.stamp_date(row.created_at)),
    ]
    shown = [(label, value or "—") for label, value in pairs]
    out = [section(w(QT_TRANSLATE_NOOP("report", "Profile"))), facts(shown, page.width)]
    if row.notes.strip():  # a paragraph of its own: notes can run longer than a page, a table cell cannot
        out += [paragraph(w(QT_TRANSLATE_NOOP("report", "Notes")), "label"), paragraph(row.notes.strip())]
    return out


def _contacts(contacts: list[Any], words: ReportWords, page: Page) -> list[Any]:
    if not contacts:
        return []
    w = words.text
    cols = [
        Col(w(QT_TRANSLATE_NOOP("report", "Name")), 3),
        Col(w(QT_TRANSLATE_NOOP("report", "Job title")), 3),
        Col(w(QT_TRANSLATE_NOOP("report", "Phone")), 3),
        Col(w(QT_TRANSLATE_NOOP("report", "E-mail")), 4),
    ]
    rows = [[c.name + (" ★" if c.is_primary else ""), c.title, c.phone, c.email] for c in contacts]
    return [section(w(QT_TRANSLATE_NOOP("report", "Contacts"))), table(cols, rows, page.width)]


def _months_back(day: dt.date, count: int) -> list[dt.date]:
    first = day.replace(day=1)
    months = []
    for back in range(count - 1, -1, -1):
        year, month = divmod(first.year * 12 + first.month - 1 - back, 12)
        months.append(dt.date(year, month + 1, 1))
    return months


def _value(ctx: Context, row: Any, found: Any, words: ReportWords, page: Page) -> list[Any]:
    from crmdesk.storage.reports import order_months

    w = words.text
    never = w(QT_TRANSLATE_NOOP("report", "never"))
    ltv = found.lifetime_value_cents
    pairs = [
        (
            w(QT_TRANSLATE_NOOP("report", "RFM scores")),
            w(QT_TRANSLATE_NOOP("report", "R {r} · F {f} · M {m}")).format(
                r=found.recency, f=found.frequency, m=found.monetary
            ),
        ),
        (w(QT_TRANSLATE_NOOP("report", "Orders")), words.number(row.order_count)),
        (w(QT_TRANSLATE_NOOP("report", "Lifetime value")), words.money(ltv)),
        (w(QT_TRANSLATE_NOOP("report", "In capitals")), amount_words(ltv)),
        (
            w(QT_TRANSLATE_NOOP("report", "Days since last contact")),
            never if found.days_since_contact is None else words.number(found.days_since_contact),
        ),
        (
            w(QT_TRANSLATE_NOOP("report", "Days since last order")),
            never if found.days_since_order is None else words.number(found.days_since_order),
        ),
    ]
    months = _months_back(today(ctx.clock), 12)
    until = dt.date(months[-1].year + months[-1].month // 12, months[-1].month % 12 + 1, 1)
    sums = order_months(row.id, months[0], until)
    bars = [(words.short_month(m), sums.get(m.isoformat()[:7], 0) / 100) for m in months]
    chart = BarChart(
        bars,
        page.width * 0.5,
        120,
        words.compact,
        w(QT_TRANSLATE_NOOP("report", "Order amounts per month, last 12 months")),
    )
    side = grid([[facts(pairs, page.width * 0.48, columns=1), chart]], [page.width * 0.5] * 2)
    return [section(w(QT_TRANSLATE_NOOP("report", "Value"))), side]


def _event_text(event: Any, words: ReportWords) -> tuple[str, str]:
    w = words.text
    if event.source == "interaction":
        return words.interaction(event.kind), event.title + (f"\n{event.detail}" if event.detail else "")
    if event.source == "order":
        return w(QT_TRANSLATE_NOOP("report", "Order {amount}")).format(
            amount=words.money(int(event.detail))
        ), event.title
    if event.source == "deal":
        return w(QT_TRANSLATE_NOOP("report", "Deal → {stage}")).format(stage=event.detail), event.title
    if event.source == "complaint":
        return w(QT_TRANSLATE_NOOP("report", "Complaint ({status})")).format(
            status=words.status(event.kind)
        ), event.title
    return w(QT_TRANSLATE_NOOP("report", "Done: {kind}")).format(kind=words.label(event.kind)), event.title


def _timeline(customer_id: int, words: ReportWords, page: Page) -> list[Any]:
    from crmdesk.services import timeline

    w = words.text
    events = timeline.next_page(timeline.TimelineCursor(customer_id), TIMELINE_ROWS)
    cols = [
        Col(w(QT_TRANSLATE_NOOP("report", "When")), 2.2),
        Col(w(QT_TRANSLATE_NOOP("report", "What")), 2.6),
        Col(w(QT_TRANSLATE_NOOP("report", "Details")), 6, "wrap"),
    ]
    rows = []
    for event in events:
        what, detail = _event_text(event, words)
        when = words.stamp_date(event.at_ms) if event.source == "order" else words.stamp_minutes(event.at_ms)
        rows.append([when, what, detail])
    return [section(w(QT_TRANSLATE_NOOP("report", "Recent timeline"))), table(cols, rows, page.width)]


def _deals(customer_id: int, words: ReportWords, page: Page) -> list[Any]:
    from crmdesk.storage.reports import open_deals

    w = words.text
    cols = [
        Col(w(QT_TRANSLATE_NOOP("report", "Deal")), 5, "wrap"),
        Col(w(QT_TRANSLATE_NOOP("report", "Stage")), 2.4),
        Col(w(QT_TRANSLATE_NOOP("report", "Amount")), 2.4, "number"),
        Col(w(QT_TRANSLATE_NOOP("report", "Probability")), 1.6, "number"),
        Col(w(QT_TRANSLATE_NOOP("report", "Expected close")), 2.2),
    ]
    rows = [
        [title, stage, words.money(cents), f"{prob}%", words.short_date(as_date(close))]
        for title, stage, cents, prob, close in open_deals(customer_id, LIST_ROWS)
    ]
    return [section(w(QT_TRANSLATE_NOOP("report", "Open deals"))), table(cols, rows, page.width)]


def _complaints(customer_id: int, words: ReportWords, page: Page) -> list[Any]:
    from crmdesk.storage.reports import complaints_of

    w = words.text
    cols = [
        Col(w(QT_TRANSLATE_NOOP("report", "Received")), 2.2),
        Col(w(QT_TRANSLATE_NOOP("report", "Category")), 2),
        Col(w(QT_TRANSLATE_NOOP("report", "Severity")), 1.4),
        Col(w(QT_TRANSLATE_NOOP("report", "Status")), 1.6),
        Col(w(QT_TRANSLATE_NOOP("report", "Description")), 5, "wrap"),
        Col(w(QT_TRANSLATE_NOOP("report", "Satisfaction")), 1.4, "number"),
    ]
    rows = [
        [
            words.stamp_date(at),
            category or "",
            words.label(severity),
            words.status(status),
            text,
            "" if score is None else str(score),
        ]
        for at, category, severity, status, text, score in complaints_of(customer_id, LIST_ROWS)
    ]
    return [section(w(QT_TRANSLATE_NOOP("report", "Complaints"))), table(cols, rows, page.width)]


def _care(ctx: Context, customer_id: int, words: ReportWords, page: Page) -> list[Any]:
    from crmdesk.services import care

    w = words.text
    cols = [
        Col(w(QT_TRANSLATE_NOOP("report", "Due")), 2),
        Col(w(QT_TRANSLATE_NOOP("report", "Kind")), 2.4),
        Col(w(QT_TRANSLATE_NOOP("report", "Task")), 5, "wrap"),
        Col(w(QT_TRANSLATE_NOOP("report", "Assigned to")), 2),
    ]
    tasks = care.tasks(ctx, today(ctx.clock), None, customer_id=customer_id, limit=LIST_ROWS)
    rows = [[words.short_date(t.due_on), words.label(t.kind), t.title, t.assignee] for t in tasks]
    return [section(w(QT_TRANSLATE_NOOP("report", "Upcoming care tasks"))), table(cols, rows, page.width)]
