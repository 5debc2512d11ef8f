"""The reviewer's comments of a version's review round, read in the caller's session: the review screens,
the wizard and the report (which states who dealt with each comment, and when) read the same rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from transfer_tool.domain import AssessmentStatus
from transfer_tool.errors import NotFound
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.storage.models.assessment import Assessment, ReviewComment


@dataclass(frozen=True)
class CommentView:
    id: int
    assessment_id: int
    section: str
    comment: str
    author_name: str
    created_at: dt.datetime
    resolved_at: dt.datetime | None
    resolved_by: str = ""  # who marked it dealt with (or resubmitted)
    version_no: int = 0  # the version the reviewer commented on


def round_comments(s: Session, assessment_id: int, *, open_only: bool = True) -> list[CommentView]:
    """The reviewer's comments on this version and on the returned versions it revises, oldest first."""
    # The version, those before it and their comments in one statement (across offices each is a round
    # trip: the approval reads this for its report).
    this = (
        select(Assessment.transfer_id, Assessment.version_no).where(Assessment.id == assessment_id).subquery()
    )
    rows = s.execute(
        select(Assessment.id, Assessment.version_no, Assessment.status, Assessment.frozen, ReviewComment)
        .join(
            this,
            and_(this.c.transfer_id == Assessment.transfer_id, Assessment.version_no <= this.c.version_no),
        )
        .outerjoin(ReviewComment, ReviewComment.assessment_id == Assessment.id)
        .order_by(Assessment.version_no.desc(), ReviewComment.id)
    ).all()
    if not rows or rows[0][0] != assessment_id:
        raise NotFound(error_text("Assessment {0} does not exist (any more).", assessment_id))
    versions: dict[int, int] = {}
    comments: list[ReviewComment] = []
    for aid, no, status, frozen, comment in rows:
        if aid not in versions:
            # This version, then the returned versions it revises, back to the first that is not one.
            if versions and (status is not AssessmentStatus.RETURNED or not frozen):
                break
            versions[aid] = no
        if comment is not None and not (open_only and comment.resolved_at is not None):
            comments.append(comment)
    return [
        CommentView(
            c.id,
            c.assessment_id,
            c.section,
            c.comment,
            c.author_name,
            c.created_at,
            c.resolved_at,
            c.resolved_by_name,
            versions[c.assessment_id],
        )
        for c in sorted(comments, key=lambda c: c.id)
    ]
