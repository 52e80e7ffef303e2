"""A painted bar chart: a title, one bar per value with its label and number, bars that can be
clicked. Painting a handful of rectangles costs less than building a chart scene, and the
dashboard has several of these."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#4472c4")
HOVER = QColor("#2f5597")


class BarChart(QWidget):
    bar_clicked = Signal(int)  # the index of the bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.labels: list[str] = []
        self.values: list[float] = []
        self.value_text: Callable[[float], str] = lambda v: f"{v:,.0f}"
        self._bars: list[QRectF] = []
        self._hover = -1
        self.setMouseTracking(True)
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(320, 200)

    def set_data(self, title: str, labels: list[str], values: list[float],
                 value_text: Callable[[float], str] | None = None) -> None:
        self.title, self.labels, self.values = title, labels, values
        if value_text is not None:
            self.value_text = value_text
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(6, 4, -6, -4)
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(area.adjusted(0, 0, 0, -(area.height() - line)), Qt.AlignmentFlag.AlignLeft, self.title)
        small = self.font()
        small.setPointSizeF(small.pointSizeF() * 0.85)
        painter.setFont(small)
        metrics = painter.fontMetrics()
        self._bars = []
        if not self.values:
            return
        top, bottom = area.top() + line * 2.2, area.bottom() - line * 1.4
        slot = area.width() / len(self.values)
        highest = max(max(self.values), 1)
        text = self.palette().color(self.foregroundRole())
        for i, (label, value) in enumerate(zip(self.labels, self.values, strict=True)):
            height = (bottom - top) * (value / highest)
            bar = QRectF(area.left() + slot * i + slot * 0.15, bottom - height, slot * 0.7, height)
            self._bars.append(QRectF(bar.left(), top - line, bar.width(), bottom - top + line))
            painter.fillRect(bar, HOVER if i == self._hover else BAR)
            painter.setPen(text)
            cell = QRectF(area.left() + slot * i, 0, slot, line)
            self._draw_fitted(painter, cell.translated(0, bottom - height - line - 1), self.value_text(value))
            painter.drawText(cell.translated(0, bottom + 2), Qt.AlignmentFlag.AlignCenter,
                             metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(slot)))

    @staticmethod
    def _draw_fitted(painter: QPainter, cell: QRectF, text: str) -> None:
        """``text`` centred in ``cell``, in a smaller type (down to two thirds) rather than cut
        when the bars are narrow; cut only if even that does not fit."""
        font = painter.font()
        width = painter.fontMetrics().horizontalAdvance(text)
        if width > cell.width() - 2:
            smaller = QFont(font)
            smaller.setPointSizeF(max(font.pointSizeF() * (cell.width() - 2) / width, font.pointSizeF() * 2 / 3))
            painter.setFont(smaller)
        metrics = painter.fontMetrics()
        painter.drawText(cell, Qt.AlignmentFlag.AlignCenter,
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(cell.width())))
        painter.setFont(font)

    def bar_at(self, x: float, y: float) -> int:
        return next((i for i, bar in enumerate(self._bars) if bar.contains(x, y)), -1)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hover = self.bar_at(event.position().x(), event.position().y())
        if hover != self._hover:
            self._hover = hover
            self.setCursor(Qt.CursorShape.PointingHandCursor if hover >= 0 else Qt.CursorShape.ArrowCursor)
            self.update()

    def leaveEvent(self, event: object) -> None:
        self._hover = -1
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position().x(), event.position().y())
        if index >= 0 and event.button() == Qt.MouseButton.LeftButton:
            self.bar_clicked.emit(index)
