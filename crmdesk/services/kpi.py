"""Key figures of the business for a period, computed in SQL, each with its definition.

The dashboard, the KPI workbook and the KPI report all read :func:`compute`; :data:`KPIS`
names every figure with the sentence that defines it (context ``kpi``), so the three say the
same thing. A period still running is measured up to today.

An account manager's figures are those of the customers they see (their own and the
unassigned ones) and of those customers' orders, deals, complaints and care tasks: each is
one grouped query with that condition, where the owner's read the running totals.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field

from crmdesk.domain.clock import to_ms, today
from crmdesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from crmdesk.domain.filters import DealFilter
from crmdesk.domain.metrics import CHURN_DAYS
from crmdesk.domain.roles import sees_only_own
from crmdesk.services import policy
from crmdesk.services.context import Context

CONTEXT = "kpi"
PERIOD_KINDS = ("month", "quarter", "year", "last30")
SERIES_MONTHS = 12


@dataclass(frozen=True)
class Period:
    """The days [start, until)."""

    start: dt.date
    until: dt.date

    def __post_init__(self) -> None:
        if self.until <= self.start:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A period has to end after it begins."), field="until")

    @classmethod
    def of(cls, kind: str, day: dt.date) -> Period:
        """The month, quarter or year holding ``day``, or the 30 days up to and including it."""
        if kind == "month":
            return cls(day.replace(day=1), add_months(day.replace(day=1), 1))
        if kind == "quarter":
            first = dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
            return cls(first, add_months(first, 3))
        if kind == "year":
            return cls(dt.date(day.year, 1, 1), dt.date(day.year + 1, 1, 1))
        if kind == "last30":
            return cls(day - dt.timedelta(days=29), day + dt.timedelta(days=1))
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not one of the allowed choices for this field."),
                              field="period", value=kind)

    @classmethod
    def month(cls, text: str) -> Period:
        """The month written ``YYYY-MM``."""
        try:
            year, month = (int(part) for part in text.split("-"))
            return cls.of("month", dt.date(year, month, 1))
        except ValueError:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A month is written like 2026-12, not “{value}”."),
                                  field="month", value=text) from None

    def shifted(self, steps: int, kind: str) -> Period:
        """The period of the same kind ``steps`` before (negative) or after this one."""
        if kind == "last30":
            return Period(self.start + dt.timedelta(days=30 * steps), self.until + dt.timedelta(days=30 * steps))
        months = {"month": 1, "quarter": 3, "year": 12}[kind] * steps
        return Period.of(kind, add_months(self.start, months))

    def up_to(self, day: dt.date) -> Period:
        """This period, cut off after ``day`` if it runs on past it."""
        end = min(self.until, day + dt.timedelta(days=1))
        return self if end <= self.start else Period(self.start, end)


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def day_start_ms(day: dt.date) -> int:
    """Local midnight at the start of ``day``."""
    return to_ms(dt.datetime.combine(day, dt.time()))


@dataclass(frozen=True)
class KpiInfo:
    key: str
    title: str  # marked for translation in the "kpi" context
    definition: str  # ditto: the tooltip, the workbook's notes and the report's footnotes
    kind: str  # count, money, percent, score


KPIS: tuple[KpiInfo, ...] = (
    KpiInfo("customers", QT_TRANSLATE_NOOP("kpi", "Customers"),
            QT_TRANSLATE_NOOP("kpi", "Customers on file now (deleted ones not counted), by category, value tier "
                                     "and lifecycle stage."), "count"),
    KpiInfo("new_customers", QT_TRANSLATE_NOOP("kpi", "New customers"),
            QT_TRANSLATE_NOOP("kpi", "Customers whose record was created in the period."), "count"),
    KpiInfo("revenue", QT_TRANSLATE_NOOP("kpi", "Revenue"),
            QT_TRANSLATE_NOOP("kpi", "The amounts of the orders dated in the period."), "money"),
    KpiInfo("retention", QT_TRANSLATE_NOOP("kpi", "Retention"),
            QT_TRANSLATE_NOOP("kpi", "Of the customers active when the period began (an order in the 365 days "
                                     "before), the share still active at its end (an order in the 365 days "
                                     "before the end)."), "percent"),
    KpiInfo("churn", QT_TRANSLATE_NOOP("kpi", "Churn"),
            QT_TRANSLATE_NOOP("kpi", "Of the customers active when the period began, the share with no order in "
                                     "the 365 days before its end: 100% minus retention."), "percent"),
    KpiInfo("lead_to_won", QT_TRANSLATE_NOOP("kpi", "Lead-to-won conversion"),
            QT_TRANSLATE_NOOP("kpi", "Of the deals opened in the period, the share won so far."), "percent"),
    KpiInfo("win_rate", QT_TRANSLATE_NOOP("kpi", "Win rate"),
            QT_TRANSLATE_NOOP("kpi", "Of the deals closed in the period, the share won: won ÷ (won + lost)."),
            "percent"),
    KpiInfo("open_pipeline", QT_TRANSLATE_NOOP("kpi", "Open pipeline"),
            QT_TRANSLATE_NOOP("kpi", "The total amount of the deals open now."), "money"),
    KpiInfo("weighted_forecast", QT_TRANSLATE_NOOP("kpi", "Weighted forecast"),
            QT_TRANSLATE_NOOP("kpi", "Each open deal's amount times its win probability (the deal's own, else "
                                     "its stage's), summed."), "money"),
    KpiInfo("average_ltv", QT_TRANSLATE_NOOP("kpi", "Average lifetime value"),
            QT_TRANSLATE_NOOP("kpi", "All a customer has spent, averaged over the customers with at least one "
                                     "order."), "money"),
    KpiInfo("satisfaction", QT_TRANSLATE_NOOP("kpi", "Satisfaction"),
            QT_TRANSLATE_NOOP("kpi", "The average score (1 to 5) given to the complaints received in the period "
                                     "that were rated."), "score"),
    KpiInfo("complaints_on_time", QT_TRANSLATE_NOOP("kpi", "Complaints resolved on time"),
            QT_TRANSLATE_NOOP("kpi", "Of the complaints received in the period and resolved, the share resolved "
                                     "by their service deadline."), "percent"),
    KpiInfo("care_overdue", QT_TRANSLATE_NOOP("kpi", "Overdue care tasks"),
            QT_TRANSLATE_NOOP("kpi", "Open care tasks whose day has passed."), "count"),
    KpiInfo("missing_phone", QT_TRANSLATE_NOOP("kpi", "Customers without a phone"),
            QT_TRANSLATE_NOOP("kpi", "The share of customers with no phone number on file."), "percent"),
    KpiInfo("duplicates", QT_TRANSLATE_NOOP("kpi", "Possible duplicates"),
            QT_TRANSLATE_NOOP("kpi", "Customers who share a phone number or an e-mail address with another "
                                     "customer."), "count"),
)
KPI_BY_KEY = {info.key: info for info in KPIS}


@dataclass(frozen=True)
class StageTotal:
    name: str
    deals: int
    amount_cents: int
    weighted_cents: int


@dataclass
class Kpis:
    period: Period  # as measured: a period still running ends tomorrow
    customers: int = 0
    by_category: dict[str, int] = field(default_factory=dict)
    by_tier: dict[str, int] = field(default_factory=dict)
    by_stage: dict[str, int] = field(default_factory=dict)
    new_customers: int = 0
    revenue_cents: int = 0
    orders: int = 0
    active_at_start: int = 0
    retained: int = 0
    deals_opened: int = 0
    deals_opened_won: int = 0
    deals_won: int = 0  # closed in the period
    deals_lost: int = 0
    open_deals: int = 0
    open_pipeline_cents: int = 0
    weighted_pipeline_cents: int = 0
    pipeline_by_stage: list[StageTotal] = field(default_factory=list)
    customers_with_orders: int = 0
    lifetime_value_cents: int = 0  # summed over customers_with_orders
    satisfaction: float | None = None
    rated: int = 0
    complaints_received: int = 0
    complaints_resolved: int = 0
    complaints_on_time_rate: float | None = None
    complaints_open: int = 0
    complaints_overdue: int = 0
    care_overdue: int = 0
    care_due_today: int = 0
    missing_phone: int = 0
    duplicate_groups: int = 0
    duplicate_customers: int = 0
    months: list[dt.date] = field(default_factory=list)  # first days of the series' months
    new_by_month: list[int] = field(default_factory=list)
    revenue_by_month: list[int] = field(default_factory=list)

    @property
    def retention_rate(self) -> float | None:
        return None if self.active_at_start == 0 else self.retained / self.active_at_start

    @property
    def churned(self) -> int:
        return self.active_at_start - self.retained

    @property
    def churn_rate(self) -> float | None:
        rate = self.retention_rate
        return None if rate is None else 1 - rate

    @property
    def lead_to_won_rate(self) -> float | None:
        return None if self.deals_opened == 0 else self.deals_opened_won / self.deals_opened

    @property
    def win_rate(self) -> float | None:
        closed = self.deals_won + self.deals_lost
        return None if closed == 0 else self.deals_won / closed

    @property
    def average_ltv_cents(self) -> int | None:
        return None if self.customers_with_orders == 0 else round(self.lifetime_value_cents / self.customers_with_orders)

    @property
    def missing_phone_share(self) -> float | None:
        return None if self.customers == 0 else self.missing_phone / self.customers

    def value(self, key: str) -> int | float | None:
        """The headline number of the figure ``key`` (see :data:`KPIS`): a count, cents, a
        share from 0 to 1, or a score; None when there is nothing to measure yet."""
        values = {
            "customers": self.customers, "new_customers": self.new_customers, "revenue": self.revenue_cents,
            "retention": self.retention_rate, "churn": self.churn_rate, "lead_to_won": self.lead_to_won_rate,
            "win_rate": self.win_rate, "open_pipeline": self.open_pipeline_cents,
            "weighted_forecast": self.weighted_pipeline_cents, "average_ltv": self.average_ltv_cents,
            "satisfaction": self.satisfaction, "complaints_on_time": self.complaints_on_time_rate,
            "care_overdue": self.care_overdue, "missing_phone": self.missing_phone_share,
            "duplicates": self.duplicate_customers,
        }
        return values[key]


def compute(ctx: Context, period: Period) -> Kpis:
    """Every figure for ``period`` (measured up to today if it is still running)."""
    from crmdesk.services import pipeline
    from crmdesk.storage import complaints, counts
    from crmdesk.storage import pipeline as deals
    from crmdesk.storage import kpi as sql

    day = today(ctx.clock)
    period = period.up_to(day)
    start_ms, until_ms = day_start_ms(period.start), day_start_ms(period.until)
    seen = policy.seen_by(ctx)  # None: the whole book
    snap = sql.customer_snapshot(seen_by=seen)
    out = Kpis(period=period, customers=snap.total, by_category=snap.by_category, by_tier=snap.by_tier,
               by_stage=snap.by_stage, customers_with_orders=snap.with_orders,
               lifetime_value_cents=snap.order_total_cents, missing_phone=snap.missing_phone)
    out.active_at_start, out.retained = sql.retention(period.start, period.until, CHURN_DAYS, seen)
    (out.new_customers,) = sql.created_between([start_ms, until_ms], seen)

    last_month = (period.until - dt.timedelta(days=1)).replace(day=1)
    out.months = [add_months(last_month, i - SERIES_MONTHS + 1) for i in range(SERIES_MONTHS)]
    edges = [*out.months, add_months(last_month, 1)]
    out.new_by_month = sql.created_between([day_start_ms(d) for d in edges], seen)
    out.revenue_by_month = [cents for _n, cents in sql.revenue_between(edges, seen_by=seen)]
    ((out.orders, out.revenue_cents),) = sql.revenue_between([period.start, period.until], seen_by=seen)

    out.deals_opened, out.deals_opened_won = deals.opened_summary(start_ms, until_ms, seen)
    out.deals_won, out.deals_lost, _cycle = deals.closed_summary(start_ms, until_ms, seen)
    totals = pipeline.column_totals(DealFilter(), ctx)
    for stage in pipeline.stages():
        if stage.closed:
            continue
        t = totals.get(stage.id, pipeline.Totals())
        out.pipeline_by_stage.append(StageTotal(stage.name, t.count, t.amount_cents, t.weighted_cents))
        out.open_deals += t.count
        out.open_pipeline_cents += t.amount_cents
        out.weighted_pipeline_cents += t.weighted_cents

    found = complaints.stats(start_ms, until_ms, ctx.now(), seen)
    out.satisfaction, out.rated = found.satisfaction, found.rated
    out.complaints_received, out.complaints_resolved = found.total, found.resolved
    out.complaints_on_time_rate = found.on_time_rate
    out.complaints_open, out.complaints_overdue = found.open, found.overdue
    out.care_due_today, out.care_overdue = counts.reminders_due(day, seen)
    out.duplicate_groups, out.duplicate_customers = sql.duplicate_suspects(seen_by=seen)
    return out


CacheKey = tuple[Period, dt.date, int | None, bool]


def _cache_key(ctx: Context, period: Period) -> CacheKey:
    """The period, today ("up to today" moves at midnight) and whose figures they are: the
    user and whether their sight is kept to their own customers, so one user's figures are
    never handed to another."""
    return period, today(ctx.clock), ctx.user_id, sees_only_own(ctx.role)


class KpiCache:
    """Figures per period and user, kept until the data changes (the dashboard drops them on
    every change notice); safe to fill from a worker thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._found: dict[CacheKey, Kpis] = {}

    def get(self, ctx: Context, period: Period) -> Kpis:
        key = _cache_key(ctx, period)
        with self._lock:
            hit = self._found.get(key)
        if hit is not None:
            return hit
        result = compute(ctx, period)
        with self._lock:
            self._found[key] = result
        return result

    def cached(self, ctx: Context, period: Period) -> Kpis | None:
        with self._lock:
            return self._found.get(_cache_key(ctx, period))

    def clear(self) -> None:
        with self._lock:
            self._found.clear()
