"""Errors that carry one plain sentence meant for the user.

The sentence is kept as a template plus parameters so that the GUI can translate the template
(context ``"errors"``) before filling it in; the command line prints the English text.
Templates are marked with :func:`QT_TRANSLATE_NOOP` so that ``pyside6-lupdate`` collects them
without this package importing Qt.
"""

from __future__ import annotations

from typing import Any

ERRORS_CONTEXT = "errors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    return text


class CrmError(Exception):
    """Base of every error whose message is safe to show to a user as it is."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params))


class ValidationError(CrmError):
    """Input that breaks a rule; ``field`` names the offending field when there is one."""

    def __init__(self, template: str, field: str | None = None, **params: Any) -> None:
        super().__init__(template, **params)
        self.field = field


class NotFoundError(CrmError):
    """A record that does not exist, or sits in the recycle bin."""


class ConflictError(CrmError):
    """A change refused because someone else changed the record since the caller read it."""
