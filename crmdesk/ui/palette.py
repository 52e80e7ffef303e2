"""The command palette (Ctrl+K): type a few letters, Enter runs the command or opens the customer.

Commands are the window's menu actions (found by walking the menus, so it never misses one),
matched on their words, their menu path and, for Chinese, their pinyin and its initials
(``dc`` finds 导出). Customers come from the archive's own search, at most
:data:`CUSTOMER_LIMIT` of them, read on the worker thread a moment after typing stops.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QPainter
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
)

from crmdesk.domain.pinyin import full_and_initials
from crmdesk.ui.menu_actions import SEPARATOR, menu_actions, shortcut_text

if TYPE_CHECKING:
    from crmdesk.ui.main_window import MainWindow

CUSTOMER_LIMIT = 20
SEARCH_DELAY_MS = 150
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1  # the shortcut of a command, the phone and city of a customer
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
_MOVE_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


@dataclass(frozen=True)
class Entry:
    text: str
    detail: str = ""
    action: QAction | None = None
    customer_id: int | None = None
    keys: str = ""  # what a query is matched against, case-folded


def matches(keys: str, query: str) -> bool:
    """Every word of ``query`` occurs in ``keys`` (case does not matter)."""
    return all(word in keys for word in query.casefold().split())


def at_word_starts(keys: str, query: str) -> bool:
    """Every word of ``query`` begins a word of ``keys``: ``ex`` is Export rather than Next."""
    words = keys.replace(SEPARATOR.strip(), " ").split()
    return all(any(word.startswith(part) for word in words) for part in query.casefold().split())


def command_entries(window: MainWindow, leave_out: QAction | None = None) -> list[Entry]:
    entries = []
    for found in menu_actions(window.menuBar()):
        if found.action is leave_out or not found.action.isEnabled():
            continue
        full, initials = full_and_initials(found.label.replace("…", ""), person=False)
        entries.append(Entry(found.label, shortcut_text(found.action), action=found.action,
                             keys=" ".join((found.label.casefold(), full, initials))))
    return entries


class PaletteModel(QAbstractListModel):
    """The listed entries: matching commands first, then matching customers."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> Entry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._entries) or index.column() != 0:
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{entry.text} — {entry.detail}" if entry.detail else entry.text
        if role == DETAIL_ROLE:
            return entry.detail
        if role == ENTRY_ROLE:
            return entry
        return None


class _DetailDelegate(QStyledItemDelegate):
    """The entry's text on the left, its shortcut (or phone and city) greyed on the right."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        detail = index.data(DETAIL_ROLE) or ""
        if not detail:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)
        margin = opt.fontMetrics.averageCharWidth() * 2
        width = opt.fontMetrics.horizontalAdvance(detail) + margin
        left = QStyleOptionViewItem(option)
        left.rect = option.rect.adjusted(0, 0, -width, 0)
        super().paint(painter, left, index)
        painter.save()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = opt.palette.ColorRole.HighlightedText if selected else opt.palette.ColorRole.PlaceholderText
        painter.setPen(opt.palette.color(role))
        painter.drawText(option.rect.adjusted(0, 0, -margin // 2, 0),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), detail)
        painter.restore()


class CommandPalette(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("commandPalette")
        self.setWindowTitle(self.tr("Command palette"))
        self.window_ = window
        self._commands = command_entries(window, leave_out=window.keyboard.palette)
        self._customers: list[Entry] = []
        self._generation = 0
        self._run_when_found = False

        self.search = QLineEdit(self, objectName="paletteSearch")
        self.search.setPlaceholderText(self.tr("Type a command or a customer's name, pinyin or phone…"))
        self.search.setClearButtonEnabled(True)
        self.model = PaletteModel(self)
        self.list = QListView(self, objectName="paletteList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(_DetailDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the search field
        self.hint = QLabel(self.tr("↑↓ choose · Enter run · Esc close"), self, objectName="paletteHint")
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        unit = self.fontMetrics().averageCharWidth()
        self.resize(unit * 100, self.fontMetrics().height() * 26)

        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._find_customers)
        self.search.textChanged.connect(self._on_text)
        self.search.returnPressed.connect(self.run_current)
        self.search.installEventFilter(self)
        self.list.activated.connect(lambda index: self.run_entry(self.model.entry(index.row())))
        self._show()

    # -- what is listed -------------------------------------------------------------------------
    def _on_text(self, text: str) -> None:
        self._generation += 1  # a search still running is now out of date
        if not text.strip():
            self._timer.stop()
            self._customers = []
        else:
            self._timer.start()
        self._show()

    def _show(self) -> None:
        query = self.search.text()
        found = [entry for entry in self._commands if matches(entry.keys, query)]
        found.sort(key=lambda entry: not at_word_starts(entry.keys, query))  # stable: menu order within
        entries = found + self._customers
        self.model.set_entries(entries)
        if entries:
            self.list.setCurrentIndex(self.model.index(0, 0))

    def _find_customers(self) -> None:
        from crmdesk.domain.filters import CustomerFilter
        from crmdesk.services import lists

        self._timer.stop()
        generation, query, ctx = self._generation, self.search.text().strip(), self.window_.ctx
        label = self.tr("customer")

        def work() -> list[Entry]:
            listing = lists.customers(ctx, CustomerFilter(text=query))
            keys = listing.keys
            rows = listing.page("name", False, 0, CUSTOMER_LIMIT)
            found = []
            for row in rows:
                values = dict(zip(keys, row[1:], strict=False))
                detail = " · ".join(str(v) for v in (label, values.get("phone"), values.get("city")) if v)
                found.append(Entry(str(values.get("name") or ""), detail, customer_id=int(row[0])))
            return found

        def done(found: list[Entry]) -> None:
            if generation != self._generation:
                return  # the text changed meanwhile
            self._customers = found
            self._show()
            if self._run_when_found:
                self._run_when_found = False
                self.run_current()

        self.window_.runner.run(work, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        from crmdesk.ui import labels

        self._run_when_found = False
        self.hint.setText(labels.error_text(exc))

    # -- running ----------------------------------------------------------------------------
    def run_current(self) -> None:
        if self._timer.isActive():  # Enter before the customers were looked up: look now, then run
            self._run_when_found = True
            self._find_customers()
            return
        self.run_entry(self.model.entry(self.list.currentIndex().row()))

    def run_entry(self, entry: Entry | None) -> None:
        if entry is None:
            return
        self.accept()
        if entry.action is not None:
            entry.action.trigger()
        elif entry.customer_id is not None:
            self.window_.show_customer(entry.customer_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.search and event.type() == QEvent.Type.KeyPress and event.key() in _MOVE_KEYS:
            self.list.keyPressEvent(event)  # the arrows move through the list, the caret stays put
            return True
        return super().eventFilter(watched, event)
