"""Pipeline analysis: the forecast by close month and owner, stage-to-stage conversion with
days per stage, win rate and sales cycle, and the historical win rate behind a probability.

Each figure is one grouped query over the deals or their stage history (no row-by-row work),
kept to the deals of the customers the acting user sees (see services.policy).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from crmdesk.domain.clock import as_date
from crmdesk.domain.enums import DealStatus
from crmdesk.domain.filters import DealFilter
from crmdesk.services import policy
from crmdesk.services.context import Context
from crmdesk.services.pipeline import Stage, stages
from crmdesk.storage import pipeline as queries


@dataclass(frozen=True)
class ForecastRow:
    month: dt.date | None  # the first day of the expected-close month (None: no date set)
    owner_id: int | None
    owner: str
    count: int
    amount_cents: int
    weighted_cents: int


def forecast(ctx: Context, flt: DealFilter) -> list[ForecastRow]:
    """Open deals ``ctx`` sees by expected-close month and owner, unweighted and weighted;
    months in order, undated deals last."""
    grouped: dict[tuple[dt.date | None, int | None], list[Any]] = {}
    for day, owner_id, owner, n, amount, weighted in queries.forecast_rows(policy.deal_filter(ctx, flt)):
        close = as_date(day)
        month = None if close is None else close.replace(day=1)
        slot = grouped.setdefault((month, owner_id), [owner or "", 0, 0, 0])
        slot[1] += n
        slot[2] += int(amount or 0)
        slot[3] += int(weighted or 0)
    rows = [ForecastRow(month, owner_id, *v) for (month, owner_id), v in grouped.items()]
    return sorted(rows, key=lambda r: (r.month is None, r.month or dt.date.min, r.owner, r.owner_id or 0))


@dataclass(frozen=True)
class StageFlow:
    stage: Stage
    reached: int  # deals (opened in the period) that got at least this far
    to_next: float | None  # share of those that went on to the next stage (the last one: to won)
    average_days: float | None  # average stay in the stage, from the history


@dataclass
class Conversion:
    flows: list[StageFlow] = field(default_factory=list)
    opened: int = 0
    opened_won: int = 0  # of the deals opened in the period, those won (by now)
    won: int = 0  # closed in the period
    lost: int = 0
    average_cycle_days: float | None = None

    @property
    def win_rate(self) -> float | None:
        closed = self.won + self.lost
        return None if closed == 0 else self.won / closed


def _reach_by_position(rows: list[tuple], open_stages: list[Stage]) -> dict[int, int]:
    """Deals per furthest open stage position, a won deal counting as having reached them all."""
    top = open_stages[-1].position if open_stages else 0
    reached: dict[int, int] = {}
    for _tier, furthest, status, n in rows:
        position = top if status == DealStatus.WON else (furthest if furthest is not None else None)
        if position is None:
            continue
        for stage in open_stages:
            if stage.position <= position:
                reached[stage.position] = reached.get(stage.position, 0) + n
    return reached


def conversion(ctx: Context, period_from: int | None, period_until: int | None) -> Conversion:
    """Stage-to-stage conversion of the deals opened in [from, until) (ms; None: open-ended),
    the win rate and average sales cycle of the deals closed in it, and the average stay in
    each stage of the stays that began in it: of the deals of the customers ``ctx`` sees."""
    seen = policy.seen_by(ctx)
    every = stages()
    open_stages = [s for s in every if not s.closed]
    rows = queries.reach_rows(period_from, period_until, by_tier=False, seen_by=seen)
    reached = _reach_by_position(rows, open_stages)
    durations = queries.stage_durations(period_from, period_until, seen)
    won_in_cohort = sum(n for _t, _f, status, n in rows if status == DealStatus.WON)
    result = Conversion(opened=sum(n for *_rest, n in rows), opened_won=won_in_cohort)
    for i, stage in enumerate(open_stages):
        here = reached.get(stage.position, 0)
        there = reached.get(open_stages[i + 1].position, 0) if i + 1 < len(open_stages) else won_in_cohort
        stay = durations.get(stage.id)
        result.flows.append(StageFlow(stage, here, None if here == 0 else there / here,
                                      None if stay is None else stay[1] / 86_400_000))
    result.won, result.lost, cycle = queries.closed_summary(period_from, period_until, seen)
    result.average_cycle_days = None if cycle is None else cycle / 86_400_000
    return result


MIN_HISTORY = 5  # closed deals needed before a historical win rate is shown


def win_rate_estimates(ctx: Context) -> dict[tuple[int, str], tuple[float, int]]:
    """Per (open stage id, customer tier, "" for all tiers): (share of closed deals that had
    reached the stage and were won, how many closed deals that is), of the deals ``ctx``
    sees. Only with enough history."""
    open_stages = [s for s in stages() if not s.closed]
    counts: dict[tuple[int, str], list[int]] = {}
    for tier, furthest, status, n in queries.reach_rows(None, None, seen_by=policy.seen_by(ctx)):
        if status == DealStatus.OPEN:
            continue
        top = open_stages[-1].position if status == DealStatus.WON else furthest
        if top is None:
            continue
        for stage in open_stages:
            if stage.position <= top:
                for key in ((stage.id, tier), (stage.id, "")):
                    slot = counts.setdefault(key, [0, 0])
                    slot[0] += n if status == DealStatus.WON else 0
                    slot[1] += n
    return {key: (won / closed, closed) for key, (won, closed) in counts.items() if closed >= MIN_HISTORY}
