"""The command palette (Ctrl+K): commands from the menus, customers from the archive's search."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from crmdesk.domain.customer import CustomerInput
from crmdesk.services import customers
from crmdesk.storage.database import close_database
from crmdesk.ui.main_window import MainWindow
from crmdesk.ui.menu_actions import plain
from crmdesk.ui.palette import CUSTOMER_LIMIT, DETAIL_ROLE, CommandPalette, Entry, PaletteModel, matches
from tests.ui.conftest import make_window


def _open(window: MainWindow, qtbot) -> CommandPalette:
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = window.palette_dialog
    assert palette.isVisible()
    qtbot.waitUntil(palette.search.hasFocus, timeout=2000)
    return palette


def _listed(palette: CommandPalette) -> list[str]:
    return [palette.model.index(row, 0).data() for row in range(palette.model.rowCount())]


def test_the_model_passes_the_model_tester(qtmodeltester) -> None:
    model = PaletteModel()
    qtmodeltester.check(model)
    model.set_entries([Entry("File › Import customers…", "Ctrl+I"), Entry("张三", "customer · 上海", customer_id=3)])
    qtmodeltester.check(model)
    assert model.index(1, 0).data(DETAIL_ROLE) == "customer · 上海"
    assert model.entry(1).customer_id == 3 and model.entry(2) is None


def test_mnemonics_are_left_out_of_what_is_read() -> None:
    assert plain("&File") == "File" and plain("Save && close") == "Save & close"
    assert plain("导入客户(&I)…") == "导入客户…"


def test_every_word_must_match() -> None:
    assert matches("file › export › customers…", "exp cust")
    assert not matches("file › export › customers…", "exp deal")


def test_ctrl_k_lists_every_menu_command_and_enter_runs_one(window: MainWindow, qtbot) -> None:
    palette = _open(window, qtbot)
    listed = _listed(palette)
    for label in ("File › New customer…", "File › Export › Opportunities…", "View › Dashboard",
                  "Reports › Pipeline forecast…", "Settings › Language › English", "Help › Keyboard shortcuts"):
        assert label in listed
    assert "View › Command palette…" not in listed  # it is open already
    qtbot.keyClicks(palette.search, "dash")
    assert _listed(palette) == ["View › Dashboard"]
    assert palette.list.currentIndex().data(DETAIL_ROLE) == "Ctrl+5"
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert not palette.isVisible()
    assert window.stack.currentWidget().objectName() == "dashboardPane"


def test_ctrl_k_works_from_a_search_field_too(window: MainWindow, qtbot) -> None:
    window.customers.search.setFocus()
    qtbot.waitUntil(window.customers.search.hasFocus, timeout=2000)
    qtbot.keyClick(window.customers.search, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.palette_dialog.isVisible()


def test_a_command_added_to_a_menu_is_found(window: MainWindow, qtbot) -> None:
    ran = []
    action = QAction("Tidy the &archive", window)
    action.triggered.connect(lambda: ran.append(True))
    window.file_menu.addAction(action)
    palette = _open(window, qtbot)
    qtbot.keyClicks(palette.search, "tidy")
    assert _listed(palette) == ["File › Tidy the archive"]
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert ran == [True]


def test_arrows_choose_and_escape_closes(window: MainWindow, qtbot) -> None:
    palette = _open(window, qtbot)
    qtbot.keyClicks(palette.search, "export")
    assert len(_listed(palette)) == 5
    qtbot.keyClick(palette.search, Qt.Key.Key_Down)
    qtbot.keyClick(palette.search, Qt.Key.Key_Down)
    assert palette.list.currentIndex().row() == 2 and palette.search.text() == "export"
    qtbot.keyClick(palette.search, Qt.Key.Key_Up)
    assert palette.list.currentIndex().row() == 1
    qtbot.keyClick(palette.search, Qt.Key.Key_Escape)
    assert not palette.isVisible()


def test_customers_are_found_by_pinyin_and_enter_opens_one(window: MainWindow, ctx, qtbot) -> None:
    wanted, _ = customers.create_customer(ctx, CustomerInput(name="张三", phone="13812345678", city="上海"))
    customers.create_customer(ctx, CustomerInput(name="李四", city="北京"))
    palette = _open(window, qtbot)
    qtbot.keyClicks(palette.search, "zs")
    qtbot.waitUntil(lambda: "张三" in _listed(palette), timeout=2000)
    assert "李四" not in _listed(palette)
    row = _listed(palette).index("张三")
    assert palette.model.entry(row).customer_id == wanted
    assert "上海" in palette.model.index(row, 0).data(DETAIL_ROLE)
    palette.list.setCurrentIndex(palette.model.index(row, 0))
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.customers
    assert window.customers.current_id() == wanted and window.customers.model.rowCount() == 1


def test_enter_right_after_typing_waits_for_the_customer_search(window: MainWindow, ctx, qtbot) -> None:
    wanted, _ = customers.create_customer(ctx, CustomerInput(name="Zephyr Quill"))
    window.show_pane(3)
    palette = _open(window, qtbot)
    qtbot.keyClicks(palette.search, "zephyr")
    assert _listed(palette) == []  # no command matches; the search has not run yet
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert not palette.isVisible()
    assert window.customers.current_id() == wanted


def test_at_most_twenty_customers_are_listed(window: MainWindow, ctx, qtbot) -> None:
    for i in range(CUSTOMER_LIMIT + 5):
        customers.create_customer(ctx, CustomerInput(name=f"Walker {i:02d}"))
    palette = _open(window, qtbot)
    qtbot.keyClicks(palette.search, "walker")
    qtbot.waitUntil(lambda: len(_listed(palette)) == CUSTOMER_LIMIT, timeout=2000)
    assert _listed(palette)[:2] == ["Walker 00", "Walker 01"]


def test_chinese_commands_are_found_by_pinyin_initials(qtbot, db_path: Path, chinese: str) -> None:
    window = make_window(qtbot, db_path, chinese)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    try:
        palette = _open(window, qtbot)
        qtbot.keyClicks(palette.search, "dc")  # 导出
        listed = _listed(palette)
        assert listed and all("导出" in label for label in listed), listed
        assert not any("(" in label for label in _listed(palette))  # no "(&E)" mnemonics
    finally:
        window.close()
        close_database()


def test_commands_whose_words_start_with_the_query_come_first(window: MainWindow, qtbot) -> None:
    palette = _open(window, qtbot)
    qtbot.keyClicks(palette.search, "ex")
    listed = _listed(palette)
    assert listed[0] == "File › Export › Customers…"
    assert listed[-1] == "View › Next record"  # "ex" inside a word: still found, but last
