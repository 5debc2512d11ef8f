"""The wizard's step list reached by keyboard: a Tab stop of its own, arrow keys to move through the steps
and Enter, Return or Space to go to one (as a click does), a focus frame that can be seen, and the wizard's
Tab order (steps, the page's fields, then the wizard's buttons)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
    QWizard,
)

GO_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
Move = QAbstractItemView.CursorAction
MOVE_KEYS = {
    Qt.Key.Key_Up: Move.MoveUp,
    Qt.Key.Key_Down: Move.MoveDown,
    Qt.Key.Key_Home: Move.MoveHome,
    Qt.Key.Key_End: Move.MoveEnd,
    Qt.Key.Key_PageUp: Move.MovePageUp,
    Qt.Key.Key_PageDown: Move.MovePageDown,
}
PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


FOCUS_FRAME_WIDTH = 2


class FocusFrameDelegate(QStyledItemDelegate):
    """The step the keyboard is on, framed plainly while the list has focus: the style's own focus frame
    (Fusion: a pale one-pixel line) was hard to see. The frame takes the palette's highlight colour; on the
    highlighted step (the one shown) it is a line in the highlighted-text colour inset in the highlight
    (on the item's edge it would only make the highlight look smaller). Colours come from the palette, so
    a dark palette keeps it."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        # An empty decoration as wide as the frame: the text starts clear of the inset frame's left line.
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
        option.decorationSize = QSize(2 * FOCUS_FRAME_WIDTH, 1)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        # Room above and below the text for the (inset) frame, so it never runs through a letter.
        return super().sizeHint(option, index) + QSize(0, 2 * (2 * FOCUS_FRAME_WIDTH + 1))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        state = option.state
        if not state & QStyle.StateFlag.State_HasFocus:
            return
        selected = bool(state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
        pen = QPen(option.palette.color(role), FOCUS_FRAME_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        # The pen is centred on the line: half its width in, the frame lies just inside the item.
        inset = FOCUS_FRAME_WIDTH / 2 + (FOCUS_FRAME_WIDTH if selected else 0)
        painter.save()
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(option.rect).adjusted(inset, inset, -inset, -inset))
        painter.restore()


class StepList(QListView):
    """`chosen(row)` when a step is clicked or activated from the keyboard; `left` when focus goes
    elsewhere (a step only looked at with the arrow keys is not where the wizard is)."""

    chosen = Signal(int)
    left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wizardSteps")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTabKeyNavigation(False)  # Tab leaves the list; the arrow keys move inside it
        self.setItemDelegate(FocusFrameDelegate(self))
        self.clicked.connect(self._choose)
        self.activated.connect(self._choose)

    def _choose(self, index: QModelIndex) -> None:
        if index.isValid():
            self.chosen.emit(index.row())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, plain = event.key(), event.modifiers() in PLAIN
        if key in GO_KEYS and plain:
            # Accepted here: the item view would let Enter through to the wizard, which presses Next too.
            event.accept()
            self._choose(self.currentIndex())
            return
        if key in MOVE_KEYS and plain:
            # Only the focus frame moves: the highlight stays on the step the wizard is on until one is chosen.
            event.accept()
            index = self.moveCursor(MOVE_KEYS[Qt.Key(key)], event.modifiers())
            if index.isValid():
                self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.scrollTo(index)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()


WIZARD_BUTTONS = (
    QWizard.WizardButton.BackButton,
    QWizard.WizardButton.NextButton,
    QWizard.WizardButton.CommitButton,
    QWizard.WizardButton.FinishButton,
    QWizard.WizardButton.CancelButton,
)


def _reachable(widget: QWidget, window: QWidget) -> bool:
    # A widget with a focus proxy (a spin box's line edit) is reached through the proxy, as Qt's own Tab does.
    return (
        widget.isVisibleTo(window)
        and widget.isEnabled()
        and widget.focusProxy() is None
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    )


def tab_order(wizard: QWizard, steps: QWidget, side_after: list[QWidget]) -> list[QWidget]:
    """The Tab stops in order: the step list, the current page's fields (in the window's focus chain,
    which includes rows added later), the wizard's buttons, then `side_after` (controls below the steps)."""
    order: list[QWidget] = [steps]
    page = wizard.currentPage()
    if page is not None:
        widget = wizard.nextInFocusChain()
        while widget is not None and widget is not wizard:
            if page.isAncestorOf(widget):
                order.append(widget)
            widget = widget.nextInFocusChain()
    order += [wizard.button(b) for b in WIZARD_BUTTONS]
    order += side_after
    return [w for w in order if _reachable(w, wizard)]


def next_stop(order: list[QWidget], focused: QWidget | None, forward: bool) -> QWidget | None:
    """The stop after (or before) the one holding `focused` (a stop, or a child of one such as a combo
    box's line edit); None when `focused` is outside them all."""
    holder = focused
    while holder is not None and holder not in order:
        holder = holder.parentWidget()
    if holder is None:
        return None
    i = order.index(holder)
    return order[(i + (1 if forward else -1)) % len(order)]
