"""The customer list, pipeline forecast and complaint summary reports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.filters import CustomerFilter
from crmdesk.reports.complaints import build_complaints
from crmdesk.reports.customer_list import build_customer_list
from crmdesk.reports.pipeline import build_pipeline
from crmdesk.services import customers
from crmdesk.services.context import Context
from crmdesk.services.progress import Cancelled
from crmdesk.storage import exporting
from tests.reports.conftest import pdf_info, pdf_text


class Recorder:
    def __init__(self, cancel_after: int | None = None) -> None:
        self.reports: list[tuple[int, int]] = []
        self.cancel_after = cancel_after

    def report(self, done: int, total: int, stage: str = "") -> None:
        self.reports.append((done, total))

    def cancelled(self) -> bool:
        return self.cancel_after is not None and len(self.reports) >= self.cancel_after


@pytest.fixture
def many(shop, ctx: Context, monkeypatch: pytest.MonkeyPatch) -> int:
    """50 more customers, read back from storage 7 at a time."""
    for i in range(50):
        customers.create_customer(ctx, CustomerInput(name=f"客户{i:03d}", city="宁波", phone=f"1390000{i:04d}"))
    monkeypatch.setattr(exporting, "PAGE", 7)
    return 51


def test_customer_list_streams_and_repeats_its_header(many: int, ctx: Context, tmp_path: Path) -> None:
    progress = Recorder()
    pdf = build_customer_list(ctx, CustomerFilter(), progress=progress)
    pages = int(pdf_info(pdf, tmp_path)["Pages"])
    assert pages == 2
    first, second = pdf_text(pdf, tmp_path, 1), pdf_text(pdf, tmp_path, 2)
    assert "51 customers" in first and "张三丰" in first and "杭州" in first
    for text, page in ((first, 1), (second, 2)):
        assert "Name" in text and "Total spent" in text  # the header row, on every page
        assert f"Page {page} of 2" in text
    assert "客户049" in second
    listed = [f"客户{i:03d}" for i in range(50)]
    assert all(name in first + second for name in listed)
    assert progress.reports == [(27, 51), (51, 51)]  # page by page (on its side, 27 rows under the title)


def test_customer_list_of_a_search(many: int, ctx: Context, tmp_path: Path) -> None:
    text = pdf_text(build_customer_list(ctx, CustomerFilter(text="张三丰")), tmp_path)
    assert "1 customers" in text and "search “张三丰”" in text and "客户001" not in text


def test_customer_list_can_be_cancelled(many: int, ctx: Context) -> None:
    with pytest.raises(Cancelled):
        build_customer_list(ctx, CustomerFilter(), progress=Recorder(cancel_after=1))


def test_pipeline_forecast(shop, ctx: Context, tmp_path: Path) -> None:
    text = pdf_text(build_pipeline(ctx, paper="letter"), tmp_path)
    assert "Pipeline forecast" in text and "Dec 2026" in text and "¥88,000.00" in text
    assert "初步接洽" in text  # the stage, as the database names it
    assert "Page 1 of 1" in text


def test_complaint_summary_of_a_period(shop, ctx: Context, tmp_path: Path) -> None:
    text = pdf_text(build_complaints(ctx, dt.date(2026, 11, 1), dt.date(2026, 12, 1)), tmp_path)
    assert "Complaint summary" in text and "1 Nov 2026 – 30 Nov 2026" in text
    assert "张三丰" in text and "包装破损" in text
    empty = pdf_text(build_complaints(ctx, dt.date(2025, 1, 1), dt.date(2025, 2, 1)), tmp_path)
    assert "张三丰" not in empty and "Complaints received" in empty


def test_a_long_complaint_list_reads_as_one_table(shop, ctx: Context, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from crmdesk.domain.complaints import ComplaintInput
    from crmdesk.reports import complaints as report
    from crmdesk.services import complaints

    for i in range(70):
        complaints.log_complaint(ctx, ComplaintInput(customer_id=shop["customer"], received_at=ctx.now() - i * 60_000,
                                                     description=f"第{i:02d}号投诉"))
    monkeypatch.setattr(report, "LIST_CHUNK", 9)  # chunks end mid-page
    pdf = build_complaints(ctx, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    pages = int(pdf_info(pdf, tmp_path)["Pages"])
    assert pages >= 2
    for page in range(1, pages + 1):
        text = pdf_text(pdf, tmp_path, page)
        assert text.count("Description") == 1, page  # one header on each page, none where a chunk begins
    everything = pdf_text(pdf, tmp_path)
    assert all(f"第{i:02d}号投诉" in everything for i in range(70))
