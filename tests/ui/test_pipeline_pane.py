"""The pipeline board as a user works it: drag cards, close deals, undo, filter, edit, configure."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.filters import DealFilter
from crmdesk.domain.pipeline import DealInput
from crmdesk.services import customers, pipeline
from crmdesk.storage import models as m
from crmdesk.ui.panes.pipeline.stage_model import StageModel


@pytest.fixture
def pane(window):
    ctx = window.ctx
    zhang = customers.create_customer(ctx, CustomerInput(name="张伟", tier="strategic", category="potential"))[0]
    li = customers.create_customer(ctx, CustomerInput(name="李娜", tier="general"))[0]
    for title, who, amount in (("门店装修", zhang, 500_000), ("年度采购", zhang, 200_000), ("会员年卡", li, 80_000)):
        pipeline.create_deal(ctx, DealInput(who, title, amount))
    window.show_pane(1)
    pane = window.pipeline
    pane.customer_ids = {"张伟": zhang, "李娜": li}
    return pane


def stage(pane, index: int = 0, kind: str = "open"):
    return [s for s in pipeline.stages() if s.kind == kind][index]


def titles(pane, st) -> list[str]:
    return [c.title for c in pane.models[st.id].cards()]


def deal(title: str) -> m.Opportunity:
    return m.Opportunity.get(m.Opportunity.title == title)


def drag_and_drop(pane, title: str, target, onto: str | None = None) -> None:
    """Press on the card, then deliver the drag to the target column's viewport as Qt would."""
    source_stage = deal(title).stage_id
    source = pane.columns[source_stage].view
    model = pane.models[source_stage]
    index = model.index(model.row_of(deal(title).id))
    source.setCurrentIndex(index)
    mime: QMimeData = model.mimeData([index])
    view = pane.columns[target.id].view
    if onto is None:  # below the last card
        rect = view.visualRect(view.model().index(view.model().rowCount() - 1)) if view.model().rowCount() else None
        point = QPoint(20, (rect.bottom() + 8) if rect is not None else 10)
    else:  # the upper half of a card: above it
        rect = view.visualRect(view.model().index(view.model().row_of(deal(onto).id)))
        point = QPoint(rect.center().x(), rect.top() + 3)
    target_widget = view.viewport() if not pane.columns[target.id].folded else pane.columns[target.id]
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for event in (QDragEnterEvent(point, Qt.DropAction.MoveAction, mime, buttons, mods),
                  QDragMoveEvent(point, Qt.DropAction.MoveAction, mime, buttons, mods)):
        QApplication.sendEvent(target_widget, event)
    drop = QDropEvent(point.toPointF(), Qt.DropAction.MoveAction, mime, buttons, mods)
    QApplication.sendEvent(target_widget, drop)


def test_stage_model_contract(pane, qtmodeltester) -> None:
    for i in range(150):
        pipeline.create_deal(pane.ctx, DealInput(pane.customer_ids["李娜"], f"批量 {i}", 1000))
    lead = stage(pane)
    model = StageModel(lead, lambda after, limit: pipeline.cards(pane.ctx, lead, DealFilter(), after, limit))
    page = pipeline.cards(pane.ctx, lead, DealFilter(), None, 101)
    model.reset(page[:100], True)
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore(model.index(-1)):
        model.fetchMore(model.index(-1))
    assert model.rowCount() == 153


def test_the_board_shows_every_stage_with_totals(pane) -> None:
    lead = stage(pane)
    assert list(pane.models) == [s.id for s in pipeline.stages()]
    assert titles(pane, lead) == ["门店装修", "年度采购", "会员年卡"]
    assert pane.columns[lead.id].title.text() == "Lead (3)"
    assert "¥7,800.00" in pane.columns[lead.id].figures.text() and "¥780.00" in pane.columns[lead.id].figures.text()


def test_drag_a_card_to_the_next_stage_then_undo(pane) -> None:
    qualified = stage(pane, 1)
    drag_and_drop(pane, "年度采购", qualified)
    assert deal("年度采购").stage_id == qualified.id
    assert titles(pane, qualified) == ["年度采购"] and "年度采购" not in titles(pane, stage(pane))
    assert pane.columns[qualified.id].title.text() == "Qualified (1)"
    history = m.StageChange.select().where(m.StageChange.opportunity == deal("年度采购").id).count()
    assert history == 2
    window = pane.window()
    assert window.history.undo_action.text() == "&Undo moving “年度采购”"
    window.history.undo_action.trigger()  # Edit → Undo (Ctrl+Z)
    assert deal("年度采购").stage_id == stage(pane).id
    assert not window.history.redo_action.isEnabled()  # a move is made again on the board
    assert titles(pane, stage(pane)) == ["门店装修", "年度采购", "会员年卡"]


def test_drag_within_a_column_reorders_and_the_order_persists(pane, window) -> None:
    lead = stage(pane)
    drag_and_drop(pane, "会员年卡", lead, onto="门店装修")
    assert titles(pane, lead) == ["会员年卡", "门店装修", "年度采购"]
    pane.load()  # as the next start would show it
    assert titles(pane, lead) == ["会员年卡", "门店装修", "年度采购"]


def test_dropping_on_won_asks_for_the_order_and_the_customer_becomes_existing(pane) -> None:
    from crmdesk.ui.panes.pipeline.dialogs import WonDialog

    drag_and_drop(pane, "门店装修", stage(pane, 0, "won"))
    dialog = pane.findChild(WonDialog)
    assert dialog is not None and deal("门店装修").status == "open"  # nothing happens before the answer
    dialog.amount.setValue(0)
    dialog.accept()
    assert "amount" in dialog.error.text() and dialog.isVisible()
    dialog.amount.setValue(4800)
    dialog.accept()
    assert deal("门店装修").status == "won"
    order = m.Order.get(m.Order.opportunity == deal("门店装修").id)
    assert order.amount_cents == 480_000
    assert m.Customer.get_by_id(pane.customer_ids["张伟"]).category == "existing"
    assert titles(pane, stage(pane, 0, "won")) == ["门店装修"]


def test_dropping_on_lost_requires_a_reason(pane) -> None:
    from crmdesk.ui.panes.pipeline.dialogs import LostDialog

    drag_and_drop(pane, "会员年卡", stage(pane, 0, "lost"))
    dialog = pane.findChild(LostDialog)
    dialog.accept()
    assert "lost" in dialog.error.text() and deal("会员年卡").status == "open"
    dialog.reason.setCurrentIndex(0)
    dialog.accept()
    row = deal("会员年卡")
    assert row.status == "lost" and row.lost_reason_id == pipeline.lost_reasons()[0][0]


def test_a_stale_card_is_refused_and_returns(pane) -> None:
    qualified = stage(pane, 1)
    target = deal("年度采购")
    m.Opportunity.update(stamp=target.stamp + 10, title="年度采购").where(m.Opportunity.id == target.id).execute()
    drag_and_drop(pane, "年度采购", qualified)
    assert "in the meantime" in pane.notice.text() and pane.notice.isVisible()
    assert deal("年度采购").stage_id == stage(pane).id
    assert titles(pane, stage(pane)) == ["门店装修", "年度采购", "会员年卡"] and titles(pane, qualified) == []


def test_a_closed_card_dragged_back_to_an_open_stage_is_refused(pane) -> None:
    pipeline.lose_deal(pane.ctx, deal("会员年卡").id, None, pipeline.lost_reasons()[0][0])
    pane.load()
    drag_and_drop(pane, "会员年卡", stage(pane, 1))
    assert "reopen" in pane.notice.text()
    assert titles(pane, stage(pane, 0, "lost")) == ["会员年卡"]


def test_keyboard_moves(pane, qtbot) -> None:
    lead, qualified = stage(pane), stage(pane, 1)
    view = pane.columns[lead.id].view
    view.setFocus()
    view.setCurrentIndex(pane.models[lead.id].index(0))
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert titles(pane, lead) == ["年度采购", "门店装修", "会员年卡"]
    assert pane.selected_card().title == "门店装修"
    qtbot.keyClick(pane.columns[lead.id].view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert deal("门店装修").stage_id == qualified.id and pane.selected_card().title == "门店装修"
    qtbot.keyClick(pane.columns[qualified.id].view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert deal("门店装修").stage_id == lead.id


def test_filters_narrow_the_board(pane, qtbot) -> None:
    lead = stage(pane)
    pane.tier.setCurrentIndex(pane.tier.findData("general"))
    assert titles(pane, lead) == ["会员年卡"] and pane.columns[lead.id].title.text() == "Lead (1)"
    pane.tier.setCurrentIndex(0)
    pane.search.setText("装修")
    qtbot.waitUntil(lambda: titles(pane, lead) == ["门店装修"])
    pane.search.clear()
    qtbot.waitUntil(lambda: len(titles(pane, lead)) == 3)
    pane.period.setCurrentIndex(pane.period.findData("this_month"))
    assert titles(pane, lead) == []


def test_new_and_edited_deals_through_the_dialog(pane, qtbot) -> None:
    from crmdesk.ui.panes.pipeline.dialogs import DealDialog

    pane.on_new((pane.customer_ids["李娜"], "李娜"))
    dialog = pane.findChild(DealDialog)
    dialog.accept()
    assert "title" in dialog.error.text()
    dialog.title.setText("开业花篮")
    dialog.amount.setValue(1200)
    dialog.close_date.setDate(dialog.close_date.date().fromString("2020-01-01", "yyyy-MM-dd"))
    dialog.accept()
    assert "more than a year ago" in dialog.error.text()
    dialog.close_date.setDate(dialog.close_date.date().fromString("2026-12-24", "yyyy-MM-dd"))
    dialog.probability.setValue(60)
    dialog.accept()
    row = deal("开业花篮")
    assert (row.amount_cents, row.probability, str(row.expected_close)) == (120_000, 60, "2026-12-24")
    assert "开业花篮" in titles(pane, stage(pane))
    qtbot.waitUntil(lambda: pane.selected_card() is not None and pane.selected_card().title == "开业花篮")
    pane.on_edit()
    edit = [d for d in pane.findChildren(DealDialog) if d.record is not None][0]
    assert edit.title.text() == "开业花篮" and edit.probability.value() == 60
    edit.probability.setValue(-1)  # back to the stage's default
    edit.accept()
    assert deal("开业花篮").probability is None


def test_stage_settings_add_a_column(pane) -> None:
    from crmdesk.ui.panes.pipeline.stages_dialog import StagesDialog

    pane.on_stages()
    dialog = pane.findChild(StagesDialog)
    dialog.on_add()
    dialog.table.item(4, 0).setText("签约准备")
    dialog.accept()
    names = [s.name for s in pipeline.stages()]
    assert names[4] == "签约准备"
    assert [model.stage.name for model in pane.models.values()] == names


def test_analysis_shows_forecast_and_conversion(pane) -> None:
    from crmdesk.ui.panes.pipeline.analysis import AnalysisDialog

    pipeline.update_deal(pane.ctx, deal("门店装修").id,
                         DealInput(pane.customer_ids["张伟"], "门店装修", 500_000, 50, dt.date(2026, 12, 20)), None)
    pane.on_analysis()
    dialog = pane.findChild(AnalysisDialog)
    top = [dialog.forecast.topLevelItem(i).text(0) for i in range(dialog.forecast.topLevelItemCount())]
    assert top == ["2026-12", "No close date", "All open deals"]
    assert dialog.forecast.topLevelItem(0).text(3) == "¥2,500.00"
    assert dialog.flows.rowCount() == 4 and dialog.flows.item(0, 1).text() == "3"
    assert "3 deals opened" in dialog.summary.text()


def test_folding_a_closed_column_is_remembered(pane, window) -> None:
    won = stage(pane, 0, "won")
    column = pane.columns[won.id]
    column.fold.click()
    assert column.folded and not column.view.isVisible()
    assert won.id in window.settings.load_json("pipeline/folded")
    drag_and_drop(pane, "会员年卡", won)  # a folded column still takes drops
    from crmdesk.ui.panes.pipeline.dialogs import WonDialog

    assert pane.findChild(WonDialog) is not None


def test_drop_positions_account_for_the_card_itself(pane) -> None:
    lead = stage(pane)
    model = pane.models[lead.id]
    a, b, c = (deal(t).id for t in ("门店装修", "年度采购", "会员年卡"))
    payload = {"id": a, "stamp": 0, "stage": lead.id}
    assert model.drop_for(payload, 0).after_id is None  # back on top: where it is
    assert model.drop_for(payload, 2).after_id == b  # below the second card
    assert model.drop_for(payload, 3).after_id == c  # at the end
    other = {"id": 999, "stamp": 0, "stage": stage(pane, 1).id}
    assert model.drop_for(other, 1).after_id == a and model.drop_for(other, 99).after_id == c


def test_close_periods() -> None:
    from crmdesk.ui.panes.pipeline.pane import close_range

    day = dt.date(2026, 11, 23)
    assert close_range("this_month", day) == (dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    assert close_range("next_month", day) == (dt.date(2026, 12, 1), dt.date(2027, 1, 1))
    assert close_range("this_quarter", day) == (dt.date(2026, 10, 1), dt.date(2027, 1, 1))
    assert close_range("overdue", day) == (None, day)
    assert close_range("next_90", day) == (day, dt.date(2027, 2, 21))
    assert close_range("any", day) == (None, None)


def test_the_board_in_chinese(qtbot, db_path, chinese) -> None:
    from crmdesk.storage.database import close_database
    from tests.ui.conftest import make_window

    win = make_window(qtbot, db_path, chinese)
    win.show()
    who = customers.create_customer(win.ctx, CustomerInput(name="王芳"))[0]
    pipeline.create_deal(win.ctx, DealInput(who, "开业花篮", 50_000))
    win.show_pane(1)
    pane = win.pipeline
    lead = stage(pane)
    assert pane.columns[lead.id].title.text() == "初步接洽 (1)"
    assert "加权" in pane.columns[lead.id].figures.text()
    last = [s for s in pipeline.stages() if not s.closed][-1]
    pipeline.move_deal(win.ctx, deal("开业花篮").id, None, last.id)
    pane.load()
    pane.select(deal("开业花篮").id)
    pane.step(1)
    assert "最后一个进行中阶段" in pane.notice.text()
    win.close()
    close_database()


def test_delete_bins_the_deal_and_ctrl_z_brings_it_back(pane, window, qtbot, monkeypatch) -> None:
    lead = stage(pane)
    view = pane.columns[lead.id].view
    view.setFocus()
    view.setCurrentIndex(pane.models[lead.id].index(pane.models[lead.id].row_of(deal("会员年卡").id)))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    pane.act_delete.trigger()
    assert deal("会员年卡").deleted_at is not None and "会员年卡" not in titles(pane, lead)
    assert window.history.undo_action.text().endswith("“会员年卡”")
    window.history.undo_action.trigger()
    assert deal("会员年卡").deleted_at is None and "会员年卡" in titles(pane, lead)
