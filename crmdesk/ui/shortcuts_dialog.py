"""Help → Keyboard shortcuts: every command that has a shortcut, by menu and then by pane.

The list is read from the actions themselves (the menu bar's, and those each pane adds to
itself), so a new shortcut shows up here without anyone keeping a list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from crmdesk.ui.menu_actions import SEPARATOR, FoundAction, menu_actions, shortcut_text, widget_actions

if TYPE_CHECKING:
    from crmdesk.ui.main_window import MainWindow


def shortcut_groups(window: MainWindow) -> list[tuple[str, list[tuple[str, str]]]]:
    """(group, [(command, keys)]) for every action with a shortcut: the menus first, then each
    pane's own commands (every pane is built for it; none is loaded)."""
    groups: dict[str, list[tuple[str, str]]] = {}

    def add(group: str, found: FoundAction, text: str) -> None:
        keys = shortcut_text(found.action)
        if keys and (text, keys) not in groups.get(group, []):
            groups.setdefault(group, []).append((text, keys))

    for found in menu_actions(window.menuBar()):
        add(found.path[0] if found.path else "", found, SEPARATOR.join((*found.path[1:], found.text)))
    window.customers.ensure_built()
    for row in range(window.nav.count()):
        name = window.nav.item(row).text()
        for found in widget_actions(window.pane(row), name):
            add(name, found, found.text)
    return list(groups.items())


class ShortcutsDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree = QTreeWidget(self, objectName="shortcutTree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Shortcut")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        for group, rows in shortcut_groups(window):
            top = QTreeWidgetItem(self.tree, [group])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFirstColumnSpanned(True)
            for text, keys in rows:
                QTreeWidgetItem(top, [text, keys])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, self.tree.columnWidth(0) + self.fontMetrics().averageCharWidth() * 4)
        note = QLabel(self.tr("Ctrl+K opens the command palette: every command and customer by name."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        unit, line = self.fontMetrics().averageCharWidth(), self.fontMetrics().height()
        self.resize(max(unit * 76, self.tree.columnWidth(0) + unit * 30), line * 48)

    def rows(self) -> list[tuple[str, str, str]]:
        """(group, command, keys) as listed, for tests and for reading back."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            out += [(top.text(0), top.child(j).text(0), top.child(j).text(1)) for j in range(top.childCount())]
        return out
