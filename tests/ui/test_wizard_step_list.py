"""The wizard's step list by keyboard (review of issue 18): a Tab stop between the wizard's buttons and the
page's fields, the arrow keys move through the steps and Enter, Return or Space goes to one, as a click does
and with the same rules (a new transfer leaves step 1 only once it can be stored); Enter is not also taken
by Next. In English and Japanese; with KEYS_SCREENSHOTS=<folder> the grabs are saved there."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget, QWizard
from pytestqt.qtbot import QtBot

from tests import approval_support
from tests.ui import languages
from tests.ui import test_wizard_support as support
from tests.ui.test_wizard_support import MakeWizard
from transfer_tool.accounts.permissions import Actor
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database
from ui.wizard import AssessmentWizard
from ui.wizard.state import PAGE_LAW, PAGE_ORDER, PAGE_PARTIES, PAGE_PRECHECK, PAGE_TOOL

make_wizard = support.make_wizard
us_transfer = support.us_transfer
TODAY = dt.date(2026, 11, 26)
NAMES = {
    "en": "Steps of the assessment: activate one to go there",
    "ja": "評価のステップ（選ぶとそのステップに移動します）",
}


language = languages.language


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def tab_to_steps(qtbot: QtBot, wizard: AssessmentWizard) -> None:
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    for _ in range(60):
        if focused() is wizard.steps:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError("Tab never reaches the step list")


def grab(wizard: AssessmentWizard, name: str) -> None:
    folder = os.environ.get("KEYS_SCREENSHOTS")
    if folder:
        assert wizard.grab().save(str(Path(folder) / name))


def tab_round(qtbot: QtBot, wizard: AssessmentWizard) -> list[QWidget]:
    """The Tab stops after the step list until Tab comes back to it."""
    stops: list[QWidget] = []
    for _ in range(80):
        press(qtbot, Qt.Key.Key_Tab)
        if focused() is wizard.steps:
            return stops
        stops.append(focused())
    raise AssertionError("Tab does not come back to the step list")


def test_tab_reaches_the_steps_then_the_page_then_the_buttons(
    qtbot: QtBot, make_wizard: MakeWizard, legal: Actor, us_transfer: transfers.TransferView, language: str
) -> None:
    """On every page: the steps, the page's fields in their order, Back, Next, Close, and round again;
    Shift+Tab walks the same stops backwards."""
    wizard = make_wizard(legal, us_transfer.id, language)
    assert wizard.steps.accessibleName() == NAMES[language]
    Button = QWizard.WizardButton
    for key in PAGE_ORDER:
        wizard.go_to(key)
        tab_to_steps(qtbot, wizard)
        page = wizard.currentPage()
        stops = tab_round(qtbot, wizard)
        on_page = [w for w in stops if page.isAncestorOf(w)]
        assert len(on_page) >= 2 and stops[: len(on_page)] == on_page, key  # the page's fields first
        buttons = (
            [Button.NextButton, Button.CancelButton]
            if key == PAGE_PARTIES
            else [
                Button.BackButton,
                Button.NextButton,
                Button.CancelButton,
            ]
        )
        if key == PAGE_ORDER[-1]:
            buttons = [Button.BackButton, Button.FinishButton]
        assert stops[len(on_page) :] == [wizard.button(b) for b in buttons], key  # then the buttons
        back: list[QWidget] = []
        for _ in stops:
            press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
            back.append(focused())
        assert back == stops[::-1], key
        press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert focused() is wizard.steps, key
    wizard.close()


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_arrow_keys_and_enter_or_space_go_to_a_step(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    legal: Actor,
    us_transfer: transfers.TransferView,
    key: Qt.Key,
    language: str,
) -> None:
    wizard = make_wizard(legal, us_transfer.id, language)
    tab_to_steps(qtbot, wizard)
    assert wizard.current_key() == PAGE_PARTIES
    for _ in range(PAGE_ORDER.index(PAGE_TOOL)):
        press(qtbot, Qt.Key.Key_Down)
    # Moving through the list only looks: the focus frame moves, the highlight stays on the page shown.
    assert wizard.current_key() == PAGE_PARTIES
    assert wizard.steps.currentIndex().row() == PAGE_ORDER.index(PAGE_TOOL)
    assert [i.row() for i in wizard.steps.selectedIndexes()] == [PAGE_ORDER.index(PAGE_PARTIES)]
    grab(wizard, f"wizard-steps-looking-{language}.png")
    press(qtbot, key)
    # Exactly the step chosen: Enter did not also press Next on the way.
    assert wizard.current_key() == PAGE_TOOL
    assert focused() is wizard.steps and wizard.steps.currentIndex().row() == PAGE_ORDER.index(PAGE_TOOL)
    assert [i.row() for i in wizard.steps.selectedIndexes()] == [PAGE_ORDER.index(PAGE_TOOL)]
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, key)
    assert wizard.current_key() == PAGE_ORDER[PAGE_ORDER.index(PAGE_TOOL) - 2]
    press(qtbot, Qt.Key.Key_End)
    press(qtbot, key)
    assert wizard.current_key() == PAGE_ORDER[-1]
    grab(wizard, f"wizard-steps-went-{language}.png")
    wizard.close()


def test_a_step_looked_at_and_left_shows_the_current_page_again(
    qtbot: QtBot, make_wizard: MakeWizard, legal: Actor, us_transfer: transfers.TransferView
) -> None:
    wizard = make_wizard(legal, us_transfer.id)
    wizard.go_to(PAGE_LAW)
    tab_to_steps(qtbot, wizard)
    press(qtbot, Qt.Key.Key_Up)
    assert wizard.steps.currentIndex().row() == PAGE_ORDER.index(PAGE_LAW) - 1
    press(qtbot, Qt.Key.Key_Tab)
    assert wizard.current_key() == PAGE_LAW
    assert wizard.steps.currentIndex().row() == PAGE_ORDER.index(PAGE_LAW)
    assert [i.row() for i in wizard.steps.selectedIndexes()] == [PAGE_ORDER.index(PAGE_LAW)]
    wizard.close()


def test_a_new_transfer_leaves_step_1_by_keyboard_only_as_by_click(
    qtbot: QtBot, make_wizard: MakeWizard, legal: Actor
) -> None:
    """Nothing typed yet: the transfer cannot be stored, so a later step is not opened (as a click)."""
    clicked = make_wizard(legal, None)
    index = clicked.steps_model.index(PAGE_ORDER.index(PAGE_PRECHECK), 0)
    qtbot.mouseClick(
        clicked.steps.viewport(), Qt.MouseButton.LeftButton, pos=clicked.steps.visualRect(index).center()
    )
    by_click = clicked.current_key()
    clicked.close()
    wizard = make_wizard(legal, None)
    tab_to_steps(qtbot, wizard)
    for _ in range(PAGE_ORDER.index(PAGE_PRECHECK)):
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.current_key() == by_click != PAGE_PRECHECK
    assert wizard.steps.currentIndex().row() == PAGE_ORDER.index(by_click)
    assert wizard.isVisible()  # Enter did not reach the wizard's buttons either
    wizard.close()


def test_an_approved_version_tabs_on_to_start_a_new_version(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    db: Database,
    legal: Actor,
    manager: Actor,
    us_transfer: transfers.TransferView,
) -> None:
    """Read-only pages keep their fields reachable; "Start a new version" below the steps is the last stop."""
    a = support.submitted_through_the_wizard(qtbot, make_wizard, db, legal, us_transfer.id, TODAY)
    approval_support.approve(db, manager, a.id, TODAY)
    approved = make_wizard(legal, us_transfer.id)
    approved.go_to(PAGE_TOOL)
    tab_to_steps(qtbot, approved)
    stops = tab_round(qtbot, approved)
    assert stops[-1] is approved.new_version_button and approved.new_version_button.isVisible()
    assert [w for w in stops if approved.currentPage().isAncestorOf(w)]
    approved.close()


# ---- the focus frame (session 11): the step the keyboard is on can be seen, in the palette's colours ------


def _frame(wizard: AssessmentWizard, row: int, name: str = "", inset: int = 0) -> tuple[list[QColor], QColor]:
    """The colours of the two pixel rows `inset` pixels below the top of `row`'s item (where the frame lies)
    and of the pixel `inset` in from its left edge, halfway down, from a grab of the list as shown; the grab
    saved as `name` with KEYS_SCREENSHOTS."""
    steps = wizard.steps
    shot = steps.viewport().grab()
    folder = os.environ.get("KEYS_SCREENSHOTS")
    if folder and name:
        assert steps.grab().save(str(Path(folder) / name))
    image = shot.toImage()
    rect = steps.visualRect(steps.model().index(row, 0)).adjusted(inset, inset, -inset, -inset)
    top = [
        image.pixelColor(x, y)
        for y in (rect.top(), rect.top() + 1)
        for x in range(rect.left() + 2, rect.right() - 1)
    ]
    return top, image.pixelColor(rect.left(), rect.center().y())


def _luminance(c: QColor) -> float:
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def _contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Highlight, "#e08a1e"),  # not the light palette's blue: the frame must follow it
        (QPalette.ColorRole.HighlightedText, "#101010"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def test_the_step_the_keyboard_is_on_is_framed_plainly_in_the_palettes_colours(
    qtbot: QtBot, make_wizard: MakeWizard, legal: Actor, us_transfer: transfers.TransferView
) -> None:
    """Looked at with the arrow keys: a two-pixel frame in the palette's highlight colour, contrasting with
    the list's background by at least 3:1 (WCAG 1.4.11); on the step shown (highlighted), a frame in the
    highlighted-text colour two pixels inside the highlight's edge; none once the list has lost focus. A dark palette
    given to the list is followed, not overridden."""
    wizard = make_wizard(legal, us_transfer.id)
    steps = wizard.steps
    looked_at = PAGE_ORDER.index(PAGE_TOOL)
    for name, palette in (("light", steps.palette()), ("dark", _dark_palette())):
        steps.setPalette(palette)
        wizard.go_to(PAGE_PARTIES)
        tab_to_steps(qtbot, wizard)
        for _ in range(looked_at):
            press(qtbot, Qt.Key.Key_Down)
        highlight, base = palette.color(QPalette.ColorRole.Highlight), palette.color(QPalette.ColorRole.Base)
        top, left = _frame(wizard, looked_at, f"wizard-steps-focus-{name}.png")
        assert top == [highlight] * len(top) and left == highlight, name
        assert _contrast(highlight, base) >= 3, name
        other, _ = _frame(wizard, looked_at + 1)
        assert highlight not in other, name  # only the one step is framed
        press(qtbot, Qt.Key.Key_Return)  # chosen: now highlighted, and still where the keyboard is
        assert wizard.current_key() == PAGE_TOOL and focused() is steps
        text = palette.color(QPalette.ColorRole.HighlightedText)
        edge, edge_left = _frame(wizard, looked_at, f"wizard-steps-focus-chosen-{name}.png")
        assert text not in edge and edge_left != text, name  # the highlight's edge (the style draws it)...
        top, left = _frame(wizard, looked_at, inset=2)
        assert top == [text] * len(top) and left == text, name  # ...then the frame, inside it
        assert _contrast(text, highlight) >= 3, name
        press(qtbot, Qt.Key.Key_Up)
        press(qtbot, Qt.Key.Key_Tab)  # focus leaves the list: no frame anywhere, the highlight stays
        assert focused() is not steps
        top, left = _frame(wizard, looked_at - 1, f"wizard-steps-unfocused-{name}.png")
        assert highlight not in top and left != highlight, name  # the step looked at last: no frame
        top, left = _frame(wizard, looked_at, inset=2)
        assert text not in top and left == highlight, name  # the step shown: highlighted, no frame
    wizard.close()
