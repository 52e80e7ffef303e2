"""What every export does to its cells, read back with openpyxl and python-calamine."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from crmdesk.domain.cells import EXCEL_MAX_CELL
from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.filters import CustomerFilter
from crmdesk.services import customers, exporting
from crmdesk.services.context import Context
from crmdesk.services.exporting.table import sheet_name
from crmdesk.storage import models as m
from crmdesk.storage.engine import is_sqlite
from tests.services.exporting.helpers import calamine_rows, records

RISKY = ["=1+1", "+86 138 0000 1111", "-3", "@SUM(A1:A9)", "\tlead", "\rlead"]


@pytest.fixture()
def risky(db: Path, ctx: Context) -> list[int]:
    ids = []
    for i, text in enumerate(RISKY):
        cid, _ = customers.create_customer(ctx, CustomerInput(name=f"客户{i}"))
        # Stored as another program (or a sync) might have left them, past the form's trimming.
        m.Customer.update(notes=text).where(m.Customer.id == cid).execute()
        ids.append(cid)
    m.Customer.update(company="-3", city="=1+1", address="@SUM(1)").where(m.Customer.id == ids[0]).execute()
    return ids


def test_formula_like_text_comes_back_as_text(risky, ctx: Context, tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    exporting.export_customers(ctx, CustomerFilter(), path)
    rows = records(path)
    # XML reads a carriage return as a line feed (line-end normalisation): still text.
    as_read = [*RISKY[:-1], "\nlead"]
    assert [r["Notes"].value for r in rows] == as_read
    assert all(r["Notes"].data_type == "s" for r in rows)  # a string cell, not a formula ("f")
    first = rows[0]
    assert (first["Company"].value, first["City"].value, first["Address"].value) == ("-3", "=1+1", "@SUM(1)")
    assert {first[k].data_type for k in ("Company", "City", "Address")} == {"s"}
    again = calamine_rows(path)
    notes = again[0].index("Notes")
    assert [row[notes] for row in again[1:]][:-1] == RISKY[:-1]  # the text, not 2 or -3.0
    assert again[-1][notes] in ("\rlead", "\nlead")
    raw = path.read_bytes()
    import zipfile

    with zipfile.ZipFile(path) as z:
        assert "<f>" not in z.read("xl/worksheets/sheet1.xml").decode()
    assert raw


def test_formula_like_text_is_quoted_in_csv(risky, ctx: Context, tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    exporting.export_customers(ctx, CustomerFilter(), path)
    with open(path, encoding="utf-8-sig", newline="") as f:  # newline="": the CR as written
        rows = list(csv.DictReader(f))
    assert [r["Notes"] for r in rows] == ["'" + t for t in RISKY]


def test_control_characters_go_and_long_text_is_capped(db: Path, ctx: Context, tmp_path: Path) -> None:
    cid, _ = customers.create_customer(ctx, CustomerInput(name="张三"))
    nul = "\x00" if is_sqlite() else ""  # PostgreSQL's text cannot hold a NUL at all
    m.Customer.update(notes=f"a{nul}b\x07c\x1bd\x7fe\tf\ng" + "长" * 40_000, company="x\x0by").where(
        m.Customer.id == cid).execute()
    for suffix in ("xlsx", "csv"):
        path = tmp_path / f"long.{suffix}"
        exporting.export_customers(ctx, CustomerFilter(), path)
        if suffix == "xlsx":
            note = calamine_rows(path)[1][19]
            assert records(path)[0]["Company"].value == "xy"
        else:
            note = next(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines(keepends=True)))["Notes"]
        assert note.startswith("abcde\tf\ng长") and len(note) == EXCEL_MAX_CELL


def test_types_and_number_formats(db: Path, ctx: Context, tmp_path: Path) -> None:
    cid, _ = customers.create_customer(ctx, CustomerInput(name="赵六", phone="13800001111", birth_year=1988,
                                                          birth_month=2, birth_day=29))
    m.Customer.update(order_total_cents=99_00, order_count=7).where(m.Customer.id == cid).execute()
    path = tmp_path / "t.xlsx"
    exporting.export_customers(ctx, CustomerFilter(), path)
    row = records(path)[0]
    assert row["Phone"].value == "13800001111" and row["Phone"].data_type == "s"  # leading digits kept as text
    assert row["Birthday"].is_date and row["Birthday"].number_format == "yyyy-mm-dd"
    assert row["Created"].is_date and row["Created"].number_format == "yyyy-mm-dd hh:mm"
    assert row["Total spent"].value == 99 and row["Total spent"].number_format == '"¥"#,##0.00'
    assert row["Orders"].value == 7 and row["Orders"].data_type == "n"
    again = calamine_rows(path)[1]
    assert again[4] == "13800001111" and again[16] == 7.0 and again[17] == 99.0
    assert again[13] == dt.date(1988, 2, 29)


def test_sheet_names_are_valid() -> None:
    assert sheet_name("a/b:c*d?[e]\\f") == "a b c d  e  f"
    assert sheet_name("x" * 40) == "x" * 31 and sheet_name("\x01") == "Sheet1"


def test_only_the_columns_asked_for(db: Path, ctx: Context, tmp_path: Path) -> None:
    customers.create_customer(ctx, CustomerInput(name="钱七", phone="13900002222"))
    path = tmp_path / "c.xlsx"
    exporting.export_customers(ctx, CustomerFilter(), path, columns=("phone", "name"))
    assert calamine_rows(path)[:2] == [["Phone", "Name"], ["13900002222", "钱七"]]
    with pytest.raises(exporting.customers.ValidationError):
        exporting.export_customers(ctx, CustomerFilter(), path, columns=("shoe_size",))


@pytest.mark.parametrize(("kind", "values"), [
    ("text", ["张三", "=1+1", "a\x07b", 42, "", None]),
    ("money", [1234567, 0, -5, None]),
    ("datetime", [1_764_000_123_456, 0, None]),
    ("date", [dt.date(2026, 2, 28), "lunar 08-15", None]),
    ("label", ["strategic", "=odd", None]),
    ("number", [3, 0, None]),
])
def test_the_prepared_converters_make_the_same_cells(kind: str, values: list) -> None:
    from openpyxl import Workbook

    from crmdesk.services.exporting.columns import Column, cell_value
    from crmdesk.services.exporting.table import XlsxCells

    class Words(exporting.Vocabulary):
        def label(self, value: str) -> str:
            return value.upper()

    sheet = Workbook(write_only=True).create_sheet("x")
    cells, column, words = XlsxCells(sheet), Column("k", "K", kind), Words()
    convert = cells.converter(column, words)

    def seen(cell):  # noqa: ANN001, ANN202
        return (cell.value, cell.data_type, cell.number_format) if hasattr(cell, "data_type") else cell

    for value in values:
        assert seen(convert(value)) == seen(cells.styled(cell_value(column, value, words), kind)), value
