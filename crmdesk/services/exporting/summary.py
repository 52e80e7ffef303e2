"""The summary sheet of an xlsx export: what was exported, when, how many rows, the totals
of its money columns and the rows counted by status, category and the like.

The numbers are gathered from the pages while they stream to the data sheet (never by
reading the rows again), and written as values, not formulas: a formula has no value until
a spreadsheet app recalculates it, and other readers (python, calamine, previews) would see
nothing. The sheet comes after the data: the table stays the first, active sheet, which is
what a re-import or a script reading "the first sheet" expects.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from crmdesk.domain.errors import QT_TRANSLATE_NOOP
from crmdesk.services.exporting.columns import DATETIME_FORMAT, Column, Vocabulary, cell_value, money_format

MAX_COUNTED = 50  # distinct values listed per counted column; the rest are summed as "others"

SUMMARY = QT_TRANSLATE_NOOP("export", "Summary")
WHAT = QT_TRANSLATE_NOOP("export", "Exported")
FILTER = QT_TRANSLATE_NOOP("export", "Filter")
EVERYTHING = QT_TRANSLATE_NOOP("export", "none (everything)")
EXPORTED_AT = QT_TRANSLATE_NOOP("export", "Exported at")
ROWS = QT_TRANSLATE_NOOP("export", "Rows")
TOTALS = QT_TRANSLATE_NOOP("export", "Totals")
COUNT = QT_TRANSLATE_NOOP("export", "Count")
NOT_SET = QT_TRANSLATE_NOOP("export", "(not set)")
OTHERS = QT_TRANSLATE_NOOP("export", "(others)")


@dataclass(frozen=True)
class About:
    """What an export holds, for its summary: the filter as (translated label, text) pairs."""

    exported_at: dt.datetime
    scope: Sequence[tuple[str, str]] = field(default_factory=tuple)


class Tally:
    """Totals of the money columns (in cents, exact) and counts by the ``tally`` columns,
    added a page at a time."""

    def __init__(self, columns: Sequence[Column]) -> None:
        self.rows = 0
        self.sums = {c.key: 0 for c in columns if c.kind == "money"}
        self.counts = {c.key: Counter() for c in columns if c.tally}

    def add(self, page: list[dict[str, Any]]) -> None:
        self.rows += len(page)
        for key in self.sums:
            self.sums[key] += sum(row.get(key) or 0 for row in page)
        for key, counter in self.counts.items():
            counter.update(row.get(key) for row in page)


def summary_rows(title: str, columns: Sequence[Column], tally: Tally, about: About,
                 words: Vocabulary) -> list[tuple[str, Any, str | None]]:
    """The summary as (label, value, number format) rows; a row with an empty label and
    value is a gap, one with a value of None a heading."""
    h = words.header
    out: list[tuple[str, Any, str | None]] = [
        (h(SUMMARY), None, None),
        (h(WHAT), title, None),
    ]
    scope = list(about.scope) or [(h(FILTER), h(EVERYTHING))]
    out += [(label, text, None) for label, text in scope]
    out += [(h(EXPORTED_AT), about.exported_at.replace(tzinfo=None, second=0, microsecond=0), DATETIME_FORMAT),
            (h(ROWS), tally.rows, "#,##0")]
    money = [c for c in columns if c.key in tally.sums]
    if money:
        out += [("", "", None), (h(TOTALS), None, None)]
        out += [(h(c.header), tally.sums[c.key] / 100, money_format()) for c in money]
    for column in (c for c in columns if c.key in tally.counts):
        out += [("", "", None), (h(column.header), h(COUNT), "heading")]
        ranked = sorted(tally.counts[column.key].items(), key=lambda kv: (-kv[1], str(kv[0])))
        for value, count in ranked[:MAX_COUNTED]:
            label = cell_value(column, value, words)
            out.append((h(NOT_SET) if label is None else str(label), count, "#,##0"))
        if len(ranked) > MAX_COUNTED:
            out.append((h(OTHERS), sum(n for _v, n in ranked[MAX_COUNTED:]), "#,##0"))
    return out


def write_summary(book: Any, title: str, columns: Sequence[Column], tally: Tally, about: About,
                  words: Vocabulary) -> None:
    """Append the summary sheet to a write-only workbook."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    from crmdesk.services.exporting.table import XlsxCells, fit, header_row, sheet_name

    rows = summary_rows(title, columns, tally, about, words)
    sheet = book.create_sheet(sheet_name(words.header(SUMMARY)))
    sheet.column_dimensions["A"].width = fit(16, (label for label, _v, _f in rows))
    sheet.column_dimensions["B"].width = fit(16, (v for _l, v, _f in rows if isinstance(v, str)))
    cells = XlsxCells(sheet)
    bold = Font(bold=True, size=13)
    for index, (label, value, number_format) in enumerate(rows):
        if index == 0:
            heading = WriteOnlyCell(sheet, value=label)
            heading.font = bold
            sheet.append([heading])
        elif number_format == "heading":
            sheet.append(header_row(sheet, [label, value]))
        elif value is None:
            sheet.append(header_row(sheet, [label]))
        elif isinstance(value, str):
            sheet.append([cells.text(label), cells.text(value)] if value or label else [])
        else:
            sheet.append([cells.text(label), cells.formatted(value, number_format) if number_format else value])
