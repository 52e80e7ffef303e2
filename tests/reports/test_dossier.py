"""The customer dossier, read back with poppler as a person would read the printout."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.errors import NotFoundError, ValidationError
from crmdesk.reports.dossier import build_dossier, find_customer
from crmdesk.reports.fonts import PLACEHOLDER
from crmdesk.services import customers
from crmdesk.services.context import Context
from crmdesk.ui.report_words import TranslatedReportWords
from tests.reports.conftest import pdf_fonts, pdf_info, pdf_text, poppler


def test_dossier_prints_the_customer_in_chinese(shop, ctx: Context, tmp_path: Path, qapp) -> None:
    pdf = build_dossier(ctx, shop["customer"], TranslatedReportWords("en"))
    text = pdf_text(pdf, tmp_path)
    for expected in ("张三丰", "杭州", "龙井路1号", "西湖茶庄", "Customer dossier", "老客户", "年会礼盒采购",
                     "包装破损", "回访新茶口感", "上门拜访", "Lunar 8-15", "Strategic"):
        assert expected in text, expected
    # Lifetime value, in figures and in capitals.
    assert "¥15,145.67" in text and "壹万伍仟壹佰肆拾伍元陆角柒分" in text
    assert "喜欢龙井 <特级> & 碧螺春" in text  # markup characters come out as typed
    assert "Printed 23 Nov 2026" in text
    fonts = pdf_fonts(pdf, tmp_path)
    assert fonts and all("WenQuanYiMicroHei" in line for line in fonts)
    assert all(line.split()[-5:-2] == ["yes", "yes", "yes"] for line in fonts)  # embedded, subset, unicode


def test_every_page_says_page_x_of_y(shop, ctx: Context, tmp_path: Path) -> None:
    for i in range(40):  # a long timeline pushes the dossier onto a second page
        customers.log_interaction(ctx, shop["customer"], "call", f"电话回访第{i}次", occurred_at=ctx.now() - i * 60_000)
    pdf = build_dossier(ctx, shop["customer"])
    pages = int(pdf_info(pdf, tmp_path)["Pages"])
    assert pages >= 2
    for page in range(1, pages + 1):
        assert f"Page {page} of {pages}" in pdf_text(pdf, tmp_path, page)


def test_missing_glyphs_show_a_placeholder(db: Path, ctx: Context, tmp_path: Path) -> None:
    cid, _ = customers.create_customer(ctx, CustomerInput(name="王😀五", city="𠀀城"))
    text = pdf_text(build_dossier(ctx, cid), tmp_path)
    assert f"王{PLACEHOLDER}五" in text and f"{PLACEHOLDER}城" in text
    assert "😀" not in text


def test_letter_paper_and_a_page_renders(shop, ctx: Context, tmp_path: Path) -> None:
    pdf = build_dossier(ctx, shop["customer"], paper="letter")
    assert pdf_info(pdf, tmp_path)["Page size"].startswith("612 x 792 pts")
    source = tmp_path / "d.pdf"
    source.write_bytes(pdf)
    subprocess.run([poppler("pdftoppm"), "-png", "-r", "30", "-f", "1", "-l", "1", str(source), str(tmp_path / "p")],
                   check=True)
    image = next(tmp_path.glob("p*.png"))
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and image.stat().st_size > 2000


def test_unknown_paper_is_refused(shop, ctx: Context) -> None:
    with pytest.raises(ValidationError):
        build_dossier(ctx, shop["customer"], paper="a3")


def test_find_customer(shop, ctx: Context) -> None:
    cid = shop["customer"]
    assert find_customer(str(cid)) == cid
    assert find_customer("张三丰") == cid
    assert find_customer("138 1234 5678") == cid
    with pytest.raises(NotFoundError):
        find_customer("无名氏")
    customers.create_customer(ctx, CustomerInput(name="张三丰", phone="13900001111"))
    with pytest.raises(ValidationError):
        find_customer("张三丰")


def test_text_longer_than_a_page_runs_on(db: Path, ctx: Context, tmp_path: Path) -> None:
    long = "很长的备注，" * 1500
    cid, _ = customers.create_customer(ctx, CustomerInput(name="李四", notes=long))
    customers.log_interaction(ctx, cid, "note", "长记录", details="细节" * 3000)
    pdf = build_dossier(ctx, cid)
    assert int(pdf_info(pdf, tmp_path)["Pages"]) > 3
    assert "很长的备注" in pdf_text(pdf, tmp_path, 2)
