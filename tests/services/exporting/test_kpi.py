"""The KPI workbook: sheets of numbers that agree with kpi.compute, and native charts over them."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from crmdesk.domain.clock import today
from crmdesk.domain.errors import ValidationError
from crmdesk.services import kpi, setup
from crmdesk.services.context import Context
from crmdesk.services.demo import generator
from crmdesk.services.exporting.kpi import export_kpis
from crmdesk.services.progress import Cancelled
from tests.services.exporting.helpers import CancelAtOnce, calamine_rows


@pytest.fixture()
def shop(db: Path, ctx: Context) -> Context:
    setup.ensure_defaults(ctx, "en")
    generator.generate(ctx, 300, seed=4, language="en")
    return ctx


VALUES = r"<(?:c:)?val><(?:c:)?numRef><(?:c:)?f>([^<]+)</(?:c:)?f>"  # a series' numbers (prefix or not)


def _charts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name).decode() for name in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", name)}


def test_figures_agree_with_compute(shop: Context, tmp_path: Path) -> None:
    period = kpi.Period.of("month", today(shop.clock))
    path = tmp_path / "kpi.xlsx"
    assert export_kpis(shop, period, path) == len(kpi.KPIS)
    found = kpi.compute(shop, period)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Key figures", "Customer mix", "Pipeline", "Trend"]
    sheet = book["Key figures"]
    assert sheet["A1"].value == "Period" and sheet["B1"].value.startswith(period.start.isoformat())
    assert sheet["A2"].value == "Exported at" and sheet["B2"].is_date and sheet["A4"].value == "Figure"
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=5)}
    assert rows["Customers"][1].value == found.customers and rows["Customers"][1].number_format == "#,##0"
    assert rows["Revenue"][1].value == pytest.approx(found.revenue_cents / 100)
    assert "¥" in rows["Revenue"][1].number_format
    assert rows["Win rate"][1].number_format == "0.0%"
    assert rows["Retention"][2].value.startswith("Of the customers active")
    again = {row[0]: row[1] for row in calamine_rows(path)[4:]}
    assert again["Customers"] == float(found.customers)  # calamine: a float
    assert again["Open pipeline"] == pytest.approx(found.open_pipeline_cents / 100)


def test_native_charts_over_the_sheets(shop: Context, tmp_path: Path) -> None:
    path = tmp_path / "kpi.xlsx"
    export_kpis(shop, kpi.Period.of("year", today(shop.clock)), path)
    charts = _charts(path)
    assert "xl/charts/chart1.xml" in charts and len(charts) == 6
    kinds = [re.search(r"<(?:c:)?(pie|bar|line)Chart>", xml).group(1) for _n, xml in sorted(charts.items())]
    assert sorted(kinds) == ["bar", "bar", "bar", "bar", "line", "pie"]
    book = openpyxl.load_workbook(path)
    for xml in charts.values():  # every series points at numbers on its sheet
        for ref in re.findall(VALUES, xml):
            sheet_part, cells = ref.rsplit("!", 1)
            sheet = book[sheet_part.strip("'")]
            values = [c.value for row in sheet[cells.replace("$", "")] for c in row]
            assert values and all(isinstance(v, (int, float)) for v in values), ref
    pie = next(xml for xml in charts.values() if re.search(r"<(?:c:)?pieChart>", xml))
    found = kpi.compute(shop, kpi.Period.of("year", today(shop.clock)))
    ref = re.search(VALUES, pie).group(1).rsplit("!", 1)[1].replace("$", "")
    assert sum(c.value for row in book["Customer mix"][ref] for c in row) == found.customers


def test_only_xlsx_and_a_cancel_leaves_nothing(shop: Context, tmp_path: Path) -> None:
    period = kpi.Period.of("month", today(shop.clock))
    with pytest.raises(ValidationError, match="xlsx"):
        export_kpis(shop, period, tmp_path / "kpi.csv")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Cancelled):
        export_kpis(shop, period, out / "kpi.xlsx", progress=CancelAtOnce())
    assert list(out.iterdir()) == []
