"""The review life cycle as pure functions over the record.

draft → submitted → approved, or submitted → returned (with comments) → edits → resubmitted → ...
Submission is refused while anything is missing; the approver is never an author of the version (whoever
created, edited or submitted it: four eyes by authorship) unless
the organisation runs in single-user mode; an approved version is frozen and changes go into
`new_version()`. Re-evaluation defaults to 12 months after approval; the APPI equivalent-measures route
adds a yearly check.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from transfer_tool.assessment.completeness import missing_items
from transfer_tool.assessment.context import AssessmentContext, evaluate
from transfer_tool.assessment.record import AssessmentRecord, ReviewAction, ReviewEvent
from transfer_tool.domain import AssessmentStatus, Conclusion, UserId
from transfer_tool.errors import PermissionDenied, ValidationError
from transfer_tool.i18n.engine_text import error_text

DEFAULT_REEVALUATION_MONTHS = 12
_EDITABLE = (AssessmentStatus.DRAFT, AssessmentStatus.RETURNED)
_LIFECYCLE_FIELDS = frozenset({"status", "version", "approved_by", "approved_at", "history"})


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the 29–31st falls back to the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def ensure_editable(record: AssessmentRecord) -> None:
    if record.status is AssessmentStatus.APPROVED:
        raise ValidationError(
            error_text(
                "Version {0} is approved and frozen; start a new version to change it.", record.version
            )
        )
    if record.status is AssessmentStatus.SUBMITTED:
        raise ValidationError(
            "The assessment is submitted for review; it can be edited again once the reviewer returns it."
        )


def edit(record: AssessmentRecord, **changes: Any) -> AssessmentRecord:
    """A changed copy of a draft or returned record; refuses approved or submitted ones."""
    ensure_editable(record)
    bad = sorted(set(changes) & _LIFECYCLE_FIELDS)
    if bad:
        raise ValidationError(
            error_text("{0} change only through submit, return, approve or new version.", ", ".join(bad))
        )
    return dataclasses.replace(record, **changes)


def submit(
    record: AssessmentRecord, ctx: AssessmentContext, *, by: UserId, now: dt.datetime
) -> AssessmentRecord:
    """Submit for review; refused with the list of what is missing when incomplete."""
    if record.status not in _EDITABLE:
        raise ValidationError(
            error_text(
                "Only a draft or returned assessment can be submitted (this one is {0}).", record.status.value
            )
        )
    gaps = missing_items(record, ctx, now.date())
    if gaps:
        raise ValidationError(
            error_text(
                "The assessment cannot be submitted: {0} item(s) are missing. Complete them and "
                "submit again.",
                len(gaps),
            ),
            [g.to_problem() for g in gaps],
        )
    action = (
        ReviewAction.RESUBMITTED if record.status is AssessmentStatus.RETURNED else ReviewAction.SUBMITTED
    )
    # Freeze what the review is based on: the current recommendation and the country-data version.
    recommended = evaluate(record, ctx, now.date()).recommendation.conclusion
    return dataclasses.replace(
        record,
        status=AssessmentStatus.SUBMITTED,
        assessor=record.assessor if record.assessor is not None else by,
        conclusion=dataclasses.replace(record.conclusion, recommended=recommended),
        destination_version=ctx.destination.version,
        history=(*record.history, ReviewEvent(action, by, now)),
    )


def is_author(record: AssessmentRecord, by: UserId, authors: AbstractSet[UserId]) -> bool:
    """Whether `by` created, edited or submitted the version (the services record every such user in
    `authors`; the assessor always counts)."""
    return by in authors or record.assessor == by


def _check_reviewer(
    record: AssessmentRecord, by: UserId, single_user_mode: bool, what: str, authors: AbstractSet[UserId]
) -> None:
    if record.status is not AssessmentStatus.SUBMITTED:
        raise ValidationError(
            error_text("Only a submitted assessment can be {0} (this one is {1}).", what, record.status.value)
        )
    if not single_user_mode and record.assessor == by:
        raise PermissionDenied(
            error_text(
                "You assessed this transfer, so you cannot have it {0} yourself: another manager "
                "must review it (four-eyes rule).",
                what,
            )
        )
    if not single_user_mode and by in authors:
        raise PermissionDenied(
            error_text(
                "You created, edited or submitted this version, so you cannot have it {0} "
                "yourself: another manager must review it (four-eyes rule).",
                what,
            )
        )


def return_for_changes(
    record: AssessmentRecord,
    *,
    by: UserId,
    now: dt.datetime,
    comments: str,
    single_user_mode: bool = False,
    authors: AbstractSet[UserId] = frozenset(),
) -> AssessmentRecord:
    """The reviewer returns the assessment with comments (required); never one of its authors."""
    _check_reviewer(record, by, single_user_mode, "returned", authors)
    if not comments.strip():
        raise ValidationError("Say what must change: comments are required when returning an assessment.")
    return dataclasses.replace(
        record,
        status=AssessmentStatus.RETURNED,
        history=(*record.history, ReviewEvent(ReviewAction.RETURNED, by, now, comments.strip())),
    )


def approve(
    record: AssessmentRecord,
    *,
    by: UserId,
    now: dt.datetime,
    single_user_mode: bool = False,
    comment: str = "",
    reevaluation_months: int = DEFAULT_REEVALUATION_MONTHS,
    yearly_check_tools: frozenset[str] = frozenset({"jp_equivalent_measures"}),
    authors: AbstractSet[UserId] = frozenset(),
) -> AssessmentRecord:
    """Approve (the caller then signs the PDF): sets the re-evaluation date and any APPI yearly check.
    Refused to anyone in `authors` (who created, edited or submitted the version) unless single-user."""
    _check_reviewer(record, by, single_user_mode, "approved", authors)
    today = now.date()
    reevaluation = record.reevaluation_date or add_months(today, reevaluation_months)
    appi_due = record.appi_check_due
    if any(t.tool in yearly_check_tools for t in record.tools) and appi_due is None:
        appi_due = add_months(today, 12)
    if record.conclusion.chosen is Conclusion.DO_NOT_TRANSFER:
        appi_due = None  # nothing is provided abroad, so no measures to check yearly (PPC Rules Art. 18(1))
    return dataclasses.replace(
        record,
        status=AssessmentStatus.APPROVED,
        approved_by=by,
        approved_at=now,
        reevaluation_date=reevaluation,
        appi_check_due=appi_due,
        history=(*record.history, ReviewEvent(ReviewAction.APPROVED, by, now, comment.strip())),
    )


def revise_returned(record: AssessmentRecord) -> AssessmentRecord:
    """The next version of a returned one: the same answers and review history, still returned (editable,
    with the reviewer's comments to deal with)."""
    if record.status is not AssessmentStatus.RETURNED:
        raise ValidationError("Only a returned assessment is revised into a next version.")
    return dataclasses.replace(record, version=record.version + 1)


def new_version(record: AssessmentRecord, *, by: UserId) -> AssessmentRecord:
    """A new draft from an approved version (the approved one stays as it is)."""
    if record.status is not AssessmentStatus.APPROVED:
        raise ValidationError("Only an approved assessment gets a new version; edit this one directly.")
    return dataclasses.replace(
        record,
        status=AssessmentStatus.DRAFT,
        version=record.version + 1,
        assessor=by,
        approved_by=None,
        approved_at=None,
        reevaluation_date=None,
        appi_check_due=None,
        history=(),
        # The importer co-adopted the approved version as it was; this one is not co-adopted until it is.
        acceptance=dataclasses.replace(record.acceptance, importer_signatory="", importer_signed_on=None),
    )


@dataclass(frozen=True)
class DueItem:
    code: str  # "reevaluation" | "appi_yearly_check"
    due: dt.date
    overdue: bool
    text: str


def due_items(record: AssessmentRecord, today: dt.date) -> tuple[DueItem, ...]:
    """Re-evaluation and APPI yearly check dates of an approved record, with overdue flags."""
    out = []
    if record.reevaluation_date is not None:
        late = record.reevaluation_date < today
        out.append(
            DueItem(
                "reevaluation",
                record.reevaluation_date,
                late,
                f"Re-evaluation {'was due' if late else 'is due'} on {record.reevaluation_date.isoformat()}.",
            )
        )
    if record.appi_check_due is not None:
        late = record.appi_check_due < today
        out.append(
            DueItem(
                "appi_yearly_check",
                record.appi_check_due,
                late,
                "APPI equivalent measures: confirm the recipient's measures and the foreign system "
                f"(PPC Rules Art. 18) {'— overdue since' if late else 'by'} {record.appi_check_due.isoformat()}.",
            )
        )
    return tuple(out)


def is_overdue(record: AssessmentRecord, today: dt.date) -> bool:
    return any(i.overdue for i in due_items(record, today))
