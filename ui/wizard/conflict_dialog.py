"""When autosave finds that someone else saved first: show both versions, side by side, and let the user
keep theirs or keep mine. Opened with `open()` (never `exec()`), answered through `chosen`."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.assessment import service
from transfer_tool.assessment.record import AssessmentRecord, to_dict
from transfer_tool.errors import ConflictError
from transfer_tool.transfers import TransferInput, TransferView

KEEP_MINE = "mine"
KEEP_THEIRS = "theirs"


def _fields(value: object) -> dict[str, Any]:
    if isinstance(value, AssessmentRecord):
        return dict(to_dict(value)["record"])
    if isinstance(value, service.AssessmentView):
        return dict(to_dict(value.record)["record"])
    if isinstance(value, TransferView):
        value = value.as_input()
    if isinstance(value, TransferInput):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(TransferInput)}
    return {}


def differences(mine: object, theirs: object) -> list[tuple[str, str, str]]:
    """(field, my value, their value) for every top-level field that differs, as readable JSON."""
    a, b = _fields(mine), _fields(theirs)
    out = []
    for key in sorted(set(a) | set(b)):
        if a.get(key) != b.get(key):
            out.append((key, _show(a.get(key)), _show(b.get(key))))
    return out


def _show(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, default=str)


class ConflictDialog(QDialog):
    """Both versions of what differs; `chosen(KEEP_MINE | KEEP_THEIRS)`."""

    chosen = Signal(str)

    def __init__(self, exc: ConflictError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.exc = exc
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Someone else saved this first"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        intro = QLabel(self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        theirs = exc.theirs
        who = ""
        if isinstance(theirs, service.AssessmentView):
            who = self.tr("Their version was saved at %1.").replace(
                "%1", theirs.updated_at.strftime("%Y-%m-%d %H:%M")
            )
        intro.setText(
            exc.message
            + "\n\n"
            + who
            + " "
            + self.tr(
                "Below is every part that differs. Keep mine stores your version over theirs; keep theirs "
                "drops your unsaved changes and shows their version."
            )
        )
        layout.addWidget(intro)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("<b>Mine (not saved)</b>"), self), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>Theirs (saved)</b>"), self), 0, 2)
        self.rows = differences(exc.mine, theirs)
        for i, (key, mine_text, theirs_text) in enumerate(self.rows, start=1):
            name = QLabel(key, self)
            name.setAlignment(Qt.AlignmentFlag.AlignTop)
            grid.addWidget(name, i, 0)
            for col, text in ((1, mine_text), (2, theirs_text)):
                box = QPlainTextEdit(text, self)
                box.setReadOnly(True)
                box.setAccessibleName(
                    (self.tr("My value of %1") if col == 1 else self.tr("Their value of %1")).replace(
                        "%1", key
                    )
                )
                box.setMaximumHeight(140)
                grid.addWidget(box, i, col)
        if not self.rows:
            grid.addWidget(
                QLabel(self.tr("The saved contents are the same; only the version number differs."), self),
                1,
                1,
                1,
                2,
            )
        layout.addLayout(grid, 1)
        buttons = QDialogButtonBox(self)
        self.mine_button = QPushButton(self.tr("Keep &mine"), self)
        self.theirs_button = QPushButton(self.tr("Keep &theirs"), self)
        buttons.addButton(self.mine_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.theirs_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)
        self.mine_button.clicked.connect(lambda: self._choose(KEEP_MINE))
        self.theirs_button.clicked.connect(lambda: self._choose(KEEP_THEIRS))
        self.mine_button.setDefault(True)

    def _choose(self, which: str) -> None:
        self.chosen.emit(which)
        self.accept()

    def reject(self) -> None:
        # Escape keeps the safer choice: nothing of theirs is overwritten.
        self.chosen.emit(KEEP_THEIRS)
        super().reject()
