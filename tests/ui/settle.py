"""Let a window finish laying itself out before a test measures it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget


def settle(top: QWidget, max_passes: int = 50) -> int:
    """Deliver posted events until no widget in `top` moves or resizes; returns the passes it took.

    A changed text re-lays its window out through a chain of posted layout requests, one nesting level per
    pass of the event queue (events posted while the queue is delivered wait for the next pass). A timed
    wait can end halfway on a busy machine and measure a layout nobody will see; this ends when it is done.
    """

    def geometry() -> list[tuple[int, int, int, int]]:
        return [
            (g.x(), g.y(), g.width(), g.height())
            for g in (w.geometry() for w in [top, *top.findChildren(QWidget)])
        ]

    before, quiet = geometry(), 0
    for passes in range(1, max_passes + 1):
        QCoreApplication.processEvents()
        # Rows a page rebuilt were handed to deleteLater(): gone, as an event loop (or QTest.qWait) makes them.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        after = geometry()
        # Two quiet passes: a request one level up may move nothing in the pass that posts it.
        quiet = quiet + 1 if after == before else 0
        if quiet == 2:
            return passes
        before = after
    raise AssertionError(
        f"{top.objectName() or type(top).__name__}: still re-laying out after {max_passes} passes"
    )
