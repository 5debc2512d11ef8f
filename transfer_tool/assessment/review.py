"""Review: the queue of submitted versions, returning one with comments (the returned version kept
frozen, its revision opened as the next version), the comments of a review round, what changed since
the version returned, and marking a comment dealt with."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from transfer_tool.accounts.permissions import Action, Actor, require
from transfer_tool.assessment import version_diff, workflow
from transfer_tool.assessment.evidence import (
    copy_evidence,
)
from transfer_tool.assessment.measures import load_measure_catalog
from transfer_tool.assessment.org_settings import (
    _read_settings,
)
from transfer_tool.assessment.record import (
    AssessmentRecord,
    from_dict,
    to_dict,
)
from transfer_tool.assessment.review_comments import CommentView, round_comments
from transfer_tool.assessment.tool_catalog import load_tool_catalog
from transfer_tool.assessment.versions import (
    AssessmentView,
    _authors,
    _dump,
    _load,
    _uid,
    _user_names,
    _view,
    _writing,
)
from transfer_tool.countries import store as country_store
from transfer_tool.domain import (
    AssessmentStatus,
    TransferStatus,
)
from transfer_tool.errors import NotFound, Problem, ValidationError
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.records import audit
from transfer_tool.register import transfers
from transfer_tool.storage import workflow_permits
from transfer_tool.storage.base import utcnow
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment, ReviewComment
from transfer_tool.storage.models.core import Entity, Transfer

# Suggested section keys for review comments (the wizard shows each comment beside its section).
REVIEW_SECTIONS = (
    "general",
    "parties",
    "personal_data",
    "handling",
    "facts",  # the whole of step 1, as comments were placed before the three pages had their own
    "regimes",
    "tools",
    "law_practice",
    "measures",
    "action_plan",
    "risk",
    "conclusion",
    "evidence",
)


@dataclass(frozen=True)
class QueueItem:
    assessment_id: int
    transfer_id: int
    reference: str
    title: str
    version_no: int
    destination: str
    exporter: str
    importer: str
    assessor_name: str
    submitted_at: dt.datetime | None
    own: (
        bool  # the reviewer is one of its authors (four eyes: they cannot approve it unless single-user mode)
    )


def review_queue(db: Database, actor: Actor) -> list[QueueItem]:
    """Submitted assessments waiting for a reviewer, oldest first."""
    require(actor, Action.REVIEW)
    with db.read() as s:
        audit.check_actor(s, actor)
        exp = Entity.__table__.alias("exp")
        imp = Entity.__table__.alias("imp")
        q = (
            select(
                Assessment, Transfer.reference, Transfer.title, Transfer.destination, exp.c.name, imp.c.name
            )
            .join(Transfer, Transfer.id == Assessment.transfer_id)
            .join(exp, exp.c.id == Transfer.exporter_id)
            .join(imp, imp.c.id == Transfer.importer_id)
            .where(Assessment.status == AssessmentStatus.SUBMITTED)
            .order_by(Assessment.submitted_at, Assessment.id)
        )
        rows = s.execute(q).all()
        names = _user_names(s, [r[0].assessor_id for r in rows])
        return [
            QueueItem(
                a.id,
                a.transfer_id,
                ref,
                title,
                a.version_no,
                dest,
                exporter,
                importer,
                names.get(a.assessor_id, "") if a.assessor_id else "",
                a.submitted_at,
                actor.user_id is not None
                and (a.assessor_id == actor.user_id or actor.user_id in (a.author_ids or [])),
            )
            for a, ref, title, dest, exporter, importer in rows
        ]


def return_with_comments(
    db: Database, actor: Actor, assessment_id: int, comments: Sequence[tuple[str, str]]
) -> AssessmentView:
    """The reviewer returns a submitted version with comments, each on a section of the wizard.

    The returned version is kept frozen as read; the answer is its next version (status returned, open for
    the assessor's changes), which resubmission submits."""
    require(actor, Action.REVIEW)
    cleaned = [((section or "general").strip().lower(), text.strip()) for section, text in comments]
    problems = [
        Problem(f"comments[{i}]", "the comment is empty") for i, (_, text) in enumerate(cleaned) if not text
    ]
    problems += [
        Problem(f"comments[{i}].section", "use a section key of at most 64 characters")
        for i, (section, _) in enumerate(cleaned)
        if len(section) > 64
    ]
    if not cleaned:
        problems.append(Problem("comments", "say what must change: at least one comment is required"))
    if problems:
        raise ValidationError("The assessment cannot be returned without comments.", problems)
    with _writing(db, "the assessment") as s:
        settings = _read_settings(s)
        row = _load(s, assessment_id)
        before = _dump(row)
        now = utcnow()
        joined = "\n".join(f"[{section}] {text}" for section, text in cleaned)
        returned = workflow.return_for_changes(
            from_dict(row.record),
            by=_uid(actor),
            now=now,
            comments=joined,
            single_user_mode=settings.single_user_mode,
            authors=_authors(row),
        )
        for section, text in cleaned:
            s.add(
                ReviewComment(
                    assessment_id=row.id,
                    section=section,
                    comment=text,
                    author_id=actor.user_id,
                    author_name=actor.display_name or actor.username,
                    created_at=now,
                )
            )
        workflow_permits.request_transition(s, row.id, AssessmentStatus.RETURNED.value)
        row.record = to_dict(returned)
        row.status = AssessmentStatus.RETURNED
        # The returned version stays as the reviewer read it; the assessor's changes go into the next
        # version, which the reviewer then compares with this one field by field (issue 18).
        row.frozen = True
        # One moment for the return: the history's "returned", the version's last update and the
        # revision's creation (its report's history starts with it) are the same time.
        row.updated_at = now
        s.flush()
        audit.record(s, actor, "return", "assessment", row.id, before, {**_dump(row), "comments": cleaned})
        revision = _start_revision(s, actor, row, returned, now)
        transfers.set_status(s, actor, row.transfer_id, TransferStatus.RETURNED)
        return _view(s, revision)


def _start_revision(
    session: Session, actor: Actor, row: Assessment, returned: AssessmentRecord, at: dt.datetime
) -> Assessment:
    """Version n+1 of a returned version n, created at the return's moment `at`: the same answers,
    authors and evidence, open for changes.

    Its authors are version n's (the reviewer who returned it is not one of them, so four eyes by
    authorship still lets them approve the revision)."""
    new = Assessment(
        transfer_id=row.transfer_id,
        version_no=row.version_no + 1,
        status=AssessmentStatus.RETURNED,
        record=to_dict(workflow.revise_returned(returned)),
        page=row.page,
        country_data_version=row.country_data_version,
        assessor_id=row.assessor_id,
        author_ids=list(row.author_ids or []),
        created_at=at,
        updated_at=at,
    )
    session.add(new)
    session.flush()
    copied = copy_evidence(session, row.id, new.id)
    audit.record(
        session,
        actor,
        "new_version",
        "assessment",
        new.id,
        None,
        {**_dump(new), "from": row.id, "evidence": copied},
    )
    return new


def _review_round(session: Session, row: Assessment) -> list[int]:
    """The versions of this review round: `row` and the returned versions just before it (their comments
    are the ones to deal with in `row`)."""
    versions = session.execute(
        select(Assessment.id, Assessment.status, Assessment.frozen)
        .where(Assessment.transfer_id == row.transfer_id, Assessment.version_no < row.version_no)
        .order_by(Assessment.version_no.desc())
    ).all()
    ids = [row.id]
    for aid, status, frozen in versions:
        if status is not AssessmentStatus.RETURNED or not frozen:
            break
        ids.append(aid)
    return ids


def comments_for(db: Database, assessment_id: int, open_only: bool = True) -> list[CommentView]:
    """The reviewer's comments on this version and on the returned versions it revises, oldest first."""
    with db.read() as s:
        return round_comments(s, assessment_id, open_only=open_only)


@dataclass(frozen=True)
class VersionChanges:
    """A submitted version compared with the one before it: the version the reviewer returned (issue 18),
    or the approved version a re-assessment would replace."""

    previous_version: int
    version: int
    changes: tuple[version_diff.FieldChange, ...]
    previous_approved: bool = False  # the version before is the approved one, not a returned one


def changes_since_previous(db: Database, assessment_id: int) -> VersionChanges | None:
    """What changed since the version just before this one, returned or approved; None for a first
    version (nothing before it to compare with)."""
    with db.read() as s:
        row = _load(s, assessment_id)
        previous = s.execute(
            select(Assessment).where(
                Assessment.transfer_id == row.transfer_id, Assessment.version_no == row.version_no - 1
            )
        ).scalar_one_or_none()
        if previous is None or previous.status not in (AssessmentStatus.RETURNED, AssessmentStatus.APPROVED):
            return None
        before, after = from_dict(previous.record), from_dict(row.record)
        if previous.status is AssessmentStatus.APPROVED and after.reevaluation_date is None:
            # A new version starts without the date the approval set, and its own approval sets one again:
            # not a change the assessor made ("2027-12-07 → not there" read as a date removed).
            before = dataclasses.replace(before, reevaluation_date=None)
        destination = country_store.dataset(db).destinations.get(after.facts.destination)
        law_names = {law.key: law.name for law in destination.access_laws} if destination else {}
        changed = version_diff.changes(
            before,
            after,
            load_tool_catalog(),
            load_measure_catalog(),
            law_names,
            order=lambda section: REVIEW_SECTIONS.index(section) if section in REVIEW_SECTIONS else 99,
        )
        return VersionChanges(
            previous.version_no,
            row.version_no,
            changed,
            previous_approved=previous.status is AssessmentStatus.APPROVED,
        )


def resolve_comment(db: Database, actor: Actor, comment_id: int) -> None:
    """The assessor marks one comment as dealt with (resubmitting resolves the rest); it stays listed,
    with who and when."""
    require(actor, Action.ASSESS)
    with db.unit_of_work() as s:
        c = s.get(ReviewComment, comment_id)
        if c is None:
            raise NotFound(error_text("Comment {0} does not exist (any more).", comment_id))
        if c.resolved_at is None:
            c.resolved_at = utcnow()
            c.resolved_by_name = actor.display_name or actor.username
            audit.record(
                s,
                actor,
                "resolve_comment",
                "review_comment",
                c.id,
                {"resolved": False},
                {"resolved": True, "by": c.resolved_by_name},
            )
