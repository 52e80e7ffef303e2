"""Keyboard-first use: the frequent commands have shortcuts, Help → Keyboard shortcuts lists them
all (read from the actions), and no two active shortcuts collide."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from crmdesk.domain.complaints import ComplaintInput
from crmdesk.domain.customer import CustomerInput
from crmdesk.services import complaints, customers
from crmdesk.storage.database import close_database
from crmdesk.ui.main_window import MainWindow
from crmdesk.ui.menu_actions import menu_actions, shortcut_text, widget_actions
from crmdesk.ui.panes.customers.dialog import CustomerDialog
from crmdesk.ui.panes.customers.log_dialog import LogContactDialog
from crmdesk.ui.shortcuts_dialog import ShortcutsDialog
from tests.ui.conftest import make_window

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


def _keys(qtbot, window: MainWindow, key: Qt.Key, modifiers=CTRL) -> None:  # noqa: ANN001
    """Press keys as a user would: into the widget that has the focus."""
    focus = QApplication.focusWidget()
    qtbot.keyClick(focus if focus is not None and focus.window() is window else window, key, modifiers)


def _with_customers(window: MainWindow, ctx, *names: str) -> list[int]:
    ids = [customers.create_customer(ctx, CustomerInput(name=name))[0] for name in names]
    window.customers.model.reload()
    return ids


def test_f1_lists_every_shortcut_by_menu_and_pane(window: MainWindow, qtbot) -> None:
    _keys(qtbot, window, Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier)
    dialog = window.shortcuts_dialog
    assert isinstance(dialog, ShortcutsDialog) and dialog.isVisible()
    rows = dialog.rows()
    for row in (("File", "New customer…", "Ctrl+N"), ("File", "Log a contact…", "Ctrl+L"),
                ("File", "Import customers…", "Ctrl+I"), ("View", "Command palette…", "Ctrl+K"),
                ("View", "Search", "Ctrl+F"), ("View", "Customers", "Ctrl+1"), ("View", "Dashboard", "Ctrl+5"),
                ("View", "Next record", "Alt+Down"), ("View", "Previous record", "Alt+Up"),
                ("File", "Quit", "Ctrl+Q"), ("Help", "Keyboard shortcuts", "F1"),
                ("Customers", "Edit the customer…", "F2"), ("Customers", "Print the dossier…", "Ctrl+P"),
                ("Pipeline", "Move to the next stage", "Ctrl+Right"), ("Care calendar", "Done", "Ctrl+D")):
        assert row in rows
    assert not [row for row in rows if not row[2]]  # only commands that have a shortcut
    assert "Load demo data…" not in [command for _group, command, _keys in rows]
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_list_follows_the_actions_not_a_list_of_its_own(window: MainWindow) -> None:
    action = QAction("&Tidy up", window)
    action.setShortcut(QKeySequence("Ctrl+Shift+T"))
    window.reports_menu.addAction(action)
    assert ("Reports", "Tidy up", "Ctrl+Shift+T") in ShortcutsDialog(window).rows()


def test_the_dialog_reads_chinese(qtbot, db_path, chinese: str) -> None:
    window = make_window(qtbot, db_path, chinese)
    try:
        rows = ShortcutsDialog(window).rows()
        assert (window.view_menu.title().split("(")[0], window.nav.item(4).text(), "Ctrl+5") in rows
        assert not [command for _g, command, _k in rows if "&" in command or "(" in command]
    finally:
        window.close()
        close_database()


def test_no_two_active_shortcuts_collide(window: MainWindow) -> None:
    """The menus' shortcuts work everywhere in the window, a pane's while it shows: a key used
    twice at once would be ambiguous, and Qt would run neither."""
    window_wide = [shortcut_text(found.action) for found in menu_actions(window.menuBar())
                   if shortcut_text(found.action)]
    assert [keys for keys, n in Counter(window_wide).items() if n > 1] == []
    window.customers.ensure_built()
    for row in range(window.nav.count()):
        pane_keys = [shortcut_text(found.action) for found in widget_actions(window.pane(row), "")]
        assert [keys for keys, n in Counter(pane_keys).items() if n > 1] == [], row
        assert set(pane_keys) & set(window_wide) == set(), row


def test_ctrl_n_opens_a_new_customer_from_any_pane(window: MainWindow, qtbot) -> None:
    window.show_pane(3)
    _keys(qtbot, window, Qt.Key.Key_N)
    assert window.stack.currentWidget() is window.customers
    assert isinstance(window.customers.last_dialog, CustomerDialog) and window.customers.last_dialog.isVisible()
    window.customers.last_dialog.reject()


def test_ctrl_l_logs_a_contact_for_the_chosen_customer(window: MainWindow, ctx, qtbot) -> None:
    _with_customers(window, ctx, "Ada Lovelace")
    window.customers.table.selectRow(0)
    window.show_pane(1)
    _keys(qtbot, window, Qt.Key.Key_L)
    assert window.stack.currentWidget() is window.customers
    dialog = window.customers.last_dialog
    assert isinstance(dialog, LogContactDialog) and dialog.isVisible()
    dialog.reject()


def test_ctrl_l_in_the_calendar_logs_for_its_task(window: MainWindow, monkeypatch, qtbot) -> None:
    calls = []
    monkeypatch.setattr(window.calendar, "on_log_contact", lambda: calls.append("calendar"))
    window.show_pane(2)
    _keys(qtbot, window, Qt.Key.Key_L)
    assert calls == ["calendar"] and window.stack.currentWidget() is window.calendar


def test_ctrl_f_searches_the_pane_shown_or_else_the_archive(window: MainWindow, qtbot) -> None:
    window.show_pane(1)
    _keys(qtbot, window, Qt.Key.Key_F)
    qtbot.waitUntil(window.pipeline.search.hasFocus, timeout=2000)
    window.show_pane(4)
    _keys(qtbot, window, Qt.Key.Key_F)
    assert window.stack.currentWidget() is window.customers
    qtbot.waitUntil(window.customers.search.hasFocus, timeout=2000)


def test_alt_arrows_step_through_the_records(window: MainWindow, ctx, qtbot) -> None:
    first, second, third = _with_customers(window, ctx, "Anna", "Bert", "Cleo")
    window.customers.search.setFocus()  # the keys work while typing in the search field too
    qtbot.waitUntil(window.customers.search.hasFocus, timeout=2000)
    seen = []
    for _ in range(4):
        _keys(qtbot, window, Qt.Key.Key_Down, ALT)
        seen.append(window.customers.current_id())
    assert seen == [first, second, third, third]  # stays on the last
    _keys(qtbot, window, Qt.Key.Key_Up, ALT)
    assert window.customers.current_id() == second
    assert window.customers.search.hasFocus()


def test_alt_down_steps_through_complaints(window: MainWindow, ctx, qtbot) -> None:
    customer_id = _with_customers(window, ctx, "Dora")[0]
    for text in ("late delivery", "broken lid"):
        complaints.log_complaint(ctx, ComplaintInput(customer_id=customer_id, received_at=ctx.now() - 3_600_000,
                                                     description=text))
    window.show_pane(3)
    pane = window.complaints
    pane.load()
    assert pane.model.rowCount() == 2
    _keys(qtbot, window, Qt.Key.Key_Down, ALT)
    _keys(qtbot, window, Qt.Key.Key_Down, ALT)
    assert pane.table.currentIndex().row() == 1
    assert window.keyboard.step(1) is False  # nothing below the last
