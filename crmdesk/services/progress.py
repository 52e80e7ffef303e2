"""Progress and cancellation for long jobs, passed in as a parameter."""

from __future__ import annotations

from typing import Protocol

from crmdesk.domain.errors import QT_TRANSLATE_NOOP, CrmError


class Cancelled(CrmError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "The job was cancelled; nothing was changed."))


class Progress(Protocol):
    def report(self, done: int, total: int, stage: str = "") -> None: ...

    def cancelled(self) -> bool: ...


class NoProgress:
    """Reports nowhere and is never cancelled."""

    def report(self, done: int, total: int, stage: str = "") -> None:
        pass

    def cancelled(self) -> bool:
        return False


def check(progress: Progress) -> None:
    """Raise :class:`Cancelled` if the user asked to stop."""
    if progress.cancelled():
        raise Cancelled()
