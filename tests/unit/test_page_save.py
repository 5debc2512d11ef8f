"""Issue #20: a wizard page is saved by one core use case in one transaction, and the draft's step 1 facts
(the destination among them) are set from the transfer as stored, without Qt."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select

from tests import factories
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.assessment.page_save import PageSave, PageSaved, SaveBase, save_wizard_page
from transfer_tool.domain import TransferStatus
from transfer_tool.errors import ConflictError, NotFound
from transfer_tool.records import audit
from transfer_tool.register import register_search, transfers
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import AuditEvent


def _events(db: Database, after_seq: int) -> list[tuple[str, str]]:
    with db.read() as s:
        rows = s.execute(
            select(AuditEvent.action, AuditEvent.table_name)
            .where(AuditEvent.seq > after_seq)
            .order_by(AuditEvent.seq)
        )
        return [(a, t) for a, t in rows]


def _last_seq(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.coalesce(func.max(AuditEvent.seq), 0))) or 0)


def _opened(db: Database, transfer: transfers.TransferView) -> tuple[SaveBase, service.AssessmentView]:
    a = service.latest_for_transfer(db, transfer.id)
    assert a is not None
    return SaveBase.of(transfers.get_transfer(db, transfer.id), a), a


@pytest.fixture
def started(db: Database, legal: Actor, admin: Actor) -> transfers.TransferView:
    t = factories.transfer(db, admin, "US")
    service.start_assessment(db, legal, t.id)
    return transfers.get_transfer(db, t.id)


def test_a_new_transfer_is_created_started_and_saved_in_one_call(db: Database, legal: Actor) -> None:
    exp = factories.entity(db, legal, "Net Japan Co., Ltd.", "JP")
    imp = factories.entity(db, legal, "Importer in US", "US")
    typed = factories.transfer_input(exp.id, imp.id, "US", retention="")
    nothing = save_wizard_page(db, legal, PageSave(SaveBase(), typed, None, "transfer.handling"))
    assert nothing == PageSaved(SaveBase())  # breaks a rule: nothing stored, the screen keeps it
    assert register_search.search(db) == []

    before = _last_seq(db)
    complete = dataclasses.replace(typed, retention="1 year")
    saved = save_wizard_page(db, legal, PageSave(SaveBase(), complete, None, "transfer.handling"))
    assert saved.created and saved.transfer is not None and saved.assessment is not None
    assert saved.transfer.status is TransferStatus.DRAFT and saved.transfer.as_input() == complete
    assert saved.assessment.page == "transfer.handling"
    assert saved.base == SaveBase(
        saved.transfer.id,
        saved.transfer.row_version,
        complete,
        saved.assessment.id,
        saved.assessment.row_version,
    )
    # The same events as the three saves it replaces, in one transaction.
    assert _events(db, before) == [
        ("create", "transfer"),
        ("create", "assessment"),
        ("status", "transfer"),
        ("autosave", "assessment"),
    ]
    assert audit.verify(db).ok


def test_the_stored_draft_takes_its_destination_from_the_transfer_whatever_the_screen_sent(
    db: Database, legal: Actor, started: transfers.TransferView
) -> None:
    base, a = _opened(db, started)
    stale = dataclasses.replace(
        a.record,
        facts=dataclasses.replace(a.record.facts, destination="CN", importer_country="CN"),
        procedural_notes="asked the importer",
    )
    saved = save_wizard_page(db, legal, PageSave(base, started.as_input(), stale, "conclusion"))
    stored = service.get_assessment(db, a.id)
    assert stored.record.facts.destination == started.destination == "US"
    assert stored.record.facts.importer_country == "US"
    assert stored.record.procedural_notes == "asked the importer"
    assert saved.base.assessment_row_version == stored.row_version
    assert saved.transfer is None  # the transfer was not written


def test_a_new_destination_is_stored_once_and_the_draft_follows_it_in_the_same_save(
    db: Database, legal: Actor, admin: Actor, started: transfers.TransferView
) -> None:
    base, a = _opened(db, started)
    gb = factories.entity(db, admin, "Importer in GB", "GB")
    moved = dataclasses.replace(started.as_input(), destination="GB", importer_id=gb.id)
    before = _last_seq(db)
    saved = save_wizard_page(db, legal, PageSave(base, moved, a.record, "transfer.parties"))
    assert transfers.get_transfer(db, started.id).destination == "GB"
    stored = service.get_assessment(db, a.id).record
    assert (stored.facts.destination, stored.facts.importer_country) == ("GB", "GB")
    us_laws = {law.law_key for law in a.record.law_practice.laws}
    assert us_laws and not us_laws & {law.law_key for law in stored.law_practice.laws}  # the laws followed
    assert _events(db, before) == [("update", "transfer"), ("autosave", "assessment")]
    assert saved.transfer is not None and saved.base.stored_input == moved
    assert saved.base.transfer_row_version == saved.transfer.row_version


def test_a_transfer_that_breaks_a_rule_is_not_stored_and_the_draft_keeps_the_stored_facts(
    db: Database, legal: Actor, started: transfers.TransferView
) -> None:
    base, a = _opened(db, started)
    broken = dataclasses.replace(started.as_input(), destination="CN", retention="")
    screen = dataclasses.replace(
        a.record, facts=dataclasses.replace(a.record.facts, destination="CN"), procedural_notes="still saved"
    )
    saved = save_wizard_page(db, legal, PageSave(base, broken, screen, "measures"))
    assert transfers.get_transfer(db, started.id).destination == "US"
    stored = service.get_assessment(db, a.id).record
    assert stored.facts.destination == "US" and stored.procedural_notes == "still saved"
    assert saved.base.stored_input == started.as_input()


def test_a_draft_saved_by_someone_else_refuses_the_whole_save_transfer_included(
    db: Database, legal: Actor, manager: Actor, started: transfers.TransferView
) -> None:
    base, a = _opened(db, started)
    service.save_draft(
        db, manager, a.id, dataclasses.replace(a.record, procedural_notes="theirs"), a.row_version
    )
    before = _last_seq(db)
    retitled = dataclasses.replace(started.as_input(), title="Mine")
    with pytest.raises(ConflictError) as caught:
        save_wizard_page(db, legal, PageSave(base, retitled, a.record, "conclusion"))
    assert isinstance(caught.value.theirs, service.AssessmentView)
    assert transfers.get_transfer(db, started.id).title == started.title  # one transaction: nothing stored
    assert _events(db, before) == []


def test_a_transfer_saved_by_someone_else_conflicts_only_when_the_screen_changed_it(
    db: Database, legal: Actor, manager: Actor, started: transfers.TransferView
) -> None:
    base, a = _opened(db, started)
    current = transfers.get_transfer(db, started.id)
    transfers.update_transfer(
        db, manager, current.id, transfers.with_changes(current, title="Theirs"), current.row_version
    )
    notes = dataclasses.replace(a.record, procedural_notes="mine")
    # Step 1 untouched on this screen: the draft saves.
    saved = save_wizard_page(db, legal, PageSave(base, started.as_input(), notes, "conclusion"))
    assert service.get_assessment(db, a.id).record.procedural_notes == "mine"
    mine = dataclasses.replace(started.as_input(), title="Mine")
    with pytest.raises(ConflictError) as caught:
        save_wizard_page(db, legal, PageSave(saved.base, mine, notes, "transfer.parties"))
    theirs = caught.value.theirs
    assert isinstance(theirs, transfers.TransferView) and theirs.title == "Theirs"
    # Keep mine: the next save names their row version.
    again = dataclasses.replace(
        saved.base, transfer_row_version=theirs.row_version, stored_input=theirs.as_input()
    )
    save_wizard_page(db, legal, PageSave(again, mine, notes, "transfer.parties"))
    assert transfers.get_transfer(db, started.id).title == "Mine"
    assert audit.verify(db).ok


def test_starting_on_a_transfer_someone_else_changed_keeps_their_change_conflicting(
    db: Database, legal: Actor, manager: Actor, admin: Actor
) -> None:
    t = factories.transfer(db, admin, "US")
    base = SaveBase.of(t, None)
    transfers.update_transfer(db, manager, t.id, transfers.with_changes(t, title="Theirs"), t.row_version)
    saved = save_wizard_page(db, legal, PageSave(base, t.as_input(), None, "law_practice"))
    assert saved.created and saved.assessment is not None
    assert saved.base.transfer_row_version == t.row_version  # not adopted: their change still conflicts
    with pytest.raises(ConflictError):
        mine = dataclasses.replace(t.as_input(), title="Mine")
        save_wizard_page(db, legal, PageSave(saved.base, mine, saved.assessment.record, "law_practice"))


def test_a_transfer_removed_meanwhile_is_said_so(db: Database, legal: Actor, admin: Actor) -> None:
    t = factories.transfer(db, admin, "US")
    base = SaveBase.of(t, None)
    transfers.delete_transfer(db, admin, t.id, t.row_version)
    with pytest.raises(NotFound, match="no longer exists"):
        save_wizard_page(db, legal, PageSave(base, t.as_input(), None, "law_practice"))
