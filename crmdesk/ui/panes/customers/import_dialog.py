"""Importing customers in the app: preview, column mapping, check, import, report, undo."""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.importing import FIELDS, cell_text, guess_mapping, normalise_header
from crmdesk.services import importing, undo
from crmdesk.services.context import Context
from crmdesk.ui import labels
from crmdesk.ui.bus import ChangeBus
from crmdesk.ui.settings import UiSettings
from crmdesk.ui.tasks import TaskProgress, TaskRunner

PREVIEW_ROWS = 20
FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("ImportDialog", "Name"),
    "kind": QT_TRANSLATE_NOOP("ImportDialog", "Kind"),
    "gender": QT_TRANSLATE_NOOP("ImportDialog", "Gender"),
    "company": QT_TRANSLATE_NOOP("ImportDialog", "Company"),
    "title": QT_TRANSLATE_NOOP("ImportDialog", "Job title"),
    "phone": QT_TRANSLATE_NOOP("ImportDialog", "Phone"),
    "email": QT_TRANSLATE_NOOP("ImportDialog", "E-mail"),
    "address": QT_TRANSLATE_NOOP("ImportDialog", "Address"),
    "city": QT_TRANSLATE_NOOP("ImportDialog", "City"),
    "source": QT_TRANSLATE_NOOP("ImportDialog", "Source"),
    "category": QT_TRANSLATE_NOOP("ImportDialog", "Category"),
    "tier": QT_TRANSLATE_NOOP("ImportDialog", "Value tier"),
    "stage": QT_TRANSLATE_NOOP("ImportDialog", "Lifecycle stage"),
    "birthday": QT_TRANSLATE_NOOP("ImportDialog", "Birthday"),
    "tags": QT_TRANSLATE_NOOP("ImportDialog", "Tags"),
    "notes": QT_TRANSLATE_NOOP("ImportDialog", "Notes"),
}
SAVED_MAPPING = "import/customer_mapping"  # header text -> field, remembered between imports


class ImportDialog(QDialog):
    def __init__(self, ctx: Context, runner: TaskRunner, bus: ChangeBus, settings: UiSettings, path: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import customers from %1").replace("%1", path.name))
        self._ctx, self._runner, self._bus, self._settings, self.path = ctx, runner, bus, settings, path
        self.report: importing.ImportReport | None = None
        self._progress: TaskProgress | None = None

        table = importing.read_table(path)  # raises ImportFileError for a bad file
        self.headers = table.headers
        preview = list(itertools.islice(table.rows, PREVIEW_ROWS))
        self.preview = QTableWidget(len(preview) + 1, len(self.headers), self, objectName="importPreview")
        self.preview.setHorizontalHeaderLabels(self.headers)
        self.mapping_boxes: list[QComboBox] = []
        mapping = self._initial_mapping()
        for col in range(len(self.headers)):
            box = QComboBox(self.preview)
            box.addItem(self.tr("(skip)"), None)
            for field in FIELDS:
                box.addItem(QCoreApplication.translate("ImportDialog", FIELD_LABELS[field]), field)
            box.setCurrentIndex(max(box.findData(mapping.get(col)), 0))
            self.preview.setCellWidget(0, col, box)
            self.mapping_boxes.append(box)
        for row, values in enumerate(preview, start=1):
            for col, value in enumerate(values[: len(self.headers)]):
                self.preview.setItem(row, col, QTableWidgetItem(cell_text(value)))

        self.mode = QComboBox(self, objectName="importMode")
        self.mode.addItem(self.tr("Create new customers"), "create")
        self.mode.addItem(self.tr("Update existing customers (matched on phone, then e-mail)"), "update")
        self.mode.addItem(self.tr("Create or update"), "upsert")
        self.all_or_nothing = QCheckBox(self.tr("All or nothing: import nothing if any row is bad"), self)
        self.all_or_nothing.setChecked(True)
        self.check_button = QPushButton(self.tr("&Check"), self, objectName="importCheck")
        self.import_button = QPushButton(self.tr("&Import"), self, objectName="importRun")
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.save_errors_button = QPushButton(self.tr("Save bad rows…"), self, objectName="importSaveErrors")
        self.undo_button = QPushButton(self.tr("&Undo this import"), self, objectName="importUndo")
        self.close_button = QPushButton(self.tr("Close"), self)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.summary = QLabel(self, objectName="importSummary")
        self.summary.setWordWrap(True)
        self.errors_view = QPlainTextEdit(self, objectName="importErrors")
        self.errors_view.setReadOnly(True)
        self.errors_view.hide()
        for button in (self.save_errors_button, self.undo_button):
            button.hide()
        self.check_button.clicked.connect(lambda: self.start(dry_run=True))
        self.import_button.clicked.connect(lambda: self.start(dry_run=False))
        self.cancel_button.clicked.connect(self.on_cancel)
        self.save_errors_button.clicked.connect(self.on_save_errors)
        self.undo_button.clicked.connect(self.on_undo)
        self.close_button.clicked.connect(self.accept)

        options = QHBoxLayout()
        options.addWidget(self.mode, 1)
        options.addWidget(self.all_or_nothing)
        buttons = QHBoxLayout()
        for button in (self.check_button, self.import_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.save_errors_button, self.undo_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Choose what each column holds (first row), then check or import."), self))
        layout.addWidget(self.preview, 1)
        layout.addLayout(options)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.errors_view)
        layout.addLayout(buttons)
        self.resize(900, 560)

    # -- mapping -------------------------------------------------------------------------------
    def _initial_mapping(self) -> dict[int, str]:
        saved = self._settings.load_json(SAVED_MAPPING, {}) or {}
        mapping = guess_mapping(self.headers)
        for col, header in enumerate(self.headers):
            field = saved.get(normalise_header(header))
            if field in FIELDS:
                mapping = {c: f for c, f in mapping.items() if f != field}
                mapping[col] = field
        return mapping

    def mapping(self) -> dict[int, str]:
        chosen = {col: box.currentData() for col, box in enumerate(self.mapping_boxes) if box.currentData()}
        return chosen

    # -- running -------------------------------------------------------------------------------
    def _busy(self, busy: bool) -> None:
        for w in (self.check_button, self.import_button, self.mode, self.all_or_nothing, self.preview, self.close_button):
            w.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.progress.setVisible(busy)

    def start(self, dry_run: bool) -> None:
        mapping = self.mapping()
        self._settings.save_json(SAVED_MAPPING, {normalise_header(self.headers[c]): f for c, f in mapping.items()})
        progress = self._progress = TaskProgress()
        progress.progressed.connect(self._on_progress)
        mode, strict = self.mode.currentData(), self.all_or_nothing.isChecked()
        self._busy(True)
        self._runner.run(
            lambda: importing.import_customers(self._ctx, self.path, mapping, mode, strict, dry_run, progress),
            self._on_report, self._on_error)

    def _on_progress(self, done: int, total: int, _stage: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, total))

    def on_cancel(self) -> None:
        if self._progress is not None:
            self._progress.cancel()
        else:
            self.reject()

    def _on_report(self, report: importing.ImportReport) -> None:
        self._busy(False)
        self._progress = None
        self.report = report
        if report.written:
            text = self.tr("Imported: %1 new, %2 updated, %3 unchanged.")
        else:
            text = self.tr("Checked: %1 would be new, %2 would be updated.")
        text = text.replace("%1", str(report.created)).replace("%2", str(report.updated)).replace(
            "%3", str(report.unchanged))
        if report.errors:
            text += " " + self.tr("%n row(s) are bad and were not imported.", "", len(report.errors))
            if not report.written and not report.dry_run:
                text += " " + self.tr("Nothing was imported (all or nothing).")
        self.summary.setText(text)
        lines = [self.tr("Row %1, %2: %3").replace("%1", str(e.row)).replace("%2", e.column or "—").replace(
            "%3", labels.error_text(e.error)) for e in report.errors[:1000]]
        self.errors_view.setPlainText("\n".join(lines))
        self.errors_view.setVisible(bool(report.errors))
        self.save_errors_button.setVisible(bool(report.errors))
        self.undo_button.setVisible(report.batch_id is not None)
        if report.written:
            self.import_button.setEnabled(False)
            self._bus.publish(report.changes)
            if report.batch_id is not None:  # Edit → Undo can take the import back later too
                self._bus.step_was_taken.emit(undo.imported(report.batch_id, report.rows))

    def _on_error(self, exc: BaseException) -> None:
        self._busy(False)
        self._progress = None
        self.summary.setText(labels.error_text(exc))

    def on_save_errors(self, path: str | None = None) -> None:
        if self.report is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save bad rows"), str(self.path.with_suffix(".errors.csv")),
                                                  "CSV (*.csv)")
        if not path:
            return
        target = Path(path)
        temp = target.with_name(target.name + ".part")
        with open(temp, "w", encoding="utf-8-sig", newline="") as fh:  # Excel opens BOM-marked UTF-8 right
            writer = csv.writer(fh)
            writer.writerow([self.tr("Row"), self.tr("Column"), self.tr("Problem")])
            for e in self.report.errors:
                writer.writerow([e.row, e.column, labels.error_text(e.error)])
        temp.replace(target)

    def on_undo(self) -> None:
        if self.report is None or self.report.batch_id is None:
            return
        # The app's undo stack holds the import as its last step.
        def done(_changes: object) -> None:
            self._bus.changes_did_happen.disconnect(done)
            self.summary.setText(self.tr("The import was undone."))

        self.undo_button.hide()
        self._bus.changes_did_happen.connect(done)
        self._bus.undo_requested.emit()

