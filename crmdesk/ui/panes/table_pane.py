"""The shape shared by panes that show one big paged table: a heading, a count, the table."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QMenu, QTableView, QVBoxLayout, QWidget

from crmdesk.domain.changes import Changes
from crmdesk.storage.listing import Listing
from crmdesk.ui.paged_model import Column, PagedTableModel
from crmdesk.ui.settings import UiSettings


class TablePane(QWidget):
    """Loads its rows the first time it is shown, and again when a relevant change happens."""

    def __init__(
        self,
        *,
        object_name: str,
        table_name: str,
        context: str,
        title: str,
        columns: list[Column],
        default_sort: str,
        descending: bool = False,
        listing: Callable[[], Listing],
        relevant: Callable[[Changes], bool],
        settings: UiSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._context = context
        self._title = title
        self._listing = listing
        self._relevant = relevant
        self._settings = settings
        self._loaded = False
        self.model = PagedTableModel(context, columns, default_sort, self, descending=descending)

        self.heading = QLabel(self)
        self.heading.setObjectName("paneHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("paneCount")
        self.table = QTableView(self)
        self.table.setObjectName(table_name)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setSortIndicator(
            [c.key for c in columns].index(default_sort),
            Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
        )
        state = settings.load_bytes(f"tables/{table_name}")
        if state is None or not header.restoreState(state):
            unit = self.fontMetrics().averageCharWidth()
            for i, column in enumerate(columns):
                header.resizeSection(i, column.width * unit + 16)
        # Dragging a column edge resizes it many times a second: save once the user pauses.
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(500)
        self._save_timer.timeout.connect(self._save_header)
        header.sectionResized.connect(self._save_timer.start)
        header.sectionMoved.connect(self._save_timer.start)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.count_label)
        self.toolbar = top
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate(self._context, self._title))
        self._update_count()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(QCoreApplication.translate("TablePane", "%n record(s)", "", n))

    def _on_header_menu(self, pos: QPoint) -> None:
        """Right-click on the header: show or hide columns (at least one stays)."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for section in range(self.model.columnCount()):
            action = menu.addAction(str(self.model.headerData(section, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(section))
            action.toggled.connect(lambda on, s=section: self.set_column_visible(s, on))
        menu.exec(header.mapToGlobal(pos))

    def set_column_visible(self, section: int, visible: bool) -> None:
        header = self.table.horizontalHeader()
        if not visible and header.count() - header.hiddenSectionCount() <= 1:
            return
        header.setSectionHidden(section, not visible)
        self._save_header()

    def hideEvent(self, event: QHideEvent) -> None:
        if self._save_timer.isActive():
            self._save_timer.stop()
            self._save_header()
        super().hideEvent(event)

    def _save_header(self) -> None:
        self._settings.save_bytes(f"tables/{self.table.objectName()}", self.table.horizontalHeader().saveState())

    def showEvent(self, event: QShowEvent) -> None:
        if not self._loaded:
            self.load()
        super().showEvent(event)

    def load(self) -> None:
        self._loaded = True
        self.model.set_listing(self._listing())
        self._update_count()

    def on_changes_did_happen(self, changes: Changes) -> None:
        if self._loaded and (changes.everything or self._relevant(changes)):
            self.model.reload()
            self._update_count()
