"""Running service calls off the GUI thread, one at a time, with progress and cancel.

All database writes go through the one worker thread (like Anki's task manager), so they never
race each other and the window never freezes. Results come back on the GUI thread through
Qt's queued signals. Tests can make the runner synchronous.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class TaskProgress(QObject):
    """The progress/cancel object handed to a long service call (see services.progress)."""

    progressed = Signal(int, int, str)

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()

    def report(self, done: int, total: int, stage: str = "") -> None:
        self.progressed.emit(done, total, stage)

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Delivery(QObject):
    finished = Signal(object, object, object)  # callback, result, error


class TaskRunner(QObject):
    def __init__(self, synchronous: bool = False) -> None:
        super().__init__()
        self.synchronous = synchronous
        self._pool: Any = None  # the worker thread starts with the first task
        self._delivery = _Delivery()
        self._delivery.finished.connect(self._deliver)
        self._pending = 0

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``work()`` on the worker; then ``on_done(result)`` or ``on_error(exc)`` on the GUI thread."""
        self._pending += 1
        if self.synchronous:
            self._finish(work, (on_done, on_error), deliver=self._deliver)
            return
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="crmdesk-db")
        self._pool.submit(self._finish, work, (on_done, on_error), self._delivery.finished.emit)

    @staticmethod
    def _finish(work: Callable[[], Any], callbacks: tuple, deliver: Callable[..., None]) -> None:
        try:
            result = work()
        except BaseException as exc:  # delivered to the GUI thread, never lost
            deliver(callbacks, None, exc)
            return
        deliver(callbacks, result, None)

    def _deliver(self, callbacks: tuple, result: Any, error: BaseException | None) -> None:
        self._pending -= 1
        on_done, on_error = callbacks
        if error is not None:
            if on_error is None:
                raise error
            on_error(error)
        elif on_done is not None:
            on_done(result)

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
