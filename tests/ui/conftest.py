"""Fixtures for GUI tests: a main window on a fresh database, background work made synchronous."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from crmdesk.storage.database import close_database
from crmdesk.ui import i18n
from crmdesk.ui.app import open_window
from crmdesk.ui.main_window import MainWindow
from crmdesk.ui.settings import UiSettings
from crmdesk.ui.tasks import TaskRunner


@pytest.fixture
def english(qapp: QApplication) -> Iterator[str]:
    yield i18n.install(qapp, "en")
    i18n.install(qapp, "en")


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[str]:
    yield i18n.install(qapp, "zh_CN")
    i18n.install(qapp, "en")
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def make_window(qtbot, db_path: Path, language: str) -> MainWindow:
    window = open_window(str(db_path), UiSettings(), language, TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    return window


@pytest.fixture
def window(qtbot, db_path: Path, english: str) -> Iterator[MainWindow]:
    win = make_window(qtbot, db_path, english)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    close_database()
