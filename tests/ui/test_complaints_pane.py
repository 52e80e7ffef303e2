"""The complaint log as a user works it: log, find, resolve, rate, close, export."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from crmdesk.domain.complaints import ComplaintInput
from crmdesk.domain.customer import CustomerInput
from crmdesk.services import complaints, customers
from crmdesk.storage import models as m

HOUR = 3_600_000


@pytest.fixture
def pane(window):
    ctx = window.ctx
    a = customers.create_customer(ctx, CustomerInput(name="张伟", phone="13812345678"))[0]
    b = customers.create_customer(ctx, CustomerInput(name="李四"))[0]
    complaints.log_complaint(ctx, ComplaintInput(customer_id=b, received_at=ctx.now() - 50 * HOUR,
                                                 severity="urgent", description="态度很差"))
    window.show_pane(3)
    pane = window.complaints
    pane.customer_id = a
    return pane


def test_log_a_complaint_through_the_dialog(pane, qtbot) -> None:
    pane.on_new(customer=(pane.customer_id, "张伟"))
    dialog = pane.last_dialog
    dialog.accept()  # no description yet: the form says so and stays open
    assert "Describe" in dialog.error.text() and m.Complaint.select().count() == 1
    dialog.description.setPlainText("收到的货有破损")
    dialog.severity.setCurrentIndex(dialog.severity.findData("high"))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    row = m.Complaint.get(m.Complaint.description == "收到的货有破损")
    assert (row.severity, row.status, row.due_at - row.received_at) == ("high", "new", 24 * HOUR)
    assert pane.model.rowCount() == 2  # the log reloaded from the change


def test_search_filters_and_overdue_colour(pane, qtbot) -> None:
    assert pane.model.rowCount() == 1
    late = pane.model.data(pane.model.index(0, 0), Qt.ItemDataRole.ForegroundRole)
    assert late is not None and late.name() == "#b00020"  # 50 h old and urgent (4 h)
    assert "overdue" in pane.model.data(pane.model.index(0, 5))
    assert pane.overdue_banner.text() == "1 complaint overdue"
    pane.search.setText("不存在的内容")
    pane.apply_filters()
    assert pane.model.rowCount() == 0
    pane.search.setText("李四")
    pane.apply_filters()
    assert pane.model.rowCount() == 1
    pane.overdue.setChecked(True)
    assert pane.model.rowCount() == 1
    pane.status.setCurrentIndex(pane.status.findData("closed"))
    assert pane.model.rowCount() == 0


def test_work_resolve_rate_and_close_from_the_detail(pane, qtbot, monkeypatch) -> None:
    pane.table.selectRow(0)
    detail = pane.detail
    assert detail.view.customer == "李四" and detail.buttons["start"].isEnabled()
    assert not detail.buttons["close"].isEnabled()
    detail.buttons["start"].click()
    assert detail.view.status == "in_progress"
    detail.buttons["resolve"].click()
    form = detail.last_dialog
    form.text.setPlainText("道歉并赠送优惠券")
    form.compensation.setValue(20)
    form.accept()
    assert detail.view.status == "resolved" and detail.view.compensation_cents == 2000
    detail.buttons["rate"].click()
    detail.last_dialog.score.setValue(4)
    detail.last_dialog.accept()
    detail.buttons["close"].click()
    assert (detail.view.status, detail.view.satisfaction) == ("closed", 4)
    assert m.Reminder.select().where(m.Reminder.kind == "after_complaint").count() == 1
    assert detail.timeline.count() == 5 and detail.buttons["reopen"].isEnabled()
    assert "已关闭" in pane.model.data(pane.model.index(0, 4)) or "Closed" in pane.model.data(pane.model.index(0, 4))


def test_delete_moves_the_complaint_to_the_bin_and_ctrl_z_brings_it_back(pane, window, monkeypatch) -> None:
    pane.table.selectRow(0)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    pane.detail.buttons["delete"].click()  # asked, and told no: nothing happens
    assert m.Complaint.select().where(m.Complaint.deleted_at.is_null()).count() == 1
    pane.detail.buttons["delete"].click()
    assert m.Complaint.select().where(m.Complaint.deleted_at.is_null()).count() == 0
    assert pane.model.rowCount() == 0 and pane.detail.view is None
    assert window.history.undo_action.text().endswith("“李四”")
    window.history.undo_action.trigger()
    assert m.Complaint.select().where(m.Complaint.deleted_at.is_null()).count() == 1
    assert pane.model.rowCount() == 1


def test_a_refused_move_is_reported(pane, monkeypatch) -> None:
    pane.table.selectRow(0)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    m.Complaint.update(status="closed").execute()  # changed elsewhere meanwhile
    pane.detail.on_start()
    assert shown and "cannot move" in shown[0]


def test_export_and_statistics(pane, tmp_path, monkeypatch) -> None:
    target = tmp_path / "log.xlsx"
    monkeypatch.setattr("crmdesk.ui.export_file.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    pane.on_export()
    import openpyxl

    sheet = openpyxl.load_workbook(target).active
    assert sheet["B2"].value == "李四" and sheet["F2"].value == "Urgent"
    pane.on_stats()
    stats = pane.last_dialog
    assert stats.values["total"].text() == "1" and stats.values["open"].text() == "1 (1)"


def test_the_log_model_contract(pane, qtmodeltester) -> None:
    qtmodeltester.check(pane.model, force_py=True)


def test_a_complaint_from_the_customer_profile(window) -> None:
    ctx = window.ctx
    customers.create_customer(ctx, CustomerInput(name="王芳"))
    archive = window.customers
    archive.ensure_built()
    archive.reload() if hasattr(archive, "reload") else archive.refresh()
    archive.table.selectRow(0)
    archive.detail.complaint_button.click()
    dialog = window.complaints.last_dialog
    assert window.stack.currentWidget() is window.complaints
    assert dialog.customer.currentText() == "王芳"
    dialog.description.setPlainText("会员积分没到账")
    dialog.accept()
    assert m.Complaint.get().customer.name == "王芳"


def test_categories_and_deadlines_dialogs(pane) -> None:
    pane.on_categories()
    dialog = pane.last_dialog
    dialog.on_add("会员权益")
    assert dialog.list.item(dialog.list.count() - 1).text() == "会员权益"
    dialog.on_add("会员权益")
    assert "already" in dialog.error.text()
    dialog.accept()
    assert pane.category.findText("会员权益") > 0
    pane.on_sla()
    sla = pane.last_dialog
    sla.hours["urgent"].setValue(2)
    sla.working.setChecked(True)
    for box in sla.days:
        box.setChecked(False)
    sla.accept()
    assert "working day" in sla.error.text()  # refused: no working day
    sla.days[0].setChecked(True)
    sla.accept()
    assert complaints.sla_hours()["urgent"] == 2 and complaints.working_hours().days == frozenset({0})


def test_log_a_complaint_from_the_file_menu(window) -> None:
    window.complaint_action.trigger()
    assert window.stack.currentWidget() is window.complaints
    assert window.complaints.last_dialog.isVisible()


def test_a_deadline_passing_while_the_app_runs_is_announced_once(window) -> None:
    ctx = window.ctx
    customer = customers.create_customer(ctx, CustomerInput(name="赵六"))[0]
    complaints.log_complaint(ctx, ComplaintInput(customer_id=customer, received_at=ctx.now() - HOUR,
                                                 severity="urgent", description="电话一直打不通\n第二行"))
    assert window.check_overdue(ctx.now()) == ""  # due in 3 h
    text = window.check_overdue(ctx.now() + 4 * HOUR)
    assert "赵六" in text and "电话一直打不通" in text and "第二行" not in text
    assert window.statusBar().currentMessage() == text
    assert window.check_overdue(ctx.now() + 5 * HOUR) == ""  # once only
