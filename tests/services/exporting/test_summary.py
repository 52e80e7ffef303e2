"""The summary sheet: what was exported and the totals, checked by hand on a small data set."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.filters import CustomerFilter
from crmdesk.services import customers, exporting, segments
from crmdesk.services.context import Context
from crmdesk.storage import models as m
from tests.conftest import FROZEN_AT
from tests.services.exporting.helpers import calamine_rows, sheets, summary


@pytest.fixture()
def three(db: Path, ctx: Context) -> list[int]:
    ids = []
    for name, tier, category, cents in (("张伟", "strategic", "existing", 1_234_567), ("李娜", "value", "existing", 100),
                                        ("王芳", "strategic", "potential", None)):
        cid, _ = customers.create_customer(ctx, CustomerInput(name=name, tier=tier, category=category))
        if cents is not None:
            m.Customer.update(order_total_cents=cents, order_count=1).where(m.Customer.id == cid).execute()
        ids.append(cid)
    return ids


def test_totals_and_counts_by_hand(three, ctx: Context, tmp_path: Path) -> None:
    path = tmp_path / "c.xlsx"
    assert exporting.export_customers(ctx, CustomerFilter(), path) == 3
    assert sheets(path) == ["Customers", "Summary"]  # the data first: it stays the active sheet
    got = summary(path)
    assert got["Exported"] == "Customers" and got["Filter"] == "none (everything)"
    assert got["Rows"] == 3.0  # calamine: every number a float
    assert got["Total spent"] == pytest.approx(12_346.67)  # 12,345.67 + 1.00 + nothing
    assert got["Value tier / strategic"] == 2 and got["Value tier / value"] == 1  # stored values: no translator
    assert got["Category / existing"] == 2 and got["Category / potential"] == 1
    assert got["Owner / (not set)"] == 3
    assert got["Exported at"] == FROZEN_AT
    # openpyxl: numbers as numbers with their formats, the moment as a date.
    sheet = openpyxl.load_workbook(path)["Summary"]
    cells = {row[0].value: row[1] for row in sheet.iter_rows(min_row=2) if len(row) > 1}
    assert cells["Total spent"].value == pytest.approx(12_346.67) and "¥" in cells["Total spent"].number_format
    assert cells["Rows"].value == 3 and cells["Exported at"].is_date
    assert sheet["A1"].value == "Summary" and sheet["A1"].font.bold


def test_the_filter_and_the_segment_are_named(three, ctx: Context, tmp_path: Path) -> None:
    flt = CustomerFilter(text="张", tiers=("strategic",))
    segments.save_segment(ctx, "大客户", flt)
    path = tmp_path / "s.xlsx"
    assert exporting.export_customers(ctx, exporting.segment_filter(" 大客户 "), path, segment="大客户") == 1
    got = summary(path)
    assert got["Segment"] == "大客户" and got["Search"] == "张" and got["Value tier"] == "strategic"
    assert got["Rows"] == 1 and got["Total spent"] == pytest.approx(12_345.67)
    selected = tmp_path / "ids.xlsx"
    exporting.export_customers(ctx, CustomerFilter(ids=tuple(three[:2])), selected)
    assert summary(selected)["Selected rows"] == "2"
    with pytest.raises(exporting.customers.NotFoundError, match="no saved segment"):
        exporting.segment_filter("nope")


def test_csv_stays_one_table(three, ctx: Context, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    exporting.export_customers(ctx, CustomerFilter(), path)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 4 and "Summary" not in path.read_text(encoding="utf-8-sig")


def test_an_empty_export_still_has_its_summary(db: Path, ctx: Context, tmp_path: Path) -> None:
    path = tmp_path / "none.xlsx"
    assert exporting.export_customers(ctx, CustomerFilter(text="nobody-at-all"), path) == 0
    assert calamine_rows(path)[0][0] == "Name"
    got = summary(path)
    assert got["Rows"] == 0 and got["Total spent"] == 0 and got["Search"] == "nobody-at-all"


def test_many_distinct_values_end_in_others(db: Path, ctx: Context, tmp_path: Path, monkeypatch) -> None:
    from crmdesk.services.exporting import summary as module

    monkeypatch.setattr(module, "MAX_COUNTED", 2)
    for i, owner in enumerate(("甲", "乙", "丙", "丁")):
        user = m.User.create(uid=f"u{i}", stamp=0, username=f"u{i}", display_name=owner, role="sales")
        customers.create_customer(ctx, CustomerInput(name=f"客户{i}", owner_id=user.id))
    path = tmp_path / "o.xlsx"
    exporting.export_customers(ctx, CustomerFilter(), path)
    got = summary(path)
    assert sum(v for k, v in got.items() if k.startswith("Owner / ")) == 4 and got["Owner / (others)"] == 2


def test_opportunities_summary_sums_amounts(db: Path, ctx: Context, tmp_path: Path) -> None:
    from crmdesk.services import setup
    from crmdesk.services.demo import generator

    setup.ensure_defaults(ctx, "en")
    generator.generate(ctx, 120, seed=3, language="en")
    path = tmp_path / "d.xlsx"
    count = exporting.export_opportunities(ctx, exporting.deals.DealFilter(), path, "open")
    amounts = [r[4] for r in calamine_rows(path)[1:]]
    got = summary(path)
    assert got["Rows"] == count and got["Deals"] == "open"
    assert got["Amount"] == pytest.approx(sum(a for a in amounts if a != ""))
    assert got["Status / open"] == count
    assert isinstance(got["Exported at"], dt.datetime)
