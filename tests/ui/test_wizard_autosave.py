"""Drafts save themselves: within two seconds of a change, on closing, and the wizard reopens on the page
of the last change (moving between pages alone writes nothing). Conflicts with someone else's save show
both versions; submitted and approved versions open read-only."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests import approval_support
from tests.ui import test_wizard_support as support
from tests.ui.conftest import TODAY
from tests.ui.test_wizard_support import MakeWizard, replace_record, type_text
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.assessment.page_save import PageSave, SaveBase
from transfer_tool.domain import AssessmentStatus
from transfer_tool.errors import ConflictError
from transfer_tool.register import register_search, transfers
from transfer_tool.storage.database import Database
from ui.wizard.autosave import DELAY_MS, _Handoff, store
from ui.wizard.conclusion import ConclusionPage
from ui.wizard.conflict_dialog import ConflictDialog
from ui.wizard.law_practice import LawPracticePage
from ui.wizard.state import PAGE_CONCLUSION, PAGE_LAW, PAGE_PARTIES, PAGE_SUMMARY
from ui.wizard.transfer import PartiesPage
from ui.wizard.wizard import AssessmentWizard

make_wizard = support.make_wizard
us_transfer = support.us_transfer


def test_a_change_is_stored_within_two_seconds_and_the_wizard_reopens_on_that_page(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, legal: Actor, us_transfer: transfers.TransferView
) -> None:
    assert DELAY_MS < 2000
    wizard = make_wizard(legal, us_transfer.id)
    wizard.go_to(PAGE_LAW)
    page = wizard.page_for(PAGE_LAW)
    assert isinstance(page, LawPracticePage)
    typed = "米国の法執行機関からの要請はこれまでゼロ件 (0 requests since 2019)"
    type_text(page.experience, typed)
    assert service.latest_for_transfer(db, us_transfer.id) is None  # not yet: it waits for a pause
    # The save is due DELAY_MS after the last keystroke (the promise: within two seconds). Checked by the
    # timer that carries it, not by a stopwatch: how long the database takes on a busy machine is not the
    # product's promise (bench/ measures what a person waits for).
    timer = wizard.autosaver._timer
    assert timer.isActive() and timer.isSingleShot() and timer.interval() == DELAY_MS

    def saved() -> bool:
        a = service.latest_for_transfer(db, us_transfer.id)
        return a is not None and a.record.law_practice.practical_experience == typed

    with qtbot.waitSignal(timer.timeout, timeout=10_000):
        pass  # the pause ends and the save starts
    qtbot.waitUntil(saved, timeout=30_000)  # the limit only stops a save that never ends
    a = service.latest_for_transfer(db, us_transfer.id)
    assert a is not None and a.page == PAGE_LAW
    assert wizard.save_status.text().startswith("All changes saved")
    wizard.close()

    again = make_wizard(legal, us_transfer.id)
    assert again.current_key() == PAGE_LAW
    reopened = again.page_for(PAGE_LAW)
    assert isinstance(reopened, LawPracticePage)
    assert reopened.experience.toPlainText() == typed
    # Back from the resumed page works through the pages before it.
    again.back()
    assert again.current_key() != PAGE_LAW


def test_only_moving_between_pages_writes_nothing(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, legal: Actor, us_transfer: transfers.TransferView
) -> None:
    """Reading a draft page by page is no change: no save, no audit event, and no new row version that
    would make a colleague's next save of the same draft conflict (found walking the app, session 10)."""
    wizard = make_wizard(legal, us_transfer.id)
    wizard.go_to(PAGE_LAW)
    page = wizard.page_for(PAGE_LAW)
    assert isinstance(page, LawPracticePage)
    type_text(page.experience, "No requests so far")
    wizard.autosaver.flush()
    qtbot.waitUntil(lambda: not wizard.autosaver.pending, timeout=5000)
    before = service.latest_for_transfer(db, us_transfer.id)
    assert before is not None and before.page == PAGE_LAW
    for key in (PAGE_CONCLUSION, PAGE_SUMMARY, PAGE_PARTIES, PAGE_LAW, PAGE_CONCLUSION):
        wizard.go_to(key)
    assert not wizard.autosaver.pending
    qtbot.wait(DELAY_MS * 2)
    after = service.latest_for_transfer(db, us_transfer.id)
    assert after is not None and after.row_version == before.row_version
    wizard.close()
    assert service.latest_for_transfer(db, us_transfer.id) == after


def test_closing_right_after_typing_loses_nothing(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, legal: Actor, us_transfer: transfers.TransferView
) -> None:
    wizard = make_wizard(legal, us_transfer.id)
    wizard.go_to(PAGE_CONCLUSION)
    page = wizard.page_for(PAGE_CONCLUSION)
    assert isinstance(page, ConclusionPage)
    type_text(page.procedural, "SCC は無修正で締結")
    assert wizard.autosaver.pending
    wizard.close()  # before the autosave pause has passed
    a = service.latest_for_transfer(db, us_transfer.id)
    assert a is not None and a.record.procedural_notes == "SCC は無修正で締結" and a.page == PAGE_CONCLUSION


def test_a_new_transfer_is_stored_as_soon_as_it_is_complete_even_without_next(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, legal: Actor, us_transfer: transfers.TransferView
) -> None:
    source = transfers.get_transfer(db, us_transfer.id)
    wizard = make_wizard(legal, None)
    parties = wizard.page_for(PAGE_PARTIES)
    assert isinstance(parties, PartiesPage)
    # Fill step 1 from the same data as an existing transfer, the way the pages do.
    wizard.state.set_transfer_input(
        **{
            **dataclasses.asdict(source.as_input()),
            "title": "Copy of the support desk",
            "data_categories": (),
        }
    )
    qtbot.wait(DELAY_MS + 300)
    assert len(register_search.search(db)) == 1  # incomplete (no data category): nothing stored yet
    assert "Not saved yet" in wizard.save_status.text()
    wizard.state.set_transfer_input(data_categories=("contact",))
    qtbot.waitUntil(lambda: len(register_search.search(db)) == 2, timeout=2000)
    new = next(r for r in register_search.search(db) if r.title == "Copy of the support desk")
    a = service.latest_for_transfer(db, new.id)
    assert a is not None and a.status is AssessmentStatus.DRAFT
    assert wizard.windowTitle().startswith(f"Assessment — {new.reference}")


def _conflict(qtbot: QtBot, wizard: AssessmentWizard) -> ConflictDialog:
    qtbot.waitUntil(lambda: wizard.conflict_dialog() is not None, timeout=2000)
    dialog = wizard.conflict_dialog()
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_someone_elses_save_shows_both_versions_and_keep_mine_wins(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    db: Database,
    legal: Actor,
    manager: Actor,
    us_transfer: transfers.TransferView,
) -> None:
    a = service.start_assessment(db, legal, us_transfer.id)
    wizard = make_wizard(legal, us_transfer.id)
    wizard.go_to(PAGE_CONCLUSION)
    page = wizard.page_for(PAGE_CONCLUSION)
    assert isinstance(page, ConclusionPage)
    qtbot.waitUntil(lambda: not wizard.autosaver.pending, timeout=2000)
    replace_record(db, manager, a.id, procedural_notes="theirs: authorisation requested")
    type_text(page.procedural, "mine: SCCs signed unchanged")
    dialog = _conflict(qtbot, wizard)
    rows = {key: (m, t) for key, m, t in dialog.rows}
    assert rows["procedural_notes"] == ('"mine: SCCs signed unchanged"', '"theirs: authorisation requested"')
    assert "Not saved: someone else saved this first" in wizard.save_status.text()
    qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: service.get_assessment(db, a.id).record.procedural_notes == "mine: SCCs signed unchanged",
        timeout=2000,
    )
    # Saving goes on normally afterwards.
    type_text(page.procedural, " + more")
    qtbot.waitUntil(
        lambda: (
            service.get_assessment(db, a.id).record.procedural_notes == "mine: SCCs signed unchanged + more"
        ),
        timeout=2000,
    )
    assert wizard.conflict_dialog() is None


def test_keep_theirs_shows_their_version_and_drops_mine(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    db: Database,
    legal: Actor,
    manager: Actor,
    us_transfer: transfers.TransferView,
) -> None:
    a = service.start_assessment(db, legal, us_transfer.id)
    wizard = make_wizard(legal, us_transfer.id)
    wizard.go_to(PAGE_CONCLUSION)
    page = wizard.page_for(PAGE_CONCLUSION)
    assert isinstance(page, ConclusionPage)
    qtbot.waitUntil(lambda: not wizard.autosaver.pending, timeout=2000)
    replace_record(db, manager, a.id, procedural_notes="theirs")
    type_text(page.procedural, "mine")
    dialog = _conflict(qtbot, wizard)
    qtbot.mouseClick(dialog.theirs_button, Qt.MouseButton.LeftButton)
    dialog.confirm_keep_theirs()  # dropping mine is confirmed first
    assert page.procedural.toPlainText() == "theirs"
    assert service.get_assessment(db, a.id).record.procedural_notes == "theirs"
    page.procedural.setPlainText("theirs, then mine")
    qtbot.waitUntil(
        lambda: service.get_assessment(db, a.id).record.procedural_notes == "theirs, then mine", timeout=2000
    )


def test_submitted_and_approved_versions_open_read_only_and_a_new_version_can_start(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    db: Database,
    legal: Actor,
    manager: Actor,
    us_transfer: transfers.TransferView,
    tmp_path: Path,
) -> None:
    a = support.submitted_through_the_wizard(qtbot, make_wizard, db, legal, us_transfer.id, TODAY)

    submitted = make_wizard(legal, us_transfer.id)
    assert submitted.current_key() == PAGE_CONCLUSION
    assert submitted.banner.isVisible()
    assert submitted.banner.text() == "Submitted for review: read-only until a manager returns it."
    page = submitted.page_for(PAGE_CONCLUSION)
    assert isinstance(page, ConclusionPage)
    assert page.procedural.isReadOnly()  # read-only, not greyed out (tests/ui/test_read_only_pages.py)
    submitted.close()

    # Approval renders the report as approved and signs it with the manager's registered identity.
    approval_support.approve(db, manager, a.id, TODAY)
    approved = make_wizard(legal, us_transfer.id)
    assert approved.banner.text() == "Approved and signed: read-only. Changes go into a new version."
    assert approved.new_version_button.isVisible()
    approved.go_to(PAGE_SUMMARY)
    assert approved.summary.pdf_button.isEnabled() and not approved.summary.submit_button.isEnabled()
    qtbot.mouseClick(approved.new_version_button, Qt.MouseButton.LeftButton)
    latest = service.latest_for_transfer(db, us_transfer.id)
    assert latest is not None and latest.version_no == 2 and latest.status is AssessmentStatus.DRAFT
    assert approved.state.assessment is not None and approved.state.assessment.id == latest.id
    assert not approved.banner.isVisible()
    again = approved.page_for(PAGE_CONCLUSION)
    assert isinstance(again, ConclusionPage) and not again.procedural.isReadOnly()
    assert "version 2" in approved.windowTitle()


def test_someone_elses_change_to_the_transfer_can_be_kept(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    db: Database,
    legal: Actor,
    manager: Actor,
    us_transfer: transfers.TransferView,
) -> None:
    wizard = make_wizard(legal, us_transfer.id)
    parties = wizard.page_for(PAGE_PARTIES)
    assert isinstance(parties, PartiesPage)
    current = transfers.get_transfer(db, us_transfer.id)
    transfers.update_transfer(
        db, manager, current.id, transfers.with_changes(current, title="Theirs"), current.row_version
    )
    parties.title_edit.selectAll()
    type_text(parties.title_edit, "Mine")
    dialog = _conflict(qtbot, wizard)
    assert ("title", '"Mine"', '"Theirs"') in dialog.rows
    qtbot.mouseClick(dialog.theirs_button, Qt.MouseButton.LeftButton)
    dialog.confirm_keep_theirs()  # dropping mine is confirmed first
    assert parties.title_edit.text() == "Theirs"
    assert transfers.get_transfer(db, us_transfer.id).title == "Theirs"
    parties.title_edit.setText("Theirs, then mine")
    qtbot.waitUntil(
        lambda: transfers.get_transfer(db, us_transfer.id).title == "Theirs, then mine", timeout=2000
    )


def test_while_the_transfer_is_invalid_the_rest_still_saves_and_the_status_says_so(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, legal: Actor, us_transfer: transfers.TransferView
) -> None:
    wizard = make_wizard(legal, us_transfer.id)
    wizard.go_to(PAGE_LAW)
    law = wizard.page_for(PAGE_LAW)
    assert isinstance(law, LawPracticePage)
    wizard.state.set_transfer_input(retention="")  # as if the retention had been cleared in step 1
    type_text(law.experience, "no requests")

    def saved() -> bool:
        a = service.latest_for_transfer(db, us_transfer.id)
        return a is not None and a.record.law_practice.practical_experience == "no requests"

    qtbot.waitUntil(saved, timeout=2000)
    assert (
        transfers.get_transfer(db, us_transfer.id).retention == "Contract term plus 1 year"
    )  # not overwritten
    assert "except the transfer itself" in wizard.save_status.text()
    steps = [wizard.steps_model.index(r, 0).data() for r in range(wizard.steps_model.rowCount())]
    assert steps[2] == "1 Handling, onward transfers ✖"


def test_a_save_queued_behind_another_takes_its_versions_from_that_one_and_stops_after_a_failure(
    db: Database, legal: Actor, manager: Actor, us_transfer: transfers.TransferView
) -> None:
    # Both requests are built before either runs, as when the GUI queues a second save (or the last one,
    # on closing) while the first is still on the database thread: they carry the same base.
    base = SaveBase.of(transfers.get_transfer(db, us_transfer.id), None)
    retitled = transfers.with_changes(us_transfer, title="Support desk, renamed")
    first, second, third = _Handoff(), _Handoff(), _Handoff()
    started = store(db, legal, PageSave(base, us_transfer.as_input(), None, PAGE_LAW), None, first)
    assert started is not None and started.created and started.assessment is not None
    renamed = store(db, legal, PageSave(base, retitled, None, PAGE_CONCLUSION), first, second)
    assert renamed is not None and not renamed.created  # no second start, no conflict with the first
    assert transfers.get_transfer(db, us_transfer.id).title == "Support desk, renamed"
    stored = service.latest_for_transfer(db, us_transfer.id)
    assert stored is not None and stored.id == started.assessment.id and stored.page == PAGE_CONCLUSION

    # Someone else saves; the next save conflicts and the one queued behind it is skipped, not refused again.
    replace_record(db, manager, stored.id, procedural_notes="theirs")
    mine = dataclasses.replace(stored.record, procedural_notes="mine")
    fourth = _Handoff()
    with pytest.raises(ConflictError):
        store(db, legal, PageSave(renamed.base, retitled, mine, PAGE_CONCLUSION), second, third)
    assert third.failed
    assert store(db, legal, PageSave(renamed.base, retitled, mine, PAGE_CONCLUSION), third, fourth) is None
    assert fourth.failed
    latest = service.get_assessment(db, stored.id)
    assert latest.record.procedural_notes == "theirs"


def test_the_saved_status_states_the_time_the_database_stored(
    qtbot: QtBot,
    make_wizard: MakeWizard,
    db: Database,
    legal: Actor,
    us_transfer: transfers.TransferView,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ "All changes saved (time)" said the time the screen read when the answer arrived; the register and
    the conflict dialog say the time stored, and at a minute's edge they differed. Here the screen's clock
    is a minute ahead of the one the save read."""
    from ui.wizard import autosave

    def minute_ahead(tz: dt.tzinfo | None = None) -> dt.datetime:
        return dt.datetime.now(tz) + dt.timedelta(minutes=1)

    # autosave reads the screen's clock as dt.datetime.now() and nothing else of dt
    monkeypatch.setattr(
        autosave, "dt", types.SimpleNamespace(datetime=types.SimpleNamespace(now=minute_ahead))
    )
    wizard = make_wizard(legal, us_transfer.id)
    wizard.go_to(PAGE_LAW)
    page = wizard.page_for(PAGE_LAW)
    assert isinstance(page, LawPracticePage)
    type_text(page.experience, "No requests so far")
    qtbot.waitUntil(lambda: wizard.save_status.text().startswith("All changes saved"), timeout=5000)
    a = service.latest_for_transfer(db, us_transfer.id)
    assert a is not None
    assert wizard.save_status.text() == f"All changes saved ({a.updated_at.astimezone():%H:%M:%S})."
    wizard.close()
