"""The question a dialog asks before dropping what the user typed (Escape, Cancel, the close box):
Discard, or Keep editing, which is the default and what Escape on the question answers."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ui.widgets.window_fit import grow_on_layout_request


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


class GuardedDialog(QDialog):
    """A dialog whose Escape, Cancel and close box ask before dropping what was typed: one question at a
    time (asked again, the open one comes to the front). A subclass says whether anything is unsaved and
    what the question says."""

    discard_question: QMessageBox | None = None

    def unsaved(self) -> bool:
        return False

    def discard_text(self) -> str:
        return ""

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        grow_on_layout_request(self, event)  # a message shown under a field makes the dialog taller
        return handled

    def reject(self) -> None:
        if not self.unsaved():
            super().reject()
            return
        if self.discard_question is not None:
            self.discard_question.raise_()
            return
        self.discard_question = ask_to_discard(self, self.discard_text(), self._discard)
        self.discard_question.finished.connect(self._question_answered)

    def _question_answered(self) -> None:
        self.discard_question = None

    def _discard(self) -> None:
        super().reject()
