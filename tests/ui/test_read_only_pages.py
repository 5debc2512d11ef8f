"""An approved version reads as normal text (issue 18): its pages are read-only, not disabled. Every input
keeps its normal (enabled) look and its keyboard focus, text can be selected and copied, and nothing a
click, a key or the wheel does changes a value; a new version makes the same pages editable again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from tests import approval_support
from tests.ui import test_wizard_support as support
from tests.ui.conftest import TODAY
from tests.ui.test_wizard_support import MakeWizard, type_text
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.domain import Conclusion
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database
from ui.wizard.conclusion import ConclusionPage
from ui.wizard.law_practice import LawPracticePage
from ui.wizard.read_only import is_read_only
from ui.wizard.state import PAGE_CONCLUSION, PAGE_DATA, PAGE_LAW, PAGE_ORDER, PAGE_PARTIES, PAGE_SUMMARY
from ui.wizard.transfer import DataPage, PartiesPage

make_wizard = support.make_wizard
us_transfer = support.us_transfer


def _key(
    widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))


def _wheel(widget: QWidget) -> None:
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_an_approved_version_reads_as_normal_text_and_cannot_be_changed(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    db: Database,
    legal: Actor,
    manager: Actor,
    us_transfer: transfers.TransferView,
) -> None:
    a = support.submitted_through_the_wizard(qtbot, make_wizard, db, legal, us_transfer.id, TODAY)
    approval_support.approve(db, manager, a.id, TODAY)
    stored = service.get_assessment(db, a.id).record

    approved = make_wizard(legal, us_transfer.id)
    for key in PAGE_ORDER:
        if key == PAGE_SUMMARY:
            continue
        approved.go_to(key)
        page = approved.page_for(key)
        assert page.body.isEnabled(), key  # not greyed out
        inputs = [
            w
            for w in page.body.findChildren(QWidget)
            if isinstance(w, (QLineEdit, QPlainTextEdit, QComboBox)) and w.isVisibleTo(page)
        ]
        # Enabled (normal text) and read-only; a field the page itself turns off (sensitive-data details
        # while none is declared) stays off as it would be in a draft.
        enabled = [w for w in inputs if w.isEnabled()]
        assert enabled and all(is_read_only(w) for w in enabled), key

    approved.go_to(PAGE_LAW)
    law = approved.page_for(PAGE_LAW)
    assert isinstance(law, LawPracticePage)
    procedural = law.experience
    before = procedural.toPlainText()
    assert before == "No request received in five years."
    assert procedural.isEnabled() and procedural.isReadOnly()
    # Focusable from the keyboard, selectable and copyable; typing changes nothing.
    approved.activateWindow()
    qtbot.waitUntil(approved.isActiveWindow, timeout=2000)
    assert procedural.focusPolicy() & Qt.FocusPolicy.TabFocus
    procedural.setFocus(Qt.FocusReason.TabFocusReason)
    assert procedural.hasFocus()
    _key(procedural, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _key(procedural, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == before
    type_text(procedural, "typed over an approved version")
    assert procedural.toPlainText() == before
    # A number: neither the wheel nor the arrow keys step it; its text is copied as shown.
    approved.go_to(PAGE_DATA)
    data = approved.page_for(PAGE_DATA)
    assert isinstance(data, DataPage)
    volume = data.volume
    assert volume.value() == 12_000 and volume.isReadOnly() and volume.isEnabled()
    volume.setFocus()
    _wheel(volume)
    _key(volume, Qt.Key.Key_Up)
    assert volume.value() == 12_000
    _key(volume, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _key(volume, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == volume.text() and "12" in volume.text()

    approved.go_to(PAGE_CONCLUSION)
    conclusion = approved.page_for(PAGE_CONCLUSION)
    assert isinstance(conclusion, ConclusionPage)
    # A radio button: normal look, focus, but neither a click nor Space picks another conclusion.
    chosen = conclusion.buttons[Conclusion.PROCEED_WITH_MEASURES]
    other = conclusion.buttons[Conclusion.PROCEED]
    assert chosen.isChecked() and other.isEnabled()
    on_indicator = QPoint(6, other.height() // 2)  # a radio button is hit on its circle and text only
    assert other.hitButton(on_indicator)
    qtbot.mouseClick(other, Qt.MouseButton.LeftButton, pos=on_indicator)
    _key(other, Qt.Key.Key_Space)
    assert chosen.isChecked() and not other.isChecked()
    assert other.hasFocus()  # the click still focused it: its text can be read out and copied
    _key(other, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == other.text().replace("&", "")

    approved.go_to(PAGE_PARTIES)
    parties = approved.page_for(PAGE_PARTIES)
    assert isinstance(parties, PartiesPage)
    role = parties.importer_role
    index = role.currentIndex()
    role.setFocus()
    _key(role, Qt.Key.Key_Down)
    _wheel(role)
    qtbot.mouseClick(role, Qt.MouseButton.LeftButton)
    assert role.currentIndex() == index and role.view().isVisible() is False
    assert parties.title_edit.isReadOnly() and parties.title_edit.text() == "Support desk"
    assert parties.title_edit.placeholderText() == ""  # an empty read-only field does not invite typing
    # Actions that would change the register are off; they are buttons, not text.
    assert not parties.importer.new_button.isEnabled() and not parties.importer.remove_button.isEnabled()
    destination = parties.picker.current_code()
    parties.picker.table.setFocus()
    _key(parties.picker.table, Qt.Key.Key_Down)
    assert parties.picker.current_code() == destination
    assert service.get_assessment(db, a.id).record == stored

    # A new version: the same pages are editable again.
    qtbot.mouseClick(approved.new_version_button, Qt.MouseButton.LeftButton)
    assert not parties.title_edit.isReadOnly() and not is_read_only(parties.title_edit)
    assert parties.title_edit.placeholderText() == "e.g. Customer support platform"
    assert parties.importer.new_button.isEnabled()
    approved.go_to(PAGE_LAW)
    assert not procedural.isReadOnly()
    approved.go_to(PAGE_CONCLUSION)
    qtbot.mouseClick(other, Qt.MouseButton.LeftButton, pos=on_indicator)
    assert other.isChecked()
    assert isinstance(other, QAbstractButton)
