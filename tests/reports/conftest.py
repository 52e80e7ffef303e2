"""A small shop for the report tests, and the poppler tools that read PDFs back."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from crmdesk.domain.complaints import ComplaintInput
from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.ids import new_uid
from crmdesk.domain.pipeline import DealInput
from crmdesk.services import care, complaints, customers, pipeline, setup
from crmdesk.services.context import Context
from crmdesk.storage import models as m


def poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        # CI installs poppler (.ci/run), so there a missing tool is a broken set-up, not a skip;
        # a developer's machine without it skips the few tests that read PDFs back.
        if os.environ.get("CI"):
            pytest.fail(f"{tool} (poppler-utils) is missing although CI installs it")
        pytest.skip(f"{tool} (poppler-utils) is not installed on this machine; .ci/run installs it")
    return path


def pdf_text(pdf: bytes, tmp_path: Path, *pages: int) -> str:
    source = tmp_path / "read.pdf"
    source.write_bytes(pdf)
    args = [poppler("pdftotext"), "-layout"]
    if pages:
        args += ["-f", str(pages[0]), "-l", str(pages[-1])]
    return subprocess.run([*args, str(source), "-"], capture_output=True, text=True, check=True).stdout


def pdf_info(pdf: bytes, tmp_path: Path) -> dict[str, str]:
    source = tmp_path / "info.pdf"
    source.write_bytes(pdf)
    out = subprocess.run([poppler("pdfinfo"), str(source)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in out.splitlines() if ":" in line)}


def pdf_fonts(pdf: bytes, tmp_path: Path) -> list[str]:
    source = tmp_path / "fonts.pdf"
    source.write_bytes(pdf)
    out = subprocess.run([poppler("pdffonts"), str(source)], capture_output=True, text=True, check=True).stdout
    return out.splitlines()[2:]


@pytest.fixture
def shop(db: Path, ctx: Context) -> dict[str, int]:
    """张三丰 of 杭州 with a contact, orders, a visit, an open deal, a complaint and a care task."""
    setup.ensure_defaults(ctx, "zh_CN")
    setup.set_setting(ctx, "business_name", "西湖茶庄")
    cid, _ = customers.create_customer(ctx, CustomerInput(
        name="张三丰", phone="13812345678", city="杭州", address="杭州市西湖区龙井路1号", tier="strategic",
        birthday_calendar="lunar", birth_month=8, birth_day=15, tags=["VIP", "老客户"], notes="喜欢龙井 <特级> & 碧螺春"))
    day = dt.date(2026, 11, 2)
    for months_back, cents in ((0, 1234567), (2, 50000), (5, 230000)):
        month = (day.month - months_back - 1) % 12 + 1
        year = day.year - (1 if month > day.month else 0)
        m.Order.create(uid=new_uid(), stamp=ctx.now(), customer=cid, ordered_on=dt.date(year, month, 2),
                       amount_cents=cents, description="明前龙井")
    m.Customer.update(order_count=3, order_total_cents=1514567, first_order_on=dt.date(2026, 6, 2),
                      last_order_on=day).where(m.Customer.id == cid).execute()
    customers.log_interaction(ctx, cid, "visit", "上门拜访，试饮新茶")
    pipeline.create_deal(ctx, DealInput(customer_id=cid, title="年会礼盒采购", amount_cents=8800000,
                                        expected_close=dt.date(2026, 12, 20)))
    complaints.log_complaint(ctx, ComplaintInput(customer_id=cid, received_at=ctx.now() - 3_600_000,
                                                 description="包装破损，茶叶受潮"))
    care.create_task(ctx, care.TaskInput(title="回访新茶口感", due_on=dt.date(2026, 11, 30), customer_id=cid))
    return {"customer": cid}
