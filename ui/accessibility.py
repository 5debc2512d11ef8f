"""Names for screen readers: a control takes the text of the label that introduces it.

Qt's accessibility layer names a line edit or a combo box after its label only when the label is a sibling
(`QLabel.buddy`); a form row whose field sits in a box with its problem line under it (admin screens)
loses that link. `name_from_labels(screen)` restores it once the screen is built: each labelled control
without an accessible name gets its label's text, and the label's keyboard shortcut moves to the control.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

# The Japanese way of giving a label a shortcut: the letter in brackets after the text, "法制度(&R):".
_BRACKETED_ACCELERATOR = re.compile(r"\s*[(（]&[^&\s][)）]")


def strip_accelerator(text: str) -> str:
    """A label's text as read aloud: no "&" shortcut marker (a literal "&&" stays "&"), no bracketed
    shortcut letter ("法制度(&R)" is read "法制度", not "法制度 R"), no trailing colon."""
    text = _BRACKETED_ACCELERATOR.sub("", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":")


def _focusable_in(box: QWidget) -> QWidget | None:
    if box.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return box
    return next((w for w in box.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus), None)


def name_from_labels(root: QWidget) -> None:
    for label in root.findChildren(QLabel):
        buddy: QWidget | None = label.buddy()  # None when the label introduces nothing
        if buddy is None:
            continue
        control = _focusable_in(buddy)
        if control is None:
            continue
        if control is not buddy:
            label.setBuddy(control)  # Alt+letter focuses the field, not the box around it
        text = strip_accelerator(label.text()).strip().rstrip(":：").strip()
        if text and not control.accessibleName():
            control.setAccessibleName(text)
