"""Report words in the user's language: the "report" context, stored values through the display
labels, and dates as the language writes them."""

from __future__ import annotations

from PySide6.QtCore import QTranslator

from crmdesk.reports.words import ReportWords
from crmdesk.ui import labels
from crmdesk.ui.export_words import TranslatedWords


class TranslatedReportWords(TranslatedWords, ReportWords):
    def __init__(self, language: str, translator: QTranslator | None = None) -> None:
        super().__init__(translator)
        self.language = language

    def translate(self, context: str, source: str) -> str:
        return self._translate(context, source)

    def interaction(self, value: str) -> str:
        source = labels.interaction_source(value)
        return self._translate("labels.interaction", source) if source else value
