"""Pipeline services: moves, order, won/lost, undo, stage settings and the analysis numbers,
checked by hand on a handful of deals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crmdesk.domain.clock import FixedClock
from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from crmdesk.domain.filters import DealFilter
from crmdesk.domain.pipeline import DealInput, StageInput
from crmdesk.services import customers, forecast, pipeline, setup
from crmdesk.services.context import Context
from crmdesk.storage import models as m

DAY = 86_400_000


@pytest.fixture()
def book(db: Path, ctx: Context) -> dict[str, int]:
    setup.ensure_defaults(ctx, "zh_CN")
    ids = {}
    for name, tier in (("张伟", "general"), ("李娜", "strategic")):
        ids[name] = customers.create_customer(ctx, CustomerInput(name=name, tier=tier, category="potential"))[0]
    return ids


def _stage(kind: str = "open", index: int = 0) -> pipeline.Stage:
    return [s for s in pipeline.stages() if s.kind == kind][index]


def _deal(ctx: Context, customer: int, title: str, amount: int = 100_000, stage: int | None = None) -> int:
    return pipeline.create_deal(ctx, DealInput(customer, title, amount, stage_id=stage))[0]


def _column(ctx: Context, stage: pipeline.Stage) -> list[str]:
    return [c.title for c in pipeline.cards(ctx, stage, DealFilter())]


def test_new_deals_join_the_bottom_of_the_first_column_with_a_history_entry(ctx: Context, book: dict) -> None:
    a = _deal(ctx, book["张伟"], "门店装修")
    _deal(ctx, book["张伟"], "年度采购")
    assert _column(ctx, _stage()) == ["门店装修", "年度采购"]
    history = list(m.StageChange.select().where(m.StageChange.opportunity == a))
    assert [(h.from_stage_id, h.to_stage_id) for h in history] == [(None, _stage().id)]
    card = pipeline.card(ctx, a)
    assert card.probability == 10 and card.weighted_cents == 10_000  # the stage's default probability


def test_moves_between_and_within_columns_keep_their_order(ctx: Context, book: dict) -> None:
    a, b, c = (_deal(ctx, book["张伟"], t) for t in "ABC")
    lead, qualified = _stage(), _stage(index=1)
    pipeline.move_deal(ctx, c, pipeline.card(ctx, c).stamp, lead.id, after_id=None)  # to the top
    assert _column(ctx, lead) == ["C", "A", "B"]
    pipeline.move_deal(ctx, c, pipeline.card(ctx, c).stamp, lead.id, after_id=a)  # between A and B
    assert _column(ctx, lead) == ["A", "C", "B"]
    moved = pipeline.move_deal(ctx, a, pipeline.card(ctx, a).stamp, qualified.id)
    assert moved.stage_changed and _column(ctx, lead) == ["C", "B"] and _column(ctx, qualified) == ["A"]
    pipeline.move_deal(ctx, b, pipeline.card(ctx, b).stamp, qualified.id, after_id=a)
    assert _column(ctx, qualified) == ["A", "B"]
    moves = [(h.from_stage_id, h.to_stage_id) for h in m.StageChange.select().where(m.StageChange.opportunity == a)]
    assert moves == [(None, lead.id), (lead.id, qualified.id)]  # reordering alone records nothing
    ctx.clock.advance(days=2)
    assert pipeline.card(ctx, a).days_in_stage == 2


def test_many_drops_between_the_same_two_cards_renumber_the_column(ctx: Context, book: dict) -> None:
    a, b = _deal(ctx, book["张伟"], "A"), _deal(ctx, book["张伟"], "B")
    extra = [_deal(ctx, book["张伟"], f"x{i}") for i in range(60)]
    lead = _stage()
    for deal in extra:  # each lands right below A, halving the gap every time
        pipeline.move_deal(ctx, deal, pipeline.card(ctx, deal).stamp, lead.id, after_id=a)
    assert _column(ctx, lead) == ["A", *[f"x{i}" for i in reversed(range(60))], "B"]
    assert b


def test_a_stale_stamp_a_closed_deal_and_a_deleted_customer_are_refused(ctx: Context, book: dict) -> None:
    a = _deal(ctx, book["张伟"], "A")
    old = pipeline.card(ctx, a).stamp
    pipeline.update_deal(ctx, a, DealInput(book["张伟"], "A2", 5000), old)
    with pytest.raises(ConflictError, match="in the meantime"):
        pipeline.move_deal(ctx, a, old, _stage(index=1).id)
    with pytest.raises(ValidationError, match="order amount or a lost reason"):
        pipeline.move_deal(ctx, a, None, _stage("won").id)
    pipeline.lose_deal(ctx, a, None, pipeline.lost_reasons()[0][0])
    with pytest.raises(ValidationError, match="closed"):
        pipeline.move_deal(ctx, a, None, _stage().id)
    b = _deal(ctx, book["李娜"], "B")
    customers.delete_customers(ctx, [book["李娜"]])
    with pytest.raises(ValidationError, match="was deleted"):
        pipeline.move_deal(ctx, b, None, _stage(index=1).id)
    assert pipeline.card(ctx, b) is None  # a deleted customer's deals leave the board
    with pytest.raises(NotFoundError):
        pipeline.move_deal(ctx, 9999, None, _stage().id)


def test_winning_records_the_order_and_makes_the_customer_existing_and_undo_reverts_all(
        ctx: Context, book: dict) -> None:
    a = _deal(ctx, book["张伟"], "门店装修", amount=500_000)
    moved = pipeline.win_deal(ctx, a, pipeline.card(ctx, a).stamp, 480_000)
    card = pipeline.card(ctx, a)
    assert (card.status, card.stage_id, card.closed_at) == ("won", _stage("won").id, ctx.now())
    order = m.Order.get(m.Order.opportunity == a)
    assert (order.amount_cents, order.customer_id, order.description) == (480_000, book["张伟"], "门店装修")
    person = m.Customer.get_by_id(book["张伟"])
    assert (person.category, person.order_count, person.order_total_cents) == ("existing", 1, 480_000)
    assert person.stage == "new"  # the lifecycle follows the first order
    assert _column(ctx, _stage("won")) == ["门店装修"]
    follow_up = m.Reminder.get(m.Reminder.kind == "after_sale")
    assert (follow_up.customer_id, str(follow_up.due_on), follow_up.title) == (book["张伟"], "2026-11-30", "门店装修")

    pipeline.undo(ctx, moved.undo)
    card = pipeline.card(ctx, a)
    assert (card.status, card.stage_id, card.closed_at) == ("open", _stage().id, None)
    person = m.Customer.get_by_id(book["张伟"])
    assert (person.category, person.order_count, person.order_total_cents, person.stage) == ("potential", 0, 0,
                                                                                            "potential")
    assert m.Order.get_by_id(order.id).deleted_at is not None
    assert m.Reminder.get(m.Reminder.kind == "after_sale").deleted_at is not None
    live = m.StageChange.select().where((m.StageChange.opportunity == a) & m.StageChange.deleted_at.is_null())
    assert live.count() == 1  # the move to won is out of the history


def test_winning_needs_an_amount(ctx: Context, book: dict) -> None:
    a = _deal(ctx, book["张伟"], "A")
    for cents, message in ((0, "amount of the order"), (-5, "negative"), (10**15, "plausible")):
        with pytest.raises(ValidationError, match=message):
            pipeline.win_deal(ctx, a, None, cents)
    with pytest.raises(ValidationError, match="future"):
        pipeline.win_deal(ctx, a, None, 100, dt.date(2030, 1, 1))
    assert pipeline.card(ctx, a).status == "open"


def test_losing_needs_a_reason_and_reopening_returns_to_the_stage_it_left(ctx: Context, book: dict) -> None:
    a = _deal(ctx, book["张伟"], "A")
    proposal = _stage(index=2)
    pipeline.move_deal(ctx, a, None, proposal.id)
    with pytest.raises(ValidationError, match="why the deal was lost"):
        pipeline.lose_deal(ctx, a, None, None)
    reason_id, reason = pipeline.lost_reasons()[1]
    pipeline.lose_deal(ctx, a, None, reason_id, "客户预算砍了")
    card = pipeline.card(ctx, a)
    assert (card.status, card.lost_reason, card.next_step) == ("lost", reason, "客户预算砍了")
    with pytest.raises(ValidationError, match="already closed"):
        pipeline.lose_deal(ctx, a, None, reason_id)
    pipeline.reopen_deal(ctx, a, None)
    card = pipeline.card(ctx, a)
    assert (card.status, card.stage_id, card.lost_reason, card.closed_at) == ("open", proposal.id, "", None)


def test_undo_refuses_after_someone_else_changed_the_deal(ctx: Context, book: dict) -> None:
    a = _deal(ctx, book["张伟"], "A")
    moved = pipeline.move_deal(ctx, a, None, _stage(index=1).id)
    pipeline.update_deal(ctx, a, DealInput(book["张伟"], "A", 7000), None)
    with pytest.raises(ConflictError):
        pipeline.undo(ctx, moved.undo)
    assert pipeline.card(ctx, a).stage_id == _stage(index=1).id


def test_rotting_resets_when_the_customer_is_contacted_and_overdue_steps_show(ctx: Context, book: dict) -> None:
    a = pipeline.create_deal(ctx, DealInput(book["张伟"], "A", next_step="回访", next_step_due=dt.date(2026, 11, 30)))[0]
    ctx.clock.advance(days=15)  # the first stage rots after 14 days
    card = pipeline.card(ctx, a)
    assert card.rotting and card.step_overdue
    customers.log_interaction(ctx, book["张伟"], "call", "问进展")
    assert not pipeline.card(ctx, a).rotting


def test_filters_and_column_totals(ctx: Context, book: dict) -> None:
    lead = _stage()
    _deal(ctx, book["张伟"], "A", 100_000)
    pipeline.create_deal(ctx, DealInput(book["李娜"], "B", 300_000, probability=50,
                                        expected_close=dt.date(2026, 12, 15)))
    totals = pipeline.column_totals(DealFilter())[lead.id]
    assert totals == pipeline.Totals(2, 400_000, 10_000 + 150_000)
    assert pipeline.column_totals(DealFilter(tier="strategic"))[lead.id].count == 1
    assert _column_filtered(ctx, lead, DealFilter(text="李娜")) == ["B"]
    assert _column_filtered(ctx, lead, DealFilter(close_from=dt.date(2026, 12, 1),
                                                  close_until=dt.date(2027, 1, 1))) == ["B"]


def _column_filtered(ctx: Context, stage: pipeline.Stage, flt: DealFilter) -> list[str]:
    return [c.title for c in pipeline.cards(ctx, stage, flt)]


def test_forecast_by_month_and_owner(ctx: Context, book: dict) -> None:
    owner = m.User.select().first()
    for title, day, amount, probability, who in (("A", dt.date(2026, 12, 3), 100_000, 50, owner.id),
                                                 ("B", dt.date(2026, 12, 28), 200_000, None, owner.id),
                                                 ("C", dt.date(2027, 1, 9), 400_000, 25, None),
                                                 ("D", None, 1_000, None, None)):
        pipeline.create_deal(ctx, DealInput(book["张伟"], title, amount, probability, day, who))
    rows = [(r.month, r.owner_id, r.count, r.amount_cents, r.weighted_cents) for r in forecast.forecast(ctx, DealFilter())]
    assert rows == [(dt.date(2026, 12, 1), owner.id, 2, 300_000, 50_000 + 20_000),
                    (dt.date(2027, 1, 1), None, 1, 400_000, 100_000),
                    (None, None, 1, 1_000, 100)]


def test_conversion_win_rate_cycle_and_estimates_by_hand(ctx: Context, book: dict, clock: FixedClock) -> None:
    lead, qualified, proposal = _stage(), _stage(index=1), _stage(index=2)
    reason = pipeline.lost_reasons()[0][0]
    deals = [_deal(ctx, book["张伟" if i < 4 else "李娜"], f"D{i}") for i in range(6)]
    clock.advance(days=2)
    moved_to_qualified = ctx.now()
    for deal in deals[:4]:  # four reach "qualified" after 2 days in lead
        pipeline.move_deal(ctx, deal, None, qualified.id)
    clock.advance(days=4)
    for deal in deals[:2]:  # two reach "proposal" after 4 days in qualified
        pipeline.move_deal(ctx, deal, None, proposal.id)
    clock.advance(days=4)
    pipeline.win_deal(ctx, deals[0], None, 1000)  # won after 10 days in all
    pipeline.lose_deal(ctx, deals[1], None, reason)
    pipeline.lose_deal(ctx, deals[4], None, reason)
    result = forecast.conversion(ctx, None, None)
    flows = {f.stage.id: f for f in result.flows}
    assert result.opened == 6
    assert flows[lead.id].reached == 6 and flows[lead.id].to_next == pytest.approx(4 / 6)
    assert flows[qualified.id].reached == 4 and flows[qualified.id].to_next == pytest.approx(2 / 4)
    assert flows[proposal.id].reached == 2 and flows[proposal.id].to_next == pytest.approx(1 / 2)  # the won one
    # lead: four stays of 2 days and one (D4, lost) of 10; qualified: two of 4 days
    assert flows[lead.id].average_days == pytest.approx((4 * 2 + 10) / 5)
    assert flows[qualified.id].average_days == pytest.approx(4)
    assert (result.won, result.lost, result.win_rate) == (1, 2, pytest.approx(1 / 3))
    assert result.average_cycle_days == pytest.approx(10)
    assert forecast.win_rate_estimates(ctx) == {}  # three closed deals are not enough history
    later = dt.datetime(2030, 1, 1).timestamp() * 1000
    assert forecast.conversion(ctx, int(later), None).opened == 0
    # A period counts the deals opened in it, and the stays that began in it.
    since_qualified = forecast.conversion(ctx, moved_to_qualified, None)
    stays = {f.stage.id: f.average_days for f in since_qualified.flows}
    assert since_qualified.opened == 0 and stays[lead.id] is None and stays[qualified.id] == pytest.approx(4)


def test_stage_settings_rename_reorder_add_and_refuse_removing_a_full_stage(ctx: Context, book: dict) -> None:
    current = pipeline.stages()
    a = _deal(ctx, book["张伟"], "A")
    edited = [StageInput(s.id, s.name, s.probability, s.rotting_days, s.kind) for s in current]
    edited[0].name, edited[0].probability = "线索", 5
    edited.insert(1, StageInput(None, "演示", 30, 5))
    edited[2], edited[3] = edited[3], edited[2]
    pipeline.save_stages(ctx, edited)
    names = [s.name for s in pipeline.stages()]
    assert names == ["线索", "演示", "方案报价", "需求确认", "商务谈判", "赢单", "输单"]
    assert pipeline.card(ctx, a).probability == 5
    with pytest.raises(ValidationError, match="still holds deals"):
        pipeline.save_stages(ctx, [StageInput(s.id, s.name, s.probability, s.rotting_days, s.kind)
                                   for s in pipeline.stages() if s.name != "线索"])
    with pytest.raises(ValidationError, match="one won stage"):
        pipeline.save_stages(ctx, [StageInput(s.id, s.name, s.probability, s.rotting_days, s.kind)
                                   for s in pipeline.stages() if s.kind != "won"])
    empty = [StageInput(s.id, s.name, s.probability, s.rotting_days, s.kind) for s in pipeline.stages()
             if s.name != "演示"]
    pipeline.save_stages(ctx, empty)
    assert "演示" not in [s.name for s in pipeline.stages()]


def test_lost_reasons_are_managed_as_a_list(ctx: Context, book: dict) -> None:
    first, *rest = pipeline.lost_reasons()
    pipeline.save_lost_reasons(ctx, [(None, "疫情影响"), (first[0], first[1] + "了"), (None, "  ")])
    assert pipeline.lost_reasons() == [(pipeline.lost_reasons()[0][0], "疫情影响"), (first[0], first[1] + "了")]
    with pytest.raises(ValidationError, match="twice"):
        pipeline.save_lost_reasons(ctx, [(None, "甲"), (None, "甲")])
    with pytest.raises(ValidationError, match="at least one"):
        pipeline.save_lost_reasons(ctx, [(None, " ")])


def test_deal_dialog_rules_apply_on_update(ctx: Context, book: dict) -> None:
    a = _deal(ctx, book["张伟"], "A")
    with pytest.raises(ValidationError, match="title"):
        pipeline.update_deal(ctx, a, DealInput(book["张伟"], "  ", 100), None)
    with pytest.raises(ValidationError, match="more than a year ago"):
        pipeline.update_deal(ctx, a, DealInput(book["张伟"], "A", 100, expected_close=dt.date(2020, 1, 1)), None)
    record = pipeline.load_deal(a)
    assert record.data.title == "A" and record.customer == "张伟"
    pipeline.delete_deal(ctx, a, record.stamp)
    assert pipeline.card(ctx, a) is None


def test_export_writes_the_board_in_order_with_weighted_amounts(ctx: Context, book: dict, tmp_path: Path) -> None:
    import openpyxl

    from crmdesk.services import exporting

    a = _deal(ctx, book["张伟"], "A", 200_000)
    b = pipeline.create_deal(ctx, DealInput(book["李娜"], "=cmd()", 100_000, probability=40,
                                            expected_close=dt.date(2026, 12, 20)))[0]
    pipeline.move_deal(ctx, a, None, _stage(index=1).id)
    pipeline.win_deal(ctx, _deal(ctx, book["张伟"], "C"), None, 5000)
    path = tmp_path / "pipeline.xlsx"
    assert exporting.export_opportunities(ctx, DealFilter(), path) == 2
    rows = list(openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True))
    assert rows[0][:3] == ("Stage", "Deal", "Customer")
    assert [r[1] for r in rows[1:]] == ["=cmd()", "A"]  # a formula-looking title stays text
    first = dict(zip(rows[0], rows[1], strict=True))
    assert (first["Amount"], first["Probability %"], first["Weighted amount"]) == (1000, 40, 400)
    assert first["Expected close"] == dt.datetime(2026, 12, 20)
    assert exporting.export_opportunities(ctx, DealFilter(), tmp_path / "all.csv", status="all") == 3
    assert b


def test_undo_into_a_removed_stage_is_refused(ctx: Context, book: dict) -> None:
    a = _deal(ctx, book["张伟"], "A")
    extra = StageInput(None, "临时", 30, 5)
    pipeline.save_stages(ctx, [StageInput(s.id, s.name, s.probability, s.rotting_days, s.kind)
                               for s in pipeline.stages()][:1] + [extra]
                         + [StageInput(s.id, s.name, s.probability, s.rotting_days, s.kind)
                            for s in pipeline.stages()][1:])
    temporary = next(s for s in pipeline.stages() if s.name == "临时")
    pipeline.move_deal(ctx, a, None, temporary.id)
    moved = pipeline.move_deal(ctx, a, None, _stage(index=2).id)
    pipeline.save_stages(ctx, [StageInput(s.id, s.name, s.probability, s.rotting_days, s.kind)
                               for s in pipeline.stages() if s.name != "临时"])
    with pytest.raises(ValidationError, match="has been removed"):
        pipeline.undo(ctx, moved.undo)
    assert pipeline.card(ctx, a).stage_id == _stage(index=1).id
