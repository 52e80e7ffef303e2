"""Loading translations: crmdesk's own and Qt's, for the chosen or the system language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from crmdesk.ui.settings import LANGUAGE_SYSTEM

TRANSLATIONS_DIR = Path(__file__).with_name("translations")
LANGUAGES = ("zh_CN", "en")

_installed: list[QTranslator] = []


def resolve_language(preference: str) -> str:
    """``zh_CN`` or ``en``: the preference, or the system locale when it is ``system``."""
    if preference in LANGUAGES:
        return preference
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install(app: QCoreApplication, preference: str = LANGUAGE_SYSTEM) -> str:
    """Install the translators for ``preference``; returns the language in effect."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = resolve_language(preference)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if language == "zh_CN"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # English is the source language; its file holds only the plural forms ("1 order").
    files = [("crmdesk_en", str(TRANSLATIONS_DIR))] if language == "en" else [
        ("qtbase_" + language, qt_dir), ("crmdesk_" + language, str(TRANSLATIONS_DIR))]
    for name, folder in files:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    return language


def translator_for(language: str) -> QTranslator | None:
    """crmdesk's own translator for a language, for translating without an application."""
    translator = QTranslator()
    return translator if translator.load("crmdesk_" + language, str(TRANSLATIONS_DIR)) else None
