"""Two people at work on the same things at once: nothing either saved is lost or overwritten without
being told, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import threading
from typing import Any

import pytest

from tests import approval_support, factories
from transfer_tool import catalog, demo
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import approval, service, workflow
from transfer_tool.assessment.page_save import PageSave, SaveBase, save_wizard_page
from transfer_tool.countries import store as country_store
from transfer_tool.domain import AdequacyStatus, CatalogKind, Role
from transfer_tool.errors import ConflictError, ToolError, ValidationError
from transfer_tool.records import audit
from transfer_tool.register import entities, transfers
from transfer_tool.storage.database import Database

TODAY = dt.date(2026, 12, 7)


def test_a_settings_change_made_meanwhile_stays_when_another_admin_saves_theirs(
    db: Database, admin: Actor
) -> None:
    # Two administrators open the settings page; one turns single-user mode off (four eyes back on), the
    # other, still showing it on, only renames the organisation. The rename put single-user mode back on.
    service.set_org_settings(db, admin, service.OrgSettings(single_user_mode=True, risk_threshold=0.05))
    first, second = service.get_org_settings(db), service.get_org_settings(db)
    service.set_org_settings(db, admin, dataclasses.replace(first, single_user_mode=False), read=first)
    saved = service.set_org_settings(
        db, admin, dataclasses.replace(second, organisation_name="Net Japan"), read=second
    )
    assert saved == service.get_org_settings(db)
    assert (saved.single_user_mode, saved.organisation_name, saved.risk_threshold) == (
        False,
        "Net Japan",
        0.05,
    )
    assert audit.verify(db).ok


def test_the_same_setting_changed_by_two_admins_is_a_conflict_and_nothing_is_saved(
    db: Database, admin: Actor
) -> None:
    first, second = service.get_org_settings(db), service.get_org_settings(db)
    service.set_org_settings(db, admin, dataclasses.replace(first, reevaluation_months=6), read=first)
    mine = dataclasses.replace(second, reevaluation_months=24, organisation_name="Net Japan")
    with pytest.raises(ConflictError, match="Someone else changed the same organisation settings") as caught:
        service.set_org_settings(db, admin, mine, read=second)
    assert caught.value.mine == mine
    theirs = caught.value.theirs
    assert isinstance(theirs, service.OrgSettings) and theirs.reevaluation_months == 6
    assert service.get_org_settings(db) == theirs  # nothing of the refused save, the name included
    # Told, they save again over what they were shown: theirs is replaced knowingly.
    again = service.set_org_settings(db, admin, mine, read=theirs)
    assert (again.reevaluation_months, again.organisation_name) == (24, "Net Japan")


def test_an_assessment_started_meanwhile_by_someone_else_is_a_conflict_showing_theirs(
    db: Database, legal: Actor, manager: Actor, admin: Actor
) -> None:
    # Two people open the same transfer, which has no assessment yet, and answer its questions. The
    # second save was refused with "already has an assessment; open it instead": the answers on that
    # screen could not be stored, nor compared with the other person's.
    t = factories.transfer(db, admin, "US")
    base = SaveBase.of(t, None)
    theirs = save_wizard_page(db, manager, PageSave(base, t.as_input(), None, "law_practice")).assessment
    assert theirs is not None
    mine = dataclasses.replace(theirs.record, procedural_notes="asked the importer")
    with pytest.raises(ConflictError, match="started the assessment of TR-") as caught:
        save_wizard_page(db, legal, PageSave(base, t.as_input(), mine, "measures"))
    shown = caught.value.theirs
    assert isinstance(shown, service.AssessmentView) and shown.id == theirs.id
    assert caught.value.mine == mine
    # Keep mine: the next save names their version, and stores mine over it.
    again = dataclasses.replace(base, assessment_id=shown.id, assessment_row_version=shown.row_version)
    save_wizard_page(db, legal, PageSave(again, t.as_input(), mine, "measures"))
    assert service.get_assessment(db, theirs.id).record.procedural_notes == "asked the importer"
    assert [a.id for a in service.list_for_transfer(db, t.id)] == [theirs.id]
    assert audit.verify(db).ok


def _complete_draft(db: Database, legal: Actor, admin: Actor) -> service.AssessmentView:
    """The demo transfer's draft, every step answered (ready to submit)."""
    parties = demo.create_demo_parties(db, admin)
    t, _ = demo.create_demo_transfer(db, legal, parties, title="Customer support desk")
    a = service.start_assessment(db, legal, t.id)
    ev = service.evaluate_assessment(db, a.id, TODAY)
    a = service.save_draft(db, legal, a.id, demo.demo_record(a.record, ev.destination, TODAY), a.row_version)
    chosen = service.evaluate_assessment(db, a.id, TODAY).recommendation
    conclusion = dataclasses.replace(a.record.conclusion, chosen=chosen)
    return service.save_draft(
        db, legal, a.id, dataclasses.replace(a.record, conclusion=conclusion), a.row_version
    )


def test_a_version_saved_by_someone_else_after_the_submitters_last_save_is_not_submitted(
    db: Database, legal: Actor, manager: Actor, admin: Actor
) -> None:
    draft = _complete_draft(db, legal, admin)
    seen = service.get_assessment(db, draft.id)  # what the submitter's screen last saved
    theirs = service.save_draft(
        db, manager, draft.id, dataclasses.replace(seen.record, procedural_notes="theirs"), seen.row_version
    )
    with pytest.raises(ConflictError, match="nothing was submitted") as caught:
        service.submit(db, legal, draft.id, TODAY, expected_row_version=seen.row_version)
    shown = caught.value.theirs
    assert isinstance(shown, service.AssessmentView) and shown.record.procedural_notes == "theirs"
    assert service.get_assessment(db, draft.id).status.value == "draft"
    # Having seen theirs, the submitter submits the version they now know.
    done = service.submit(db, legal, draft.id, TODAY, expected_row_version=theirs.row_version)
    assert done.status.value == "submitted" and done.record.procedural_notes == "theirs"
    assert audit.verify(db).ok


def test_a_country_data_import_applies_only_what_its_preview_showed(db: Database, admin: Actor) -> None:
    # Admin A previews a file that changes Korea's notes (the United States as stored); admin B then
    # records the annulment of the US decision. A's Apply put the United States back as the file had it,
    # undoing B's change that the preview never showed (and without flagging anything back).
    doc = json.loads(country_store.export_document(db))
    next(d for d in doc["destinations"] if d["code"] == "KR")["regimes"]["JP"]["notes"] = "PPC consultation"
    raw = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    preview = country_store.import_document(db, admin, raw, dry_run=True, reason="quarterly update")
    assert preview.changed_destinations == ["KR"]
    us = country_store.get_destination(db, "US")
    annulled = dataclasses.replace(
        us,
        regimes={
            **us.regimes,
            "EU": dataclasses.replace(us.regimes["EU"], status=AdequacyStatus.NOT_ADEQUATE),
        },
    )
    country_store.update_destination(db, admin, annulled, reason="CJEU annulled", expected_version=us.version)
    with pytest.raises(ConflictError, match="changed since the preview") as caught:
        country_store.import_document(db, admin, raw, reason="quarterly update", expected=preview)
    assert "United States" in caught.value.message
    assert country_store.get_destination(db, "US").regimes["EU"].status is AdequacyStatus.NOT_ADEQUATE
    assert country_store.get_destination(db, "KR").regimes["JP"].notes != "PPC consultation"  # all or none
    # Checked again, the preview shows the United States going back; applied as shown, it is imported.
    again = country_store.import_document(db, admin, raw, dry_run=True, reason="quarterly update")
    assert again.changed_destinations == ["KR", "US"]
    done = country_store.import_document(db, admin, raw, reason="quarterly update", expected=again)
    assert done.changes == again.changes
    assert audit.verify(db).ok


def test_a_catalogue_entry_changed_meanwhile_keeps_the_other_admins_change(
    db: Database, admin: Actor
) -> None:
    # One administrator marks a data category sensitive; another, whose page still shows it unmarked,
    # corrects its Japanese label. The correction took the mark away again.
    entry = next(i for i in catalog.list_items(db, CatalogKind.DATA_CATEGORY) if not i.sensitive)
    catalog.save_item(db, admin, dataclasses.replace(entry, sensitive=True), read=entry)
    saved = catalog.save_item(
        db, admin, dataclasses.replace(entry, label_ja="連絡先情報（訂正）"), read=entry
    )
    assert (saved.sensitive, saved.label_ja) == (True, "連絡先情報（訂正）")
    # Both change the English label: told, nothing saved.
    catalog.save_item(db, admin, dataclasses.replace(saved, label_en="Theirs"), read=saved)
    with pytest.raises(ConflictError, match="Someone else changed the catalogue entry") as caught:
        catalog.save_item(db, admin, dataclasses.replace(saved, label_en="Mine", section="4-9"), read=saved)
    theirs = caught.value.theirs
    assert isinstance(theirs, catalog.CatalogItem) and theirs.label_en == "Theirs"
    stored = next(i for i in catalog.list_items(db, CatalogKind.DATA_CATEGORY) if i.code == entry.code)
    assert (stored.label_en, stored.section) == ("Theirs", entry.section)
    assert audit.verify(db).ok


def test_settings_changed_while_an_approver_signs_do_not_make_the_stored_approval_differ_from_the_signed(
    db: Database, legal: Actor, manager: Actor, admin: Actor
) -> None:
    # The signed report states the re-evaluation date from the settings it was rendered with; an
    # administrator shortening the period while the approver signs made the stored approval (the
    # register's next review, the calendar) say another date than the signed report.
    submitted = service.submit(db, legal, _complete_draft(db, legal, admin).id, TODAY)
    approval_support.register(db, manager)

    def meanwhile(stage: str) -> None:
        if stage == approval.STAGE_SIGN:
            settings = service.get_org_settings(db)
            service.set_org_settings(
                db, admin, dataclasses.replace(settings, reevaluation_months=6), read=settings
            )

    request = approval.ApprovalRequest(
        submitted.id,
        approval_support.identity_of(manager.username, manager.display_name or manager.username),
        approval_support.PASSPHRASE,
        "en",
        approval_support.ALL_ATTESTATIONS,
        TODAY,
    )
    with pytest.raises(ConflictError, match="organisation settings changed while you approved"):
        approval.approve_and_sign(db, manager, request, meanwhile)
    assert service.get_assessment(db, submitted.id).status.value == "submitted"  # nothing approved
    done = approval.approve_and_sign(db, manager, request)  # approved again, as now rendered
    assert done.view.re_evaluation_date == dt.date(2027, 6, 7)
    assert audit.verify(db).ok


def test_an_entity_edited_by_two_people_keeps_both_changes_unless_they_touch_the_same_detail(
    db: Database, legal: Actor, manager: Actor
) -> None:
    e = factories.entity(db, legal, "Cloud Desk Inc.", "US")
    read = entities.EntityInput(
        **{f.name: getattr(e, f.name) for f in dataclasses.fields(entities.EntityInput)}
    )
    entities.update_entity(db, manager, e.id, dataclasses.replace(read, address="1 Market St"), e.row_version)
    saved = entities.update_entity(
        db, legal, e.id, dataclasses.replace(read, contact_name="Jane Doe"), e.row_version, read=read
    )
    assert (saved.address, saved.contact_name) == ("1 Market St", "Jane Doe")
    with pytest.raises(ConflictError, match="changed the same details") as caught:
        entities.update_entity(
            db, legal, e.id, dataclasses.replace(read, address="500 Howard St"), e.row_version, read=read
        )
    assert isinstance(caught.value.theirs, entities.EntityView)
    assert entities.get_entity(db, e.id) == saved
    # Without what the screen read, a stale save is refused as before.
    with pytest.raises(ConflictError, match="after you opened it; nothing was saved"):
        entities.update_entity(db, legal, e.id, read, e.row_version)
    assert audit.verify(db).ok


def test_a_party_changed_while_a_version_is_being_submitted_is_never_left_unassessed(
    db: Database,
    db_url: str,
    backend: str,
    legal: Actor,
    manager: Actor,
    admin: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # On PostgreSQL a submission read the transfer and its parties, then wrote; a correction of the
    # importer's country committed in between (by someone else, whose check saw a draft: nothing to
    # refuse, nothing to flag) left a version awaiting approval that assessed the old country, and no flag.
    if backend == "sqlite":
        pytest.skip("SQLite runs one writer at a time: the correction waits for the submission")
    draft = _complete_draft(db, legal, admin)
    importer = entities.get_entity(db, transfers.get_transfer(db, draft.transfer_id).importer_id)
    other = Database(db_url)
    outcome: list[object] = []

    def correct_the_importer() -> None:
        try:
            fixed = entities.EntityInput(
                **{f.name: getattr(importer, f.name) for f in dataclasses.fields(entities.EntityInput)}
            )
            outcome.append(
                entities.update_entity(
                    other,
                    manager,
                    importer.id,
                    dataclasses.replace(fixed, country="CA"),
                    importer.row_version,
                )
            )
        except ToolError as exc:
            outcome.append(exc)

    real_submit = workflow.submit

    def meanwhile(*args: Any, **kwargs: Any) -> Any:  # inside the submission, after it read the facts
        if not outcome:
            worker = threading.Thread(target=correct_the_importer)
            worker.start()
            worker.join(timeout=2)  # on a lock held by the submission it waits; the submission goes on
            if worker.is_alive():
                outcome.append(worker)
        return real_submit(*args, **kwargs)

    monkeypatch.setattr(workflow, "submit", meanwhile)
    try:
        submitted = service.submit(db, legal, draft.id, TODAY)
        if isinstance(outcome[0], threading.Thread):
            outcome[0].join(timeout=30)
            del outcome[0]
    finally:
        other.dispose()
    stored_country = entities.get_entity(db, importer.id).country
    flagged = transfers.get_transfer(db, draft.transfer_id).reassessment_needed
    assert submitted.record.facts.importer_country == stored_country or flagged
    if stored_country == importer.country:  # the correction waited and was refused: return it first
        assert isinstance(outcome[-1], ValidationError) and "awaiting review" in outcome[-1].message


def test_evidence_added_while_the_version_is_being_submitted_never_lands_on_the_submitted_version(
    db: Database,
    db_url: str,
    backend: str,
    legal: Actor,
    manager: Actor,
    admin: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # On PostgreSQL evidence was checked against a draft, then written; a submission committing in between
    # left a file on the version awaiting review that its submitter never submitted.
    if backend == "sqlite":
        pytest.skip("SQLite runs one writer at a time: the evidence waits for the submission")
    draft = _complete_draft(db, legal, admin)
    service.save_draft(  # the manager becomes an author, as whoever adds evidence to a draft does
        db,
        manager,
        draft.id,
        dataclasses.replace(draft.record, procedural_notes="checked"),
        draft.row_version,
    )
    other = Database(db_url)
    outcome: list[object] = []

    def add_a_file() -> None:
        try:
            outcome.append(
                service.add_evidence(other, manager, draft.id, "dpa.pdf", b"%PDF-1.4 DPA", "Signed DPA")
            )
        except ToolError as exc:
            outcome.append(exc)

    real_set_status = transfers.set_status

    def meanwhile(*args: Any, **kwargs: Any) -> Any:  # inside the submission, after its audit event
        if not outcome:
            worker = threading.Thread(target=add_a_file)
            worker.start()
            worker.join(timeout=2)
            outcome.append(worker)
        return real_set_status(*args, **kwargs)

    monkeypatch.setattr(transfers, "set_status", meanwhile)
    try:
        service.submit(db, legal, draft.id, TODAY)
        threads = [o for o in outcome if isinstance(o, threading.Thread)]
        for t in threads:
            t.join(timeout=30)
    finally:
        other.dispose()
    assert service.get_assessment(db, draft.id).status.value == "submitted"
    assert service.evidence_for(db, draft.id) == []
    refused = [o for o in outcome if isinstance(o, ValidationError)]
    assert refused and "submitted for review" in refused[0].message


def test_two_people_adding_an_onward_transfer_at_once_get_two_numbers(
    db: Database, db_url: str, legal: Actor, manager: Actor, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each took one more than the highest number of the parent's onward transfers, read before either
    # wrote: both TR-000001-01, and the second save failed on the unique reference (on PostgreSQL a
    # database error, shown as a program fault).
    parent = factories.transfer(db, admin, "US")
    sub = factories.entity(db, admin, "Sub-processor in IN", "IN")
    data = factories.transfer_input(parent.importer_id, sub.id, "IN", title="Support desk in India")
    numbered: list[str] = []
    both = threading.Event()
    real_reference = transfers.onward_reference

    def numbering(p: Any) -> str:
        reference = real_reference(p)
        numbered.append(reference)
        if len(numbered) == 2:
            both.set()
        both.wait(timeout=1.5)  # both have read the onward transfers, as two people at the same moment
        return reference

    monkeypatch.setattr(transfers, "onward_reference", numbering)
    results: list[object] = []
    others = [Database(db_url), Database(db_url)]

    def add(database: Database, actor: Actor) -> None:
        try:
            results.append(transfers.add_onward_transfer(database, actor, parent.id, data))
        except Exception as exc:  # the test reports what each person got
            results.append(exc)

    workers = [
        threading.Thread(target=add, args=(d, a)) for d, a in zip(others, (legal, manager), strict=True)
    ]
    try:
        for w in workers:
            w.start()
        for w in workers:
            w.join(timeout=60)
    finally:
        for d in others:
            d.dispose()
    assert all(isinstance(r, transfers.TransferView) for r in results), results
    refs = sorted(r.reference for r in results if isinstance(r, transfers.TransferView))
    assert refs == [f"{parent.reference}-01", f"{parent.reference}-02"]
    assert audit.verify(db).ok


def test_a_user_deactivated_meanwhile_is_not_reactivated_by_another_admins_stale_page(
    db: Database, admin: Actor, legal: Actor
) -> None:
    # One administrator deactivates a user who left; another, whose page still shows the user active,
    # corrects the user's name. The correction signed the user back in (on a team database, the login too).
    shown = users.get_user(db, legal.user_id or 0)
    users.update_user(db, admin, shown.id, active=False, read=shown)
    renamed = users.update_user(
        db, admin, shown.id, role=shown.role, active=True, display_name="Lena Legal-Schmidt", read=shown
    )
    assert (renamed.active, renamed.display_name) == (False, "Lena Legal-Schmidt")
    # Both change the role: told, nothing saved.
    users.update_user(db, admin, shown.id, role=Role.MANAGER, read=renamed)
    with pytest.raises(ConflictError, match="changed lena's account"):
        users.update_user(db, admin, shown.id, role=Role.ADMIN, active=False, display_name="x", read=renamed)
    stored = users.get_user(db, shown.id)
    assert (stored.role, stored.display_name) == (Role.MANAGER, "Lena Legal-Schmidt")
    assert audit.verify(db).ok


def test_a_transfer_handed_over_meanwhile_does_not_make_the_wizards_next_change_a_conflict(
    db: Database, legal: Actor, manager: Actor, admin: Actor
) -> None:
    # A manager hands the transfer over while its wizard is open. The next change typed on step 1 was
    # refused as 'changed by someone else', and the conflict dialog listed only the person's own change
    # (the responsible person is not a detail the wizard shows): keep theirs dropped it.
    t = factories.transfer(db, admin, "US")
    a = service.start_assessment(db, legal, t.id)
    base = SaveBase.of(transfers.get_transfer(db, t.id), a)
    transfers.assign_transfers(db, manager, [t.id], manager.user_id)
    retitled = dataclasses.replace(t.as_input(), title="Support desk (EU customers)")
    saved = save_wizard_page(db, legal, PageSave(base, retitled, a.record, "transfer.parties"))
    stored = transfers.get_transfer(db, t.id)
    assert (stored.title, stored.owner_id) == ("Support desk (EU customers)", manager.user_id)
    assert saved.base.transfer_row_version == stored.row_version
    # A change to the details themselves still conflicts, with theirs.
    transfers.update_transfer(
        db, manager, t.id, transfers.with_changes(stored, notes="theirs"), stored.row_version
    )
    with pytest.raises(ConflictError) as caught:
        save_wizard_page(
            db, legal, PageSave(saved.base, dataclasses.replace(retitled, notes="mine"), None, "x")
        )
    assert isinstance(caught.value.theirs, transfers.TransferView)


def test_people_creating_transfers_at_once_get_consecutive_numbers_and_one_unbroken_audit_chain(
    db: Database, db_url: str, legal: Actor, manager: Actor, admin: Actor
) -> None:
    exp = factories.entity(db, admin, "Net Japan Co., Ltd.", "JP")
    imp = factories.entity(db, admin, "Importer in US", "US")
    data = factories.transfer_input(exp.id, imp.id, "US")
    start = threading.Barrier(3, timeout=30)
    results: list[object] = []

    def create(actor: Actor) -> None:
        database = Database(db_url)
        try:
            start.wait()
            for _ in range(3):
                results.append(transfers.create_transfer(database, actor, data))
        except Exception as exc:  # the test reports what each person got
            results.append(exc)
        finally:
            database.dispose()

    workers = [threading.Thread(target=create, args=(a,)) for a in (legal, manager, admin)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
    assert all(isinstance(r, transfers.TransferView) for r in results), results
    refs = sorted(r.reference for r in results if isinstance(r, transfers.TransferView))
    assert refs == [f"TR-{n:06d}" for n in range(1, 10)]
    report = audit.verify(db)
    assert report.ok, report


def test_an_entity_named_by_a_transfer_saved_while_it_is_removed_is_kept_with_a_reason(
    db: Database, db_url: str, backend: str, legal: Actor, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Removing an entity checked that no transfer names it, then deleted it; a transfer naming it saved by
    # someone else in between made the delete fail on the foreign key: a database error, shown as a fault.
    if backend == "sqlite":
        pytest.skip("SQLite runs one writer at a time: the transfer waits for the removal")
    exp = factories.entity(db, admin, "Net Japan Co., Ltd.", "JP")
    imp = factories.entity(db, admin, "Entered by mistake Inc.", "US")
    real_uses = entities._uses
    other = Database(db_url)

    def meanwhile(session: Any, entity_id: int) -> Any:
        found = real_uses(session, entity_id)
        transfers.create_transfer(other, legal, factories.transfer_input(exp.id, imp.id, "US"))
        return found

    monkeypatch.setattr(entities, "_uses", meanwhile)
    try:
        with pytest.raises(ValidationError, match=r"Entered by mistake Inc\. is a party to") as caught:
            entities.delete_entity(db, admin, imp.id, imp.row_version)
    finally:
        other.dispose()
    assert any("TR-000001" in p.message for p in caught.value.problems)
    assert entities.get_entity(db, imp.id).name == "Entered by mistake Inc."
