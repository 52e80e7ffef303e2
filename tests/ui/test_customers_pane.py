"""The archive pane driven as a user drives it: typing, filtering, forms, timeline, delete."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox, QTableView

from crmdesk.domain.changes import Changes
from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.filters import CustomerFilter
from crmdesk.services import customers
from crmdesk.storage import models as m
from crmdesk.ui.main_window import MainWindow
from crmdesk.ui.panes.customers.timeline_model import TimelineModel


@pytest.fixture
def pane(window: MainWindow, ctx):
    for name, phone, tier in (("张伟", "13812345678", "strategic"), ("张丽", "13900001111", "general"),
                              ("李伟", "", "strategic"), ("曾小贤", "18600005678", "value")):
        customers.create_customer(ctx, CustomerInput(name=name, phone=phone, tier=tier, city="上海"))
    window.bus.publish(Changes(everything=True))
    window.customers.ensure_built()  # normally right after the table's first paint
    return window.customers


def _names(pane) -> list[str]:
    return [pane.model.index(r, 0).data() for r in range(pane.model.rowCount())]


def _type_chinese(widget: QLineEdit, text: str) -> None:
    """Chinese arrives through the input method, not key presses (QTest maps only ASCII keys)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_search_box_and_table_have_their_names(window: MainWindow) -> None:
    assert window.findChild(QLineEdit, "customerSearch") is not None
    assert window.findChild(QTableView, "customerTable") is not None


def test_typing_chinese_filters_as_you_type(pane, qtbot) -> None:
    pane.search.setFocus()
    _type_chinese(pane.search, "张")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 2, timeout=2000)
    assert sorted(_names(pane)) == ["张丽", "张伟"]
    _type_chinese(pane.search, "伟")
    qtbot.waitUntil(lambda: _names(pane) == ["张伟"], timeout=2000)
    assert "1" in pane.count_label.text()


def test_typing_pinyin_initials_and_phone_digits(pane, qtbot) -> None:
    qtbot.keyClicks(pane.search, "zxx")
    qtbot.waitUntil(lambda: _names(pane) == ["曾小贤"], timeout=2000)
    pane.search.clear()
    qtbot.keyClicks(pane.search, "5678")
    qtbot.waitUntil(lambda: sorted(_names(pane)) == ["张伟", "曾小贤"], timeout=2000)


def test_filters_combine_with_search_and_save_as_segment(pane, qtbot, monkeypatch) -> None:
    tier = pane.filters.tier
    tier.setCurrentIndex(tier.findData("strategic"))
    assert sorted(_names(pane)) == ["张伟", "李伟"]
    pane.search.setText("张")
    pane._on_search_timer()
    assert _names(pane) == ["张伟"]
    monkeypatch.setattr("crmdesk.ui.panes.customers.pane.QInputDialog.getText", lambda *a, **k: ("战略张", True))
    pane.on_save_segment()
    texts = [pane.segment_list.item(i).text() for i in range(pane.segment_list.count())]
    assert texts[1].startswith("战略张") and "(1)" in texts[1]
    pane.filters.reset()
    pane.search.clear()
    pane._on_search_timer()
    assert pane.model.rowCount() == 4
    pane.segment_list.itemClicked.emit(pane.segment_list.item(1))
    assert _names(pane) == ["张伟"] and pane.search.text() == "张"


def test_new_customer_form_checks_as_you_type(pane, qtbot) -> None:
    pane.on_new()
    dialog = pane.last_dialog
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()  # no name yet
    dialog.name.setText("王芳")
    assert save.isEnabled()
    qtbot.keyClicks(dialog.phone, "12")
    assert not save.isEnabled() and dialog.error_label.text()
    dialog.phone.setText("139 8888 7777")
    dialog.tags.setText("VIP，老客户")
    assert save.isEnabled()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    row = m.Customer.get(m.Customer.name == "王芳")
    assert row.phone_e164 == "+8613988887777"
    assert customers.tag_names(row.id) == ["VIP", "老客户"]
    assert "王芳" in _names(pane)
    assert pane.detail.name.text() == "王芳"  # the new customer is selected


def test_edit_log_contact_and_timeline(pane, qtbot) -> None:
    pane.table.selectRow(_names(pane).index("李伟"))
    pane.on_edit()
    dialog = pane.last_dialog
    dialog.city.setText("杭州")
    dialog.on_save()
    assert m.Customer.get(m.Customer.name == "李伟").city == "杭州"
    pane.on_log_contact()
    log = pane.last_dialog
    log.summary.setText("电话回访")
    log.on_save()
    assert not log.isVisible()
    assert pane.detail.timeline.rowCount() == 1
    assert "电话回访" in pane.detail.timeline.index(0, 0).data()


def test_log_contact_refuses_an_empty_summary(pane) -> None:
    pane.table.selectRow(0)
    pane.on_log_contact()
    log = pane.last_dialog
    log.on_save()
    assert log.isVisible() and log.error_label.text()
    log.reject()


def test_delete_moves_to_the_recycle_bin(pane, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    pane.table.selectRow(0)
    victim = pane.current_id()
    pane.on_delete()
    assert pane.model.rowCount() == 3
    assert m.Customer.get_by_id(victim).deleted_at is not None


def test_timeline_model_contract(pane, ctx, qtmodeltester) -> None:
    cid = m.Customer.get(m.Customer.name == "张伟").id
    for i in range(60):
        customers.log_interaction(ctx, cid, "note", f"记录{i}", occurred_at=ctx.now() - i * 1000)
    model = TimelineModel()
    model.set_customer(cid)
    assert model.rowCount() == 50 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 60 and not model.canFetchMore()
    qtmodeltester.check(model, force_py=True)


def test_bulk_actions_on_selected_rows_and_on_everything_listed(pane, monkeypatch) -> None:
    names = _names(pane)
    pane.table.selectRow(names.index("张丽"))
    pane.bulk_menu.on_set_field("tier", "partner")
    assert m.Customer.get(m.Customer.name == "张丽").tier == "partner"
    assert m.Customer.get(m.Customer.name == "张伟").tier == "strategic"

    pane.search.setText("伟")
    pane._on_search_timer()
    pane.table.selectAll()
    assert pane.selection_target()[1] == 2
    monkeypatch.setattr("crmdesk.ui.panes.customers.bulk_menu.QInputDialog.getItem", lambda *a, **k: ("重点", True))
    pane.bulk_menu.on_add_tag()
    assert {c.name for c in m.Customer.select() if "重点" in customers.tag_names(c.id)} == {"张伟", "李伟"}
    pane.search.setText("重点")
    pane._on_search_timer()
    assert sorted(_names(pane)) == ["张伟", "李伟"]  # the search index knows the new tag


def test_import_through_the_dialog_with_mapping_report_and_undo(pane, tmp_path, monkeypatch) -> None:
    source = tmp_path / "新客户.csv"
    source.write_text("名字,手机,备注栏\n王小二,13711112222,老朋友\n坏数据,12,\n", encoding="gbk")
    pane.on_import(str(source))
    dialog = pane.last_dialog
    boxes = dialog.mapping_boxes
    assert [b.currentData() for b in boxes] == ["name", "phone", None]  # 备注栏 is not a known header
    boxes[2].setCurrentIndex(boxes[2].findData("notes"))
    dialog.start(dry_run=True)
    assert "1" in dialog.summary.text() and dialog.errors_view.isVisible()
    assert "Row 3" in dialog.errors_view.toPlainText()
    assert m.Customer.select().where(m.Customer.name == "王小二").count() == 0
    dialog.all_or_nothing.setChecked(False)
    dialog.start(dry_run=False)
    assert m.Customer.get(m.Customer.name == "王小二").notes == "老朋友"
    assert "王小二" in _names(pane)
    errors = tmp_path / "bad.csv"
    dialog.on_save_errors(str(errors))
    assert "12" in errors.read_text(encoding="utf-8-sig") or "3" in errors.read_text(encoding="utf-8-sig")
    dialog.on_undo()
    assert "王小二" not in _names(pane)
    # The mapping is remembered for the next file with the same headers.
    pane.on_import(str(source))
    assert pane.last_dialog.mapping_boxes[2].currentData() == "notes"


def test_a_bad_file_gets_a_message_not_a_dialog(pane, tmp_path, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    bad = tmp_path / "x.xlsx"
    bad.write_text("not a spreadsheet")
    pane.on_import(str(bad))
    assert shown and "damaged" in shown[0]


def test_search_runs_off_the_gui_thread_and_newest_wins(qtbot, db, ctx) -> None:
    from crmdesk.ui.bus import ChangeBus
    from crmdesk.ui.panes.customers.pane import CustomersPane
    from crmdesk.ui.settings import UiSettings
    from crmdesk.ui.tasks import TaskRunner

    for name in ("张伟", "张丽", "李伟"):
        customers.create_customer(ctx, CustomerInput(name=name))
    runner = TaskRunner()  # a real worker thread
    pane = CustomersPane(ctx, UiSettings(), runner, ChangeBus())
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitUntil(lambda: pane.model.rowCount() == 3, timeout=5000)
    pane.set_filter(CustomerFilter(text="张"))
    pane.set_filter(CustomerFilter(text="伟"))
    pane.set_filter(CustomerFilter(text="李"))
    qtbot.waitUntil(lambda: _names(pane) == ["李伟"], timeout=5000)
    qtbot.wait(100)
    assert _names(pane) == ["李伟"]  # the older searches, finishing later, did not win
    runner.shutdown()


def test_suggestions_can_be_accepted_and_everyone_retiered(pane, ctx, monkeypatch) -> None:
    from crmdesk.domain.ids import new_uid

    zhang = m.Customer.get(m.Customer.name == "张伟")  # strategic, but has bought nothing
    pane.table.selectRow(_names(pane).index("张伟"))
    label, button = pane.detail.suggestions["tier"]
    assert not label.isHidden() and "General" in label.text() and "¥0" in label.text()
    assert "R 0 · F 0 · M 0" in pane.detail.metrics.text()
    button.click()
    assert m.Customer.get_by_id(zhang.id).tier == "general"
    assert pane.detail.suggestions["tier"][0].isHidden()  # nothing left to suggest

    li = m.Customer.get(m.Customer.name == "李伟")
    m.Order.create(uid=new_uid(), stamp=ctx.now(), customer=li, ordered_on="2026-11-01", amount_cents=100)
    m.Customer.update(order_count=1, order_total_cents=100, first_order_on="2026-11-01",
                      last_order_on="2026-11-01").where(m.Customer.id == li.id).execute()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    pane.bulk_menu.on_retier_all()
    li = m.Customer.get_by_id(li.id)
    assert (li.tier, li.stage) == ("general", "new")


def test_the_form_warns_about_a_customer_already_on_file(pane, qtbot) -> None:
    pane.on_new()
    dialog = pane.last_dialog
    dialog.name.setText("张伟")
    dialog.check_look_alikes()
    assert dialog.duplicate_label.text() == ""
    dialog.phone.setText("138-1234-5678")
    assert dialog.duplicate_label.text() == ""  # not while typing…
    qtbot.waitUntil(lambda: "same phone number" in dialog.duplicate_label.text(), timeout=2000)  # …but after a pause
    assert "张伟" in dialog.duplicate_label.text()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.isEnabled()  # a warning, not a refusal
    dialog.reject()
    pane.table.selectRow(_names(pane).index("张伟"))
    pane.on_edit()
    pane.last_dialog.check_look_alikes()
    assert pane.last_dialog.duplicate_label.text() == ""  # not a duplicate of itself


def test_find_and_merge_duplicates_then_undo(pane, ctx) -> None:
    customers.create_customer(ctx, CustomerInput(name="张 伟", phone="+86 138 1234 5678", city="上海", email="zw@x.cn"))
    pane.bulk_menu.on_find_duplicates()
    dialog = pane.bulk_menu.last_dialog
    assert len(dialog.groups) == 1 and dialog.tree.topLevelItemCount() == 1
    group = dialog.current_group()
    assert sorted(p.name for p in group.members) == ["张 伟", "张伟"]
    from crmdesk.ui.panes.customers.duplicates_dialog import MergeDialog

    chooser = MergeDialog([p.id for p in group.members])
    assert set(chooser.fields) == {"name", "phone", "tier"}  # the fields where the records disagree
    dialog.merge(chooser.survivor(), chooser.others(), chooser.chosen())
    assert dialog.groups == [] and not dialog.undo_button.isHidden()
    assert sum(1 for n in _names(pane) if n.replace(" ", "") == "张伟") == 1
    dialog.undo_button.click()
    assert sum(1 for n in _names(pane) if n.replace(" ", "") == "张伟") == 2
    assert len(dialog.groups) == 1
    dialog.accept()


def test_bulk_export_of_the_selection(pane, tmp_path, monkeypatch) -> None:
    names = _names(pane)
    pane.table.selectRow(names.index("张丽"))
    target = tmp_path / "chosen"
    monkeypatch.setattr("crmdesk.ui.export_file.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target), "CSV file (*.csv)"))
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    pane.bulk_menu.on_export()
    written = target.with_name("chosen.csv")
    rows = written.read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 2 and rows[1].startswith("张丽,")
    assert shown and str(written) in shown[0]
