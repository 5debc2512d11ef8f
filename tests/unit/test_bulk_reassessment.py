"""Issue #23, point 2: re-assessment in bulk. Each flagged transfer gets a new draft version pre-filled from
its approved version, with the parts the country-data change touched reset (a changed status: the tool) or
marked to confirm; each transfer is all or nothing; a cancel half-way leaves the started ones complete and
the rest untouched."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.unit.teamwork_support import TODAY, approved_transfer, clone_approved, flag_transfers
from transfer_tool import demo
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import derivation, reassessment, service
from transfer_tool.assessment import evidence as evidence_module
from transfer_tool.assessment.record import ConditionConfirmation, DerivedFrom, ScopeAnswer
from transfer_tool.cli import main
from transfer_tool.domain import AssessmentStatus
from transfer_tool.register import register_search
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment
from transfer_tool.storage.models.core import AuditEvent

KIND = "status"  # an adequacy status changed (countries.impact.ChangeKind.STATUS)


def _versions(db: Database, ids: list[int]) -> dict[int, int]:
    with db.read() as s:
        rows = s.execute(
            select(Assessment.transfer_id, func.max(Assessment.version_no))
            .where(Assessment.transfer_id.in_(ids))
            .group_by(Assessment.transfer_id)
        )
        return {tid: v for tid, v in rows}


def test_a_status_change_resets_the_tool_and_marks_the_law_step(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    (regime,) = src.assessment.record.regimes.codes()
    flag_transfers(db, [src.transfer.id], regime)
    assert reassessment.flagged_transfer_ids(db) == [src.transfer.id]
    out = reassessment.start_reassessment(db, legal, src.transfer.id)
    assert out.result == reassessment.STARTED and out.assessment_id is not None
    new = service.get_assessment(db, out.assessment_id)
    assert new.version_no == 2 and new.status is AssessmentStatus.DRAFT
    assert new.record.tool_for(regime) is None  # reset: chosen again under the new status
    assert derivation.LAW_PRACTICE in new.record.to_confirm
    assert new.record.measures == src.assessment.record.measures  # pre-filled from the approved version
    missing = [str(g) for g in service.evaluate_assessment(db, new.id, TODAY).missing]
    assert any(m.startswith("Step 2: no transfer tool chosen for") for m in missing)
    assert any(m.startswith("Step 3: the law-and-practice answers were copied from") for m in missing)
    # a second run skips it: its new version is in progress
    again = reassessment.start_reassessment(db, legal, src.transfer.id)
    assert again.result == reassessment.SKIPPED_IN_PROGRESS


def test_a_changed_instrument_keeps_the_tool_but_marks_it(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    (regime,) = src.assessment.record.regimes.codes()
    flag_transfers(db, [src.transfer.id], regime, kind="instrument")
    out = reassessment.start_reassessment(db, legal, src.transfer.id)
    assert out.assessment_id is not None
    record = service.get_assessment(db, out.assessment_id).record
    assert record.tool_for(regime) == src.assessment.record.tool_for(regime)
    assert f"{derivation.TOOL_PREFIX}{regime}" in record.to_confirm


def test_two_hundred_flagged_with_cancel_half_way(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    (regime,) = src.assessment.record.regimes.codes()
    ids = [src.transfer.id, *clone_approved(db, src.transfer.id, 199)]
    flag_transfers(db, ids, regime)
    flagged = reassessment.flagged_transfer_ids(db)
    assert sorted(flagged) == sorted(ids) and len(flagged) == 200
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 100  # the user cancels after the hundredth

    out = reassessment.reassess_many(db, legal, flagged, progress)
    assert len(out) == 100 and all(o.result == reassessment.STARTED for o in out)
    assert seen[-1] == (100, 200)
    versions = _versions(db, flagged)
    assert [versions[t] for t in flagged[:100]] == [2] * 100  # started: complete
    assert [versions[t] for t in flagged[100:]] == [1] * 100  # the rest untouched
    with db.read() as s:
        assert s.scalar(select(func.count()).where(AuditEvent.action == "reassess")) == 100


def test_all_or_nothing_per_transfer(
    db: Database, admin: Actor, legal: Actor, manager: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    (regime,) = src.assessment.record.regimes.codes()
    ids = [src.transfer.id, *clone_approved(db, src.transfer.id, 2)]
    flag_transfers(db, ids, regime)
    calls = 0
    real = evidence_module.copy_evidence

    def failing(s: Session, a: int, b: int) -> int:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise RuntimeError("disk full")
        return real(s, a, b)

    monkeypatch.setattr(reassessment, "copy_evidence", failing)
    with pytest.raises(RuntimeError):
        reassessment.reassess_many(db, legal, ids)
    versions = _versions(db, ids)
    assert [versions[t] for t in ids] == [2, 1, 1]  # the failed one rolled back whole; the third not begun
    with db.read() as s:
        assert s.scalar(select(func.count()).where(AuditEvent.action == "reassess")) == 1


def test_the_command_line_reassesses_the_flagged_transfers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    built = demo.build_demo(tmp_path / "demo", TODAY)
    monkeypatch.setenv("TRANSFER_TOOL_PASSWORD", demo.DEMO_PASSWORD)
    db = Database(built.database_url)
    try:
        tid = next(r.id for r in register_search.search(db) if r.reference == built.transfer_reference)
        regime = service.get_assessment(db, built.assessment_id).record.regimes.codes()[0]
        flag_transfers(db, [tid], regime)
    finally:
        db.dispose()
    base = ["--database", built.database_url, "--user", demo.ASSESSOR.username, "transfers", "reassess"]
    capsys.readouterr()
    assert main([*base, "--flagged"]) == 0
    out = capsys.readouterr().out
    assert f"{built.transfer_reference}: new version started" in out
    assert out.endswith("1 new version(s) started of 1 transfer(s)\n")
    assert main([*base, built.transfer_reference]) == 0
    assert "skipped, a newer version is already in progress" in capsys.readouterr().out


def test_a_changed_condition_resets_its_confirmation_and_the_answers_to_its_scope_questions(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=True)
    record = dataclasses.replace(
        src.assessment.record,
        scope_answers=(ScopeAnswer("EU", "dpf_hr_scope", True), ScopeAnswer("UK", "dpf_hr_scope", True)),
        confirmed_conditions=(ConditionConfirmation("EU", "on the DPF List"),),
    )
    origin = DerivedFrom(src.assessment.id, src.transfer.id, src.transfer.reference, 1)
    out = derivation.reset_for_flags(record, [("EU", "condition")], origin)
    assert out.scope_answers == (ScopeAnswer("UK", "dpf_hr_scope", True),)  # only the changed regime's
    assert out.confirmed_conditions == ()
