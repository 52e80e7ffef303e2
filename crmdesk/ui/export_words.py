"""The words of an export in the user's language: headers from the "export" context, stored
values through the display labels.

The app translates through its installed translators; the command line, which has no Qt
application, hands in a translator of its own.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QTranslator

from crmdesk.services.exporting import CONTEXT, Vocabulary
from crmdesk.ui import labels


class TranslatedWords(Vocabulary):
    def __init__(self, translator: QTranslator | None = None) -> None:
        self._translator = translator

    def _translate(self, context: str, text: str) -> str:
        if self._translator is None:
            return QCoreApplication.translate(context, text)
        return self._translator.translate(context, text) or text

    def header(self, text: str) -> str:
        return self._translate(CONTEXT, text)

    def label(self, value: str) -> str:
        source = labels.label_source(value)
        return self._translate(labels.CONTEXT, source) if source else value

    def channel(self, value: str) -> str:
        source = labels.channel_source(value)
        return self._translate("labels.channel", source) if source else value

    def status(self, value: str) -> str:
        source = labels.complaint_status_source(value)
        return self._translate(source[0], source[1]) if source else value

    def kpi(self, text: str) -> str:
        return self._translate("kpi", text)

    def task(self, kind: str, title: str, due_on: dt.date) -> str:
        from crmdesk.ui.panes.calendar.task_text import task_text

        return task_text(kind, title, due_on)
