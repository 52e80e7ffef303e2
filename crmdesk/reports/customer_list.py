"""The customers a filter selects, one line each, read from storage a page at a time.

The page lies on its side, so that ten columns leave room for whole names and phone numbers.
Rows are one line high (long values are cut with "…"), so how many fit on a page is known
before layout: every page gets a table of exactly that many rows under its own header, the
page count is known up front ("page X of Y" without keeping pages in memory), and the story
is fed to reportlab a chunk at a time. Memory stays flat however long the list is.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from crmdesk.domain.clock import today
from crmdesk.domain.errors import QT_TRANSLATE_NOOP
from crmdesk.domain.filters import CustomerFilter
from crmdesk.reports.frame import Page, Stream, prepare, render, title_block
from crmdesk.reports.tables import Col, table
from crmdesk.reports.words import ReportWords
from crmdesk.services import policy
from crmdesk.services.context import Context
from crmdesk.services.progress import Progress, check

TITLE = QT_TRANSLATE_NOOP("report", "Customer list")
ROW_HEIGHT = 14.0


def _columns(words: ReportWords) -> list[Col]:
    w = words.text
    return [
        Col(w(QT_TRANSLATE_NOOP("report", "Name")), 3.4),
        Col(w(QT_TRANSLATE_NOOP("report", "Phone")), 2.6),
        Col(w(QT_TRANSLATE_NOOP("report", "City")), 1.2),
        Col(w(QT_TRANSLATE_NOOP("report", "Category")), 1.5),
        Col(w(QT_TRANSLATE_NOOP("report", "Value tier")), 1.6),
        Col(w(QT_TRANSLATE_NOOP("report", "Lifecycle stage")), 1.8),
        Col(w(QT_TRANSLATE_NOOP("report", "Owner")), 1.3),
        Col(w(QT_TRANSLATE_NOOP("report", "Last contact")), 2),
        Col(w(QT_TRANSLATE_NOOP("report", "Orders")), 1.2, "number"),
        Col(w(QT_TRANSLATE_NOOP("report", "Total spent")), 2.3, "number"),
    ]


def _row(row: dict[str, Any], words: ReportWords) -> list[object]:
    return [
        row["name"],
        row["phone"],
        row["city"],
        words.label(row["category"]),
        words.label(row["tier"]),
        words.label(row["stage"]),
        row["owner"] or "",
        words.stamp_date(row["last_contact_at"]),
        words.number(row["order_count"]),
        words.money(row["order_total_cents"]),
    ]


def describe(flt: CustomerFilter, count: int, words: ReportWords) -> str:
    parts = [words.text(QT_TRANSLATE_NOOP("report", "{count} customers")).format(count=f"{count:,}")]
    if flt.text.strip():
        parts.append(words.text(QT_TRANSLATE_NOOP("report", "search “{text}”")).format(text=flt.text.strip()))
    if flt.ids:
        parts.append(words.text(QT_TRANSLATE_NOOP("report", "selected customers")))
    elif not flt.with_text("").is_empty:
        parts.append(words.text(QT_TRANSLATE_NOOP("report", "filtered")))
    return " · ".join(parts)


def rows_per_page(page: Page, intro_height: float) -> tuple[int, int]:
    """Data rows on the first page (under the title) and on every later page."""
    usable = page.frame_height - 0.5  # half a point spare against rounding
    first = int((usable - intro_height) // ROW_HEIGHT) - 1  # less the header row
    later = int(usable // ROW_HEIGHT) - 1
    return max(first, 1), later


def build_customer_list(
    ctx: Context,
    flt: CustomerFilter | None = None,
    words: ReportWords | None = None,
    paper: str = "a4",
    progress: Progress | None = None,
) -> bytes:
    """The customer list of ``flt`` (the archive's filter and search) as PDF bytes."""
    policy.require(ctx, policy.Permission.EXPORT)
    from crmdesk.storage import exporting, listing

    flt = flt or CustomerFilter()
    words, progress, page = prepare(words, progress, paper, landscape=True)
    now, day = ctx.now(), today(ctx.clock)
    total = listing.customers(flt, now, day).count()
    title = words.text(TITLE)
    intro = title_block(title, describe(flt, total, words))
    intro_height = sum(
        f.wrap(page.width, page.height)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in intro
    )
    first, later = rows_per_page(page, intro_height)
    pages = 1 + (-(-max(total - first, 0) // later))
    cols = _columns(words)

    def tables() -> Iterator[list[Any]]:
        done, size, buffer = 0, first, []
        for chunk in exporting.customer_pages(flt, now, day):
            check(progress)
            buffer.extend(chunk)
            while len(buffer) >= size:  # a full page
                rows, buffer = buffer[:size], buffer[size:]
                yield [table(cols, [_row(r, words) for r in rows], page.width, ROW_HEIGHT)]
                done, size = done + len(rows), later
                progress.report(done, total, "report")
                check(progress)
        if buffer or not done:
            yield [table(cols, [_row(r, words) for r in buffer], page.width, ROW_HEIGHT)]
        progress.report(total, total, "report")

    return render(Stream(intro, tables()), title, words, paper, day, total_pages=pages, landscape=True)
