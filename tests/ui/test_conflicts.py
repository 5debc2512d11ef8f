"""Two clients save the same record: the later save is refused and both versions are shown side by side;
keep mine, keep theirs (after confirming) and field by field each store what was chosen; nothing is lost
silently. Client A is a second `Database` on the same URL (a second real connection, SQLite file or
PostgreSQL); client B is the app: the wizard or the country-data page on the test database."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from tests.ui import test_wizard_support as support
from tests.ui.test_wizard_support import MakeWizard, replace_record, type_text
from tests.visible_codes import codes_in
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.countries import store
from transfer_tool.domain import AdequacyStatus, AssessmentStatus, Conclusion
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database
from ui.admin.countries import CountriesPage
from ui.services import Services
from ui.widgets.conflict_view import KEEP_MINE, KEEP_THEIRS, USE_CHOICES, ConflictChooser
from ui.wizard import AssessmentWizard
from ui.wizard.conclusion import ConclusionPage
from ui.wizard.state import PAGE_CONCLUSION, PAGE_PARTIES, PAGE_SUMMARY
from ui.wizard.transfer import PartiesPage

# Two clients editing the same rows: the database's locking and versions are the point, on either database.
pytestmark = pytest.mark.both_databases

make_wizard = support.make_wizard
us_transfer = support.us_transfer
CHOICES = (KEEP_MINE, KEEP_THEIRS, USE_CHOICES)


@pytest.fixture
def other(db: Database, db_url: str) -> Iterator[Database]:
    """Client A: its own engine and connections on the same database."""
    database = Database(db_url)
    yield database
    database.dispose()


def _wizard_conflict(qtbot: QtBot, wizard: AssessmentWizard) -> ConflictChooser:
    qtbot.waitUntil(lambda: wizard.conflict_dialog() is not None, timeout=3000)
    dialog = wizard.conflict_dialog()
    assert dialog is not None and dialog.isVisible()
    return dialog


def _shown(dialog: ConflictChooser) -> dict[str, tuple[str, str]]:
    """What the user reads: each differing field's my value and their value, from the boxes on screen."""
    view = dialog.view
    return {
        d.key: (view.mine_boxes[d.key].toPlainText(), view.theirs_boxes[d.key].toPlainText())
        for d in view.diffs
    }


def _answer(qtbot: QtBot, dialog: ConflictChooser, choice: str, theirs_fields: tuple[str, ...] = ()) -> None:
    if choice == KEEP_MINE:
        qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)
    elif choice == KEEP_THEIRS:
        qtbot.mouseClick(dialog.theirs_button, Qt.MouseButton.LeftButton)
        assert dialog.confirmation is not None and dialog.confirmation.isVisible()
        assert dialog.isVisible()  # nothing dropped until confirmed
        dialog.confirm_keep_theirs()
    else:
        for key in theirs_fields:
            qtbot.mouseClick(dialog.view.theirs_radios[key], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.choices_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome == choice
    assert not dialog.isVisible()


def _last_audit(db: Database, table: str, action: str) -> tuple[str, Any, Any]:
    with db.engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT actor_name, before, after FROM audit_event WHERE table_name = :t AND action = :a "
                "ORDER BY seq DESC LIMIT 1"
            ),
            {"t": table, "a": action},
        ).one()
    # SQLite hands the JSON columns back as text through a plain SQL query.
    return row[0], *(json.loads(v) if isinstance(v, str) else v for v in (row[1], row[2]))


# ---- the transfer ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("choice", CHOICES)
def test_transfer_edited_by_two_clients(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    db: Database,
    other: Database,
    legal: Actor,
    manager: Actor,
    us_transfer: transfers.TransferView,
    choice: str,
) -> None:
    wizard = make_wizard(legal, us_transfer.id)  # B opens the transfer
    parties = wizard.page_for(PAGE_PARTIES)
    assert isinstance(parties, PartiesPage)
    current = transfers.get_transfer(other, us_transfer.id)  # A opens it too, and saves first
    transfers.update_transfer(
        other,
        manager,
        current.id,
        transfers.with_changes(current, title="Theirs: support desk", retention="Theirs: 2 years"),
        current.row_version,
    )
    parties.title_edit.selectAll()
    type_text(parties.title_edit, "Mine: support desk")
    dialog = _wizard_conflict(qtbot, wizard)
    assert "Not saved: someone else saved this first" in wizard.save_status.text()
    assert _shown(dialog) == {
        "title": ('"Mine: support desk"', '"Theirs: support desk"'),
        "retention": ('"Contract term plus 1 year"', '"Theirs: 2 years"'),
    }
    assert [d.label for d in dialog.diffs] == ["Retention", "Title"]
    assert "was saved first" in dialog.intro.text() and current.reference in dialog.intro.text()
    assert transfers.get_transfer(other, us_transfer.id).title == "Theirs: support desk"  # not overwritten

    _answer(qtbot, dialog, choice, theirs_fields=("retention",))
    expected = {
        KEEP_MINE: ("Mine: support desk", "Contract term plus 1 year"),
        KEEP_THEIRS: ("Theirs: support desk", "Theirs: 2 years"),
        USE_CHOICES: ("Mine: support desk", "Theirs: 2 years"),
    }[choice]

    def stored() -> tuple[str, str]:
        t = transfers.get_transfer(other, us_transfer.id)
        return t.title, t.retention

    qtbot.waitUntil(lambda: stored() == expected, timeout=3000)
    assert (wizard.state.transfer_input.title, wizard.state.transfer_input.retention) == expected
    assert parties.title_edit.text() == expected[0]
    if choice != KEEP_THEIRS:  # overwriting theirs is deliberate, and audited as B's update
        actor, before, after = _last_audit(other, "transfer", "update")
        assert actor == "lena"
        assert before["title"] == "Theirs: support desk" and after["title"] == "Mine: support desk"
    # Saving goes on normally afterwards.
    parties.title_edit.setText("Then: support desk")
    qtbot.waitUntil(lambda: stored()[0] == "Then: support desk", timeout=3000)
    assert wizard.conflict_dialog() is None


# ---- the assessment --------------------------------------------------------------------------------------


@pytest.mark.parametrize("choice", CHOICES)
def test_assessment_edited_by_two_clients(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    db: Database,
    other: Database,
    legal: Actor,
    manager: Actor,
    us_transfer: transfers.TransferView,
    choice: str,
) -> None:
    a = service.start_assessment(db, legal, us_transfer.id)
    wizard = make_wizard(legal, us_transfer.id)  # B
    wizard.go_to(PAGE_CONCLUSION)
    page = wizard.page_for(PAGE_CONCLUSION)
    assert isinstance(page, ConclusionPage)
    qtbot.waitUntil(lambda: not wizard.autosaver.pending, timeout=3000)
    law = service.get_assessment(other, a.id).record.law_practice
    replace_record(  # A saves first through its own connection
        other,
        manager,
        a.id,
        procedural_notes="theirs: SA authorisation requested",
        law_practice=dataclasses.replace(law, practical_experience="theirs: 3 requests in 2025"),
    )
    type_text(page.procedural, "mine: SCCs signed unchanged")
    dialog = _wizard_conflict(qtbot, wizard)
    shown = _shown(dialog)
    assert set(shown) == {"procedural_notes", "law_practice"}
    assert shown["procedural_notes"] == (
        '"mine: SCCs signed unchanged"',
        '"theirs: SA authorisation requested"',
    )
    assert "theirs: 3 requests in 2025" in shown["law_practice"][1]
    assert "theirs: 3 requests" not in shown["law_practice"][0]
    assert {d.label for d in dialog.diffs} == {"Procedural steps (step 5)", "Law and practice (step 3)"}
    assert "was saved first" in dialog.intro.text()

    _answer(qtbot, dialog, choice, theirs_fields=("law_practice",))
    expected = {
        KEEP_MINE: ("mine: SCCs signed unchanged", law.practical_experience),
        KEEP_THEIRS: ("theirs: SA authorisation requested", "theirs: 3 requests in 2025"),
        USE_CHOICES: ("mine: SCCs signed unchanged", "theirs: 3 requests in 2025"),
    }[choice]

    def stored() -> tuple[str, str]:
        r = service.get_assessment(other, a.id).record
        return r.procedural_notes, r.law_practice.practical_experience

    qtbot.waitUntil(lambda: stored() == expected, timeout=3000)
    assert page.procedural.toPlainText() == expected[0]
    if choice != KEEP_THEIRS:
        actor, before, _after = _last_audit(other, "assessment", "autosave")
        assert actor == "lena"
        assert before["procedural_notes"] == "theirs: SA authorisation requested"
    page.procedural.setPlainText(expected[0] + " + more")
    qtbot.waitUntil(lambda: stored()[0] == expected[0] + " + more", timeout=3000)
    assert wizard.conflict_dialog() is None


@pytest.mark.parametrize("choice", CHOICES)
def test_an_assessment_started_by_someone_else_meanwhile_is_a_conflict_not_a_dead_end(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    db: Database,
    other: Database,
    legal: Actor,
    manager: Actor,
    us_transfer: transfers.TransferView,
    choice: str,
) -> None:
    # B opens a transfer nobody has assessed yet; A starts its assessment and saves an answer first. B's
    # save was refused with "already has an assessment; open it instead", the answers typed with nowhere
    # to go but lost.
    wizard = make_wizard(legal, us_transfer.id)
    assert service.latest_for_transfer(other, us_transfer.id) is None
    a = service.start_assessment(other, manager, us_transfer.id)
    replace_record(other, manager, a.id, procedural_notes="theirs: SA authorisation requested")
    wizard.go_to(PAGE_CONCLUSION)
    page = wizard.page_for(PAGE_CONCLUSION)
    assert isinstance(page, ConclusionPage)
    type_text(page.procedural, "mine: SCCs signed unchanged")
    dialog = _wizard_conflict(qtbot, wizard)
    assert "started the assessment of" in dialog.intro.text()
    # Their draft names them as its assessor: bookkeeping nobody chooses, never a row of user ids (it
    # showed as "assessor: 2 | 3"); every row shown is named for a person.
    assert [(d.key, d.label) for d in dialog.view.diffs] == [
        ("procedural_notes", "Procedural steps (step 5)")
    ]
    assert _shown(dialog)["procedural_notes"] == (
        '"mine: SCCs signed unchanged"',
        '"theirs: SA authorisation requested"',
    )
    _answer(qtbot, dialog, KEEP_THEIRS if choice == KEEP_THEIRS else KEEP_MINE)
    expected = (
        "theirs: SA authorisation requested" if choice == KEEP_THEIRS else "mine: SCCs signed unchanged"
    )
    qtbot.waitUntil(
        lambda: service.get_assessment(other, a.id).record.procedural_notes == expected, timeout=3000
    )
    assert [v.id for v in service.list_for_transfer(other, us_transfer.id)] == [a.id]
    page.procedural.setPlainText(expected + " + more")
    qtbot.waitUntil(
        lambda: service.get_assessment(other, a.id).record.procedural_notes == expected + " + more",
        timeout=3000,
    )
    assert wizard.conflict_dialog() is None


@pytest.mark.parametrize("choice", (KEEP_MINE, KEEP_THEIRS))
def test_a_draft_saved_by_someone_else_since_my_last_save_is_not_submitted_in_my_name(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    db: Database,
    other: Database,
    legal: Actor,
    manager: Actor,
    us_transfer: transfers.TransferView,
    choice: str,
) -> None:
    # B answers every step; A saves the draft after B's last save. B's Submit submitted A's answers, never
    # shown on B's screen, with B as the submitter (and the screen then showed A's answers without a word).
    wizard = make_wizard(legal, us_transfer.id)
    support.answer_everything(qtbot, wizard, conclusion=Conclusion.PROCEED_WITH_MEASURES)
    wizard.go_to(PAGE_SUMMARY)
    qtbot.waitUntil(lambda: not wizard.autosaver.pending, timeout=3000)
    a = service.latest_for_transfer(other, us_transfer.id)
    assert a is not None
    replace_record(other, manager, a.id, procedural_notes="theirs: SA authorisation requested")
    mine = wizard.state.record
    assert mine is not None and mine.procedural_notes != "theirs: SA authorisation requested"
    qtbot.mouseClick(wizard.summary.submit_button, Qt.MouseButton.LeftButton)
    dialog = _wizard_conflict(qtbot, wizard)
    assert "nothing was submitted" in dialog.intro.text()
    assert "nothing was submitted" in wizard.summary.result.text()
    assert _shown(dialog)["procedural_notes"][1] == '"theirs: SA authorisation requested"'
    assert service.get_assessment(other, a.id).status is AssessmentStatus.DRAFT
    _answer(qtbot, dialog, choice)
    expected = mine.procedural_notes if choice == KEEP_MINE else "theirs: SA authorisation requested"
    qtbot.waitUntil(
        lambda: service.get_assessment(other, a.id).record.procedural_notes == expected, timeout=3000
    )
    qtbot.waitUntil(lambda: not wizard.autosaver.pending, timeout=3000)
    qtbot.mouseClick(wizard.summary.submit_button, Qt.MouseButton.LeftButton)  # submitted, knowingly
    qtbot.waitUntil(
        lambda: service.get_assessment(other, a.id).status is AssessmentStatus.SUBMITTED, timeout=3000
    )
    assert service.get_assessment(other, a.id).record.procedural_notes == expected


def test_escape_never_drops_my_version_silently(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    db: Database,
    other: Database,
    legal: Actor,
    manager: Actor,
    us_transfer: transfers.TransferView,
) -> None:
    a = service.start_assessment(db, legal, us_transfer.id)
    wizard = make_wizard(legal, us_transfer.id)
    wizard.go_to(PAGE_CONCLUSION)
    page = wizard.page_for(PAGE_CONCLUSION)
    assert isinstance(page, ConclusionPage)
    qtbot.waitUntil(lambda: not wizard.autosaver.pending, timeout=3000)
    replace_record(other, manager, a.id, procedural_notes="theirs")
    type_text(page.procedural, "mine")
    dialog = _wizard_conflict(qtbot, wizard)
    dialog.reject()  # Escape
    assert dialog.isVisible() and dialog.confirmation is not None  # asked, not decided
    dialog.confirmation.reject()  # Cancel
    qtbot.waitUntil(lambda: dialog.confirmation is None, timeout=1000)
    assert dialog.isVisible() and dialog.outcome == ""
    assert page.procedural.toPlainText() == "mine"
    qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: service.get_assessment(other, a.id).record.procedural_notes == "mine", timeout=3000
    )


# ---- a destination's country data ------------------------------------------------------------------------


@pytest.fixture
def countries_page(qtbot: QtBot, make_services: Callable[..., Services]) -> Callable[[Actor], CountriesPage]:
    def make(actor: Actor) -> CountriesPage:
        widget = CountriesPage(make_services(actor))
        qtbot.addWidget(widget)
        widget.resize(1280, 800)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return make


@pytest.mark.parametrize("choice", CHOICES)
def test_destination_edited_by_two_clients(
    qtbot: QtBot,
    db: Database,
    other: Database,
    admin: Actor,
    countries_page: Callable[[Actor], CountriesPage],
    choice: str,
) -> None:
    p = countries_page(admin)  # B opens the US in the editor
    assert p.select("US")
    original = store.get_destination(other, "US")
    assert original.version == 1
    p.editor.tabs.setCurrentIndex(0)
    p.editor.select_regime("EU")
    p.editor.regimes_tab.status.setCurrentIndex(
        p.editor.regimes_tab.status.findData(AdequacyStatus.NOT_ADEQUATE)
    )
    p.reason.setText("Mine: the DPF decision was annulled")

    # A saves first, through its own connection.
    eu, uk = original.regimes["EU"], original.regimes["UK"]
    theirs_dest = dataclasses.replace(
        original,
        regimes={
            **original.regimes,
            "EU": dataclasses.replace(eu, notes="Theirs: EU note"),
            "UK": dataclasses.replace(uk, notes="Theirs: UK note"),
        },
    )
    store.update_destination(other, admin, theirs_dest, reason="Theirs: notes", expected_version=1)

    p.save_button.click()
    dialog = p.editor.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    shown = _shown(dialog)
    assert set(shown) == {"regimes.EU", "regimes.UK"}
    assert "Status: Not adequate" in shown["regimes.EU"][0] and "Theirs: EU note" in shown["regimes.EU"][1]
    # Both sides read as labelled lines: no field keys or stored values (issue 18).
    assert [c for m, t in shown.values() for c in codes_in(m + "\n" + t)] == []
    assert "Theirs: UK note" not in shown["regimes.UK"][0] and "Theirs: UK note" in shown["regimes.UK"][1]
    assert {d.label for d in dialog.diffs} == {"Status under EU GDPR", "Status under UK GDPR"}
    assert "changed by admin (version 2)" in dialog.intro.text() and "saved first" in dialog.intro.text()
    assert store.get_destination(other, "US").version == 2  # theirs, untouched so far

    _answer(qtbot, dialog, choice, theirs_fields=("regimes.UK",))
    us = store.get_destination(other, "US")
    if choice == KEEP_THEIRS:
        assert us.version == 2
        assert us.regimes["EU"].status is eu.status and us.regimes["EU"].notes == "Theirs: EU note"
        assert p.editor.original == us and not p.editor.is_dirty()
        return
    assert us.version == 3  # re-saved against their version
    assert us.regimes["EU"].status is AdequacyStatus.NOT_ADEQUATE
    assert us.regimes["EU"].notes == eu.notes  # the whole EU entry is mine
    assert us.regimes["UK"].notes == ("Theirs: UK note" if choice == USE_CHOICES else uk.notes)
    assert p.editor.original == us and not p.editor.is_dirty()


def test_every_part_of_a_record_is_named_on_the_comparison_or_is_bookkeeping(
    qtbot: QtBot, db: Database, legal: Actor, us_transfer: transfers.TransferView
) -> None:
    # A part without a name showed its internal key ("scope_answers", "acceptance") as the row's title.
    from transfer_tool.assessment.record import SERVICE_KEPT, AssessmentRecord
    from transfer_tool.errors import ConflictError
    from ui.wizard.conflict_dialog import ConflictDialog

    draft = service.start_assessment(db, legal, us_transfer.id)
    dialog = ConflictDialog(ConflictError("Someone else saved first.", mine=draft.record, theirs=draft))
    qtbot.addWidget(dialog)
    parts = {f.name for f in dataclasses.fields(AssessmentRecord)}
    assert set(dialog._labels()) == parts - set(SERVICE_KEPT)
