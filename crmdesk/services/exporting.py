"""Exports to .xlsx and .csv: real spreadsheets, streamed, written atomically.

A workbook gets a styled header row, frozen panes, an auto-filter, fitted column widths,
dates as dates, money as numbers in a currency format and phone numbers as text. Text that a
spreadsheet would run as a formula stays text, control characters go, cells are capped at
Excel's limit. Rows are read and written a page at a time (openpyxl's write-only mode), so
memory does not grow with the export, and the file appears only when complete: a failure or
a cancel leaves nothing behind.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crmdesk.domain.cells import EXCEL_MAX_ROWS, clean_text, csv_text, looks_like_formula
from crmdesk.domain.clock import as_date, from_ms, today
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, CrmError, ValidationError
from crmdesk.domain.filters import ComplaintFilter, CustomerFilter, DealFilter
from crmdesk.domain.pipeline import days_between, weighted_cents
from crmdesk.services.context import Context
from crmdesk.services.progress import NoProgress, Progress, check

FORMATS = ("xlsx", "csv")
CONTEXT = "export"
MONEY_FORMAT = '"¥"#,##0.00'
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"


class Vocabulary:
    """Words of an export: column headers and the labels of stored values. This one is
    English; the app and the command line pass one that translates."""

    def header(self, text: str) -> str:
        return text

    def label(self, value: str) -> str:
        return value

    def channel(self, value: str) -> str:
        return value

    def status(self, value: str) -> str:
        """A complaint status."""
        return value


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # marked for translation in the "export" context
    kind: str = "text"  # text, label, money, datetime, date, number
    width: int = 12  # in characters, a starting point that the data may widen


CUSTOMER_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("export", "Name"), width=14),
    Column("kind", QT_TRANSLATE_NOOP("export", "Kind"), "label", 8),
    Column("company", QT_TRANSLATE_NOOP("export", "Company"), width=20),
    Column("title", QT_TRANSLATE_NOOP("export", "Job title"), width=10),
    Column("phone", QT_TRANSLATE_NOOP("export", "Phone"), width=16),
    Column("email", QT_TRANSLATE_NOOP("export", "E-mail"), width=22),
    Column("city", QT_TRANSLATE_NOOP("export", "City"), width=8),
    Column("address", QT_TRANSLATE_NOOP("export", "Address"), width=24),
    Column("category", QT_TRANSLATE_NOOP("export", "Category"), "label", 8),
    Column("tier", QT_TRANSLATE_NOOP("export", "Value tier"), "label", 8),
    Column("stage", QT_TRANSLATE_NOOP("export", "Lifecycle stage"), "label", 8),
    Column("owner", QT_TRANSLATE_NOOP("export", "Owner"), width=8),
    Column("tags", QT_TRANSLATE_NOOP("export", "Tags"), width=14),
    Column("birthday", QT_TRANSLATE_NOOP("export", "Birthday"), "date", 12),
    Column("source", QT_TRANSLATE_NOOP("export", "Source"), width=8),
    Column("last_contact_at", QT_TRANSLATE_NOOP("export", "Last contact"), "datetime", 16),
    Column("order_count", QT_TRANSLATE_NOOP("export", "Orders"), "number", 6),
    Column("order_total_cents", QT_TRANSLATE_NOOP("export", "Total spent"), "money", 14),
    Column("created_at", QT_TRANSLATE_NOOP("export", "Created"), "datetime", 16),
    Column("notes", QT_TRANSLATE_NOOP("export", "Notes"), width=30),
)
LUNAR = QT_TRANSLATE_NOOP("export", "lunar")


def customer_values(row: dict[str, Any], words: Vocabulary) -> dict[str, Any]:
    """A customer row as export values: labels translated, the birthday in one cell (a date
    when its year is known, text otherwise), tags joined."""
    out = dict(row)
    out["tags"] = ", ".join(row["tags"])
    month, day, year = row["birth_month"], row["birth_day"], row["birth_year"]
    if month is None or day is None:
        out["birthday"] = None
    elif row["birthday_calendar"] == "lunar":
        leap = "闰" if row["birth_leap_month"] else ""
        out["birthday"] = f"{words.header(LUNAR)} {f'{year}-' if year else ''}{leap}{month:02d}-{day:02d}"
    elif year:
        out["birthday"] = dt.date(year, month, day)
    else:
        out["birthday"] = f"{month:02d}-{day:02d}"
    return out


def export_customers(
    ctx: Context, flt: CustomerFilter, path: Path, fmt: str | None = None, words: Vocabulary | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the customers a filter selects to ``path``; returns how many were written."""
    from crmdesk.storage import exporting, listing

    words = words or Vocabulary()
    fmt = _format_of(path, fmt)
    total = listing.customers(flt, ctx.now(), today(ctx.clock)).count()
    pages = exporting.customer_pages(flt, ctx.now(), today(ctx.clock))
    rows = ([customer_values(row, words) for row in page] for page in pages)
    title = words.header(QT_TRANSLATE_NOOP("export", "Customers"))
    return write_table(path, fmt, title, CUSTOMER_COLUMNS, rows, total, words, progress or NoProgress())


COMPLAINT_COLUMNS = (
    Column("received_at", QT_TRANSLATE_NOOP("export", "Received"), "datetime", 16),
    Column("customer", QT_TRANSLATE_NOOP("export", "Customer"), width=14),
    Column("phone", QT_TRANSLATE_NOOP("export", "Phone"), width=16),
    Column("channel", QT_TRANSLATE_NOOP("export", "Channel"), "channel", 8),
    Column("category", QT_TRANSLATE_NOOP("export", "Category"), width=10),
    Column("severity", QT_TRANSLATE_NOOP("export", "Severity"), "label", 6),
    Column("status", QT_TRANSLATE_NOOP("export", "Status"), "status", 8),
    Column("due_at", QT_TRANSLATE_NOOP("export", "Deadline"), "datetime", 16),
    Column("assignee", QT_TRANSLATE_NOOP("export", "Assigned to"), width=8),
    Column("description", QT_TRANSLATE_NOOP("export", "Description"), width=30),
    Column("resolved_at", QT_TRANSLATE_NOOP("export", "Resolved"), "datetime", 16),
    Column("resolution", QT_TRANSLATE_NOOP("export", "Resolution"), width=24),
    Column("root_cause", QT_TRANSLATE_NOOP("export", "Root cause"), width=16),
    Column("compensation_cents", QT_TRANSLATE_NOOP("export", "Compensation"), "money", 12),
    Column("satisfaction", QT_TRANSLATE_NOOP("export", "Satisfaction"), "number", 6),
    Column("satisfaction_comment", QT_TRANSLATE_NOOP("export", "Satisfaction comment"), width=16),
)


def export_complaints(
    ctx: Context, flt: ComplaintFilter, path: Path, fmt: str | None = None, words: Vocabulary | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the complaints of the log's filter to ``path``; returns how many were written."""
    from crmdesk.storage import exporting, listing

    words = words or Vocabulary()
    fmt = _format_of(path, fmt)
    total = listing.complaints(flt, ctx.now()).count()
    title = words.header(QT_TRANSLATE_NOOP("export", "Complaints"))
    return write_table(path, fmt, title, COMPLAINT_COLUMNS, exporting.complaint_pages(flt, ctx.now()), total, words,
                       progress or NoProgress())


DEAL_COLUMNS = (
    Column("stage", QT_TRANSLATE_NOOP("export", "Stage"), width=10),
    Column("title", QT_TRANSLATE_NOOP("export", "Deal"), width=20),
    Column("customer", QT_TRANSLATE_NOOP("export", "Customer"), width=14),
    Column("tier", QT_TRANSLATE_NOOP("export", "Value tier"), "label", 8),
    Column("amount_cents", QT_TRANSLATE_NOOP("export", "Amount"), "money", 14),
    Column("probability", QT_TRANSLATE_NOOP("export", "Probability %"), "number", 8),
    Column("weighted_cents", QT_TRANSLATE_NOOP("export", "Weighted amount"), "money", 14),
    Column("expected_close", QT_TRANSLATE_NOOP("export", "Expected close"), "date", 12),
    Column("owner", QT_TRANSLATE_NOOP("export", "Owner"), width=8),
    Column("status", QT_TRANSLATE_NOOP("export", "Status"), "label", 6),
    Column("days_in_stage", QT_TRANSLATE_NOOP("export", "Days in stage"), "number", 8),
    Column("next_step", QT_TRANSLATE_NOOP("export", "Next step"), width=20),
    Column("next_step_due", QT_TRANSLATE_NOOP("export", "Next step due"), "date", 12),
    Column("lost_reason", QT_TRANSLATE_NOOP("export", "Lost reason"), width=12),
    Column("created_at", QT_TRANSLATE_NOOP("export", "Created"), "datetime", 16),
    Column("closed_at", QT_TRANSLATE_NOOP("export", "Closed"), "datetime", 16),
)
DEAL_STATUSES = {"open": ("open",), "won": ("won",), "lost": ("lost",), "all": ("open", "won", "lost")}


def _deal_values(row: dict[str, Any], now: int) -> dict[str, Any]:
    out = dict(row)
    out["weighted_cents"] = weighted_cents(row["amount_cents"], row["probability"])  # as the board shows them
    out["days_in_stage"] = days_between(row["stage_entered_at"], row["closed_at"] or now)
    for key in ("expected_close", "next_step_due"):
        out[key] = as_date(out[key])
    return out


def export_opportunities(
    ctx: Context, flt: DealFilter, path: Path, status: str = "open", fmt: str | None = None,
    words: Vocabulary | None = None, progress: Progress | None = None,
) -> int:
    """Write the pipeline's deals (the board's filter; open, won, lost or all) to ``path``,
    in board order; returns how many were written."""
    from crmdesk.storage import pipeline

    if status not in DEAL_STATUSES:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not one of the allowed choices for this field."),
                              field="status", value=status)
    words = words or Vocabulary()
    fmt = _format_of(path, fmt)
    statuses = DEAL_STATUSES[status]
    totals = pipeline.column_totals(flt)
    stage_kinds = _stage_kinds()
    total = sum(n for sid, (n, _a, _w) in totals.items() if stage_kinds.get(sid) in statuses)
    now = ctx.now()
    pages = ([_deal_values(row, now) for row in page] for page in pipeline.export_pages(flt, statuses))
    title = words.header(QT_TRANSLATE_NOOP("export", "Pipeline"))
    return write_table(path, fmt, title, DEAL_COLUMNS, pages, total, words, progress or NoProgress())


def _stage_kinds() -> dict[int, str]:
    from crmdesk.storage import models as m

    return {row.id: row.kind for row in m.PipelineStage.select(m.PipelineStage.id, m.PipelineStage.kind)}


def _format_of(path: Path, fmt: str | None) -> str:
    fmt = (fmt or Path(path).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Exports are written as .xlsx or .csv, not “{value}”."),
                              field="format", value=fmt)
    return fmt


def write_table(
    path: Path, fmt: str, title: str, columns: Iterable[Column], pages: Iterable[list[dict[str, Any]]], total: int,
    words: Vocabulary, progress: Progress,
) -> int:
    """Write pages of rows to ``path`` atomically (a temporary file renamed at the end)."""
    columns = list(columns)
    if fmt == "xlsx" and total + 1 > EXCEL_MAX_ROWS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "An Excel sheet holds at most {max} rows; export these "
                                                          "{count} rows as .csv instead."),
                              field="format", max=f"{EXCEL_MAX_ROWS - 1:,}", count=f"{total:,}")
    written = 0

    def counted() -> Iterator[list[dict[str, Any]]]:
        nonlocal written
        for page in pages:
            check(progress)
            yield page
            written += len(page)
            progress.report(written, total, "export")

    def write(part: Path) -> None:
        if fmt == "xlsx":
            _write_xlsx(part, title, columns, counted(), words)
        else:
            _write_csv(part, columns, counted(), words)

    write_atomically(path, write)
    return written


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """``write`` fills a temporary file beside ``path``, which then replaces ``path`` in one
    step: after a failure or a cancel there is no half-written file, only the old one or none."""
    path = Path(path)
    part = path.with_name(f".{path.name}.part")
    try:
        part.write_bytes(b"")  # a folder that is missing or read-only fails here, before any work
        write(part)
        with open(part, "rb+") as done:
            os.fsync(done.fileno())
        os.replace(part, path)
    except OSError as exc:
        raise CrmError(QT_TRANSLATE_NOOP("errors", "Could not write {name}: {reason}"), name=path.name,
                       reason=exc.strerror or str(exc)) from exc
    finally:
        if part.exists():
            part.unlink()


def _cell_value(column: Column, value: Any, words: Vocabulary) -> Any:
    """The value to write, before format-specific handling; None for an empty cell."""
    if value is None or value == "":
        return None
    if column.kind == "label":
        return words.label(value)
    if column.kind == "channel":
        return words.channel(value)
    if column.kind == "status":
        return words.status(value)
    if column.kind == "money":
        return value / 100
    if column.kind == "datetime":
        return from_ms(value).replace(tzinfo=None, second=0, microsecond=0)
    if column.kind in ("number", "date"):
        return value
    return clean_text(str(value))


def _write_csv(part: Path, columns: list[Column], pages: Iterable[list[dict[str, Any]]], words: Vocabulary) -> None:
    # UTF-8 with a byte-order mark: Excel then reads Chinese text right when the file is opened.
    with open(part, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([csv_text(words.header(c.header)) for c in columns])
        for page in pages:
            for row in page:
                writer.writerow([_csv_cell(c, _cell_value(c, row.get(c.key), words)) for c in columns])


def _csv_cell(column: Column, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if column.kind == "money":
        return f"{value:.2f}"
    if isinstance(value, str):
        return csv_text(value)
    return str(value)


def _write_xlsx(part: Path, title: str, columns: list[Column], pages: Iterator[list[dict[str, Any]]],
                words: Vocabulary) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(clean_text(title)[:31] or "Sheet1")
    first = next(pages, [])
    values = [[_cell_value(c, row.get(c.key), words) for c in columns] for row in first]
    headers = [words.header(c.header) for c in columns]
    for index, column in enumerate(columns):
        sample = [headers[index], *(row[index] for row in values[:200])]
        sheet.column_dimensions[get_column_letter(index + 1)].width = _fit(column, sample)
    sheet.freeze_panes = "A2"
    header_font, header_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="305496")
    header_cells = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=clean_text(text))
        cell.font, cell.fill, cell.alignment = header_font, header_fill, Alignment(vertical="center")
        header_cells.append(cell)
    sheet.append(header_cells)
    formats = {"money": MONEY_FORMAT, "datetime": DATETIME_FORMAT, "date": DATE_FORMAT}
    kinds = [c.kind for c in columns]

    def styled(value: Any, kind: str) -> Any:
        if value is None:
            return None
        if isinstance(value, str):
            if looks_like_formula(value):
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"  # text, never a formula
                return cell
            return value
        number_format = formats.get(kind)
        if number_format is None or (kind == "date" and not isinstance(value, dt.date)):
            return value
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT if kind == "date" else number_format
        return cell

    rows = 0
    for row in values:
        sheet.append([styled(v, k) for v, k in zip(row, kinds, strict=True)])
        rows += 1
    for page in pages:
        for record in page:
            sheet.append([styled(_cell_value(c, record.get(c.key), words), c.kind) for c in columns])
            rows += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{rows + 1}"
    book.save(part)


def _fit(column: Column, sample: list[Any]) -> float:
    """A column width (in characters) for the header and the first rows: CJK characters
    count double, capped so one long note does not make a column the width of the screen."""
    widest = column.width
    for value in sample:
        if isinstance(value, str):
            widest = max(widest, sum(2 if ord(ch) > 0x2E80 else 1 for ch in value[:60]))
    return min(widest, 50) + 2


