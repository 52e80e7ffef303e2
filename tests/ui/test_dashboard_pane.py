"""The dashboard: figures for a period, definitions in tooltips, and clicks that open lists."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, Qt

from crmdesk.domain.customer import CustomerInput
from crmdesk.domain.filters import CustomerFilter
from crmdesk.services import customers
from crmdesk.services.kpi import Period


def _window(window, clock):  # noqa: ANN001, ANN202 - fixtures
    window.ctx.clock = clock
    customers.create_customer(window.ctx, CustomerInput(name="甲", category="existing", tier="strategic"))
    customers.create_customer(window.ctx, CustomerInput(name="乙", phone="13800000001"))
    return window


def test_figures_show_for_the_month_and_other_periods(qtbot, window, clock) -> None:  # noqa: ANN001
    _window(window, clock)
    window.show_pane(4)
    pane = window.dashboard
    qtbot.waitUntil(lambda: pane.figures is not None, timeout=5000)
    assert pane.period == Period(dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    assert pane.tiles["customers"].value.text() == "2"
    assert pane.tiles["missing_phone"].value.text() == "50.0%"
    assert pane.tiles["retention"].value.text() == "—"  # nobody was active a year ago
    assert "365" in pane.tiles["retention"].toolTip()
    assert not pane.next.isEnabled()  # no figures for the future
    pane.previous.click()
    qtbot.waitUntil(lambda: pane.figures is not None and pane.figures.period.start == dt.date(2026, 10, 1),
                    timeout=5000)
    assert pane.tiles["new_customers"].value.text() == "0"
    assert pane.next.isEnabled()
    pane.kind.setCurrentIndex(2)  # year
    qtbot.waitUntil(lambda: pane.figures is not None and pane.figures.period.start == dt.date(2026, 1, 1),
                    timeout=5000)
    assert pane.tiles["new_customers"].value.text() == "2"


def test_a_change_drops_the_cached_figures(qtbot, window, clock) -> None:  # noqa: ANN001
    _window(window, clock)
    window.show_pane(4)
    pane = window.dashboard
    qtbot.waitUntil(lambda: pane.figures is not None, timeout=5000)
    _, changes = customers.create_customer(window.ctx, CustomerInput(name="丙"))
    window.bus.publish(changes)
    qtbot.waitUntil(lambda: pane.figures is not None and pane.figures.customers == 3, timeout=5000)
    assert pane.tiles["customers"].value.text() == "3"


def test_clicking_a_figure_opens_the_matching_customers(qtbot, window, clock) -> None:  # noqa: ANN001
    _window(window, clock)
    window.show_pane(4)
    pane = window.dashboard
    qtbot.waitUntil(lambda: pane.figures is not None, timeout=5000)
    qtbot.mouseClick(pane.tiles["missing_phone"], Qt.MouseButton.LeftButton)
    archive = window.customers
    assert window.stack.currentWidget() is archive
    assert archive.current_filter == CustomerFilter(missing_phone=True)
    qtbot.waitUntil(lambda: archive.model.rowCount() == 1, timeout=5000)
    assert archive.figure_note.isVisible()
    archive.figure_note.click()
    assert not archive.current_filter.has_figure_conditions
    qtbot.waitUntil(lambda: archive.model.rowCount() == 2, timeout=5000)


def test_clicking_a_bar_filters_by_it(qtbot, window, clock) -> None:  # noqa: ANN001
    _window(window, clock)
    window.show_pane(4)
    pane = window.dashboard
    qtbot.waitUntil(lambda: pane.figures is not None, timeout=5000)
    chart = pane.charts["tier"]
    chart.resize(400, 220)
    chart.grab()  # paints, which lays the bars out
    strategic = chart._bars[0].center()
    assert chart.bar_at(strategic.x(), strategic.y()) == 0
    with qtbot.waitSignal(chart.bar_clicked):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPointF(strategic).toPoint())
    assert window.customers.current_filter == CustomerFilter(tiers=("strategic",))


def test_overdue_care_opens_the_agenda(qtbot, window, clock) -> None:  # noqa: ANN001
    _window(window, clock)
    window.show_pane(4)
    qtbot.mouseClick(window.dashboard.tiles["care_overdue"], Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.calendar
    assert window.calendar.view_mode == "agenda"


def test_amounts_on_bars_stay_short(english: str) -> None:
    from crmdesk.ui.panes.dashboard.pane import _short_money

    assert [_short_money(units * 100) for units in (999, 1_500, 36_900, 369_000, 999_700, 1_021_000, 12_345_678)] == \
        ["999", "1.5k", "36.9k", "369k", "1M", "1.02M", "12.3M"]
