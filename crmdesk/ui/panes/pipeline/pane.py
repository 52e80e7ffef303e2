"""The sales pipeline board (销售管道): a column of deal cards per stage.

The board loads in the background (totals and each column's first page in one go), pages
further cards in as a column scrolls, and redraws only the cards a change notice names. A
drop moves the card at once and saves the move in the background; if the move is refused
the card goes back and the reason is shown above the board.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.changes import Changes
from crmdesk.domain.clock import today
from crmdesk.domain.enums import StageKind, Tier
from crmdesk.domain.filters import UNASSIGNED, DealFilter
from crmdesk.services import directory, pipeline
from crmdesk.services.context import Context
from crmdesk.ui import labels
from crmdesk.ui.bus import ChangeBus
from crmdesk.ui.panes.pipeline.column import StageColumn
from crmdesk.ui.panes.pipeline.moves import BoardMoves
from crmdesk.ui.panes.pipeline.stage_model import PAGE, StageModel
from crmdesk.ui.settings import UiSettings
from crmdesk.ui.tasks import TaskRunner
from crmdesk.ui.widgets import heading, publish, push_button

ALL = "all"
FOLDED_KEY = "pipeline/folded"
REFRESH_ALL_ABOVE = 500  # a change naming more customers than this reloads the board

CLOSE_PERIODS = (
    ("any", QT_TRANSLATE_NOOP("PipelinePane", "Any close date")),
    ("overdue", QT_TRANSLATE_NOOP("PipelinePane", "Close date passed")),
    ("this_month", QT_TRANSLATE_NOOP("PipelinePane", "Closing this month")),
    ("next_month", QT_TRANSLATE_NOOP("PipelinePane", "Closing next month")),
    ("this_quarter", QT_TRANSLATE_NOOP("PipelinePane", "Closing this quarter")),
    ("next_90", QT_TRANSLATE_NOOP("PipelinePane", "Closing in the next 90 days")),
)


def _month_start(day: dt.date, months: int = 0) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def close_range(period: str, day: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """[from, until) of expected close dates for a period chosen in the filter bar."""
    if period == "overdue":
        return None, day
    if period == "this_month":
        return _month_start(day), _month_start(day, 1)
    if period == "next_month":
        return _month_start(day, 1), _month_start(day, 2)
    if period == "this_quarter":
        first = _month_start(day, -((day.month - 1) % 3))
        return first, _month_start(first, 3)
    if period == "next_90":
        return day, day + dt.timedelta(days=90)
    return None, None


class PipelinePane(BoardMoves, QWidget):
    def __init__(self, ctx: Context, settings: UiSettings, runner: TaskRunner | None = None,
                 bus: ChangeBus | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pipelinePane")
        self.ctx, self.settings = ctx, settings
        self.runner = runner or TaskRunner(synchronous=True)
        self.bus = bus
        self.models: dict[int, StageModel] = {}
        self.columns: dict[int, StageColumn] = {}
        self._filter = DealFilter()
        self._generation = 0
        self._dirty = True
        self._folded: set[int] = set(settings.load_json(FOLDED_KEY, []) or [])
        self._build_toolbar()
        self.notice = QLabel(self)
        self.notice.setObjectName("boardNotice")
        self.notice.setStyleSheet("color: #b00020; font-weight: bold;")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.board = QWidget(self)
        self.board.setObjectName("board")
        self.board_layout = QHBoxLayout(self.board)
        self.board_layout.setContentsMargins(0, 0, 0, 0)
        self.board_layout.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.board)
        layout = QVBoxLayout(self)
        layout.addLayout(self.toolbar)
        layout.addLayout(self.filters)
        layout.addWidget(self.notice)
        layout.addWidget(self.scroll, 1)
        self._build_actions()

    # -- building ---------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        self.title = heading(self, self.tr("Sales pipeline"))
        self.new_button = push_button(self, "newDeal", self.tr("&New deal…"), self.on_new)
        self.analysis_button = push_button(self, "analysis", self.tr("Forecast && conversion…"), self.on_analysis)
        self.stages_button = push_button(self, "stageSettings", self.tr("Stages…"), self.on_stages)
        self.reasons_button = push_button(self, "lostReasons", self.tr("Lost reasons…"), self.on_lost_reasons)
        self.export_button = push_button(self, "exportDeals", self.tr("Export…"), self.on_export)
        self.toolbar = QHBoxLayout()
        self.toolbar.addWidget(self.title)
        self.toolbar.addStretch(1)
        for button in (self.new_button, self.analysis_button, self.stages_button,
                       self.reasons_button, self.export_button):
            self.toolbar.addWidget(button)
        self.search = QLineEdit(self)
        self.search.setObjectName("dealSearch")
        self.search.setPlaceholderText(self.tr("Search deals and customers"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.owner = QComboBox(self)
        self.owner.setObjectName("ownerFilter")
        self.owner.addItem(self.tr("Every owner"), None)
        self.owner.addItem(self.tr("Unassigned"), UNASSIGNED)
        for uid, name in directory.users():
            self.owner.addItem(name, uid)
        self.tier = QComboBox(self)
        self.tier.setObjectName("tierFilter")
        self.tier.addItem(self.tr("Every tier"), None)
        for value in Tier.values():
            self.tier.addItem(labels.label(value), value)
        self.period = QComboBox(self)
        self.period.setObjectName("closeFilter")
        for value, text in CLOSE_PERIODS:
            self.period.addItem(self.tr(text), value)
        for box in (self.owner, self.tier, self.period):
            box.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.filters = QHBoxLayout()
        self.filters.addWidget(self.search, 2)
        for box in (self.owner, self.tier, self.period):
            self.filters.addWidget(box)

    def _build_actions(self) -> None:
        def action(name: str, text: str, keys: QKeySequence | str, slot: Callable[[], None]) -> QAction:
            act = QAction(text, self, objectName=name)
            act.setShortcut(QKeySequence(keys))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(lambda _=False: slot())
            self.addAction(act)
            return act

        self.act_right = action("moveRight", self.tr("Move to the next stage"), "Ctrl+Right", lambda: self.step(1))
        self.act_left = action("moveLeft", self.tr("Move to the previous stage"), "Ctrl+Left", lambda: self.step(-1))
        self.act_up = action("moveUp", self.tr("Move up"), "Ctrl+Up", lambda: self.nudge(-1))
        self.act_down = action("moveDown", self.tr("Move down"), "Ctrl+Down", lambda: self.nudge(1))
        self.act_won = action("markWon", self.tr("Won…"), "Ctrl+Shift+W", lambda: self.close_selected(StageKind.WON))
        self.act_lost = action("markLost", self.tr("Lost…"), "Ctrl+Shift+L",
                               lambda: self.close_selected(StageKind.LOST))
        self.act_edit = action("editDeal", self.tr("Edit…"), "Return", self.on_edit)
        self.act_reopen = action("reopenDeal", self.tr("Reopen"), "Ctrl+Shift+O", self.on_reopen)
        self.act_delete = action("deleteDeal", self.tr("Delete…"), QKeySequence.StandardKey.Delete, self.on_delete)
        self.act_history = action("dealHistory", self.tr("History…"), "Ctrl+Shift+H", self.on_history)

    def _rebuild_columns(self, stages: list[pipeline.Stage]) -> None:
        for column in self.columns.values():
            self.board_layout.removeWidget(column)
            column.deleteLater()
        self.columns.clear()
        self.models.clear()
        for i, stage in enumerate(stages):
            model = StageModel(stage, self._fetcher(stage), self)
            model.drop_requested.connect(self.on_drop)
            column = StageColumn(model, self.board)
            column.set_folded(stage.id in self._folded)
            column.fold_toggled.connect(self._on_fold)
            column.dropped_on_header.connect(self._on_header_drop)
            column.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            column.view.customContextMenuRequested.connect(
                lambda pos, view=column.view: self._menu(view, pos))
            column.view.doubleClicked.connect(lambda _index: self.on_edit())
            self.models[stage.id] = model
            self.columns[stage.id] = column
            self.board_layout.insertWidget(i, column)

    def _fetcher(self, stage: pipeline.Stage) -> Callable[[tuple | None, int], list[pipeline.Card]]:
        return lambda after, limit: pipeline.cards(self.ctx, stage, self._filter, after, limit)

    # -- loading ----------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if self._dirty:
            self.load()

    def load(self) -> None:
        """Reload the whole board in the background."""
        self._dirty = False
        self._generation += 1
        generation, flt = self._generation, self._filter
        self.runner.run(lambda: pipeline.board(self.ctx, flt, PAGE + 1),
                        lambda board: self._loaded(generation, board), self._failed)

    def _loaded(self, generation: int, board: pipeline.Board) -> None:
        if generation != self._generation:
            return  # a newer load is on its way
        if [s for s in board.stages] != [m.stage for m in self.models.values()]:
            self._rebuild_columns(board.stages)
        for stage in board.stages:
            page = board.pages.get(stage.id, [])
            self.models[stage.id].reset(page[:PAGE], len(page) > PAGE)
        self._show_totals(board.totals)

    def _show_totals(self, totals: dict[int, pipeline.Totals]) -> None:
        for stage_id, column in self.columns.items():
            column.set_totals(totals.get(stage_id, pipeline.Totals()))

    def _refresh_totals(self) -> None:
        flt = self._filter
        self.runner.run(lambda: pipeline.column_totals(flt, self.ctx), self._show_totals, self._failed)

    def _apply_filter(self) -> None:
        start, until = close_range(self.period.currentData(), today(self.ctx.clock))
        self._filter = DealFilter(text=self.search.text().strip(), owner_id=self.owner.currentData(),
                                  tier=self.tier.currentData() or "", close_from=start, close_until=until)
        self.load()

    def set_filter(self, flt: DealFilter) -> None:
        self._filter = flt
        self.load()

    def on_changes_did_happen(self, changes: Changes) -> None:
        if not self.isVisible():
            self._dirty = True
            return
        if changes.everything or changes.settings or len(changes.customers) > REFRESH_ALL_ABOVE:
            self.load()
            return
        ids = set(changes.opportunities)
        if changes.customers:
            for model in self.models.values():
                ids |= {c.id for c in model.cards() if c.customer_id in changes.customers}
        if ids:
            self.refresh_cards(ids)

    def refresh_cards(self, ids: set[int]) -> None:
        """Fetch these cards again and put each where it now belongs (or nowhere)."""
        flt, generation = self._filter, self._generation
        self.runner.run(lambda: pipeline.cards_by_ids(self.ctx, list(ids), flt),
                        lambda cards: self._replace(generation, ids, cards), self._failed)
        self._refresh_totals()

    def _replace(self, generation: int, ids: set[int], cards: list[pipeline.Card]) -> None:
        if generation != self._generation:
            return
        selected = self.selected_card()
        for model in self.models.values():
            for deal_id in ids:
                model.take(deal_id)
        for card in cards:
            model = self.models.get(card.stage_id)
            if model is not None:
                model.place(card)
        if selected is not None and selected.id in ids:
            self.select(selected.id)

    def _failed(self, exc: BaseException) -> None:
        self.show_notice(labels.error_text(exc))

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _publish(self, changes: Changes) -> None:
        publish(self.bus, self, changes)

    # -- selection --------------------------------------------------------------------------
    def selected_card(self) -> pipeline.Card | None:
        focus = self.focusWidget()
        for column in self.columns.values():
            if focus is column.view or column.view.hasFocus():
                return self._current(column)
        for column in self.columns.values():
            card = self._current(column)
            if card is not None and column.view.selectionModel().hasSelection():
                return card
        return None

    @staticmethod
    def _current(column: StageColumn) -> pipeline.Card | None:
        index = column.view.currentIndex()
        return column.model.card_at(index.row()) if index.isValid() else None

    def select(self, deal_id: int) -> None:
        for column in self.columns.values():
            row = column.model.row_of(deal_id)
            if row >= 0:
                index = column.model.index(row)
                column.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                column.view.scrollTo(index)
                column.view.setFocus()
            else:
                column.view.selectionModel().clearSelection()

    def _menu(self, view: Any, pos: QPoint) -> None:
        index = view.indexAt(pos)
        if not index.isValid():
            return
        view.setCurrentIndex(index)
        card = self.selected_card()
        menu = QMenu(self)
        menu.addAction(self.act_edit)
        if card is not None and card.status == "open":
            menu.addActions([self.act_won, self.act_lost])
        else:
            menu.addAction(self.act_reopen)
        menu.addAction(self.act_history)
        menu.addSeparator()
        menu.addAction(self.act_delete)
        menu.popup(view.viewport().mapToGlobal(pos))

    # -- dialogs ----------------------------------------------------------------------------
    def on_new(self, customer: tuple[int, str] | None = None) -> None:
        from crmdesk.ui.panes.pipeline.dialogs import DealDialog

        stages = self._open_stages()
        stage = self.models[stages[0]].stage if stages else None
        self._open_deal_dialog(DealDialog(self.ctx, self.runner, self, customer=customer, stage=stage))

    def on_edit(self) -> None:
        from crmdesk.ui.panes.pipeline.dialogs import DealDialog

        card = self.selected_card()
        if card is None:
            return
        try:
            record = pipeline.load_deal(card.id)
        except Exception as exc:  # noqa: BLE001 - deleted meanwhile: say so
            self._failed(exc)
            return
        self._open_deal_dialog(DealDialog(self.ctx, self.runner, self, record=record))

    def on_history(self) -> None:
        """Who changed the selected deal, and how, field by field."""
        from crmdesk.services import audit
        from crmdesk.ui.audit_dialog import RecordHistoryDialog

        card = self.selected_card()
        if card is None:
            return
        dialog = RecordHistoryDialog("opportunity", audit.uid_of("opportunity", card.id), card.title, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.history_dialog = dialog  # for tests

    def _open_deal_dialog(self, dialog: Any) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            self._publish(dialog.changes)  # set by the dialog's save
            if dialog.saved_id is not None:
                QTimer.singleShot(0, lambda: self.select(dialog.saved_id))

        dialog.accepted.connect(accepted)
        dialog.open()

    def on_delete(self) -> None:
        card = self.selected_card()
        if card is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete deal"),
                                      self.tr("Move “%1” to the recycle bin?").replace("%1", card.title))
        if answer != QMessageBox.StandardButton.Yes:
            return
        from crmdesk.services import recycle_bin

        self.runner.run(lambda: recycle_bin.delete_deal(self.ctx, card.id, card.stamp, card.title),
                        self.bus.record, self._failed)

    def on_analysis(self) -> None:
        from crmdesk.ui.panes.pipeline.analysis import AnalysisDialog

        dialog = AnalysisDialog(self.ctx, self.runner, self._filter, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def on_stages(self) -> None:
        from crmdesk.ui.panes.pipeline.stages_dialog import StagesDialog

        dialog = StagesDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._publish(Changes(settings=True, everything=True)))
        dialog.open()

    def on_lost_reasons(self) -> None:
        from crmdesk.ui.panes.pipeline.stages_dialog import LostReasonsDialog

        dialog = LostReasonsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._publish(Changes(settings=True)))
        dialog.open()

    def on_export(self) -> None:
        """Export every deal of the board's filter (open, won and lost), in the background."""
        from crmdesk.services import exporting
        from crmdesk.ui.export_file import choose_export_file
        from crmdesk.ui.export_task import run_export
        from crmdesk.ui.export_words import TranslatedWords

        title = self.tr("Export the pipeline")
        path = choose_export_file(self, title, self.tr("pipeline"), today(self.ctx.clock))
        if path is None:
            return
        flt = self._filter
        run_export(self, self.runner, title, 0,
                   lambda p: exporting.export_opportunities(self.ctx, flt, path, "all", words=TranslatedWords(),
                                                            progress=p),
                   lambda count: self.tr("%n deal(s) written to %1.", "", count).replace("%1", str(path)))

    def _on_fold(self, stage_id: int, folded: bool) -> None:
        changed = (stage_id in self._folded) != folded
        (self._folded.add if folded else self._folded.discard)(stage_id)
        if changed:
            self.settings.save_json(FOLDED_KEY, sorted(self._folded))

    def model_index(self, deal_id: int) -> QModelIndex:
        for model in self.models.values():
            row = model.row_of(deal_id)
            if row >= 0:
                return model.index(row)
        return QModelIndex()
