"""Exports from the app: File → Export, the panes' buttons, progress and cancel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from python_calamine import CalamineWorkbook

from crmdesk.domain.changes import Changes
from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.filters import CustomerFilter
from crmdesk.services import care, customers, segments
from crmdesk.ui.main_window import MainWindow

SCREENSHOTS = Path("/work/notes-xlsx/screens")


@pytest.fixture
def shop(window: MainWindow, clock):
    window.ctx.clock = clock
    ctx = window.ctx
    for name, tier in (("张伟", "strategic"), ("张丽", "general"), ("李伟", "strategic")):
        cid, _ = customers.create_customer(ctx, CustomerInput(name=name, tier=tier, phone="13812345678"))
    care.create_task(ctx, care.TaskInput("回访", dt.date(2026, 11, 24), cid))
    window.bus.publish(Changes(everything=True))
    window.customers.ensure_built()
    return window


@pytest.fixture
def dialogs(monkeypatch, tmp_path: Path) -> dict:
    """The save dialog answers with the next file name; messages are kept."""
    seen: dict = {"files": [], "info": [], "warnings": []}

    def save(*args, **kwargs):
        target = tmp_path / seen["next"]
        seen["files"].append(target)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: seen["info"].append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: seen["warnings"].append(a[2]))
    return seen


def _rows(path: Path, sheet: int = 0) -> list[list]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(sheet).to_python()


def test_file_export_runs_each_panes_export(shop: MainWindow, dialogs, tmp_path: Path) -> None:
    menu = shop.export_menu
    assert [a.text() for a in menu.actions()][:4] == ["&Customers…", "&Opportunities…", "Care &reminders…",
                                                       "Com&plaints…"]
    for key, name in (("customers", "c.xlsx"), ("opportunities", "d.xlsx"), ("reminders", "r.xlsx"),
                      ("complaints", "k.csv")):
        dialogs["next"] = name
        shop.export_actions[key].trigger()
    assert not dialogs["warnings"] and len(dialogs["info"]) == 4
    assert len(_rows(tmp_path / "c.xlsx")) == 4 and _rows(tmp_path / "c.xlsx", 1)[0][0] == "Summary"
    assert _rows(tmp_path / "d.xlsx")[0][0] == "Stage"
    reminders = _rows(tmp_path / "r.xlsx")
    assert reminders[1][3] == "回访" and reminders[1][0] == dt.date(2026, 11, 24)
    assert (tmp_path / "k.csv").read_text(encoding="utf-8-sig").startswith("Received,")
    assert "3 customers written to" in dialogs["info"][0]


def test_the_archive_exports_the_listed_customers_or_the_selection(shop: MainWindow, dialogs, tmp_path, qtbot) -> None:
    pane = shop.customers
    segments.save_segment(shop.ctx, "战略", CustomerFilter(tiers=("strategic",)))
    pane.apply_segment(CustomerFilter(tiers=("strategic",)))
    qtbot.waitUntil(lambda: pane.model.rowCount() == 2, timeout=2000)
    dialogs["next"] = "listed.xlsx"
    pane.export_button.click()
    listed = _rows(tmp_path / "listed.xlsx")
    assert sorted(r[0] for r in listed[1:]) == ["张伟", "李伟"]
    summary = {r[0]: r[1] for r in _rows(tmp_path / "listed.xlsx", 1)}
    assert summary["Segment"] == "战略" and summary["Rows"] == 2
    pane.table.selectRow(0)
    chosen = pane.model.index(0, 0).data()
    dialogs["next"] = "chosen.xlsx"
    pane.bulk_menu.on_export()
    assert [r[0] for r in _rows(tmp_path / "chosen.xlsx")[1:]] == [chosen]
    assert {r[0]: r[1] for r in _rows(tmp_path / "chosen.xlsx", 1)}["Selected rows"] == "1"


def test_a_cancelled_export_leaves_no_file_and_no_message(shop: MainWindow, dialogs, tmp_path, monkeypatch) -> None:
    from crmdesk.ui.tasks import TaskProgress

    monkeypatch.setattr(TaskProgress, "cancelled", lambda self: True)  # Cancel pressed at once
    dialogs["next"] = "never.xlsx"
    shop.export_actions["customers"].trigger()
    assert not (tmp_path / "never.xlsx").exists() and not list(tmp_path.glob(".*part"))
    assert not dialogs["info"] and not dialogs["warnings"]


def test_a_failed_export_says_why(shop: MainWindow, dialogs, tmp_path) -> None:
    dialogs["next"] = "missing/x.xlsx"
    shop.export_actions["complaints"].trigger()
    assert dialogs["warnings"] and "Could not write x.xlsx" in dialogs["warnings"][0]


def test_the_calendar_offers_spreadsheets(shop: MainWindow, dialogs, tmp_path) -> None:
    shop.show_pane(2)
    dialogs["next"] = "care.csv"
    shop.calendar.on_export()
    lines = (tmp_path / "care.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Due,Time,Kind,Task") and "回访" in lines[1]


def test_screenshot_of_the_export_menu(shop: MainWindow) -> None:
    # Rendered without popping up: the offscreen platform warns about popups' keyboard grabs.
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, menu in (("file-menu", shop.file_menu), ("file-export-menu", shop.export_menu)):
        menu.adjustSize()
        image = menu.grab()
        assert not image.isNull()
        image.save(str(SCREENSHOTS / f"{name}.png"))
    shop.customers.grab().save(str(SCREENSHOTS / "customers-pane.png"))


def test_the_cancel_button_stops_a_running_export(shop: MainWindow, dialogs, tmp_path, qtbot) -> None:
    """On a real worker thread: the export waits until Cancel is pressed, then stops before
    its first page; no file is left and no message shown."""
    import threading

    from crmdesk.services import exporting
    from crmdesk.ui.export_task import run_export
    from crmdesk.ui.tasks import TaskRunner

    runner = TaskRunner()
    pressed = threading.Event()
    target = tmp_path / "stopped.xlsx"

    def work(progress) -> int:  # noqa: ANN001
        pressed.wait(5)
        return exporting.export_customers(shop.ctx, CustomerFilter(), target, progress=progress)

    try:
        dialog = run_export(shop, runner, "Export customers", 3, work, lambda n: f"{n} written")
        dialog.show()  # at once, instead of after its minimum duration
        qtbot.waitExposed(dialog)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(SCREENSHOTS / "export-progress.png"))
        from PySide6.QtWidgets import QPushButton

        dialog.findChild(QPushButton).click()  # the user presses Cancel
        pressed.set()
        qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    finally:
        pressed.set()
        runner.shutdown()
    assert not target.exists() and not list(tmp_path.glob(".*part"))
    assert not dialogs["info"] and not dialogs["warnings"]


def test_file_export_kpi_workbook(shop: MainWindow, dialogs, tmp_path, monkeypatch) -> None:
    import zipfile

    from PySide6.QtWidgets import QInputDialog

    asked = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (asked.append(a[3]) or a[3][2], True))
    dialogs["next"] = "kpi.xlsx"
    shop.export_actions["kpi"].trigger()
    assert asked == [["This month", "This quarter", "This year", "The last 30 days"]]
    assert not dialogs["warnings"] and "KPI workbook" in dialogs["info"][0]
    with zipfile.ZipFile(tmp_path / "kpi.xlsx") as z:
        assert any(n.startswith("xl/charts/chart") for n in z.namelist())
