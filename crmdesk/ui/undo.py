"""The app's undo stack: Edit → Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z) over the steps the
panes record on the change bus (see :mod:`crmdesk.services.undo`).

Undoing and redoing run on the database worker like every other change, and the actions
stay disabled until the step is through, so a held-down Ctrl+Z never runs two at once. A
step that cannot be redone (an import) leaves the stack once it is undone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

from crmdesk.services.context import Context
from crmdesk.services.undo import CONTEXT, Step
from crmdesk.ui.bus import ChangeBus
from crmdesk.ui.tasks import TaskRunner

LIMIT = 50  # steps kept; each holds only ids and values


def describe(step: Step) -> str:
    """The step's name in the user's language: "deleting 3 customers"."""
    text = QCoreApplication.translate(CONTEXT, step.what, "", step.count)
    return text.replace("{name}", step.name).replace("{count}", f"{step.count:,}")


class _Command(QUndoCommand):
    def __init__(self, history: UndoHistory, step: Step) -> None:
        super().__init__(describe(step))
        self.history, self.step = history, step
        self.fresh = True  # pushed right after the change was made: the first redo is a no-op

    def redo(self) -> None:
        if self.fresh:
            self.fresh = False
        elif self.step.redo is not None:
            self.history.run(self.step.redo)

    def undo(self) -> None:
        self.history.run(self.step.undo)
        if self.step.redo is None:
            self.setObsolete(True)  # QUndoStack drops it: there is nothing to redo


class UndoHistory(QObject):
    """The steps, the two actions, and the running of an undo or redo."""

    busy_changed = Signal(bool)

    def __init__(self, ctx: Context, runner: TaskRunner, bus: ChangeBus,
                 show_error: Callable[[BaseException], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner, self.bus, self.show_error = ctx, runner, bus, show_error
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(LIMIT)
        self.busy = False
        self.undo_action = QAction(self, objectName="undoAction", triggered=self.undo)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = QAction(self, objectName="redoAction", triggered=self.redo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for signal in (self.stack.indexChanged, self.stack.canUndoChanged, self.stack.canRedoChanged,
                       self.busy_changed):
            signal.connect(self._update)
        bus.step_was_taken.connect(self.push)
        bus.undo_requested.connect(self.undo)
        self._update()

    def push(self, step: Step) -> None:
        self.stack.push(_Command(self, step))

    def undo(self) -> None:
        if not self.busy and self.stack.canUndo():
            self.stack.undo()

    def redo(self) -> None:
        if not self.busy and self.stack.canRedo():
            self.stack.redo()

    def run(self, work: Callable[[Context], object]) -> None:
        self._set_busy(True)

        def done(changes: object) -> None:
            self._set_busy(False)
            self.bus.publish(changes)  # type: ignore[arg-type]

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            self.show_error(exc)

        self.runner.run(lambda: work(self.ctx), done, failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)

    def _update(self, *_args: object) -> None:
        undo_text, redo_text = self.stack.undoText(), self.stack.redoText()
        self.undo_action.setText(self.tr("&Undo %1").replace("%1", undo_text) if undo_text else self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo %1").replace("%1", redo_text) if redo_text else self.tr("&Redo"))
        self.undo_action.setEnabled(self.stack.canUndo() and not self.busy)
        self.redo_action.setEnabled(self.stack.canRedo() and not self.busy)

    def retranslate(self) -> None:
        self._update()
