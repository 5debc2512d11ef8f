"""The one place where exceptions become dialogs (Anki's `show_exception`), and the crash hook.

A `ToolError` is the user's to correct: its message (and each problem) is shown as it is. Anything else
is a bug: a short apology with the traceback under "Show details", and a log entry.
Dialogs open window-modal with `open()`, never `exec()`, so nothing here blocks a test or the check mode.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from transfer_tool.errors import ToolError, ValidationError
from ui.terms import localize_error

log = logging.getLogger("ui")


def describe(exc: BaseException) -> str:
    """The text a user sees for an error."""
    localize_error(exc)
    if isinstance(exc, ValidationError):
        return exc.details()
    if isinstance(exc, ToolError):
        return exc.message
    return QCoreApplication.translate(
        "Errors",
        "Something went wrong inside the tool (this is a bug, not something you did). "
        "Your saved work is safe. The details below help whoever maintains the tool.",
    )


def is_bug(exc: BaseException) -> bool:
    return not isinstance(exc, ToolError)


def error_box(parent: QWidget | None, exc: BaseException, title: str = "") -> QMessageBox:
    """Build (not show) the dialog for `exc`."""
    box = QMessageBox(parent)
    box.setObjectName("errorBox")
    box.setIcon(QMessageBox.Icon.Critical if is_bug(exc) else QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("Errors", "Transfer tool"))
    box.setText(describe(exc))
    if is_bug(exc):
        box.setDetailedText("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_exception(parent: QWidget | None, exc: BaseException, title: str = "") -> QMessageBox:
    """Show `exc` without blocking the caller (window-modal `open()`)."""
    if is_bug(exc):
        log.error("unexpected error", exc_info=exc)
    box = error_box(parent, exc, title)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def show_info(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def install_excepthook(parent: Callable[[], QWidget | None]) -> ExceptHook:
    """Log uncaught exceptions (e.g. raised in a slot) and show them; returns the previous hook."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        log.critical("uncaught exception", exc_info=(kind, exc, tb))
        if QApplication.instance() is not None:
            try:
                show_exception(parent(), exc)
            except Exception:  # never let the hook itself crash the app
                log.exception("could not show the error dialog")

    sys.excepthook = hook
    return previous
