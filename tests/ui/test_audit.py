"""The history views: a customer's History tab after an edit, a deal's History…, a
complaint's History tab, and Edit → Audit trail… filtering by user, kind and date."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from crmdesk.domain.changes import Changes
from crmdesk.domain.clock import FixedClock
from crmdesk.domain.complaints import ComplaintInput
from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.filters import CustomerFilter
from crmdesk.domain.pipeline import DealInput
from crmdesk.services import audit, bulk, complaints, customers, pipeline
from crmdesk.storage import models as m
from crmdesk.storage.audit import TrailFilter
from crmdesk.ui.history import PAGE, HistoryModel
from crmdesk.ui.main_window import MainWindow

HOUR = 3_600_000


def _rows(model: HistoryModel) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


@pytest.fixture
def pane(window: MainWindow):
    ctx = window.ctx
    for name in ("张伟", "李娜"):
        customers.create_customer(ctx, CustomerInput(name=name, city="上海", tier="general"))
    window.bus.publish(Changes(everything=True))
    window.customers.ensure_built()
    return window.customers


def _select(pane, name: str) -> None:
    names = [pane.model.index(r, 0).data() for r in range(pane.model.rowCount())]
    pane.table.selectRow(names.index(name))


def test_the_history_tab_shows_an_edit_field_by_field(pane) -> None:
    _select(pane, "李娜")
    pane.on_edit()
    dialog = pane.last_dialog
    dialog.city.setText("杭州")
    dialog.on_save()
    detail = pane.detail
    detail.tabs.setCurrentIndex(1)
    assert detail.tabs.tabText(1) == "History"
    rows = _rows(detail.history.model)  # the narrow panel: when, who · what, field: before → after
    edited = [r for r in rows if r[1].endswith("Edited")]
    assert [r[2] for r in edited] == ["City: 上海 → 杭州"]
    assert rows[0][1].endswith("Edited") and rows[-1][1].endswith("Created")  # newest first
    assert "Value tier: — → General" in [r[2] for r in rows]  # labels, not stored values
    tip = detail.history.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "City" in tip and "杭州" in tip


def test_history_pages_in_as_it_scrolls(pane, window, qtmodeltester) -> None:
    cid = m.Customer.get(m.Customer.name == "张伟").id
    for i in range(PAGE + 20):  # more changes than one page
        bulk.set_field(window.ctx, CustomerFilter(ids=(cid,)), "tier", ("strategic", "general")[i % 2])
    model = HistoryModel()
    model.set_source(lambda after, limit: audit.history("customer", m.Customer.get_by_id(cid).uid, after, limit))
    assert model.entry_count() == PAGE and model.canFetchMore()
    model.fetchMore()
    assert model.entry_count() == PAGE + 21 and not model.canFetchMore()  # and the creation
    qtmodeltester.check(model)


def test_a_deals_history_from_the_board(window) -> None:
    ctx = window.ctx
    who = customers.create_customer(ctx, CustomerInput(name="王芳"))[0]
    deal_id = pipeline.create_deal(ctx, DealInput(who, "开业花篮", 50_000))[0]
    second = [s for s in pipeline.stages() if not s.closed][1]
    pipeline.move_deal(ctx, deal_id, None, second.id)
    window.show_pane(1)
    pane = window.pipeline
    pane.select(deal_id)
    pane.on_history()
    dialog = pane.history_dialog
    assert "开业花篮" in dialog.windowTitle()
    rows = _rows(dialog.view.model)
    assert rows[0][2:] == ["Moved", "Stage", pipeline.stages()[0].name, second.name]
    amount = [r for r in rows if r[2:4] == ["Created", "Amount"]]
    assert len(amount) == 1 and "500" in amount[0][5]
    dialog.close()


def test_a_complaints_history_tab(window) -> None:
    ctx = window.ctx
    who = customers.create_customer(ctx, CustomerInput(name="赵六"))[0]
    cid = complaints.log_complaint(ctx, ComplaintInput(customer_id=who, received_at=ctx.now() - HOUR,
                                                       severity="normal", description="送货晚了"))[0]
    complaints.start_work(ctx, cid)
    window.show_pane(3)
    detail = window.complaints.detail
    detail.show_complaint(cid)
    detail.tabs.setCurrentWidget(detail.history)
    rows = _rows(detail.history.model)
    assert rows[0][1].endswith("Status changed") and rows[0][2] == "Status: New → In progress"
    assert "What happened: — → 送货晚了" in [r[2] for r in rows]


def test_the_audit_trail_filters_by_user_kind_and_date(window, qtmodeltester) -> None:
    ctx = window.ctx
    ctx.clock = FixedClock(dt.datetime(2026, 11, 23, 15, 30))
    clerk = m.User.create(uid="c" * 32, stamp=ctx.now(), username="clerk", display_name="小王", role="sales").id
    ctx.user_id = None
    customers.create_customer(ctx, CustomerInput(name="早客"))
    ctx.clock.advance(days=2)
    ctx.user_id = clerk
    who = customers.create_customer(ctx, CustomerInput(name="晚客"))[0]
    pipeline.create_deal(ctx, DealInput(who, "午餐套票", 9_900))
    window.on_audit_trail()
    dialog = window.audit_dialog
    model = dialog.model
    qtmodeltester.check(model)
    records = lambda: {r[3] for r in _rows(model)}  # noqa: E731
    assert records() == {"Customer · 早客", "Customer · 晚客", "Deal · 午餐套票"}
    dialog.user.setCurrentIndex(dialog.user.findData(clerk))
    assert records() == {"Customer · 晚客", "Deal · 午餐套票"} and {r[1] for r in _rows(model)} == {"小王"}
    dialog.kind.setCurrentIndex(dialog.kind.findData("opportunity"))
    assert records() == {"Deal · 午餐套票"}
    dialog.user.setCurrentIndex(0)
    dialog.kind.setCurrentIndex(0)
    today = dt.date.fromtimestamp(ctx.now() / 1000)
    dialog.until.setDate(QDate(today.year, today.month, today.day).addDays(-1))
    assert records() == {"Customer · 早客"}
    assert dialog.current_filter() == TrailFilter(until=dialog.current_filter().until)
    dialog.since.setDate(QDate(today.year, today.month, today.day))
    dialog.until.setDate(QDate(today.year, today.month, today.day))
    assert records() == {"Customer · 晚客", "Deal · 午餐套票"}
    dialog.close()
