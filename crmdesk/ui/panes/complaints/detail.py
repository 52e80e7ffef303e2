"""The selected complaint: what was logged, where it stands, its timeline, and what to do next."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.changes import Changes
from crmdesk.domain.complaints import CLOSED, IN_PROGRESS, REOPENED, RESOLVED, TRANSITIONS
from crmdesk.domain.errors import CrmError
from crmdesk.services import complaints
from crmdesk.services.context import Context
from crmdesk.ui import labels
from crmdesk.ui.history import HistoryView
from crmdesk.ui.panes.complaints.dialogs import ComplaintDialog, RateDialog, ResolveDialog


class ComplaintDetail(QWidget):
    changed = Signal(object)  # Changes
    step_taken = Signal(object)  # a Step the user can undo (deleting the complaint)
    failed = Signal(str)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaintDetail")
        self.ctx = ctx
        self.complaint_id: int | None = None
        self.view: complaints.ComplaintView | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("complaintSummary")
        self.summary.setWordWrap(True)
        self.timeline = QListWidget(self)
        self.timeline.setObjectName("complaintTimeline")
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        actions: list[tuple[str, str, Callable[[], None]]] = [
            ("start", self.tr("Start work"), self.on_start), ("resolve", self.tr("Resolve…"), self.on_resolve),
            ("close", self.tr("Close"), self.on_close), ("reopen", self.tr("Reopen…"), self.on_reopen),
            ("rate", self.tr("Satisfaction…"), self.on_rate), ("note", self.tr("Add note…"), self.on_note),
            ("edit", self.tr("Edit…"), self.on_edit), ("delete", self.tr("Delete…"), self.on_delete),
        ]
        for i, (key, text, slot) in enumerate(actions):
            button = QPushButton(text, self)
            button.setObjectName(f"complaint_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
            grid.addWidget(button, i // 2, i % 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(grid)
        self.tabs = QTabWidget(self, objectName="complaintTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        self.history = HistoryView(self, "complaintHistory", compact=True)
        self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.currentChanged.connect(lambda _i: self._show_history())
        layout.addWidget(self.tabs, 1)
        self.show_complaint(None)

    def show_complaint(self, complaint_id: int | None) -> None:
        self.complaint_id = complaint_id
        self.view = None
        if complaint_id is not None:
            try:
                self.view = complaints.get(complaint_id)
            except CrmError:
                self.complaint_id = None
        self._fill()

    def _fill(self) -> None:
        view = self.view
        self.timeline.clear()
        self._show_history()
        if view is None:
            self.summary.setText(self.tr("Choose a complaint to see it here."))
            for button in self.buttons.values():
                button.setEnabled(False)
            return
        status = labels.complaint_status(view.status)
        lines = [f"<b>{escape(view.customer)}</b> · {escape(labels.label(view.severity))} · {escape(status)}",
                 escape(f"{labels.timestamp_minutes(view.received_at)} · {labels.channel(view.channel)} · "
                        f"{view.category}"),
                 escape(view.description).replace("\n", "<br>")]
        if view.status in ("new", IN_PROGRESS, REOPENED):
            left = labels.countdown(view.due_at, self.ctx.now())
            colour = "#b00020" if view.due_at < self.ctx.now() else "#1b5e20"
            lines.append(f'<span style="color:{colour}">{escape(left)}</span>')
        if view.resolution:
            lines.append(escape(self.tr("Resolution: %1").replace("%1", view.resolution)))
        if view.compensation_cents:
            lines.append(escape(self.tr("Compensation: %1").replace("%1", labels.money(view.compensation_cents))))
        if view.satisfaction:
            lines.append("★" * view.satisfaction + "☆" * (5 - view.satisfaction) + " " +
                         escape(view.satisfaction_comment))
        self.summary.setText("<br>".join(lines))
        for event in reversed(complaints.events(view.id)):
            if event.to_status:
                what = labels.complaint_status(event.to_status)
            else:
                what = self.tr("Note") if event.note else self.tr("Edited")
            text = f"{labels.timestamp_minutes(event.at)}  {what}"
            if event.user:
                text += f" · {event.user}"
            if event.note:
                text += f"\n    {event.note}"
            self.timeline.addItem(text)
        allowed = TRANSITIONS.get(view.status, frozenset())
        self.buttons["start"].setEnabled(IN_PROGRESS in allowed)
        self.buttons["resolve"].setEnabled(RESOLVED in allowed)
        self.buttons["close"].setEnabled(CLOSED in allowed)
        self.buttons["reopen"].setEnabled(REOPENED in allowed)
        self.buttons["rate"].setEnabled(view.status in (RESOLVED, CLOSED))
        self.buttons["note"].setEnabled(True)
        self.buttons["edit"].setEnabled(True)
        self.buttons["delete"].setEnabled(True)

    def _show_history(self) -> None:
        """The audit history, read only while its tab is open."""
        shown = self.view is not None and self.tabs.currentWidget() is self.history
        self.history.show_record("complaint" if shown else None, self.view.uid if shown else None)

    # -- actions ------------------------------------------------------------------------------
    def _do(self, work: Callable[[], Changes]) -> None:
        try:
            changes = work()
        except CrmError as exc:
            self.failed.emit(labels.error_text(exc))
            return
        self.show_complaint(self.complaint_id)
        self.changed.emit(changes)

    def on_start(self) -> None:
        cid = self.complaint_id
        self._do(lambda: complaints.start_work(self.ctx, cid))

    def on_close(self) -> None:
        cid = self.complaint_id
        self._do(lambda: complaints.close(self.ctx, cid))

    def on_resolve(self) -> None:
        dialog = ResolveDialog(self.ctx, self)
        cid = self.complaint_id
        dialog.submit = lambda: self.changed.emit(complaints.resolve(self.ctx, cid, dialog.value()))
        self._open(dialog, cid)

    def on_rate(self) -> None:
        dialog = RateDialog(self)
        cid = self.complaint_id
        dialog.submit = lambda: self.changed.emit(
            complaints.rate(self.ctx, cid, dialog.score.value(), dialog.comment.text()))
        self._open(dialog, cid)

    def on_edit(self) -> None:
        if self.view is None:
            return
        dialog = ComplaintDialog(self.ctx, self, existing=self.view)
        cid = self.complaint_id
        dialog.submit = lambda: self.changed.emit(complaints.update_complaint(self.ctx, cid, dialog.value()))
        self._open(dialog, cid)

    def _open(self, dialog: QWidget, complaint_id: int | None) -> None:
        """Show a form window-modal without blocking; its save refreshes this view."""
        self.last_dialog = dialog
        dialog.accepted.connect(lambda: self.show_complaint(complaint_id))
        dialog.open()

    def on_reopen(self) -> None:
        note, ok = QInputDialog.getMultiLineText(self, self.tr("Reopen complaint"), self.tr("Why is it reopened?"))
        if ok:
            cid = self.complaint_id
            self._do(lambda: complaints.reopen(self.ctx, cid, note))

    def on_delete(self) -> None:
        """Move the complaint to the recycle bin, after asking; Ctrl+Z brings it back."""
        from crmdesk.services import recycle_bin

        view = self.view
        if view is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete complaint"),
                                      self.tr("Move the complaint of “%1” to the recycle bin?").replace("%1", view.customer))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            step = recycle_bin.delete_complaint(self.ctx, view.id, view.customer)
        except CrmError as exc:
            self.failed.emit(labels.error_text(exc))
            return
        self.show_complaint(None)
        self.step_taken.emit(step)

    def on_note(self) -> None:
        note, ok = QInputDialog.getMultiLineText(self, self.tr("Add note"), self.tr("Note"))
        if ok:
            cid = self.complaint_id
            self._do(lambda: complaints.add_note(self.ctx, cid, note))
