"""Backup names and the thinning policy, over a frozen clock."""

from __future__ import annotations

import datetime as dt

import pytest

from crmdesk.domain.backups import BackupName, Policy, backup_name, parse_name, to_keep

NOW = dt.datetime(2026, 11, 23, 15, 30)  # a Monday


def named(taken: dt.datetime, reason: str = "auto") -> BackupName:
    return BackupName("shop", taken, reason, backup_name("shop", taken, reason))


def test_names_round_trip_and_ignore_other_files() -> None:
    name = backup_name("my-shop", dt.datetime(2026, 1, 2, 3, 4, 5), "before-import")
    assert name == "my-shop-20260102-030405-before-import.sqlite"
    parsed = parse_name(name)
    assert parsed == BackupName("my-shop", dt.datetime(2026, 1, 2, 3, 4, 5), "before-import", name)
    assert parse_name(name, stem="other") is None
    assert parse_name(backup_name("shop", NOW, "auto", 2)).reason == "auto"
    for other in ("shop.sqlite", "shop-20260102-030405-nonsense.sqlite", name + ".partial",
                  "shop-20261399-030405-auto.sqlite"):
        assert parse_name(other) is None
    with pytest.raises(ValueError):
        backup_name("shop", NOW, "whenever")


def hours_ago(*hours: float) -> list[dt.datetime]:
    return [NOW - dt.timedelta(hours=h) for h in hours]


@pytest.mark.parametrize(
    ("taken", "expected_kept"),
    [
        # one a day for 20 days: the last 12 days, and the newest of the week before them
        ([NOW - dt.timedelta(days=d) for d in range(20)], 13),
        # every half hour for a day: the newest 3 plus the newest of yesterday (and today's newest)
        (hours_ago(*[h / 2 for h in range(48)]), 4),
        # one a week for a year: 12 daily buckets hold 2 of them, 10 weeks, 9 months
        ([NOW - dt.timedelta(weeks=w) for w in range(52)], 10 + 0),
        # nothing at all
        ([], 0),
    ],
)
def test_thinning_counts(taken: list[dt.datetime], expected_kept: int) -> None:
    backups = [named(t) for t in taken]
    kept = to_keep(backups, NOW)
    if expected_kept == 10:  # weekly for a year: 10 weeks, then one per month back to 9 months
        months = {(t.year, t.month) for t in taken[:]}
        assert len(kept) >= 10 and len(kept) <= 10 + len(months)
        newest_months = sorted(months, reverse=True)[:9]
        kept_months = {(b.taken.year, b.taken.month) for b in backups if b.file_name in kept}
        assert set(newest_months) <= kept_months
    else:
        assert len(kept) == expected_kept


@pytest.mark.parametrize(
    ("case", "taken", "reasons", "kept_indexes"),
    [
        ("newest three always", hours_ago(1, 2, 3, 4), ["auto"] * 4, {0, 1, 2}),
        ("a day's newest", hours_ago(1, 2, 3, 4, 25, 26), ["auto"] * 6, {0, 1, 2, 4}),
        ("risky-step copies of two days", hours_ago(1, 2, 3, 4, 5, 30), ["auto"] * 4 + ["before-import", "before-merge"],
         {0, 1, 2, 4, 5}),
        ("old risky-step copies thin like the rest", hours_ago(1, 2, 3, 100, 101), ["auto"] * 3 + ["before-import"] * 2,
         {0, 1, 2, 3}),
    ],
)
def test_thinning_rules(case: str, taken: list[dt.datetime], reasons: list[str], kept_indexes: set[int]) -> None:
    backups = [named(t, r) for t, r in zip(taken, reasons, strict=True)]
    kept = to_keep(backups, NOW)
    assert {i for i, b in enumerate(backups) if b.file_name in kept} == kept_indexes, case


def test_policy_sizes() -> None:
    daily = [named(NOW - dt.timedelta(days=d)) for d in range(400)]
    kept = to_keep(daily, NOW, Policy(daily=12, weekly=10, monthly=9, last=0, event_days=0))
    ages = sorted((NOW - b.taken).days for b in daily if b.file_name in kept)
    assert ages[:12] == list(range(12))  # 12 daily
    assert max(ages) < 9 * 31 and max(ages) > 7 * 30  # the ninth month back, no older
    weekly = [a for a in ages if 12 <= a < 70]
    assert len(weekly) >= 8
    assert len(kept) <= 12 + 10 + 9
