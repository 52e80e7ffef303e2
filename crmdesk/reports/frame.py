"""The frame every report shares: paper, margins, paragraph styles, and the header and footer
of each page (business name, title, date printed, "page X of Y").

"Y" is known only at the end, so the canvas keeps each finished page and draws the header and
footer when the document is saved; a report that knows its page count up front (a long
customer list) passes it in and pages are drawn and let go one by one.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.lib.colors import HexColor

from crmdesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from crmdesk.reports.fonts import FONT, ensure_font, plain
from crmdesk.reports.words import ReportWords
from crmdesk.services.progress import NoProgress, Progress

PAPERS = ("a4", "letter")
MM = 72 / 25.4
MARGIN = 16 * MM
HEADER_GAP = 9 * MM  # between the header rule and the frame, and the frame and the footer rule
# Colour objects, not "#rrggbb" strings: reportlab parses a string again on every use, which
# was a seventh of a long report's time.
INK, MUTED, RULE, ACCENT = (HexColor(c) for c in ("#1f2328", "#656d76", "#d0d7de", "#305496"))
WHITE, STRIPE, ALERT = (HexColor(c) for c in ("#ffffff", "#f6f8fa", "#d1242f"))
PAGE_OF = QT_TRANSLATE_NOOP("report", "Page {page} of {pages}")
PRINTED = QT_TRANSLATE_NOOP("report", "Printed {date}")
DEFAULT_BUSINESS = "crmdesk"


def page_size(paper: str, landscape: bool = False) -> tuple[float, float]:
    """The sheet (width, height) in points; ``landscape`` turns it on its side."""
    from reportlab.lib.pagesizes import A4, letter

    sizes = {"a4": A4, "letter": letter}
    if paper not in sizes:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Reports print on A4 or Letter paper, not “{value}”."),
            field="paper",
            value=paper,
        )
    width, height = sizes[paper]
    return (height, width) if landscape else (width, height)


def prepare(
    words: ReportWords | None, progress: Progress | None, paper: str, landscape: bool = False
) -> tuple[ReportWords, Progress, Page]:
    """What every report starts from: its words (English by default), its progress (none by
    default) and the page its paper (on its side with ``landscape``) leaves for content."""
    return words or ReportWords(), progress or NoProgress(), Page(page_size(paper, landscape))


def business_name() -> str:
    """The business's name from the settings, or the program's when none was given."""
    from crmdesk.services.setup import get_setting

    return (get_setting("business_name", "") or "").strip() or DEFAULT_BUSINESS


@dataclass(frozen=True)
class Decor:
    """What the header and footer of every page say."""

    business: str
    title: str
    printed: str  # already in words
    page_of: str  # a template with {page} and {pages}
    total_pages: int | None = None


def _canvas_class(decor: Decor) -> type:
    from reportlab.pdfgen.canvas import Canvas

    class PageCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._kept: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            if decor.total_pages is not None:
                _decorate(self, decor, self._pageNumber, decor.total_pages)
                super().showPage()
            else:
                self._kept.append(dict(self.__dict__))
                self._startPage()

        def save(self) -> None:
            if decor.total_pages is None:
                total = len(self._kept)
                for state in self._kept:
                    self.__dict__.update(state)
                    _decorate(self, decor, self._pageNumber, total)
                    Canvas.showPage(self)
                self._kept = []
            super().save()

    return PageCanvas


def _decorate(canv: Any, decor: Decor, page: int, total: int) -> None:
    width, height = canv._pagesize
    top, bottom = height - MARGIN + 2, MARGIN - 2
    canv.saveState()
    canv.setFont(ensure_font(), 8)
    canv.setFillColor(MUTED)
    canv.drawString(MARGIN, top, plain(decor.business))
    canv.drawRightString(width - MARGIN, top, plain(decor.title))
    canv.drawString(MARGIN, bottom - 8, plain(decor.printed))
    canv.drawRightString(width - MARGIN, bottom - 8, decor.page_of.format(page=page, pages=total))
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.5)
    canv.line(MARGIN, top - 4, width - MARGIN, top - 4)
    canv.line(MARGIN, bottom + 4, width - MARGIN, bottom + 4)
    canv.restoreState()


@dataclass(frozen=True)
class Page:
    """The paper and what it leaves for the content."""

    size: tuple[float, float]

    @property
    def width(self) -> float:
        return self.size[0] - 2 * MARGIN

    @property
    def height(self) -> float:
        return self.size[1] - 2 * (MARGIN + HEADER_GAP)

    @property
    def frame_height(self) -> float:
        """What a flowable at the top of a page is offered: reportlab's frame pads 6 pt above and below."""
        return self.height - 12


def render(
    story: Iterable[Any],
    title: str,
    words: ReportWords,
    paper: str,
    printed_on: dt.date,
    total_pages: int | None = None,
    progress: Progress | None = None,
    landscape: bool = False,
) -> bytes:
    """Lay out ``story`` (a list of flowables, or a :class:`Stream`) on pages and return the PDF."""
    from reportlab.platypus import SimpleDocTemplate

    size = page_size(paper, landscape)
    ensure_font()
    business = business_name()
    decor = Decor(
        business,
        title,
        words.text(PRINTED).format(date=words.date(printed_on)),
        words.text(PAGE_OF),
        total_pages,
    )
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_GAP,
        bottomMargin=MARGIN + HEADER_GAP,
        title=title,
        author=business,
        creator="crmdesk",
        subject=title,
        initialFontName=FONT,
        lang="zh-CN" if words.chinese else "en",
    )
    doc.build(story if isinstance(story, list) else list(story), canvasmaker=_canvas_class(decor))
    if progress is not None:
        progress.report(1, 1, "report")  # done: the progress dialog closes
    return out.getvalue()


class Stream(list):
    """A story that fills itself from an iterator of flowable lists as the layout consumes it,
    so a long report holds one chunk of rows at a time (reportlab reads ``len`` before each
    flowable and takes them from the front)."""

    def __init__(self, head: list[Any], more: Iterable[list[Any]]) -> None:
        super().__init__(head)
        self._more = iter(more)

    def __len__(self) -> int:
        while not list.__len__(self):
            chunk = next(self._more, None)
            if chunk is None:
                return 0
            self.extend(chunk)
        return list.__len__(self)


@lru_cache(maxsize=1)
def styles() -> dict[str, Any]:
    """Paragraph styles in the report font; Chinese wraps between any two characters."""
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    font = ensure_font()
    base = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=13.5, textColor=INK, wordWrap="CJK")
    made = {
        "body": base,
        "title": ParagraphStyle("title", base, fontSize=17, leading=22, spaceAfter=4, textColor=ACCENT),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=9, leading=12, textColor=MUTED, spaceAfter=8),
        "h2": ParagraphStyle(
            "h2", base, fontSize=12, leading=16, spaceBefore=10, spaceAfter=4, textColor=ACCENT
        ),
        "cell": ParagraphStyle("cell", base, fontSize=8.5, leading=11),
        "cell_right": ParagraphStyle("cell_right", base, fontSize=8.5, leading=11, alignment=TA_RIGHT),
        "label": ParagraphStyle("label", base, fontSize=8.5, leading=11, textColor=MUTED),
        "note": ParagraphStyle("note", base, fontSize=8.5, leading=11, textColor=MUTED),
    }
    # CJK wrapping breaks anywhere, English words too: text without CJK wraps at spaces.
    made.update(
        {
            f"{name}/latin": ParagraphStyle(f"{name}/latin", style, wordWrap=None)
            for name, style in list(made.items())
        }
    )
    return made


def _has_cjk(text: str) -> bool:
    return any(ch >= "\u2e80" for ch in text)


def paragraph(text: object, style: str = "body") -> Any:
    """User or report text as a paragraph (escaped, placeholders for missing glyphs) that
    wraps Chinese at any character and other text at spaces."""
    from reportlab.platypus import Paragraph

    from crmdesk.reports.fonts import markup

    text = "" if text is None else str(text)
    return Paragraph(markup(text), styles()[style if _has_cjk(text) else f"{style}/latin"])


def title_block(title: str, subtitle: str = "") -> list[Any]:
    """A report's (or a dossier's) title, with a line under it in grey."""
    out = [paragraph(title, "title")]
    if subtitle:
        out.append(paragraph(subtitle, "subtitle"))
    return out


ROOM_UNDER_HEADING = 60  # a heading with less room than this under it starts the next page


def section(text: str) -> Any:
    """A section heading that never ends a page alone. (keepWithNext would also carry a
    long table along to the next page, leaving this one half empty.)"""
    heading = paragraph(text, "h2")
    heading.__class__ = _heading_class(type(heading))
    return heading


@lru_cache(maxsize=1)
def _heading_class(base: type) -> type:
    class Heading(base):
        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            width, height = super().wrap(avail_width, avail_height)
            if avail_height < height + ROOM_UNDER_HEADING:
                return width, avail_height + 1  # does not fit: the frame moves it to the next page
            return width, height

        def split(self, avail_width: float, avail_height: float) -> list:
            return []

    return Heading


def note(text: str) -> Any:
    """A line of small grey text."""
    return paragraph(text, "note")
