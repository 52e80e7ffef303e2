"""The main window on a real database: every pane shows, demo data arrives, state is kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView, QWidget

from crmdesk.domain.customer import CustomerInput
from crmdesk.services import customers
from crmdesk.storage.database import close_database
from crmdesk.ui.main_window import MainWindow
from crmdesk.ui.paged_model import ID_ROLE
from tests.ui.conftest import make_window

PANES = ["customersPane", "pipelinePane", "calendarPane", "complaintsPane", "dashboardPane"]


def test_the_archive_sidebar_and_panel_follow_the_first_paint(window: MainWindow, qtbot) -> None:
    qtbot.waitUntil(lambda: window.customers.detail is not None, timeout=3000)
    assert window.findChild(QWidget, "customerFilters") is not None
    assert window.findChild(QWidget, "customerDetail").isVisible()


def test_every_pane_can_be_visited(window: MainWindow, qtbot) -> None:
    for row, name in enumerate(PANES):
        window.nav.setCurrentRow(row)
        pane = window.findChild(QWidget, name)
        assert pane is not None and pane.isVisible(), name
    # Keyboard: Ctrl+1 goes back to the archive.
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget().objectName() == "customersPane"


def test_demo_data_from_the_menu_reaches_every_pane(window: MainWindow, monkeypatch) -> None:
    table = window.findChild(QTableView, "customerTable")
    assert table.model().rowCount() == 0
    window.load_demo(300, seed=2)
    assert table.model().rowCount() == 300
    assert table.model().index(0, 0).data(ID_ROLE) is not None
    count = window.customers.findChild(QLabel, "paneCount")
    assert "300" in count.text()
    window.nav.setCurrentRow(1)
    assert sum(model.rowCount() for model in window.pipeline.models.values()) > 0
    for row, name in enumerate(PANES[2:4], start=2):
        window.nav.setCurrentRow(row)
        pane_table = window.stack.currentWidget().findChild(QTableView)
        assert pane_table.model().rowCount() > 0, name
    window.nav.setCurrentRow(4)
    assert window.dashboard.figures is not None and window.dashboard.figures.customers == 300
    assert window.dashboard.tiles["customers"].value.text() == "300"


def test_changes_refresh_the_archive(window: MainWindow, ctx) -> None:
    model = window.customers.model
    _, changes = customers.create_customer(ctx, CustomerInput(name="张三"))
    window.bus.publish(changes)
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "张三"


def test_sorting_happens_in_sql(window: MainWindow, ctx) -> None:
    for name in ("赵六", "安娜", "白雪"):
        customers.create_customer(ctx, CustomerInput(name=name))
    window.customers.model.reload()
    table = window.customers.table
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [window.customers.model.index(r, 0).data() for r in range(3)] == ["赵六", "白雪", "安娜"]


def test_geometry_and_columns_are_remembered(qtbot, db_path: Path, english: str) -> None:
    first = make_window(qtbot, db_path, english)
    screen = first.screen().availableGeometry()
    size = (max(screen.width() - 20, first.minimumSizeHint().width()), screen.height() - 60)
    first.resize(*size)
    first.show()
    header = first.customers.table.horizontalHeader()
    header.resizeSection(1, 321)
    header.moveSection(2, 0)
    first.customers.set_column_visible(3, False)
    first.close()
    close_database()

    second = make_window(qtbot, db_path, english)
    second.show()
    assert (second.width(), second.height()) == size
    header = second.customers.table.horizontalHeader()
    assert header.sectionSize(1) == 321
    assert header.logicalIndex(0) == 2
    assert header.isSectionHidden(3) and not header.isSectionHidden(4)
    second.close()
    close_database()


def test_chinese_interface(qtbot, db_path: Path, chinese: str) -> None:
    win = make_window(qtbot, db_path, chinese)
    win.show()
    assert [win.nav.item(i).text() for i in range(5)] == ["客户", "销售管道", "关怀日历", "投诉记录", "概览"]
    assert win.customers.model.headerData(0, win.customers.table.horizontalHeader().orientation()) == "名称"
    assert win.file_menu.title() == "文件(&F)"
    win.close()
    close_database()


def test_closing_the_window_stops_its_periodic_timers(window) -> None:
    """A closed window (not yet deleted) must not wake up later on someone else's database."""
    from PySide6.QtCore import QTimer

    window.show_pane(3)  # the complaint log keeps a clock of its own
    assert any(t.isActive() and not t.isSingleShot() for t in window.findChildren(QTimer))
    window.close()
    assert not any(t.isActive() and not t.isSingleShot() for t in window.findChildren(QTimer))
