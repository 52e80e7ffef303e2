"""Asking where an export goes: a save dialog in the Documents folder (.xlsx, .csv or .ics)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def choose_export_file(parent: QWidget, title: str, stem: str, day: dt.date | None,
                       kinds: tuple[str, ...] = ("xlsx", "csv")) -> Path | None:
    """The file the user picks in the Documents folder (``stem-day`` with the first kind's
    extension suggested), with the extension of the chosen type added when the name has none;
    None if cancelled. ``kinds``: among xlsx, csv, ics and pdf."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    filters = [QCoreApplication.translate("ExportFile", _FILTERS[kind]) for kind in kinds]
    name = f"{stem}-{day.isoformat()}" if day is not None else stem
    path, chosen = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / f"{name}.{kinds[0]}"),
                                               ";;".join(filters))
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower().lstrip(".") not in kinds:
        kind = kinds[filters.index(chosen)] if chosen in filters else kinds[0]
        target = target.with_name(f"{target.name}.{kind}")
    return target


_FILTERS = {
    "xlsx": QT_TRANSLATE_NOOP("ExportFile", "Excel workbook (*.xlsx)"),
    "csv": QT_TRANSLATE_NOOP("ExportFile", "CSV file (*.csv)"),
    "ics": QT_TRANSLATE_NOOP("ExportFile", "iCalendar file (*.ics)"),
    "pdf": QT_TRANSLATE_NOOP("ExportFile", "PDF document (*.pdf)"),
}
