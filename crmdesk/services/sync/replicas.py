"""The endpoints a sync runs between: a peewee database, or a sync file being read.

A replica answers "your changes of table T since seen X" in batches, applies another
replica's batch in one transaction together with the progress it reaches (so a sync cut
short resumes after the last whole batch), and says how far it has got with each peer.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol

from peewee import Database

from crmdesk.domain.clock import Clock, SystemClock
from crmdesk.storage import sync_tables
from crmdesk.storage.bulk import deferred_upkeep
from crmdesk.storage.sync_file import SyncFileReader
from crmdesk.storage.sync_store import START, ApplyStats, Fork, Mark, Store


BULK_LOAD_MIN = 5_000  # records: below this a first load is applied batch by batch as any other


class Replica(Protocol):
    id: str
    name: str

    def now_ms(self) -> int: ...

    def prepare(self) -> None: ...

    def progress_of(self, peer: str) -> dict[str, Mark]: ...

    def pending(self, table: str, since: Mark) -> int: ...

    def changes(self, table: str, since: Mark, limit: int, for_peer: str) -> tuple[list[dict[str, Any]], Mark]: ...

    def apply(self, table: str, records: list[dict[str, Any]], peer: str, peer_knows: Mark, since: Mark,
              upto: Mark, peer_knew: Mark = START, peer_fork: Fork | None = None) -> ApplyStats: ...

    def forked_from(self) -> Fork | None: ...  # a copy's earlier id and its last clock under it

    def settle(self) -> None: ...  # after a pull's last batch: what is counted from the whole

    def met(self, peer: str, name: str, skew_ms: int | None) -> None: ...


def _echo(record: dict[str, Any], peer: str) -> bool:
    """Every version of the record came from ``peer``: it has them already."""
    return bool(peer) and record.get("via") == [peer]


class DatabaseReplica:
    """A crmdesk database (this machine's, a second file, the team server)."""

    writable = True

    def __init__(self, db: Database, clock: Clock | None = None, name: str | None = None) -> None:
        self.db = db
        self.clock = clock or SystemClock()
        self.store = Store(db)
        with db.atomic():
            self.id = self.store.replica_id()
            if name is not None:
                self.store.set_meta("sync_replica_name", name)
            elif not self.store.replica_name():
                self.store.set_meta("sync_replica_name", socket.gethostname() or self.id)
        self.name = self.store.replica_name()

    def now_ms(self) -> int:
        return self.clock.now_ms()

    def prepare(self) -> None:
        with self.db.atomic():
            self.store.capture(self.now_ms())
        self.store.recount_noted()  # what a pull cut short (a killed process) left to count

    def progress_of(self, peer: str) -> dict[str, Mark]:
        return self.store.progress(peer)

    def all_progress(self) -> dict[str, dict[str, list[Any]]]:
        return self.store.all_progress()

    def pending(self, table: str, since: Mark) -> int:
        return int(self.store.run("SELECT COUNT(*) FROM sync_record WHERE table_name = ? AND (seen, uid) > (?, ?)",
                                  [table, since[0], since[1]]).fetchone()[0])

    def changes(self, table: str, since: Mark, limit: int, for_peer: str) -> tuple[list[dict[str, Any]], Mark]:
        records, upto = self.store.changes(sync_tables.spec(table), since, limit, skip_via=for_peer)
        return [r for r in records if not _echo(r, for_peer)], upto

    def apply(self, table: str, records: list[dict[str, Any]], peer: str, peer_knows: Mark, since: Mark,
              upto: Mark, peer_knew: Mark = START, peer_fork: Fork | None = None) -> ApplyStats:
        with self.db.atomic():
            spec = sync_tables.spec(table)
            before = 0 if spec.is_link else self.store.max_id(table)
            stats = self.store.apply(spec, records, peer, peer_knows, since, self.now_ms(), peer_knew, peer_fork)
            if stats.inserted and not spec.is_link:
                self.store.applied_ids(table, before, self.store.max_id(table))
            if spec.is_link:
                self.store.refresh_tag_text(stats.refresh)
            else:
                self.store.refresh_derived(stats.refresh_table, stats.refresh)
            self.store.note_recount(stats.recount)
            self.store.set_progress(peer, table, upto)
        return stats

    def forked_from(self) -> Fork | None:
        return self.store.forked_from()

    def settle(self) -> None:
        """At the end of a pull: count the figures of the customers whose orders, contacts or
        figures it brought (noted batch by batch, see Store.recount_customers), once, from the
        whole of what came in; counted batch by batch, a customer's orders arriving over
        several batches would be written once for each, with every figure between."""
        self.store.recount_noted()

    @contextmanager
    def loading(self, table: str, adding: int) -> Iterator[None]:
        """A first load of many records into a table holding fewer: one transaction for the
        table, with its indexes, triggers and search index rebuilt once at the end (SQLite)
        instead of kept in step row by row. A load cut short starts that table again."""
        existing = int(self.store.run(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])
        if adding < max(BULK_LOAD_MIN, 2 * existing) or not self.store.sqlite:
            yield
            return
        with self.db.atomic(), deferred_upkeep([table], adding, db=self.db):
            yield

    def met(self, peer: str, name: str, skew_ms: int | None) -> None:
        with self.db.atomic():
            self.store.note_peer(peer, name, self.now_ms(), skew_ms)


class FileReplica:
    """A sync file, read: the records of the replica that wrote it."""

    writable = False

    def __init__(self, reader: SyncFileReader) -> None:
        self.reader = reader
        self.id = reader.replica
        self.name = reader.meta.get("name", "")
        self._progress = reader.progress()

    def now_ms(self) -> int:
        return int(self.reader.meta.get("written_at", "0"))

    def prepare(self) -> None:
        pass

    def progress_of(self, peer: str) -> dict[str, Mark]:
        return {t: (int(m[0]), m[1]) for t, m in self._progress.get(peer, {}).items()}

    def pending(self, table: str, since: Mark) -> int:
        return self.reader.pending(table, since)

    def changes(self, table: str, since: Mark, limit: int, for_peer: str) -> tuple[list[dict[str, Any]], Mark]:
        records = self.reader.records(table, since, limit)
        if not records:
            return [], since
        return [r for r in records if not _echo(r, for_peer)], (int(records[-1]["s"]), records[-1]["u"])

    def apply(self, table: str, records: list[dict[str, Any]], peer: str, peer_knows: Mark, since: Mark,
              upto: Mark, peer_knew: Mark = START, peer_fork: Fork | None = None) -> ApplyStats:
        raise TypeError("a sync file is read, not written to")

    def forked_from(self) -> Fork | None:
        return None

    def settle(self) -> None:
        pass

    def met(self, peer: str, name: str, skew_ms: int | None) -> None:
        pass
