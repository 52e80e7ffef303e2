"""The KPI workbook: the key figures of a period on sheets of numbers, with native Excel
charts (openpyxl.chart) drawn from those sheets, so that they stay live in Excel.

Sheets: the figures with their definitions; customers by category (pie), value tier and
lifecycle stage (bars); the open pipeline by stage (bars of amount and weighted amount); and
the last twelve months of new customers and revenue (a line and bars).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crmdesk.domain.clock import from_ms
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from crmdesk.services import policy
from crmdesk.services.context import Context
from crmdesk.services.exporting.columns import DATETIME_FORMAT, Vocabulary, money_format
from crmdesk.services.exporting.scope import FIELDS
from crmdesk.services.exporting.summary import EXPORTED_AT
from crmdesk.services.exporting.table import XlsxCells, fit, header_row, sheet_name, write_atomically
from crmdesk.services.progress import NoProgress, Progress, check

if TYPE_CHECKING:
    from crmdesk.services.kpi import Kpis, Period

FIGURES = QT_TRANSLATE_NOOP("export", "Key figures")
FIGURE = QT_TRANSLATE_NOOP("export", "Figure")
VALUE = QT_TRANSLATE_NOOP("export", "Value")
DEFINITION = QT_TRANSLATE_NOOP("export", "Definition")
PERIOD = QT_TRANSLATE_NOOP("export", "Period")
CUSTOMERS = QT_TRANSLATE_NOOP("export", "Customers")
BY_CATEGORY = QT_TRANSLATE_NOOP("export", "Customers by category")
BY_TIER = QT_TRANSLATE_NOOP("export", "Customers by value tier")
BY_STAGE = QT_TRANSLATE_NOOP("export", "Customers by lifecycle stage")
PIPELINE = QT_TRANSLATE_NOOP("export", "Open pipeline by stage")
STAGE = QT_TRANSLATE_NOOP("export", "Stage")
DEALS = QT_TRANSLATE_NOOP("export", "Deals")
AMOUNT = QT_TRANSLATE_NOOP("export", "Amount")
WEIGHTED = QT_TRANSLATE_NOOP("export", "Weighted amount")
MONTH = QT_TRANSLATE_NOOP("export", "Month")
NEW_CUSTOMERS = QT_TRANSLATE_NOOP("export", "New customers")
REVENUE = QT_TRANSLATE_NOOP("export", "Revenue")
CATEGORY, TIER, LIFECYCLE = FIELDS["categories"], FIELDS["tiers"], FIELDS["stages"]
SHEET_CUSTOMERS = QT_TRANSLATE_NOOP("export", "Customer mix")
SHEET_PIPELINE = QT_TRANSLATE_NOOP("export", "Pipeline")
SHEET_TREND = QT_TRANSLATE_NOOP("export", "Trend")
COUNT_FORMAT, PERCENT_FORMAT, SCORE_FORMAT = "#,##0", "0.0%", "0.00"
FORMATS = {"count": COUNT_FORMAT, "percent": PERCENT_FORMAT, "score": SCORE_FORMAT}  # and money: money_format()


@dataclass(frozen=True)
class Block:
    """A small table on a sheet (a header row, then label + numbers), and its chart."""

    title: str
    label: str  # the header of the label column
    headers: Sequence[str]
    rows: Sequence[Sequence[Any]]  # (label, number, …)
    formats: Sequence[str]  # of the number columns
    chart: str  # "pie", "bar" or "line"


def export_kpis(ctx: Context, period: Period, path: Path, words: Vocabulary | None = None,
                progress: Progress | None = None) -> int:
    """Write the KPI workbook of ``period`` to ``path`` (.xlsx only); returns how many
    figures it holds."""
    policy.require(ctx, policy.Permission.EXPORT)
    from crmdesk.services import kpi

    words = words or Vocabulary()
    progress = progress or NoProgress()
    if Path(path).suffix.lower() != ".xlsx":
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The KPI workbook is written as .xlsx, not “{value}”."),
                              field="format", value=Path(path).suffix.lstrip(".") or Path(path).name)
    check(progress)
    found = kpi.compute(ctx, period)
    progress.report(1, 2, "export")
    check(progress)
    write_atomically(Path(path), lambda part: _write(part, ctx, found, words))
    progress.report(2, 2, "export")
    return len(kpi.KPIS)


def _write(part: Path, ctx: Context, found: Kpis, words: Vocabulary) -> None:
    from openpyxl import Workbook

    h = words.header
    book = Workbook(write_only=True)
    _figures_sheet(book, ctx, found, words)
    labels = words.label
    _blocks_sheet(book, h(SHEET_CUSTOMERS), [
        Block(h(BY_CATEGORY), h(CATEGORY), (h(CUSTOMERS),), [(labels(k), n) for k, n in found.by_category.items()],
              (COUNT_FORMAT,), "pie"),
        Block(h(BY_TIER), h(TIER), (h(CUSTOMERS),), [(labels(k), n) for k, n in found.by_tier.items()], (COUNT_FORMAT,), "bar"),
        Block(h(BY_STAGE), h(LIFECYCLE), (h(CUSTOMERS),), [(labels(k), n) for k, n in found.by_stage.items()],
              (COUNT_FORMAT,), "bar"),
    ], words)
    _blocks_sheet(book, h(SHEET_PIPELINE), [
        Block(h(PIPELINE), h(STAGE), (h(DEALS), h(AMOUNT), h(WEIGHTED)),
              [(s.name, s.deals, s.amount_cents / 100, s.weighted_cents / 100) for s in found.pipeline_by_stage],
              (COUNT_FORMAT, money_format(), money_format()), "bar"),
    ], words, charted=slice(1, None))  # the amounts; the count of deals has another scale
    months = [d.strftime("%Y-%m") for d in found.months]
    _blocks_sheet(book, h(SHEET_TREND), [
        Block(h(REVENUE), h(MONTH), (h(REVENUE),), [(m, c / 100) for m, c in zip(months, found.revenue_by_month, strict=True)],
              (money_format(),), "line"),
        Block(h(NEW_CUSTOMERS), h(MONTH), (h(NEW_CUSTOMERS),), list(zip(months, found.new_by_month, strict=True)),
              (COUNT_FORMAT,), "bar"),
    ], words)
    book.save(part)


def _figures_sheet(book: Any, ctx: Context, found: Kpis, words: Vocabulary) -> None:
    """Every figure with its value in its own format and the sentence that defines it."""
    from crmdesk.services import kpi

    sheet = book.create_sheet(sheet_name(words.header(FIGURES)))
    cells = XlsxCells(sheet)
    period = found.period
    span = f"{period.start.isoformat()} – {(period.until - dt.timedelta(days=1)).isoformat()}"
    titles = [words.kpi(info.title) for info in kpi.KPIS]
    definitions = [words.kpi(info.definition) for info in kpi.KPIS]
    sheet.column_dimensions["A"].width = fit(16, titles)
    sheet.column_dimensions["B"].width = 16
    sheet.column_dimensions["C"].width = 80
    sheet.freeze_panes = "A5"
    sheet.append([cells.text(words.header(PERIOD)), span])
    sheet.append([cells.text(words.header(EXPORTED_AT)),
                  cells.formatted(from_ms(ctx.now()).replace(tzinfo=None, second=0, microsecond=0), DATETIME_FORMAT)])
    sheet.append([])
    sheet.append(header_row(sheet, [words.header(FIGURE), words.header(VALUE), words.header(DEFINITION)]))
    for info, title, definition in zip(kpi.KPIS, titles, definitions, strict=True):
        value = found.value(info.key)
        if value is not None and info.kind == "money":
            value = value / 100
        sheet.append([cells.text(title), None if value is None else cells.formatted(value, FORMATS.get(info.kind) or money_format()),
                      cells.text(definition)])


def _blocks_sheet(book: Any, title: str, blocks: Sequence[Block], words: Vocabulary,
                  charted: slice = slice(None)) -> None:
    """Blocks one below the other in columns A…, each with its chart to the right of it."""
    sheet = book.create_sheet(sheet_name(title))
    cells = XlsxCells(sheet)
    width = max(len(b.headers) for b in blocks) + 1
    sheet.column_dimensions["A"].width = fit(12, [r[0] for b in blocks for r in b.rows if isinstance(r[0], str)])
    row = 1
    for block in blocks:
        heading = cells.text(block.title)
        sheet.append([heading])
        top = row + 1  # the block's header row
        sheet.append(header_row(sheet, [block.label, *block.headers]))
        for record in block.rows:
            sheet.append([cells.text(str(record[0])), *(cells.formatted(v, f)
                                                        for v, f in zip(record[1:], block.formats, strict=True))])
        bottom = top + len(block.rows)
        if block.rows:
            anchor = f"{chr(ord('A') + width + 1)}{row}"
            sheet.add_chart(_chart(sheet, block, top, bottom, charted), anchor)
        # Room for the chart (15 rows high) before the next block.
        gap = max(0, 16 - (bottom - row + 1))
        for _ in range(gap + 1):
            sheet.append([])
        row = bottom + gap + 2


def _chart(sheet: Any, block: Block, top: int, bottom: int, charted: slice) -> Any:
    from openpyxl.chart import BarChart, LineChart, PieChart, Reference

    columns = list(range(2, 2 + len(block.headers)))[charted]
    chart = {"pie": PieChart, "bar": BarChart, "line": LineChart}[block.chart]()
    chart.title = block.title
    for column in columns:
        chart.add_data(Reference(sheet, min_col=column, min_row=top, max_row=bottom), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=top + 1, max_row=bottom))
    chart.height, chart.width = 7.5, 15  # cm
    if block.chart != "pie":
        chart.y_axis.number_format = block.formats[columns[0] - 2]
        # openpyxl marks axes as deleted unless told otherwise: Excel would draw none.
        chart.x_axis.delete = chart.y_axis.delete = False
        if len(columns) == 1:
            chart.legend = None  # one series: its name is the chart's title
    if block.chart == "bar":
        chart.type = "col"
    return chart
