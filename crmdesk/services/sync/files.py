"""Sync without a server: write this database's records to a sync file, or take one in.

See :mod:`crmdesk.storage.sync_file` for the format. Export writes every record (the reader
skips what it already has), so one file serves any laptop; import is a one-way pull, after
which exporting here and importing there completes the round.
"""

from __future__ import annotations

import json
from pathlib import Path

from crmdesk.services.progress import NoProgress, Progress, check
from crmdesk.services.sync.engine import BATCH, SyncReport, take_in
from crmdesk.services.sync.replicas import DatabaseReplica, FileReplica
from crmdesk.storage import sync_tables
from crmdesk.storage.sync_file import SyncFileReader, writing
from crmdesk.storage.sync_store import START


def export_file(local: DatabaseReplica, path: Path, progress: Progress | None = None, batch: int = BATCH) -> int:
    """Write the sync file ``path`` (atomically); returns how many records it holds."""
    progress = progress or NoProgress()
    local.prepare()
    total = sum(local.pending(s.name, START) for s in sync_tables.SPECS)
    written = 0
    with writing(Path(path)) as out:
        for spec in sync_tables.SPECS:
            since = START
            while True:
                check(progress)
                records, upto = local.changes(spec.name, since, batch, for_peer="")
                if upto == since:
                    break
                out.add(spec.name, records)
                written += len(records)
                since = upto
                progress.report(written, max(total, written), spec.name)
        hlc_now = local.store.meta("sync_hlc") or "0"
        out.commit({"replica": local.id, "name": local.name, "written_at": str(local.now_ms()), "hlc": hlc_now,
                    "progress": json.dumps(local.all_progress())})
    return written


def import_file(local: DatabaseReplica, path: Path, progress: Progress | None = None, batch: int = BATCH) -> SyncReport:
    """Take the records of a sync file in (resumable: a second run goes on where one stopped)."""
    reader = SyncFileReader(Path(path))
    try:
        return take_in(local, FileReplica(reader), progress, batch)
    finally:
        reader.close()
