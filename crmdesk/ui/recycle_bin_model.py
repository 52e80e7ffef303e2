"""The recycle bin's table: binned items newest first, read a page at a time as the view
scrolls (``canFetchMore``/``fetchMore`` over the bin's keyset), never all at once.

Pages are read on the database worker: ``fetchMore`` queues the read and returns; the rows
are appended when they arrive (unless the list started over meanwhile), and no second read
is asked for while one is on its way."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from crmdesk.services import recycle_bin
from crmdesk.services.recycle_bin import KINDS, BinRow, Item
from crmdesk.ui import labels
from crmdesk.ui.paged_model import ID_ROLE
from crmdesk.ui.tasks import TaskRunner

CONTEXT = "RecycleBin"
ITEM_ROLE = ID_ROLE + 1  # (kind, id) of the row
KIND, NAME, CUSTOMER, DELETED_AT, DELETED_BY = range(5)
HEADERS = [QT_TRANSLATE_NOOP("RecycleBin", "Kind"), QT_TRANSLATE_NOOP("RecycleBin", "Name"),
           QT_TRANSLATE_NOOP("RecycleBin", "Customer"), QT_TRANSLATE_NOOP("RecycleBin", "Deleted at"),
           QT_TRANSLATE_NOOP("RecycleBin", "Deleted by")]
KIND_NAMES = {
    recycle_bin.CUSTOMER: QT_TRANSLATE_NOOP("RecycleBin", "Customer"),
    recycle_bin.DEAL: QT_TRANSLATE_NOOP("RecycleBin", "Deal"),
    recycle_bin.TASK: QT_TRANSLATE_NOOP("RecycleBin", "Care task"),
    recycle_bin.COMPLAINT: QT_TRANSLATE_NOOP("RecycleBin", "Complaint"),
}

Index = QModelIndex | QPersistentModelIndex


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, "", n)


class BinModel(QAbstractTableModel):
    """Rows of :class:`~crmdesk.services.recycle_bin.BinRow`; ``total`` is how many the bin
    holds for the current search and kinds, of which the first pages are loaded."""

    fetch_did_fail = Signal(object)  # the exception of a page read

    def __init__(self, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._rows: list[BinRow] = []
        self.total = 0
        self.text = ""
        self.kinds: tuple[str, ...] = KINDS
        self._generation = 0  # bumped by show(): a page read for an older list is dropped
        self.fetching = False

    def show(self, rows: list[BinRow], total: int, text: str, kinds: Sequence[str]) -> None:
        """Start over with a first page read elsewhere (on the worker)."""
        self.beginResetModel()
        self._generation += 1
        self.fetching = False
        self._rows, self.total, self.text, self.kinds = list(rows), max(total, len(rows)), text, tuple(kinds)
        self.endResetModel()

    def item(self, row: int) -> Item:
        found = self._rows[row]
        return (found.kind, found.id)

    def row_at(self, row: int) -> BinRow:
        return self._rows[row]

    # -- Qt interface -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self.fetching and len(self._rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        after = self._rows[-1].key if self._rows else None
        text, kinds, generation = self.text, self.kinds, self._generation
        self.fetching = True
        self._runner.run(lambda: recycle_bin.page(after, recycle_bin.PAGE, text, kinds),  # one index seek
                         lambda more: self._append(generation, more),
                         lambda exc: self._fetch_failed(generation, exc))

    def _append(self, generation: int, more: list[BinRow]) -> None:
        if generation != self._generation:
            return  # the list started over while this page was read
        self.fetching = False
        if not more:
            self.total = len(self._rows)  # the bin shrank meanwhile: nothing more to ask for
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows += more
        self.endInsertRows()

    def _fetch_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.fetching = False
        self.total = len(self._rows)  # stop asking; the next reload starts over
        self.fetch_did_fail.emit(exc)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == KIND:
                return tr(KIND_NAMES[row.kind])
            if column == NAME:
                return row.name.splitlines()[0] if row.name else ""
            if column == CUSTOMER:
                return row.customer
            if column == DELETED_AT:
                return labels.timestamp_minutes(row.deleted_at)
            return row.deleted_by
        if role == Qt.ItemDataRole.ToolTipRole and column == CUSTOMER and row.customer_binned:
            return QCoreApplication.translate(
                "RecycleBin", "This customer is in the recycle bin too; restore them first, or both together.")
        if role == Qt.ItemDataRole.ForegroundRole and column == CUSTOMER and row.customer_binned:
            return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == ID_ROLE:
            return row.id
        if role == ITEM_ROLE:
            return (row.kind, row.id)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return tr(HEADERS[section]) if 0 <= section < len(HEADERS) else None
        return section + 1
