"""A list model of one customer's timeline that pages in as the view scrolls (fetchMore)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from crmdesk.services import timeline
from crmdesk.storage.timeline import Event
from crmdesk.ui import labels

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
COLOURS = {"interaction": "#1f6feb", "order": "#1a7f37", "deal": "#8250df", "complaint": "#d1242f",
           "reminder": "#bf8700"}


def describe(event: Event) -> str:
    """One line: when, what kind, what."""
    when = labels.timestamp_minutes(event.at_ms) if event.source != "order" else labels.timestamp_date(event.at_ms)
    if event.source == "interaction":
        what = labels.interaction_kind(event.kind)
    elif event.source == "order":
        what = QCoreApplication.translate("Timeline", "Order %1").replace("%1", labels.money(int(event.detail)))
    elif event.source == "deal":
        what = QCoreApplication.translate("Timeline", "Deal → %1").replace("%1", event.detail)
    elif event.source == "complaint":
        what = QCoreApplication.translate("Timeline", "Complaint (%1)").replace("%1", labels.complaint_status(event.kind))
    else:
        what = QCoreApplication.translate("Timeline", "Done: %1").replace("%1", labels.label(event.kind))
    return f"{when}   {what}   {event.title}"


class TimelineModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._events: list[Event] = []
        self._cursor: timeline.TimelineCursor | None = None

    def set_customer(self, customer_id: int | None) -> None:
        self.beginResetModel()
        self._events = []
        self._cursor = timeline.TimelineCursor(customer_id) if customer_id is not None else None
        self.endResetModel()
        if self.canFetchMore():
            self.fetchMore()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._cursor is not None and not self._cursor.exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        page = timeline.next_page(self._cursor)
        if page:
            first = len(self._events)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._events += page
            self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        event = self._events[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return describe(event)
        if role == Qt.ItemDataRole.ToolTipRole:
            return event.detail if event.source == "interaction" and event.detail else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(COLOURS[event.source])
        if role == ID_ROLE:
            return event.record_id
        return None
