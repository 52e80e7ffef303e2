"""The sidebar of saved filters (segments) with live counts."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QListWidget, QListWidgetItem, QMenu, QMessageBox, QWidget

from crmdesk.domain.filters import CustomerFilter
from crmdesk.services.segments import SegmentInfo

FILTER_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class SegmentList(QListWidget):
    """'All customers' first, then each saved segment; picking one applies its filter."""

    segment_chosen = Signal(object)  # CustomerFilter
    rename_requested = Signal(int, str)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("segmentList")
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_menu)
        self.itemClicked.connect(self._on_clicked)
        self._segments: list[SegmentInfo] = []
        self._counts: dict[int, int] = {}

    def set_segments(self, items: list[SegmentInfo]) -> None:
        self._segments = items
        self._counts = {k: v for k, v in self._counts.items() if any(s.id == k for s in items)}
        self._render()

    def set_counts(self, counts: dict[int, int]) -> None:
        self._counts = counts
        self._render()

    def _render(self) -> None:
        self.clear()
        everyone = QListWidgetItem(self.tr("All customers"), self)
        everyone.setData(FILTER_ROLE, CustomerFilter())
        for seg in self._segments:
            count = self._counts.get(seg.id)
            text = seg.name if count is None else f"{seg.name}  ({count:,})"
            item = QListWidgetItem(text, self)
            item.setData(FILTER_ROLE, seg.filter)
            item.setData(ID_ROLE, seg.id)
            item.setToolTip(seg.name)

    def _on_clicked(self, item: QListWidgetItem) -> None:
        self.segment_chosen.emit(item.data(FILTER_ROLE))

    def _on_menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        if item is None or item.data(ID_ROLE) is None:
            return
        segment_id = int(item.data(ID_ROLE))
        name = next(s.name for s in self._segments if s.id == segment_id)
        menu = QMenu(self)
        rename = menu.addAction(self.tr("Rename…"))
        delete = menu.addAction(self.tr("Delete"))
        chosen = menu.exec(self.viewport().mapToGlobal(pos))
        if chosen is rename:
            text, ok = QInputDialog.getText(self, self.tr("Rename segment"), self.tr("Name:"), text=name)
            if ok:
                self.rename_requested.emit(segment_id, text)
        elif chosen is delete:
            answer = QMessageBox.question(self, self.tr("Delete segment"),
                                          self.tr("Delete the segment “%1”? The customers stay.").replace("%1", name))
            if answer == QMessageBox.StandardButton.Yes:
                self.delete_requested.emit(segment_id)

