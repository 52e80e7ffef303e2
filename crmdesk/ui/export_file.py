"""Asking where an export goes: a save dialog in the Documents folder, .xlsx or .csv."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def choose_export_file(parent: QWidget, title: str, stem: str, day: dt.date) -> Path | None:
    """The file the user picks (``stem-day.xlsx`` suggested), with the extension of the chosen
    type added when the name has none; None if cancelled."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    excel = QCoreApplication.translate("ExportFile", "Excel workbook (*.xlsx)")
    text = QCoreApplication.translate("ExportFile", "CSV file (*.csv)")
    path, kind = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / f"{stem}-{day.isoformat()}.xlsx"),
                                             f"{excel};;{text}")
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() not in (".xlsx", ".csv"):
        target = target.with_name(target.name + (".csv" if kind == text else ".xlsx"))
    return target
