"""What a replica holds, in a form two replicas can be compared by."""

from __future__ import annotations

from typing import Any

from crmdesk.storage import models as m
from crmdesk.storage.sync_store import Store
from crmdesk.storage.sync_tables import SPECS


def snapshot(db: Any) -> dict[str, dict[str, dict[str, Any]]]:
    """Every synced record's values (foreign keys as uids), by table and uid."""
    store = Store(db)
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for spec in SPECS:
        uids = [r[0] for r in store.run("SELECT uid FROM sync_record WHERE table_name = ?", [spec.name]).fetchall()]
        out[spec.name] = {u: row[0] for u, row in store._rows(spec, uids).items()}
    return out


def customer(db: Any, uid: str) -> m.Customer:
    with db.bind_ctx([m.Customer]):
        return m.Customer.get(m.Customer.uid == uid)


def conflicts(db: Any) -> list[tuple[Any, ...]]:
    return Store(db).conflicts(open_only=False)


def orders_and_contacts_on_two_laptops(a: Any, b: Any, server: Any) -> None:
    """Both laptops win a deal of the same customer and log a contact, then sync through
    ``server``: every replica counts both orders and keeps the later contact (the figures
    taken field by field would hold one laptop's order), with no conflict listed for them."""
    from crmdesk.domain.customer import CustomerInput
    from crmdesk.domain.pipeline import DealInput
    from crmdesk.services import customers, pipeline
    from crmdesk.services.sync.engine import sync

    def win(node: Any, cents: int) -> int:
        ctx = node.use()
        cid = m.Customer.get(m.Customer.uid == uid).id
        deal, _ = pipeline.create_deal(ctx, DealInput(customer_id=cid, title="订单"))
        pipeline.win_deal(ctx, deal, None, cents)
        return cid

    cid, _ = customers.create_customer(a.use(), CustomerInput(name="张三"))
    uid = m.Customer.get_by_id(cid).uid
    sync(a.replica, server.replica)
    sync(b.replica, server.replica)
    a.clock.advance(seconds=5)
    customers.log_interaction(a.use(), win(a, 10_000), "call", "回访", occurred_at=a.clock.now_ms() - 60_000)
    latest = a.clock.now_ms() - 60_000
    a.clock.advance(seconds=5)  # b's figures (one order of 250) are the later ones field by field
    customers.log_interaction(b.use(), win(b, 25_000), "visit", "上门", occurred_at=a.clock.now_ms() - 3600_000)
    for node in (a, b, a):
        sync(node.replica, server.replica)
    for node in (a, b, server):
        row = customer(node.db, uid)
        assert (row.order_count, row.order_total_cents, row.last_contact_at) == (2, 35_000, latest), node.replica.name
        assert not [c for c in conflicts(node.db) if c[1] == "customer" and c[3] in COUNTED]
    assert snapshot(a.db) == snapshot(b.db) == snapshot(server.db)


COUNTED = ("order_count", "order_total_cents", "first_order_on", "last_order_on", "last_contact_at")
