"""Finding duplicate customers over the whole archive, and merging a group (with undo)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import customers, dedupe, undo
from crmdesk.services.context import Context
from crmdesk.ui import labels
from crmdesk.ui.bus import ChangeBus
from crmdesk.ui.panes.customers.import_dialog import FIELD_LABELS
from crmdesk.ui.tasks import TaskProgress, TaskRunner

GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
# The fields the user picks between when the merged records disagree.
CHOICES = ("name", "phone", "email", "company", "city", "address", "category", "tier", "stage", "notes")


class DuplicatesDialog(QDialog):
    def __init__(self, ctx: Context, runner: TaskRunner, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(self.tr("Find duplicates"))
        self._ctx, self._runner, self._bus = ctx, runner, bus
        self.groups: list[dedupe.DuplicateGroup] = []
        self.last_merge: int | None = None
        self.tree = QTreeWidget(self, objectName="duplicateGroups")
        self.tree.setHeaderLabels([self.tr("Customer"), self.tr("Phone"), self.tr("E-mail"), self.tr("City"),
                                   self.tr("Score")])
        self.tree.setColumnWidth(0, 260)
        self.status = QLabel(self.tr("Searching the whole archive…"), self, objectName="duplicatesStatus")
        self.merge_button = QPushButton(self.tr("&Merge group…"), self, objectName="mergeGroup")
        self.undo_button = QPushButton(self.tr("&Undo merge"), self, objectName="undoMerge")
        self.undo_button.hide()
        close = QPushButton(self.tr("Close"), self)
        self.merge_button.clicked.connect(self.on_merge)
        self.undo_button.clicked.connect(self.on_undo)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.resize(820, 520)
        self.search()

    def search(self) -> None:
        self.merge_button.setEnabled(False)
        progress = TaskProgress()
        self._runner.run(lambda: dedupe.find_duplicates(self._ctx, progress), self._show, self._error)

    def _show(self, groups: list[dedupe.DuplicateGroup]) -> None:
        self.groups = groups
        self.tree.clear()
        for index, group in enumerate(groups):
            why = "、".join(QCoreApplication.translate("dedupe", e.template) for e in group.reasons)
            top = QTreeWidgetItem(self.tree, [self.tr("%n customer(s): %1", "", len(group.members)).replace("%1", why),
                                              "", "", "", str(group.score)])
            top.setData(0, GROUP_ROLE, index)
            for person in group.members:
                child = QTreeWidgetItem(top, [person.name, person.phone_e164, person.email, person.city, ""])
                child.setData(0, GROUP_ROLE, index)
            top.setExpanded(True)
        self.status.setText(self.tr("%n group(s) of possible duplicates.", "", len(groups)))
        self.merge_button.setEnabled(bool(groups))
        if groups:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def _error(self, exc: BaseException) -> None:
        self.status.setText(labels.error_text(exc))

    def current_group(self) -> dedupe.DuplicateGroup | None:
        item = self.tree.currentItem()
        if item is None or item.data(0, GROUP_ROLE) is None:
            return None
        return self.groups[int(item.data(0, GROUP_ROLE))]

    def on_merge(self) -> None:
        group = self.current_group()
        if group is None:
            return
        dialog = MergeDialog([p.id for p in group.members], self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.merge(dialog.survivor(), dialog.others(), dialog.chosen())

    def merge(self, survivor: int, others: list[int], chosen: dict[str, object]) -> None:
        def done(step: undo.Step) -> None:
            self.last_merge = step
            self._bus.record(step)  # Edit → Undo can take it apart later too
            self.undo_button.show()
            self.search()

        self._runner.run(lambda: undo.merge(self._ctx, survivor, others, chosen), done, self._warn)

    def on_undo(self) -> None:
        """Take the merge just made apart: the app's undo stack holds it as its last step."""
        if self.last_merge is None:
            return
        self.last_merge = None
        self.undo_button.hide()
        self._bus.changes_did_happen.connect(self._after_undo)
        self._bus.undo_requested.emit()

    def _after_undo(self, _changes: object) -> None:
        self._bus.changes_did_happen.disconnect(self._after_undo)
        self.search()

    def _warn(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.windowTitle(), labels.error_text(exc))


class MergeDialog(QDialog):
    """Choose the record that stays and, where they differ, which value each field keeps."""

    def __init__(self, ids: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge customers"))
        self.records = {i: customers.load_input(i) for i in ids}
        summaries = {i: customers.summary(i) for i in ids}
        # The record with the most orders stays by default: it has the most history.
        self.ids = sorted(ids, key=lambda i: (-summaries[i].order_count, i))
        self.keeper = QComboBox(self, objectName="mergeSurvivor")
        for i in self.ids:
            self.keeper.addItem(f"{self.records[i].name} (#{i})", i)
        form = QFormLayout()
        form.addRow(self.tr("Keep the record of"), self.keeper)
        self.fields: dict[str, QComboBox] = {}
        for field in CHOICES:
            values = []
            for i in self.ids:
                value = getattr(self.records[i], field)
                if value not in ("", None) and value not in values:
                    values.append(value)
            if len(values) > 1:
                box = QComboBox(self, objectName=f"merge_{field}")
                for value in values:
                    box.addItem(labels.label(value) if field in ("category", "tier", "stage") else str(value), value)
                self.fields[field] = box
                form.addRow(QCoreApplication.translate("ImportDialog", FIELD_LABELS[field]), box)
        note = QLabel(self.tr("Contacts, history, orders, deals, care tasks, complaints and tags of every record "
                              "move to the one kept; the others go to the recycle bin. The merge can be undone."), self)
        note.setWordWrap(True)
        ok = QPushButton(self.tr("Merge"), self, objectName="mergeConfirm")
        cancel = QPushButton(self.tr("Cancel"), self)
        ok.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(ok)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addLayout(buttons)

    def survivor(self) -> int:
        return int(self.keeper.currentData())

    def others(self) -> list[int]:
        return [i for i in self.ids if i != self.survivor()]

    def chosen(self) -> dict[str, object]:
        return {field: box.currentData() for field, box in self.fields.items()}
