"""File → Recycle bin…: listing, searching, restoring (undoable) and erasing (confirmed)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QMessageBox, QPushButton

from crmdesk.domain.changes import Changes
from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.pipeline import DealInput
from crmdesk.services import care, customers, pipeline, recycle_bin
from crmdesk.services.context import Context
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


def test_a_customer_deleted_in_the_archive_pane_shows_in_the_bin(window: MainWindow, qtbot,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("赵敏", "周芷若"):
        customers.create_customer(window.ctx, CustomerInput(name=name))
    window.bus.publish(Changes(everything=True))
    pane = window.customers
    pane.ensure_built()
    dialog = _open(window)
    assert dialog.counts_label.text() == "The recycle bin is empty." and dialog.empty_label.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    row = [pane.model.index(r, 0).data() for r in range(pane.model.rowCount())].index("赵敏")
    pane.table.selectRow(row)
    pane.on_delete()
    assert pane.model.rowCount() == 1
    assert _names(dialog) == ["赵敏"]  # the open bin heard of the delete on the bus
    assert dialog.model.index(0, 0).data() == "Customer" and dialog.model.index(0, 3).data()
    dialog.search.setText("zm")  # pinyin initials find it as in the archive
    qtbot.waitUntil(lambda: dialog.model.total == 1 and _names(dialog) == ["赵敏"], timeout=2000)
    dialog.search.setText("周")
    qtbot.waitUntil(lambda: _names(dialog) == [], timeout=2000)
    dialog.search.setText("")
    qtbot.waitUntil(lambda: _names(dialog) == ["赵敏"], timeout=2000)

    _select(dialog, [0])
    dialog.restore_button.click()
    assert _names(dialog) == [] and pane.model.rowCount() == 2  # back in the archive
    assert m.Customer.get(m.Customer.name == "赵敏").deleted_at is None


def test_who_deleted_an_item_is_shown_when_known(window: MainWindow) -> None:
    user = m.User.create(uid="u-li", stamp=1, username="li", display_name="李经理", role="manager")
    ctx = Context(clock=window.ctx.clock, user_id=user.id)
    cid = customers.create_customer(ctx, CustomerInput(name="孙丽"))[0]
    customers.delete_customers(ctx, [cid])
    dialog = _open(window)
    assert _names(dialog) == ["孙丽"] and dialog.model.index(0, 4).data() == "李经理"


class QueuedRunner:
    """A runner whose work waits until the test lets it run (as on the real worker)."""

    def __init__(self) -> None:
        self.queued: list[tuple] = []

    def run(self, work, on_done=None, on_error=None) -> None:  # noqa: ANN001
        self.queued.append((work, on_done, on_error))

    def finish_all(self) -> None:
        while self.queued:
            work, on_done, _on_error = self.queued.pop(0)
            on_done(work())


def test_pages_are_read_on_the_worker_and_a_stale_page_is_dropped(window: MainWindow) -> None:
    ids = [customers.create_customer(window.ctx, CustomerInput(name=f"客户{i:03d}"))[0] for i in range(250)]
    customers.delete_customers(window.ctx, ids)
    runner = QueuedRunner()
    model = BinModel(runner)  # type: ignore[arg-type]
    model.show(recycle_bin.page(), 250, "", recycle_bin.KINDS)
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == recycle_bin.PAGE and len(runner.queued) == 1  # nothing read here
    assert not model.canFetchMore()  # one read at a time
    model.fetchMore()
    assert len(runner.queued) == 1
    runner.finish_all()
    assert model.rowCount() == 250 and not model.canFetchMore()
    assert len({model.item(r) for r in range(250)}) == 250

    model.show(recycle_bin.page(), 250, "", recycle_bin.KINDS)
    model.fetchMore()
    model.show(recycle_bin.page(limit=10), 10, "", recycle_bin.KINDS)  # a new search meanwhile
    runner.finish_all()
    assert model.rowCount() == 10  # the page of the old list was dropped


def test_the_start_up_purge_erases_only_expired_items(qtbot, db_path, english) -> None:
    from crmdesk.storage.database import close_database
    from tests.ui.conftest import make_window

    win = make_window(qtbot, db_path, english)
    ctx = win.ctx
    old, recent = (customers.create_customer(ctx, CustomerInput(name=n))[0] for n in ("旧客户", "新客户"))
    customers.delete_customers(ctx, [old, recent])
    m.Customer.update(deleted_at=ctx.now() - 31 * recycle_bin.DAY_MS).where(m.Customer.id == old).execute()
    heard: list[Changes] = []
    win.bus.changes_did_happen.connect(heard.append)
    win.show()
    win.start_background_work()  # the main worker is synchronous here: the purge has run
    assert m.Customer.get_or_none(m.Customer.id == old) is None
    assert m.Customer.get_by_id(recent).deleted_at is not None  # 0 days in the bin: kept
    assert heard and heard[0].everything
    win.close()
    close_database()


def test_a_restore_that_takes_a_moment_shows_that_it_is_working(window: MainWindow, binned: dict, qtbot,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _open(window)
    names = _names(dialog)
    _select(dialog, [names.index("张伟"), names.index("李娜")])
    held: list[tuple] = []
    run = dialog.runner.run
    monkeypatch.setattr(dialog.runner, "run", lambda work, done, failed: held.append((work, done, failed)))
    dialog.restore_button.click()
    busy = dialog.busy_dialog
    qtbot.waitUntil(busy.isVisible, timeout=3000)  # the work is still on the worker
    assert _singular(busy.labelText()) == "Restoring 2 item…"
    assert busy.findChildren(QPushButton) == []  # one transaction: nothing to cancel half-way
    monkeypatch.setattr(dialog.runner, "run", run)
    work, done, _failed = held.pop()
    done(work())
    assert not busy.isVisible()
    assert m.Customer.get_by_id(binned["张伟"]).deleted_at is None
