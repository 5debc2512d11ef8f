"""The wizard as the main window opens it (the factory ui/app.py looks up): New transfer (Ctrl+N) and
opening a transfer from the register; the register follows what the wizard saves."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui import test_wizard_support as support
from tests.ui.test_wizard_support import type_text
from transfer_tool.accounts.permissions import Actor
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database
from ui import app as app_module
from ui.main_window import MainWindow
from ui.models.register_model import COLUMN_KEYS
from ui.wizard import AssessmentWizard
from ui.wizard.state import PAGE_PARTIES
from ui.wizard.transfer import PartiesPage

us_transfer = support.us_transfer


def _open_wizards() -> list[AssessmentWizard]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, AssessmentWizard) and w.isVisible()]


def test_the_app_finds_the_wizard_factory() -> None:
    factory = app_module.wizard_factory()
    assert factory is not None


def test_new_transfer_ctrl_n_opens_the_wizard_on_a_new_transfer(
    qtbot: QtBot, make_window: Callable[..., MainWindow], legal: Actor
) -> None:
    window = make_window(legal, wizard_factory=app_module.wizard_factory())
    assert window.new_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    window.new_action.trigger()
    wizards = _open_wizards()
    assert len(wizards) == 1
    wizard = wizards[0]
    assert wizard.windowTitle() == "New transfer" and wizard.current_key() == PAGE_PARTIES
    assert wizard.parentWidget() is window
    wizard.close()


def test_opening_a_transfer_from_the_register_and_the_register_follows_the_saves(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    db: Database,
    legal: Actor,
    us_transfer: transfers.TransferView,
) -> None:
    window = make_window(legal, wizard_factory=app_module.wizard_factory())
    window.register.open_requested.emit(us_transfer.id)
    wizards = _open_wizards()
    assert len(wizards) == 1
    wizard = wizards[0]
    assert wizard.windowTitle().startswith(f"Assessment — {us_transfer.reference}")
    parties = wizard.page_for(PAGE_PARTIES)
    assert isinstance(parties, PartiesPage)
    parties.title_edit.selectAll()
    type_text(parties.title_edit, "サポートデスク（改）")
    col = COLUMN_KEYS.index("title")

    def register_title() -> str:
        return str(window.register.model.index(0, col).data())

    qtbot.waitUntil(lambda: register_title() == "サポートデスク（改）", timeout=3000)
    assert transfers.get_transfer(db, us_transfer.id).status.value == "draft"
    wizard.close()
