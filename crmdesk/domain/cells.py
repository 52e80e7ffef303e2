"""Safe spreadsheet cells: what every export does to text before writing it.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) can be run
as a formula when a CSV file is opened in a spreadsheet ("formula injection"); control
characters make an .xlsx file unreadable; Excel refuses cells over 32,767 characters.
"""

from __future__ import annotations

import re

EXCEL_MAX_CELL = 32_767
EXCEL_MAX_ROWS = 1_048_576
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """Control characters removed (tabs and line breaks kept), capped at Excel's cell size."""
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    return text[:EXCEL_MAX_CELL]


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def csv_text(text: str) -> str:
    """A text cell for CSV: cleaned, and quoted with a leading apostrophe if a spreadsheet
    would read it as a formula."""
    text = clean_text(text)
    return "'" + text if looks_like_formula(text) else text
