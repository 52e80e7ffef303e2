"""Merging two versions of one record, field by field (pure: no database).

Each field of a version has a clock ``(hlc, origin)``: the hybrid logical clock of the edit
that gave it its value and the replica that made it. The rules:

- the same value on both sides: nothing to decide (the later clock is kept);
- different values: the later clock wins (equal clocks, only possible for values that
  never had an edit since sync began, are decided by the values themselves, so every
  replica picks the same one);
- the losing value is a *conflict* when both sides changed the field since they last
  exchanged it: the local version is ``unsent`` (written here after the last of our
  changes the peer has applied, and not received from that peer) and the remote version is
  ``fresh`` (written there after the last of its changes we applied, and not from us).
  Otherwise one of the two values is old news to the other side, and no conflict exists;
- deletes are the field ``deleted_at``; when a delete wins while the other side edited the
  record (and the side that deleted had not seen those edits) the edits still apply to the
  record in the recycle bin, and a conflict on ``deleted_at`` lets the user bring it back.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Clock = tuple[int, str]  # (hlc, origin replica)
DELETED = "deleted_at"


@dataclass
class Version:
    """One side's record: values and the clock of every field."""

    values: dict[str, Any]
    clocks: dict[str, Clock]
    unsent: dict[str, bool] = field(default_factory=dict)  # local side: changed here, the peer has not seen it
    fresh: dict[str, bool] = field(default_factory=dict)  # remote side: changed there, we had not seen it


@dataclass(frozen=True)
class FieldConflict:
    field: str
    kept: Any
    kept_clock: Clock
    other: Any
    other_clock: Clock


@dataclass
class Merged:
    values: dict[str, Any]
    clocks: dict[str, Clock]
    from_remote: set[str]  # fields whose value and clock now come from the remote side
    conflicts: list[FieldConflict]

    def changed_from(self, local: Version | None) -> bool:
        return local is None or bool(self.from_remote)


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def remote_wins(local_value: Any, local_clock: Clock, remote_value: Any, remote_clock: Clock) -> bool:
    """Whether the remote value replaces the local one (values differ)."""
    if remote_clock != local_clock:
        return remote_clock > local_clock
    return _key(remote_value) > _key(local_value)


def merge(local: Version | None, remote: Version, fields: Sequence[str]) -> Merged:
    """The merged record, the fields taken from ``remote`` and the conflicts found."""
    if local is None:
        return Merged(dict(remote.values), dict(remote.clocks), set(fields), [])
    values: dict[str, Any] = {}
    clocks: dict[str, Clock] = {}
    taken: set[str] = set()
    conflicts: list[FieldConflict] = []
    for name in fields:
        lv, lc = local.values.get(name), local.clocks[name]
        rv, rc = remote.values.get(name), remote.clocks[name]
        if _key(lv) == _key(rv):
            values[name] = lv
            clocks[name] = max(lc, rc)
            if rc > lc:
                taken.add(name)
            continue
        unsent = local.unsent.get(name, False) and remote.fresh.get(name, True)
        if remote_wins(lv, lc, rv, rc):
            values[name], clocks[name] = rv, rc
            taken.add(name)
            if unsent and name != DELETED:
                conflicts.append(FieldConflict(name, rv, rc, lv, lc))
        else:
            values[name], clocks[name] = lv, lc
            if unsent and name != DELETED:
                conflicts.append(FieldConflict(name, lv, lc, rv, rc))
    if DELETED in fields:
        conflicts.extend(_delete_conflicts(local, remote, values, clocks, taken, fields))
    return Merged(values, clocks, taken, conflicts)


def _delete_conflicts(local: Version, remote: Version, values: Mapping[str, Any], clocks: Mapping[str, Clock],
                      taken: set[str], fields: Sequence[str]) -> list[FieldConflict]:
    """A delete that won over edits its side had not seen."""
    if values.get(DELETED) is None:
        return []
    local_deleted = local.values.get(DELETED) is not None
    remote_deleted = remote.values.get(DELETED) is not None
    others = [f for f in fields if f != DELETED]
    if remote_deleted and not local_deleted:
        edited_here = [f for f in others if local.unsent.get(f)
                       and _key(local.values.get(f)) != _key(remote.values.get(f))] if remote.fresh.get(DELETED, True) else []
        if edited_here:  # the other value is "still there", as of the latest edit that kept it alive
            return [FieldConflict(DELETED, values[DELETED], clocks[DELETED], None,
                                  max(local.clocks[f] for f in edited_here))]
    if local_deleted and not remote_deleted and local.unsent.get(DELETED):
        edited_there = [f for f in others if remote.fresh.get(f, True)
                        and _key(local.values.get(f)) != _key(remote.values.get(f))]
        if edited_there:
            return [FieldConflict(DELETED, values[DELETED], clocks[DELETED], None,
                                  max(remote.clocks[f] for f in edited_there))]
    return []
