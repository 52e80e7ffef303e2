"""The KPI report of a period (a month by default): every key figure with its definition,
revenue and new customers over the last twelve months, customers by category, tier and
stage, and the open pipeline by stage. The figures are :func:`crmdesk.services.kpi.compute`'s,
the same the dashboard shows."""

from __future__ import annotations

from typing import Any

from crmdesk.domain.clock import today
from crmdesk.domain.errors import QT_TRANSLATE_NOOP
from crmdesk.reports.chart import BarChart
from crmdesk.reports.frame import Page, note, prepare, render, section, title_block
from crmdesk.reports.periods import period_text
from crmdesk.reports.tables import Col, facts, grid, table
from crmdesk.reports.words import ReportWords
from crmdesk.services import policy
from crmdesk.services.context import Context
from crmdesk.services.kpi import KPIS, CONTEXT, Kpis, Period, compute
from crmdesk.services.progress import Progress, check

TITLE = QT_TRANSLATE_NOOP("report", "KPI report")


def build_kpi(ctx: Context, period: Period | None = None, words: ReportWords | None = None, paper: str = "a4",
              progress: Progress | None = None) -> bytes:
    """The KPI report of ``period`` (the current month if None) as PDF bytes."""
    policy.require(ctx, policy.Permission.EXPORT)
    words, progress, page = prepare(words, progress, paper)
    day = today(ctx.clock)
    found = compute(ctx, period or Period.of("month", day))
    check(progress)
    w = words.text
    story: list[Any] = title_block(w(TITLE), period_text(found.period.start, found.period.until, words))
    story.append(facts([(words.translate(CONTEXT, info.title), value_text(found, info.key, info.kind, words))
                        for info in KPIS], page.width, columns=3))
    story += _series(found, words, page)
    story += _customers(found, words, page)
    story += _pipeline(found, words, page)
    story.append(section(w(QT_TRANSLATE_NOOP("report", "How each figure is measured"))))
    for info in KPIS:
        story.append(note(f"{words.translate(CONTEXT, info.title)}: {words.translate(CONTEXT, info.definition)}"))
    return render(story, w(TITLE), words, paper, day, progress=progress)


def value_text(found: Kpis, key: str, kind: str, words: ReportWords) -> str:
    value = found.value(key)
    if value is None:
        return "—"
    if kind == "money":
        return words.money(int(value))
    if kind == "percent":
        return words.percent(float(value))
    if kind == "score":
        return f"{value:.1f} / 5"
    return words.number(value)


def _series(found: Kpis, words: ReportWords, page: Page) -> list[Any]:
    w = words.text
    half = page.width / 2 - 6
    revenue = BarChart([(words.short_month(m), cents / 100) for m, cents in zip(found.months, found.revenue_by_month,
                                                                                strict=True)],
                       half, 140, words.compact, w(QT_TRANSLATE_NOOP("report", "Revenue per month")))
    new = BarChart([(words.short_month(m), n) for m, n in zip(found.months, found.new_by_month, strict=True)],
                   half, 140, title=w(QT_TRANSLATE_NOOP("report", "New customers per month")))
    return [section(w(QT_TRANSLATE_NOOP("report", "The last twelve months"))),
            grid([[revenue, new]], [page.width / 2] * 2)]


def _customers(found: Kpis, words: ReportWords, page: Page) -> list[Any]:
    w = words.text
    third = page.width / 3 - 8
    tables = []
    for heading, counts in ((QT_TRANSLATE_NOOP("report", "Category"), found.by_category),
                            (QT_TRANSLATE_NOOP("report", "Value tier"), found.by_tier),
                            (QT_TRANSLATE_NOOP("report", "Lifecycle stage"), found.by_stage)):
        cols = [Col(w(heading), 2), Col(w(QT_TRANSLATE_NOOP("report", "Customers")), 1.4, "number")]
        rows = [[words.label(key), words.number(n)] for key, n in sorted(counts.items(), key=lambda kv: -kv[1])]
        tables.append(table(cols, rows, third))
    return [section(w(QT_TRANSLATE_NOOP("report", "Customers on file"))), grid([tables], [page.width / 3] * 3)]


def _pipeline(found: Kpis, words: ReportWords, page: Page) -> list[Any]:
    w = words.text
    cols = [Col(w(QT_TRANSLATE_NOOP("report", "Stage")), 3), Col(w(QT_TRANSLATE_NOOP("report", "Deals")), 1.2, "number"),
            Col(w(QT_TRANSLATE_NOOP("report", "Amount")), 2.4, "number"),
            Col(w(QT_TRANSLATE_NOOP("report", "Weighted")), 2.4, "number")]
    rows = [[s.name, words.number(s.deals), words.money(s.amount_cents), words.money(s.weighted_cents)]
            for s in found.pipeline_by_stage]
    return [section(w(QT_TRANSLATE_NOOP("report", "Open pipeline by stage"))), table(cols, rows, page.width)]
