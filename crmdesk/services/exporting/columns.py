"""What an export's columns are, and how a stored value becomes a cell value."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from crmdesk.domain import currency
from crmdesk.domain.cells import clean_text
from crmdesk.domain.clock import from_ms

CONTEXT = "export"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"


def money_format() -> str:
    """Excel's number format for an amount in the business's currency: "¥"#,##0.00."""
    return f'"{currency.symbol()}"#,##0.00'


def number_format(kind: str) -> str | None:
    """The number format of a column kind (money, datetime, date), or None."""
    return {"money": money_format(), "datetime": DATETIME_FORMAT, "date": DATE_FORMAT}.get(kind)


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

    def kpi(self, text: str) -> str:
        """A KPI's title or definition (marked in the "kpi" context)."""
        return text

    def task(self, kind: str, title: str, due_on: dt.date) -> str:
        """How a care task reads (generated ones keep a date or a number in their title)."""
        return title or kind


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # marked for translation in the "export" context
    kind: str = "text"  # text, label, channel, status, money, datetime, date, number
    width: int = 12  # in characters, a starting point that the data may widen
    tally: bool = False  # the summary sheet counts the rows by this column's values


def cell_value(column: Column, value: Any, words: Vocabulary) -> Any:
    """The value to write, before format-specific handling; None for an empty cell."""
    if value is None or value == "":
        return None
    kind = column.kind
    if kind == "text":
        return clean_text(str(value))
    if kind == "money":
        return value / 100
    if kind == "datetime":
        return from_ms(value).replace(tzinfo=None, second=0, microsecond=0)
    if kind in ("number", "date"):
        return value
    if kind == "label":
        return words.label(value)
    if kind == "channel":
        return words.channel(value)
    if kind == "status":
        return words.status(value)
    return clean_text(str(value))
