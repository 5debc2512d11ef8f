"""The assessment services end to end on a real database: start, fill, evaluate, submit, review, approve,
new versions, country-data changes, evidence integrity and autosave conflicts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from tests import approval_support, factories
from tests.unit.test_assessment_fixtures import COMPLETE_ACCEPTANCE, checked
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.assessment.precheck import Route
from transfer_tool.assessment.record import (
    AssessmentRecord,
    ChosenMeasure,
    ConclusionRecord,
    LawAssessment,
    LawPracticeStep,
    LawRisk,
    MeasureStatus,
    RiskFactor,
    RiskInputs,
    StepConclusion,
    ToolChoice,
)
from transfer_tool.countries import store as country_store
from transfer_tool.countries.model import RegimeEntry
from transfer_tool.domain import AdequacyStatus, AssessmentStatus, Conclusion, PartyRole, TransferStatus
from transfer_tool.errors import ConflictError, PermissionDenied, ValidationError
from transfer_tool.register import transfers
from transfer_tool.report.data import localize
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment
from transfer_tool.storage.models.core import Blob

TODAY = dt.date(2026, 11, 26)
ALL_ATTESTATIONS = set(service.REQUIRED_ATTESTATIONS)
FISA_FACTORS = (0.5, 0.1, 0.2, 0.5, 0.5)  # product 0.0025 a year


def _fr_to_us(db: Database, actor: Actor, **kw: object) -> transfers.TransferView:
    """A French controller sends customer data to a US processor that is not DPF-certified."""
    exp = factories.entity(db, actor, "Maison Client SAS", "FR", is_group_company=True)
    imp = factories.entity(db, actor, "Cloud Desk Inc.", "US", certifications=("APEC CBPR",))
    data = factories.transfer_input(
        exp.id, imp.id, "US", storage_countries=("US",), volume=12_000, title="Support desk", **kw
    )
    return transfers.create_transfer(db, actor, data)


def _filled(record: AssessmentRecord, *, conclusion: Conclusion | None) -> AssessmentRecord:
    """Steps 2-7 answered the way an assessor would for the FR → US processor transfer."""
    laws = tuple(
        LawAssessment(
            a.law_key,
            a.law_key == "fisa702",
            "Cloud Desk is a remote computing service provider"
            if a.law_key == "fisa702"
            else "no transit outside the US and no NSL exposure for support tickets",
        )
        for a in record.law_practice.laws
    )
    factors = tuple(
        RiskFactor(key, key.replace("_", " "), p, f"justified {key}")
        for key, p in zip(
            (
                "in_scope",
                "authorities_want",
                "approach_importer",
                "importer_cannot_resist",
                "safeguards_fail",
            ),
            FISA_FACTORS,
            strict=True,
        )
    )
    return dataclasses.replace(
        record,
        tools=(ToolChoice("EU", "eu_scc_m2", "Controller to processor; the importer is not DPF-certified."),),
        law_practice=LawPracticeStep(
            laws=laws,
            # The risk route needs documented sources on the practice (EDPB Recs 01/2020 paras 43.3, 46-47).
            practical_experience="No request received in five years.",
            practical_sources=("Importer's transparency report 2021-2026",),
            conclusion=StepConclusion.MEASURES_NEEDED,
            conclusion_reasoning="FISA 702 reaches the importer as a cloud provider.",
        ),
        measures=(
            ChosenMeasure("contract_transparency", MeasureStatus.IN_PLACE, "Legal"),
            ChosenMeasure(
                "org_request_records", MeasureStatus.PLANNED, "Ops team", TODAY + dt.timedelta(days=60)
            ),
        ),
        risk=RiskInputs(
            enabled=True, period_years=5, threshold=0.05, laws=(LawRisk("fisa702", "FISA 702", factors),)
        ),
        conclusion=ConclusionRecord(chosen=conclusion),
        acceptance=COMPLETE_ACCEPTANCE,
    )


def _approve(db: Database, actor: Actor, assessment_id: int) -> service.AssessmentView:
    return approval_support.approve(db, actor, assessment_id, TODAY)


def _submitted(db: Database, assessor: Actor) -> tuple[transfers.TransferView, service.AssessmentView]:
    t = _fr_to_us(db, assessor)
    a = service.start_assessment(db, assessor, t.id)
    a = service.save_draft(
        db, assessor, a.id, _filled(a.record, conclusion=Conclusion.PROCEED_WITH_MEASURES), a.row_version
    )
    return t, service.submit(db, assessor, a.id, TODAY)


def test_fr_controller_to_uncertified_us_processor_from_start_to_approval(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    t = _fr_to_us(db, legal)
    a = service.start_assessment(db, legal, t.id)
    assert a.status is AssessmentStatus.DRAFT and a.version_no == 1 and a.editable
    f = a.record.facts
    assert (f.exporter_country, f.importer_country, f.destination) == ("FR", "US", "US")
    assert (f.exporter_role, f.importer_role) == (PartyRole.CONTROLLER, PartyRole.PROCESSOR)
    assert f.data_subjects_count == 12_000 and f.storage_countries == ("US",)
    assert f.importer_certifications == ("APEC CBPR",)  # but not the EU-US DPF
    assert a.record.regimes.applied == ("EU",)
    assert transfers.get_transfer(db, t.id).status is TransferStatus.DRAFT

    ev = service.evaluate_assessment(db, a.id, TODAY)
    eu = ev.precheck.check_for("EU")
    assert eu is not None and eu.route is Route.PARTIAL_UNCONFIRMED and eu.full_assessment_needed
    assert [p.tool for p in ev.proposals.for_regime("EU") if p.preferred] == ["eu_scc_m2"]
    fisa = next(law for law in ev.destination.access_laws if law.key == "fisa702")
    assert fisa.problematic
    assert any(g.field == "tools.EU" for g in ev.missing)

    # Filled in, but no conclusion chosen: submission is refused with the list of what is missing.
    a = service.save_draft(
        db, legal, a.id, _filled(a.record, conclusion=None), a.row_version, page="conclusion"
    )
    ev = service.evaluate_assessment(db, a.id, TODAY)
    assert ev.risk is not None
    p = 0.0025
    assert ev.risk.period_probability == pytest.approx(1 - (1 - p) ** 5)
    assert ev.risk.above_threshold is False
    assert ev.recommendation is Conclusion.PROCEED_WITH_MEASURES
    with pytest.raises(ValidationError) as refused:
        service.submit(db, legal, a.id, TODAY)
    assert [pr.location for pr in refused.value.problems] == [
        "Step 7 (Conclusion and re-evaluation) · conclusion.chosen"
    ]
    assert service.get_assessment(db, a.id).status is AssessmentStatus.DRAFT

    record = dataclasses.replace(
        a.record, conclusion=ConclusionRecord(chosen=Conclusion.PROCEED_WITH_MEASURES)
    )
    a = service.save_draft(db, legal, a.id, record, a.row_version)
    a = service.submit(db, legal, a.id, TODAY)
    assert a.status is AssessmentStatus.SUBMITTED and not a.editable
    assert a.country_data_version == country_store.dataset_version(db) != ""
    assert a.record.destination_version == country_store.get_destination(db, "US").version
    assert transfers.get_transfer(db, t.id).status is TransferStatus.SUBMITTED
    assert [q.assessment_id for q in service.review_queue(db, manager)] == [a.id]

    # Legal staff may not approve; the manager returns it with a comment on one section.
    with pytest.raises(PermissionDenied):
        _approve(db, legal, a.id)
    returned_id = a.id
    a = service.return_with_comments(
        db, manager, a.id, [("law_practice", "Add the NSL reasoning in more detail.")]
    )
    # Version 1 stays as the reviewer read it; the changes go into version 2 (issue 18).
    assert a.status is AssessmentStatus.RETURNED and a.version_no == 2 and a.editable
    kept = service.get_assessment(db, returned_id)
    assert kept.status is AssessmentStatus.RETURNED and kept.frozen and not kept.editable
    with pytest.raises(ValidationError, match="kept as the reviewer returned it"):
        service.save_draft(db, legal, returned_id, kept.record, kept.row_version)
    assert transfers.get_transfer(db, t.id).status is TransferStatus.RETURNED
    shown = service.comments_for(db, a.id)
    assert [(c.section, c.comment, c.author_name) for c in shown] == [
        ("law_practice", "Add the NSL reasoning in more detail.", "Max Manager 山田")
    ]

    # The assessor fixes it and resubmits; the comment is kept, resolved.
    laws = tuple(
        dataclasses.replace(
            x,
            reasoning="NSLs reach wire and electronic communications records only; "
            "support tickets are not such records.",
        )
        if x.law_key == "nsl"
        else x
        for x in a.record.law_practice.laws
    )
    fixed = dataclasses.replace(a.record, law_practice=dataclasses.replace(a.record.law_practice, laws=laws))
    a = service.save_draft(db, legal, a.id, fixed, a.row_version)
    a = service.submit(db, legal, a.id, TODAY)
    assert service.comments_for(db, a.id) == []
    resolved = service.comments_for(db, a.id, open_only=False)
    assert resolved[0].resolved_at is not None and resolved[0].version_no == 1
    assert resolved[0].resolved_by == legal.display_name

    # Approval: all four attestations, the signed PDF stored with its hash, the version frozen.
    with pytest.raises(ValidationError) as unattested:
        approval_support.approve(db, manager, a.id, TODAY, attestations={"description_accurate"})
    assert len(unattested.value.problems) == 3
    a = _approve(db, manager, a.id)
    pdf = service.signed_report(db, a.id)
    assert pdf is not None
    assert a.status is AssessmentStatus.APPROVED and a.frozen and a.approver_name == "Max Manager 山田"
    assert a.re_evaluation_date == dt.date(2027, 11, 26)
    tv = transfers.get_transfer(db, t.id)
    assert tv.status is TransferStatus.APPROVED and tv.next_review == dt.date(2027, 11, 26)
    assert service.signed_report(db, a.id) == pdf
    ref = service.find_by_pdf_hash(db, hashlib.sha256(pdf).hexdigest())
    assert ref is not None and (ref.assessment_id, ref.version_no, ref.reference) == (a.id, 2, t.reference)
    assert service.find_by_pdf_hash(db, hashlib.sha256(b"another file").hexdigest()) is None
    assert service.review_queue(db, manager) == []

    with pytest.raises(ValidationError, match=r"approved and frozen.*new version"):
        service.save_draft(db, legal, a.id, a.record, a.row_version)


def test_country_change_flags_the_approved_transfer_and_approving_the_new_version_clears_it(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    t, a = _submitted(db, legal)
    a = _approve(db, manager, a.id)
    with pytest.raises(ValidationError, match="frozen"):
        service.add_evidence(db, legal, a.id, "late.pdf", b"late", "Late evidence")
    us = country_store.get_destination(db, "US")
    annulled = dataclasses.replace(
        us,
        regimes={**us.regimes, "EU": RegimeEntry("EU", AdequacyStatus.NOT_ADEQUATE, notes="DPF annulled")},
    )
    country_store.update_destination(
        db, admin, annulled, reason="CJEU annulled the DPF decision", expected_version=us.version
    )
    flagged = transfers.get_transfer(db, t.id)
    assert flagged.reassessment_needed and "annulled" in flagged.reassessment_reason
    assert country_store.open_flags(db, t.id)
    assert service.dashboard(db, TODAY).reassessment_needed == 1

    v2 = service.new_version(db, legal, a.id)
    assert (v2.version_no, v2.status, v2.record.tools) == (2, AssessmentStatus.DRAFT, a.record.tools)
    assert service.get_assessment(db, a.id).status is AssessmentStatus.APPROVED  # v1 stays as signed
    with pytest.raises(ValidationError, match="newer version"):
        service.new_version(db, legal, a.id)
    ev = service.evaluate_assessment(db, v2.id, TODAY)
    assert checked(ev.precheck, "EU").route is Route.NO_ADEQUACY

    v2 = service.submit(db, legal, v2.id, TODAY)
    assert v2.record.destination_version == us.version + 1
    v2 = _approve(db, manager, v2.id)
    cleared = transfers.get_transfer(db, t.id)
    assert not cleared.reassessment_needed and cleared.status is TransferStatus.APPROVED
    assert country_store.open_flags(db, t.id) == []
    assert service.latest_for_transfer(db, t.id) == service.get_assessment(db, v2.id)
    assert [x.version_no for x in service.list_for_transfer(db, t.id)] == [2, 1]


def test_approving_a_version_submitted_before_a_country_change_keeps_the_transfer_flagged(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    """A version judged against the country data before the change is not the re-assessment the flag asks
    for: approving it leaves the flag (and the register's column) until a version relying on the new data
    is approved."""
    t, a = _submitted(db, legal)
    us = country_store.get_destination(db, "US")
    assert a.record.destination_version == us.version
    annulled = dataclasses.replace(
        us,
        regimes={**us.regimes, "EU": RegimeEntry("EU", AdequacyStatus.NOT_ADEQUATE, notes="DPF annulled")},
    )
    country_store.update_destination(
        db, admin, annulled, reason="CJEU annulled the DPF decision", expected_version=us.version
    )
    _approve(db, manager, a.id)
    still = transfers.get_transfer(db, t.id)
    assert still.status is TransferStatus.APPROVED
    assert still.reassessment_needed and "annulled" in still.reassessment_reason
    assert [f.version_after for f in country_store.open_flags(db, t.id)] == [us.version + 1]

    v2 = service.submit(db, legal, service.new_version(db, legal, a.id).id, TODAY)
    _approve(db, manager, v2.id)
    assert not transfers.get_transfer(db, t.id).reassessment_needed
    assert country_store.open_flags(db, t.id) == []


def test_the_assessor_cannot_approve_their_own_assessment_unless_single_user_mode(
    db: Database, admin: Actor, manager: Actor
) -> None:
    _, a = _submitted(db, manager)
    assert [q.own for q in service.review_queue(db, manager)] == [True]
    with pytest.raises(PermissionDenied, match="four-eyes"):
        _approve(db, manager, a.id)
    with pytest.raises(PermissionDenied, match="four-eyes"):
        service.return_with_comments(db, manager, a.id, [("general", "self review")])

    with pytest.raises(PermissionDenied):
        service.set_org_settings(db, manager, service.OrgSettings(single_user_mode=True))
    service.set_org_settings(db, admin, service.OrgSettings(single_user_mode=True, risk_threshold=0.05))
    assert service.get_org_settings(db).single_user_mode
    a = _approve(db, manager, a.id)
    assert a.status is AssessmentStatus.APPROVED and a.single_user_approval
    assert service.build_report_data(db, a.id, TODAY).sign_off.single_user_mode


def test_do_not_transfer_conclusion_suspends_the_transfer(db: Database, legal: Actor, manager: Actor) -> None:
    t = _fr_to_us(db, legal)
    a = service.start_assessment(db, legal, t.id)
    record = _filled(a.record, conclusion=Conclusion.DO_NOT_TRANSFER)
    record = dataclasses.replace(
        record,
        conclusion=ConclusionRecord(chosen=Conclusion.DO_NOT_TRANSFER, reason="Board prefers an EU host."),
    )
    a = service.save_draft(db, legal, a.id, record, a.row_version)
    a = service.submit(db, legal, a.id, TODAY)
    _approve(db, manager, a.id)
    assert transfers.get_transfer(db, t.id).status is TransferStatus.SUSPENDED


def test_a_stale_autosave_is_refused_with_both_versions(db: Database, legal: Actor) -> None:
    t = _fr_to_us(db, legal)
    a = service.start_assessment(db, legal, t.id)
    opened = a.row_version
    mine = dataclasses.replace(a.record, procedural_notes="mine")
    first = service.save_draft(
        db, legal, a.id, dataclasses.replace(a.record, procedural_notes="theirs"), opened
    )
    assert first.row_version == opened + 1
    with pytest.raises(ConflictError) as conflict:
        service.save_draft(db, legal, a.id, mine, opened)
    assert "saved by someone else after you opened it" in conflict.value.message
    assert "row version" not in conflict.value.message  # the lock's counters are not for people
    assert conflict.value.mine == mine
    assert isinstance(conflict.value.theirs, service.AssessmentView)
    assert service.get_assessment(db, a.id).record.procedural_notes == "theirs"
    # Saving an unchanged record writes nothing (autosave stays cheap).
    assert (
        service.save_draft(db, legal, a.id, first.record, first.row_version).row_version == first.row_version
    )


def test_start_is_refused_twice_and_lifecycle_fields_cannot_be_autosaved(db: Database, legal: Actor) -> None:
    t = _fr_to_us(db, legal)
    a = service.start_assessment(db, legal, t.id)
    with pytest.raises(ValidationError, match="already has an assessment"):
        service.start_assessment(db, legal, t.id)
    forged = dataclasses.replace(a.record, status=AssessmentStatus.APPROVED, version=9)
    saved = service.save_draft(db, legal, a.id, forged, a.row_version)
    assert (saved.record.status, saved.record.version, saved.status) == (
        AssessmentStatus.DRAFT,
        1,
        AssessmentStatus.DRAFT,
    )


def test_evidence_is_hashed_size_limited_and_tampering_is_detected(db: Database, legal: Actor) -> None:
    t = _fr_to_us(db, legal)
    a = service.start_assessment(db, legal, t.id)
    content = b"Signed SCC Module 2 between Maison Client and Cloud Desk"
    e = service.add_evidence(db, legal, a.id, "C:\\contracts\\scc_m2.pdf", content, "Signed SCC Module 2")
    assert (e.filename, e.sha256, e.size) == ("scc_m2.pdf", hashlib.sha256(content).hexdigest(), len(content))
    assert service.read_evidence(db, e.id) == content
    assert [x.id for x in service.evidence_for(db, a.id)] == [e.id]

    with pytest.raises(ValidationError, match="cannot be attached") as too_big:
        service.add_evidence(db, legal, a.id, "dump.zip", b"\0" * (service.MAX_EVIDENCE_BYTES + 1), "Dump")
    assert "25 MB" in str(too_big.value.problems[0])

    with db.unit_of_work() as s:
        s.execute(update(Blob).where(Blob.sha256 == e.sha256).values(content=b"Signed SCC Module 1 (edited)"))
    with pytest.raises(service.IntegrityFailure, match="changed since it was saved"):
        service.read_evidence(db, e.id)


def test_evidence_says_when_it_made_its_caller_an_author(db: Database, admin: Actor, legal: Actor) -> None:
    """Attaching or removing a file on someone else's draft makes the caller an author (four eyes): a new
    row version the caller's screen must adopt (`authored_row_version`), or its next save is refused as if
    someone else had saved."""
    from transfer_tool.accounts import users
    from transfer_tool.domain import Role

    lara = users.create_user(db, admin, "lara", "Lara Legal", "a long enough password", Role.LEGAL).actor()
    a = service.start_assessment(db, legal, _fr_to_us(db, legal).id)
    own = service.add_evidence(db, legal, a.id, "dpa.pdf", b"DPA", "Signed DPA")
    assert own.authored_row_version is None  # Lena started it: already an author
    assert service.get_assessment(db, a.id).row_version == a.row_version
    theirs = service.add_evidence(db, lara, a.id, "scc.pdf", b"SCC", "Signed SCC")
    assert theirs.authored_row_version == a.row_version + 1 == service.get_assessment(db, a.id).row_version
    assert service.evidence_for(db, a.id)[-1].authored_row_version is None  # only the adding call says it
    assert service.remove_evidence(db, lara, theirs.id) is None  # an author by now
    b = service.start_assessment(db, legal, _fr_to_us(db, legal).id)
    kept = service.add_evidence(db, legal, b.id, "x.pdf", b"x", "X")
    assert service.remove_evidence(db, lara, kept.id) == b.row_version + 1


def test_dashboard_counts_overdue_reevaluations(db: Database, legal: Actor, manager: Actor) -> None:
    _, a = _submitted(db, legal)
    a = _approve(db, manager, a.id)
    assert service.overdue(db, TODAY) == []
    later = dt.date(2027, 12, 1)
    rows = service.overdue(db, later)
    assert [(r.assessment_id, r.kind, r.due) for r in rows] == [(a.id, "reevaluation", dt.date(2027, 11, 26))]
    counts = service.dashboard(db, later)
    assert (counts.overdue_reevaluations, counts.awaiting_review) == (1, 0)
    soon = service.due_dates(db, dt.date(2027, 11, 1), within_days=30)
    assert [(r.kind, r.overdue) for r in soon] == [("reevaluation", False)]


def test_org_settings_are_validated_and_kept(db: Database, admin: Actor) -> None:
    with pytest.raises(ValidationError) as bad:
        service.set_org_settings(
            db, admin, service.OrgSettings(risk_threshold=5.0, reevaluation_months=0, timestamp_url="ftp://x")
        )
    assert {p.location for p in bad.value.problems} == {
        "risk_threshold",
        "reevaluation_months",
        "timestamp_url",
    }
    saved = service.set_org_settings(
        db,
        admin,
        service.OrgSettings(risk_threshold=0.02, reevaluation_months=6, timestamp_url="https://tsa.example"),
    )
    assert service.get_org_settings(db) == saved
    assert saved.risk_threshold == 0.02 and saved.reevaluation_months == 6


def test_appi_equivalent_measures_route_schedules_the_yearly_check_and_evidence_follows_new_versions(
    db: Database, legal: Actor, manager: Actor
) -> None:
    exp = factories.entity(db, legal, "Net Japan Co., Ltd.", "JP")
    imp = factories.entity(db, legal, "Cloud Desk Inc.", "US")
    t = transfers.create_transfer(
        db, legal, factories.transfer_input(exp.id, imp.id, "US", storage_countries=("US",), volume=800)
    )
    a = service.start_assessment(db, legal, t.id)
    assert a.record.regimes.applied == ("JP",)
    record = dataclasses.replace(
        _filled(a.record, conclusion=Conclusion.PROCEED_WITH_MEASURES),
        tools=(
            ToolChoice("JP", "jp_equivalent_measures", "DPA binding the importer to APPI-level handling."),
        ),
    )
    a = service.save_draft(db, legal, a.id, record, a.row_version)
    kept = service.add_evidence(db, legal, a.id, "dpa.pdf", b"DPA text", "Signed DPA")
    dropped = service.add_evidence(db, legal, a.id, "old.pdf", b"old", "Superseded draft")
    service.remove_evidence(db, legal, dropped.id)
    a = service.submit(db, legal, a.id, TODAY)
    a = _approve(db, manager, a.id)
    assert a.appi_check_date == dt.date(2027, 11, 26)

    due = service.due_dates(db, dt.date(2027, 11, 10), within_days=30)
    assert sorted(r.kind for r in due) == ["appi_yearly_check", "reevaluation"]
    assert service.dashboard(db, dt.date(2027, 11, 10)).appi_checks_due == 1
    plan = service.build_report_data(db, a.id, TODAY).action_plan
    assert any("APPI" in localize(item.action, "en") and item.due == dt.date(2027, 11, 26) for item in plan)

    v2 = service.new_version(db, legal, a.id)
    assert [(e.filename, e.sha256) for e in service.evidence_for(db, v2.id)] == [("dpa.pdf", kept.sha256)]
    assert v2.record.appi_check_due is None and v2.record.history == ()


def test_the_database_refuses_an_approved_version_that_is_not_frozen(db: Database, legal: Actor) -> None:
    t = _fr_to_us(db, legal)
    a = service.start_assessment(db, legal, t.id)
    with pytest.raises(IntegrityError, match="approved_is_frozen"), db.unit_of_work() as s:
        s.execute(update(Assessment).where(Assessment.id == a.id).values(status=AssessmentStatus.APPROVED))


def test_the_rendered_report_signed_by_the_approver_is_stored_and_still_verifies(
    db: Database, legal: Actor, manager: Actor, tmp_path: Path
) -> None:
    from transfer_tool import signing

    _, a = _submitted(db, legal)
    a = approval_support.approve(db, manager, a.id, TODAY, lang="ja")
    stored = service.signed_report(db, a.id)
    assert stored is not None
    cert = approval_support.certificate_of(manager)
    assert signing.verify_pdf(stored, [cert]).ok
    ref = service.find_by_pdf_hash(db, hashlib.sha256(stored).hexdigest())
    assert ref is not None and (ref.version_no, ref.signer_name, ref.lang) == (1, "Max Manager 山田", "ja")
