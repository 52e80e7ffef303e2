"""PDF reports: ``python -m benchmarks.reports [--customers N] [--dossiers N] [--runs N]``.

Builds one document of 500 customer dossiers (one after the other, each from a new page) on
a small demo database (2,000 customers, cached under benchmarks/.cache), and the same
content drawn with bare reportlab: strings, rectangles and lines straight onto the canvas,
no paragraphs, no tables, no layout. Both start from the same rows; the ratio is what the
report layer (wrapping, tables, repeated headers, "page X of Y", glyph checks) costs over
drawing by hand. Target: at most 1.5×.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import time
from collections.abc import Iterator
from typing import Any

from benchmarks.common import demo_database, report

TARGET_RATIO = 1.5


def _texts(flowable: Any) -> Iterator[tuple[str, Any]]:
    """The content of a built story, flattened: ("line", text), ("row", [texts]), ("bars", bars)."""
    from reportlab.platypus import Paragraph, Table

    from crmdesk.reports.chart import BarChart

    if isinstance(flowable, Paragraph):
        yield "line", flowable.getPlainText()
    elif isinstance(flowable, BarChart):
        yield "bars", flowable.bars
    elif isinstance(flowable, Table):
        for row in flowable._cellvalues:  # noqa: SLF001 - reading what the table holds
            cells = []
            for value in row:
                if isinstance(value, (Paragraph, Table, BarChart)):
                    yield from _texts(value)
                elif value:
                    cells.append(str(value))
            if cells:
                yield "row", cells


def _bare(contents: list[list[tuple[str, Any]]], font: str) -> bytes:
    """The same words and bars, drawn by hand: a line per paragraph or table row."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canv = Canvas(out, pagesize=A4, initialFontName=font)
    width, height = A4
    margin, page = 45.0, 1
    for content in contents:
        y = height - margin
        canv.setFont(font, 8)
        for kind, value in content:
            if y < margin + 120:
                canv.drawRightString(width - margin, margin / 2, f"{page}")
                canv.showPage()
                canv.setFont(font, 8)
                page, y = page + 1, height - margin
            if kind == "line":
                canv.drawString(margin, y, value[:120])
                y -= 12
            elif kind == "row":
                step = (width - 2 * margin) / len(value)
                for i, text in enumerate(value):
                    canv.drawString(margin + i * step, y, text[:30])
                y -= 12
            else:
                top = max((v for _l, v in value), default=0) or 1
                for i, (label, v) in enumerate(value):
                    canv.rect(margin + i * 30, y - 100, 18, 90 * v / top, stroke=0, fill=1)
                    canv.drawString(margin + i * 30, y - 110, label)
                y -= 120
        canv.drawRightString(width - margin, margin / 2, f"{page}")
        canv.showPage()
        page += 1
    canv.save()
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.reports")
    parser.add_argument("--customers", type=int, default=2_000)
    parser.add_argument("--dossiers", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    path, built = demo_database(args.customers)
    if built:
        report(f"demo database of {args.customers:,} customers", f"built in {built:.1f} s")

    import datetime as dt
    import subprocess
    import tempfile
    from pathlib import Path

    started = time.perf_counter()
    from reportlab.platypus import PageBreak

    from crmdesk.reports import dossier, fonts, frame
    from crmdesk.reports.words import ReportWords
    from crmdesk.services.context import Context
    from crmdesk.storage import models as m
    from crmdesk.storage.database import open_database

    open_database(path)
    fonts.ensure_font()
    report("import reportlab and register the font", f"{(time.perf_counter() - started) * 1000:7.1f} ms")
    ctx, words = Context(), ReportWords()
    page = frame.Page(frame.page_size("a4"))
    ids = [row.id for row in m.Customer.select(m.Customer.id).where(m.Customer.deleted_at.is_null())
           .order_by(m.Customer.id).limit(args.dossiers)]

    def stories() -> list[list[Any]]:
        return [dossier.dossier_story(ctx, cid, words, page) for cid in ids]

    ours, bare, gather, pages = [], [], [], 0
    for _ in range(args.runs):
        t0 = time.perf_counter()
        built_stories = stories()
        t1 = time.perf_counter()
        story: list[Any] = []
        for one in built_stories:
            story += [*one, PageBreak()]
        pdf = frame.render(story[:-1], "Customer dossiers", words, "a4", dt.date.today())
        t2 = time.perf_counter()
        contents = [[item for f in one for item in _texts(f)] for one in stories()]
        t3 = time.perf_counter()
        _bare(contents, fonts.FONT)
        t4 = time.perf_counter()
        gather.append(t1 - t0)
        ours.append(t2 - t0)
        bare.append((t1 - t0) + (t4 - t3))  # the same rows read, then drawn by hand
    with tempfile.TemporaryDirectory() as scratch:
        target = Path(scratch) / "dossiers.pdf"
        target.write_bytes(pdf)
        info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
        pages = next((int(line.split()[-1]) for line in info.splitlines() if line.startswith("Pages:")), 0)
    ours_s, bare_s = statistics.median(ours), statistics.median(bare)
    report(f"{len(ids)} dossiers: {pages} pages, {len(pdf) / 1e6:.1f} MB", "")
    report("  reading the rows (both)", f"{statistics.median(gather) * 1000:7.0f} ms")
    report("  crmdesk report (rows + layout + PDF)", f"{ours_s * 1000:7.0f} ms  "
           f"({ours_s * 1000 / max(pages, 1):.1f} ms a page)")
    report("  bare reportlab canvas (rows + drawing)", f"{bare_s * 1000:7.0f} ms")
    ratio = ours_s / bare_s
    verdict = "ok" if ratio <= TARGET_RATIO else f"OVER the {TARGET_RATIO}× target"
    report("  ratio", f"{ratio:7.2f}×  {verdict}  [target ≤ {TARGET_RATIO}×]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
