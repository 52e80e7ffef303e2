"""A bar chart drawn straight onto the canvas: bars, a base line, grid lines, labels.

reportlab.graphics charts build a drawing tree first and cost about 7 ms each; drawing the
rectangles and strings directly is about four times cheaper, which counts in a 500-page run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from crmdesk.reports.fonts import ensure_font, plain
from crmdesk.reports.frame import ACCENT, INK, MUTED, RULE

GRID_STEPS = 5  # fifths of 1, 2 or 5 × 10^n are round numbers


def _nice_top(value: float) -> float:
    """The smallest 1, 2 or 5 × 10^n at or above ``value``: round grid lines."""
    if value <= 0:
        return 1.0
    step = 1.0
    while step * 10 <= value:
        step *= 10
    while step > value:
        step /= 10
    for factor in (1, 2, 5, 10):
        if step * factor >= value:
            return step * factor
    return step * 10


class BarChart(Flowable):
    """Labelled bars of non-negative values; ``fmt`` writes a value (above its bar, on the axis)."""

    def __init__(
        self,
        bars: Sequence[tuple[str, float]],
        width: float,
        height: float,
        fmt: Callable[[float], str] = lambda v: f"{v:,.0f}",
        title: str = "",
        colour: Any = ACCENT,
    ) -> None:
        super().__init__()
        self.bars = [(plain(label), max(float(value), 0.0)) for label, value in bars]
        self.width, self.height = width, height
        self.fmt, self.title, self.colour = fmt, plain(title), colour

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv: Any = self.canv
        font = ensure_font()
        left, bottom, top_pad = 44.0, 16.0, 16.0 if self.title else 6.0
        plot_w, plot_h = self.width - left - 4, self.height - bottom - top_pad - 10
        top = _nice_top(max((v for _l, v in self.bars), default=0))
        if all(v == int(v) for _l, v in self.bars):
            top = max(top, float(GRID_STEPS))  # counts: whole numbers on every grid line
        canv.saveState()
        if self.title:
            canv.setFont(font, 9)
            canv.setFillColor(INK)
            canv.drawString(0, self.height - 11, self.title)
        canv.setFont(font, 6.5)
        canv.setLineWidth(0.4)
        for step in range(GRID_STEPS + 1):  # grid lines with their values
            y = bottom + plot_h * step / GRID_STEPS
            canv.setStrokeColor(RULE)
            canv.line(left, y, left + plot_w, y)
            canv.setFillColor(MUTED)
            canv.drawRightString(left - 3, y - 2, self.fmt(top * step / GRID_STEPS))
        if self.bars:
            slot = plot_w / len(self.bars)
            bar_w = slot * 0.62
            size, shown = self._value_labels(font, slot)
            for i, (label, value) in enumerate(self.bars):
                x = left + slot * i + (slot - bar_w) / 2
                h = plot_h * value / top
                canv.setFillColor(self.colour)
                if h > 0:
                    canv.rect(x, bottom, bar_w, h, stroke=0, fill=1)
                    if i in shown:
                        canv.setFillColor(INK)
                        canv.setFont(font, size)
                        canv.drawCentredString(x + bar_w / 2, bottom + h + 2, self.fmt(value))
                        canv.setFont(font, 6.5)
                canv.setFillColor(MUTED)
                canv.drawCentredString(x + bar_w / 2, bottom - 9, label)
        canv.setStrokeColor(INK)
        canv.setLineWidth(0.6)
        canv.line(left, bottom, left + plot_w, bottom)
        canv.restoreState()

    def _value_labels(self, font: str, slot: float) -> tuple[float, set[int]]:
        """The size of the values written over the bars, and which bars get one: every bar
        while the values fit their slots at 5 points or more, else the highest and (unless it stands next
        to it) the last, so that no two values run into each other."""
        widest = max(stringWidth(self.fmt(v), font, 6.5) for _l, v in self.bars)
        size = 6.5 if widest <= slot - 1 else 6.5 * (slot - 1) / widest
        if size >= 5:
            return size, set(range(len(self.bars)))
        values = [v for _l, v in self.bars]
        highest, last = values.index(max(values)), len(values) - 1
        return 6.5, {highest} if 0 < last - highest < 2 else {highest, last}
