"""Edit → Audit trail…: every recorded change, filtered by user, by date range and by kind of
record, paged by keyset as the table scrolls; and the history of one record in a window
(a deal's "History…").
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.clock import to_ms
from crmdesk.services import audit
from crmdesk.services.context import Context
from crmdesk.storage.audit import TrailFilter
from crmdesk.ui.history import HistoryModel, HistoryView, kind_label, make_table
from crmdesk.ui.panes.pipeline.dialogs import date_of, optional_date_edit

SYSTEM = -1  # the user combo's entry for changes made with nobody signed in


def _day_start(day: dt.date) -> int:
    return to_ms(dt.datetime(day.year, day.month, day.day))


class AuditTrailDialog(QDialog):
    """The whole audit trail, newest first."""

    def __init__(self, parent: QWidget | None = None, ctx: Context | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx  # the trail is refused to who sees only their own customers
        self.setObjectName("auditTrailDialog")
        self.setWindowTitle(self.tr("Audit trail"))
        self.user = QComboBox(self, objectName="auditUser")
        self.user.addItem(self.tr("Anyone"), None)
        self.user.addItem(self.tr("(nobody signed in)"), SYSTEM)
        for user_id, name in audit.users():
            self.user.addItem(name, user_id)
        self.kind = QComboBox(self, objectName="auditKind")
        self.kind.addItem(self.tr("Every kind of record"), "")
        for table in audit.AUDITED:
            self.kind.addItem(kind_label(table), table)
        self.since = optional_date_edit(self, None, self.tr("(any)"))
        self.since.setObjectName("auditSince")
        self.until = optional_date_edit(self, None, self.tr("(any)"))
        self.until.setObjectName("auditUntil")
        filters = QHBoxLayout()
        for text, widget in ((self.tr("Who"), self.user), (self.tr("Record"), self.kind),
                             (self.tr("From"), self.since), (self.tr("To"), self.until)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addStretch(1)
        self.model = HistoryModel(self, with_record=True)
        self.table = make_table(self.model, self, "auditTrailTable")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        for combo in (self.user, self.kind):
            combo.currentIndexChanged.connect(lambda _i: self.apply())
        for edit in (self.since, self.until):
            edit.dateChanged.connect(lambda _d: self.apply())
        self.resize(1000, 560)
        self.apply()

    def current_filter(self) -> TrailFilter:
        user = self.user.currentData()
        since, until = date_of(self.since), date_of(self.until)
        return TrailFilter(
            user_id=user if user not in (None, SYSTEM) else None, system_only=user == SYSTEM,
            since=_day_start(since) if since else None,
            until=_day_start(until + dt.timedelta(days=1)) if until else None,  # the whole last day
            tables=(self.kind.currentData(),) if self.kind.currentData() else ())

    def apply(self) -> None:
        flt = self.current_filter()
        self.model.set_source(lambda after, limit: audit.trail(flt, after, limit, self.ctx))


class RecordHistoryDialog(QDialog):
    """One record's history in its own window (a deal's context menu → History…)."""

    def __init__(self, table: str, uid: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordHistoryDialog")
        self.setWindowTitle(self.tr("History of “%1”").replace("%1", title))
        self.view = HistoryView(self, "recordHistory")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(820, 420)
        self.view.show_record(table, uid)
