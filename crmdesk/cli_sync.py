"""``crmdesk sync``: bring laptops together through a sync file or a second database.

    crmdesk sync --export FILE     write this database's records to a sync file (USB stick)
    crmdesk sync --import FILE     take a sync file in (a second run resumes a cut-short one)
    crmdesk sync --server URL      sync both ways with a database (postgresql://… or a file)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sync", help="exchange changes with another laptop (a sync file) or the team server")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--export", metavar="FILE", help="write every record to a sync file")
    how.add_argument("--import", dest="import_file", metavar="FILE", help="take in a sync file written elsewhere")
    how.add_argument("--server", metavar="URL", help="sync both ways with the database at URL (or a file path)")
    p.add_argument("--name", help="this computer's name as other laptops list it (default: the host name)")


def _skew_note(name: str, skew_ms: int | None) -> None:
    if skew_ms:
        minutes = round(abs(skew_ms) / 60_000)
        side = "ahead of" if skew_ms > 0 else "behind"
        print(f"crmdesk: the clock of {name} is about {minutes} minutes {side} this computer's; "
              "check the date and time settings of both.", file=sys.stderr)


def cmd_sync(args: argparse.Namespace) -> int:
    from crmdesk.cli import _open, _StderrProgress
    from crmdesk.services.sync import back_up_first, engine, files
    from crmdesk.services.sync.replicas import DatabaseReplica
    from crmdesk.storage.database import open_peer
    from crmdesk.storage.models import database_proxy

    _open(args.db)
    local = DatabaseReplica(database_proxy.obj, name=args.name)
    progress = _StderrProgress()
    try:
        if args.export:
            count = files.export_file(local, Path(args.export), progress)
            message = f"Wrote {count} records to {args.export}."
        elif args.import_file:
            back_up_first()
            report = files.import_file(local, Path(args.import_file), progress)
            message = f"Took in {report.received} records; {report.conflicts} conflicts to review."
        else:
            back_up_first()
            peer_db = open_peer(args.server)
            try:
                peer = DatabaseReplica(peer_db)
                report = engine.sync(local, peer, progress)
            finally:
                peer_db.close()
            _skew_note(peer.name or args.server, report.skew_ms)
            message = (f"Received {report.received} records, sent {report.sent}; "
                       f"{report.conflicts} conflicts to review.")
    finally:
        progress.finish()
    print(message)
    return 0
