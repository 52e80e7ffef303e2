"""The print preview of a report: the report's own PDF bytes on screen, printed page by page,
or saved as they are.

What is shown, printed and saved is one and the same document: Qt PDF reads the bytes from
memory, the printer gets those pages rendered at its resolution, Save writes the bytes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Signal
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.ui import labels

PRINT_DPI = 300  # enough for text on paper; a page at the printer's 1200 dpi would be half a gigabyte


class PrintPreview(QDialog):
    paper_requested = Signal(str)  # the report again on other paper ("a4", "letter"); set_pdf shows it

    def __init__(self, pdf: bytes, title: str, stem: str, parent: QWidget | None = None, paper: str = "a4") -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.stem = stem
        self.setWindowTitle(self.tr("Print preview — %1").replace("%1", title))
        self.document = QPdfDocument(self)
        self.pages = QLabel(self)
        self.paper = QComboBox(self, objectName="paperSize")
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("Letter"), "letter")
        self.paper.setCurrentIndex(max(self.paper.findData(paper), 0))
        self.paper.currentIndexChanged.connect(lambda _i: self._on_paper())
        self.set_pdf(pdf)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = QPushButton(self.tr("&Print…"), self, objectName="printReport")
        self.save_button = QPushButton(self.tr("&Save…"), self, objectName="saveReport")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(lambda _=False: self.on_print())
        self.save_button.clicked.connect(lambda _=False: self.on_save())
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.on_print)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addWidget(self.pages, 1)
        row.addWidget(QLabel(self.tr("Paper:"), self))
        row.addWidget(self.paper)
        layout.addLayout(row)
        layout.addWidget(buttons)
        unit = self.fontMetrics().averageCharWidth()
        self.resize(unit * 100, unit * 120)

    def set_pdf(self, pdf: bytes) -> None:
        """Show (and from now on print and save) these bytes."""
        self.pdf = pdf
        self.document.close()
        old = getattr(self, "_buffer", None)
        self._bytes = QByteArray(pdf)  # the buffer reads from this; both live while it is shown
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if old is not None:
            old.deleteLater()
        self.pages.setText(self.tr("%n page(s)", "", self.document.pageCount()))

    def _on_paper(self) -> None:
        self.paper.setEnabled(False)  # until the report comes back on the new paper
        self.paper_requested.emit(self.paper.currentData())

    # -- printing -------------------------------------------------------------------------------
    def on_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.stem)
        printer.setFromTo(1, self.document.pageCount())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Render the pages (the printer's range, if one was chosen) into the printer's page
        rectangle, keeping their proportions; returns how many were printed."""
        count = self.document.pageCount()
        first, last = printer.fromPage(), printer.toPage()
        pages = range(first - 1, last) if first > 0 and last >= first else range(count)
        pages = [p for p in pages if 0 <= p < count]
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("Print"), self.tr("The printer could not be started."))
            return 0
        try:
            for n, page in enumerate(pages):
                if n:
                    printer.newPage()
                self._draw_page(painter, printer, page)
        finally:
            painter.end()
        return len(pages)

    def _draw_page(self, painter: QPainter, printer: QPrinter, page: int) -> None:
        points = self.document.pagePointSize(page)
        image = self.document.render(page, QSize(round(points.width() * PRINT_DPI / 72),
                                                 round(points.height() * PRINT_DPI / 72)))
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        area.moveTo(0, 0)  # the painter's origin is already the paint rectangle's corner
        scale = min(area.width() / points.width(), area.height() / points.height())
        width, height = round(points.width() * scale), round(points.height() * scale)
        target = QRect(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2, width, height)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, image)

    # -- saving -----------------------------------------------------------------------------------
    def on_save(self) -> None:
        from crmdesk.ui.export_file import choose_export_file

        path = choose_export_file(self, self.tr("Save report"), self.stem, dt.date.today(), ("pdf",))
        if path is not None:
            self.save_to(path)

    def save_to(self, path: Path) -> bool:
        """Write the very bytes shown, atomically; says why if it cannot."""
        from crmdesk.domain.errors import CrmError
        from crmdesk.services.exporting import write_atomically

        try:
            write_atomically(Path(path), lambda part: part.write_bytes(self.pdf))
        except CrmError as exc:
            QMessageBox.warning(self, self.tr("Save report"), labels.error_text(exc))
            return False
        return True
