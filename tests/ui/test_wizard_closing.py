"""Closing the wizard never drops typed text silently (issue 18): Escape that dismisses a country
completer closes only the popup; Close, Escape or the close box on a new transfer that cannot be stored yet
asks (Discard / Keep editing), on one that can asks Save / Discard / Cancel; Escape on the question keeps
editing. Before, Escape closed the wizard at once and two typed pages were gone."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from tests import factories
from tests.ui import test_wizard_support as support
from tests.ui.test_wizard_support import MakeWizard, choose, type_text
from transfer_tool.accounts.permissions import Actor
from transfer_tool.register import register_search
from transfer_tool.storage.database import Database
from ui import app as app_module
from ui.main_window import MainWindow
from ui.services import Services
from ui.settings import Settings
from ui.wizard import AssessmentWizard
from ui.wizard.entity_dialog import EntityDialog
from ui.wizard.state import PAGE_DATA, PAGE_PARTIES
from ui.wizard.transfer import DataPage, PartiesPage

make_wizard = support.make_wizard
Button = QMessageBox.StandardButton


def _parties(wizard: AssessmentWizard) -> PartiesPage:
    page = wizard.page_for(PAGE_PARTIES)
    assert isinstance(page, PartiesPage)
    return page


def _question(qtbot: QtBot, wizard: AssessmentWizard) -> QMessageBox:
    qtbot.waitUntil(lambda: wizard.close_question is not None and wizard.close_question.isVisible())
    box = wizard.close_question
    assert box is not None
    return box


def _shot_with_question(qtbot: QtBot, wizard: AssessmentWizard, box: QMessageBox, name: str) -> None:
    """With WIZARD_SCREENSHOTS=<folder>, the wizard with the question over it (as the user sees them)."""
    folder = os.environ.get("WIZARD_SCREENSHOTS")
    if not folder:
        return
    qtbot.waitUntil(lambda: box.width() > 100)
    image = wizard.grab()
    painter = QPainter(image)
    at = box.frameGeometry().topLeft() - wizard.frameGeometry().topLeft()
    if not wizard.rect().contains(QRect(at, box.size())):  # offscreen places it anywhere: centre it
        at = QPoint((wizard.width() - box.width()) // 2, (wizard.height() - box.height()) // 3)
    painter.drawPixmap(at, box.grab())
    painter.end()
    Path(folder).mkdir(parents=True, exist_ok=True)
    assert image.save(str(Path(folder) / name))


def _fill_step_1_partly(db: Database, legal: Actor, wizard: AssessmentWizard) -> PartiesPage:
    exporter = factories.entity(db, legal, "Net Japan Co., Ltd.", "JP")
    importer = factories.entity(db, legal, "Cloud Desk Inc.", "US")
    parties = _parties(wizard)
    wizard.state.add_entity(exporter)
    wizard.state.add_entity(importer)
    choose(parties.exporter.combo, exporter.id)
    choose(parties.importer.combo, importer.id)
    type_text(parties.title_edit, "顧客サポート窓口の委託")
    return parties


def test_an_untouched_new_transfer_closes_without_a_question(
    qtbot: QtBot, make_wizard: MakeWizard, legal: Actor
) -> None:
    wizard = make_wizard(legal, None)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible() and wizard.close_question is None


def test_escape_asks_and_escape_again_keeps_editing(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, legal: Actor
) -> None:
    wizard = make_wizard(legal, None)
    parties = _fill_step_1_partly(db, legal, wizard)
    wizard.go_to(PAGE_DATA)  # page 2 reached: categories still missing, so nothing is stored yet
    data = wizard.page_for(PAGE_DATA)
    assert isinstance(data, DataPage) and wizard.current_key() == PAGE_DATA
    data.categories.toggle("contact")

    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    box = _question(qtbot, wizard)
    assert wizard.isVisible()
    assert box.text() == "This new transfer cannot be saved yet."
    assert "1 Personal data" in box.informativeText()
    assert {box.standardButton(b) for b in box.buttons()} == {Button.Discard, Button.Cancel}
    assert box.button(Button.Cancel).text() == "Keep editing"
    _shot_with_question(qtbot, wizard, box, "wizard-close-question.png")

    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Escape on the question: keep editing, never discard
    qtbot.waitUntil(lambda: wizard.close_question is None)
    assert wizard.isVisible() and wizard.current_key() == PAGE_DATA
    assert parties.title_edit.text() == "顧客サポート窓口の委託" and data.categories.checked() == ("contact",)

    # The Close button and the window's close box ask the same; Discard then closes and stores nothing.
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    box = _question(qtbot, wizard)
    box.button(Button.Cancel).click()
    qtbot.waitUntil(lambda: wizard.close_question is None)
    assert wizard.isVisible()
    wizard.close()
    box = _question(qtbot, wizard)
    assert wizard.isVisible()
    box.button(Button.Discard).click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert register_search.search(db) == []


def test_escape_on_a_country_completer_closes_only_the_popup(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, legal: Actor
) -> None:
    wizard = make_wizard(legal, None)
    parties = _fill_step_1_partly(db, legal, wizard)
    parties.exporter.new_button.click()
    dialog = parties.exporter.dialog
    assert isinstance(dialog, EntityDialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    type_text(dialog.country.edit, "Ind")
    popup = dialog.country.completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert dialog.isVisible() and wizard.isVisible() and wizard.close_question is None
    dialog.reject()
    # Escape in the wizard itself (its own country search has no popup) asks; nothing is closed yet.
    parties.picker.search_box.setFocus()
    type_text(parties.picker.search_box, "Ind")
    qtbot.keyClick(parties.picker.search_box, Qt.Key.Key_Escape)
    box = _question(qtbot, wizard)
    assert wizard.isVisible()
    box.button(Button.Discard).click()


def test_a_storable_new_transfer_is_saved_when_closing_says_save(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, legal: Actor
) -> None:
    wizard = make_wizard(legal, None)
    wizard.autosaver.delay_ms = 60_000  # close before the autosave pause ends
    parties = _fill_step_1_partly(db, legal, wizard)
    parties.picker.search_box.clear()
    type_text(parties.picker.search_box, "米国")
    data = factories.transfer_input(
        wizard.state.transfer_input.exporter_id,
        wizard.state.transfer_input.importer_id,
        "US",
        title="顧客サポート窓口の委託",
    )
    wizard.state.replace_transfer_input(data)
    wizard.state.edited.emit()
    assert wizard.state.transfer_valid and register_search.search(db) == []

    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    box = _question(qtbot, wizard)
    assert box.text() == "Save this new transfer before closing?"
    assert {box.standardButton(b) for b in box.buttons()} == {Button.Save, Button.Discard, Button.Cancel}
    assert box.defaultButton() is box.button(Button.Save)
    box.button(Button.Save).click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    rows = register_search.search(db)
    assert [r.reference for r in rows] == ["TR-000001"]


def test_quitting_the_app_waits_for_the_question(
    qtbot: QtBot, make_window: Callable[..., MainWindow], db: Database, legal: Actor
) -> None:
    window = make_window(legal, wizard_factory=app_module.wizard_factory())
    window.new_action.trigger()
    (wizard,) = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, AssessmentWizard) and w.isVisible()
    ]
    type_text(_parties(wizard).title_edit, "Payroll to India")
    window.close()
    box = _question(qtbot, wizard)
    assert window.isVisible() and wizard.isVisible()
    box.button(Button.Discard).click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    window.close()
    assert not window.isVisible()


def test_a_new_transfer_not_storable_yet_survives_a_crash_until_stored_or_discarded(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    make_services: Callable[..., Services],
    make_settings: Callable[[], Settings],
    db: Database,
    legal: Actor,
    manager: Actor,
) -> None:
    wizard = make_wizard(legal, None, services=make_services(legal, "en", make_settings()))
    wizard.autosaver.delay_ms = 10
    parties = _fill_step_1_partly(db, legal, wizard)
    qtbot.waitUntil(lambda: wizard.recovery.take() is not None)
    # The process dies here (no close handler runs). The next start reads the settings file afresh.
    wizard.hide()
    again = make_wizard(legal, None, services=make_services(legal, "en", make_settings()))
    qtbot.waitUntil(lambda: again.restored)
    restored = _parties(again)
    assert restored.title_edit.text() == "顧客サポート窓口の委託"
    assert restored.exporter.entity_id() == parties.exporter.entity_id() != 0
    assert restored.importer.entity_id() == parties.importer.entity_id() != 0
    assert again.save_status.text().startswith("Restored what you typed before the app closed.")
    assert register_search.search(db) == []  # still not stored: it was never complete
    # Another person signing in on this computer does not get it.
    manager_view = make_wizard(manager, None, services=make_services(manager, "en", make_settings()))
    assert manager_view.loaded and not manager_view.restored
    manager_view.hide()

    # Closing asks; Discard drops the kept copy too.
    again.close()
    _question(qtbot, again).button(Button.Discard).click()
    qtbot.waitUntil(lambda: not again.isVisible())
    third = make_wizard(legal, None, services=make_services(legal, "en", make_settings()))
    assert not third.restored and _parties(third).title_edit.text() == ""
    third.hide()


def test_the_kept_copy_goes_once_the_transfer_is_stored(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    make_services: Callable[..., Services],
    make_settings: Callable[[], Settings],
    db: Database,
    legal: Actor,
) -> None:
    wizard = make_wizard(legal, None, services=make_services(legal, "en", make_settings()))
    wizard.autosaver.delay_ms = 10
    _fill_step_1_partly(db, legal, wizard)
    qtbot.waitUntil(lambda: wizard.recovery.take() is not None)
    complete = factories.transfer_input(
        wizard.state.transfer_input.exporter_id, wizard.state.transfer_input.importer_id, "US"
    )
    wizard.state.replace_transfer_input(complete)
    wizard.state.edited.emit()
    qtbot.waitUntil(lambda: register_search.search(db) != [])
    assert wizard.recovery.take() is None
