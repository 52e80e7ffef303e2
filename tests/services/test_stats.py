"""Dashboard numbers on a small data set checked by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.ids import new_uid
from crmdesk.services import customers, setup, stats
from crmdesk.services.context import Context
from crmdesk.storage import models as m


def test_overview(db: Path, ctx: Context) -> None:
    setup.ensure_defaults(ctx, "zh_CN")
    a, _ = customers.create_customer(ctx, CustomerInput(name="甲", category="existing", tier="strategic", stage="loyal"))
    b, _ = customers.create_customer(ctx, CustomerInput(name="乙", category="existing", tier="general", stage="active"))
    c, _ = customers.create_customer(ctx, CustomerInput(name="丙"))
    gone, _ = customers.create_customer(ctx, CustomerInput(name="丁", tier="strategic"))
    customers.delete_customers(ctx, [gone])
    now = ctx.now()
    stage = m.PipelineStage.select().order_by(m.PipelineStage.position).first()
    common = {"stamp": now, "created_at": now}
    for cust, amount, status in ((a, 100_00, "open"), (b, 250_00, "open"), (c, 999_00, "won")):
        m.Opportunity.create(uid=new_uid(), customer=cust, title="t", stage=stage, status=status,
                             amount_cents=amount, stage_entered_at=now, **common)
    today = dt.date(2026, 11, 23)
    for due, status in ((today, "open"), (today - dt.timedelta(days=1), "open"), (today - dt.timedelta(days=2), "done"),
                        (today + dt.timedelta(days=1), "open")):
        m.Reminder.create(uid=new_uid(), customer=a, kind="task", title="t", due_on=due, status=status, **common)
    hour = 3_600_000
    for due_at, status in ((now - hour, "new"), (now + hour, "in_progress"), (now - hour, "closed")):
        m.Complaint.create(uid=new_uid(), stamp=now, customer=b, received_at=now - 5 * hour, channel="phone",
                           severity="high", description="d", status=status, due_at=due_at)

    o = stats.overview(ctx)
    assert o.customers == 3
    assert o.by_category == {"existing": 2, "potential": 1}
    assert o.by_tier == {"strategic": 1, "general": 2}
    assert o.by_stage == {"loyal": 1, "active": 1, "potential": 1}
    assert (o.open_deals, o.open_pipeline_cents) == (2, 350_00)
    assert (o.reminders_due_today, o.reminders_overdue) == (1, 1)
    assert (o.complaints_open, o.complaints_overdue) == (2, 1)
