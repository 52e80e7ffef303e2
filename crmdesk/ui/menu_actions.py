"""The actions a window offers, found by walking its menus and panes: what the command palette
searches and what Help → Keyboard shortcuts lists, so that neither keeps a list of its own."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

SEPARATOR = " › "
_MNEMONIC_IN_BRACKETS = re.compile(r"\s*\(&[^&)]\)")  # Chinese style: 导入客户(&I)…


def plain(text: str) -> str:
    """An action's text as read, without its mnemonic: ``&File`` → ``File``, ``导入(&I)…`` → ``导入…``."""
    text = _MNEMONIC_IN_BRACKETS.sub("", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def shortcut_text(action: QAction) -> str:
    """The action's shortcuts as the platform writes them (``Ctrl+K``), comma-separated."""
    return ", ".join(keys.toString(QKeySequence.SequenceFormat.NativeText) for keys in action.shortcuts()
                     if not keys.isEmpty())


@dataclass(frozen=True)
class FoundAction:
    path: tuple[str, ...]  # the menus (or the pane) it is found in, outermost first
    action: QAction

    @property
    def text(self) -> str:
        return plain(self.action.text())

    @property
    def label(self) -> str:
        return SEPARATOR.join((*self.path, self.text))


def menu_actions(bar: QMenuBar) -> list[FoundAction]:
    """Every visible command of the menu bar, submenus included, in menu order."""
    found: list[FoundAction] = []

    def walk(actions: Iterable[QAction], path: tuple[str, ...]) -> None:
        for action in actions:
            if action.isSeparator() or not action.isVisible():
                continue
            menu = action.menu()
            if isinstance(menu, QMenu):
                walk(menu.actions(), (*path, plain(menu.title())))
            elif action.text():
                found.append(FoundAction(path, action))

    walk(bar.actions(), ())
    return found


def widget_actions(widget: QWidget, name: str) -> list[FoundAction]:
    """The named actions a pane adds to itself (its keyboard commands), under the pane's ``name``."""
    return [FoundAction((name,), action) for action in widget.actions()
            if action.text() and not action.isSeparator() and action.menu() is None]
