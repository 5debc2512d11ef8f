"""A window grows to fit a wrapped text it shows later (an error under a form).

Qt gives a window at least its layout's minimum size, which leaves out height-for-width: a word-wrapped
message shown after the window opened took its lines from the form above it, and the form's fields were
squeezed below their own height (a country box cut in half, check boxes drawn over each other).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget


def grow_to_fit(window: QWidget) -> None:
    """Make the shown `window` tall enough for everything at its width (never shorter, never taller than
    the screen's free area)."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = window.width()
    needed = (
        layout.totalHeightForWidth(width)
        if layout.hasHeightForWidth()
        else layout.totalMinimumSize().height()
    )
    screen = window.screen()
    if screen is not None:
        needed = min(needed, screen.availableGeometry().height())
    if needed > window.height():
        window.resize(width, needed)


def grow_on_layout_request(window: QWidget, event: QEvent) -> None:
    """Call from the window's `event()` after the base class: its layout has just taken in a change (a
    message shown or hidden), so the window can now grow to fit it."""
    if event.type() == QEvent.Type.LayoutRequest and window.isVisible():
        grow_to_fit(window)
