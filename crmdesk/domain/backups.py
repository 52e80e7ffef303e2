"""Backup file names and the thinning policy: plain rules, no files touched.

A backup is named ``<database stem>-<YYYYMMDD-HHMMSS>-<reason>.sqlite`` (local time), so a
folder listing sorts by age and says why each copy was taken. Thinning keeps the newest copy
of each of the last 12 days, 10 weeks and 9 months, the last few copies whatever their age,
and every copy taken before a risky step (an import, a merge, a restore…) in the last two days.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

REASONS = ("auto", "manual", "before-import", "before-merge", "before-restore", "before-migration",
           "before-sync")
SUFFIX = ".sqlite"
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z-]+?)(?:-(?P<n>\d+))?\.sqlite$")


@dataclass(frozen=True)
class Policy:
    daily: int = 12
    weekly: int = 10
    monthly: int = 9
    last: int = 3  # the newest copies, whatever their age
    event_days: int = 2  # copies taken before a risky step are kept this long


DEFAULT_POLICY = Policy()


@dataclass(frozen=True)
class BackupName:
    stem: str
    taken: dt.datetime  # local time, to the second
    reason: str
    file_name: str


def backup_name(stem: str, taken: dt.datetime, reason: str, n: int = 0) -> str:
    """The file name of a backup of database ``stem`` taken at local time ``taken``."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    return f"{stem}-{taken.strftime(_STAMP)}-{reason}{f'-{n}' if n else ''}{SUFFIX}"


def parse_name(file_name: str, stem: str | None = None) -> BackupName | None:
    """The parts of a backup file name, or None for any other file (or another database's)."""
    match = _NAME.match(file_name)
    if match is None or match["reason"] not in REASONS or (stem is not None and match["stem"] != stem):
        return None
    try:
        taken = dt.datetime.strptime(match["stamp"], _STAMP)
    except ValueError:
        return None
    return BackupName(match["stem"], taken, match["reason"], file_name)


def to_keep(backups: Iterable[BackupName], now: dt.datetime, policy: Policy = DEFAULT_POLICY) -> set[str]:
    """The file names thinning keeps; every other backup may be deleted."""
    newest_first: Sequence[BackupName] = sorted(backups, key=lambda b: (b.taken, b.file_name), reverse=True)
    keep = {b.file_name for b in newest_first[: policy.last]}
    for count, bucket in ((policy.daily, _day), (policy.weekly, _week), (policy.monthly, _month)):
        seen: set[tuple[int, ...]] = set()
        for backup in newest_first:
            key = bucket(backup.taken)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.add(key)
            keep.add(backup.file_name)
    recent = now - dt.timedelta(days=policy.event_days)
    keep |= {b.file_name for b in newest_first if b.reason != "auto" and b.taken >= recent}
    return keep


def _day(moment: dt.datetime) -> tuple[int, ...]:
    return (moment.year, moment.month, moment.day)


def _week(moment: dt.datetime) -> tuple[int, ...]:
    year, week, _ = moment.isocalendar()
    return (year, week)


def _month(moment: dt.datetime) -> tuple[int, ...]:
    return (moment.year, moment.month)
