"""Every GUI test leaves Qt as it found it: no window, no deferred delete, no thread of its own.

pytest-qt closes the widgets a test registered and calls `deleteLater()` on them; the deletions then ran
inside whichever later test next spun an event loop, long after the objects' Python side had gone. That
is how the suite used to die about once in seven runs (a segmentation fault in Qt's event processing,
between tests, with no frame of ours). Here, after each GUI test's own teardown:

- deferred deletes are flushed at once, so a test's objects die within that test;
- any top-level widget the test made that is still alive is closed, deleted and reported: the test fails
  naming its class and object name (a test that keeps a window on purpose says so with
  `@pytest.mark.keeps_windows`);
- any thread the test started must end: it is joined briefly (a worker that has just delivered its last
  result is still returning), and one still running fails the test.

Python's cycle collector runs on the main (GUI) thread only, as in the app (ui/collector.py): automatic
collection is off for the session and each test's teardown collects what is due.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Generator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

_JOIN_SECONDS = 5.0
_BASELINE = pytest.StashKey[tuple[set[int], set[threading.Thread]]]()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "keeps_windows: the test leaves top-level widgets alive on purpose")
    gc.disable()  # see ui/collector.py: a worker thread must never be the one that destroys a widget


def _top_levels() -> dict[int, QWidget]:
    import shiboken6
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        return {}
    return {shiboken6.getCppPointer(w)[0]: w for w in QApplication.topLevelWidgets()}


def _flush_deferred_deletes() -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        # Twice: deleting a window can post the deletion of objects it owned (layouts, popups).
        for _ in range(2):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _describe(widget: object) -> str:
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    name = widget.objectName() or "(no object name)"
    title = widget.windowTitle()
    state = "visible" if widget.isVisible() else "hidden"
    return f"{type(widget).__name__} {name}" + (f" {title!r}" if title else "") + f" ({state})"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, None, None]:
    if item.get_closest_marker("gui"):
        _flush_deferred_deletes()
        item.stash[_BASELINE] = (set(_top_levels()), set(threading.enumerate()))
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, None, None]:
    # Outside pytest-qt's own teardown (trylast): this runs after it closed the registered widgets and
    # after every fixture's teardown (the database worker's shutdown included).
    from ui.collector import collect_due

    result = yield
    baseline = item.stash.get(_BASELINE, None)
    if baseline is None:
        collect_due()
        return result
    widgets_before, threads_before = baseline
    _flush_deferred_deletes()
    leaked = {ptr: w for ptr, w in _top_levels().items() if ptr not in widgets_before}
    names = sorted(_describe(w) for w in leaked.values())
    for widget in leaked.values():
        widget.close()
        widget.deleteLater()
    _flush_deferred_deletes()
    collect_due()
    _flush_deferred_deletes()

    running = []
    for thread in threading.enumerate():
        if thread in threads_before or thread is threading.current_thread():
            continue
        thread.join(_JOIN_SECONDS)
        if thread.is_alive():
            running.append(thread.name)

    problems = []
    if names and not item.get_closest_marker("keeps_windows"):
        problems.append("windows left alive: " + "; ".join(names))
    if running:
        problems.append("threads still running: " + ", ".join(sorted(running)))
    if problems:
        pytest.fail(f"{item.nodeid} did not clean up: " + " | ".join(problems), pytrace=False)
    return result
