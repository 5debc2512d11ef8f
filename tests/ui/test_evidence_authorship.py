"""Attaching evidence to someone else's draft makes you an author of it (four eyes), a new row version of
the draft although nobody saved it. The wizard took its own next save for someone else's and refused it
("saved by someone else first"), so the colleague who opened the draft and attached a file before typing
anything met a conflict with nobody. Now the evidence call runs in line with the saves and the wizard
adopts the row version it left; a real save by someone else meanwhile is still a conflict."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.conftest import PASSWORD
from tests.ui import test_wizard_support as support
from tests.ui.test_wizard_support import MakeWizard
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.domain import Role
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database
from ui.wizard.state import PAGE_TOOL
from ui.wizard.tool import ToolPage

make_wizard = support.make_wizard
us_transfer = support.us_transfer


@pytest.fixture
def lara(db: Database, admin: Actor) -> Actor:
    return users.create_user(db, admin, "lara", "Lara Legal", PASSWORD, Role.LEGAL).actor()


def _attach(qtbot: QtBot, tool: ToolPage, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(path)], ""))
    qtbot.mouseClick(tool.evidence.attach_button, Qt.MouseButton.LeftButton)


def test_attaching_to_a_colleagues_draft_then_typing_saves_without_a_conflict(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    db: Database,
    legal: Actor,
    lara: Actor,
    us_transfer: transfers.TransferView,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    draft = service.start_assessment(db, legal, us_transfer.id)  # Lena's draft
    scc = tmp_path / "signed-scc.pdf"
    scc.write_bytes(b"%PDF-1.4 signed clauses")
    wizard = make_wizard(lara, us_transfer.id)
    wizard.go_to(PAGE_TOOL)
    tool = wizard.page_for(PAGE_TOOL)
    assert isinstance(tool, ToolPage)
    _attach(qtbot, tool, scc, monkeypatch)
    assert [f.filename for f in service.evidence_for(db, draft.id)] == [scc.name]
    assert lara.user_id in service.authors_of(db, draft.id)  # attaching made her an author

    wizard.state.update_record(procedural_notes="Checked the signed clauses.")
    wizard.autosaver.flush()
    assert not wizard.autosaver.conflicted, wizard.save_status.text()
    assert (
        "saved" in wizard.save_status.text().lower() and "not saved" not in wizard.save_status.text().lower()
    )
    assert service.get_assessment(db, draft.id).record.procedural_notes == "Checked the signed clauses."
    # Removing it goes the same way (she is an author by now: no new row version, nothing to adopt).
    tool.evidence.view.setCurrentIndex(tool.evidence.model.index(0, 0))
    tool.evidence.remove_selected()
    assert service.evidence_for(db, draft.id) == []
    wizard.state.update_record(procedural_notes="Clauses checked; file replaced later.")
    wizard.autosaver.flush()
    assert not wizard.autosaver.conflicted


def test_a_colleagues_save_meanwhile_is_still_a_conflict(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    db: Database,
    legal: Actor,
    lara: Actor,
    us_transfer: transfers.TransferView,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    draft = service.start_assessment(db, legal, us_transfer.id)
    wizard = make_wizard(lara, us_transfer.id)
    wizard.go_to(PAGE_TOOL)
    tool = wizard.page_for(PAGE_TOOL)
    assert isinstance(tool, ToolPage)
    # Lena saves after Lara's wizard read the draft ...
    service.save_draft(
        db,
        legal,
        draft.id,
        dataclasses.replace(draft.record, procedural_notes="Lena's note."),
        draft.row_version,
    )
    scc = tmp_path / "signed-scc.pdf"
    scc.write_bytes(b"%PDF-1.4 signed clauses")
    _attach(qtbot, tool, scc, monkeypatch)  # ... then Lara attaches a file (a new row version again)
    wizard.state.update_record(procedural_notes="Lara's note.")
    wizard.autosaver.flush()
    assert wizard.autosaver.conflicted  # Lena's save is not silently overwritten
    assert service.get_assessment(db, draft.id).record.procedural_notes == "Lena's note."
