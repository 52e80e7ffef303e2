"""Spreadsheet cell safety."""

from __future__ import annotations

import pytest

from crmdesk.domain.cells import EXCEL_MAX_CELL, clean_text, csv_text, looks_like_formula


@pytest.mark.parametrize("text", ["=1+1", "+86 138", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_starts_are_quoted_in_csv(text: str) -> None:
    assert looks_like_formula(text)
    assert csv_text(text) == "'" + text


def test_plain_text_is_left_alone() -> None:
    assert csv_text("张伟 138 1234") == "张伟 138 1234"
    assert not looks_like_formula("a=b")


def test_control_characters_go_and_cells_are_capped() -> None:
    assert clean_text("a\x00b\x1fc\td\ne") == "abc\td\ne"
    assert len(clean_text("长" * 40_000)) == EXCEL_MAX_CELL
