"""One replica's synchronisation bookkeeping, in SQL on an explicit peewee database.

Everything here takes the :class:`~peewee.Database` it works on (a laptop's file, a second
file, the team server), never the global proxy, so a sync can read one database and write
another on the worker while the app keeps reading its own. Statements are plain SQL that
SQLite (3.24+) and PostgreSQL both run: ``INSERT … ON CONFLICT … DO UPDATE``, ``||``,
integer ``/``; placeholders are written ``?`` and turned into the engine's own.

Clocks: ``sync_record`` holds each record's base clock and ``seen`` (the local HLC of its
last write here); ``field_clock`` the later clocks of single fields (see migration 15). A
field's effective clock is its own row, else the record's base.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from peewee import Database, SqliteDatabase

from crmdesk.domain import hlc
from crmdesk.domain.sync_merge import Clock, FieldConflict, Version, merge
from crmdesk.storage.sync_tables import SPECS, TableSpec

META = "crmdesk_meta"
REPLICA_KEY = "sync_replica_id"
FILE_KEY = "sync_replica_file"  # the inode of the file the id was made in (see Store.replica_id)
FORKED_FROM_KEY = "sync_forked_from"  # a copy's earlier id, and the last local clock it had then
FORKED_AT_KEY = "sync_forked_at"
RESTORED = "restored"  # FILE_KEY of a file a backup was restored into: it takes a new id
NAME_KEY = "sync_replica_name"
HLC_KEY = "sync_hlc"
CAPTURE_KEY = "sync_capture"
# A change without a hook is found by the capture step through ``sync_record.row_stamp``:
# the row's stamp when the sync last accounted for it (NULL: a hook just clocked a change,
# the next capture adopts the row's stamp). A row whose stamp moved away from it was written
# by a path that keeps no field clocks, and counts as changed as a whole.
LOOKBACK_MS = 10 * 60_000  # rows stamped this long before the last capture are not looked at again
CHUNK = 500
# Customer figures that its orders and contacts make (see Store.recount_customers).
COUNTED_CHILDREN = ("sale_order", "interaction")
COUNTED_FIGURES = frozenset({"order_count", "order_total_cents", "first_order_on", "last_order_on", "last_contact_at"})
log = logging.getLogger(__name__)


Mark = tuple[int, str]  # (seen, uid): how far a peer's records have been applied
START: Mark = (0, "")
Fork = tuple[str, int]  # a copied database's earlier replica id, and its last local clock under it


class SyncStoreError(Exception):
    """A batch cannot be applied (e.g. it points to a record this replica does not have)."""


@dataclass
class ApplyStats:
    records: int = 0
    inserted: int = 0
    updated: int = 0
    conflicts: int = 0
    refresh: set[int] = field(default_factory=set)  # ids whose derived columns need computing again
    refresh_table: str = ""
    recount: set[int] = field(default_factory=set)  # customers whose order and contact figures need counting again


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


class Store:
    """The sync tables of one database."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.sqlite = isinstance(db, SqliteDatabase)

    # -- plumbing ----------------------------------------------------------------------------
    def q(self, sql: str) -> str:
        return sql if self.db.param == "?" else sql.replace("?", self.db.param)

    def run(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.db.execute_sql(self.q(sql), list(params))

    def many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """One statement for each of ``rows``. On PostgreSQL (where psycopg2's ``executemany``
        waits for the server after every row) an INSERT goes as one statement of many rows per
        page, and anything else as a page of statements per round trip; an INSERT's rows must
        then have unique keys (``_last_per_key``)."""
        if not rows:
            return
        cursor = self.db.cursor()
        values = [list(r) for r in rows]
        if self.sqlite:
            cursor.executemany(sql, values)
            return
        from psycopg2.extras import execute_batch, execute_values

        head, group, tail = _values_group(sql)
        if group:
            execute_values(cursor, self.q(head) + "%s" + self.q(tail), values, template=self.q(group),
                           page_size=CHUNK)
        else:
            execute_batch(cursor, self.q(sql), values, page_size=CHUNK)

    @staticmethod
    def marks(n: int) -> str:
        return ", ".join(["?"] * n)

    # -- identity and clock ------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = self.run(f"SELECT value FROM {META} WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.run(f"INSERT INTO {META} (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                 [key, value])

    def replica_id(self) -> str:
        """This database's id among replicas. A SQLite file that is not the one its id was
        made in (a copy put on a second laptop, a backup restored) takes a new id: the copy
        and the original would otherwise number their own changes alike, and a server that
        had taken the original's up to some point would never ask for the copy's. The copy's
        first sync then sends its whole book once (merging what the server has is harmless)."""
        rid = self.meta(REPLICA_KEY)
        here = self._file_identity()
        made_in = self.meta(FILE_KEY) if here is not None else None
        if rid is None or (made_in is not None and made_in != here):
            if rid is not None:  # a fork: what was written until now was written under the old id
                log.warning("%s is a copy of replica %s (file %s, now %s): it syncs under a new id", self.db.database,
                            rid, made_in, here)
                self.set_meta(FORKED_FROM_KEY, rid)
                self.set_meta(FORKED_AT_KEY, str(self._last_local_clock()))
            rid = uuid.uuid4().hex[:16]
            self.set_meta(REPLICA_KEY, rid)
        if here is not None and made_in != here:  # a file from before this check keeps its id
            self.set_meta(FILE_KEY, here)
        return rid

    def forked_from(self) -> Fork | None:
        """The id this file synced under before it was copied (or restored), and the last local
        clock written under it; None for a file that never was."""
        old = self.meta(FORKED_FROM_KEY)
        return (old, int(self.meta(FORKED_AT_KEY) or 0)) if old else None

    def _last_local_clock(self) -> int:
        """The highest clock this database has written anything under (its HLC, the records'
        and fields' ``seen``)."""
        stored = self.meta(HLC_KEY)
        seen = max(int(self.run(f"SELECT COALESCE(MAX(seen), 0) FROM {t}").fetchone()[0])
                   for t in ("sync_record", "field_clock"))
        return max(int(stored or 0), seen, self._highest_clock())

    def _file_identity(self) -> str | None:
        """The SQLite file's inode number (a copy or a restored backup has a new one; a rename
        or a move on the same disk keeps it), or None (a server, a file the system numbers 0)."""
        if not self.sqlite or not self.db.database or str(self.db.database).startswith((":memory:", "file:")):
            return None
        try:
            number = os.stat(self.db.database).st_ino
        except OSError:
            return None
        return str(number) if number else None

    def replica_name(self) -> str:
        return self.meta(NAME_KEY) or ""

    def next_hlc(self, now_ms: int, remote: int = 0) -> int:
        """A new local HLC value (past ``remote`` too); stored before it is returned."""
        stored = self.meta(HLC_KEY)
        last = int(stored) if stored is not None else self._highest_clock()
        value = hlc.receive(last, remote, now_ms) if remote else hlc.tick(last, now_ms)
        self.set_meta(HLC_KEY, str(value))
        return value

    def _highest_clock(self) -> int:
        """The latest clock the database holds: where a clock without a stored state (a file
        just upgraded, copied, or restored) starts, so its edits never order before it."""
        top = self.run("SELECT COALESCE(MAX(base_hlc), 0) FROM sync_record").fetchone()[0]
        fields = self.run("SELECT COALESCE(MAX(hlc), 0) FROM field_clock").fetchone()[0]
        return max(int(top), int(fields))

    # -- local writes (the services' hooks) --------------------------------------------------
    def touch(self, table: str, where: str, params: Sequence[Any], fields: Sequence[str], tick: int, me: str,
              source: str | None = None, uid: str = "t.uid", row_stamp: str = "CAST(NULL AS BIGINT)") -> None:
        """Mark the rows of ``table`` (alias ``t``) matching ``where`` as written now: their
        record's ``seen`` moves to ``tick``, and each of ``fields`` gets the clock ``tick``.
        A record without clocks yet (just created) gets ``tick`` as its base. Two or three
        ``INSERT … SELECT`` statements, whatever the number of rows. ``row_stamp``: the SQL
        of the row's stamp when the hook runs after the write (else NULL: adopted later)."""
        body = source or f'"{table}" AS t'
        self.run(f"INSERT INTO sync_record (table_name, uid, base_hlc, base_origin, base_seen, base_via, seen, row_stamp) "
                 f"SELECT DISTINCT ?, {uid}, ?, ?, ?, NULL, ?, {row_stamp} FROM {body} WHERE {where} "
                 f"ON CONFLICT (table_name, uid) DO UPDATE SET seen = excluded.seen, row_stamp = excluded.row_stamp",
                 [table, tick, me, tick, tick, *params])
        if fields:
            names = " UNION ALL ".join(["SELECT ? AS f"] * len(fields))
            self.run(f"INSERT INTO field_clock (table_name, uid, field, hlc, origin, seen, via) "
                     f"SELECT DISTINCT ?, {uid}, n.f, ?, ?, ?, NULL FROM {body} CROSS JOIN ({names}) AS n WHERE {where} "
                     f"ON CONFLICT (table_name, uid, field) DO UPDATE SET hlc = excluded.hlc, origin = excluded.origin, "
                     f"seen = excluded.seen, via = NULL",
                     [table, tick, me, tick, *fields, *params])

    def touch_from_audit(self, after_id: int, tick: int, me: str, creating: bool,
                         columns: dict[str, dict[str, str]]) -> None:
        """Clocks for the records and fields of the audit entries written after ``after_id``
        (one set-based pass over the entries just inserted). ``columns`` maps, per table,
        the entries' keys to synced columns; a creating entry marks only the record."""
        record = ("INSERT INTO sync_record (table_name, uid, base_hlc, base_origin, base_seen, base_via, seen) "
                  "SELECT DISTINCT a.table_name, a.record_uid, ?, ?, ?, NULL, ? FROM audit_entry AS a WHERE a.id > ? {} "
                  "ON CONFLICT (table_name, uid) DO UPDATE SET seen = excluded.seen, row_stamp = NULL")
        if creating:
            self.run(record.format(""), [tick, me, tick, tick, after_id])
            return
        each = "json_each(a.changes) AS j" if self.sqlite else "jsonb_each(a.changes::jsonb) AS j"
        for table, mapping in columns.items():
            cases = " ".join(f"WHEN '{key}' THEN '{column}'" for key, column in mapping.items())
            keys = ", ".join(f"'{key}'" for key in mapping)
            # Only entries that change a synced field (a bulk tag's entries do not).
            self.run(record.format(f"AND a.table_name = ? AND EXISTS (SELECT 1 FROM {each} WHERE j.key IN ({keys}))"),
                     [tick, me, tick, tick, after_id, table])
            self.run(f"INSERT INTO field_clock (table_name, uid, field, hlc, origin, seen, via) "
                     f"SELECT DISTINCT a.table_name, a.record_uid, CASE j.key {cases} END, ?, ?, ?, NULL "
                     f"FROM audit_entry AS a, {each} WHERE a.id > ? AND a.table_name = ? AND j.key IN ({keys}) "
                     f"ON CONFLICT (table_name, uid, field) DO UPDATE SET hlc = excluded.hlc, "
                     f"origin = excluded.origin, seen = excluded.seen, via = NULL",
                     [tick, me, tick, after_id, table])

    def last_audit_id(self) -> int:
        return int(self.run("SELECT COALESCE(MAX(id), 0) FROM audit_entry").fetchone()[0])

    # -- capture: records written by paths that keep no clocks --------------------------------
    def capture(self, now_ms: int) -> int:
        """Give clocks to records that have none (created before sync existed, or by a path
        without a hook) and count records changed without a clock as changed as a whole.
        Returns the number of records marked. Run in a transaction, before reading changes."""
        me = self.replica_id()
        tick = self.next_hlc(now_ms)
        state = json.loads(self.meta(CAPTURE_KEY) or "{}")
        last_wall = int(state.get("wall", 0))
        ids = state.get("ids", {})
        marked = 0
        for spec in SPECS:
            name = spec.name
            if spec.is_link:
                src = ('customer_tag AS t JOIN customer AS c ON c.id = t.customer_id '
                       'JOIN tag AS g ON g.id = t.tag_id')
                uid = "c.uid || ':' || g.uid"
                new_where, new_params = "1 = 1", []  # no id: every link is looked at
                if state:  # after the first capture, only links stamped since the last one
                    new_where, new_params = "t.stamp >= ?", [last_wall - LOOKBACK_MS]
            else:
                src, uid = f'"{name}" AS t', "t.uid"
                new_where, new_params = "t.id > ?", [int(ids.get(name, 0))]
            had = self.run("SELECT 1 FROM sync_record WHERE table_name = ? LIMIT 1", [name]).fetchone() is not None
            marked += self.run(
                f"INSERT INTO sync_record (table_name, uid, base_hlc, base_origin, base_seen, base_via, seen, row_stamp) "
                f"SELECT ?, {uid}, t.stamp * 65536, ?, ?, NULL, ?, t.stamp FROM {src} WHERE {new_where} AND NOT EXISTS "
                f"(SELECT 1 FROM sync_record AS r WHERE r.table_name = ? AND r.uid = {uid}) ORDER BY {uid}",
                [name, me, tick, tick, *new_params, name]).rowcount  # in uid order: the indexes fill in one sweep
            if not spec.is_link:  # links have no hooks: their row_stamp is never NULL
                self.run(f'UPDATE sync_record SET row_stamp = (SELECT t.stamp FROM "{name}" AS t '
                         f"WHERE t.uid = sync_record.uid) WHERE table_name = ? AND row_stamp IS NULL", [name])
            # Rows stamped since the last capture (through the stamp index) whose stamp moved on
            # without a hook; none when the table's records were all marked just now.
            scan = src
            if self.sqlite and not spec.is_link:  # drive from the stamp index (the planner would read every record)
                scan = f'"{name}" AS t INDEXED BY "{name}_stamp"'
            stale = self.run(
                f"SELECT {uid}, t.stamp FROM {scan} JOIN sync_record AS r ON r.table_name = ? AND r.uid = {uid} "
                f"WHERE t.stamp >= ? AND t.stamp <> r.row_stamp", [name, last_wall - LOOKBACK_MS]).fetchall() if had else []
            self.many("UPDATE sync_record SET base_hlc = ?, base_origin = ?, base_seen = ?, base_via = NULL, seen = ?, "
                      "row_stamp = ? WHERE table_name = ? AND uid = ?",
                      [(tick, me, tick, tick, st, name, u) for u, st in stale])
            stale = [u for u, _st in stale]
            for part in _chunks(stale):
                self.run(f"DELETE FROM field_clock WHERE table_name = ? AND uid IN ({self.marks(len(part))})",
                         [name, *part])
            marked += len(stale)
            if not spec.is_link:
                ids[name] = int(self.run(f'SELECT COALESCE(MAX(id), 0) FROM "{name}"').fetchone()[0])
        self.set_meta(CAPTURE_KEY, json.dumps({"wall": now_ms, "ids": ids}))
        return marked

    def max_id(self, table: str) -> int:
        return int(self.run(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"').fetchone()[0])

    def applied_ids(self, table: str, before: int, after: int) -> None:
        """Rows ``before < id <= after`` were written by a sync with their clocks: the next
        capture need not look at them (when it had looked at everything up to ``before``)."""
        state = json.loads(self.meta(CAPTURE_KEY) or "{}")
        ids = state.get("ids", {})
        if state and after > before and int(ids.get(table, 0)) >= before:
            ids[table] = after
            state["ids"] = ids
            self.set_meta(CAPTURE_KEY, json.dumps(state))

    # -- peers and progress ------------------------------------------------------------------
    def progress(self, peer: str) -> dict[str, Mark]:
        """Per table, the last of ``peer``'s records applied here, as ``(seen, uid)``."""
        return {t: (int(s), u) for t, s, u in self.run(
            "SELECT table_name, seen, last_uid FROM sync_progress WHERE peer_id = ?", [peer]).fetchall()}

    def set_progress(self, peer: str, table: str, mark: Mark) -> None:
        self.run("INSERT INTO sync_progress (peer_id, table_name, seen, last_uid) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT (peer_id, table_name) DO UPDATE SET seen = excluded.seen, last_uid = excluded.last_uid",
                 [peer, table, mark[0], mark[1]])

    def all_progress(self) -> dict[str, dict[str, list[Any]]]:
        out: dict[str, dict[str, list[Any]]] = {}
        for peer, table, seen, uid in self.run("SELECT peer_id, table_name, seen, last_uid FROM sync_progress").fetchall():
            out.setdefault(peer, {})[table] = [int(seen), uid]
        return out

    def note_peer(self, peer: str, name: str, at: int, skew_ms: int | None) -> None:
        self.run("INSERT INTO sync_peer (peer_id, name, last_sync_at, skew_ms) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT (peer_id) DO UPDATE SET name = excluded.name, last_sync_at = excluded.last_sync_at, "
                 "skew_ms = excluded.skew_ms", [peer, name, at, skew_ms])

    def peer_names(self) -> dict[str, str]:
        return dict(self.run("SELECT peer_id, name FROM sync_peer").fetchall())

    # -- reading changes ---------------------------------------------------------------------
    def changes(self, spec: TableSpec, since: Mark, limit: int, skip_via: str = "") -> tuple[list[dict[str, Any]], Mark]:
        """Up to ``limit`` records of ``spec`` written here after ``since`` (in ``(seen,
        uid)`` order: one bulk change gives many records the same ``seen``), in the exchange
        form, and the mark they reach (``since`` when none). ``skip_via``: leave out, in SQL,
        records whose every version came from that peer (it has them: no echo)."""
        top = self.run("SELECT seen, uid FROM sync_record WHERE table_name = ? ORDER BY seen DESC, uid DESC LIMIT 1",
                       [spec.name]).fetchone()
        if top is None or (int(top[0]), top[1]) <= since:
            return [], since
        echo, params = "", [spec.name, since[0], since[1], top[0], top[1]]
        if skip_via:
            echo = ("AND NOT (COALESCE(r.base_via, '') = ? AND NOT EXISTS (SELECT 1 FROM field_clock AS f WHERE f.table_name = "
                    "r.table_name AND f.uid = r.uid AND (f.via IS NULL OR f.via <> ?)))")
            params += [skip_via, skip_via]
        heads = self.run("SELECT r.uid, r.seen, r.base_hlc, r.base_origin, r.base_seen, r.base_via FROM sync_record AS r "
                         f"WHERE r.table_name = ? AND (r.seen, r.uid) > (?, ?) AND (r.seen, r.uid) <= (?, ?) {echo} "
                         "ORDER BY r.seen, r.uid LIMIT ?", [*params, limit]).fetchall()
        if len(heads) < limit:
            reach: Mark = (int(top[0]), top[1])  # the rest up to the top, if any, were echoes
        else:
            reach = (int(heads[-1][1]), heads[-1][0])
        if not heads:
            return [], reach
        uids = [h[0] for h in heads]
        clocks = self._field_clocks(spec.name, uids)
        rows = self._rows(spec, uids)
        out = []
        for uid, seen, base_hlc, base_origin, base_seen, base_via in heads:
            row = rows.get(uid)
            if row is None:
                continue  # a link whose tag or customer is gone: nothing to send
            values, derived, stamp = row
            fields = {f: [h, o, s, v] for f, (h, o, s, v) in clocks.get(uid, {}).items()}
            vias = {base_via, *(v for (_h, _o, _s, v) in clocks.get(uid, {}).values())}
            out.append({"u": uid, "s": int(seen), "b": [int(base_hlc), base_origin, int(base_seen), base_via],
                        "c": fields, "v": values, "d": derived, "st": stamp, "via": sorted(v or "" for v in vias)})
        return out, reach

    def _field_clocks(self, table: str, uids: Sequence[str]) -> dict[str, dict[str, tuple[int, str, int, str | None]]]:
        out: dict[str, dict[str, tuple[int, str, int, str | None]]] = {}
        for part in _chunks(list(uids)):
            for uid, name, h, origin, seen, via in self.run(
                    f"SELECT uid, field, hlc, origin, seen, via FROM field_clock WHERE table_name = ? "
                    f"AND uid IN ({self.marks(len(part))})", [table, *part]).fetchall():
                out.setdefault(uid, {})[name] = (int(h), origin, int(seen), via)
        return out

    def _records(self, table: str, uids: Sequence[str]) -> dict[str, tuple[int, str, int, str | None]]:
        out = {}
        for part in _chunks(list(uids)):
            for uid, h, origin, seen, via in self.run(
                    f"SELECT uid, base_hlc, base_origin, base_seen, base_via FROM sync_record WHERE table_name = ? "
                    f"AND uid IN ({self.marks(len(part))})", [table, *part]).fetchall():
                out[uid] = (int(h), origin, int(seen), via)
        return out

    @staticmethod
    def _plain(column: Any, value: Any) -> Any:
        if value is None:
            return None
        if column.kind == "bool":
            return bool(value)
        if column.kind == "date":
            return value.isoformat() if hasattr(value, "isoformat") else str(value)
        return value

    def _rows(self, spec: TableSpec, uids: Sequence[str]) -> dict[str, tuple[dict[str, Any], dict[str, Any], int]]:
        """Current values by uid, foreign keys as the uids they point to; with the derived
        columns and the row's stamp."""
        out: dict[str, tuple[dict[str, Any], dict[str, Any], int]] = {}
        if spec.is_link:
            pairs = [u.split(":", 1) for u in uids]
            for part in _chunks(pairs):
                cuids = sorted({p[0] for p in part})
                for cuid, tuid, deleted, stamp in self.run(
                        f"SELECT c.uid, g.uid, t.deleted_at, t.stamp FROM customer_tag AS t JOIN customer AS c "
                        f"ON c.id = t.customer_id JOIN tag AS g ON g.id = t.tag_id WHERE c.uid IN ({self.marks(len(cuids))})",
                        cuids).fetchall():
                    key = f"{cuid}:{tuid}"
                    out[key] = ({"customer_id": cuid, "tag_id": tuid, "deleted_at": deleted}, {}, int(stamp))
            return {u: out[u] for u in uids if u in out}
        names = [c.name for c in spec.columns] + list(spec.derived)
        listed = ", ".join(f't."{n}"' for n in names)
        raw: list[tuple[Any, ...]] = []
        for part in _chunks(list(uids)):
            raw.extend(self.run(f'SELECT t.uid, {listed}, t.stamp FROM "{spec.name}" AS t '
                                f"WHERE t.uid IN ({self.marks(len(part))})", part).fetchall())
        fk_maps = self._ids_to_uids(spec, raw)
        for row in raw:
            values: dict[str, Any] = {}
            for i, column in enumerate(spec.columns, start=1):
                value = row[i]
                if column.references and value is not None:
                    value = fk_maps[column.references].get(int(value))
                values[column.name] = self._plain(column, value)
            derived = {n: row[len(spec.columns) + 1 + j] for j, n in enumerate(spec.derived)}
            out[row[0]] = (values, derived, int(row[-1]))
        return out

    def _ids_to_uids(self, spec: TableSpec, raw: Sequence[tuple[Any, ...]]) -> dict[str, dict[int, str]]:
        wanted: dict[str, set[int]] = {}
        for i, column in enumerate(spec.columns, start=1):
            if column.references:
                wanted.setdefault(column.references, set()).update(int(r[i]) for r in raw if r[i] is not None)
        out: dict[str, dict[int, str]] = {}
        for table, ids in wanted.items():
            found: dict[int, str] = {}
            ordered = sorted(ids)
            for part in _chunks(ordered):
                found.update((int(i), u) for i, u in self.run(
                    f'SELECT id, uid FROM "{table}" WHERE id IN ({self.marks(len(part))})', part).fetchall())
            out[table] = found
        for column in spec.columns:
            if column.references:
                out.setdefault(column.references, {})
        return out

    # -- applying a peer's changes -----------------------------------------------------------
    def _aliases(self, table: str, uids: Sequence[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for part in _chunks(sorted(set(uids))):
            out.update(self.run(f"SELECT uid, local_uid FROM sync_alias WHERE table_name = ? "
                                f"AND uid IN ({self.marks(len(part))})", [table, *part]).fetchall())
        return out

    def _local_ids(self, table: str, uids: Sequence[str]) -> dict[str, int]:
        """Remote uids of ``table`` to local ids (through aliases)."""
        aliases = self._aliases(table, uids)
        local = {u: aliases.get(u, u) for u in uids}
        found: dict[str, int] = {}
        for part in _chunks(sorted(set(local.values()))):
            found.update((u, int(i)) for u, i in self.run(
                f'SELECT uid, id FROM "{table}" WHERE uid IN ({self.marks(len(part))})', part).fetchall())
        return {u: found[lu] for u, lu in local.items() if lu in found}

    def _local_uid_of(self, table: str, uids: Sequence[str]) -> dict[str, str]:
        aliases = self._aliases(table, uids)
        return {u: aliases.get(u, u) for u in uids}

    def apply(self, spec: TableSpec, records: Sequence[dict[str, Any]], peer: str, peer_knows: Mark, since: Mark,
              now_ms: int, peer_knew: Mark = START, peer_fork: Fork | None = None) -> ApplyStats:
        """Merge a batch of ``peer``'s records of one table into this database. ``peer_knows``
        is the last of this replica's ``seen`` values the peer has applied, ``since`` the last
        of the peer's we had applied before this batch (together they tell a concurrent edit
        from old news). Copies (see ``replica_id``): if this database is one, ``peer_knew`` is
        the same mark for its earlier id, under which its fields written before the copy were
        sent, if at all; if the peer is one, ``peer_fork`` is its earlier id and last clock, so
        the fields that id wrote up to then are ones the peer holds. Call inside a transaction."""
        stats = ApplyStats(records=len(records), refresh_table="customer" if spec.is_link else spec.name)
        if not records:
            return stats
        me = self.replica_id()
        top = max(max([r["b"][0]] + [c[0] for c in r["c"].values()]) for r in records)
        tick = self.next_hlc(now_ms, top)
        fields = spec.field_names
        fork = self.forked_from()
        forked_at = fork[1] if fork else -1
        # Remote foreign keys and uids as local ones.
        fk_uids: dict[str, dict[str, str]] = {}
        fk_ids: dict[str, dict[str, int]] = {}
        for column in spec.columns:
            if column.references:
                refs = sorted({r["v"].get(column.name) for r in records if r["v"].get(column.name)})
                fk_uids.setdefault(column.references, {}).update(self._local_uid_of(column.references, refs))
        for table, mapping in fk_uids.items():
            fk_ids[table] = self._local_ids(table, sorted(set(mapping.values())))

        def localise(values: dict[str, Any]) -> dict[str, Any]:
            out = dict(values)
            for column in spec.columns:
                v = out.get(column.name)
                if column.references and v is not None:
                    out[column.name] = fk_uids[column.references].get(v, v)
            return out

        incoming: list[tuple[str, dict[str, Any], dict[str, Any]]] = []  # (local uid, record, values)
        if spec.is_link:
            for r in records:
                values = localise(r["v"])
                incoming.append((f"{values['customer_id']}:{values['tag_id']}", r, values))
        else:
            aliases = self._aliases(spec.name, [r["u"] for r in records])
            for r in records:
                incoming.append((aliases.get(r["u"], r["u"]), r, localise(r["v"])))
        uids = [u for u, _r, _v in incoming]
        current = self._rows(spec, uids)
        if spec.natural and not spec.is_link:
            incoming = self._match_natural(spec, incoming, current)
            uids = [u for u, _r, _v in incoming]
            current = self._rows(spec, uids)
        bases = self._records(spec.name, uids)
        explicit = self._field_clocks(spec.name, uids)
        known_conflicts = self._open_conflicts(spec.name, uids)

        inserts, updates, record_rows, touched_rows, clock_rows, conflict_rows = [], [], [], [], [], []
        for uid, r, values in incoming:
            rb = r["b"]
            remote_base: Clock = (int(rb[0]), rb[1])
            local_now = current.get(uid)
            if local_now is None:  # new here: taken whole, nothing to merge
                inserts.append((uid, values, r.get("d") or {}, int(r.get("st") or now_ms)))
                record_rows.append((spec.name, uid, remote_base[0], remote_base[1], tick, peer, tick,
                                    int(r.get("st") or now_ms)))  # a new row keeps the stamp it had there
                clock_rows.extend((spec.name, uid, f, c[0], c[1], tick, peer) for f, c in r["c"].items() if f in fields)
                continue
            clocks_in = {f: r["c"].get(f, rb) for f in fields}
            remote = Version(values, {f: (int(c[0]), c[1]) for f, c in clocks_in.items()}, {},
                             {f: (int(c[2]), r["u"]) > since and c[3] != me and not _before(fork, c)
                              for f, c in clocks_in.items()})
            base = bases.get(uid, (0, "", 0, None))
            mine = explicit.get(uid, {})
            lclocks, unsent = {}, {}
            for f in fields:
                h, o, seen, via = mine.get(f, base)
                lclocks[f] = (h, o)
                unsent[f] = ((seen, uid) > (peer_knew if seen <= forked_at else peer_knows) and via != peer
                             and not _before(peer_fork, (h, o)))
            merged = merge(Version(local_now[0], lclocks, unsent), remote, fields)
            for c in merged.conflicts:
                if spec.name == "customer" and c.field in COUNTED_FIGURES:
                    continue  # counted again from the merged orders and contacts: no one's choice to make
                if (uid, c.field, c.other_clock) not in known_conflicts:
                    conflict_rows.append(self._conflict_row(spec.name, uid, c, now_ms))
            if not merged.from_remote:
                continue
            changed_values = any(f in merged.from_remote and merged.values[f] != local_now[0].get(f) for f in fields)
            if changed_values:
                updates.append((uid, merged.values, local_now[0], r.get("d") or {}, merged.from_remote, values))
            clock_rows.extend((spec.name, uid, f, merged.clocks[f][0], merged.clocks[f][1], tick, peer)
                              for f in merged.from_remote)
            (record_rows if changed_values else touched_rows).append(
                (spec.name, uid, base[0], base[1], base[2], base[3], tick, now_ms))

        if spec.name in COUNTED_CHILDREN:  # an order or a contact that moves leaves a customer to count again
            stats.recount.update(self._ids_of(spec.name, [u for u, *_rest in updates], "customer_id"))
        self._write_rows(spec, inserts, updates, fk_ids, fk_uids, now_ms, stats)
        if spec.name in COUNTED_CHILDREN:
            stats.recount.update(self._ids_of(spec.name, [u for u, *_rest in inserts + updates], "customer_id"))
        elif spec.name == "customer":
            stats.recount.update(self._ids_of("customer", [u for u, _merged, _now, _d, taken, *_rest in updates
                                                           if taken & COUNTED_FIGURES]))
        # Rows written here get the stamp written with them; rows whose clocks alone moved keep theirs.
        insert = ("INSERT INTO sync_record (table_name, uid, base_hlc, base_origin, base_seen, base_via, seen, row_stamp) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (table_name, uid) DO UPDATE SET seen = excluded.seen")
        self.many(insert + ", row_stamp = excluded.row_stamp", _last_per_key(record_rows, 2))
        self.many(insert, _last_per_key(touched_rows, 2))
        self.many("INSERT INTO field_clock (table_name, uid, field, hlc, origin, seen, via) VALUES (?, ?, ?, ?, ?, ?, ?) "
                  "ON CONFLICT (table_name, uid, field) DO UPDATE SET hlc = excluded.hlc, origin = excluded.origin, "
                  "seen = excluded.seen, via = excluded.via", _last_per_key(clock_rows, 3))
        self.many("INSERT INTO sync_conflict (table_name, uid, field, kept_value, kept_hlc, kept_origin, other_value, "
                  "other_hlc, other_origin, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", conflict_rows)
        stats.conflicts = len(conflict_rows)
        return stats

    def _match_natural(self, spec: TableSpec, incoming: list[tuple[str, dict[str, Any], dict[str, Any]]],
                       current: dict[str, Any]) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
        """A new record whose natural key (a tag's name …) a local record already has is that
        record: remember the peer's uid as an alias and merge into it."""
        (column,) = spec.natural
        wanted = {v.get(column): uid for uid, _r, v in incoming if uid not in current and v.get(column) is not None}
        if not wanted:
            return incoming
        found: dict[Any, str] = {}
        keys = sorted(wanted, key=str)
        for part in _chunks(keys):
            found.update(self.run(f'SELECT "{column}", uid FROM "{spec.name}" WHERE "{column}" IN ({self.marks(len(part))})',
                                  part).fetchall())
        out = []
        for uid, r, values in incoming:
            key = values.get(column)
            if uid not in current and key in found and found[key] != uid:
                self.run("INSERT INTO sync_alias (table_name, uid, local_uid) VALUES (?, ?, ?) "
                         "ON CONFLICT (table_name, uid) DO UPDATE SET local_uid = excluded.local_uid",
                         [spec.name, uid, found[key]])
                uid = found[key]
            out.append((uid, r, values))
        return out

    def _open_conflicts(self, table: str, uids: Sequence[str]) -> set[tuple[str, str, Clock]]:
        out: set[tuple[str, str, Clock]] = set()
        for part in _chunks(list(uids)):
            for uid, name, h, o in self.run(f"SELECT uid, field, other_hlc, other_origin FROM sync_conflict "
                                            f"WHERE table_name = ? AND uid IN ({self.marks(len(part))})",
                                            [table, *part]).fetchall():
                out.add((uid, name, (int(h), o)))
        return out

    @staticmethod
    def _conflict_row(table: str, uid: str, c: FieldConflict, at: int) -> tuple[Any, ...]:
        dump = lambda v: json.dumps(v, ensure_ascii=False, default=str)  # noqa: E731
        return (table, uid, c.field, dump(c.kept), c.kept_clock[0], c.kept_clock[1], dump(c.other), c.other_clock[0],
                c.other_clock[1], at)

    def _write_rows(self, spec: TableSpec, inserts: list[Any], updates: list[Any], fk_ids: dict[str, dict[str, int]],
                    fk_uids: dict[str, dict[str, str]], now_ms: int, stats: ApplyStats) -> None:
        def to_db(values: dict[str, Any]) -> list[Any]:
            out = []
            for column in spec.columns:
                v = values.get(column.name)
                if column.references and v is not None:
                    local = fk_ids.get(column.references, {}).get(v)
                    if local is None:
                        if not column.nullable:
                            raise SyncStoreError(f"{spec.name} points to a {column.references} this replica lacks: {v}")
                    v = local
                out.append(v)
            return out

        names = [c.name for c in spec.columns]
        if spec.is_link:
            self.many("INSERT INTO customer_tag (customer_id, tag_id, deleted_at, stamp) VALUES (?, ?, ?, ?)",
                      [[*to_db(v), st] for _u, v, _d, st in inserts])
            self.many("UPDATE customer_tag SET deleted_at = ?, stamp = ? WHERE customer_id = ? AND tag_id = ?",
                      [[row[2], now_ms, row[0], row[1]] for row in (to_db(m) for _u, m, *_rest in updates)])
            stats.refresh.update(to_db(v)[0] for _u, v, _d, _st in inserts)
            stats.refresh.update(to_db(m)[0] for _u, m, *_rest in updates)
        else:
            derived = list(spec.derived)
            listed = ", ".join(f'"{n}"' for n in ["uid", "stamp", *names, *derived])
            rows = []
            for uid, values, d, st in inserts:
                extra = [d.get(n, "") for n in derived] if d else [""] * len(derived)
                rows.append([uid, st, *to_db(values), *extra])
            self.many(f'INSERT INTO "{spec.name}" ({listed}) VALUES ({self.marks(len(names) + len(derived) + 2)})', rows)
            if inserts and derived and any(not d for _u, _v, d, _st in inserts):
                stats.refresh.update(self._ids_of(spec.name, [u for u, _v, d, _st in inserts if not d]))
            sets = ", ".join(f'"{n}" = ?' for n in ["stamp", *names])
            self.many(f'UPDATE "{spec.name}" SET {sets} WHERE uid = ?',
                      [[now_ms, *to_db(merged), uid] for uid, merged, *_rest in updates])
            if derived:
                stats.refresh.update(self._ids_of(spec.name, [u for u, *_rest in updates]))
        stats.inserted = len(inserts)
        stats.updated = len(updates)

    def _ids_of(self, table: str, uids: Sequence[str], column: str = "id") -> list[int]:
        """``column`` (the id, or a foreign key such as ``customer_id``) of the rows with these uids."""
        out = []
        for part in _chunks(list(uids)):
            out.extend(int(r[0]) for r in self.run(f'SELECT {column} FROM "{table}" WHERE uid IN '
                                                   f'({self.marks(len(part))})', part).fetchall() if r[0] is not None)
        return out

    def note_recount(self, ids: Iterable[int]) -> None:
        """Note customers for the pull's closing count (in the caller's transaction)."""
        self.many("INSERT INTO sync_recount (customer_id) VALUES (?) ON CONFLICT (customer_id) DO NOTHING",
                  [[i] for i in sorted(set(ids))])

    def recount_noted(self) -> int:
        """Count the noted customers (see ``recount_customers``) and take them off the list, a
        chunk a transaction; returns how many there were."""
        done, after = 0, -1
        while True:
            with self.db.atomic():
                part = [int(r[0]) for r in self.run("SELECT customer_id FROM sync_recount WHERE customer_id > ? "
                                                    "ORDER BY customer_id LIMIT ?", [after, CHUNK]).fetchall()]
                if not part:
                    return done
                self.recount_customers(part)
                self.run(f"DELETE FROM sync_recount WHERE customer_id IN ({self.marks(len(part))})", part)
            done, after = done + len(part), part[-1]

    def recount_customers(self, ids: Iterable[int]) -> None:
        """The order figures and last contact of customers whose orders, contacts or figures a
        merge changed, counted from what this replica now holds, as the services keep them:
        a customer with orders has the count, total and first and last day of its live ones
        (one with none keeps the figures it was given, e.g. by an import), and was last in
        touch no earlier than its latest contact. Taking the figures field by field instead
        would count one of two orders added on two laptops. Read per chunk in three grouped
        queries; only the customers whose figures differ are written (so the running totals'
        triggers see each change once). Stamps and clocks stay: every replica counts for itself."""
        for part in _chunks(sorted(set(ids))):
            marks = self.marks(len(part))
            current = {int(r[0]): (int(r[1] or 0), int(r[2] or 0), _day(r[3]), _day(r[4]), r[5], r[6])
                       for r in self.run("SELECT id, order_count, order_total_cents, first_order_on, last_order_on, "
                                         "last_contact_at, EXISTS (SELECT 1 FROM sale_order o WHERE o.customer_id = "
                                         f"customer.id) FROM customer WHERE id IN ({marks})", part).fetchall()}
            counted = {int(r[0]): (int(r[1]), int(r[2] or 0), _day(r[3]), _day(r[4])) for r in self.run(
                "SELECT customer_id, COUNT(*), SUM(amount_cents), MIN(ordered_on), MAX(ordered_on) FROM sale_order "
                f"WHERE customer_id IN ({marks}) AND deleted_at IS NULL GROUP BY customer_id", part).fetchall()}
            contacts = dict(self.run("SELECT customer_id, MAX(occurred_at) FROM interaction "
                                     f"WHERE customer_id IN ({marks}) AND deleted_at IS NULL GROUP BY customer_id",
                                     part).fetchall())
            figures, touched = [], []
            for cid, (count, total, first, last, contact, has_orders) in current.items():
                now = counted.get(cid, (0, 0, None, None))
                if has_orders and now != (count, total, first, last):
                    figures.append([*now, cid])
                latest = contacts.get(cid)
                if latest is not None and int(latest) > int(contact or 0):
                    touched.append([int(latest), cid])
            self.many("UPDATE customer SET order_count = ?, order_total_cents = ?, first_order_on = ?, "
                      "last_order_on = ? WHERE id = ?", figures)
            self.many("UPDATE customer SET last_contact_at = ? WHERE id = ?", touched)

    def refresh_tag_text(self, ids: Iterable[int]) -> None:
        """The search text of customers whose tags a sync changed (only rows that differ)."""
        from crmdesk.domain import search

        ordered = sorted(set(ids))
        for part in _chunks(ordered):
            marks = self.marks(len(part))
            tags: dict[int, list[str]] = {}
            for cid, name in self.run(
                    f"SELECT t.customer_id, g.name FROM customer_tag AS t JOIN tag AS g ON g.id = t.tag_id "
                    f"WHERE t.customer_id IN ({marks}) AND t.deleted_at IS NULL AND g.deleted_at IS NULL ORDER BY g.name",
                    part).fetchall():
                tags.setdefault(int(cid), []).append(name)
            out = []
            for cid, name, company, email, city, text in self.run(
                    f"SELECT id, name, company, email, city, search_text FROM customer WHERE id IN ({marks})",
                    part).fetchall():
                fresh = search.customer_text(name or "", company or "", email or "", city or "", tags.get(int(cid), []))
                if fresh != text:
                    out.append([fresh, cid])
            self.many("UPDATE customer SET search_text = ? WHERE id = ?", out)

    def refresh_derived(self, table: str, ids: Iterable[int]) -> None:
        """Compute the derived columns (pinyin, search text, normalised phones) of records
        whose fields a merge changed, as the services would have."""
        from crmdesk.domain import pinyin, search

        ordered = sorted(set(ids))
        if table not in ("customer", "contact", "complaint") or not ordered:
            return
        for part in _chunks(ordered):
            marks = self.marks(len(part))
            if table == "contact":
                rows = self.run(f"SELECT id, phone FROM contact WHERE id IN ({marks})", part).fetchall()
                self.many("UPDATE contact SET phone_e164 = ? WHERE id = ?", [[_e164(p), i] for i, p in rows])
                continue
            if table == "complaint":
                rows = self.run(f"SELECT id, description FROM complaint WHERE id IN ({marks})", part).fetchall()
                self.many("UPDATE complaint SET search_text = ? WHERE id = ?",
                          [[search.search_text(d or ""), i] for i, d in rows])
                continue
            tags: dict[int, list[str]] = {}
            for cid, name in self.run(
                    f"SELECT t.customer_id, g.name FROM customer_tag AS t JOIN tag AS g ON g.id = t.tag_id "
                    f"WHERE t.customer_id IN ({marks}) AND t.deleted_at IS NULL AND g.deleted_at IS NULL ORDER BY g.name",
                    part).fetchall():
                tags.setdefault(int(cid), []).append(name)
            out = []
            for cid, kind, name, company, email, city, phone in self.run(
                    f"SELECT id, kind, name, company, email, city, phone FROM customer WHERE id IN ({marks})",
                    part).fetchall():
                person = kind == "person"
                full, initials = pinyin.full_and_initials(name or "", person)
                e164 = _e164(phone)
                cols = search.customer_columns(name or "", company or "", email or "", city or "", phone or "", e164,
                                               tags.get(int(cid), []), person)
                out.append([full, initials, e164, cols["search_text"], cols["search_pinyin"], cols["search_digits"], cid])
            self.many("UPDATE customer SET name_pinyin = ?, name_initials = ?, phone_e164 = ?, search_text = ?, "
                      "search_pinyin = ?, search_digits = ? WHERE id = ?", out)

    # -- conflicts ---------------------------------------------------------------------------
    def conflicts(self, open_only: bool = True, limit: int = 1000) -> list[tuple[Any, ...]]:
        where = "WHERE resolved_at IS NULL" if open_only else ""
        return self.run(f"SELECT id, table_name, uid, field, kept_value, kept_hlc, kept_origin, other_value, other_hlc, "
                        f"other_origin, found_at, resolved_at FROM sync_conflict {where} ORDER BY found_at DESC, id DESC "
                        f"LIMIT ?", [limit]).fetchall()


def _before(fork: Fork | None, clock: Sequence[Any]) -> bool:
    """A field clock (hlc, origin, …) of the copy's earlier id up to its fork: the copy holds it."""
    return fork is not None and clock[1] == fork[0] and int(clock[0]) <= fork[1]


def _day(value: Any) -> str | None:
    """A date column as SQLite and PostgreSQL both give it back: ISO text, or None."""
    return None if value is None else str(value)[:10]


def _values_group(sql: str) -> tuple[str, str, str]:
    """An INSERT split around its one "VALUES (?, …)" group (head, group, tail); ("", "", "")
    for any other statement."""
    marker = " VALUES ("
    if not sql.startswith("INSERT") or marker not in sql:
        return "", "", ""
    start = sql.index(marker) + len(" VALUES ")
    end = sql.index(")", start) + 1
    if "?" in sql[:start] + sql[end:]:  # a parameter outside the one group: not one execute_values can page
        return "", "", ""
    return sql[:start], sql[start:end], sql[end:]


def _last_per_key(rows: Sequence[tuple[Any, ...]], width: int) -> list[tuple[Any, ...]]:
    """Rows with a unique key (their first ``width`` values), the last one of each key
    kept (PostgreSQL refuses to update one row twice in one statement)."""
    out: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for row in rows:
        out[row[:width]] = row
    return list(out.values())


def _e164(phone: str | None) -> str:
    from crmdesk.domain import phones
    from crmdesk.domain.errors import ValidationError

    try:
        return phones.normalise(phone or "")
    except ValidationError:
        return ""
