"""The change notification: services return Changes, the bus tells every pane."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from crmdesk.domain.changes import Changes


class ChangeBus(QObject):
    changes_did_happen = Signal(object)  # Changes

    def publish(self, changes: Changes) -> None:
        if changes:
            self.changes_did_happen.emit(changes)
