"""What a screen reader would say for each control: the accessible-name check the UI tests share."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def unlabelled(screen: QWidget) -> list[str]:
    """Controls the user can reach that a screen reader could not name: asks Qt's accessibility layer for
    the name it would give (the accessible name, a button's text, or the text of the label whose buddy the
    control is)."""
    out = []
    for w in screen.findChildren(QWidget):
        if not w.isVisibleTo(screen):
            continue
        parent = w.parentWidget()
        if isinstance(parent, QAbstractSpinBox | QComboBox) or isinstance(w, QHeaderView):
            continue  # the inner line edit of a spin box or combo box; table headers
        inputs = QLineEdit | QPlainTextEdit | QTextEdit | QComboBox | QAbstractSpinBox | QAbstractItemView
        if not isinstance(w, QAbstractButton | inputs):
            continue
        iface = QAccessible.queryAccessibleInterface(w)
        name = iface.text(QAccessible.Text.Name) if iface is not None else ""
        if not name.replace("&", "").strip():
            out.append(f"{type(w).__name__} {w.objectName()!r}")
    return out


def next_in_focus_chain(widget: QWidget) -> QWidget:
    """The widget after `widget` in Qt's focus chain (a ring: each widget of a window has one after it)."""
    following = widget.nextInFocusChain()
    assert following is not None, widget
    return following
