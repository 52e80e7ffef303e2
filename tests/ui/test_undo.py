"""Edit → Undo and Redo in the window: what they say, what they do, and in which order."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.filters import CustomerFilter
from crmdesk.services import customers, importing, undo
from crmdesk.storage import models as m
from crmdesk.ui.main_window import MainWindow
from crmdesk.ui.undo import describe


def _city(cid: int) -> str:
    return m.Customer.get_by_id(cid).city


def test_undo_and_redo_follow_the_steps_in_order(window: MainWindow, qtbot) -> None:
    ctx, history = window.ctx, window.history
    assert not history.undo_action.isEnabled() and history.undo_action.text() == "&Undo"
    cid, created = undo.create_customer(ctx, CustomerInput(name="周到"))
    window.bus.record(created)
    data = customers.load_input(cid)
    data.city = "宁波"
    window.bus.record(undo.edit_customer(ctx, cid, data))
    assert history.undo_action.text() == "&Undo changes to “周到”"
    assert window.edit_menu.actions()[:2] == [history.undo_action, history.redo_action]  # then Audit trail…

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z
    assert _city(cid) == ""
    assert history.redo_action.text() == "&Redo changes to “周到”"
    history.undo_action.trigger()
    assert m.Customer.get_by_id(cid).deleted_at is not None
    assert not history.undo_action.isEnabled()
    history.redo_action.trigger()
    history.redo_action.trigger()
    assert m.Customer.get_by_id(cid).deleted_at is None and _city(cid) == "宁波"

    # A new step after an undo drops what could have been redone.
    history.undo_action.trigger()
    window.bus.record(undo.set_field(ctx, CustomerFilter(ids=(cid,)), "tier", "strategic"))
    assert not history.redo_action.isEnabled()
    assert history.undo_action.text() == "&Undo changing customers (1)"


def test_an_undone_import_leaves_the_stack(window: MainWindow, tmp_path: Path) -> None:
    source = tmp_path / "two.csv"
    source.write_text("姓名\n赵一\n钱二\n", encoding="utf-8")
    report = importing.import_customers(window.ctx, source)
    window.bus.step_was_taken.emit(undo.imported(report.batch_id, report.rows))
    assert window.history.undo_action.text() == "&Undo importing rows (2)"
    window.history.undo_action.trigger()
    assert m.Customer.select().where(m.Customer.deleted_at.is_null()).count() == 0
    assert not window.history.redo_action.isEnabled() and window.history.stack.count() == 0


def test_a_failing_undo_says_why_and_frees_the_actions(window: MainWindow, monkeypatch) -> None:
    cid, created = undo.create_customer(window.ctx, CustomerInput(name="吴"))
    window.bus.record(created)
    m.Customer.delete().where(m.Customer.id == cid).execute()  # gone for good behind the app's back
    errors: list[BaseException] = []
    monkeypatch.setattr(window.history, "show_error", errors.append)
    data_step = undo.Step("changes to “{name}”", 1, "吴", undo=lambda c: customers.update_customer(
        c, cid, CustomerInput(name="吴")), redo=None, changes=created.changes)
    window.bus.record(data_step)
    window.history.undo_action.trigger()
    assert len(errors) == 1 and not window.history.busy
    assert window.history.undo_action.isEnabled()  # the step below is still there


def test_steps_are_named_in_chinese(chinese: str) -> None:
    step = undo.Step(undo.QT_TRANSLATE_NOOP("undo", "deleting customers (%n)"), 3, "", undo=lambda c: None,
                     redo=None, changes=None)
    assert describe(step) == "删除客户（3 位）"
