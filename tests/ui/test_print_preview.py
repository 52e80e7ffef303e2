"""The print preview shows, prints and saves the report's own PDF bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from crmdesk.domain.changes import Changes
from crmdesk.domain.customer import CustomerInput
from crmdesk.reports.dossier import build_dossier
from crmdesk.services import customers
from crmdesk.ui.main_window import MainWindow
from crmdesk.ui.print_preview import PrintPreview
from crmdesk.ui.report_words import TranslatedReportWords
from tests.reports.conftest import pdf_info, pdf_text

NOTES = Path("/work/notes-pdf")


@pytest.fixture
def archive(window: MainWindow, ctx) -> MainWindow:
    cid, _ = customers.create_customer(window.ctx, CustomerInput(name="张三丰", city="杭州", phone="13812345678"))
    for i in range(30):
        customers.log_interaction(window.ctx, cid, "call", f"电话回访第{i}次")
    window.bus.publish(Changes(everything=True))
    window.customers.ensure_built()
    window.customers.table.selectRow(0)
    return window


def test_preview_loads_the_bytes_and_saves_them_unchanged(archive: MainWindow, qtbot, tmp_path: Path) -> None:
    pdf = build_dossier(archive.ctx, archive.customers.current_id(), TranslatedReportWords("en"))
    preview = PrintPreview(pdf, "Dossier", "dossier", archive)
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    assert preview.document.status() == QPdfDocument.Status.Ready
    assert preview.document.pageCount() == int(pdf_info(pdf, tmp_path)["Pages"]) >= 1
    assert "page" in preview.pages.text()
    target = tmp_path / "saved.pdf"
    assert preview.save_to(target)
    assert target.read_bytes() == pdf
    assert not list(tmp_path.glob(".*.part"))
    if NOTES.is_dir():  # a look at it, for the developer's notes; the view renders pages in the background
        qtbot.wait(800)
        preview.grab().save(str(NOTES / "preview.png"))


def test_print_renders_every_page_into_the_printer(archive: MainWindow, qtbot, tmp_path: Path) -> None:
    pdf = build_dossier(archive.ctx, archive.customers.current_id())
    preview = PrintPreview(pdf, "Dossier", "dossier", archive)
    qtbot.addWidget(preview)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)  # a PDF "printer": what reaches paper, on file
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert preview.print_to(printer) == preview.document.pageCount()
    assert int(pdf_info(out.read_bytes(), tmp_path)["Pages"]) == preview.document.pageCount()
    if NOTES.is_dir():
        out.replace(NOTES / "printed.pdf")


def test_save_to_a_missing_folder_says_why(archive: MainWindow, qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args[2]))
    preview = PrintPreview(build_dossier(archive.ctx, archive.customers.current_id()), "Dossier", "dossier", archive)
    qtbot.addWidget(preview)
    assert not preview.save_to(tmp_path / "nowhere" / "x.pdf")
    assert said and "x.pdf" in said[0]


def test_print_dossier_from_the_archive(archive: MainWindow, qtbot, tmp_path: Path) -> None:
    archive.customers.detail.print_button.click()
    preview = archive.customers.last_preview
    qtbot.waitUntil(lambda: preview.document.status() == QPdfDocument.Status.Ready, timeout=5000)
    assert preview.document.pageCount() >= 1
    assert "张三丰" in pdf_text(preview.pdf, tmp_path) and "杭州" in pdf_text(preview.pdf, tmp_path)
    preview.close()


def test_reports_menu(archive: MainWindow, qtbot, tmp_path: Path) -> None:
    menu = archive.reports_menu
    assert [a.objectName() for a in menu.actions()] == ["reportCustomers", "reportPipeline", "reportComplaints",
                                                        "reportKpi"]
    archive.customers.set_filter(archive.customers.current_filter.with_text("张三丰"))
    menu.customers_action.trigger()
    text = pdf_text(archive.last_preview.pdf, tmp_path)
    assert "Customer list" in text and "张三丰" in text and "1 customers" in text
    archive.last_preview.close()
    menu.pipeline_action.trigger()
    assert "Pipeline forecast" in pdf_text(archive.last_preview.pdf, tmp_path)
    archive.last_preview.close()
    menu.on_complaints("year")
    assert "Complaint summary" in pdf_text(archive.last_preview.pdf, tmp_path)
    archive.last_preview.close()
    menu.kpi_action.trigger()
    assert "KPI report" in pdf_text(archive.last_preview.pdf, tmp_path)
    archive.last_preview.close()


def test_paper_can_be_changed_in_the_preview(archive: MainWindow, qtbot, tmp_path: Path) -> None:
    archive.customers.on_print_dossier()
    preview = archive.customers.last_preview
    # The English tests run in the United States' locale: Letter, as the paper there is.
    assert preview.paper.currentData() == "letter"
    assert pdf_info(preview.pdf, tmp_path)["Page size"].startswith("612 x 792")
    preview.paper.setCurrentIndex(preview.paper.findData("a4"))  # rebuilt on the worker, shown again
    assert pdf_info(preview.pdf, tmp_path)["Page size"].startswith("595.276 x 841.89")
    assert preview.document.pageCount() == int(pdf_info(preview.pdf, tmp_path)["Pages"])
    assert preview.paper.isEnabled()
    preview.close()
