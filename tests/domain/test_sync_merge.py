"""The per-field merge table: who wins, and which losers are conflicts."""

from __future__ import annotations

import pytest

from crmdesk.domain.sync_merge import Version, merge, remote_wins

FIELDS = ("name", "phone", "deleted_at")


def version(name: str = "张三", phone: str = "1", deleted: int | None = None, clocks: dict | None = None,
            unsent: dict | None = None) -> Version:
    """A side whose fields are at the common base (10, "a") except those in ``clocks``;
    as a remote side, the fields in ``clocks`` are the ones changed since the last exchange."""
    base = {"name": (10, "a"), "phone": (10, "a"), "deleted_at": (10, "a")}
    base.update(clocks or {})
    return Version({"name": name, "phone": phone, "deleted_at": deleted}, base, unsent or {},
                   {f: f in (clocks or {}) for f in base})


def test_a_new_record_is_taken_whole() -> None:
    remote = version()
    merged = merge(None, remote, FIELDS)
    assert merged.values == remote.values and merged.from_remote == set(FIELDS) and not merged.conflicts


def test_different_fields_changed_on_each_side_both_survive() -> None:
    local = version(name="张三丰", clocks={"name": (20, "a")}, unsent={"name": True})
    remote = version(phone="2", clocks={"phone": (30, "b")})
    merged = merge(local, remote, FIELDS)
    assert merged.values["name"] == "张三丰" and merged.values["phone"] == "2"
    assert merged.from_remote == {"phone"} and not merged.conflicts


@pytest.mark.parametrize(
    ("local_clock", "remote_clock", "winner", "loser"),
    [((20, "a"), (30, "b"), "remote", "local"), ((40, "a"), (30, "b"), "local", "remote")],
)
def test_same_field_later_clock_wins_and_the_loser_is_a_conflict(local_clock, remote_clock, winner, loser) -> None:
    local = version(name="local", clocks={"name": local_clock}, unsent={"name": True})
    remote = version(name="remote", clocks={"name": remote_clock})
    merged = merge(local, remote, FIELDS)
    assert merged.values["name"] == winner
    (conflict,) = merged.conflicts
    assert (conflict.field, conflict.kept, conflict.other) == ("name", winner, loser)


def test_a_newer_edit_of_a_value_the_peer_already_had_is_no_conflict() -> None:
    local = version(name="old", clocks={"name": (20, "a")}, unsent={"name": False})
    remote = version(name="new", clocks={"name": (30, "b")})
    merged = merge(local, remote, FIELDS)
    assert merged.values["name"] == "new" and not merged.conflicts


def test_an_old_value_from_the_peer_loses_to_an_edit_here_without_conflict() -> None:
    local = version(name="edited", clocks={"name": (20, "a")}, unsent={"name": True})
    remote = version(name="old", clocks={"name": (15, "b")})
    remote.fresh["name"] = False  # the peer sent us this value before
    merged = merge(local, remote, FIELDS)
    assert merged.values["name"] == "edited" and not merged.conflicts


def test_equal_values_keep_the_later_clock_without_conflict() -> None:
    local = version(clocks={"name": (20, "a")}, unsent={"name": True})
    remote = version(clocks={"name": (30, "b")})
    merged = merge(local, remote, FIELDS)
    assert merged.clocks["name"] == (30, "b") and not merged.conflicts


def test_equal_clocks_are_decided_by_the_values_the_same_way_on_both_sides() -> None:
    assert remote_wins("a", (10, "x"), "b", (10, "x")) != remote_wins("b", (10, "x"), "a", (10, "x"))
    assert remote_wins("a", (10, "x"), "b", (10, "y"))  # the origin breaks a tie of hlc values


def test_an_edit_to_a_record_deleted_elsewhere_is_kept_and_reported() -> None:
    local = version(name="edited here", clocks={"name": (20, "a")}, unsent={"name": True})
    remote = version(deleted=25, clocks={"deleted_at": (25, "b")})
    merged = merge(local, remote, FIELDS)
    assert merged.values["deleted_at"] == 25 and merged.values["name"] == "edited here"
    (conflict,) = merged.conflicts
    assert conflict.field == "deleted_at" and conflict.other is None


def test_a_delete_here_that_meets_an_edit_from_there_is_reported() -> None:
    local = version(deleted=25, clocks={"deleted_at": (25, "a")}, unsent={"deleted_at": True})
    remote = version(name="edited there", clocks={"name": (20, "b")})
    merged = merge(local, remote, FIELDS)
    assert merged.values["name"] == "edited there" and merged.values["deleted_at"] == 25
    assert [c.field for c in merged.conflicts] == ["deleted_at"]


def test_a_delete_the_peer_already_had_is_no_conflict() -> None:
    local = version(deleted=25, clocks={"deleted_at": (25, "a")}, unsent={"deleted_at": False})
    remote = version(deleted=25, name="renamed after", clocks={"deleted_at": (25, "a"), "name": (30, "b")})
    assert not merge(local, remote, FIELDS).conflicts
