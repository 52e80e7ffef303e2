"""File → Recycle bin…: listing, searching, restoring (undoable) and erasing (confirmed)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QMessageBox

from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.pipeline import DealInput
from crmdesk.services import care, customers, pipeline, recycle_bin
from crmdesk.storage import kpi
from crmdesk.storage import models as m
from crmdesk.ui import menu_actions
from crmdesk.ui.main_window import MainWindow
from crmdesk.ui.recycle_bin import RecycleBinDialog
from crmdesk.ui.recycle_bin_model import ITEM_ROLE, BinModel


@pytest.fixture
def binned(window: MainWindow) -> dict[str, int]:
    ctx = window.ctx
    ids = {}
    for name in ("张伟", "李娜", "王芳"):
        ids[name] = customers.create_customer(ctx, CustomerInput(name=name, phone="1380000000" + str(len(ids))))[0]
    ids["deal"] = pipeline.create_deal(ctx, DealInput(ids["李娜"], "年度采购", 90_000))[0]
    ids["task"] = care.create_task(ctx, care.TaskInput("寄贺卡", dt.date(2026, 12, 1), ids["王芳"]))[0]
    pipeline.delete_deal(ctx, ids["deal"])
    care.delete_task(ctx, ids["task"])
    customers.delete_customers(ctx, [ids["张伟"], ids["李娜"]])
    return ids


def _open(window: MainWindow) -> RecycleBinDialog:
    window.recycle_bin_action.trigger()
    dialog = window.recycle_bin_dialog
    assert dialog.isVisible()
    return dialog


def _select(dialog: RecycleBinDialog, rows: list[int]) -> None:
    selection = dialog.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(dialog.model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def _singular(text: str) -> str:
    """English counts without their plural endings: the same whether the English plural forms
    are installed ("2 customers") or the source shows ("2 customer(s)")."""
    return re.sub(r"\(s\)|s\b", "", text)


def _names(dialog: RecycleBinDialog) -> list[str]:
    return [dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())]


def test_opened_from_the_file_menu_and_found_by_the_palette(window: MainWindow, binned: dict) -> None:
    assert window.recycle_bin_action in window.file_menu.actions()
    labels = [found.label for found in menu_actions.menu_actions(window.menuBar())]
    assert "File › Recycle bin…" in labels
    dialog = _open(window)
    assert sorted(_names(dialog)) == sorted(["张伟", "李娜", "年度采购", "寄贺卡"])
    assert _singular(dialog.counts_label.text()) == "2 customer · 1 deal · 1 care task · 0 complaint"
    row = _names(dialog).index("年度采购")
    assert dialog.model.index(row, 2).data() == "李娜"  # its customer, who is binned too
    assert dialog.model.index(row, 2).data(ITEM_ROLE - 1) == binned["deal"]
    assert not dialog.restore_button.isEnabled()
    window.recycle_bin_action.trigger()
    assert window.recycle_bin_dialog is dialog  # one dialog, brought forward


def test_model_contract_and_paging(window: MainWindow, qtmodeltester) -> None:
    ids = [customers.create_customer(window.ctx, CustomerInput(name=f"客户{i:03d}"))[0] for i in range(450)]
    customers.delete_customers(window.ctx, ids)
    dialog = _open(window)
    model: BinModel = dialog.model
    assert model.rowCount() == recycle_bin.PAGE and model.total == 450
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 450 and len({model.item(r) for r in range(450)}) == 450


def test_search_and_kind_filter(window: MainWindow, binned: dict, qtbot) -> None:
    dialog = _open(window)
    dialog.search.setText("张")
    qtbot.waitUntil(lambda: _names(dialog) == ["张伟"], timeout=2000)
    assert _singular(dialog.counts_label.text()) == "Found: 1 customer · 0 deal · 0 care task · 0 complaint (of 4 item in the bin)"
    dialog.search.setText("")
    dialog.kind.setCurrentIndex(2)  # deals
    qtbot.waitUntil(lambda: _names(dialog) == ["年度采购"], timeout=2000)


def test_restore_is_undoable_and_a_deal_needs_its_customer(window: MainWindow, binned: dict,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: warnings.append(text))
    dialog = _open(window)
    _select(dialog, [_names(dialog).index("年度采购")])
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    assert warnings and "李娜" in warnings[0] and "recycle bin" in warnings[0]
    assert m.Opportunity.get_by_id(binned["deal"]).deleted_at is not None

    names = _names(dialog)
    _select(dialog, [names.index("年度采购"), names.index("李娜")])
    dialog.restore_button.click()
    assert m.Opportunity.get_by_id(binned["deal"]).deleted_at is None
    assert m.Customer.get_by_id(binned["李娜"]).deleted_at is None
    assert sorted(_names(dialog)) == sorted(["张伟", "寄贺卡"])
    assert window.customers.model.rowCount() == 2  # the archive heard of it
    assert window.history.undo_action.text() == "&Undo restoring items (2)"
    window.history.undo_action.trigger()
    assert m.Customer.get_by_id(binned["李娜"]).deleted_at is not None
    assert sorted(_names(dialog)) == sorted(["张伟", "李娜", "年度采购", "寄贺卡"])
    assert kpi.rollups_agree()


def test_erasing_asks_first_and_says_it_cannot_be_undone(window: MainWindow, binned: dict,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.Cancel]

    def question(_parent: object, _title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = _open(window)
    _select(dialog, [_names(dialog).index("张伟")])
    dialog.empty_selected_button.click()
    assert "1 selected item" in _singular(asked[-1]) and "cannot be undone" in asked[-1]
    assert m.Customer.get_or_none(m.Customer.id == binned["张伟"]) is not None  # cancelled: nothing gone

    answer[0] = QMessageBox.StandardButton.Yes
    dialog.empty_selected_button.click()
    assert m.Customer.get_or_none(m.Customer.id == binned["张伟"]) is None
    assert sorted(_names(dialog)) == sorted(["李娜", "年度采购", "寄贺卡"])

    dialog.empty_all_button.click()
    assert "all 3 item in the recycle bin" in _singular(asked[-1]) and "cannot be undone" in asked[-1]
    assert recycle_bin.counts() == {"customer": 0, "deal": 0, "task": 0, "complaint": 0}
    assert dialog.counts_label.text() == "The recycle bin is empty."
    assert dialog.empty_label.isVisible() and not dialog.empty_all_button.isEnabled()
    assert m.Customer.get_by_id(binned["王芳"]).deleted_at is None and kpi.rollups_agree()


def test_retention_is_saved_and_old_items_are_purged_at_start_up(window: MainWindow, binned: dict,
                                                                 qtbot) -> None:
    dialog = _open(window)
    assert dialog.retention.value() == 30
    dialog.retention.setValue(7)
    dialog.save_retention()
    assert recycle_bin.retention_days() == 7
    long_ago = window.ctx.now() - 8 * recycle_bin.DAY_MS
    m.Customer.update(deleted_at=long_ago).where(m.Customer.id == binned["张伟"]).execute()
    window.purge_recycle_bin()
    assert m.Customer.get_or_none(m.Customer.id == binned["张伟"]) is None
    assert "张伟" not in _names(dialog)  # the purge was published: the open bin reloaded
    window.purge_recycle_bin()  # again: nothing more goes
    assert recycle_bin.counts()["customer"] == 1
