"""The database lane of the task runner (`ui.tasks`): one serial worker thread for every database call.

The GUI never touches a session: it hands `DbWorker.submit` a function of the database (a service call)
and gets the result, or the exception, in a callback on the GUI thread, delivered by the runner's relay
like every other background task. One thread for everything keeps the SQLite/SQLAlchemy use
single-threaded and ordered (Anki's `taskman`, `max_workers=1`). `synchronous=True` runs each call inline
instead (tests, check mode), so nothing depends on timing.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal

from transfer_tool.runtime.bootstrap import DatabaseHandle
from ui.tasks import ErrorCallback, Relay, Task, relay, without_frames
from ui.terms import localize_error

log = logging.getLogger("ui.workers")

T = TypeVar("T")
DbCall = Callable[[DatabaseHandle], T]
Job = Task  # a database call is a task of the database lane

__all__ = ["DatabaseHandle", "DbCall", "DbWorker", "Job", "without_frames"]


class DbWorker(QObject):
    """Runs service calls on one background thread (or inline when `synchronous`)."""

    busy_changed = Signal(bool)
    # A failure nobody handled (no on_error): the main window shows it.
    unhandled_error = Signal(object)

    def __init__(
        self, db: DatabaseHandle, *, synchronous: bool = False, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.synchronous = synchronous
        self._queue: queue.Queue[Task[Any] | None] = queue.Queue()
        self._pending = 0
        self._thread: threading.Thread | None = None

    # -- submitting ----------------------------------------------------------------------------------

    def submit(
        self,
        fn: DbCall[T],
        on_done: Callable[[T], None] | None = None,
        on_error: ErrorCallback | None = None,
        *,
        owner: QObject | None = None,
        label: str = "",
    ) -> Task[T]:
        """Queue `fn(db)`; `on_done(result)` or `on_error(exc)` run later on the GUI thread.

        Callbacks are skipped when `owner` (usually the widget that asked) has been deleted meanwhile.
        """
        db = self._db
        task: Task[T] = Task(
            lambda: fn(db), on_done, on_error, owner, label or getattr(fn, "__name__", "call")
        )
        task.deliver = self._deliver
        the_relay = relay()  # made here, on the GUI thread, before the database thread needs it
        self._set_pending(+1)
        if self.synchronous:
            task.execute()
            the_relay.deliver(task)
            return task
        self._ensure_thread()
        self._queue.put(task)
        return task

    def call(self, fn: DbCall[T]) -> T:
        """Run `fn(db)` and wait for it: only for start-up, before any window shows."""
        if self.synchronous or self._thread is None:
            return fn(self._db)
        done = threading.Event()
        db = self._db
        task: Task[T] = Task(lambda: fn(db), None, None, None, "call")

        def wait_for(_task: Task[Any]) -> None:  # runs on the database thread, in the queue's order
            task.execute()
            done.set()

        self._queue.put(_Inline(wait_for))
        done.wait()
        if task.error is not None:
            raise task.error
        return task.result  # type: ignore[return-value]

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def shutdown(self, timeout: float = 5.0) -> None:
        """Finish the queued calls and stop the thread (on quit)."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout)
            self._thread = None

    # -- the thread ------------------------------------------------------------------------------------

    def _ensure_thread(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, args=(relay(),), name="db-worker", daemon=True)
            self._thread.start()

    def _loop(self, the_relay: Relay) -> None:
        delivered = the_relay.delivered
        while True:
            task = self._queue.get()
            if task is None:
                return
            if isinstance(task, _Inline):
                task.run()
                continue
            if not task.cancelled:
                task.execute()
            try:
                delivered.emit(task)
            except RuntimeError:  # the application is gone (quitting)
                return
            # The task's callbacks hold widgets: the last reference to them must go on the GUI thread.
            del task

    # -- back on the GUI thread ------------------------------------------------------------------------

    def _deliver(self, task: Task[Any]) -> None:
        if not shiboken6.isValid(self):  # the worker went first (quitting): nobody is waiting
            return
        self._set_pending(-1)
        if task.cancelled or task.owner_gone:
            return
        log.debug("%s took %.1f ms", task.label, task.seconds * 1000)
        if task.error is not None:
            if task.on_error is not None:
                task.on_error(localize_error(task.error))  # the service's words in the interface language
            else:
                log.error("%s failed", task.label, exc_info=task.error)  # in English, for whoever reads logs
                self.unhandled_error.emit(localize_error(task.error))
            return
        if task.on_done is not None:
            task.on_done(task.result)

    def _set_pending(self, delta: int) -> None:
        before = self._pending > 0
        self._pending += delta
        if (self._pending > 0) != before:
            self.busy_changed.emit(self._pending > 0)


class _Inline(Task[None]):
    """A step the database thread runs in the queue's order without delivering it (`call`)."""

    def __init__(self, step: Callable[[Task[Any]], None]) -> None:
        super().__init__(lambda: None, None, None, None, "call")
        self.step = step

    def run(self) -> None:
        self.step(self)
