"""Small pieces the panes build their toolbars from, and their way of announcing a change."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from crmdesk.domain.changes import Changes
from crmdesk.ui.bus import ChangeBus


def push_button(parent: QWidget, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
    """A named button that calls ``slot`` with no arguments."""
    button = QPushButton(text, parent, objectName=name)
    button.clicked.connect(lambda _=False: slot())
    return button


def heading(parent: QWidget, text: str = "") -> QLabel:
    """A pane's title: bold and a size larger."""
    label = QLabel(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    label.setFont(font)
    return label


def publish(bus: ChangeBus | None, pane: QWidget, changes: Changes) -> None:
    """Tell every view about a change; a pane used on its own (no bus) just refreshes itself."""
    if bus is not None:
        bus.publish(changes)
    else:
        pane.on_changes_did_happen(changes)
