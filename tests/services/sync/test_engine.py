"""Two or three laptops syncing through the engine: fields merge, conflicts are listed,
deletes travel, and a sync cut short resumes."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.filters import CustomerFilter
from crmdesk.domain.pipeline import DealInput
from crmdesk.services import backups, bulk, customers, pipeline
from crmdesk.services.sync import conflicts as conflict_list
from crmdesk.services.sync import replicas
from crmdesk.services.sync.engine import SyncError, sync
from crmdesk.services.sync.replicas import DatabaseReplica
from crmdesk.storage import models as m
from crmdesk.storage import sync_tables
from crmdesk.storage.sync_store import Store
from tests.services.sync.conftest import Node, make_nodes
from tests.services.sync.helpers import conflicts, orders_and_contacts_on_two_laptops, snapshot


def _new(node: Node, name: str = "张三", **kw: Any) -> int:
    cid, _ = customers.create_customer(node.use(), CustomerInput(name=name, **kw))
    return cid


def _edit(node: Node, uid: str, **values: Any) -> None:
    ctx = node.use()
    row = m.Customer.get(m.Customer.uid == uid)
    data = customers.load_input(row.id)
    customers.update_customer(ctx, row.id, replace(data, **values))


def _get(node: Node, uid: str) -> m.Customer:
    node.use()
    return m.Customer.get(m.Customer.uid == uid)


def test_first_sync_copies_the_book_with_search_columns(nodes: list[Node]) -> None:
    a, b, _ = nodes
    cid = _new(a, "张三", phone="13812345678", tags=["VIP"])
    uid = m.Customer.get_by_id(cid).uid
    report = sync(a.replica, b.replica)
    assert report.sent > 0 and report.conflicts == 0
    assert snapshot(a.db) == snapshot(b.db)
    copy = _get(b, uid)
    assert copy.name_pinyin and copy.search_text == m.Customer.get(m.Customer.uid == uid).search_text
    assert "vip" in copy.search_text
    again = sync(a.replica, b.replica)
    assert again.received == again.sent == 0  # nothing new either way


def test_different_fields_changed_on_each_side_both_survive(nodes: list[Node]) -> None:
    a, b, _ = nodes
    uid = m.Customer.get_by_id(_new(a, phone="13800000001")).uid
    sync(a.replica, b.replica)
    a.clock.advance(seconds=5)
    _edit(a, uid, name="张三丰")
    a.clock.advance(seconds=5)
    _edit(b, uid, phone="13900000002")
    report = sync(a.replica, b.replica)
    assert report.conflicts == 0
    for node in (a, b):
        row = _get(node, uid)
        assert (row.name, row.phone) == ("张三丰", "13900000002")
        assert row.name_pinyin.startswith("zhang")  # derived columns follow the merged name
    assert snapshot(a.db) == snapshot(b.db)


def test_same_field_later_edit_wins_and_the_other_value_is_listed(nodes: list[Node]) -> None:
    a, b, _ = nodes
    uid = m.Customer.get_by_id(_new(a)).uid
    sync(a.replica, b.replica)
    a.clock.advance(seconds=5)
    _edit(a, uid, city="北京")
    a.clock.advance(seconds=5)
    _edit(b, uid, city="上海")  # later
    report = sync(a.replica, b.replica)
    assert report.conflicts == 1
    assert _get(a, uid).city == _get(b, uid).city == "上海"
    a.use()
    (row,) = conflict_list.list_conflicts()
    assert (row.field, row.kept, row.other, row.record) == ("city", "上海", "北京", "张三")
    assert (row.kept_by, row.other_by) == ("laptop1", "laptop0")
    # The user prefers the value that lost: it becomes a new edit and travels on.
    a.clock.advance(seconds=5)
    conflict_list.use_other(a.ctx, row.id)
    assert _get(a, uid).city == "北京"
    a.use()
    (swapped,) = conflict_list.list_conflicts()
    assert (swapped.kept, swapped.other) == ("北京", "上海")
    assert sync(a.replica, b.replica).conflicts == 0
    assert _get(b, uid).city == "北京"


def test_an_edit_to_a_record_deleted_elsewhere_is_listed_and_can_bring_it_back(nodes: list[Node]) -> None:
    a, b, _ = nodes
    uid = m.Customer.get_by_id(_new(a)).uid
    sync(a.replica, b.replica)
    a.clock.advance(seconds=5)
    customers.delete_customers(a.use(), [m.Customer.get(m.Customer.uid == uid).id])
    _edit(b, uid, notes="见面谈了新订单")
    report = sync(a.replica, b.replica)
    assert report.conflicts >= 1
    assert _get(a, uid).deleted_at is not None and _get(b, uid).deleted_at is not None
    assert _get(a, uid).notes == "见面谈了新订单"  # the edit is not lost: it is on the binned record
    found = [c for c in conflicts(a.db) + conflicts(b.db) if c[3] == "deleted_at"]
    assert found
    node = a if any(c[3] == "deleted_at" for c in conflicts(a.db)) else b
    node.use()
    row = next(c for c in conflict_list.list_conflicts() if c.field == "deleted_at")
    conflict_list.use_other(node.ctx, row.id)
    assert _get(node, uid).deleted_at is None
    sync(a.replica, b.replica)
    assert _get(a, uid).deleted_at is None and _get(b, uid).deleted_at is None


def test_bulk_change_gets_field_clocks_set_based(nodes: list[Node]) -> None:
    a, b, _ = nodes
    ids = [_new(a, f"客户{i}") for i in range(5)]
    sync(a.replica, b.replica)
    a.clock.advance(seconds=5)
    bulk.set_field(a.use(), CustomerFilter(ids=tuple(ids)), "tier", "strategic")
    clocks = Store(a.db).run("SELECT DISTINCT field FROM field_clock WHERE table_name = 'customer'").fetchall()
    assert {f for (f,) in clocks} >= {"tier"} and "name" not in {f for (f,) in clocks}
    a.clock.advance(seconds=5)
    first = Store(a.db).run("SELECT uid FROM customer WHERE id = ?", [ids[0]]).fetchone()[0]
    _edit(b, first, phone="13700000000")
    assert sync(a.replica, b.replica).conflicts == 0
    assert snapshot(a.db) == snapshot(b.db)


class Flaky:
    """A peer whose connection drops after ``batches`` batches."""

    def __init__(self, inner: Any, batches: int) -> None:
        self.inner, self.left = inner, batches
        self.id, self.name = inner.id, inner.name

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def changes(self, *args: Any) -> Any:
        if self.left == 0:
            raise ConnectionError("the network went away")
        self.left -= 1
        return self.inner.changes(*args)


def test_a_dropped_connection_resumes_after_the_last_whole_batch(nodes: list[Node]) -> None:
    a, b, _ = nodes
    for i in range(12):
        _new(a, f"客户{i}")
    with pytest.raises(ConnectionError):
        sync(b.replica, Flaky(a.replica, 4), batch=3)
    b.use()
    kept = m.Customer.select().count()
    progress = Store(b.db).progress(a.replica.id)
    assert progress  # what arrived is remembered
    report = sync(b.replica, a.replica, batch=3)
    assert report.received < sum(len(v) for v in snapshot(a.db).values())  # did not start over
    assert snapshot(a.db) == snapshot(b.db)
    assert kept <= m.Customer.select().count()


def test_three_laptops_converge_through_each_other(nodes: list[Node]) -> None:
    a, b, c = nodes
    uid = m.Customer.get_by_id(_new(a)).uid
    sync(a.replica, b.replica)
    sync(b.replica, c.replica)
    a.clock.advance(seconds=5)
    _edit(a, uid, email="a@example.com")
    _edit(c, uid, city="杭州")
    sync(a.replica, b.replica)
    sync(b.replica, c.replica)
    sync(a.replica, b.replica)
    assert snapshot(a.db) == snapshot(b.db) == snapshot(c.db)
    row = _get(a, uid)
    assert (row.email, row.city) == ("a@example.com", "杭州")


def test_separately_set_up_laptops_share_stages_and_tags_instead_of_doubling_them(tmp_path) -> None:
    from crmdesk.services.setup import ensure_defaults

    a, b = make_nodes(tmp_path, 2)
    ensure_defaults(b.use())
    _new(a, "甲", tags=["VIP"])
    _new(b, "乙", tags=["VIP"])
    sync(a.replica, b.replica)
    for node in (a, b):
        node.use()
        assert m.PipelineStage.select().count() == 6
        assert m.Tag.select().count() == 1
        assert m.CustomerTag.select().count() == 2


def test_a_replica_cannot_sync_with_itself(nodes: list[Node]) -> None:
    with pytest.raises(SyncError):
        sync(nodes[0].replica, nodes[0].replica)


def test_skew_beyond_five_minutes_is_reported(nodes: list[Node]) -> None:
    from crmdesk.domain.clock import FixedClock
    from crmdesk.services.sync.replicas import DatabaseReplica

    a, b, _ = nodes
    fast = FixedClock(a.clock.now_ms() + 20 * 60_000)
    report = sync(a.replica, DatabaseReplica(b.db, fast))
    assert report.skew_ms == 20 * 60_000
    a.use()
    assert m.SyncPeer.get(m.SyncPeer.peer_id == b.replica.id).skew_ms == 20 * 60_000


def test_a_change_made_without_field_clocks_still_travels(nodes: list[Node]) -> None:
    """A path with no hook (here: a saved segment renamed in SQL) is found by its stamp."""
    from crmdesk.domain.ids import new_uid

    a, b, _ = nodes
    ctx = a.use()
    seg = m.Segment.create(uid=new_uid(), stamp=ctx.now(), name="北京客户", definition="{}")
    sync(a.replica, b.replica)
    a.clock.advance(seconds=1)
    a.use()
    m.Segment.update(name="北京老客户", stamp=a.clock.now_ms()).where(m.Segment.id == seg.id).execute()
    sync(a.replica, b.replica)
    b.use()
    assert m.Segment.get(m.Segment.uid == seg.uid).name == "北京老客户"


def test_field_clocks_are_written_with_the_change(nodes: list[Node]) -> None:
    """In the change's own transaction: the changed field, nothing else."""
    a = nodes[0]
    uid = m.Customer.get_by_id(_new(a)).uid
    a.clock.advance(seconds=1)
    _edit(a, uid, email="z@example.com")
    fields = {f for (f,) in Store(a.db).run("SELECT field FROM field_clock WHERE uid = ?", [uid]).fetchall()}
    assert fields == {"email"}
    (seen,) = Store(a.db).run("SELECT seen FROM sync_record WHERE uid = ?", [uid]).fetchone()
    (clock,) = Store(a.db).run("SELECT hlc FROM field_clock WHERE uid = ?", [uid]).fetchone()
    assert seen == clock and clock >> 16 == a.clock.now_ms()


def test_a_copied_laptop_syncs_under_a_new_id_and_none_of_its_edits_is_missed(nodes: list[Node], tmp_path: Path) -> None:
    a, server, _ = nodes
    first, second = (m.Customer.get_by_id(_new(a, name)).uid for name in ("张三", "李四"))
    sync(a.replica, server.replica)
    a.db.close()
    shutil.copyfile(a.db.database, tmp_path / "copy.sqlite")  # the book put on a second laptop
    a = Node(a.db.database, "laptop0", a.clock)
    b = Node(tmp_path / "copy.sqlite", "laptop-copy", a.clock)
    assert b.replica.id != a.replica.id
    assert Node(a.db.database, "laptop0", a.clock).replica.id == a.replica.id  # the original keeps its id
    a.clock.advance(seconds=5)
    _edit(a, first, notes="原件上改的")
    sync(a.replica, server.replica)
    a.clock.advance(seconds=5)
    _edit(b, second, notes="副本上改的")  # numbered like the original's edit above, under the old id
    sync(b.replica, server.replica)
    assert _get(server, first).notes == "原件上改的"
    assert _get(server, second).notes == "副本上改的"
    sync(a.replica, server.replica)
    assert snapshot(a.db) == snapshot(b.db) == snapshot(server.db)


@pytest.mark.parametrize("first_loads", [False, True])
def test_orders_and_contacts_added_on_two_laptops_are_all_counted(nodes: list[Node], first_loads: bool,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    if first_loads:  # a table's first load (indexes rebuilt at its end) counts the customers after it
        monkeypatch.setattr(replicas, "BULK_LOAD_MIN", 1)
    a, b, server = nodes
    orders_and_contacts_on_two_laptops(a, b, server)


def _figures(node: Node, uid: str) -> tuple[int, int]:
    row = _get(node, uid)
    return row.order_count, row.order_total_cents


def test_figures_given_to_a_customer_without_orders_are_kept(nodes: list[Node]) -> None:
    a, b, _ = nodes
    uid = m.Customer.get_by_id(_new(a)).uid
    a.use()
    m.Customer.update(order_count=7, order_total_cents=99_000).where(m.Customer.uid == uid).execute()  # e.g. imported
    sync(a.replica, b.replica)
    a.clock.advance(seconds=5)
    _edit(a, uid, notes="老客户")
    sync(a.replica, b.replica)
    assert _figures(b, uid) == (7, 99_000)


def _orders_on_both(a: Node, b: Node) -> str:
    """A customer on both laptops, with an order won on each; returns its uid."""
    uid = m.Customer.get_by_id(_new(a)).uid
    sync(a.replica, b.replica)
    for node, cents in ((a, 10_000), (b, 25_000)):
        node.clock.advance(seconds=5)
        ctx = node.use()
        deal, _ = pipeline.create_deal(ctx, DealInput(customer_id=_get(node, uid).id, title="订单"))
        pipeline.win_deal(ctx, deal, None, cents)
    return uid


def test_a_count_left_by_a_pull_that_died_is_finished_by_the_next_sync(nodes: list[Node],
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    a, b, _ = nodes
    uid = _orders_on_both(a, b)

    def killed() -> None:
        raise OSError("the process was killed")

    monkeypatch.setattr(b.replica, "settle", killed)  # the orders are in, their count is not
    with pytest.raises(OSError):
        sync(b.replica, a.replica)
    monkeypatch.undo()
    assert _figures(b, uid) == (1, 25_000)
    assert Store(b.db).run("SELECT COUNT(*) FROM sync_recount").fetchone()[0] == 1  # kept for later
    sync(b.replica, a.replica)  # nothing new comes in, the list is finished first
    assert _figures(b, uid) == (2, 35_000)
    assert Store(b.db).run("SELECT COUNT(*) FROM sync_recount").fetchone()[0] == 0


def test_orders_that_came_in_before_a_dropped_connection_are_counted(nodes: list[Node]) -> None:
    a, b, _ = nodes
    uid = _orders_on_both(a, b)
    calls = len(sync_tables.SPECS) + 1  # each try asks every table, and gets one record further
    for _attempt in range(60):  # a connection that drops again and again
        try:
            sync(b.replica, Flaky(a.replica, calls), batch=1)
            break
        except ConnectionError:
            pass
        finally:
            row = _get(b, uid)
            live = m.Order.select().where((m.Order.customer == row.id) & m.Order.deleted_at.is_null())
            assert (row.order_count, row.order_total_cents) == (live.count(), sum(o.amount_cents for o in live))
    else:
        pytest.fail("the sync never finished")
    assert _figures(b, uid) == (2, 35_000)


def test_a_restored_backup_syncs_under_a_new_id_and_gets_back_what_it_undid(nodes: list[Node], tmp_path: Path) -> None:
    a, server, _ = nodes
    first = m.Customer.get_by_id(_new(a, "甲")).uid
    sync(a.replica, server.replica)
    kept = backups.take_backup(a.use(), output=tmp_path / "before.sqlite").path
    second = m.Customer.get_by_id(_new(a, "乙")).uid
    sync(a.replica, server.replica)
    backups.restore(a.use(), kept)  # 乙 is gone here, not on the server
    a.replica = DatabaseReplica(a.db, a.clock, "laptop0")  # as every sync makes its own
    assert a.replica.id != server.replica.store.run("SELECT peer_id FROM sync_peer").fetchone()[0]
    a.clock.advance(seconds=5)
    _edit(a, first, notes="还原后改的")
    sync(a.replica, server.replica)
    assert _get(a, second).name == "乙"  # the server sends back what the restore undid
    assert _get(server, first).notes == "还原后改的"  # and takes the edit made after it
    assert snapshot(a.db) == snapshot(server.db)
    assert conflicts(a.db) == conflicts(server.db) == []


def test_a_copy_lists_no_conflict_between_the_originals_own_edits(nodes: list[Node], tmp_path: Path) -> None:
    a, server, _ = nodes
    uid = m.Customer.get_by_id(_new(a)).uid
    _edit(a, uid, city="北京")
    sync(a.replica, server.replica)
    a.db.close()
    shutil.copyfile(a.db.database, tmp_path / "copy.sqlite")
    a = Node(a.db.database, "laptop0", a.clock)
    b = Node(tmp_path / "copy.sqlite", "laptop-copy", a.clock)
    a.clock.advance(seconds=5)
    _edit(a, uid, city="上海")  # the original moves on
    sync(a.replica, server.replica)
    sync(b.replica, server.replica)
    assert _get(b, uid).city == "上海"
    assert conflicts(b.db) == conflicts(server.db) == []


def test_an_edit_the_original_never_sent_still_meets_its_conflict_on_the_copy(nodes: list[Node],
                                                                            tmp_path: Path) -> None:
    a, server, c = nodes
    uid = m.Customer.get_by_id(_new(a)).uid
    sync(a.replica, server.replica)
    sync(c.replica, server.replica)
    a.clock.advance(seconds=5)
    _edit(a, uid, city="北京")  # never synced from the original, which is then lost
    a.db.close()
    shutil.copyfile(a.db.database, tmp_path / "copy.sqlite")
    b = Node(tmp_path / "copy.sqlite", "laptop-copy", a.clock)
    a.clock.advance(seconds=5)
    _edit(c, uid, city="杭州")
    sync(c.replica, server.replica)
    sync(b.replica, server.replica)
    listed = {(row[3], json.loads(row[4]), json.loads(row[7])) for row in conflicts(b.db) + conflicts(server.db)}
    assert ("city", "杭州", "北京") in listed
