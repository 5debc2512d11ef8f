"""One serial worker thread for every database call; results come back to the GUI thread by queued signal.

The GUI never touches a session: it hands `DbWorker.submit` a function of the database (a service call)
and gets the result, or the exception, in a callback on the GUI thread. One thread for everything keeps
the SQLite/SQLAlchemy use single-threaded and ordered (Anki's `taskman`, `max_workers=1`).
`synchronous=True` runs each call inline instead (tests, check mode), so nothing depends on timing.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

from ui.terms import localize_error

log = logging.getLogger("ui.workers")

T = TypeVar("T")
# The opened database (from transfer_tool.bootstrap.open_database). The UI may not name the storage type;
# only the service functions handed to `submit` ever use it.
DatabaseHandle = Any
DbCall = Callable[[DatabaseHandle], T]
ErrorCallback = Callable[[BaseException], None]


def without_frames(exc: BaseException) -> BaseException:
    """`exc`, and the exceptions chained to it, with their tracebacks turned into text.

    A traceback holds the frames it passed through and, through each frame's caller, the whole stack
    above: for a call made inline (synchronous worker), the widget being built and the caller's locals.
    Kept on a job, it tied them into a reference cycle that only the cycle collector could free, later,
    while the window was still on screen: the suite's crash in Qt's event processing came from exactly
    that (a table's Python side gone while its header's resize timer still fired). A bug keeps its
    traceback as a note, for the details of the error box and the log.
    """
    from transfer_tool.errors import ToolError

    if exc.__traceback__ is not None and not isinstance(exc, ToolError):
        exc.add_note("".join(traceback.format_exception(exc)).rstrip())
    seen: set[int] = set()
    pending: list[BaseException] = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        current.__traceback__ = None
        pending.extend(c for c in (current.__cause__, current.__context__) if c is not None)
    return exc


class Job(Generic[T]):
    """One queued call. `cancel()` drops it if not started yet and always drops its result."""

    def __init__(
        self,
        fn: DbCall[T],
        on_done: Callable[[T], None] | None,
        on_error: ErrorCallback | None,
        owner: QObject | None,
        label: str,
    ) -> None:
        self.fn: DbCall[T] | None = fn
        self.on_done: Callable[[T], None] | None = on_done
        self.on_error: ErrorCallback | None = on_error
        self.owner: QObject | None = owner
        self.label = label
        self.cancelled = False
        self.finished = False
        self.result: T | None = None
        self.error: BaseException | None = None
        self.seconds = 0.0

    def cancel(self) -> None:
        self.cancelled = True

    def release(self) -> None:
        """Drop the callbacks and the owner (on the GUI thread, once delivered): a thread that still holds
        the job then holds no widget, and never destroys one."""
        self.fn = None
        self.on_done = self.on_error = None
        self.owner = None

    def _execute(self, db: DatabaseHandle) -> None:
        start = time.perf_counter()
        if self.fn is None:
            return
        try:
            self.result = self.fn(db)
        except BaseException as exc:  # handed to the GUI thread, never lost in the worker
            self.error = without_frames(exc)
        self.seconds = time.perf_counter() - start


class DbWorker(QObject):
    """Runs service calls on one background thread (or inline when `synchronous`)."""

    busy_changed = Signal(bool)
    # A failure nobody handled (no on_error): the main window shows it.
    unhandled_error = Signal(object)
    _delivered = Signal(object)

    def __init__(
        self, db: DatabaseHandle, *, synchronous: bool = False, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.synchronous = synchronous
        self._queue: queue.Queue[Job[Any] | None] = queue.Queue()
        self._pending = 0
        self._thread: threading.Thread | None = None
        self._delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    # -- submitting ----------------------------------------------------------------------------------

    def submit(
        self,
        fn: DbCall[T],
        on_done: Callable[[T], None] | None = None,
        on_error: ErrorCallback | None = None,
        *,
        owner: QObject | None = None,
        label: str = "",
    ) -> Job[T]:
        """Queue `fn(db)`; `on_done(result)` or `on_error(exc)` run later on the GUI thread.

        Callbacks are skipped when `owner` (usually the widget that asked) has been deleted meanwhile.
        """
        job: Job[T] = Job(fn, on_done, on_error, owner, label or getattr(fn, "__name__", "call"))
        self._set_pending(+1)
        if self.synchronous:
            job._execute(self._db)
            self._deliver(job)
            return job
        self._ensure_thread()
        self._queue.put(job)
        return job

    def call(self, fn: DbCall[T]) -> T:
        """Run `fn(db)` and wait for it: only for start-up, before any window shows."""
        if self.synchronous or self._thread is None:
            return fn(self._db)
        done = threading.Event()
        box: list[Job[T]] = []

        def _wait(db: DatabaseHandle) -> None:
            job: Job[T] = Job(fn, None, None, None, "call")
            job._execute(db)
            box.append(job)
            done.set()

        self._queue.put(Job(_wait, None, None, None, "call"))
        done.wait()
        if box[0].error is not None:
            raise box[0].error
        return box[0].result  # type: ignore[return-value]

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
            self._thread = threading.Thread(target=self._loop, name="db-worker", daemon=True)
            self._thread.start()

    def _loop(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            if not job.cancelled:
                job._execute(self._db)
            try:
                self._delivered.emit(job)
            except RuntimeError:  # the worker QObject is gone (application quitting)
                return
            # The job's callbacks hold widgets: the last reference to them must go on the GUI thread.
            del job

    # -- back on the GUI thread ------------------------------------------------------------------------

    @Slot(object)
    def _deliver(self, job: Job[Any]) -> None:
        job.finished = True
        self._set_pending(-1)
        try:
            self._run_callbacks(job)
        finally:
            job.release()

    def _run_callbacks(self, job: Job[Any]) -> None:
        if job.cancelled:
            return
        if job.owner is not None and not shiboken6.isValid(job.owner):
            return
        log.debug("%s took %.1f ms", job.label, job.seconds * 1000)
        if job.error is not None:
            if job.on_error is not None:
                job.on_error(localize_error(job.error))  # the service's words in the interface language
            else:
                log.error("%s failed", job.label, exc_info=job.error)  # in English, for whoever reads logs
                self.unhandled_error.emit(localize_error(job.error))
            return
        if job.on_done is not None:
            job.on_done(job.result)

    def _set_pending(self, delta: int) -> None:
        before = self._pending > 0
        self._pending += delta
        if (self._pending > 0) != before:
            self.busy_changed.emit(self._pending > 0)
