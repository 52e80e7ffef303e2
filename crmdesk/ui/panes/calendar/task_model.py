"""The care tasks of a date range as a table, a page at a time (keyset paging by due day)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from crmdesk.services.care import Task
from crmdesk.ui import labels
from crmdesk.ui.paged_model import ID_ROLE
from crmdesk.ui.panes.calendar.task_text import KIND_COLOURS, task_text

PAGE = 200
OVERDUE = QColor("#b00020")
TASK_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex

HEADERS = (
    QT_TRANSLATE_NOOP("TaskModel", "Due"),
    QT_TRANSLATE_NOOP("TaskModel", "Kind"),
    QT_TRANSLATE_NOOP("TaskModel", "Task"),
    QT_TRANSLATE_NOOP("TaskModel", "Customer"),
    QT_TRANSLATE_NOOP("TaskModel", "Assigned to"),
)


class TaskModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Task] = []
        self._fetch: Callable[[tuple | None, int], list[Task]] | None = None
        self._more = False

    def reset(self, fetch: Callable[[tuple | None, int], list[Task]], first: list[Task] | None = None) -> None:
        """Show the tasks ``fetch(after, limit)`` pages through; ``first`` may be read already."""
        self.beginResetModel()
        self._fetch = fetch
        page = first if first is not None else fetch(None, PAGE + 1)
        self._more = len(page) > PAGE
        self._rows = page[:PAGE]
        self.endResetModel()

    def task_at(self, row: int) -> Task | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, task_id: int) -> int:
        return next((i for i, t in enumerate(self._rows) if t.id == task_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            return QCoreApplication.translate("TaskModel", HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        task = self.task_at(index.row()) if index.isValid() else None
        if task is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return f"{labels.date_text(task.due_on)} {task.due_time or ''}".strip()
            if column == 1:
                return labels.label(task.kind)
            if column == 2:
                return task_text(task.kind, task.title, task.due_on) + (" ↻" if task.recurrence else "")
            if column == 3:
                return task.customer
            return task.assignee
        if role == Qt.ItemDataRole.ForegroundRole:
            if task.overdue:
                return OVERDUE
            if index.column() == 1:
                return KIND_COLOURS.get(task.kind)
        if role == ID_ROLE:
            return task.id
        if role == TASK_ROLE:
            return task
        if role == Qt.ItemDataRole.ToolTipRole and task.notes:
            return task.notes
        return None

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if parent.isValid() or not self._more or self._fetch is None or not self._rows:
            return
        last = self._rows[-1]
        page = self._fetch((last.due_on, last.id), PAGE + 1)
        self._more = len(page) > PAGE
        page = page[:PAGE]
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
