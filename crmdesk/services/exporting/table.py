"""Writing a table of rows to .xlsx or .csv: streamed, safe, written atomically.

A workbook gets a styled header row, frozen panes, an auto-filter, fitted column widths,
dates as dates, money as numbers in a currency format and phone numbers as text, then a
summary sheet (see :mod:`.summary`). Text that a spreadsheet would run as a formula stays
text, control characters go, cells are capped at Excel's limit. Rows are read and written a
page at a time (openpyxl's write-only mode), so memory does not grow with the export, and the
file appears only when complete: a failure or a cancel leaves nothing behind.
"""

from __future__ import annotations

import csv
import errno
import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from crmdesk.domain.cells import EXCEL_MAX_ROWS, clean_text, csv_text, looks_like_formula
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, CrmError, ValidationError
from crmdesk.services.exporting.columns import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    money_format,
    number_format,
    Column,
    Vocabulary,
    cell_value,
)
from crmdesk.services.exporting.summary import About, Tally, write_summary
from crmdesk.services.progress import Progress, check

FORMATS = ("xlsx", "csv")


def format_of(path: Path, fmt: str | None, formats: tuple[str, ...] = FORMATS) -> str:
    """The export format asked for, else the file's extension; refused if not one of ``formats``."""
    fmt = (fmt or Path(path).suffix.lstrip(".")).lower()
    if fmt not in formats:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Exports are written as .xlsx or .csv, not “{value}”."),
                              field="format", value=fmt)
    return fmt


def write_table(
    path: Path, fmt: str, title: str, columns: Iterable[Column], pages: Iterable[list[dict[str, Any]]], total: int,
    words: Vocabulary, progress: Progress, about: About | None = None,
) -> int:
    """Write pages of rows to ``path`` atomically (a temporary file renamed at the end);
    returns how many rows were written. An .xlsx file also gets a summary sheet of ``about``
    and the totals gathered on the way."""
    columns = list(columns)
    if fmt == "xlsx" and total + 1 > EXCEL_MAX_ROWS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "An Excel sheet holds at most {max} rows; export these "
                                                          "{count} rows as .csv instead."),
                              field="format", max=f"{EXCEL_MAX_ROWS - 1:,}", count=f"{total:,}")
    tally = Tally(columns)

    def counted() -> Iterator[list[dict[str, Any]]]:
        for page in pages:
            check(progress)
            yield page
            tally.add(page)
            progress.report(tally.rows, total, "export")

    def write(part: Path) -> None:
        if fmt == "xlsx":
            _write_xlsx(part, title, columns, counted(), words, tally, about)
        else:
            _write_csv(part, columns, counted(), words)

    write_atomically(path, write)
    return tally.rows


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
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise CrmError(QT_TRANSLATE_NOOP("errors", "There is not enough free space to write {name}; no file "
                                                       "was written. Free some space and try again."),
                           name=path.name) from exc
        raise CrmError(QT_TRANSLATE_NOOP("errors", "Could not write {name}: {reason}"), name=path.name,
                       reason=exc.strerror or str(exc)) from exc
    finally:
        if part.exists():
            part.unlink()


def _write_csv(part: Path, columns: list[Column], pages: Iterable[list[dict[str, Any]]], words: Vocabulary) -> None:
    # UTF-8 with a byte-order mark: Excel then reads Chinese text right when the file is opened.
    with open(part, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([csv_text(words.header(c.header)) for c in columns])
        for page in pages:
            for row in page:
                writer.writerow([_csv_cell(c, cell_value(c, row.get(c.key), words)) for c in columns])


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


class XlsxCells:
    """Makes the cells of one write-only sheet: formula-like text as text, dates and money
    with their number formats. The styles are worked out once per format and copied onto each
    cell, which is much cheaper than setting ``number_format`` cell by cell."""

    def __init__(self, sheet: Any) -> None:
        from openpyxl.cell import WriteOnlyCell

        self._sheet, self._cell = sheet, WriteOnlyCell
        self._styles: dict[str, Any] = {}

    def text(self, value: str) -> Any:
        if not looks_like_formula(value):
            return value
        cell = self._cell(self._sheet, value=value)
        cell.data_type = "s"  # text, never a formula
        return cell

    def formatted(self, value: Any, number_format: str) -> Any:
        style = self._styles.get(number_format)
        cell = self._cell(self._sheet, value=value)
        if style is None:
            cell.number_format = number_format
            self._styles[number_format] = cell._style  # noqa: SLF001 - a StyleArray, copied below
        else:
            cell._style = style.__copy__()  # noqa: SLF001
        return cell

    def converter(self, column: Column, words: Vocabulary) -> Callable[[Any], Any]:
        """``styled(cell_value(column, v, words), column.kind)`` as one prepared function:
        the same cells, with the per-cell decisions (and label translations) made once."""
        kind, text, formatted = column.kind, self.text, self.formatted
        if kind == "text":
            return lambda v: None if v is None or v == "" else text(clean_text(v if type(v) is str else str(v)))
        if kind == "money":
            return lambda v: None if v is None or v == "" else formatted(v / 100, money_format())
        if kind == "datetime":
            # Local time to the minute, as cell_value has it (zone offsets are whole minutes).
            return lambda v: None if v is None or v == "" else formatted(
                dt.datetime.fromtimestamp(v // 60_000 * 60), DATETIME_FORMAT)
        if kind == "date":
            return lambda v: (None if v is None or v == "" else formatted(v, DATE_FORMAT)
                              if isinstance(v, dt.date) else text(v) if isinstance(v, str) else v)
        if kind in ("label", "channel", "status"):
            translate = {"label": words.label, "channel": words.channel, "status": words.status}[kind]
            seen: dict[Any, str] = {}  # a few distinct values in a whole export: translated once each

            def label(v: Any) -> Any:
                if v is None or v == "":
                    return None
                word = seen.get(v)
                if word is None:
                    word = seen[v] = translate(v)
                return text(word) if isinstance(word, str) else word
            return label
        return lambda v: self.styled(cell_value(column, v, words), kind)

    def styled(self, value: Any, kind: str) -> Any:
        if value is None:
            return None
        if isinstance(value, str):
            return self.text(value)
        found = number_format(kind)
        if found is None or (kind == "date" and not isinstance(value, dt.date)):
            return value
        return self.formatted(value, DATE_FORMAT if kind == "date" else found)


def header_row(sheet: Any, texts: Sequence[str]) -> list[Any]:
    """Bold white words on blue: the header row of a sheet."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill

    font, fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="305496")
    cells = []
    for text in texts:
        cell = WriteOnlyCell(sheet, value=clean_text(text))
        cell.font, cell.fill, cell.alignment = font, fill, Alignment(vertical="center")
        cells.append(cell)
    return cells


def sheet_name(title: str) -> str:
    """A valid sheet name: Excel allows 31 characters and none of []:*?/\\."""
    name = clean_text(title).translate({ord(ch): " " for ch in "[]:*?/\\"}).strip()
    return name[:31] or "Sheet1"


def _write_xlsx(part: Path, title: str, columns: list[Column], pages: Iterator[list[dict[str, Any]]],
                words: Vocabulary, tally: Tally, about: About | None) -> None:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_name(title))
    first = next(pages, [])
    values = [[cell_value(c, row.get(c.key), words) for c in columns] for row in first]
    headers = [words.header(c.header) for c in columns]
    for index, column in enumerate(columns):
        sample = [headers[index], *(row[index] for row in values[:200])]
        sheet.column_dimensions[get_column_letter(index + 1)].width = fit(column.width, sample)
    sheet.freeze_panes = "A2"
    sheet.append(header_row(sheet, headers))
    cells = XlsxCells(sheet)
    styled = cells.styled
    kinds = [c.kind for c in columns]
    rows = 0
    for row in values:
        sheet.append([styled(v, k) for v, k in zip(row, kinds, strict=True)])
        rows += 1
    # The hot loop: one prepared function per column turns a stored value into its cell.
    convert = [(c.key, cells.converter(c, words)) for c in columns]
    for page in pages:
        for record in page:
            get = record.get
            sheet.append([f(get(key)) for key, f in convert])
        rows += len(page)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{rows + 1}"
    if about is not None:
        # Pages reach the tally after they are written: the last one is counted only once
        # the loop above asks for the next, which it has by now.
        write_summary(book, title, columns, tally, about, words)
    book.save(part)


def fit(width: int, sample: Iterable[Any]) -> float:
    """A column width (in characters) for the header and the first rows: CJK characters
    count double, capped so one long note does not make a column the width of the screen."""
    widest = width
    for value in sample:
        if isinstance(value, str):
            widest = max(widest, sum(2 if ord(ch) > 0x2E80 else 1 for ch in value[:60]))
    return min(widest, 50) + 2
