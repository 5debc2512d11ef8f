"""The one background-task runner of the interface.

Every piece of background work is a `Task`: a function, the callbacks for its result or its error, and the
widget that asked (its *owner*). Tasks run in one of two lanes:

- `run_task(fn, on_done, on_error, owner=widget)`: work that is not a database call (rendering a report,
  drawing PDF pages) on a short-lived thread of its own, so it never waits behind the database;
- `ui.workers.DbWorker.submit(fn)`: database calls, one at a time and in order on the database thread
  (SQLite and SQLAlchemy sessions stay single-threaded).

Both lanes hand a finished task to one relay QObject that lives as long as the application, and the relay
runs the callbacks on the GUI thread: a worker thread never emits on, or otherwise touches, a QObject the
GUI thread may be deleting at the same moment. The callbacks run only if the task was not cancelled and
its owner is still alive; then the task drops them, so a worker thread never holds the last reference to
a widget.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

log = logging.getLogger("ui.tasks")
T = TypeVar("T")
ErrorCallback = Callable[[BaseException], None]


def without_frames(exc: BaseException) -> BaseException:
    """`exc`, and the exceptions chained to it, with their tracebacks turned into text.

    A traceback holds the frames it passed through and, through each frame's caller, the whole stack
    above: for a call made inline (synchronous worker), the widget being built and the caller's locals.
    Kept on a task, it tied them into a reference cycle that only the cycle collector could free, later,
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


class Task(Generic[T]):
    """One piece of background work. `cancel()` drops its result (and, in the database lane, the call
    itself if it has not started)."""

    def __init__(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None,
        on_error: ErrorCallback | None,
        owner: QObject | None,
        label: str,
    ) -> None:
        self.fn: Callable[[], T] | None = fn
        self.on_done: Callable[[T], None] | None = on_done
        self.on_error: ErrorCallback | None = on_error
        self.owner: QObject | None = owner
        self.label = label
        self.cancelled = False
        self.finished = False  # delivered (or dropped) on the GUI thread
        self.result: T | None = None
        self.error: BaseException | None = None
        self.seconds = 0.0
        self.thread: threading.Thread | None = None
        # How the lane hands the outcome over on the GUI thread (the database lane adds its own steps).
        self.deliver: Callable[[Task[Any]], None] = run_callbacks

    def cancel(self) -> None:
        self.cancelled = True

    def release(self) -> None:
        """Drop the work, the callbacks and the owner (on the GUI thread, once delivered): the thread that
        ran the task then holds no widget, and never destroys one."""
        self.fn = None
        self.on_done = self.on_error = None
        self.owner = None

    @property
    def owner_gone(self) -> bool:
        return self.owner is not None and not shiboken6.isValid(self.owner)

    def execute(self) -> None:
        """Run the work (on a worker thread, or inline), keeping its result or its error."""
        start = time.perf_counter()
        if self.fn is None:
            return
        try:
            self.result = self.fn()
        except BaseException as exc:  # handed to the GUI thread, never lost in the worker
            self.error = without_frames(exc)
        self.seconds = time.perf_counter() - start


def run_callbacks(task: Task[Any]) -> None:
    """The default hand-over: the result to `on_done`, an error to `on_error` (else the log)."""
    if task.cancelled or task.owner is None or task.owner_gone:
        return
    if task.error is not None:
        if task.on_error is not None:
            task.on_error(task.error)
        else:
            log.error("%s failed", task.label, exc_info=task.error)
        return
    if task.on_done is not None:
        task.on_done(task.result)


class Relay(QObject):
    """Carries finished tasks to the GUI thread; parented to the application, so it outlives every view."""

    delivered = Signal(object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.running: set[threading.Thread] = set()
        self.lock = threading.Lock()
        self.delivered.connect(self.deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def deliver(self, task: Task[Any]) -> None:
        task.finished = True
        try:
            task.deliver(task)
        finally:
            task.release()


_relay: Relay | None = None


def relay() -> Relay:
    """The application's relay (made on first use, on the GUI thread)."""
    global _relay
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("background tasks need the application object")
    if _relay is None or not shiboken6.isValid(_relay):
        _relay = Relay(app)
    return _relay


def run_task(
    fn: Callable[[], T],
    on_done: Callable[[T], None],
    on_error: ErrorCallback | None = None,
    *,
    owner: QObject,
    label: str = "",
    synchronous: bool = False,
) -> Task[T]:
    """Run `fn()` on a thread of its own (inline when `synchronous`: tests and check mode)."""
    task: Task[T] = Task(fn, on_done, on_error, owner, label or getattr(fn, "__name__", "task"))
    the_relay = relay()
    if synchronous:
        task.execute()
        the_relay.deliver(task)
        return task

    def work() -> None:
        try:
            task.execute()
            the_relay.delivered.emit(task)  # the relay lives as long as the application
        finally:
            with the_relay.lock:
                the_relay.running.discard(threading.current_thread())

    thread = threading.Thread(target=work, name=f"task: {task.label}", daemon=True)
    task.thread = thread
    with the_relay.lock:
        the_relay.running.add(thread)
    thread.start()
    return task


def wait_for_tasks(timeout: float = 10.0) -> bool:
    """Wait for running tasks of the `run_task` lane to end (on quit); True when none is left."""
    if _relay is None or not shiboken6.isValid(_relay):
        return True
    with _relay.lock:
        threads = list(_relay.running)
    for thread in threads:
        thread.join(timeout)
    return not any(t.is_alive() for t in threads)
