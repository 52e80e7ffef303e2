"""Keyboard-first use: the window-wide commands of frequent work, each with a shortcut and a
place in a menu (so the command palette and Help → Keyboard shortcuts find them).

Each command goes to the pane that has it: Ctrl+L logs a contact for the archive's customer,
or for the care task chosen in the calendar; Ctrl+F searches the pane shown if it has a search
field, else the archive; Alt+Down / Alt+Up step through the rows of the pane's table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QWidget

if TYPE_CHECKING:
    from crmdesk.ui.main_window import MainWindow


class KeyboardActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.new_customer = self._action("newCustomerAction", QKeySequence.StandardKey.New, self.on_new_customer)
        self.log_contact = self._action("logContactAction", "Ctrl+L", self.on_log_contact)
        self.search = self._action("searchAction", QKeySequence.StandardKey.Find, self.on_search)
        self.palette = self._action("paletteAction", "Ctrl+K", self.on_palette)
        self.next_record = self._action("nextRecordAction", "Alt+Down", lambda: self.step(1))
        self.previous_record = self._action("previousRecordAction", "Alt+Up", lambda: self.step(-1))
        self.shortcuts = self._action("shortcutsAction", QKeySequence.StandardKey.HelpContents, self.on_shortcuts)
        self.retranslate()

    def _action(self, name: str, keys: QKeySequence.StandardKey | str, slot: Callable[[], None]) -> QAction:
        action = QAction(self.window_, objectName=name)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _=False: slot())
        return action

    def retranslate(self) -> None:
        self.new_customer.setText(self.tr("&New customer…"))
        self.log_contact.setText(self.tr("&Log a contact…"))
        self.search.setText(self.tr("&Search"))
        self.palette.setText(self.tr("Command &palette…"))
        self.next_record.setText(self.tr("&Next record"))
        self.previous_record.setText(self.tr("P&revious record"))
        self.shortcuts.setText(self.tr("&Keyboard shortcuts"))

    # -- where each command goes ----------------------------------------------------------------
    def current_pane(self) -> QWidget:
        return self.window_.stack.currentWidget()

    def on_new_customer(self) -> None:
        window = self.window_
        window.show_pane(0)
        window.customers.ensure_built()
        window.customers.on_new()

    def on_log_contact(self) -> None:
        pane = self.current_pane()
        if pane is not self.window_.customers and hasattr(pane, "on_log_contact"):
            pane.on_log_contact()  # the calendar: for the chosen task's customer, which finishes it
            return
        self.window_.show_pane(0)
        self.window_.customers.on_log_contact()

    def on_search(self) -> None:
        field = getattr(self.current_pane(), "search", None)
        if not isinstance(field, QLineEdit):
            self.window_.show_pane(0)
            field = self.window_.customers.search
        field.setFocus()
        field.selectAll()

    def step(self, direction: int) -> bool:
        """Choose the next (1) or previous (-1) row of the shown pane's table; False if there is none."""
        view = getattr(self.current_pane(), "table", None)
        if not isinstance(view, QAbstractItemView) or view.model() is None:
            return False
        model, current = view.model(), view.currentIndex()
        row = (current.row() + direction) if current.isValid() else 0
        if not 0 <= row < model.rowCount():
            return False
        view.setCurrentIndex(model.index(row, max(current.column(), 0)))
        view.scrollTo(view.currentIndex())
        return True

    def on_palette(self) -> None:
        from crmdesk.ui.palette import CommandPalette

        self.window_.palette_dialog = CommandPalette(self.window_)
        self.window_.palette_dialog.open()

    def on_shortcuts(self) -> None:
        from crmdesk.ui.shortcuts_dialog import ShortcutsDialog

        self.window_.shortcuts_dialog = ShortcutsDialog(self.window_)
        self.window_.shortcuts_dialog.open()
