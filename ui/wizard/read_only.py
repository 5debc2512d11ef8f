"""Read-only pages that still read as normal text (a submitted or approved version, a role that may not edit).

A disabled widget greys its text out and takes no focus, so an approved assessment could be neither read
comfortably nor copied from. Instead, `set_read_only(root, True)`:
- text fields (line edits, text areas, spin boxes and dates) become read-only: normal text, focusable,
  selectable and copyable with the keyboard and the mouse;
- choices (combo boxes, check boxes, radio buttons, list and table entries) keep their normal look and
  their focus, but a guard swallows every click and key that would change them; Tab moves on, and Ctrl+C
  copies what they show;
- action buttons (Add…, New…, Remove) are disabled: they do something rather than show something.
`set_read_only(root, False)` restores what it changed. Widgets created later are covered by calling it
again (it is idempotent).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

_MARK = "readOnlyApplied"  # set on each widget changed, with what it was before
_BEFORE = "readOnlyBefore"
_PLACEHOLDER = "readOnlyPlaceholder"  # an empty read-only field does not invite typing
# Item views whose selection is the value (the destination picker): arrows would change it.
NO_NAVIGATION = "readOnlyNoNavigation"

_MOUSE = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
}
_NAVIGATION = {
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
}


def _shown_text(widget: QWidget) -> str:
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    if isinstance(widget, QAbstractItemView):
        index = widget.currentIndex()
        value = index.data(Qt.ItemDataRole.DisplayRole) if index.isValid() else None
        return str(value) if value is not None else ""
    return ""


class _Guard(QObject):
    """Swallows what would change a choice; lets focus, Tab, scrolling and copying through."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        parent = watched.parent()
        on_viewport = isinstance(parent, QAbstractItemView) and watched is parent.viewport()
        widget = parent if on_viewport else watched
        if not isinstance(widget, QWidget):
            return False
        if isinstance(widget, QAbstractSpinBox):
            # Read-only already refuses typing; the wheel and the step keys are what could still step it.
            if kind == QEvent.Type.Wheel:
                event.ignore()
                return True
            steps = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
            return isinstance(event, QKeyEvent) and kind == QEvent.Type.KeyPress and event.key() in steps
        if kind in _MOUSE:
            if kind == QEvent.Type.MouseButtonPress and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                widget.setFocus(Qt.FocusReason.MouseFocusReason)
            return True
        if kind == QEvent.Type.Wheel:
            if isinstance(widget, QAbstractItemView):
                return False  # scrolls the list; changes nothing
            event.ignore()  # the page scrolls instead of the choice changing
            return True
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                return False
            if event.matches(QKeySequence.StandardKey.Copy):
                QGuiApplication.clipboard().setText(_shown_text(widget))
                return True
            # Reading a list entry by entry changes nothing; any other key could.
            reading = (
                isinstance(widget, QAbstractItemView)
                and event.key() in _NAVIGATION
                and not widget.property(NO_NAVIGATION)
                and event.modifiers() == Qt.KeyboardModifier.NoModifier
            )
            return not reading
        return False


def _guard_for(root: QWidget) -> _Guard:
    guard = root.findChild(_Guard, "readOnlyGuard")
    if guard is None:
        guard = _Guard(root)
        guard.setObjectName("readOnlyGuard")
    return guard


def _text_field(widget: QWidget) -> bool:
    return isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox))


def _choice(widget: QWidget) -> bool:
    if isinstance(widget, QComboBox):
        return True
    if isinstance(widget, QAbstractButton):
        return widget.isCheckable()
    return isinstance(widget, QAbstractItemView)


def _action(widget: QWidget) -> bool:
    return isinstance(widget, QAbstractButton) and not widget.isCheckable()


def _apply(widget: QWidget, guard: _Guard) -> None:
    first = not widget.property(_MARK)
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        if first:
            widget.setProperty(_BEFORE, widget.isReadOnly())
            widget.setProperty(_PLACEHOLDER, widget.placeholderText())
        widget.setPlaceholderText("")
        widget.setReadOnly(True)
        if isinstance(widget, (QPlainTextEdit, QTextEdit)):
            widget.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
    elif isinstance(widget, QAbstractSpinBox):
        if first:
            widget.setProperty(_BEFORE, [widget.isReadOnly(), widget.buttonSymbols().value])
        widget.setReadOnly(True)
        widget.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        widget.installEventFilter(guard)  # the wheel would still step a read-only spin box's value
    elif _choice(widget):
        if first:
            widget.installEventFilter(guard)
            if isinstance(widget, QAbstractItemView):
                widget.viewport().installEventFilter(guard)
    elif _action(widget):
        if first:
            widget.setProperty(_BEFORE, widget.isEnabled())
        widget.setEnabled(False)
    else:
        return
    widget.setProperty(_MARK, True)


def _restore(widget: QWidget, guard: _Guard) -> None:
    if not widget.property(_MARK):
        return
    before = widget.property(_BEFORE)
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        widget.setReadOnly(bool(before))
        widget.setPlaceholderText(str(widget.property(_PLACEHOLDER) or ""))
        widget.setProperty(_PLACEHOLDER, None)
        if isinstance(widget, (QPlainTextEdit, QTextEdit)) and not before:
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
    elif isinstance(widget, QAbstractSpinBox):
        was_read_only, symbols = before if isinstance(before, list) else (False, 0)
        widget.setReadOnly(bool(was_read_only))
        widget.setButtonSymbols(QAbstractSpinBox.ButtonSymbols(int(symbols)))
        widget.removeEventFilter(guard)
    elif _choice(widget):
        widget.removeEventFilter(guard)
        if isinstance(widget, QAbstractItemView):
            widget.viewport().removeEventFilter(guard)
    elif _action(widget):
        widget.setEnabled(bool(before))
    widget.setProperty(_MARK, None)
    widget.setProperty(_BEFORE, None)


def set_read_only(root: QWidget, read_only: bool) -> None:
    """Make every input under `root` read-only (or restore it), keeping it readable, focusable and
    copyable. `root` itself stays enabled."""
    guard = _guard_for(root)
    for widget in root.findChildren(QWidget):
        if read_only:
            _apply(widget, guard)
        else:
            _restore(widget, guard)


def is_read_only(widget: QWidget) -> bool:
    """Whether `set_read_only` has made `widget` read-only."""
    return bool(widget.property(_MARK))
