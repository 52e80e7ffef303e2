"""Settings of the pipeline: its stages (name, order, default probability, rotting limit) and
the managed list of reasons a deal is lost. Each dialog saves its whole list in one go."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain import pipeline as rule
from crmdesk.domain.enums import StageKind
from crmdesk.domain.errors import CrmError
from crmdesk.services import pipeline
from crmdesk.services.context import Context
from crmdesk.ui import labels

ID_ROLE = Qt.ItemDataRole.UserRole


class _ListEditor(QDialog):
    """A list with Add/Remove/Move buttons beside it, OK/Cancel and an error line below."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.error = QLabel(self)
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.side = QVBoxLayout()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def add_button(self, name: str, text: str, slot: object) -> None:
        button = QPushButton(text, self, objectName=name)
        button.clicked.connect(lambda _=False: slot())
        self.side.addWidget(button)

    def arrange(self, main: QWidget, note: QWidget | None = None) -> None:
        self.side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(main, 1)
        row.addLayout(self.side)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        if note is not None:
            layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def save(self) -> None:  # overridden: raises CrmError on bad input
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.save()
        except CrmError as exc:
            self.error.setText(labels.error_text(exc))
            return
        super().accept()


class StagesDialog(_ListEditor):
    COLUMNS = 4

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stagesDialog")
        self.setWindowTitle(self.tr("Pipeline stages"))
        self.resize(720, 400)
        self.ctx = ctx
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("stagesTable")
        self.table.setHorizontalHeaderLabels([self.tr("Stage"), self.tr("Default probability"),
                                              self.tr("Rots after (days)"), self.tr("Kind")])
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((160, 130, 130)):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.add_button("addStage", self.tr("Add stage"), self.on_add)
        self.add_button("removeStage", self.tr("Remove"), self.on_remove)
        self.add_button("stageUp", self.tr("Move up"), lambda: self.on_move(-1))
        self.add_button("stageDown", self.tr("Move down"), lambda: self.on_move(1))
        hint = QLabel(self.tr("A stage can be removed once no deal is in it. Rotting: a card turns red when its "
                              "customer has had no activity for longer (0: never)."), self)
        hint.setWordWrap(True)
        self.arrange(self.table, hint)
        for stage in pipeline.stages():
            self._append(rule.StageInput(stage.id, stage.name, stage.probability, stage.rotting_days, stage.kind))

    def _append(self, stage: rule.StageInput, row: int | None = None) -> None:
        row = self.table.rowCount() if row is None else row
        self.table.insertRow(row)
        name = QTableWidgetItem(stage.name)
        name.setData(ID_ROLE, stage.id)
        self.table.setItem(row, 0, name)
        probability = QSpinBox(self.table)
        probability.setRange(0, 100)
        probability.setSuffix(" %")
        probability.setValue(stage.probability)
        rotting = QSpinBox(self.table)
        rotting.setRange(0, rule.MAX_ROTTING_DAYS)
        rotting.setSpecialValueText(self.tr("never"))
        rotting.setValue(stage.rotting_days or 0)
        closed = stage.kind != StageKind.OPEN
        probability.setEnabled(not closed)
        rotting.setEnabled(not closed)
        self.table.setCellWidget(row, 1, probability)
        self.table.setCellWidget(row, 2, rotting)
        kind = QTableWidgetItem(labels.label(stage.kind) if closed else self.tr("Open"))
        kind.setData(ID_ROLE, stage.kind)
        kind.setFlags(kind.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, 3, kind)

    def stages(self) -> list[rule.StageInput]:
        out = []
        for row in range(self.table.rowCount()):
            name = self.table.item(row, 0)
            probability = self.table.cellWidget(row, 1).value()
            rotting = self.table.cellWidget(row, 2).value()
            out.append(rule.StageInput(name.data(ID_ROLE), name.text(), probability, rotting or None,
                                       self.table.item(row, 3).data(ID_ROLE)))
        return out

    def on_add(self) -> None:
        kinds = [s.kind for s in self.stages()]
        row = kinds.index(StageKind.WON) if StageKind.WON in kinds else len(kinds)  # before the closing stages
        self._append(rule.StageInput(None, self.tr("New stage"), 50, 14), row)
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def on_remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0 and self.table.item(row, 3).data(ID_ROLE) == StageKind.OPEN:
            self.table.removeRow(row)

    def on_move(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        stages = self.stages()
        stages[row], stages[target] = stages[target], stages[row]
        self.table.setRowCount(0)
        for stage in stages:
            self._append(stage)
        self.table.setCurrentCell(target, 0)

    def save(self) -> None:
        pipeline.save_stages(self.ctx, self.stages())


class LostReasonsDialog(_ListEditor):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lostReasonsDialog")
        self.setWindowTitle(self.tr("Lost reasons"))
        self.ctx = ctx
        self.list = QListWidget(self)
        self.list.setObjectName("lostReasonList")
        self.add_button("addReason", self.tr("Add"), self.on_add)
        self.add_button("removeReason", self.tr("Remove"), self.on_remove)
        self.add_button("reasonUp", self.tr("Move up"), lambda: self.on_move(-1))
        self.add_button("reasonDown", self.tr("Move down"), lambda: self.on_move(1))
        self.arrange(self.list)
        for reason_id, name in pipeline.lost_reasons():
            self._append(reason_id, name)

    def _append(self, reason_id: int | None, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name, self.list)
        item.setData(ID_ROLE, reason_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def reasons(self) -> list[tuple[int | None, str]]:
        return [(self.list.item(i).data(ID_ROLE), self.list.item(i).text()) for i in range(self.list.count())]

    def on_add(self) -> None:
        item = self._append(None, self.tr("New reason"))
        self.list.setCurrentItem(item)
        self.list.editItem(item)

    def on_remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def on_move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def save(self) -> None:
        pipeline.save_lost_reasons(self.ctx, self.reasons())
