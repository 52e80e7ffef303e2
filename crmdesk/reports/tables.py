"""Tables and key–value blocks in the report's style.

Every table's first row is its header and repeats at the top of each page the table runs
onto. Cells that only hold a short value stay plain strings (cut to the column with "…"),
which lays out many times faster than a paragraph; text that may run long wraps as a
paragraph, Chinese at any character.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.platypus import Flowable

from crmdesk.reports.fonts import ensure_font, missing_any, plain
from crmdesk.reports.frame import ACCENT, INK, MUTED, RULE, STRIPE, WHITE, paragraph, styles

CELL_SIZE = 8.5
MAX_WRAPPED = 900  # characters in a wrapping cell: about half a page in the narrowest column
PAD = 3


@dataclass(frozen=True)
class Col:
    header: str  # already in words
    width: float  # a share of the table's width
    kind: str = "text"  # text (one line), wrap (paragraph), number (right-aligned)


def fit(text: str, width: float, size: float = CELL_SIZE) -> str:
    """``text`` cut to ``width`` points with an ellipsis, if it is wider."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = ensure_font()
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def cell(value: object, col: Col, width: float) -> Any:
    """One cell: a plain string when it can be, a paragraph to wrap or to mark a missing glyph."""
    text = "" if value is None else str(value)
    style = "cell_right" if col.kind == "number" else "cell"
    if col.kind == "wrap":
        # A table row cannot run over a page (reportlab refuses it, and its row splitting
        # repeats the header mid-page): a very long text is cut to what fits comfortably.
        return paragraph(text if len(text) <= MAX_WRAPPED else text[:MAX_WRAPPED] + "…", style)
    text = fit(" ".join(text.split()), width - 2 * PAD)
    if missing_any(text):
        return paragraph(text, style)
    return text


def table(
    cols: Sequence[Col],
    rows: Sequence[Sequence[object]],
    width: float,
    row_height: float | None = None,
    empty: str = "—",
    header: bool = True,
) -> Any:
    """A table of ``rows`` under a header that repeats on every page (``repeatRows=1``).
    ``row_height`` fixes the height of every row (for one-line rows that are laid out by the
    page, as the customer list does); ``header=False`` leaves the header out (see
    :class:`Continued`)."""
    from reportlab.platypus import Table

    share = sum(c.width for c in cols)
    widths = [width * c.width / share for c in cols]
    head = [[plain(fit(c.header, w - 2 * PAD)) for c, w in zip(cols, widths, strict=True)]] if header else []
    body = [[cell(v, c, w) for v, c, w in zip(row, cols, widths, strict=True)] for row in rows]
    if not body:
        body = [[empty] + [""] * (len(cols) - 1)]
    heights = None if row_height is None else [row_height] * (len(body) + len(head))
    out = Table([*head, *body], colWidths=widths, rowHeights=heights, repeatRows=len(head), hAlign="LEFT")
    out.setStyle(table_style(cols, len(body), bool(head)))
    return out


def table_style(cols: Sequence[Col], rows: int, header: bool = True) -> Any:
    from reportlab.platypus import TableStyle

    font = ensure_font()
    first = 1 if header else 0  # the first data row
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), font, CELL_SIZE),
        ("VALIGN", (0, first), (-1, -1), "TOP"),  # a tall row reads from its top line
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, first), (-1, -1), 0.25, RULE),
    ]
    if header:
        commands += [("TEXTCOLOR", (0, 0), (-1, 0), WHITE), ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
                     ("VALIGN", (0, 0), (-1, 0), "MIDDLE")]
    for i, col in enumerate(cols):
        if col.kind == "number":
            commands.append(("ALIGN", (i, 0), (i, -1), "RIGHT"))
    for row in range(first + 1, rows + first, 2):  # light stripes make long rows easy to follow
        commands.append(("BACKGROUND", (0, row), (-1, row), STRIPE))
    return TableStyle(commands)


def facts(pairs: Sequence[tuple[str, object]], width: float, columns: int = 2) -> Any:
    """Label–value pairs side by side, ``columns`` pairs to a row; values wrap. The labels get
    the width the longest one needs (between 30% and half of a pair's room), so that they
    wrap only when they must."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    room, size = width / columns, styles()["label"].fontSize
    widest = max((stringWidth(str(label), ensure_font(), size) for label, _v in pairs), default=0.0)
    label_w = min(max(widest + 6, room * 0.3), room * 0.5)
    value_w = room - label_w
    cells = [(_short(label, label_w, "label"), _short(value, value_w)) for label, value in pairs]
    rows = []
    for start in range(0, len(cells), columns):
        row: list[Any] = []
        for pair in cells[start : start + columns]:
            row.extend(pair)
        row.extend([""] * (2 * columns - len(row)))
        rows.append(row)
    out = grid(rows, [label_w, value_w] * columns, pad=1.5)
    label_size, value_size = styles()["label"].fontSize, styles()["body"].fontSize
    commands: list[tuple] = [("FONTSIZE", (0, 0), (-1, -1), value_size), ("TEXTCOLOR", (0, 0), (-1, -1), INK)]
    for i in range(columns):  # the labels' columns: as the label paragraphs look
        commands += [
            ("TEXTCOLOR", (2 * i, 0), (2 * i, -1), MUTED),
            ("FONTSIZE", (2 * i, 0), (2 * i, -1), label_size),
        ]
    out.setStyle(commands)
    return out


def _short(value: object, width: float, style: str = "body") -> Any:
    """A plain string when the value fits on one line as it is (many times faster to lay out
    than a paragraph), else a wrapping paragraph."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = "" if value is None else str(value)
    size = styles()[style].fontSize
    if "\n" not in text and not missing_any(text) and stringWidth(text, ensure_font(), size) <= width - 4:
        return text
    return paragraph(text, style)


def grid(rows: list[list[Any]], widths: list[float], pad: float = 0) -> Any:
    """An unruled table that only places things side by side."""
    from reportlab.platypus import Table, TableStyle

    out = Table(rows, colWidths=widths, hAlign="LEFT")
    # The cells are paragraphs or flowables; the font is set anyway, or reportlab would
    # declare its default Helvetica in the PDF for the empty ones.
    out.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), ensure_font(), CELL_SIZE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2 if pad else 0),
                ("TOPPADDING", (0, 0), (-1, -1), pad),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            ]
        )
    )
    return out


class Continued(Flowable):
    """More rows of the table above, fed in chunks: they show the header only where they
    start a page, so a long streamed list reads as one table (each chunk being its own
    table keeps reportlab from re-laying every remaining row at every page break)."""

    def __init__(self, cols: Sequence[Col], rows: Sequence[Sequence[object]], width: float,
                 frame_height: float) -> None:
        super().__init__()
        self.cols, self.rows, self.table_width, self.frame_height = cols, rows, width, frame_height
        self._table: Any = None
        self._header: bool | None = None

    def _for(self, avail_height: float) -> Any:
        header = avail_height >= self.frame_height - 2  # at the top of a page
        if self._table is None or header != self._header:
            self._header = header
            self._table = table(self.cols, self.rows, self.table_width) if header else \
                table(self.cols, self.rows, self.table_width, header=False)
        return self._table

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self._for(avail_height).wrap(avail_width, avail_height)

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        parts = self._for(avail_height).split(avail_width, avail_height)
        if not parts:
            return []
        shown = len(parts[0]._cellvalues) - (1 if self._header else 0)  # noqa: SLF001 - rows it kept
        rest = self.rows[shown:]
        return [parts[0], Continued(self.cols, rest, self.table_width, self.frame_height)] if rest else [parts[0]]

    def draw(self) -> None:
        self._table.drawOn(self.canv, 0, 0)
