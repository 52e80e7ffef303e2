"""The complaint log as a spreadsheet: the log's filter, money as money, a summary of counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmdesk.domain.complaints import ComplaintInput, Resolution
from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.filters import ComplaintFilter
from crmdesk.services import complaints, customers, exporting, setup
from crmdesk.services.context import Context
from tests.services.exporting.helpers import calamine_rows, records, summary

HOUR = 3_600_000


@pytest.fixture()
def log(db: Path, ctx: Context) -> list[int]:
    setup.ensure_defaults(ctx, "zh_CN")
    who, _ = customers.create_customer(ctx, CustomerInput(name="张伟", phone="13812345678"))
    category = complaints.categories()[0][0]
    ids = []
    for severity, text in (("urgent", "送货晚了"), ("low", "-包装破损"), ("urgent", "态度不好")):
        data = ComplaintInput(customer_id=who, received_at=ctx.now() - 2 * HOUR, severity=severity,
                              description=text, category_id=category)
        ids.append(complaints.log_complaint(ctx, data)[0])
    complaints.resolve(ctx, ids[0], Resolution("补发", "物流", 50_00, ctx.now() - HOUR))
    complaints.resolve(ctx, ids[1], Resolution("道歉", "", 12_34, ctx.now() - HOUR))
    return ids


def test_values_and_the_summary(log, ctx: Context, tmp_path: Path) -> None:
    path = tmp_path / "log.xlsx"
    assert exporting.export_complaints(ctx, ComplaintFilter(), path) == 3
    rows = records(path)
    assert rows[0]["Compensation"].value == 50 and "¥" in rows[0]["Compensation"].number_format
    assert rows[0]["Received"].is_date and rows[0]["Phone"].data_type == "s"
    assert rows[1]["Description"].value == "-包装破损" and rows[1]["Description"].data_type == "s"
    assert calamine_rows(path)[2][9] == "-包装破损"
    got = summary(path)
    assert got["Rows"] == 3 and got["Compensation"] == pytest.approx(62.34)
    assert got["Severity / urgent"] == 2 and got["Severity / low"] == 1
    assert got["Status / resolved"] == 2 and got["Status / new"] == 1


def test_the_filter_narrows_and_is_named(log, ctx: Context, tmp_path: Path) -> None:
    path = tmp_path / "urgent.xlsx"
    flt = ComplaintFilter(text="送货", severities=("urgent",))
    assert exporting.export_complaints(ctx, flt, path) == 1
    got = summary(path)
    assert got["Search"] == "送货" and got["Severity"] == "urgent" and got["Compensation"] == 50
