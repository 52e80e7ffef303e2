"""Care tasks as a spreadsheet: a date range or one customer's, due days as dates."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from crmdesk.domain.customer import CustomerInput
from crmdesk.services import care, customers, exporting
from crmdesk.services.context import Context
from crmdesk.services.progress import Cancelled
from tests.services.exporting.helpers import CancelAtOnce, calamine_rows, records, sheets, summary

D = dt.date


@pytest.fixture()
def tasks(db: Path, ctx: Context) -> dict[str, int]:
    zhang, _ = customers.create_customer(ctx, CustomerInput(name="张伟", phone="+86 138 1234 5678"))
    li, _ = customers.create_customer(ctx, CustomerInput(name="李娜", phone="0755-1234567"))
    care.create_task(ctx, care.TaskInput("回访", D(2026, 11, 25), zhang, due_time=dt.time(9, 30), notes="问新品"))
    care.create_task(ctx, care.TaskInput("寄样品", D(2026, 12, 1), zhang))
    care.create_task(ctx, care.TaskInput("=HYPERLINK(1)", D(2026, 11, 26), li))
    done, _ = care.create_task(ctx, care.TaskInput("已完成", D(2026, 11, 24), li))
    care.mark_done(ctx, done)
    return {"zhang": zhang, "li": li}


def test_a_date_range_in_due_order(tasks, ctx: Context, tmp_path: Path) -> None:
    path = tmp_path / "care.xlsx"
    assert exporting.export_reminders(ctx, path, D(2026, 11, 23), D(2026, 11, 30)) == 2  # the done one is left out
    assert sheets(path) == ["Care tasks", "Summary"]
    first, second = records(path)
    assert first["Due"].value == dt.datetime(2026, 11, 25) and first["Due"].is_date
    assert first["Due"].number_format == "yyyy-mm-dd"
    assert first["Time"].value == "09:30" and first["Task"].value == "回访" and first["Notes"].value == "问新品"
    assert first["Phone"].value == "+86 138 1234 5678" and first["Phone"].data_type == "s"
    assert first["Kind"].value == "task" and first["Status"].value == "open"
    assert second["Task"].value == "=HYPERLINK(1)" and second["Task"].data_type == "s"
    again = calamine_rows(path)
    assert again[1][0] == D(2026, 11, 25) and again[1][5] == "+86 138 1234 5678" and again[2][3] == "=HYPERLINK(1)"
    got = summary(path)
    assert got["Rows"] == 2 and got["Due from"] == "2026-11-23" and got["Due before"] == "2026-11-30"
    assert got["Kind / task"] == 2


def test_one_customers_tasks_as_csv(tasks, ctx: Context, tmp_path: Path) -> None:
    path = tmp_path / "care.csv"
    assert exporting.export_reminders(ctx, path, customer_id=tasks["zhang"]) == 2
    rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert [(r["Due"], r["Task"], r["Customer"]) for r in rows] == [("2026-11-25", "回访", "张伟"),
                                                                    ("2026-12-01", "寄样品", "张伟")]
    assert rows[0]["Phone"] == "'+86 138 1234 5678"
    xlsx = tmp_path / "care.xlsx"
    exporting.export_reminders(ctx, xlsx, customer_id=tasks["zhang"])
    assert summary(xlsx)["Customer"] == "张伟"


def test_task_words_come_from_the_vocabulary(tasks, ctx: Context, tmp_path: Path) -> None:
    class Words(exporting.Vocabulary):
        def task(self, kind: str, title: str, due_on: dt.date) -> str:
            return f"{kind}:{title}@{due_on:%m-%d}"

    path = tmp_path / "w.csv"
    exporting.export_reminders(ctx, path, customer_id=tasks["li"], words=Words())
    assert "task:=HYPERLINK(1)@11-26" in path.read_text(encoding="utf-8-sig")


def test_a_cancel_leaves_no_file(tasks, ctx: Context, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Cancelled):
        exporting.export_reminders(ctx, out / "x.xlsx", progress=CancelAtOnce())
    assert list(out.iterdir()) == []
