"""One pipeline column as a list model: its cards a page at a time, dragged as MIME data.

A drop does not move rows itself: it asks the board (``drop_requested``) to run the move as
one saved operation; the board then places the card and redraws from the change notice.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from crmdesk.services.pipeline import Card, Stage
from crmdesk.ui import labels
from crmdesk.ui.paged_model import ID_ROLE

MIME_TYPE = "application/x-crmdesk-deal"
CARD_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE = 100

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Drop:
    """A card dropped on a column: below the card ``after_id`` (None: on top)."""

    deal_id: int
    stamp: int
    from_stage: int
    to_stage: int
    after_id: int | None
    row: int


def encode(card: Card) -> QMimeData:
    data = QMimeData()
    payload = {"id": card.id, "stamp": card.stamp, "stage": card.stage_id, "title": card.title}
    data.setData(MIME_TYPE, QByteArray(json.dumps(payload).encode()))
    data.setText(card.title)
    return data


def decode(data: QMimeData) -> dict[str, Any] | None:
    if not data.hasFormat(MIME_TYPE):
        return None
    try:
        payload = json.loads(bytes(data.data(MIME_TYPE).data()).decode())
        return {k: int(payload[k]) for k in ("id", "stamp", "stage")}
    except (ValueError, KeyError, TypeError):
        return None


class StageModel(QAbstractListModel):
    drop_requested = Signal(object)  # a Drop

    def __init__(self, stage: Stage, fetch: Callable[[tuple | None, int], list[Card]], parent: Any = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self._fetch = fetch
        self._cards: list[Card] = []
        self._more = False

    # -- contents ---------------------------------------------------------------------------
    def reset(self, cards: Sequence[Card], more: bool) -> None:
        self.beginResetModel()
        self._cards = list(cards)
        self._more = more
        self.endResetModel()

    def cards(self) -> list[Card]:
        return list(self._cards)

    def card_at(self, row: int) -> Card | None:
        return self._cards[row] if 0 <= row < len(self._cards) else None

    def row_of(self, deal_id: int) -> int:
        return next((i for i, c in enumerate(self._cards) if c.id == deal_id), -1)

    def take(self, deal_id: int) -> Card | None:
        row = self.row_of(deal_id)
        if row < 0:
            return None
        self.beginRemoveRows(QModelIndex(), row, row)
        card = self._cards.pop(row)
        self.endRemoveRows()
        return card

    def insert_at(self, row: int, card: Card) -> None:
        row = max(0, min(row, len(self._cards)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._cards.insert(row, card)
        self.endInsertRows()

    def replace_at(self, row: int, card: Card) -> None:
        self._cards[row] = card
        self.dataChanged.emit(self.index(row), self.index(row))

    def place(self, card: Card) -> bool:
        """Put a fresh card where its sort key says, if that is within the loaded part."""
        keys = [self._key(c) for c in self._cards]
        key = self._key(card)
        row = bisect.bisect_left(keys, key)
        if row == len(keys) and self._more:
            return False  # it belongs further down, among the cards not loaded yet
        self.insert_at(row, card)
        return True

    def _key(self, card: Card) -> tuple:
        if self.stage.closed:  # newest first
            return (-(card.closed_at or 0), -card.id)
        return (card.position, card.id)

    # -- Qt model ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        card = self.card_at(index.row()) if index.isValid() else None
        if card is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return card.title
        if role == CARD_ROLE:
            return card
        if role == ID_ROLE:
            return card.id
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [card.title, card.customer, labels.money(card.amount_cents)]
            if card.next_step:
                parts.append(card.next_step)
            return "\n".join(p for p in parts if p)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{card.title}, {card.customer}, {labels.money(card.amount_cents)}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled  # between cards and on empty space
        if not index.isValid():
            return base
        return base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if parent.isValid() or not self._more:
            return
        after = self._cards[-1].sort_key() if self._cards else None
        page = self._fetch(after, PAGE + 1)
        self._more = len(page) > PAGE
        page = page[:PAGE]
        known = {c.id for c in self._cards}
        page = [c for c in page if c.id not in known]
        if page:
            start = len(self._cards)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._cards.extend(page)
            self.endInsertRows()

    # -- drag and drop -----------------------------------------------------------------------
    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        cards = [self.card_at(i.row()) for i in indexes if i.isValid()]
        cards = [c for c in cards if c is not None]
        return encode(cards[0]) if cards else QMimeData()

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                        parent: Index) -> bool:
        return action == Qt.DropAction.MoveAction and decode(data) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                     parent: Index) -> bool:
        payload = decode(data)
        if payload is None or action != Qt.DropAction.MoveAction:
            return False
        if parent.isValid():  # dropped onto a card: go right below it
            row = parent.row() + 1
        if row < 0:
            row = len(self._cards)
        self.drop_requested.emit(self.drop_for(payload, row))
        return False  # the board moves the card itself; the view must not remove the source row

    def drop_for(self, payload: dict[str, int], row: int) -> Drop:
        """Where ``row`` (an insertion point in this column) puts the dragged card."""
        cards = [c for c in self._cards if c.id != payload["id"]]
        if payload["stage"] == self.stage.id:
            moving = self.row_of(payload["id"])
            if 0 <= moving < row:
                row -= 1  # the card itself no longer sits above the insertion point
        row = max(0, min(row, len(cards)))
        after = cards[row - 1].id if row > 0 else None
        return Drop(payload["id"], payload["stamp"], payload["stage"], self.stage.id, after, row)
