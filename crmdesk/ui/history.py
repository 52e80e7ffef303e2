"""A record's change history (and the whole audit trail) as a table that pages in as it
scrolls: when, who, what action, which field, before → after, in the user's language.

Field names are the labels the forms show (translated in the forms' own contexts, with the
keyboard accelerators taken out); values are shown as the forms show them: enum labels,
money, times, names instead of ids.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from crmdesk.domain.clock import from_ms
from crmdesk.services import audit
from crmdesk.storage.audit import AuditRow, Cursor
from crmdesk.ui import labels

CONTEXT = "History"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE = 100
Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[Cursor | None, int], list[AuditRow]]

ACTIONS = {
    "create": QT_TRANSLATE_NOOP("History", "Created"),
    "update": QT_TRANSLATE_NOOP("History", "Edited"),
    "delete": QT_TRANSLATE_NOOP("History", "Deleted"),
    "restore": QT_TRANSLATE_NOOP("History", "Restored"),
    "merge": QT_TRANSLATE_NOOP("History", "Merged"),
    "import": QT_TRANSLATE_NOOP("History", "Imported"),
    "move": QT_TRANSLATE_NOOP("History", "Moved"),
    "won": QT_TRANSLATE_NOOP("History", "Won"),
    "lost": QT_TRANSLATE_NOOP("History", "Lost"),
    "reopen": QT_TRANSLATE_NOOP("History", "Reopened"),
    "undo": QT_TRANSLATE_NOOP("History", "Undone"),
    "tag": QT_TRANSLATE_NOOP("History", "Tagged"),
    "untag": QT_TRANSLATE_NOOP("History", "Untagged"),
    "status": QT_TRANSLATE_NOOP("History", "Status changed"),
    "resolve": QT_TRANSLATE_NOOP("History", "Resolved"),
    "close": QT_TRANSLATE_NOOP("History", "Closed"),
    "rate": QT_TRANSLATE_NOOP("History", "Satisfaction recorded"),
    "retier": QT_TRANSLATE_NOOP("History", "Re-tiered"),
}

KINDS = {
    "customer": QT_TRANSLATE_NOOP("History", "Customer"),
    "opportunity": QT_TRANSLATE_NOOP("History", "Deal"),
    "complaint": QT_TRANSLATE_NOOP("History", "Complaint"),
}

# Fields no form shows, named here.
_OWN = {
    "deleted_at": QT_TRANSLATE_NOOP("History", "In the recycle bin since"),
    "phone_e164": QT_TRANSLATE_NOOP("History", "Phone (international)"),
    "stage": QT_TRANSLATE_NOOP("History", "Stage"),
    "status": QT_TRANSLATE_NOOP("History", "Status"),
    "due_at": QT_TRANSLATE_NOOP("History", "Deadline"),
    "closed_at": QT_TRANSLATE_NOOP("History", "Closed at"),
    "merged": QT_TRANSLATE_NOOP("History", "Merged in"),
    "merged_into": QT_TRANSLATE_NOOP("History", "Merged into"),
    "tag": QT_TRANSLATE_NOOP("History", "Tag"),
}

_CUSTOMER = {
    "name": "Name", "kind": "Kind", "company": "Company", "title": "Job title", "phone": "&Phone",
    "email": "&E-mail", "city": "City", "address": "Address", "source": "Source", "category": "Category",
    "tier": "Value tier", "stage": "Lifecycle stage", "owner": "Owner", "owner_id": "Owner", "birthday_calendar": "Birthday",
    "birth_leap_month": "leap month", "tags": "&Tags", "notes": "Notes", "custom_fields": "Custom fields",
    "contacts": "Contacts",
}
_BIRTH = {"birth_year": " (year)", "birth_month": " (month)", "birth_day": " (day)"}
_DEAL = {
    "customer": ("DealDialog", "Customer"), "title": ("DealDialog", "Title"), "amount_cents": ("DealDialog", "Amount"),
    "probability": ("DealDialog", "Probability"), "expected_close": ("DealDialog", "Expected close"),
    "owner": ("DealDialog", "Owner"), "priority": ("DealDialog", "Priority"), "next_step": ("DealDialog", "Next step"),
    "next_step_due": ("DealDialog", "Next step due"), "lost_reason": ("LostDialog", "Reason"),
    "order_cents": ("WonDialog", "Order amount"),
}
_COMPLAINT = {
    "customer": ("ComplaintDialog", "Customer"), "received_at": ("ComplaintDialog", "Received"),
    "channel": ("ComplaintDialog", "Channel"), "category": ("ComplaintDialog", "Category"),
    "severity": ("ComplaintDialog", "Severity"), "description": ("ComplaintDialog", "What happened"),
    "assignee": ("ComplaintDialog", "Assigned to"), "resolution": ("ResolveDialog", "What was done"),
    "root_cause": ("ResolveDialog", "Root cause"), "compensation_cents": ("ResolveDialog", "Compensation"),
    "resolved_at": ("ResolveDialog", "Resolved at"), "satisfaction": ("RateDialog", "Score (1–5)"),
    "satisfaction_comment": ("RateDialog", "Comment"),
}

MONEY = {"amount_cents", "order_cents", "compensation_cents", "order_total_cents"}
MOMENTS = {"received_at", "resolved_at", "closed_at", "due_at", "deleted_at", "stage_entered_at", "created_at"}
_ACCELERATOR = re.compile(r"\s*\(&.\)|&|\s*\*$")


def _tr(context: str, text: str) -> str:
    return _ACCELERATOR.sub("", QCoreApplication.translate(context, text)).strip()


def action_label(action: str) -> str:
    text = ACTIONS.get(action)
    return QCoreApplication.translate(CONTEXT, text) if text else action


def kind_label(table: str) -> str:
    text = KINDS.get(table)
    return QCoreApplication.translate(CONTEXT, text) if text else table


def field_label(table: str, key: str) -> str:
    """A field's name as the record's form calls it."""
    if table == "customer":
        if key in _BIRTH:
            return _tr("CustomerDialog", "Birthday") + _tr("CustomerDialog", _BIRTH[key])
        if key in _CUSTOMER:
            return _tr("CustomerDialog", _CUSTOMER[key])
    elif table == "opportunity" and key in _DEAL:
        return _tr(*_DEAL[key])
    elif table == "complaint" and key in _COMPLAINT:
        return _tr(*_COMPLAINT[key])
    if key in _OWN:
        return QCoreApplication.translate(CONTEXT, _OWN[key])
    return key


def value_text(table: str, key: str, value: Any, names: dict[tuple[str, int], str]) -> str:
    """A stored value as the forms show it."""
    if value is None or value == "" or value == []:
        return "—"
    kind = audit.REFERENCES.get(key)
    if kind and isinstance(value, int) and not isinstance(value, bool) and not (
            kind == "category" and table != "complaint"):
        return names.get((kind, value), f"#{value}")
    if isinstance(value, bool) or (key == "birth_leap_month" and value in (0, 1)):
        return QCoreApplication.translate("History", "Yes") if value else QCoreApplication.translate("History", "No")
    if key in MONEY and isinstance(value, (int, float)):
        return labels.money(int(value))
    if key in MOMENTS and isinstance(value, (int, float)):
        return labels.timestamp_minutes(int(value))
    if isinstance(value, list):
        return QCoreApplication.translate("History", ", ").join(str(v) for v in value)
    if key == "channel":
        return labels.channel(str(value))
    if table == "complaint" and key == "status":
        return labels.complaint_status(str(value))
    if key == "priority" and isinstance(value, int):
        from crmdesk.ui.panes.pipeline.dialogs import PRIORITY_NAMES

        return QCoreApplication.translate("DealDialog", PRIORITY_NAMES[value]) if 0 <= value < len(PRIORITY_NAMES) \
            else str(value)
    if key == "probability":
        return f"{value} %"
    if key == "birthday_calendar":
        return _tr("CustomerDialog", {"solar": "Solar", "lunar": "Lunar"}.get(str(value), str(value)))
    if isinstance(value, str):
        text = labels.label(value) if labels.label_source(value) else value
        return text.replace("\n", " ")
    return str(value)


def _short_time(ms: int) -> str:
    """A moment without its year when it is this year's (the narrow panel's first column)."""
    moment = from_ms(ms)
    return moment.strftime("%m-%d %H:%M") if moment.year == dt.date.today().year else moment.strftime("%Y-%m-%d")


@dataclass(frozen=True)
class Line:
    """One row of the table: one field of one entry (an entry without fields has one row)."""

    entry: AuditRow
    key: str | None


WHEN, WHO, ACTION, RECORD, FIELD, BEFORE, AFTER, DONE, CHANGE = range(9)
HEADERS = {
    WHEN: QT_TRANSLATE_NOOP("History", "When"), WHO: QT_TRANSLATE_NOOP("History", "Who"),
    ACTION: QT_TRANSLATE_NOOP("History", "Action"), RECORD: QT_TRANSLATE_NOOP("History", "Record"),
    FIELD: QT_TRANSLATE_NOOP("History", "Field"), BEFORE: QT_TRANSLATE_NOOP("History", "Before"),
    AFTER: QT_TRANSLATE_NOOP("History", "After"),
    DONE: QT_TRANSLATE_NOOP("History", "Who · what"), CHANGE: QT_TRANSLATE_NOOP("History", "Change"),
}


class HistoryModel(QAbstractTableModel):
    """Audit entries newest first, one row per changed field, paged by keyset as the view
    scrolls. ``with_record`` adds a column naming the record (for the whole trail);
    ``compact`` folds who and action, and before and after, into one column each (for the
    narrow panel beside the customer list)."""

    def __init__(self, parent: Any = None, with_record: bool = False, compact: bool = False) -> None:
        super().__init__(parent)
        self._compact = compact
        if compact:
            self._columns = [WHEN, DONE, CHANGE]
        else:
            self._columns = [WHEN, WHO, ACTION, *([RECORD] if with_record else []), FIELD, BEFORE, AFTER]
        self._lines: list[Line] = []
        self._names: dict[tuple[str, int], str] = {}
        self._fetch: Fetch | None = None
        self._cursor: Cursor | None = None
        self._done = True

    def set_source(self, fetch: Fetch | None) -> None:
        """Show what ``fetch(after, limit)`` returns, a page at a time (None: nothing). The
        first page is read before the reset, so that a view asking for more while the reset
        is announced finds the model already whole."""
        self._fetch, self._cursor, self._done = fetch, None, fetch is None
        self._names = {}
        lines = self._next_page()
        self.beginResetModel()
        self._lines = lines
        self.endResetModel()

    def _next_page(self) -> list[Line]:
        if self._done or self._fetch is None:
            return []
        page = self._fetch(self._cursor, PAGE)
        if len(page) < PAGE:
            self._done = True
        if not page:
            return []
        self._cursor = (page[-1].at, page[-1].id)
        self._names.update(audit.names_for(page))
        return [Line(row, key) for row in page for key in (list(row.changes) or [None])]

    def reload(self) -> None:
        self.set_source(self._fetch)

    def columns(self) -> list[int]:
        return list(self._columns)

    def entry_count(self) -> int:
        return len({line.entry.id for line in self._lines})

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._done

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if not self.canFetchMore(parent):
            return
        lines = self._next_page()
        if lines:
            first = len(self._lines)
            self.beginInsertRows(QModelIndex(), first, first + len(lines) - 1)
            self._lines += lines
            self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._columns):
            return QCoreApplication.translate(CONTEXT, HEADERS[self._columns[section]])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines) \
                or not 0 <= index.column() < len(self._columns):
            return None
        line = self._lines[index.row()]
        if role == ID_ROLE:
            return line.entry.id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            if self._compact:  # the narrow panel cuts long values: the tip has the whole entry line
                return "\n".join(self._text(line, c) for c in (WHEN, WHO, ACTION, FIELD, BEFORE, AFTER))
            return self._text(line, column) or None
        if column == WHEN and self._compact:
            return _short_time(line.entry.at)
        return self._text(line, column)

    def _text(self, line: Line, column: int) -> str:
        entry = line.entry
        if column == WHEN:
            return labels.timestamp_minutes(entry.at)
        if column == WHO:
            return entry.user or QCoreApplication.translate("History", "(nobody signed in)")
        if column == ACTION:
            return action_label(entry.action)
        if column == DONE:
            return f"{self._text(line, WHO)} · {self._text(line, ACTION)}"
        if column == RECORD:
            return f"{kind_label(entry.table_name)} · {entry.record}" if entry.record else kind_label(entry.table_name)
        if line.key is None:
            return ""
        if column == FIELD:
            return field_label(entry.table_name, line.key)
        if column == CHANGE:
            change = f"{self._text(line, BEFORE)} → {self._text(line, AFTER)}"
            return QCoreApplication.translate("History", "%1: %2").replace("%1", self._text(line, FIELD)).replace(
                "%2", change)
        pair = entry.changes.get(line.key)
        pair = pair if isinstance(pair, list) and len(pair) == 2 else [None, pair]
        value = pair[0] if column == BEFORE else pair[1]
        return value_text(entry.table_name, line.key, value, self._names)


def make_table(model: HistoryModel, parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent, objectName=name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    metrics = view.fontMetrics()
    view.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
    width = metrics.averageCharWidth()
    compact = CHANGE in model.columns()
    samples = {WHEN: "0000-00-00 00:" if compact else "0000-00-00 00:00", WHO: "M" * 5, ACTION: "M" * 7, RECORD: "M" * 14, FIELD: "M" * 9,
               BEFORE: "M" * 10, DONE: "M" * 10}
    actions = max(metrics.horizontalAdvance(action_label(a)) for a in ACTIONS)
    for column, key in enumerate(model.columns()[:-1]):  # the last one stretches
        need = actions if key == ACTION else metrics.horizontalAdvance(samples.get(key, "M" * 8))
        view.setColumnWidth(column, max(need, 6 * width) + 16)
    return view


class HistoryView(QWidget):
    """One record's history: call :meth:`show_record` with its table and uid."""

    def __init__(self, parent: QWidget | None = None, name: str = "historyView", compact: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.model = HistoryModel(self, compact=compact)
        self.table = make_table(self.model, self, name + "Table")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self._record: tuple[str, str] | None = None

    def show_record(self, table: str | None, uid: str | None) -> None:
        self._record = (table, uid) if table and uid else None
        if self._record is None:
            self.model.set_source(None)
            return
        kind, key = self._record
        self.model.set_source(lambda after, limit: audit.history(kind, key, after, limit))

    def refresh(self) -> None:
        self.model.reload()
