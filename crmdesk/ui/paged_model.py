"""A table model over a :class:`~crmdesk.storage.listing.Listing` that never loads every row.

It knows the row count, fetches rows a page at a time as the view asks for them (keeping a
bounded number of pages), sorts in SQL, and answers :data:`ID_ROLE` with the record id so
views can remember selections by id.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from crmdesk.storage.listing import Listing

ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_SIZE = 200
MAX_PAGES = 64

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # marked with QT_TRANSLATE_NOOP in the pane's context
    format: Callable[[Any], str] = lambda v: "" if v is None else str(v)
    align_right: bool = False
    display_key: str | None = None  # show another listing value than the one sorted by
    width: int = 8  # initial width, in average character widths (CJK characters are ~2)


class PagedTableModel(QAbstractTableModel):
    def __init__(
        self, context: str, columns: list[Column], default_sort: str, parent: Any = None, descending: bool = False
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._columns = columns
        self._listing: Listing | None = None
        self._count = 0
        self._pages: OrderedDict[int, list[tuple]] = OrderedDict()
        self._sort_key = default_sort
        self._descending = descending
        self._positions: dict[str, int] = {}
        # The text colour of a whole row from its values (e.g. overdue complaints in red).
        self.row_color: Callable[[Callable[[str], Any]], QColor | None] | None = None

    # -- data source ------------------------------------------------------------------------
    def set_listing(self, listing: Listing, count: int | None = None, first_page: list[tuple] | None = None) -> None:
        """Show ``listing``; ``count`` and ``first_page`` may come ready-made (read off the
        GUI thread) for the current sort."""
        self._listing = listing
        self._positions = {key: i + 1 for i, key in enumerate(listing.keys)}
        self.reload(count, first_page)

    def reload(self, count: int | None = None, first_page: list[tuple] | None = None) -> None:
        """Recount and forget every cached page (after a change or a new sort)."""
        self.beginResetModel()
        self._pages.clear()
        if count is None:
            count = self._listing.count() if self._listing is not None else 0
        self._count = count
        if first_page is not None:
            self._pages[0] = first_page
        self.endResetModel()

    def _row(self, row: int) -> tuple | None:
        if self._listing is None or not 0 <= row < self._count:
            return None
        number = row // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            page = self._fetch(number * PAGE_SIZE)
            self._pages[number] = page
            if len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        offset = row % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def _fetch(self, start: int) -> list[tuple]:
        """Rows ``start`` … ``start + PAGE_SIZE``; in the back half of the list they are read
        from the other end (the reverse order, reversed), so no page skips more than half the
        rows: the last page of a million costs what the first does."""
        assert self._listing is not None
        size = min(PAGE_SIZE, self._count - start)
        if start + size <= self._count // 2 or size <= 0:
            return self._listing.page(self._sort_key, self._descending, start, PAGE_SIZE)
        from_end = self._count - start - size
        rows = self._listing.page(self._sort_key, not self._descending, from_end, size)
        return rows[::-1]

    @property
    def sort_state(self) -> tuple[str, bool]:
        """(sort key, descending)."""
        return self._sort_key, self._descending

    def repaint_all(self) -> None:
        """Tell views every cell may read differently (values that depend on the time)."""
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(self._columns) - 1))

    def id_at(self, row: int) -> int | None:
        record = self._row(row)
        return None if record is None else int(record[0])

    def value(self, row: int, key: str) -> Any:
        record = self._row(row)
        return None if record is None else record[self._positions[key]]

    # -- Qt interface -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            record = self._row(index.row())
            if record is None:
                return None
            return column.format(record[self._positions[column.display_key or column.key]])
        if role == ID_ROLE:
            return self.id_at(index.row())
        if role == Qt.ItemDataRole.ForegroundRole and self.row_color is not None:
            record = self._row(index.row())
            if record is None:
                return None
            return self.row_color(lambda key: record[self._positions[key]])
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._columns):
                return QCoreApplication.translate(self._context, self._columns[section].header)
            return None
        return section + 1

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self._sort_key = self._columns[column].key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
