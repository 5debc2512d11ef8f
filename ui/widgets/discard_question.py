"""The question a dialog asks before dropping what the user typed (Escape, Cancel, the close box):
Discard, or Keep editing, which is the default and what Escape on the question answers."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_to_discard(parent: QWidget, text: str, discard: Callable[[], None]) -> QMessageBox:
    """Open the question window-modal (never blocking); `discard` runs only when the user chooses Discard."""
    Button = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Question, parent.windowTitle(), text, Button.Discard | Button.Cancel, parent
    )
    box.setObjectName("discardQuestion")
    box.button(Button.Cancel).setText(QCoreApplication.translate("DiscardQuestion", "Keep editing"))
    box.setDefaultButton(Button.Cancel)
    box.setEscapeButton(Button.Cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(lambda result: discard() if result == Button.Discard else None)
    box.open()
    return box
