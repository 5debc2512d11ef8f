"""The wizard asks for the answers a register import assumed (a blank cell took its column's default): each
page lists those it holds, in its own box, until the assessor chooses another answer or confirms the ones
shown; the transfer then no longer lists them, and nothing of it is missing any more."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui import test_wizard_support as support
from tests.ui.settle import settle
from tests.ui.test_wizard_support import MakeWizard, choose
from transfer_tool.accounts.permissions import Actor
from transfer_tool.domain import PartyRole
from transfer_tool.register import register_import, transfers
from transfer_tool.storage.database import Database
from ui.services import Services
from ui.wizard.state import PAGE_DATA, PAGE_HANDLING, PAGE_PARTIES
from ui.wizard.transfer import PartiesPage

make_wizard = support.make_wizard

CSV = (
    "reference,title,exporter,exporter_country,importer,importer_country,destination,data_categories,"
    "purposes,retention,volume\n"
    "IMP-1,Imported,Net Japan Co.,JP,Cloud Desk Inc.,US,US,contact,respond_requests,1 year,10\n"
)


def _imported(db: Database, legal: Actor) -> transfers.TransferView:
    register_import.import_csv(db, legal, CSV.encode())
    found = transfers.find_by_reference(db, "IMP-1")
    assert found is not None
    return transfers.get_transfer(db, found)


def test_each_page_asks_for_the_answers_the_import_assumed(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, legal: Actor
) -> None:
    t = _imported(db, legal)
    assert "format_in_transit" in t.assumed and "importer_role" in t.assumed
    wizard = make_wizard(legal, t.id)
    wizard.go_to(PAGE_HANDLING)
    handling = wizard.page_for(PAGE_HANDLING)
    settle(wizard)
    assert handling.assumed.isVisible()
    text = handling.assumed.label.text()
    assert "Not given in the imported file" in text and "The form of the data in transit" in text, text
    if os.environ.get("WIZARD_SCREENSHOTS"):
        assert wizard.grab().save(str(Path(os.environ["WIZARD_SCREENSHOTS"]) / "wizard-assumed.png"))
    qtbot.mouseClick(handling.assumed.button, Qt.MouseButton.LeftButton)
    assert not handling.assumed.isVisible()

    # On the parties page, choosing the importer's role gives it; the exporter's stays to confirm.
    wizard.go_to(PAGE_PARTIES)
    parties = wizard.page_for(PAGE_PARTIES)
    assert isinstance(parties, PartiesPage)
    assert "The importer's role" in parties.assumed.label.text()
    choose(parties.importer_role, PartyRole.CONTROLLER.value)
    settle(wizard)
    assert "The importer's role" not in parties.assumed.label.text()
    assert "The exporter's role" in parties.assumed.label.text()
    wizard.autosaver.flush()
    stored = transfers.get_transfer(db, t.id)
    assert stored.importer_role is PartyRole.CONTROLLER
    assert set(stored.assumed) == {"exporter_role", "special_categories"}
    data = wizard.page_for(PAGE_DATA)
    assert "Whether sensitive data is included" in data.assumed.label.text()
    missing = [i.field for i in wizard.state.issues if i.field.startswith("assumed.")]
    assert missing == ["assumed.exporter_role", "assumed.sensitive_data"]


def test_the_registers_details_say_how_many_answers_the_import_assumed(
    qtbot: QtBot, db: Database, legal: Actor, make_services: Callable[..., Services]
) -> None:
    from ui.widgets.transfer_details import TransferDetails

    t = _imported(db, legal)
    details = TransferDetails(make_services(legal, "en"))
    qtbot.addWidget(details)
    details.show_transfer(t)
    assert "Not given in the import" in details.text()
    assert f"{len(t.assumed)} answer(s) assumed, to confirm in the assessment" in details.text()
    details.show_transfer(dataclasses.replace(t, assumed=()))
    assert "Not given in the import" not in details.text()
