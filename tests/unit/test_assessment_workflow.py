"""The review life cycle: submit, return, resubmit, approve, freeze, new version, due dates."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tests.unit.test_assessment_fixtures import NOW, complete_fr_us_record, context, us
from transfer_tool.assessment.record import (
    AssessmentRecord,
    ConclusionRecord,
    ReviewAction,
    ToolChoice,
    TransferFacts,
)
from transfer_tool.assessment.workflow import (
    add_months,
    approve,
    due_items,
    edit,
    is_overdue,
    new_version,
    return_for_changes,
    submit,
)
from transfer_tool.domain import AssessmentStatus, Conclusion, UserId
from transfer_tool.errors import PermissionDenied, ValidationError

ALICE, BOB = UserId(1), UserId(2)


def submitted() -> AssessmentRecord:
    return submit(complete_fr_us_record(), context(us()), by=ALICE, now=NOW)


def test_incomplete_submit_is_refused_with_the_list_of_what_is_missing() -> None:
    empty = AssessmentRecord(TransferFacts("FR", "US", "US"))
    with pytest.raises(ValidationError) as exc:
        submit(empty, context(us()), by=ALICE, now=NOW)
    assert "cannot be submitted" in exc.value.message
    locations = [p.location for p in exc.value.problems]
    assert locations[0].startswith("Step 1 (Know your transfer)")
    assert any("no regime applies" in p.message for p in exc.value.problems)


def test_submit_records_the_assessor_and_locks_editing() -> None:
    rec = submitted()
    assert rec.status is AssessmentStatus.SUBMITTED and rec.assessor == ALICE
    assert rec.history[-1].action is ReviewAction.SUBMITTED
    # The review sees the recommendation and the country-data version as of submission.
    assert rec.destination_version == 7
    assert rec.conclusion.recommended is Conclusion.DO_NOT_TRANSFER
    with pytest.raises(ValidationError, match="submitted for review"):
        edit(rec, procedural_notes="late change")


def test_self_approval_is_refused_unless_single_user_mode() -> None:
    rec = submitted()
    with pytest.raises(PermissionDenied, match="four-eyes"):
        approve(rec, by=ALICE, now=NOW)
    with pytest.raises(PermissionDenied):
        return_for_changes(rec, by=ALICE, now=NOW, comments="x")
    assert approve(rec, by=ALICE, now=NOW, single_user_mode=True).status is AssessmentStatus.APPROVED


def test_return_with_comments_edit_and_resubmit() -> None:
    with pytest.raises(ValidationError, match="comments are required"):
        return_for_changes(submitted(), by=BOB, now=NOW, comments="  ")
    returned = return_for_changes(submitted(), by=BOB, now=NOW, comments="Explain EO 12333")
    assert returned.status is AssessmentStatus.RETURNED
    assert returned.history[-1].comment == "Explain EO 12333"
    edited = edit(returned, procedural_notes="EO 12333 explained")
    again = submit(edited, context(us()), by=ALICE, now=NOW)
    assert [e.action for e in again.history] == [
        ReviewAction.SUBMITTED,
        ReviewAction.RETURNED,
        ReviewAction.RESUBMITTED,
    ]


def test_approved_version_is_frozen_and_new_version_is_offered() -> None:
    approved = approve(submitted(), by=BOB, now=NOW)
    assert approved.approved_by == BOB and approved.approved_at == NOW
    with pytest.raises(ValidationError, match="approved and frozen; start a new version"):
        edit(approved, procedural_notes="x")
    with pytest.raises(ValidationError):
        submit(approved, context(us()), by=ALICE, now=NOW)
    nv = new_version(approved, by=ALICE)
    assert (nv.version, nv.status, nv.approved_by, nv.history) == (2, AssessmentStatus.DRAFT, None, ())
    assert nv.facts == approved.facts
    assert edit(nv, procedural_notes="changed").procedural_notes == "changed"


def test_lifecycle_fields_cannot_be_edited_directly() -> None:
    with pytest.raises(ValidationError, match="status"):
        edit(complete_fr_us_record(), status=AssessmentStatus.APPROVED)


def test_reevaluation_defaults_to_twelve_months_and_is_overdue_after() -> None:
    approved = approve(submitted(), by=BOB, now=NOW)
    assert approved.reevaluation_date == dt.date(2027, 11, 26)
    assert approved.appi_check_due is None
    assert not is_overdue(approved, dt.date(2027, 11, 26))
    assert is_overdue(approved, dt.date(2027, 11, 27))
    # An explicit date chosen by the assessor is kept.
    custom = dataclasses.replace(submitted(), reevaluation_date=dt.date(2027, 5, 1))
    assert approve(custom, by=BOB, now=NOW).reevaluation_date == dt.date(2027, 5, 1)


def test_appi_equivalent_measures_route_gets_a_yearly_check() -> None:
    stopped = dataclasses.replace(
        submitted(), tools=(*submitted().tools, ToolChoice("JP", "jp_equivalent_measures", "group rules"))
    )
    assert stopped.conclusion.chosen is Conclusion.DO_NOT_TRANSFER
    # "Do not transfer": nothing is provided abroad, so there is nothing to check yearly.
    assert approve(stopped, by=BOB, now=NOW).appi_check_due is None
    rec = dataclasses.replace(
        stopped,
        conclusion=ConclusionRecord(
            Conclusion.DO_NOT_TRANSFER, Conclusion.PROCEED_WITH_MEASURES, "The measures are planned."
        ),
    )
    approved = approve(rec, by=BOB, now=NOW, reevaluation_months=24)
    assert approved.reevaluation_date == dt.date(2028, 11, 26)
    assert approved.appi_check_due == dt.date(2027, 11, 26)
    items = due_items(approved, dt.date(2028, 1, 1))
    assert [(i.code, i.overdue) for i in items] == [("reevaluation", False), ("appi_yearly_check", True)]
    assert "PPC Rules Art. 18" in items[1].text


def test_add_months_keeps_month_ends() -> None:
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)


def test_a_new_version_does_not_carry_the_importers_co_adoption_of_the_approved_one() -> None:
    """The importer co-adopted version n as it was: version n+1 is not co-adopted until it says so again;
    the assessor's own answers stay as the starting point."""
    base = submitted()
    signed = dataclasses.replace(
        base.acceptance, importer_signatory="Jennifer Morales, Privacy Officer", importer_signed_on=NOW.date()
    )
    approved = approve(dataclasses.replace(base, acceptance=signed), by=BOB, now=NOW)
    nv = new_version(approved, by=ALICE)
    assert (nv.acceptance.importer_signatory, nv.acceptance.importer_signed_on) == ("", None)
    assert nv.acceptance.framework == approved.acceptance.framework  # the assessor's answers are kept
