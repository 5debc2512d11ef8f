"""Background work that is not a database call (rendering a report, drawing PDF pages).

`run_task(fn, on_done, on_error, owner=widget)` runs `fn()` on a short-lived Python thread. The result
comes back on the GUI thread through one relay QObject that lives as long as the application: a worker
thread never emits on, or otherwise touches, a QObject that the GUI thread may be deleting at the same
moment (the way a view's own signal emitted from a thread used to race with the view's deletion). The
callbacks run only if the task was not cancelled and `owner` is still alive. Database calls go through
`ui.workers.DbWorker`, which delivers the same way.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

from ui.workers import without_frames

log = logging.getLogger("ui.tasks")
T = TypeVar("T")


class Task(Generic[T]):
    """One piece of background work. `cancel()` drops its result; the work itself runs to its end."""

    def __init__(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None,
        owner: QObject,
        label: str,
    ) -> None:
        self.fn: Callable[[], T] | None = fn
        self.on_done: Callable[[T], None] | None = on_done
        self.on_error = on_error
        self.owner: QObject | None = owner
        self.label = label
        self.cancelled = False
        self.finished = False  # delivered (or dropped) on the GUI thread
        self.result: T | None = None
        self.error: BaseException | None = None
        self.thread: threading.Thread | None = None

    def cancel(self) -> None:
        self.cancelled = True

    def release(self) -> None:
        """Drop the work, the callbacks and the owner (on the GUI thread, once delivered): the thread that
        ran the task then holds no widget, and never destroys one."""
        self.fn = None
        self.on_done = self.on_error = None
        self.owner = None

    def _execute(self) -> None:
        if self.fn is None:
            return
        try:
            self.result = self.fn()
        except Exception as exc:  # handed to the GUI thread, never lost in the worker
            self.error = without_frames(exc)


class _Relay(QObject):
    """Carries finished tasks to the GUI thread; parented to the application, so it outlives every view."""

    delivered = Signal(object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.running: set[threading.Thread] = set()
        self.lock = threading.Lock()
        self.delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _deliver(self, task: Task[Any]) -> None:
        task.finished = True
        try:
            if task.cancelled or task.owner is None or not shiboken6.isValid(task.owner):
                return
            if task.error is not None:
                if task.on_error is not None:
                    task.on_error(task.error)
                else:
                    log.error("%s failed", task.label, exc_info=task.error)
                return
            if task.on_done is not None:
                task.on_done(task.result)
        finally:
            task.release()


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    global _relay
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("background tasks need the application object")
    if _relay is None or not shiboken6.isValid(_relay):
        _relay = _Relay(app)
    return _relay


def run_task(
    fn: Callable[[], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None] | None = None,
    *,
    owner: QObject,
    label: str = "",
    synchronous: bool = False,
) -> Task[T]:
    """Run `fn()` off the GUI thread (inline when `synchronous`: tests and check mode)."""
    task: Task[T] = Task(fn, on_done, on_error, owner, label or getattr(fn, "__name__", "task"))
    relay = _the_relay()
    if synchronous:
        task._execute()
        relay._deliver(task)
        return task

    def work() -> None:
        try:
            task._execute()
            relay.delivered.emit(task)  # the relay lives as long as the application
        finally:
            with relay.lock:
                relay.running.discard(threading.current_thread())

    thread = threading.Thread(target=work, name=f"task: {task.label}", daemon=True)
    task.thread = thread
    with relay.lock:
        relay.running.add(thread)
    thread.start()
    return task


def wait_for_tasks(timeout: float = 10.0) -> bool:
    """Wait for running tasks to end (on quit); True when none is left."""
    if _relay is None or not shiboken6.isValid(_relay):
        return True
    with _relay.lock:
        threads = list(_relay.running)
    for thread in threads:
        thread.join(timeout)
    return not any(t.is_alive() for t in threads)
