"""The recycle bin's SQL: what is binned (customers, deals, care tasks, complaints), a page of
it at a time, and erasing binned rows for good.

A binned record is a row whose ``deleted_at`` is set. Binning a customer tombstones only the
customer row: its contacts, tags, history, deals, orders, tasks and complaints stay as they
were and are hidden by their customer, so they come back with it and go with it when the bin
is emptied (the foreign keys cascade). Every statement here is set-based: a page reads a
bounded number of rows through the partial indexes of binned rows, and erasing is a handful
of ``DELETE … WHERE`` statements however many rows go.

Rows that are not live do not count in the search indexes or the dashboard's running totals
(their triggers look at live rows only), so erasing binned rows leaves both right by itself;
erasing a binned customer's live orders takes them out of the order totals, as it should.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from crmdesk.storage import engine

CUSTOMER, DEAL, TASK, COMPLAINT = "customer", "deal", "task", "complaint"
KINDS: tuple[str, ...] = (CUSTOMER, DEAL, TASK, COMPLAINT)
TABLES = {CUSTOMER: "customer", DEAL: "opportunity", TASK: "reminder", COMPLAINT: "complaint"}
_RANK = {kind: i for i, kind in enumerate(KINDS)}
CHUNK = 500  # ids per statement (well under SQLite's variable limit)

# Per kind: the name shown, the customer column, and the columns a search looks in.
_NAME = {CUSTOMER: "x.name", DEAL: "x.title", TASK: "x.title", COMPLAINT: "substr(x.description, 1, 120)"}
_CUSTOMER_ID = {CUSTOMER: "x.id", DEAL: "x.customer_id", TASK: "x.customer_id", COMPLAINT: "x.customer_id"}
_SEARCHED = {
    CUSTOMER: ("x.name", "x.name_pinyin", "x.name_initials", "x.company"),
    DEAL: ("x.title", "c.name"),
    TASK: ("x.title", "c.name"),
    COMPLAINT: ("x.description", "c.name"),
}


@dataclass(frozen=True)
class BinRow:
    """One item in the bin, as the list shows it."""

    kind: str
    id: int
    name: str
    customer_id: int | None
    customer: str  # the customer it belongs to ("" for a customer itself and for tasks of none)
    customer_binned: bool  # that customer is in the bin too (so this cannot come back alone)
    deleted_at: int
    deleted_by: str  # who binned it, when the audit trail says

    @property
    def key(self) -> tuple[int, int, int]:
        """Where it stands in the list (newest first): the keyset of the next page."""
        return (self.deleted_at, _RANK[self.kind], self.id)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _matches(kind: str, text: str) -> tuple[str, list[object]]:
    words = text.split()
    if not words:
        return "", []
    parts, params = [], []
    for word in words:  # every word somewhere in the item's names
        like = "LIKE" if engine.is_sqlite() else "ILIKE"  # SQLite's LIKE ignores ASCII case
        parts.append("(" + " OR ".join(f"{col} {like} ? ESCAPE '\\'" for col in _SEARCHED[kind]) + ")")
        params += [_like(word)] * len(_SEARCHED[kind])
    return " AND " + " AND ".join(parts), params


def _after(kind: str, key: tuple[int, int, int] | None) -> tuple[str, list[object]]:
    """The rows of ``kind`` that come after ``key`` in the order (deleted_at, kind, id) descending,
    as a row-value comparison the partial index of binned rows can seek to."""
    if key is None:
        return "", []
    at, rank, row_id = key
    mine = _RANK[kind]
    if mine < rank:
        return " AND x.deleted_at <= ?", [at]
    if mine > rank:
        return " AND x.deleted_at < ?", [at]
    return " AND (x.deleted_at, x.id) < (?, ?)", [at, row_id]


def _select(kind: str, text: str, key: tuple[int, int, int] | None, limit: int) -> tuple[str, list[object]]:
    table = TABLES[kind]
    joined = "" if kind == CUSTOMER else " LEFT JOIN customer c ON c.id = x.customer_id"
    customer = "''" if kind == CUSTOMER else "COALESCE(c.name, '')"
    binned = "0" if kind == CUSTOMER else "CASE WHEN c.deleted_at IS NOT NULL THEN 1 ELSE 0 END"
    match, match_params = _matches(kind, text)
    after, after_params = _after(kind, key)
    sql = (f"SELECT * FROM (SELECT '{kind}' AS kind, {_RANK[kind]} AS rank, x.id AS id, {_NAME[kind]} AS name, "
           f"{_CUSTOMER_ID[kind]} AS customer_id, {customer} AS customer, {binned} AS customer_binned, "
           f"x.deleted_at AS deleted_at, x.uid AS uid, '{table}' AS tbl FROM \"{table}\" x{joined} "
           f"WHERE x.deleted_at IS NOT NULL{after}{match} ORDER BY x.deleted_at DESC, x.id DESC LIMIT {int(limit)}) AS of_{kind}")
    return sql, [*after_params, *match_params]


def page(after: tuple[int, int, int] | None = None, limit: int = 200, text: str = "",
         kinds: Sequence[str] = KINDS) -> list[BinRow]:
    """Up to ``limit`` binned items, newest first, that come after the item with key ``after``
    (the previous page's last ``BinRow.key``); optionally only those whose names hold every
    word of ``text``, and only of ``kinds``."""
    chosen = [k for k in KINDS if k in kinds]
    if not chosen or limit <= 0:
        return []
    parts, params = [], []
    for kind in chosen:
        sql, args = _select(kind, text.strip(), after, limit)
        parts.append(sql)
        params += args
    by = ("(SELECT u.display_name FROM audit_entry a JOIN \"user\" u ON u.id = a.user_id WHERE a.record_uid = b.uid "
          "AND a.table_name = b.tbl AND a.action = 'delete' ORDER BY a.at DESC, a.id DESC LIMIT 1)")
    sql = (f"SELECT b.kind, b.id, b.name, b.customer_id, b.customer, b.customer_binned, b.deleted_at, "
           f"COALESCE({by}, '') FROM ({' UNION ALL '.join(parts)}) b "
           f"ORDER BY b.deleted_at DESC, b.rank DESC, b.id DESC LIMIT {int(limit)}")
    # The order above ranks kinds descending within one moment, as _after expects.
    return [BinRow(kind, int(i), name or "", cid, customer or "", bool(binned), int(at), by or "")
            for kind, i, name, cid, customer, binned, at, by in engine.execute(sql, params)]


def counts(text: str = "") -> dict[str, int]:
    """How many items of each kind are in the bin (those matching ``text``, if given)."""
    out = {}
    for kind in KINDS:
        match, params = _matches(kind, text.strip())
        joined = "" if kind == CUSTOMER or not match else " LEFT JOIN customer c ON c.id = x.customer_id"
        sql = f'SELECT COUNT(*) FROM "{TABLES[kind]}" x{joined} WHERE x.deleted_at IS NOT NULL{match}'
        out[kind] = int(engine.execute(sql, params).fetchone()[0])
    return out


def _chunks(ids: Sequence[int]) -> list[list[int]]:
    unique = sorted({int(i) for i in ids})
    return [unique[i:i + CHUNK] for i in range(0, len(unique), CHUNK)]


def binned_ids(kind: str, ids: Sequence[int]) -> list[int]:
    """Those of ``ids`` that are in the bin now."""
    found: list[int] = []
    for part in _chunks(ids):
        marks = ", ".join("?" * len(part))
        found += [r[0] for r in engine.execute(
            f'SELECT id FROM "{TABLES[kind]}" WHERE deleted_at IS NOT NULL AND id IN ({marks})', part)]
    return found


def owners_in_bin(kind: str, ids: Sequence[int]) -> list[tuple[int, str, int, str]]:
    """(item id, item name, customer id, customer name) of the items of ``ids`` whose customer
    is in the bin."""
    found = []
    for part in _chunks(ids):
        marks = ", ".join("?" * len(part))
        found += [tuple(r) for r in engine.execute(
            f"SELECT x.id, {_NAME[kind]}, c.id, c.name FROM \"{TABLES[kind]}\" x JOIN customer c ON c.id = x.customer_id "
            f"WHERE x.id IN ({marks}) AND c.deleted_at IS NOT NULL ORDER BY x.id", part)]
    return found


def untomb(kind: str, ids: Sequence[int], stamp: int) -> list[tuple[int, str, int]]:
    """Take binned rows of ``kind`` out of the bin; returns (id, uid, deleted_at) of those taken."""
    table = TABLES[kind]
    taken: list[tuple[int, str, int]] = []
    for part in _chunks(ids):
        marks = ", ".join("?" * len(part))
        rows = [tuple(r) for r in engine.execute(
            f'SELECT id, uid, deleted_at FROM "{table}" WHERE deleted_at IS NOT NULL AND id IN ({marks})', part)]
        if rows:
            got = [r[0] for r in rows]
            engine.execute(f'UPDATE "{table}" SET deleted_at = NULL, stamp = ? '
                              f'WHERE id IN ({", ".join("?" * len(got))})', [stamp, *got])
        taken += rows
    return taken


def retire_removed_stages(deal_ids: Sequence[int], stamp: int) -> None:
    """Deals that come back into a stage removed while they were binned go to the first open
    stage (the board has no column for them otherwise)."""
    first = ("(SELECT id FROM pipeline_stage WHERE deleted_at IS NULL AND kind = 'open' "
             "ORDER BY position, id LIMIT 1)")
    for part in _chunks(deal_ids):
        marks = ", ".join("?" * len(part))
        engine.execute(
            f"UPDATE opportunity SET stage_id = {first}, status = 'open', closed_at = NULL, stamp = ? "
            f"WHERE id IN ({marks}) AND stage_id IN (SELECT id FROM pipeline_stage WHERE deleted_at IS NOT NULL) "
            f"AND {first} IS NOT NULL", [stamp, *part])


# -- erasing ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Selection:
    """Which binned rows to erase: by ids of each kind, or every row binned before a moment
    (``before``), or, with neither, the whole bin."""

    ids: dict[str, list[int]] | None = None
    before: int | None = None

    def conditions(self, kind: str) -> list[tuple[str, list[object]]]:
        """SQL conditions on ``x`` (the kind's table) that together pick the rows, a chunk each."""
        base = "x.deleted_at IS NOT NULL"
        if self.ids is not None:
            return [(f"{base} AND x.id IN ({', '.join('?' * len(part))})", list(part))
                    for part in _chunks(self.ids.get(kind, []))]
        if self.before is not None:
            return [(f"{base} AND x.deleted_at < ?", [self.before])]
        return [(base, [])]


def _merges_naming(customer_condition: str, params: list[object]) -> list[int]:
    """Merge records that would bring back a customer about to be erased (undoing them would
    point moved rows at a customer that no longer exists)."""
    records = [(rid, json.loads(merged or "[]")) for rid, merged in engine.execute(
        "SELECT id, merged FROM merge_record")]
    named = sorted({int(i) for _, ids in records for i in ids})
    going: set[int] = set()
    for part in _chunks(named):
        marks = ", ".join("?" * len(part))
        going.update(r[0] for r in engine.execute(
            f"SELECT x.id FROM customer x WHERE {customer_condition} AND x.id IN ({marks})", [*params, *part]))
    return [rid for rid, ids in records if going & {int(i) for i in ids}]


def erase(selection: Selection) -> dict[str, int]:
    """Delete for good the binned rows ``selection`` picks, with everything that hangs off
    them (a customer's contacts, tags, history, deals, orders, tasks, complaints, import and
    merge records; a deal's stage history; a complaint's events) and their audit entries.
    Call inside a transaction. Returns how many items of each kind went."""
    gone = {kind: 0 for kind in KINDS}
    for condition, params in selection.conditions(CUSTOMER):
        going = f"SELECT x.id FROM customer x WHERE {condition}"
        for table, of in (("opportunity", "customer_id"), ("complaint", "customer_id"), ("reminder", "customer_id"),
                          ("contact", "customer_id"), ("interaction", "customer_id"), ("sale_order", "customer_id")):
            engine.execute(f'DELETE FROM audit_entry WHERE record_uid IN (SELECT uid FROM "{table}" '
                           f'WHERE {of} IN ({going}))', params)
        engine.execute(f"DELETE FROM audit_entry WHERE record_uid IN (SELECT x.uid FROM customer x WHERE {condition})",
                       params)
        stale = _merges_naming(condition, params)
        for part in _chunks(stale):
            engine.execute(f"DELETE FROM merge_record WHERE id IN ({', '.join('?' * len(part))})", part)
        # Children first, so the statement count stays fixed however many rows go (the
        # foreign keys' cascades would do the same, row by row, inside one DELETE).
        engine.execute(f"DELETE FROM stage_change WHERE opportunity_id IN "
                       f"(SELECT id FROM opportunity WHERE customer_id IN ({going}))", params)
        engine.execute(f"DELETE FROM complaint_event WHERE complaint_id IN "
                       f"(SELECT id FROM complaint WHERE customer_id IN ({going}))", params)
        for table in ("sale_order", "opportunity", "reminder", "complaint", "contact", "customer_tag",
                      "interaction", "import_item", "merge_record"):
            column = "survivor_id" if table == "merge_record" else "customer_id"
            engine.execute(f'DELETE FROM "{table}" WHERE {column} IN ({going})', params)
        cursor = engine.execute(f"DELETE FROM customer WHERE id IN ({going})", params)
        gone[CUSTOMER] += max(cursor.rowcount, 0)
    for kind, children in ((DEAL, ("stage_change", "opportunity_id")), (TASK, None),
                           (COMPLAINT, ("complaint_event", "complaint_id"))):
        table = TABLES[kind]
        for condition, params in selection.conditions(kind):
            going = f'SELECT x.id FROM "{table}" x WHERE {condition}'
            engine.execute(f'DELETE FROM audit_entry WHERE record_uid IN (SELECT x.uid FROM "{table}" x '
                           f'WHERE {condition})', params)
            if children:
                engine.execute(f'DELETE FROM "{children[0]}" WHERE {children[1]} IN ({going})', params)
            if kind == DEAL:
                engine.execute(f"UPDATE sale_order SET opportunity_id = NULL WHERE opportunity_id IN ({going})",
                               params)
            cursor = engine.execute(f'DELETE FROM "{table}" WHERE id IN ({going})', params)
            gone[kind] += max(cursor.rowcount, 0)
    return gone
