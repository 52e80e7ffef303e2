"""Paints a deal card: title, customer, amount and probability, close date, owner, days in
stage, the next step, and the signals (rotting, overdue step, priority) — no widget per card."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from crmdesk.services.pipeline import Card
from crmdesk.ui import labels
from crmdesk.ui.panes.pipeline.stage_model import CARD_ROLE

LINES = 5
PAD = 6
MARGIN = 4
ROTTING_FILL = QColor("#fdecea")
ROTTING_EDGE = QColor("#c62828")
OVERDUE_TEXT = QColor("#b00020")
PRIORITY_COLOURS = {1: QColor("#f57c00"), 2: QColor("#d32f2f")}
WON_EDGE = QColor("#2e7d32")
LOST_EDGE = QColor("#757575")


class CardDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        line = QFontMetrics(option.font).lineSpacing()
        return QSize(max(option.rect.width(), 200), LINES * line + 2 * PAD + 2 * MARGIN)

    def lines(self, card: Card) -> list[tuple[str, str, str]]:
        """The card's text, line by line: (style, left text, right text); style is title,
        plain, muted or alert."""
        amount = labels.money(card.amount_cents)
        if card.status == "open":
            money = f"{amount} · {card.probability}%"
            close = labels.date_text(card.expected_close) if card.expected_close else self.tr("no close date")
            when = (close, self.tr("%n day(s) in stage", "", card.days_in_stage))
        else:
            money = amount
            when = (self.tr("closed %1").replace("%1", labels.timestamp_date(card.closed_at)), "")
        owner = card.owner or self.tr("unassigned")
        customer = f"{card.customer} · {labels.label(card.tier)}" if card.tier else card.customer
        rows = [("title", card.title, ""), ("plain", customer, ""), ("plain", money, owner), ("muted", *when)]
        if card.status == "lost":
            rows.append(("muted", self.tr("Lost: %1").replace("%1", card.lost_reason or "—"), ""))
        elif card.next_step:
            due = labels.date_text(card.next_step_due) if card.next_step_due else ""
            rows.append(("alert" if card.step_overdue else "muted", f"▶ {card.next_step}", due))
        elif card.rotting:
            rows.append(("alert", self.tr("No activity for too long"), ""))
        return rows

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        card: Card | None = index.data(CARD_ROLE)
        if card is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = option.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        fill = ROTTING_FILL if card.rotting else palette.color(QPalette.ColorRole.Base)
        edge = ROTTING_EDGE if card.rotting else palette.color(QPalette.ColorRole.Mid)
        if card.status == "won":
            edge = WON_EDGE
        elif card.status == "lost":
            edge = LOST_EDGE
        if selected:
            edge = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(edge, 2 if selected or card.rotting else 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(box, 5, 5)
        stripe = PRIORITY_COLOURS.get(card.priority)
        if stripe is not None:
            painter.fillRect(QRect(box.left() + 1, box.top() + 4, 4, box.height() - 8), stripe)
        text_box = box.adjusted(PAD + 4, PAD, -PAD, -PAD)
        line = QFontMetrics(option.font).lineSpacing()
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        for i, (style, value, right) in enumerate(self.lines(card)[:LINES]):
            font = QFont(option.font)
            if style == "title":
                font.setBold(True)
            painter.setFont(font)
            painter.setPen(OVERDUE_TEXT if style == "alert" else muted if style == "muted" else text)
            row = QRect(text_box.left(), text_box.top() + i * line, text_box.width(), line)
            if style == "title" and card.priority:
                mark = "!" * card.priority + " "
                painter.setPen(PRIORITY_COLOURS[card.priority])
                painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, mark)
                row.setLeft(row.left() + QFontMetrics(font).horizontalAdvance(mark))
                painter.setPen(text)
            metrics = QFontMetrics(font)
            if right:
                room = metrics.horizontalAdvance(right)
                painter.drawText(row, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, right)
                row.setRight(row.right() - room - metrics.horizontalAdvance("  "))
            elided = metrics.elidedText(value, Qt.TextElideMode.ElideRight, row.width())
            painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
        painter.restore()
