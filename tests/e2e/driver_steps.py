"""Steps shared by the scripted users of the process-level GUI tests (test_gui_e2e.py, test_gui_crash.py).

Those tests write a small driver script that plays the user in the real app process; the script imports
these helpers (the process runs with PYTHONPATH at the checkout). Typing goes through key events, never
`QTest.keyClicks`, which aborts on non-ASCII text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication


def type_text(widget: Any, typed: str, *, append: bool = False) -> None:
    widget.setFocus()
    if append:  # put the cursor at the end so stored text only ever grows
        widget.moveCursor(QTextCursor.MoveOperation.End)
    for ch in typed:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def find(name: str) -> Any:
    """The visible top-level window whose class is `name`, or None."""
    for w in QApplication.topLevelWidgets():
        if type(w).__name__ == name and w.isVisible():
            return w
    return None


def sign_in(user: str, password: str) -> bool:
    dialog = find("SignInDialog")
    if dialog is None:
        return False
    dialog.username.setText(user)
    dialog.password.setText(password)
    dialog.ok_button.click()
    return True


def open_transfer(transfer_id: int) -> bool:
    """Select the transfer in the register and use File > Open assessment (Ctrl+O)."""
    from ui.main_window import MainWindow  # loaded already: the driver runs in the app's process

    window = find("MainWindow")
    if not isinstance(window, MainWindow) or not window.is_ready:
        return False
    window.register.select_transfer(transfer_id)
    window.open_action.trigger()
    return True
