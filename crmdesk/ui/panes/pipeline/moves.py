"""Moving cards on the pipeline board: drops, keyboard moves, closing as won or lost.

A move shows at once and is saved in the background; the saved card then replaces the shown
one (from the change notice), or, if the move is refused, the card goes back and the reason
is shown above the board. Every saved move goes on the app's undo stack (Edit → Undo).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from crmdesk.domain.enums import StageKind
from crmdesk.services import pipeline, undo
from crmdesk.ui import labels
from crmdesk.ui.panes.pipeline.stage_model import Drop, StageModel


class BoardMoves:  # its texts are the pane's: translated in the "PipelinePane" context
    """The move half of the pipeline pane, which supplies the models, columns, runner, change
    bus (whose undo stack keeps every move) and notice line these methods use."""

    models: dict[int, StageModel]
    ctx: Any
    runner: Any

    def on_drop(self, drop: Drop) -> None:
        target = self.models.get(drop.to_stage)
        source = self.models.get(drop.from_stage)
        if target is None:
            return
        card = source.card_at(source.row_of(drop.deal_id)) if source is not None else None
        if card is None:
            card = pipeline.card(self.ctx, drop.deal_id)
            if card is None:
                self.show_notice(QCoreApplication.translate("PipelinePane", "That deal no longer exists."))
                return
        if target.stage.kind == StageKind.WON:
            self.ask_won(card)
        elif target.stage.kind == StageKind.LOST:
            self.ask_lost(card)
        elif drop.from_stage == drop.to_stage and self._same_place(source, card, drop.after_id):
            return
        else:
            self._move_now(card, drop.to_stage, drop.row)
            self._run(lambda: pipeline.move_deal(self.ctx, card.id, card.stamp, drop.to_stage, drop.after_id),
                      card)

    @staticmethod
    def _same_place(model: StageModel | None, card: pipeline.Card, after_id: int | None) -> bool:
        if model is None:
            return False
        row = model.row_of(card.id)
        above = model.card_at(row - 1)
        return (above.id if above else None) == after_id

    def _move_now(self, card: pipeline.Card, stage_id: int, row: int) -> None:
        """Show the move before it is saved; the saved card replaces this one when it comes."""
        for model in self.models.values():
            model.take(card.id)
        target = self.models[stage_id]
        target.insert_at(row, dataclasses.replace(card, stage_id=stage_id))
        self.select(card.id)

    def _run(self, work: Callable[[], pipeline.Moved], card: pipeline.Card) -> None:
        def done(moved: pipeline.Moved) -> None:
            self.show_notice("")
            self._publish(moved.changes)
            if moved.undo is not None:  # Edit → Undo (Ctrl+Z) puts the deal back
                self._restamp(moved.undo.deal_id, moved.undo.stamp)  # a next move before the refresh is not stale
                self.bus.step_was_taken.emit(undo.moved(moved.undo, card.title))

        def failed(exc: BaseException) -> None:
            self.show_notice(labels.error_text(exc))
            self.refresh_cards({card.id})  # back to where it is saved

        self.runner.run(work, done, failed)

    def _restamp(self, deal_id: int, stamp: int) -> None:
        for model in self.models.values():
            row = model.row_of(deal_id)
            card = model.card_at(row)
            if card is not None:
                model.replace_at(row, dataclasses.replace(card, stamp=stamp))

    def _on_header_drop(self, payload: dict[str, int], stage: pipeline.Stage) -> None:
        model = self.models[stage.id]
        cards = [c for c in model.cards() if c.id != payload["id"]]
        after = cards[-1].id if cards and not stage.closed else None
        self.on_drop(Drop(payload["id"], payload["stamp"], payload["stage"], stage.id, after, len(cards)))

    def ask_won(self, card: pipeline.Card) -> None:
        from crmdesk.ui.panes.pipeline.dialogs import WonDialog

        dialog = WonDialog(self.ctx, card, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            amount, day, text = dialog.value()
            self._move_now(card, self._stage_id(StageKind.WON), 0)
            self._run(lambda: pipeline.win_deal(self.ctx, card.id, card.stamp, amount, day, text), card)

        dialog.accepted.connect(accepted)
        dialog.open()

    def ask_lost(self, card: pipeline.Card) -> None:
        from crmdesk.ui.panes.pipeline.dialogs import LostDialog

        dialog = LostDialog(card, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            reason, note = dialog.value()
            self._move_now(card, self._stage_id(StageKind.LOST), 0)
            self._run(lambda: pipeline.lose_deal(self.ctx, card.id, card.stamp, reason, note), card)

        dialog.accepted.connect(accepted)
        dialog.open()

    def _stage_id(self, kind: str) -> int:
        return next(sid for sid, model in self.models.items() if model.stage.kind == kind)

    def _open_stages(self) -> list[int]:
        return [sid for sid, model in self.models.items() if not model.stage.closed]

    def step(self, direction: int) -> None:
        """Keyboard: move the selected card to the next or previous open stage (on top)."""
        card = self.selected_card()
        if card is None:
            return
        stages = self._open_stages()
        if card.stage_id not in stages:
            self.show_notice(QCoreApplication.translate("PipelinePane", "Reopen a closed deal before moving it."))
            return
        i = stages.index(card.stage_id) + direction
        if not 0 <= i < len(stages):
            if direction > 0:
                self.show_notice(QCoreApplication.translate("PipelinePane", "This is the last open stage: close the deal with Won… or Lost…."))
            return
        self.on_drop(Drop(card.id, card.stamp, card.stage_id, stages[i], None, 0))

    def nudge(self, direction: int) -> None:
        """Keyboard: move the selected card one place up or down in its column."""
        card = self.selected_card()
        model = self.models.get(card.stage_id) if card else None
        if card is None or model is None or model.stage.closed:
            return
        row = model.row_of(card.id)
        new_row = row + direction
        if not 0 <= new_row < model.rowCount():
            return
        others = [c for c in model.cards() if c.id != card.id]
        after = others[new_row - 1].id if new_row > 0 else None
        self.on_drop(Drop(card.id, card.stamp, card.stage_id, card.stage_id, after, new_row))

    def close_selected(self, kind: str) -> None:
        card = self.selected_card()
        if card is None or card.status != "open":
            return
        (self.ask_won if kind == StageKind.WON else self.ask_lost)(card)

    def on_reopen(self) -> None:
        card = self.selected_card()
        if card is not None and card.status != "open":
            self._run(lambda: pipeline.reopen_deal(self.ctx, card.id, card.stamp), card)

