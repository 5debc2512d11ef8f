"""Due dates of the latest approved versions (re-evaluations, APPI yearly checks) and the dashboard's
counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, func, select

from transfer_tool.domain import (
    AssessmentStatus,
)
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment
from transfer_tool.storage.models.core import Transfer


@dataclass(frozen=True)
class DueRow:
    transfer_id: int
    reference: str
    assessment_id: int
    version_no: int
    kind: str  # "reevaluation" | "appi_yearly_check"
    due: dt.date
    overdue: bool


@dataclass(frozen=True)
class DashboardCounts:
    reassessment_needed: int  # transfers flagged by a country-data change
    overdue_reevaluations: int
    appi_checks_due: int  # APPI yearly checks due within the window (or overdue)
    awaiting_review: int
    returned: int


def due_dates(db: Database, today: dt.date, within_days: int = 30) -> list[DueRow]:
    """Re-evaluations and APPI yearly checks of each transfer's latest approved version that fall due by
    `today + within_days` (earliest first); past ones are marked overdue."""
    horizon = today + dt.timedelta(days=within_days)
    with db.read() as s:
        latest = (
            select(Assessment.transfer_id, func.max(Assessment.version_no).label("v"))
            .where(Assessment.status == AssessmentStatus.APPROVED)
            .group_by(Assessment.transfer_id)
            .subquery()
        )
        q = (
            select(Assessment, Transfer.reference)
            .join(
                latest,
                and_(latest.c.transfer_id == Assessment.transfer_id, latest.c.v == Assessment.version_no),
            )
            .join(Transfer, Transfer.id == Assessment.transfer_id)
        )
        out: list[DueRow] = []
        for a, ref in s.execute(q):
            for kind, due in (
                ("reevaluation", a.re_evaluation_date),
                ("appi_yearly_check", a.appi_check_date),
            ):
                if due is not None and due <= horizon:
                    out.append(DueRow(a.transfer_id, ref, a.id, a.version_no, kind, due, due < today))
        return sorted(out, key=lambda r: (r.due, r.reference, r.kind))


def overdue(db: Database, today: dt.date) -> list[DueRow]:
    return [r for r in due_dates(db, today, within_days=0) if r.overdue]


def dashboard(db: Database, today: dt.date, within_days: int = 30) -> DashboardCounts:
    rows = due_dates(db, today, within_days)
    with db.read() as s:
        flagged = s.scalar(
            select(func.count()).select_from(Transfer).where(Transfer.reassessment_needed.is_(True))
        )
        by_status = {
            st: n
            for st, n in s.execute(
                select(Assessment.status, func.count())
                # A returned version kept frozen is history: its revision is the one being worked on.
                .where(~and_(Assessment.status == AssessmentStatus.RETURNED, Assessment.frozen.is_(True)))
                .group_by(Assessment.status)
            )
        }
    return DashboardCounts(
        reassessment_needed=int(flagged or 0),
        overdue_reevaluations=sum(1 for r in rows if r.kind == "reevaluation" and r.overdue),
        appi_checks_due=sum(1 for r in rows if r.kind == "appi_yearly_check"),
        awaiting_review=int(by_status.get(AssessmentStatus.SUBMITTED, 0)),
        returned=int(by_status.get(AssessmentStatus.RETURNED, 0)),
    )
