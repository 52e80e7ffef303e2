"""Reading an export back with two readers: openpyxl (values, types, number formats) and
python-calamine (which returns every number as a float)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
from python_calamine import CalamineWorkbook


def sheets(path: Path) -> list[str]:
    return openpyxl.load_workbook(path, read_only=True).sheetnames


def records(path: Path, index: int = 0) -> list[dict[str, Any]]:
    """The data sheet's rows as {header: cell} (openpyxl cells, for types and formats)."""
    sheet = openpyxl.load_workbook(path).worksheets[index]
    headers = [c.value for c in sheet[1]]
    return [dict(zip(headers, row, strict=True)) for row in sheet.iter_rows(min_row=2)]


def calamine_rows(path: Path, index: int = 0) -> list[list[Any]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(index).to_python()


def summary(path: Path) -> dict[str, Any]:
    """The summary sheet (the last one) as {label: value}, by calamine; a label seen again
    (e.g. "New" as a status and as a stage) keeps its first value under the plain label and
    the later ones under "<section> / <label>"."""
    out: dict[str, Any] = {}
    section = ""
    rows = calamine_rows(path, len(sheets(path)) - 1)
    for row in rows:
        label, value = (row + ["", ""])[:2]
        if label == "":
            continue
        if value == "Count":
            section = label
            continue
        out[f"{section} / {label}" if section else label] = value
    return out


class CancelAtOnce:
    """A progress whose Cancel was pressed before the export began."""

    def report(self, done: int, total: int, stage: str = "") -> None:
        pass

    def cancelled(self) -> bool:
        return True
