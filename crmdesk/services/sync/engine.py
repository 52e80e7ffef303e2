"""The sync protocol: two replicas exchange what each has that the other has not seen.

A *pull* of replica B into replica A walks the synced tables parents first; for each it asks
B for records written after the last ``seen`` of B that A has applied, a batch at a time,
and A merges each batch field by field (see :mod:`crmdesk.domain.sync_merge`) in one
transaction that also records the new progress. A sync is a pull each way. A connection
that drops, a cancel or a crash loses at most the batch in flight; running the sync again
resumes after the last batch applied. Before pulling, each database replica gives clocks to
records written without them (the capture step), and the two wall clocks are compared: a
skew beyond a few minutes is reported (the hybrid logical clock keeps the order right
regardless).
"""

from __future__ import annotations

import logging
from contextlib import nullcontext
from dataclasses import dataclass

from crmdesk.domain import hlc
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, CrmError
from crmdesk.services.progress import NoProgress, Progress, check
from crmdesk.services.sync.replicas import Replica
from crmdesk.storage import sync_tables
from crmdesk.storage.sync_store import START

log = logging.getLogger(__name__)

BATCH = 1000


class SyncError(CrmError):
    """A sync that cannot run (e.g. a replica syncing with itself)."""


@dataclass
class SyncReport:
    received: int = 0  # records the local side took in
    sent: int = 0  # records the peer took in
    conflicts: int = 0  # new conflicts found (on either side)
    batches: int = 0
    skew_ms: int | None = None  # the peer's clock minus ours, when beyond hlc.MAX_SKEW_MS


def _check_pair(local: Replica, peer: Replica) -> None:
    if local.id == peer.id:
        raise SyncError(QT_TRANSLATE_NOOP("errors", "The other side is this same database (its own sync file or a copy of it); there is nothing to sync."))


def pull(dst: Replica, src: Replica, progress: Progress | None = None, batch: int = BATCH,
         report: SyncReport | None = None, done_before: int = 0, total: int = 0) -> int:
    """Bring ``src``'s changes into ``dst``; returns how many records ``dst`` took in."""
    progress = progress or NoProgress()
    report = report or SyncReport()
    since_map = dst.progress_of(src.id)
    knows = src.progress_of(dst.id)
    mine, theirs = dst.forked_from(), src.forked_from()  # copies: their earlier ids (see Store.apply)
    knew = src.progress_of(mine[0]) if mine else {}
    done = done_before
    try:
        for spec in sync_tables.SPECS:
            since = since_map.get(spec.name, START)
            loading = getattr(dst, "loading", None)
            context = loading(spec.name, src.pending(spec.name, since)) if loading else nullcontext()
            with context:
                while True:
                    check(progress)
                    records, upto = src.changes(spec.name, since, batch, dst.id)
                    if upto == since:
                        break
                    stats = dst.apply(spec.name, records, src.id, knows.get(spec.name, START), since, upto,
                                      knew.get(spec.name, START), theirs)
                    report.batches += 1
                    report.conflicts += stats.conflicts
                    done += len(records)
                    since = upto
                    progress.report(done, max(total, done), spec.name)
    except BaseException:
        try:  # what came in before a dropped connection or a cancel is counted now (the rest comes next time)
            dst.settle()
        except Exception:  # noqa: BLE001 - the list stays in the database for the next sync; the first error is the one to tell
            log.warning("counting the customers a cut-short pull touched is left for the next sync", exc_info=True)
        raise
    dst.settle()
    return done - done_before


def _pending(dst: Replica, src: Replica) -> int:
    since_map = dst.progress_of(src.id)
    return sum(src.pending(s.name, since_map.get(s.name, START)) for s in sync_tables.SPECS)


def sync(local: Replica, peer: Replica, progress: Progress | None = None, batch: int = BATCH) -> SyncReport:
    """Exchange changes both ways between two writable replicas."""
    _check_pair(local, peer)
    progress = progress or NoProgress()
    report = SyncReport(skew_ms=hlc.skew(peer.now_ms(), local.now_ms()))
    local.prepare()
    peer.prepare()
    incoming = _pending(local, peer)
    total = incoming + _pending(peer, local)
    report.received = pull(local, peer, progress, batch, report, 0, total)
    outgoing = _pending(peer, local)
    report.sent = pull(peer, local, progress, batch, report, report.received, report.received + outgoing)
    local.met(peer.id, peer.name, report.skew_ms)
    peer.met(local.id, local.name, -report.skew_ms if report.skew_ms else None)
    return report


def take_in(local: Replica, source: Replica, progress: Progress | None = None, batch: int = BATCH) -> SyncReport:
    """One way: bring a read-only replica (a sync file) into ``local``."""
    _check_pair(local, source)
    local.prepare()
    report = SyncReport(skew_ms=None)
    report.received = pull(local, source, progress, batch, report, 0, _pending(local, source))
    local.met(source.id, source.name, None)
    return report
