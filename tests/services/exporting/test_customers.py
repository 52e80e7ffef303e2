"""Customer exports: reopened with openpyxl and python-calamine, checked cell by cell."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.errors import CrmError, ValidationError
from crmdesk.domain.filters import CustomerFilter
from crmdesk.services import customers, exporting
from crmdesk.services.context import Context
from crmdesk.services.progress import Cancelled
from crmdesk.storage import models as m
from tests.services.exporting.helpers import CancelAtOnce


@pytest.fixture()
def shop(db: Path, ctx: Context) -> dict[str, int]:
    a, _ = customers.create_customer(ctx, CustomerInput(
        name="张伟", phone="+86 138 1234 5678", city="上海", tier="strategic", birth_year=1990, birth_month=5,
        birth_day=6, notes="=HYPERLINK(\"http://evil\")", tags=["VIP", "团购"]))
    b, _ = customers.create_customer(ctx, CustomerInput(
        name="@李四", company="-星辰贸易", birthday_calendar="lunar", birth_month=8, birth_day=15,
        notes="bell\x07here"))
    m.Customer.update(order_total_cents=1234567, order_count=3).where(m.Customer.id == a).execute()
    return {"a": a, "b": b}


def test_xlsx_is_a_real_spreadsheet(shop, ctx: Context, tmp_path: Path) -> None:
    path = tmp_path / "客户.xlsx"
    assert exporting.export_customers(ctx, CustomerFilter(), path) == 2
    sheet = openpyxl.load_workbook(path).active
    headers = [c.value for c in sheet[1]]
    assert headers[:3] == ["Name", "Kind", "Company"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:T3"
    assert sheet["A1"].font.bold
    row = {h: sheet.cell(2, i + 1) for i, h in enumerate(headers)}
    assert row["Name"].value == "张伟"
    assert row["Phone"].value == "+86 138 1234 5678" and row["Phone"].data_type == "s"
    assert row["Total spent"].value == 12345.67 and "¥" in row["Total spent"].number_format
    assert row["Birthday"].value == dt.datetime(1990, 5, 6) and row["Birthday"].is_date
    assert row["Created"].is_date and row["Orders"].value == 3
    assert row["Tags"].value == "VIP, 团购"
    # Formula-like text stays text.
    assert row["Notes"].data_type == "s" and row["Notes"].value.startswith("=HYPERLINK")
    second = {h: sheet.cell(3, i + 1).value for i, h in enumerate(headers)}
    assert second["Name"] == "@李四" and second["Company"] == "-星辰贸易"
    assert second["Birthday"] == "lunar 08-15" and second["Notes"] == "bellhere"
    # A second reader agrees.
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert rows[1][0] == "张伟" and rows[2][0] == "@李四" and rows[1][headers.index("Notes")].startswith("=HYP")
    assert not list(tmp_path.glob(".*part"))


def test_csv_quotes_formulas_and_opens_in_excel(shop, ctx: Context, tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    exporting.export_customers(ctx, CustomerFilter(text="张伟"), path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the Chinese right
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == 2
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["Notes"] == "'=HYPERLINK(\"http://evil\")"
    assert record["Phone"] == "'+86 138 1234 5678"
    assert record["Total spent"] == "12345.67" and record["Birthday"] == "1990-05-06"


def test_words_translate_headers_and_labels(shop, ctx: Context, tmp_path: Path) -> None:
    class Shouting(exporting.Vocabulary):
        def header(self, text: str) -> str:
            return text.upper()

        def label(self, value: str) -> str:
            return f"<{value}>"

    path = tmp_path / "x.csv"
    exporting.export_customers(ctx, CustomerFilter(ids=(shop["a"],)), path, words=Shouting())
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][0] == "NAME" and "<strategic>" in rows[1]


def test_a_cancel_or_a_failure_leaves_no_file(shop, ctx: Context, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "x.xlsx"
    path.write_bytes(b"the old file")
    with pytest.raises(Cancelled):
        exporting.export_customers(ctx, CustomerFilter(), path, progress=CancelAtOnce())
    assert path.read_bytes() == b"the old file" and [p.name for p in folder.iterdir()] == ["x.xlsx"]
    with pytest.raises(CrmError, match="Could not write"):
        exporting.export_customers(ctx, CustomerFilter(), tmp_path / "missing" / "x.xlsx")
    with pytest.raises(ValidationError):
        exporting.export_customers(ctx, CustomerFilter(), folder / "x.pdf")
    assert [p.name for p in folder.iterdir()] == ["x.xlsx"]


def test_pages_stream_in_id_order(shop, ctx: Context, tmp_path: Path, monkeypatch) -> None:
    from crmdesk.storage import exporting as rows

    for i in range(7):
        customers.create_customer(ctx, CustomerInput(name=f"王{i}"))
    monkeypatch.setattr(rows, "PAGE", 3)
    seen: list[tuple[int, int]] = []

    class Watch:
        def report(self, done: int, total: int, stage: str = "") -> None:
            seen.append((done, total))

        def cancelled(self) -> bool:
            return False

    path = tmp_path / "x.csv"
    assert exporting.export_customers(ctx, CustomerFilter(), path, progress=Watch()) == 9
    names = [r[0] for r in csv.reader(path.read_text(encoding="utf-8-sig").splitlines())][1:]
    assert names == ["张伟", "'@李四", *[f"王{i}" for i in range(7)]]
    assert seen[-1] == (9, 9) and len(seen) == 3


def test_too_many_rows_for_a_sheet(shop, ctx: Context, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(exporting.table, "EXCEL_MAX_ROWS", 2)
    with pytest.raises(ValidationError, match="csv"):
        exporting.export_customers(ctx, CustomerFilter(), tmp_path / "x.xlsx")
    assert exporting.export_customers(ctx, CustomerFilter(), tmp_path / "x.csv") == 2
