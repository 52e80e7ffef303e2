"""What the archive is filtered by: the search box plus the filter bar, savable as a segment."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field, replace
from typing import Any

UNASSIGNED = -1  # owner_id value meaning "customers with no owner"


@dataclass(frozen=True)
class CustomerFilter:
    text: str = ""
    categories: tuple[str, ...] = ()
    tiers: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    owner_id: int | None = None  # a user id, UNASSIGNED, or None for anyone
    tag_id: int | None = None
    city: str = ""
    no_contact_days: int | None = None  # last contact longer ago than this (or never)
    birthday_this_month: bool = False
    ids: tuple[int, ...] = field(default=(), compare=True)  # an explicit selection
    # Set by the dashboard's figures (not by the filter bar):
    missing_phone: bool = False  # no phone number on file
    created_from: int | None = None  # record created in [from, until), ms
    created_until: int | None = None
    ordered_from: dt.date | None = None  # an order dated in [from, until)
    ordered_until: dt.date | None = None

    @property
    def has_figure_conditions(self) -> bool:
        """Whether it holds a condition that only the dashboard sets."""
        return bool(self.missing_phone or self.created_from is not None or self.created_until is not None
                    or self.ordered_from is not None or self.ordered_until is not None)

    def without_figure_conditions(self) -> CustomerFilter:
        return replace(self, missing_phone=False, created_from=None, created_until=None, ordered_from=None,
                       ordered_until=None)

    @property
    def is_empty(self) -> bool:
        return self == CustomerFilter()

    def with_text(self, text: str) -> CustomerFilter:
        return replace(self, text=text)

    def to_json(self) -> str:
        data = {k: v.isoformat() if isinstance(v, dt.date) else v
                for k, v in asdict(self).items() if v not in ("", (), None, False)}
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> CustomerFilter:
        data: dict[str, Any] = json.loads(text or "{}")
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        for key in ("categories", "tiers", "stages", "ids"):
            if key in known:
                known[key] = tuple(known[key])
        for key in ("ordered_from", "ordered_until"):
            if key in known:
                known[key] = dt.date.fromisoformat(known[key])
        return cls(**known)


def lunar_days_in_month(year: int, month: int) -> list[tuple[int, int, bool]]:
    """The lunar (month, day, leap) dates that fall in the solar ``year``-``month``."""
    from lunardate import LunarDate

    day = dt.date(year, month, 1)
    out = []
    while day.month == month:
        lunar = LunarDate.from_solar_date(day.year, day.month, day.day)
        out.append((lunar.month, lunar.day, lunar.is_leap_month))
        day += dt.timedelta(days=1)
    return out


@dataclass(frozen=True)
class ComplaintFilter:
    """What the complaint log is filtered by."""

    text: str = ""
    statuses: tuple[str, ...] = ()
    severities: tuple[str, ...] = ()
    category_id: int | None = None
    assignee_id: int | None = None  # a user id, UNASSIGNED, or None for anyone
    overdue: bool = False  # open and past the deadline
    received_from: int | None = None  # ms, inclusive
    received_until: int | None = None  # ms, exclusive


@dataclass(frozen=True)
class DealFilter:
    """What the pipeline board is filtered by."""

    text: str = ""  # words found in the deal's title or its customer (name, pinyin, phone)
    owner_id: int | None = None  # a user id, UNASSIGNED, or None for anyone
    tier: str | None = None  # the customer's value tier
    close_from: dt.date | None = None  # expected close, inclusive
    close_until: dt.date | None = None  # expected close, exclusive
    # Set by services.policy, never by the filter bar: only deals of customers this user owns
    # or nobody owns (0: only unassigned ones); None: every deal.
    seen_by: int | None = None
