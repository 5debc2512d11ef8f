"""An assessment version as the services store and show it: the view they return, the audit view of a
row, loading and naming a version, its authors, the unit of work whose concurrent-write failures become
`ConflictError`, the rules' context for a destination; and the plain reads of versions."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ScalarSelect, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased, joinedload
from sqlalchemy.orm.exc import StaleDataError

from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment.context import AssessmentContext
from transfer_tool.assessment.measures import load_measure_catalog
from transfer_tool.assessment.org_settings import (
    _settings_from,
)
from transfer_tool.assessment.record import (
    AssessmentRecord,
    from_dict,
)
from transfer_tool.assessment.tool_catalog import load_tool_catalog
from transfer_tool.countries.model import Destination
from transfer_tool.countries.shipped import CountryDataset
from transfer_tool.domain import (
    AssessmentStatus,
    UserId,
)
from transfer_tool.errors import ConflictError, NotFound, ValidationError
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.records import audit
from transfer_tool.register.transfers import removed_meanwhile
from transfer_tool.storage.base import utcnow
from transfer_tool.storage.database import Database, foreign_key_violation
from transfer_tool.storage.models.assessment import Assessment
from transfer_tool.storage.models.core import OrgSetting, Transfer, User

_EDITABLE = (AssessmentStatus.DRAFT, AssessmentStatus.RETURNED)


@dataclass(frozen=True)
class AssessmentView:
    id: int
    transfer_id: int
    reference: str
    title: str
    version_no: int
    status: AssessmentStatus
    record: AssessmentRecord
    page: str
    country_data_version: str
    assessor_id: int | None
    assessor_name: str
    approver_id: int | None
    approver_name: str
    submitted_at: dt.datetime | None
    approved_at: dt.datetime | None
    re_evaluation_date: dt.date | None
    appi_check_date: dt.date | None
    frozen: bool
    single_user_approval: bool
    row_version: int
    created_at: dt.datetime
    updated_at: dt.datetime

    @property
    def editable(self) -> bool:
        # A returned version is frozen as the reviewer saw it; the next version carries the changes.
        return self.status in _EDITABLE and not self.frozen


def _user_names(session: Session, ids: Sequence[int | None]) -> dict[int, str]:
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    rows = session.execute(select(User.id, User.display_name, User.username).where(User.id.in_(wanted)))
    return {i: (name or username) for i, name, username in rows}


@dataclass(frozen=True)
class _ViewParts:
    """What `_view` shows besides the row, when the statement that loaded the row read it too."""

    transfer: Transfer | None
    names: dict[int, str]


def _view(session: Session, row: Assessment, parts: _ViewParts | None = None) -> AssessmentView:
    """The version as screens show it."""
    if parts is None:
        parts = _ViewParts(
            session.get(Transfer, row.transfer_id), _user_names(session, [row.assessor_id, row.approver_id])
        )
    t, names = parts.transfer, parts.names
    return AssessmentView(
        id=row.id,
        transfer_id=row.transfer_id,
        reference=t.reference if t else "",
        title=t.title if t else "",
        version_no=row.version_no,
        status=row.status,
        record=from_dict(row.record),
        page=row.page,
        country_data_version=row.country_data_version,
        assessor_id=row.assessor_id,
        assessor_name=names.get(row.assessor_id, "") if row.assessor_id else "",
        approver_id=row.approver_id,
        approver_name=names.get(row.approver_id, "") if row.approver_id else "",
        submitted_at=row.submitted_at,
        approved_at=row.approved_at,
        re_evaluation_date=row.re_evaluation_date,
        appi_check_date=row.appi_check_date,
        frozen=row.frozen,
        single_user_approval=row.single_user_approval,
        row_version=row.row_version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _digest(record_dict: Any) -> str:
    text = json.dumps(record_dict, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _dump(row: Assessment) -> dict[str, Any]:
    """The audit view of a row: its state and a digest of the record (the record itself is large)."""
    return {
        "transfer_id": row.transfer_id,
        "version_no": row.version_no,
        "status": row.status.value,
        "page": row.page,
        "country_data_version": row.country_data_version,
        "assessor_id": row.assessor_id,
        "approver_id": row.approver_id,
        "frozen": row.frozen,
        "author_ids": list(row.author_ids or []),
        "re_evaluation_date": row.re_evaluation_date,
        "appi_check_date": row.appi_check_date,
        "record_sha256": _digest(row.record),
    }


def _load(session: Session, assessment_id: int) -> Assessment:
    row = session.get(Assessment, assessment_id)
    if row is None:
        raise NotFound(error_text("Assessment {0} does not exist (any more).", assessment_id))
    return row


def _shown_name(user: Any) -> Any:
    return func.coalesce(func.nullif(user.display_name, ""), user.username)


def _load_viewable(
    session: Session,
    assessment_id: int | ScalarSelect[Any],
    actor: Actor | None = None,
    *,
    with_threshold: bool = False,
    with_onward: bool = False,
) -> tuple[Assessment, _ViewParts, float | None]:
    """The row, what `_view` shows with it (its transfer, the assessor's and approver's names), and when
    asked the stored risk threshold (and the transfer's onward transfers): one statement, as across
    offices each is a round trip (issue #19 point 5). With `actor`, the account's state comes too and is
    checked as `audit.check_actor` would."""
    assessor, approver, me = aliased(User), aliased(User), aliased(User)
    columns: list[Any] = [Assessment, Transfer, _shown_name(assessor), _shown_name(approver)]
    if actor is not None and actor.user_id is not None:
        state = select(me.active, me.role).where(me.id == actor.user_id)
        columns += [state.with_only_columns(me.active).scalar_subquery()]
        columns += [state.with_only_columns(me.role).scalar_subquery()]
    if with_threshold:
        columns.append(select(OrgSetting.value).where(OrgSetting.key == "risk_threshold").scalar_subquery())
    stmt = (
        select(*columns)
        .outerjoin(Transfer, Transfer.id == Assessment.transfer_id)
        .outerjoin(assessor, assessor.id == Assessment.assessor_id)
        .outerjoin(approver, approver.id == Assessment.approver_id)
        .where(Assessment.id == assessment_id)
    )
    if with_onward:
        stmt = stmt.options(joinedload(Transfer.onward))
    result = session.execute(stmt)
    # One row per onward transfer when they come too: the version is the same on each.
    found = (result.unique(lambda r: r[0].id) if with_onward else result).one_or_none()
    if found is None:
        raise NotFound(error_text("Assessment {0} does not exist (any more).", assessment_id))
    row: Assessment = found[0]
    names = {
        i: n for i, n in ((row.assessor_id, found[2]), (row.approver_id, found[3])) if i is not None and n
    }
    if actor is not None and actor.user_id is not None:
        active, role = found[4], found[5]
        audit.judge_actor(session, actor, None if active is None else (active, role))
    threshold = _settings_from({"risk_threshold": found[-1]}).risk_threshold if with_threshold else None
    return row, _ViewParts(found[1], names), threshold


def _name(session: Session, row: Assessment) -> str:
    t = session.get(Transfer, row.transfer_id)
    return f"{t.reference if t else 'The assessment'} version {row.version_no}"


def _authors(row: Assessment) -> frozenset[UserId]:
    """Who created, edited or submitted the version (four eyes by authorship)."""
    return frozenset(UserId(i) for i in (row.author_ids or []))


def _uid(actor: Actor) -> UserId:
    # The system actor has no user row; 0 never matches a real assessor.
    return UserId(actor.user_id or 0)


def _at(today: dt.date | None) -> dt.datetime:
    """The moment an operation states: now (one reading of the clock, date and time together), or a
    given date (the command line's --on, tests) at the current UTC time of day. A date the screen read
    when the person clicked joined with a time read when the worker got to it was a day early at
    midnight (clicked at 23:59:59, stated 00:00:01 of the day that was ending)."""
    now = utcnow()
    return now if today is None else dt.datetime.combine(today, now.time(), tzinfo=dt.UTC)


@contextmanager
def _writing(db: Database, what: str) -> Iterator[Session]:
    """A unit of work whose concurrent-write failures become ConflictError (nothing is saved)."""
    try:
        with db.unit_of_work() as s:
            yield s
    except StaleDataError as exc:
        raise ConflictError(
            error_text(
                "Someone else changed {0} at the same moment; nothing was saved. Reload and try again.", what
            )
        ) from exc
    except IntegrityError as exc:
        if foreign_key_violation(exc):
            raise ConflictError(removed_meanwhile(what)) from exc  # a party removed between check and write
        raise ConflictError(
            error_text(
                "{0}{1} was changed by someone else at the same moment (e.g. a version was "
                "started twice); nothing was saved. Reload and try again.",
                what[:1].upper(),
                what[1:],
            )
        ) from exc


def _context(ds: CountryDataset, code: str, destination: Destination | None = None) -> AssessmentContext:
    dest = destination or ds.destinations.get(code)
    if dest is None:
        raise ValidationError(
            error_text(
                "The destination {0} is not in the country data; ask an administrator to add it, "
                "or correct the transfer's destination.",
                repr(code),
            )
        )
    return AssessmentContext(
        dest, tuple(ds.regimes.values()), load_tool_catalog(), load_measure_catalog(), ds.destinations
    )


def authors_of(db: Database, assessment_id: int) -> frozenset[int]:
    """Who created, edited or submitted the version (none of them may return or approve it)."""
    with db.read() as s:
        return frozenset(_load(s, assessment_id).author_ids or [])


def get_assessment(db: Database, assessment_id: int) -> AssessmentView:
    with db.read() as s:
        row, parts, _ = _load_viewable(s, assessment_id)
        return _view(s, row, parts)


def list_for_transfer(db: Database, transfer_id: int) -> list[AssessmentView]:
    """Every version of the transfer's assessment, newest first."""
    with db.read() as s:
        rows = s.execute(
            select(Assessment)
            .where(Assessment.transfer_id == transfer_id)
            .order_by(Assessment.version_no.desc())
        ).scalars()
        return [_view(s, r) for r in rows]


def latest_for_transfer(db: Database, transfer_id: int) -> AssessmentView | None:
    with db.read() as s:
        latest = (
            select(Assessment.id)
            .where(Assessment.transfer_id == transfer_id)
            .order_by(Assessment.version_no.desc())
            .limit(1)
            .scalar_subquery()
        )
        try:
            row, parts, _ = _load_viewable(s, latest)
        except NotFound:
            return None
        return _view(s, row, parts)
