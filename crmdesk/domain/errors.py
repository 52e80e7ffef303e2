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


class PermissionDeniedError(CrmError):
    """An action the signed-in user's role does not allow; nothing was changed."""


class ConflictError(CrmError):
    """A change refused because someone else changed the record since the caller read it."""


class DiskFullError(CrmError):
    """The disk (or the database's size limit) is full; the change was rolled back whole."""

    def __init__(self) -> None:
        super().__init__(DISK_FULL)


DISK_FULL = QT_TRANSLATE_NOOP(
    "errors", "The disk is full, so the change was not saved and nothing was changed. Free some space and try again."
)
SQLITE_FULL = 13  # sqlite3.SQLITE_FULL, the result code of "database or disk is full"
PG_DISK_FULL = "53100"  # PostgreSQL's SQLSTATE disk_full


def is_disk_full(exc: BaseException) -> bool:
    """Whether a database driver error (or one wrapping it, as peewee does) means "disk full"."""
    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo:
        err = todo.pop()
        if not isinstance(err, BaseException) or id(err) in seen:
            continue
        seen.add(id(err))
        if isinstance(err, DiskFullError):
            return True
        code = getattr(err, "sqlite_errorcode", None)
        if (code is not None and code & 0xFF == SQLITE_FULL) or getattr(err, "pgcode", None) == PG_DISK_FULL:
            return True
        if "database or disk is full" in str(err):
            return True
        todo += [err.__cause__, err.__context__, *err.args]
    return False
