"""The KPI report: the figures the dashboard computes, with charts and definitions."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmdesk.domain.errors import ValidationError
from crmdesk.reports.kpi import build_kpi
from crmdesk.services.context import Context
from crmdesk.services.kpi import Period
from crmdesk.ui.report_words import TranslatedReportWords
from tests.reports.conftest import pdf_info, pdf_text


def test_kpi_report_of_this_month(shop, ctx: Context, tmp_path: Path, qapp) -> None:
    pdf = build_kpi(ctx, None, TranslatedReportWords("en"))
    text = pdf_text(pdf, tmp_path)
    assert "KPI report" in text and "1 Nov 2026 – 23 Nov 2026" in text  # a running month: up to today
    assert "Revenue" in text and "¥12,345.67" in text  # the one order dated this month
    assert "Revenue per month" in text and "New customers per month" in text
    assert "Strategic" in text and "初步接洽" in text  # customers by tier, the pipeline by stage
    assert "How each figure is measured" in text and "The amounts of the orders dated in the period." in text
    pages = int(pdf_info(pdf, tmp_path)["Pages"])
    assert f"Page {pages} of {pages}" in pdf_text(pdf, tmp_path, pages)


def test_kpi_report_of_an_earlier_month(shop, ctx: Context, tmp_path: Path) -> None:
    text = pdf_text(build_kpi(ctx, Period.month("2026-09")), tmp_path)
    assert "1 Sep 2026 – 30 Sep 2026" in text and "¥500.00" in text
    with pytest.raises(ValidationError):
        Period.month("2026-13")
