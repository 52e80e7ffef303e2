"""The customer timeline merges every source newest first and pages without gaps."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.ids import new_uid
from crmdesk.services import customers, timeline
from crmdesk.services.context import Context
from crmdesk.storage import models as m

HOUR = 3_600_000


def test_pages_merge_sources_in_time_order(db: Path, ctx: Context) -> None:
    cid, _ = customers.create_customer(ctx, CustomerInput(name="张三"))
    now = ctx.now()
    for h in range(7):
        customers.log_interaction(ctx, cid, "call", f"电话{h}", occurred_at=now - h * 5 * HOUR)
    for d in range(3):
        m.Order.create(uid=new_uid(), stamp=now, customer=cid, ordered_on=dt.date(2026, 11, 20 - d),
                       amount_cents=100 * (d + 1), description=f"订单{d}")
    m.Complaint.create(uid=new_uid(), stamp=now, customer=cid, received_at=now - 2 * HOUR, channel="phone",
                       severity="high", description="投诉", status="new", due_at=now)

    cursor = timeline.TimelineCursor(cid)
    seen = []
    while page := timeline.next_page(cursor, limit=4):
        seen += page
    assert len(seen) == 11 and cursor.exhausted
    times = [e.at_ms for e in seen]
    assert times == sorted(times, reverse=True)
    assert {e.source for e in seen} == {"interaction", "order", "complaint"}
    assert seen[0].title == "电话0" and seen[1].source == "complaint"
    assert timeline.next_page(cursor) == []


def test_a_single_full_source_is_not_mistaken_for_the_end(db: Path, ctx: Context) -> None:
    cid, _ = customers.create_customer(ctx, CustomerInput(name="李四"))
    for h in range(8):
        customers.log_interaction(ctx, cid, "note", f"记录{h}", occurred_at=ctx.now() - h * HOUR)
    cursor = timeline.TimelineCursor(cid)
    assert len(timeline.next_page(cursor, limit=4)) == 4 and not cursor.exhausted
    assert len(timeline.next_page(cursor, limit=4)) == 4
    assert timeline.next_page(cursor, limit=4) == [] and cursor.exhausted
