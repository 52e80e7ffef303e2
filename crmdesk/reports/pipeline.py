"""The pipeline forecast: open deals by expected-close month and owner (with a chart of the
weighted forecast), stage-to-stage conversion, win rate and sales cycle for this year."""

from __future__ import annotations

import datetime as dt
from typing import Any

from crmdesk.domain.clock import today
from crmdesk.domain.errors import QT_TRANSLATE_NOOP
from crmdesk.domain.filters import DealFilter
from crmdesk.reports.chart import BarChart
from crmdesk.reports.frame import Page, note, prepare, render, section, title_block
from crmdesk.reports.periods import day_range, period_text
from crmdesk.reports.tables import Col, facts, table
from crmdesk.reports.words import ReportWords
from crmdesk.services import policy
from crmdesk.services.context import Context
from crmdesk.services.progress import Progress, check

TITLE = QT_TRANSLATE_NOOP("report", "Pipeline forecast")
CHART_MONTHS = 12


def build_pipeline(
    ctx: Context,
    flt: DealFilter | None = None,
    words: ReportWords | None = None,
    paper: str = "a4",
    progress: Progress | None = None,
) -> bytes:
    policy.require(ctx, policy.Permission.EXPORT)
    from crmdesk.services import forecast

    flt = flt or DealFilter()
    words, progress, page = prepare(words, progress, paper)
    w = words.text
    day = today(ctx.clock)
    rows = forecast.forecast(ctx, flt)
    check(progress)
    year = day.replace(month=1, day=1), day + dt.timedelta(days=1)
    flow = forecast.conversion(ctx, *day_range(*year))
    check(progress)
    story: list[Any] = title_block(w(TITLE), words.date(day))
    count, amount, weighted = (
        sum(r.count for r in rows),
        sum(r.amount_cents for r in rows),
        sum(r.weighted_cents for r in rows),
    )
    story.append(
        facts(
            [
                (w(QT_TRANSLATE_NOOP("report", "Open deals")), words.number(count)),
                (w(QT_TRANSLATE_NOOP("report", "Amount")), words.money(amount)),
                (w(QT_TRANSLATE_NOOP("report", "Weighted forecast")), words.money(weighted)),
                (w(QT_TRANSLATE_NOOP("report", "Win rate")), words.percent(flow.win_rate)),
                (w(QT_TRANSLATE_NOOP("report", "Average sales cycle")), words.days(flow.average_cycle_days)),
                (
                    w(QT_TRANSLATE_NOOP("report", "Period of the conversion figures")),
                    period_text(*year, words),
                ),
            ],
            page.width,
        )
    )
    story += _by_month(rows, words, page)
    story += _conversion(flow, words, page)
    return render(story, w(TITLE), words, paper, day, progress=progress)


def _by_month(rows: list[Any], words: ReportWords, page: Page) -> list[Any]:
    w = words.text
    undated = w(QT_TRANSLATE_NOOP("report", "No close date"))
    months: dict[dt.date, int] = {}
    for r in rows:
        if r.month is not None:
            months[r.month] = months.get(r.month, 0) + r.weighted_cents
    shown = sorted(months)[:CHART_MONTHS]
    chart = BarChart(
        [(words.short_month(m), months[m] / 100) for m in shown],
        page.width,
        150,
        words.compact,
        w(QT_TRANSLATE_NOOP("report", "Weighted forecast by expected close month")),
    )
    cols = [
        Col(w(QT_TRANSLATE_NOOP("report", "Month")), 2.4),
        Col(w(QT_TRANSLATE_NOOP("report", "Owner")), 2.4),
        Col(w(QT_TRANSLATE_NOOP("report", "Deals")), 1.2, "number"),
        Col(w(QT_TRANSLATE_NOOP("report", "Amount")), 2.6, "number"),
        Col(w(QT_TRANSLATE_NOOP("report", "Weighted")), 2.6, "number"),
    ]
    body = [
        [
            words.month(r.month) if r.month else undated,
            r.owner or "—",
            words.number(r.count),
            words.money(r.amount_cents),
            words.money(r.weighted_cents),
        ]
        for r in rows
    ]
    return [
        section(w(QT_TRANSLATE_NOOP("report", "Forecast by month and owner"))),
        chart,
        table(cols, body, page.width),
    ]


def _conversion(flow: Any, words: ReportWords, page: Page) -> list[Any]:
    w = words.text
    cols = [
        Col(w(QT_TRANSLATE_NOOP("report", "Stage")), 3),
        Col(w(QT_TRANSLATE_NOOP("report", "Deals reached")), 2, "number"),
        Col(w(QT_TRANSLATE_NOOP("report", "Went on")), 2, "number"),
        Col(w(QT_TRANSLATE_NOOP("report", "Average days in stage")), 2.4, "number"),
    ]
    body = [
        [f.stage.name, words.number(f.reached), words.percent(f.to_next), words.days(f.average_days)]
        for f in flow.flows
    ]
    summary = w(QT_TRANSLATE_NOOP("report", "{opened} deals opened, {won} won, {lost} lost")).format(
        opened=words.number(flow.opened), won=words.number(flow.won), lost=words.number(flow.lost)
    )
    return [
        section(w(QT_TRANSLATE_NOOP("report", "Conversion per stage"))),
        table(cols, body, page.width),
        note(summary),
    ]
