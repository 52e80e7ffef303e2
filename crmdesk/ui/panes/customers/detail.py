"""The panel beside the archive table: the chosen customer's key facts and timeline."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QTabWidget, QVBoxLayout, QWidget

from crmdesk.domain.metrics import Metrics, Reason
from crmdesk.services.customers import CustomerSummary
from crmdesk.ui import labels
from crmdesk.ui.history import HistoryView
from crmdesk.ui.panes.customers.timeline_model import TimelineModel


def reason_text(reason: Reason) -> str:
    return QCoreApplication.translate("metrics", reason.template).format(**reason.params)


class CustomerDetail(QWidget):
    edit_requested = Signal()
    log_requested = Signal()
    complaint_requested = Signal()
    accept_requested = Signal(str)  # "tier" or "stage"
    print_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerDetail")
        self.name = QLabel(self, objectName="detailName")
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setWordWrap(True)
        self.facts = QLabel(self, objectName="detailFacts")
        self.facts.setWordWrap(True)
        self.metrics = QLabel(self, objectName="detailMetrics")
        self.metrics.setWordWrap(True)
        self.suggestions: dict[str, tuple[QLabel, QPushButton]] = {}
        suggestion_rows = QVBoxLayout()
        for field in ("tier", "stage"):
            label = QLabel(self, objectName=f"suggested_{field}")
            label.setWordWrap(True)
            button = QPushButton(self, objectName=f"accept_{field}")
            button.clicked.connect(lambda _=False, f=field: self.accept_requested.emit(f))
            row = QHBoxLayout()
            row.addWidget(label, 1)
            row.addWidget(button)
            suggestion_rows.addLayout(row)
            self.suggestions[field] = (label, button)
        self.edit_button = QPushButton(self, objectName="editCustomer")
        self.log_button = QPushButton(self, objectName="logContact")
        self.edit_button.clicked.connect(self.edit_requested)
        self.log_button.clicked.connect(self.log_requested)
        self.complaint_button = QPushButton(self, objectName="logComplaint")
        self.complaint_button.clicked.connect(self.complaint_requested)
        self.print_button = QPushButton(self, objectName="printDossier")
        self.print_button.clicked.connect(self.print_requested)
        self.timeline_label = QLabel(self)
        self.timeline = TimelineModel(self)
        self.timeline_view = QListView(self, objectName="timelineView")
        self.timeline_view.setModel(self.timeline)
        self.timeline_view.setWordWrap(True)
        self.timeline_view.setUniformItemSizes(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.log_button)
        buttons.addWidget(self.complaint_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.name)
        layout.addWidget(self.facts)
        layout.addWidget(self.metrics)
        layout.addLayout(suggestion_rows)
        layout.addLayout(buttons)
        # The timeline (what happened with the customer) and the history (who changed the
        # record, field by field) side by side as tabs.
        self.tabs = QTabWidget(self, objectName="customerTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.timeline_view, "")
        self.history = HistoryView(self, "customerHistory", compact=True)
        self.tabs.addTab(self.history, "")
        self.tabs.currentChanged.connect(self._on_tab)
        self.timeline_label.hide()  # the tab names it
        self._uid: str | None = None
        layout.addWidget(self.tabs, 1)
        self.retranslate()
        self.show_customer(None)

    def retranslate(self) -> None:
        self.edit_button.setText(self.tr("&Edit…"))
        self.log_button.setText(self.tr("&Log contact…"))
        self.complaint_button.setText(self.tr("Complaint…"))
        self.print_button.setText(self.tr("&Print dossier…"))
        self.timeline_label.setText(self.tr("Timeline"))
        self.tabs.setTabText(0, self.tr("Timeline"))
        self.tabs.setTabText(1, self.tr("History"))
        for _label, button in self.suggestions.values():
            button.setText(self.tr("Use"))

    def show_customer(self, summary: CustomerSummary | None, found: Metrics | None = None) -> None:
        enabled = summary is not None
        self._show_metrics(summary, found)
        for w in (self.edit_button, self.log_button, self.complaint_button, self.print_button, self.timeline_view):
            w.setEnabled(enabled)
        if summary is None:
            self.name.setText(self.tr("No customer selected"))
            self.facts.setText("")
            self.timeline.set_customer(None)
            self._uid = None
            self.history.show_record(None, None)
            return
        self.name.setText(summary.name)
        never = self.tr("never")
        lines = [
            f"{labels.label(summary.category)} · {labels.label(summary.tier)} · {labels.label(summary.stage)}",
            self.tr("Phone: %1").replace("%1", summary.phone or "—"),
            self.tr("Owner: %1").replace("%1", summary.owner or "—"),
            self.tr("Orders: %1, total %2").replace("%1", str(summary.order_count)).replace(
                "%2", labels.money(summary.order_total_cents)),
            self.tr("Last contact: %1").replace("%1", labels.timestamp_date(summary.last_contact_at) or never),
        ]
        if summary.tags:
            lines.append(self.tr("Tags: %1").replace("%1", "，".join(summary.tags)))
        self.facts.setText("\n".join(lines))
        self.timeline.set_customer(summary.id)
        self._uid = summary.uid
        if self.tabs.currentIndex() == 1:
            self.history.show_record("customer", self._uid)
        else:
            self.history.show_record(None, None)  # read when the tab is opened

    def _on_tab(self, index: int) -> None:
        if index == 1:
            self.history.show_record("customer" if self._uid else None, self._uid)

    def _show_metrics(self, summary: CustomerSummary | None, found: Metrics | None) -> None:
        for label, button in self.suggestions.values():
            label.hide()
            button.hide()
        if summary is None or found is None:
            self.metrics.setText("")
            return
        self.metrics.setText(self.tr("R %1 · F %2 · M %3 — lifetime value %4").replace("%1", str(found.recency))
                             .replace("%2", str(found.frequency)).replace("%3", str(found.monetary))
                             .replace("%4", labels.money(found.lifetime_value_cents)))
        self.metrics.setToolTip(self.tr("Recency, frequency and monetary value, each scored 1–5 (0: no orders).\n"
                                        "Lifetime value: everything the customer has bought so far."))
        for field, current, suggested, reason in (
            ("tier", summary.tier, found.suggested_tier, found.tier_reason),
            ("stage", summary.stage, found.suggested_stage, found.stage_reason),
        ):
            if suggested != current:
                label, button = self.suggestions[field]
                label.setText(self.tr("Suggested: %1 (%2)").replace("%1", labels.label(suggested))
                              .replace("%2", reason_text(reason)))
                label.show()
                button.show()
