"""Re-assessment in bulk (issue #23, point 2): new versions for flagged transfers, each pre-filled from its
approved version with what the country-data change touches reset or marked to confirm.

Each transfer is its own transaction (all or nothing per transfer); `reassess_many` asks `progress` after
each one whether to go on, so a cancel leaves the ones started complete and the rest untouched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from transfer_tool.accounts.permissions import Action, Actor, require
from transfer_tool.assessment import workflow
from transfer_tool.assessment.derivation import reset_for_flags
from transfer_tool.assessment.evidence import copy_evidence
from transfer_tool.assessment.record import DerivedFrom, from_dict, to_dict
from transfer_tool.domain import AssessmentStatus, UserId
from transfer_tool.records import audit
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment
from transfer_tool.storage.models.core import Transfer
from transfer_tool.storage.models.countries import ReassessmentFlag

STARTED = "started"
SKIPPED_IN_PROGRESS = "a newer version is already in progress; open it instead"
SKIPPED_NOT_APPROVED = "there is no approved version to start from; open its assessment"
SKIPPED_GONE = "the transfer no longer exists"


@dataclass(frozen=True)
class Outcome:
    transfer_id: int
    reference: str
    result: str  # STARTED or one of the SKIPPED_ sentences
    assessment_id: int | None = None


def flagged_transfer_ids(db: Database) -> list[int]:
    """Transfers flagged for re-assessment, in reference order."""
    stmt = select(Transfer.id).where(Transfer.reassessment_needed.is_(True)).order_by(Transfer.reference)
    with db.read() as s:
        return list(s.scalars(stmt))


def start_reassessment(db: Database, actor: Actor, transfer_id: int) -> Outcome:
    """One transfer: a new draft version from its approved latest version, the flagged parts reset."""
    require(actor, Action.ASSESS)
    with db.unit_of_work() as s:
        t = s.get(Transfer, transfer_id)
        if t is None:
            return Outcome(transfer_id, "", SKIPPED_GONE)
        latest = s.scalars(
            select(Assessment)
            .where(Assessment.transfer_id == t.id)
            .order_by(Assessment.version_no.desc())
            .limit(1)
        ).first()
        if latest is None:
            return Outcome(t.id, t.reference, SKIPPED_NOT_APPROVED)
        if latest.status is not AssessmentStatus.APPROVED:
            return Outcome(t.id, t.reference, SKIPPED_IN_PROGRESS, latest.id)
        flags = [
            (f.regime, f.kind)
            for f in s.scalars(
                select(ReassessmentFlag).where(
                    ReassessmentFlag.transfer_id == t.id, ReassessmentFlag.cleared_at.is_(None)
                )
            )
        ]
        draft = workflow.new_version(from_dict(latest.record), by=UserId(actor.user_id or 0))
        origin = DerivedFrom(latest.id, t.id, t.reference, latest.version_no)
        record = reset_for_flags(draft, flags, origin)
        row = Assessment(
            transfer_id=t.id,
            version_no=latest.version_no + 1,
            status=AssessmentStatus.DRAFT,
            record=to_dict(record),
            page=latest.page,
            assessor_id=actor.user_id,
        )
        s.add(row)
        s.flush()
        linked = copy_evidence(s, latest.id, row.id)
        audit.record(
            s,
            actor,
            "reassess",
            "assessment",
            row.id,
            None,
            {
                "transfer_id": t.id,
                "version_no": row.version_no,
                "from": latest.id,
                "flags": [list(f) for f in flags],
                "to_confirm": list(record.to_confirm),
                "evidence": linked,
            },
        )
        return Outcome(t.id, t.reference, STARTED, row.id)


def reassess_many(
    db: Database,
    actor: Actor,
    transfer_ids: Sequence[int],
    progress: Callable[[int, int], bool] | None = None,
) -> list[Outcome]:
    """`start_reassessment` for each transfer in turn; `progress(done, total)` after each, False stops."""
    require(actor, Action.ASSESS)
    out: list[Outcome] = []
    total = len(transfer_ids)
    for i, tid in enumerate(transfer_ids, start=1):
        out.append(start_reassessment(db, actor, tid))
        if progress is not None and not progress(i, total):
            break
    return out
