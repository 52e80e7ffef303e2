"""Care tasks: generated idempotently (birthdays solar and lunar, holidays, cadences), closed by
a contact, recurring series with done/skip/snooze/edit, counts for the month view."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crmdesk.domain.clock import to_ms
from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.errors import ValidationError
from crmdesk.services import care, customers, setup
from crmdesk.services.context import Context
from crmdesk.storage import models as m

D = dt.date  # the frozen clock stands on Monday 2026-11-23


@pytest.fixture()
def shop(db: Path, ctx: Context) -> Context:
    setup.ensure_defaults(ctx, "zh_CN")
    return ctx


def _customer(ctx: Context, name: str, **fields) -> int:
    return customers.create_customer(ctx, CustomerInput(name=name, **fields))[0]


def _open(kind: str | None = None) -> list[m.Reminder]:
    r = m.Reminder
    query = r.select().where((r.status == "open") & r.deleted_at.is_null())
    if kind:
        query = query.where(r.kind == kind)
    return list(query.order_by(r.due_on, r.id))


def test_birthdays_get_a_reminder_ahead_and_on_the_day_and_twice_is_once(shop: Context) -> None:
    care.save_cadences(shop, {t: None for t in ("strategic", "partner", "value", "general")})
    a = _customer(shop, "张伟", birth_month=11, birth_day=28)
    # lunar 10/20 of 2026 is 2026-11-28; lunar 10/30: that month has 29 days -> its 29th, 2026-12-08
    b = _customer(shop, "李娜", birthday_calendar="lunar", birth_month=10, birth_day=20)
    c = _customer(shop, "王芳", birthday_calendar="lunar", birth_month=10, birth_day=30)
    _customer(shop, "赵六", birth_month=3, birth_day=1)  # far away: nothing yet
    added, changes = care.bring_up_to_date(shop)
    tasks = {(t.customer_id, t.title, t.due_on) for t in _open("birthday")}
    assert (a, "2026-11-28", D(2026, 11, 28)) in tasks and (a, "2026-11-28", D(2026, 11, 21)) not in tasks
    assert (b, "2026-11-28", D(2026, 11, 28)) in tasks
    assert {t.due_on for t in _open("birthday") if t.customer_id == c} == {D(2026, 12, 1), D(2026, 12, 8)}
    assert added == len(_open("birthday")) and changes.reminders and not changes.everything
    again, changes = care.bring_up_to_date(shop)
    assert again == 0 and not changes


def test_cadences_by_tier_and_a_contact_closes_the_task(shop: Context, clock) -> None:
    old = _customer(shop, "张伟", tier="strategic")
    fresh = _customer(shop, "李娜", tier="general")
    clock.advance(days=15)  # strategic: every 14 days
    care.bring_up_to_date(shop)
    due = _open("cadence")
    assert [(t.customer_id, t.title, t.due_on) for t in due] == [(old, "14", D(2026, 12, 7))]  # 14 days after
    _, changes = customers.log_interaction(shop, old, "call", "问候")
    assert changes.reminders == {due[0].id} and _open("cadence") == []
    assert fresh  # general (90 days) is not due yet
    care.bring_up_to_date(shop)
    assert _open("cadence") == []  # contacted today: not due again before 14 days


def test_a_newer_contact_from_elsewhere_closes_the_cadence_task(shop: Context, clock) -> None:
    who = _customer(shop, "张伟", tier="strategic")
    clock.advance(days=20)
    care.bring_up_to_date(shop)
    clock.advance(seconds=5)
    m.Customer.update(last_contact_at=shop.now()).where(m.Customer.id == who).execute()  # e.g. an import
    care.bring_up_to_date(shop)
    assert _open("cadence") == []


def test_holiday_greetings_for_the_chosen_tiers(shop: Context) -> None:
    care.save_cadences(shop, {t: None for t in ("strategic", "partner", "value", "general")})
    care.save_care_settings(shop, care.CareSettings(holidays=("new_year",), horizon_days=60))
    vip = _customer(shop, "张伟", tier="strategic")
    _customer(shop, "李娜", tier="general")
    care.bring_up_to_date(shop)
    assert [(t.customer_id, t.title, t.due_on) for t in _open("holiday")] == [(vip, "new_year", D(2026, 12, 30))]


def test_cadence_generation_is_a_few_batched_queries(shop: Context, clock) -> None:
    from crmdesk.services.demo.generator import generate

    generate(shop, 800, seed=4)
    clock.advance(days=200)
    first, _ = care.bring_up_to_date(shop)
    assert first > 300
    second, _ = care.bring_up_to_date(shop)
    assert second == 0
    keys = [t.source_key for t in m.Reminder.select() if t.source_key]
    assert len(keys) == len(set(keys))
    birthdays = [(t.customer_id, t.due_on) for t in _open("birthday")]
    assert len(birthdays) == len(set(birthdays))  # the demo's own reminders are the same tasks


def test_recurring_task_done_skip_and_edit(shop: Context) -> None:
    who = _customer(shop, "张伟")
    rec = care.Recurrence("weekly", 2, weekdays=(0,), count=3)
    tid, _ = care.create_task(shop, care.TaskInput("回访新品反馈", D(2026, 11, 23), who, recurrence=rec))
    care.mark_done(shop, tid)
    second = _open("task")
    assert [t.due_on for t in second] == [D(2026, 12, 7)]
    care.skip(shop, second[0].id)
    third = _open("task")
    assert [t.due_on for t in third] == [D(2026, 12, 21)]
    care.update_task(shop, third[0].id, care.TaskInput("回访（电话）", D(2026, 12, 22), who, recurrence=rec))
    assert _open("task")[0].title == "回访（电话）" and _open("task")[0].due_on == D(2026, 12, 22)
    care.mark_done(shop, third[0].id)
    assert _open("task") == []  # three times, then the series ends
    statuses = [t.status for t in m.Reminder.select().order_by(m.Reminder.due_on)]
    assert statuses == ["done", "skipped", "done"]


def test_snooze_and_bad_input(shop: Context) -> None:
    tid, _ = care.create_task(shop, care.TaskInput("寄贺卡", D(2026, 11, 23)))
    with pytest.raises(ValidationError, match="future"):
        care.snooze(shop, tid, shop.now() - 1)
    care.snooze_preset(shop, tid, "tomorrow")
    row = m.Reminder.get_by_id(tid)
    assert (str(row.due_on), row.due_time) == ("2026-11-24", "09:00")
    for bad in (care.TaskInput("  ", D(2026, 11, 23)),
                care.TaskInput("x", D(2026, 11, 23), recurrence=care.Recurrence("hourly")),
                care.TaskInput("x", D(2026, 11, 23), recurrence=care.Recurrence("daily", until=D(2026, 1, 1)))):
        with pytest.raises(ValidationError):
            care.create_task(shop, bad)


def test_month_counts_and_announcements_once(shop: Context, clock) -> None:
    care.create_task(shop, care.TaskInput("a", D(2026, 11, 20)))
    care.create_task(shop, care.TaskInput("b", D(2026, 11, 23), due_time=dt.time(9, 0)))
    care.create_task(shop, care.TaskInput("c", D(2026, 11, 23), due_time=dt.time(18, 0)))
    care.create_task(shop, care.TaskInput("d", D(2026, 12, 1)))
    counts = care.month_counts(D(2026, 11, 1), D(2026, 12, 1))
    assert counts == {D(2026, 11, 20): {"task": 1}, D(2026, 11, 23): {"task": 2}}
    assert care.overdue_count(shop) == 1
    due = care.due_announcements(shop)
    assert [title for _id, title, _c in due] == ["a", "b"]  # 18:00 is not due at 15:30
    care.mark_announced(shop, [i for i, *_ in due])
    assert care.due_announcements(shop) == []
    clock.advance(hours=3)
    assert [title for _id, title, _c in care.due_announcements(shop)] == ["c"]


def test_settings_are_checked(shop: Context) -> None:
    with pytest.raises(ValidationError):
        care.save_care_settings(shop, care.CareSettings(birthday_leads=(90,)))
    with pytest.raises(ValidationError):
        care.save_cadences(shop, {"strategic": 0})
    care.save_cadences(shop, {"strategic": 7, "partner": None})
    assert care.cadences()["strategic"] == 7 and care.cadences()["partner"] is None
    assert to_ms  # the clock helpers stay importable here


@pytest.mark.parametrize(("rule", "first", "after", "expected"), [
    ("FREQ=DAILY;INTERVAL=3", D(2026, 12, 30), D(2026, 12, 30), [D(2027, 1, 2), D(2027, 1, 5)]),
    ("FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TH", D(2026, 11, 23), D(2026, 11, 23), [D(2026, 11, 26), D(2026, 11, 30)]),
    # a monthly task on the 31st comes in the months that have one
    ("FREQ=MONTHLY;INTERVAL=1", D(2026, 1, 31), D(2026, 1, 31), [D(2026, 3, 31), D(2026, 5, 31)]),
    ("FREQ=YEARLY;INTERVAL=1", D(2024, 2, 29), D(2024, 2, 29), [D(2028, 2, 29), D(2032, 2, 29)]),
    ("FREQ=WEEKLY;INTERVAL=1;COUNT=2", D(2026, 11, 23), D(2026, 11, 23), [D(2026, 11, 30)]),
    ("FREQ=DAILY;INTERVAL=1;UNTIL=20261125", D(2026, 11, 23), D(2026, 11, 23), [D(2026, 11, 24), D(2026, 11, 25)]),
])
def test_recurrence_rules(rule, first, after, expected) -> None:
    assert care.occurrences_after(rule, first, after, limit=2) == expected
    rec = care.Recurrence.parse(rule)
    assert care.Recurrence.parse(rec.rule()) == rec


@pytest.mark.sqlite_only("compares SQLite's set-based INSERT … SELECT generation with the row-by-row one, "
                         "which is the only one other engines take (and every other care test runs there)")
def test_the_set_based_and_the_row_by_row_generation_agree(shop: Context, clock, monkeypatch) -> None:
    from crmdesk.services.demo.generator import generate

    generate(shop, 600, seed=9)
    clock.advance(days=100)
    care.save_care_settings(shop, care.CareSettings(holidays=("new_year", "spring_festival"), horizon_days=90))

    def made() -> set[tuple]:
        r = m.Reminder
        rows = r.select().where(r.kind.in_(["cadence", "holiday"]) & (r.created_at == shop.now()))
        return {(t.customer_id, t.kind, str(t.due_on), t.source_key, t.title, t.assignee_id) for t in rows}

    monkeypatch.setattr(care, "is_sqlite", lambda: False)
    care.bring_up_to_date(shop)
    row_by_row = made()
    m.Reminder.delete().where(m.Reminder.created_at == shop.now()).execute()
    monkeypatch.setattr(care, "is_sqlite", lambda: True)
    care.bring_up_to_date(shop)
    assert made() == row_by_row and len(row_by_row) > 100


@pytest.mark.sqlite_only("the uids of SQLite's set-based generation; other engines make each task's uid in Python")
def test_generated_tasks_get_unique_uids_numbered_per_statement(shop: Context, clock) -> None:
    from crmdesk.services.demo.generator import generate

    generate(shop, 300, seed=4)
    clock.advance(days=100)
    care.bring_up_to_date(shop)
    uids = [uid for (uid,) in m.Reminder.select(m.Reminder.uid).where(m.Reminder.created_at == shop.now()).tuples()]
    assert len(uids) > 100 and len(set(uids)) == len(uids)
    assert all(len(uid) == 32 and int(uid, 16) >= 0 and uid == uid.lower() for uid in uids)
    by_statement: dict[str, list[int]] = {}
    for uid in uids:
        by_statement.setdefault(uid[:20], []).append(int(uid[20:], 16))
    assert len(by_statement) > 1  # each statement draws its own random prefix
    assert all(sorted(numbers) == list(range(1, len(numbers) + 1)) for numbers in by_statement.values())


def test_a_moved_occurrence_keeps_its_series_on_the_rule(shop: Context) -> None:
    tid, _ = care.create_task(shop, care.TaskInput("周会", D(2026, 11, 23), recurrence=care.Recurrence("weekly")))
    care.snooze_preset(shop, tid, "tomorrow")  # this Monday's meeting moves to Tuesday
    care.mark_done(shop, tid)
    assert [t.due_on for t in _open("task")] == [D(2026, 11, 30)]  # the next is still a Monday
    nxt = _open("task")[0]
    care.update_task(shop, nxt.id, care.TaskInput("周会", D(2026, 11, 24), recurrence=care.Recurrence("weekly")))
    care.mark_done(shop, nxt.id)  # moved earlier than the last one: the series goes on all the same
    assert [t.due_on for t in _open("task")] == [D(2026, 12, 7)]
    care.delete_task(shop, _open("task")[0].id)  # one occurrence deleted: the series continues
    assert [t.due_on for t in _open("task")] == [D(2026, 12, 14)]
    care.delete_task(shop, _open("task")[0].id, whole_series=True)
    assert _open("task") == []


def test_finishing_a_contact_task_restarts_the_cadence(shop: Context, clock) -> None:
    who = _customer(shop, "张伟", tier="strategic")
    clock.advance(days=15)
    care.bring_up_to_date(shop)
    care.mark_done(shop, _open("cadence")[0].id)  # done without a logged contact
    clock.advance(days=15)
    care.bring_up_to_date(shop)
    assert [(t.customer_id, t.due_on) for t in _open("cadence")] == [(who, D(2026, 12, 22))]  # 14 days after


def test_tasks_of_binned_customers_wait_with_them(shop: Context) -> None:
    who = _customer(shop, "张伟")
    care.create_task(shop, care.TaskInput("回访", D(2026, 11, 23), who))
    customers.delete_customers(shop, [who])
    assert care.tasks(shop, None, None) == [] and care.month_counts(D(2026, 11, 1), D(2026, 12, 1)) == {}
    assert care.due_announcements(shop) == []


def test_the_start_up_summary_leaves_later_tasks_to_be_announced(shop: Context, clock) -> None:
    care.create_task(shop, care.TaskInput("上午", D(2026, 11, 23), due_time=dt.time(9, 0)))
    care.create_task(shop, care.TaskInput("傍晚", D(2026, 11, 23), due_time=dt.time(18, 0)))
    assert care.mark_all_announced(shop) == 1
    clock.advance(hours=3)
    assert [title for _i, title, _c in care.due_announcements(shop)] == ["傍晚"]


def test_first_purchase_anniversaries(shop: Context) -> None:
    # Orders set the first and last order days together, as here.
    care.save_cadences(shop, {t: None for t in ("strategic", "partner", "value", "general")})
    who = _customer(shop, "张伟")
    m.Customer.update(first_order_on=D(2023, 12, 5), last_order_on=D(2025, 3, 1)).where(m.Customer.id == who).execute()
    recent = _customer(shop, "李娜")
    m.Customer.update(first_order_on=D(2026, 11, 30), last_order_on=D(2026, 11, 30)).where(m.Customer.id == recent).execute()  # not a year yet
    care.bring_up_to_date(shop)
    assert [(t.customer_id, t.title, t.due_on) for t in _open("anniversary")] == [(who, "2023-12-05:3", D(2026, 12, 5))]
    assert care.bring_up_to_date(shop)[0] == 0


def test_a_big_backlog_is_counted_up_to_a_cap(shop: Context, monkeypatch) -> None:
    for i in range(4):
        care.create_task(shop, care.TaskInput(f"旧任务 {i}", D(2026, 11, 1)))
    assert care.overdue_count(shop) == 4
    monkeypatch.setattr(care, "OVERDUE_CAP", 3)
    assert care.overdue_count(shop) == 3


def test_an_icalendar_file_that_cannot_be_written_says_so(shop: Context, tmp_path: Path) -> None:
    from crmdesk.domain.errors import CrmError
    from crmdesk.services import ical

    care.create_task(shop, care.TaskInput("回访", D(2026, 11, 23)))
    with pytest.raises(CrmError, match="Could not write"):
        ical.export_tasks(shop, tmp_path / "missing" / "care.ics", None, None)
    assert ical.export_tasks(shop, tmp_path / "care.ics", None, None) == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
