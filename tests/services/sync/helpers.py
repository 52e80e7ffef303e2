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
