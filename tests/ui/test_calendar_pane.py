"""The care calendar as a user works it: the month's counts, the day's list, done, snooze,
skip, logging the contact in place, new and recurring tasks, settings, announcements."""

from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtWidgets import QMessageBox

from crmdesk.domain.customer import CustomerInput
from crmdesk.services import care, customers
from crmdesk.storage import models as m
from crmdesk.ui.panes.calendar.month_view import to_qdate
from crmdesk.ui.panes.calendar.task_model import TaskModel

D = dt.date  # the frozen clock: Monday 2026-11-23, 15:30


@pytest.fixture
def pane(window, clock):
    window.ctx.clock = clock  # every pane shares the window's context: all see the frozen day
    ctx = window.ctx
    zhang = customers.create_customer(ctx, CustomerInput(name="张伟", birth_month=11, birth_day=26))[0]
    care.create_task(ctx, care.TaskInput("寄样品", D(2026, 11, 20), zhang))  # overdue
    care.create_task(ctx, care.TaskInput("回访", D(2026, 11, 23), zhang))
    care.create_task(ctx, care.TaskInput("周报", D(2026, 11, 25), recurrence=care.Recurrence("weekly")))
    care.bring_up_to_date(ctx)
    window.show_pane(2)
    pane = window.calendar
    pane.customer_id = zhang
    return pane


def titles(pane) -> list[str]:
    return [pane.model.index(r, 2).data() for r in range(pane.model.rowCount())]


def choose(pane, day: D) -> None:
    pane.month.setSelectedDate(to_qdate(day))


def test_task_model_contract(pane, qtmodeltester) -> None:
    for i in range(250):
        care.create_task(pane.ctx, care.TaskInput(f"任务 {i}", D(2026, 12, 1)))
    model = TaskModel()
    model.reset(lambda after, limit: care.tasks(pane.ctx, None, None, after=after, limit=limit))
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 250 + 4  # and the birthday on the day


def test_month_counts_overdue_and_the_agenda(pane) -> None:
    assert pane.month.counts[D(2026, 11, 23)] == {"task": 1}  # the 7-days-ahead reminder was the 19th: past
    assert pane.month.day_total(D(2026, 11, 26)) == 1
    assert pane.overdue.text() == "1 overdue"
    agenda = titles(pane)
    assert agenda == ["寄样品", "回访", "周报 ↻", "Birthday today"]


def test_choosing_a_day_and_a_week(pane) -> None:
    choose(pane, D(2026, 11, 26))
    assert pane.view_mode == "day" and titles(pane) == ["Birthday today"]
    pane.set_view("week")
    assert titles(pane) == ["回访", "周报 ↻", "Birthday today"]
    assert "2026-11-23 – 2026-11-29" in pane.list_title.text()


def test_done_skip_and_snooze(pane) -> None:
    choose(pane, D(2026, 11, 23))
    pane.select(m.Reminder.get(m.Reminder.title == "回访").id)
    pane.done_button.click()
    assert m.Reminder.get(m.Reminder.title == "回访").status == "done" and "回访" not in titles(pane)
    choose(pane, D(2026, 11, 25))
    pane.select(m.Reminder.get(m.Reminder.title == "周报").id)
    pane.skip_button.click()
    assert [(str(r.due_on), r.status) for r in m.Reminder.select().where(m.Reminder.title == "周报")] == [
        ("2026-11-25", "skipped"), ("2026-12-02", "open")]
    pane.set_view("agenda")
    first = m.Reminder.get(m.Reminder.title == "寄样品")
    pane.select(first.id)
    pane.on_snooze("tomorrow")
    row = m.Reminder.get_by_id(first.id)
    assert (str(row.due_on), row.due_time) == ("2026-11-24", "09:00") and pane.overdue.text() == ""


def test_log_the_contact_in_place(pane) -> None:
    from crmdesk.ui.panes.customers.log_dialog import LogContactDialog

    choose(pane, D(2026, 11, 23))
    pane.select(m.Reminder.get(m.Reminder.title == "回访").id)
    pane.log_button.click()
    dialog = pane.findChild(LogContactDialog)
    dialog.summary.setText("电话回访，客户满意")
    dialog.on_save()
    assert m.Interaction.get(m.Interaction.customer == pane.customer_id).summary == "电话回访，客户满意"
    assert m.Reminder.get(m.Reminder.title == "回访").status == "done"


def test_new_recurring_task_through_the_dialog(pane) -> None:
    from crmdesk.ui.panes.calendar.dialogs import TaskDialog

    choose(pane, D(2026, 11, 27))
    pane.on_new()
    dialog = pane.findChild(TaskDialog)
    dialog.accept()
    assert "to be done" in dialog.error.text()
    dialog.title.setText("月度对账")
    dialog.repeat.setCurrentIndex(dialog.repeat.findData("monthly"))
    dialog.ends.setCurrentIndex(2)
    dialog.count.setValue(3)
    dialog.accept()
    row = m.Reminder.get(m.Reminder.title == "月度对账")
    assert (str(row.due_on), row.recurrence) == ("2026-11-27", "FREQ=MONTHLY;INTERVAL=1;COUNT=3")
    assert "月度对账 ↻" in titles(pane)


def test_care_settings_change_the_cadence(pane, window) -> None:
    from crmdesk.ui.panes.calendar.dialogs import CareSettingsDialog

    pane.on_settings()
    dialog = pane.findChild(CareSettingsDialog)
    dialog.cadence["general"].setValue(0)
    dialog.cadence["strategic"].setValue(7)
    dialog.accept()
    assert care.cadences()["general"] is None and care.cadences()["strategic"] == 7


def test_announcements_once_and_the_backlog_summed_up(pane, window, clock) -> None:
    window._care_announced_once = False
    window.check_care()
    assert "are due" in pane.banner.text() and pane.banner.isVisible()
    care.create_task(pane.ctx, care.TaskInput("下午拜访", D(2026, 11, 23), due_time=dt.time(16, 0)))
    window.check_care()
    assert "下午拜访" not in pane.banner.text()  # not yet 16:00
    clock.advance(hours=1)
    window.check_care()
    assert "Care task due: 下午拜访" in pane.banner.text()
    pane.announce("")
    window.check_care()
    assert pane.banner.text() == ""  # announced once only


def test_opening_a_task_shows_the_customer(pane, window) -> None:
    choose(pane, D(2026, 11, 23))
    pane.select(m.Reminder.get(m.Reminder.title == "回访").id)
    pane.customer_button.click()
    assert window.stack.currentWidget() is window.customers
    assert window.customers.model.rowCount() == 1


def test_background_updates_run_on_their_own_worker_and_stop_on_close(qtbot, db_path, english) -> None:
    from crmdesk.storage.database import close_database
    from tests.ui.conftest import make_window

    win = make_window(qtbot, db_path, english)
    win.show()
    win.start_background_work()
    care_runner = win._care_runner
    assert care_runner is not win.runner and not care_runner.synchronous
    win.update_care()
    qtbot.waitUntil(lambda: not care_runner.busy, timeout=10_000)
    win.close()
    assert win._care_progress.cancelled() and win._care_runner is None
    win.update_care()  # after closing: nothing is scheduled
    close_database()


def test_export_the_listed_tasks_or_a_customers(pane, tmp_path, monkeypatch) -> None:
    from icalendar import Calendar
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    target = tmp_path / "care"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    pane.on_export()  # the agenda: overdue and the next 30 days
    listed = Calendar.from_ical((tmp_path / "care.ics").read_bytes()).walk("VEVENT")
    assert len(listed) == pane.model.rowCount() == 4
    pane.on_export(pane.customer_id)
    mine = Calendar.from_ical((tmp_path / "care.ics").read_bytes()).walk("VEVENT")
    assert sorted(str(e["SUMMARY"]) for e in mine) == ["Birthday today · 张伟", "回访 · 张伟", "寄样品 · 张伟"]


def test_delete_bins_the_task_and_ctrl_z_brings_it_back(pane, window, monkeypatch) -> None:
    choose(pane, D(2026, 11, 23))
    task = m.Reminder.get(m.Reminder.title == "回访")
    pane.select(task.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    pane.on_delete()
    assert m.Reminder.get_by_id(task.id).deleted_at is not None and "回访" not in titles(pane)
    window.history.undo_action.trigger()
    assert m.Reminder.get_by_id(task.id).deleted_at is None and "回访" in titles(pane)
