"""Python's cycle collector runs on the GUI thread only.

Left to itself, the collector runs in whichever thread happens to allocate when a generation fills up: in
this app, the database worker (SQLAlchemy allocates a lot) or a report render (ReportLab too). A closed
window that sits in a reference cycle (a widget and a lambda slot that names it) is then destroyed on that
thread, and Qt widgets may only be destroyed on the GUI thread: the heap is damaged and the app dies later,
somewhere in Qt's event processing, with no frame of ours on the stack. The test suite died that way about
once in seven runs, always after a test that ran the threaded worker. So automatic collection is off while
the app runs, and `collect_due()` does the same work on the GUI thread: a timer calls it (the way Qt
projects such as GitFourchette and OpenCue do), and the GUI tests' teardown calls it after every test.
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


def collect_due() -> int:
    """Collect the generations whose thresholds are passed, as the automatic collector would; GUI thread only.

    Returns the number of unreachable objects found.
    """
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError("collect_due() runs on the GUI thread only")
    threshold0, threshold1, threshold2 = gc.get_threshold()
    count0, count1, count2 = gc.get_count()
    if count0 <= threshold0:
        return 0
    if count1 + 1 > threshold1:
        return gc.collect(2 if count2 + 1 > threshold2 else 1)
    return gc.collect(0)


class GuiThreadCollector(QObject):
    """While it lives, automatic collection is off and a GUI-thread timer collects what is due."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(collect_due)
        self._timer.start()

    def stop(self) -> None:
        """Stop the timer (automatic collection stays off: whoever started the app turns it back on)."""
        self._timer.stop()
