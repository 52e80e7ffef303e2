"""The change notification: services return Changes, the bus tells every pane."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from crmdesk.domain.changes import Changes


class ChangeBus(QObject):
    changes_did_happen = Signal(object)  # Changes
    step_was_taken = Signal(object)  # crmdesk.services.undo.Step: for the undo stack
    undo_requested = Signal()  # a dialog's own Undo button: the undo stack takes its last step back
    backups_did_change = Signal()  # a backup was taken or restored: the status bar says when

    def publish(self, changes: Changes) -> None:
        if changes:
            self.changes_did_happen.emit(changes)

    def record(self, step: object) -> None:
        """A change the user can take back (a :class:`~crmdesk.services.undo.Step`): its
        changes are published, and the undo stack keeps it."""
        self.publish(step.changes)  # type: ignore[attr-defined]
        self.step_was_taken.emit(step)
