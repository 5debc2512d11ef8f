"""Two versions of one record side by side, for when someone else saved it first.

`ConflictView` shows, for every field that differs, its label, my value, their value and a choice per
field. `ConflictChooser` wraps it in a dialog with three answers: keep mine (store mine over theirs), keep
theirs (drop mine, after a confirmation) and use my choices (store the field-by-field merge). It is opened
with `open()` (never `exec()`) and answers through `chosen`; nothing is decided by closing it, so no
version is lost silently. The merge itself is the core's `transfer_tool.register.conflicts.merge_fields`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.register.conflicts import KEEP_MINE, KEEP_THEIRS, USE_CHOICES

__all__ = ["KEEP_MINE", "KEEP_THEIRS", "USE_CHOICES", "ConflictChooser", "ConflictView", "FieldDiff"]


@dataclass(frozen=True)
class FieldDiff:
    """One field that differs: its key, what the user reads, and both values as display text."""

    key: str
    label: str
    mine: str
    theirs: str


class ConflictView(QWidget):
    """A grid: field | mine | theirs | which one to keep (mine by default)."""

    def __init__(self, diffs: Sequence[FieldDiff], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictView")
        self.diffs = list(diffs)
        self._groups: dict[str, QButtonGroup] = {}
        self.mine_boxes: dict[str, QPlainTextEdit] = {}
        self.theirs_boxes: dict[str, QPlainTextEdit] = {}
        self.mine_radios: dict[str, QRadioButton] = {}
        self.theirs_radios: dict[str, QRadioButton] = {}
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("<b>Field</b>"), self), 0, 0)
        grid.addWidget(QLabel(self.tr("<b>Mine (not saved)</b>"), self), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>Theirs (saved)</b>"), self), 0, 2)
        grid.addWidget(QLabel(self.tr("<b>Keep</b>"), self), 0, 3)
        for row, diff in enumerate(self.diffs, start=1):
            name = QLabel(diff.label, self)
            name.setWordWrap(True)
            name.setAlignment(Qt.AlignmentFlag.AlignTop)
            grid.addWidget(name, row, 0)
            for col, text, boxes, accessible in (
                (1, diff.mine, self.mine_boxes, self.tr("My value of %1")),
                (2, diff.theirs, self.theirs_boxes, self.tr("Their value of %1")),
            ):
                box = QPlainTextEdit(text, self)
                box.setReadOnly(True)
                box.setAccessibleName(accessible.replace("%1", diff.label))
                box.setMaximumHeight(120)
                boxes[diff.key] = box
                grid.addWidget(box, row, col)
            pick = QWidget(self)
            pick_layout = QVBoxLayout(pick)
            pick_layout.setContentsMargins(0, 0, 0, 0)
            mine = QRadioButton(self.tr("Mine"), pick)
            theirs = QRadioButton(self.tr("Theirs"), pick)
            mine.setAccessibleName(self.tr("Keep my value of %1").replace("%1", diff.label))
            theirs.setAccessibleName(self.tr("Keep their value of %1").replace("%1", diff.label))
            mine.setChecked(True)
            group = QButtonGroup(pick)
            group.addButton(mine)
            group.addButton(theirs)
            pick_layout.addWidget(mine)
            pick_layout.addWidget(theirs)
            pick_layout.addStretch(1)
            self._groups[diff.key] = group
            self.mine_radios[diff.key], self.theirs_radios[diff.key] = mine, theirs
            grid.addWidget(pick, row, 3)
        if not self.diffs:
            grid.addWidget(
                QLabel(self.tr("The saved contents are the same; only the version number differs."), self),
                1,
                0,
                1,
                4,
            )
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(self.diffs) + 1, 1)

    def choices(self) -> dict[str, str]:
        """key → KEEP_MINE or KEEP_THEIRS for every differing field."""
        return {
            key: KEEP_THEIRS if self.theirs_radios[key].isChecked() else KEEP_MINE for key in self._groups
        }

    def set_choice(self, key: str, which: str) -> None:
        (self.theirs_radios if which == KEEP_THEIRS else self.mine_radios)[key].setChecked(True)


class ConflictChooser(QDialog):
    """The comparison with Keep mine / Keep theirs / Use my choices; `chosen(KEEP_MINE | KEEP_THEIRS |
    USE_CHOICES)`. Keep theirs (and Escape) first asks to confirm that my changes are dropped."""

    chosen = Signal(str)

    def __init__(
        self, intro: str, diffs: Sequence[FieldDiff], parent: QWidget | None = None, title: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(title or self.tr("Someone else saved this first"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(1000, 600)
        self.outcome = ""  # the answer given (for callers and tests)
        self.confirmation: QMessageBox | None = None
        layout = QVBoxLayout(self)
        self.intro = QLabel(intro, self)
        self.intro.setObjectName("conflictIntro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.intro)
        self.view = ConflictView(diffs, self)
        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setWidget(self.view)
        layout.addWidget(self._scroll, 1)
        help_text = QLabel(
            self.tr(
                "Keep mine stores your version over theirs. Keep theirs drops your unsaved changes. "
                "Use my choices stores, field by field, the value chosen under Keep."
            ),
            self,
        )
        help_text.setWordWrap(True)
        layout.addWidget(help_text)
        row = QHBoxLayout()
        buttons = QDialogButtonBox(self)
        self.mine_button = QPushButton(self.tr("Keep &mine"), self)
        self.theirs_button = QPushButton(self.tr("Keep &theirs…"), self)
        self.choices_button = QPushButton(self.tr("&Use my choices"), self)
        self.choices_button.setVisible(bool(diffs))
        buttons.addButton(self.mine_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.choices_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.theirs_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.mine_button.clicked.connect(lambda: self._choose(KEEP_MINE))
        self.choices_button.clicked.connect(lambda: self._choose(USE_CHOICES))
        self.theirs_button.clicked.connect(self.ask_keep_theirs)
        self.mine_button.setDefault(True)

    @property
    def diffs(self) -> list[FieldDiff]:
        return self.view.diffs

    def set_diffs(self, diffs: Sequence[FieldDiff]) -> None:
        """Show these fields instead (for subclasses whose labels need `self.tr`)."""
        self.view = ConflictView(diffs, self)
        self._scroll.setWidget(self.view)  # deletes the previous view
        self.choices_button.setVisible(bool(diffs))

    def choices(self) -> dict[str, str]:
        return self.view.choices()

    def ask_keep_theirs(self) -> None:
        """Dropping my changes cannot be undone: confirm first (a window-modal box, opened not exec'd)."""
        if self.confirmation is not None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Drop your changes?"),
            self.tr(
                "Your unsaved changes to the fields listed will be dropped and their version shown. "
                "This cannot be undone."
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirmKeepTheirs")
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("Drop mine, keep theirs"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _r: self._confirmed(box))
        self.confirmation = box
        box.open()

    def confirm_keep_theirs(self) -> None:
        """Answer the confirmation with "drop mine" (what clicking that button does)."""
        if self.confirmation is not None:
            self.confirmation.button(QMessageBox.StandardButton.Discard).click()

    def _confirmed(self, box: QMessageBox) -> None:
        self.confirmation = None
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Discard):
            self._choose(KEEP_THEIRS)

    def _choose(self, which: str) -> None:
        if self.outcome:
            return
        self.outcome = which
        self.chosen.emit(which)
        self.accept()

    def reject(self) -> None:
        # Escape or the close box never decides silently: it asks, as Keep theirs does.
        if not self.outcome:
            self.ask_keep_theirs()
            return
        super().reject()
