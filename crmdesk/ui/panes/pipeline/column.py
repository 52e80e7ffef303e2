"""A column of the board: a header (name, count, total, weighted total, fold) over the card list."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services.pipeline import Stage, Totals
from crmdesk.ui import labels
from crmdesk.ui.panes.pipeline.card_delegate import CardDelegate
from crmdesk.ui.panes.pipeline.stage_model import StageModel, decode

WIDTH = 270
FOLDED_WIDTH = 130


class StageView(QListView):
    """The cards of one column, dragged and dropped as deals."""

    def __init__(self, model: StageModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(CardDelegate(self))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)


class StageColumn(QFrame):
    """``dropped_on_header`` carries the MIME payload of a card dropped on the header (or on a
    folded column): it goes to the end of an open column, or closes the deal."""

    dropped_on_header = Signal(object, object)  # payload, the Stage
    fold_toggled = Signal(int, bool)  # stage id, folded

    def __init__(self, model: StageModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.stage: Stage = model.stage
        self.setObjectName(f"stageColumn{self.stage.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAcceptDrops(True)
        self.title = QLabel(self)
        self.title.setObjectName("stageTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.figures = QLabel(self)
        self.figures.setObjectName("stageFigures")
        self.figures.setWordWrap(True)
        self.fold = QToolButton(self)
        self.fold.setObjectName("foldButton")
        self.fold.setCheckable(True)
        self.fold.setAutoRaise(True)
        self.fold.setVisible(self.stage.closed)
        self.fold.toggled.connect(self._on_fold)
        self.view = StageView(model, self)
        self.view.setObjectName(f"stageView{self.stage.id}")
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.fold)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(head)
        layout.addWidget(self.figures)
        layout.addWidget(self.view, 1)
        self.set_totals(Totals())
        self._on_fold(False)

    def set_totals(self, totals: Totals) -> None:
        self.title.setText(f"{self.stage.name} ({totals.count:,})")
        if self.stage.closed:
            self.figures.setText(labels.money(totals.amount_cents))
            self.figures.setToolTip(self.tr("Total amount"))
        else:
            self.figures.setText(self.tr("%1 · weighted %2").replace("%1", labels.money(totals.amount_cents))
                                 .replace("%2", labels.money(totals.weighted_cents)))
            self.figures.setToolTip(self.tr("Total amount · amount × probability"))

    def set_folded(self, folded: bool) -> None:
        self.fold.setChecked(folded)

    @property
    def folded(self) -> bool:
        return self.fold.isChecked()

    def _on_fold(self, folded: bool) -> None:
        self.view.setVisible(not folded)
        self.setFixedWidth(FOLDED_WIDTH if folded else WIDTH)
        self.fold.setArrowType(Qt.ArrowType.RightArrow if folded else Qt.ArrowType.DownArrow)
        self.fold.setToolTip(self.tr("Show the cards") if folded else self.tr("Fold the column"))
        self.fold_toggled.emit(self.stage.id, folded)

    # Drops on the header, or anywhere on a folded column.
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if decode(event.mimeData()) is not None:
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        payload = decode(event.mimeData())
        if payload is None:
            event.ignore()
            return
        event.ignore()  # like a drop on the list: the board moves the card, the source keeps its row
        self.dropped_on_header.emit(payload, self.stage)
