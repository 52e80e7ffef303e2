"""The report font (WenQuanYi Micro Hei, shipped with the package) and text made safe for it.

The font is registered once, on first use; reportlab embeds only the glyphs a document uses
(a subset). A character the font has no glyph for would print as nothing at all, so it is
replaced by a visible placeholder instead, in a colour of its own inside paragraphs.
"""

from __future__ import annotations

import sys
import threading
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

FONT = "WenQuanYi"
FONT_FILE = "wqy-microhei.ttc"
PLACEHOLDER = "□"
PLACEHOLDER_COLOUR = "#c0392b"
_lock = threading.Lock()  # reports are built on a worker thread; register from one at a time


def font_path() -> Path:
    """The font file: inside a PyInstaller bundle, or beside this package."""
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = [Path(bundle) / "crmdesk" / "resources" / "fonts" / FONT_FILE] if bundle else []
    candidates.append(Path(__file__).resolve().parent.parent / "resources" / "fonts" / FONT_FILE)
    for path in candidates:
        if path.exists():
            return path
    raise FileNotFoundError(f"the report font {FONT_FILE} is missing from the installation")


@lru_cache(maxsize=1)
def _registered() -> frozenset[int]:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    with _lock:
        font = TTFont(FONT, str(font_path()), subfontIndex=0)
        pdfmetrics.registerFont(font)
        for bold in (0, 1):  # one face only: <b> in a paragraph stays in the same font
            for italic in (0, 1):
                addMapping(FONT, bold, italic, FONT)
        return frozenset(font.face.charToGlyph)


def ensure_font() -> str:
    """Register the font (once) and return its name."""
    _registered()
    return FONT


def has_glyph(ch: str) -> bool:
    return ord(ch) in _registered()


def _printable(ch: str) -> bool:
    return ch >= " " or ch in "\n\t"


def plain(text: object) -> str:
    """Text for a canvas or a table cell: control characters dropped, characters the font
    lacks replaced by the placeholder."""
    glyphs = _registered()
    out = []
    for ch in str(text or ""):
        if not _printable(ch):
            continue
        out.append(ch if ord(ch) in glyphs or ch in "\n\t" else PLACEHOLDER)
    return "".join(out)


def missing_any(text: str) -> bool:
    glyphs = _registered()
    return any(ord(ch) not in glyphs and ch not in "\n\t" for ch in text if _printable(ch))


def markup(text: object) -> str:
    """User text as paragraph markup: ``<&>`` escaped, line breaks kept, each character the
    font lacks shown as a coloured placeholder."""
    glyphs = _registered()
    out = []
    run: list[str] = []  # a run of ordinary characters, escaped in one go
    for ch in str(text or ""):
        if not _printable(ch):
            continue
        if ch != "\n" and (ord(ch) in glyphs or ch == "\t"):
            run.append(ch)
            continue
        out.append(escape("".join(run)))
        run = []
        out.append("<br/>" if ch == "\n" else f'<font color="{PLACEHOLDER_COLOUR}">{PLACEHOLDER}</font>')
    out.append(escape("".join(run)))
    return "".join(out)
