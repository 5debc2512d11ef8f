"""Assessment services: start, autosave, evaluate, submit, review, approve, new versions, reports, due dates.

Each call checks the actor's permission, runs in one unit of work, records audit events in the same
transaction and returns frozen dataclasses (never ORM objects). The rules themselves are the pure engine
(`record`, `context`, `completeness`, `workflow`); this module stores its results and keeps the transfer's
register status in step.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ScalarSelect, and_, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.exc import StaleDataError

from transfer_tool import audit, catalog, entities, transfers
from transfer_tool.assessment import version_diff, workflow
from transfer_tool.assessment.completeness import Gap, missing_items
from transfer_tool.assessment.context import AssessmentContext, Evaluation, evaluate
from transfer_tool.assessment.evidence import (
    MAX_EVIDENCE_BYTES,
    EvidenceView,
    IntegrityFailure,
    SignedReportRef,
    add_author,
    add_evidence,
    copy_evidence,
    evidence_for,
    evidence_rows,
    find_by_pdf_hash,
    load_blob,
    read_evidence,
    remove_evidence,
    signed_report,
    store_signed_report,
)
from transfer_tool.assessment.measures import ActionPlan, load_measure_catalog
from transfer_tool.assessment.precheck import PrecheckResult, Reason, select_regimes
from transfer_tool.assessment.record import (
    AssessmentRecord,
    LawAssessment,
    LawPracticeStep,
    OnwardTransfer,
    RiskInputMode,
    RiskInputs,
    TransferFacts,
    from_dict,
    to_dict,
)
from transfer_tool.assessment.report_builder import ROLE_TITLES, ReportMeta, ReportSources, report_data_from
from transfer_tool.assessment.risk import RiskResult
from transfer_tool.assessment.safeguards import ToolProposals, ToolWarning
from transfer_tool.assessment.tool_catalog import load_tool_catalog
from transfer_tool.countries import store as country_store
from transfer_tool.countries.model import Destination
from transfer_tool.countries.shipped import CountryDataset
from transfer_tool.domain import (
    AssessmentStatus,
    Conclusion,
    DataFormat,
    KeyHolder,
    TransferStatus,
    UserId,
)
from transfer_tool.errors import ConflictError, NotFound, Problem, ValidationError
from transfer_tool.permissions import Action, Actor, require
from transfer_tool.report.data import ReportData, SignOff
from transfer_tool.storage import workflow_permits
from transfer_tool.storage.base import utcnow
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment, ReviewComment
from transfer_tool.storage.models.core import Entity, OrgSetting, Transfer, User

__all__ = [
    "MAX_EVIDENCE_BYTES",
    "REQUIRED_ATTESTATIONS",
    "REVIEW_SECTIONS",
    "AssessmentEvaluation",
    "AssessmentView",
    "CommentView",
    "DashboardCounts",
    "DueRow",
    "EvidenceView",
    "IntegrityFailure",
    "OrgSettings",
    "QueueItem",
    "SignedReportRef",
    "VersionChanges",
    "add_evidence",
    "approval_problems",
    "authors_of",
    "build_report_data",
    "changes_since_returned",
    "comments_for",
    "dashboard",
    "due_dates",
    "evaluate_assessment",
    "evaluate_record",
    "evidence_for",
    "facts_from_transfer",
    "find_by_pdf_hash",
    "get_assessment",
    "get_org_settings",
    "initial_record",
    "latest_for_transfer",
    "list_for_transfer",
    "new_version",
    "overdue",
    "read_evidence",
    "remove_evidence",
    "render_for_approval",
    "resolve_comment",
    "return_with_comments",
    "review_queue",
    "save_draft",
    "set_org_settings",
    "signed_report",
    "start_assessment",
    "submit",
    "validate_org_settings",
]

# What the approver confirms before signing (the UI shows these texts as checkboxes).
REQUIRED_ATTESTATIONS: dict[str, str] = {
    "description_accurate": "The description of the transfer is accurate and complete.",
    "risks_understood": "I have read the assessment and understand the risks it describes.",
    "measures_ratified": "I ratify the transfer tool and the supplementary measures chosen.",
    "measures_will_be_carried_out": "The planned measures will be carried out by their owners and due dates.",
}
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
_EDITABLE = (AssessmentStatus.DRAFT, AssessmentStatus.RETURNED)
_MAX_PDF_BYTES = 200 * 1024 * 1024


# ---- organisation settings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrgSettings:
    """Organisation-wide settings, each stored as one OrgSetting row under its field name."""

    risk_threshold: float | None = None  # acceptable probability of prohibited access over the period
    reevaluation_months: int = workflow.DEFAULT_REEVALUATION_MONTHS
    single_user_mode: bool = False  # one person may assess and approve (the report says so)
    timestamp_url: str = ""  # RFC 3161 time-stamping service for signatures ("" = none)
    organisation_name: str = ""  # shown in the report header ("" = the exporter's name)
    # The organisation wants the importer to co-adopt each TIA: the sign-off page names its signatory.
    importer_sign_off: bool = False


_SETTING_FIELDS = tuple(f.name for f in dataclasses.fields(OrgSettings))


def _read_settings(session: Session) -> OrgSettings:
    rows = {
        r.key: r.value
        for r in session.execute(select(OrgSetting).where(OrgSetting.key.in_(_SETTING_FIELDS))).scalars()
    }
    return _settings_from(rows)


def _settings_from(rows: dict[str, Any]) -> OrgSettings:
    d = OrgSettings()
    # Values come from the database: a damaged one falls back to its default instead of breaking every call.
    threshold = rows.get("risk_threshold")
    months = rows.get("reevaluation_months")
    single = rows.get("single_user_mode")
    importer = rows.get("importer_sign_off")
    return OrgSettings(
        risk_threshold=float(threshold)
        if isinstance(threshold, int | float) and not isinstance(threshold, bool) and 0 < threshold < 1
        else d.risk_threshold,
        reevaluation_months=months
        if isinstance(months, int) and not isinstance(months, bool) and 1 <= months <= 60
        else d.reevaluation_months,
        single_user_mode=single if isinstance(single, bool) else d.single_user_mode,
        timestamp_url=str(rows.get("timestamp_url") or d.timestamp_url),
        organisation_name=str(rows.get("organisation_name") or d.organisation_name),
        importer_sign_off=importer if isinstance(importer, bool) else d.importer_sign_off,
    )


def get_org_settings(db: Database) -> OrgSettings:
    with db.read() as s:
        return _read_settings(s)


def validate_org_settings(settings: OrgSettings) -> list[Problem]:
    p: list[Problem] = []
    t = settings.risk_threshold
    if t is not None and not 0.0 < t < 1.0:
        p.append(Problem("risk_threshold", "give a probability between 0 and 1 (e.g. 0.05 for 5 %)"))
    if not 1 <= settings.reevaluation_months <= 60:
        p.append(Problem("reevaluation_months", "choose between 1 and 60 months"))
    url = settings.timestamp_url.strip()
    if url and not url.startswith(("http://", "https://")):
        p.append(
            Problem("timestamp_url", "enter the time-stamping service's http(s) address, or leave it empty")
        )
    if len(settings.organisation_name) > 300:
        p.append(Problem("organisation_name", "keep the name under 300 characters"))
    return p


def set_org_settings(db: Database, actor: Actor, settings: OrgSettings) -> OrgSettings:
    require(actor, Action.ORG_SETTINGS)
    settings = dataclasses.replace(
        settings,
        timestamp_url=settings.timestamp_url.strip(),
        organisation_name=settings.organisation_name.strip(),
    )
    problems = validate_org_settings(settings)
    if problems:
        raise ValidationError("The organisation settings cannot be saved.", problems)
    with db.unit_of_work() as s:
        before = dataclasses.asdict(_read_settings(s))
        after = dataclasses.asdict(settings)
        for key in _SETTING_FIELDS:
            row = s.get(OrgSetting, key)
            if row is None:
                s.add(OrgSetting(key=key, value=after[key]))
            elif row.value != after[key]:
                row.value = after[key]
        s.flush()
        audit.record(s, actor, "update", "org_setting", "*", before, after)
        return _read_settings(s)


# ---- views ------------------------------------------------------------------------------------------------


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


@dataclass(frozen=True)
class AssessmentEvaluation:
    """What the wizard shows, derived from the record and the live country data (never stored)."""

    evaluation: Evaluation
    missing: tuple[Gap, ...]
    destination: Destination  # the live country data judged against (laws for step 3, statuses)
    dataset_version: str
    destination_version: int

    @property
    def precheck(self) -> PrecheckResult:
        return self.evaluation.precheck

    @property
    def proposals(self) -> ToolProposals:
        return self.evaluation.proposals

    @property
    def tool_warnings(self) -> tuple[ToolWarning, ...]:
        return self.evaluation.tool_warnings

    @property
    def measure_warnings(self) -> tuple[Reason, ...]:
        return self.evaluation.measure_warnings

    @property
    def action_plan(self) -> ActionPlan:
        return self.evaluation.action_plan

    @property
    def recommendation(self) -> Conclusion | None:
        return self.evaluation.recommendation.conclusion

    @property
    def risk(self) -> RiskResult | None:
        return self.evaluation.risk

    @property
    def complete(self) -> bool:
        return not self.missing


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
        raise NotFound(f"Assessment {assessment_id} does not exist (any more).")
    return row


def _shown_name(user: Any) -> Any:
    return func.coalesce(func.nullif(user.display_name, ""), user.username)


def _load_viewable(
    session: Session,
    assessment_id: int | ScalarSelect[Any],
    actor: Actor | None = None,
    *,
    with_threshold: bool = False,
) -> tuple[Assessment, _ViewParts, float | None]:
    """The row, what `_view` shows with it (its transfer, the assessor's and approver's names), and when
    asked the stored risk threshold: one statement, as across offices each is a round trip (issue #19
    point 5). With `actor`, the account's state comes too and is checked as `audit.check_actor` would."""
    assessor, approver, me = aliased(User), aliased(User), aliased(User)
    columns: list[Any] = [Assessment, Transfer, _shown_name(assessor), _shown_name(approver)]
    if actor is not None and actor.user_id is not None:
        state = select(me.active, me.role).where(me.id == actor.user_id)
        columns += [state.with_only_columns(me.active).scalar_subquery()]
        columns += [state.with_only_columns(me.role).scalar_subquery()]
    if with_threshold:
        columns.append(select(OrgSetting.value).where(OrgSetting.key == "risk_threshold").scalar_subquery())
    found = session.execute(
        select(*columns)
        .outerjoin(Transfer, Transfer.id == Assessment.transfer_id)
        .outerjoin(assessor, assessor.id == Assessment.assessor_id)
        .outerjoin(approver, approver.id == Assessment.approver_id)
        .where(Assessment.id == assessment_id)
    ).one_or_none()
    if found is None:
        raise NotFound(f"Assessment {assessment_id} does not exist (any more).")
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


def _at(today: dt.date) -> dt.datetime:
    """`today` at the current UTC time of day (callers pass the date; tests pass a fixed one)."""
    return dt.datetime.combine(today, utcnow().time(), tzinfo=dt.UTC)


@contextmanager
def _writing(db: Database, what: str) -> Iterator[Session]:
    """A unit of work whose concurrent-write failures become ConflictError (nothing is saved)."""
    try:
        with db.unit_of_work() as s:
            yield s
    except StaleDataError as exc:
        raise ConflictError(
            f"Someone else changed {what} at the same moment; nothing was saved. Reload and try again."
        ) from exc
    except IntegrityError as exc:
        raise ConflictError(
            f"{what[:1].upper()}{what[1:]} was changed by someone else at the same moment "
            "(e.g. a version was started twice); nothing was saved. Reload and try again."
        ) from exc


# ---- reference data ---------------------------------------------------------------------------------------


def _context(ds: CountryDataset, code: str, destination: Destination | None = None) -> AssessmentContext:
    dest = destination or ds.destinations.get(code)
    if dest is None:
        raise ValidationError(
            f"The destination {code!r} is not in the country data; ask an administrator to add it, or "
            "correct the transfer's destination."
        )
    return AssessmentContext(
        dest, tuple(ds.regimes.values()), load_tool_catalog(), load_measure_catalog(), ds.destinations
    )


def facts_from_transfer(t: transfers.TransferView, importer: entities.EntityView) -> TransferFacts:
    """Step 1 prefilled from the register: the wizard shows these for the assessor to confirm."""
    # Data the exporter encrypts or pseudonymises, keeping the keys (the additional information), is unreadable
    # to the importer (EDPB use cases 1 and 2).
    protected = t.format_at_rest in (DataFormat.ENCRYPTED, DataFormat.PSEUDONYMISED)
    clear_needed = not (protected and t.key_holder is KeyHolder.EXPORTER)
    return TransferFacts(
        exporter_country=t.exporter_country,
        importer_country=t.importer_country,
        destination=t.destination,
        importer_separate_entity=t.exporter_id != t.importer_id,
        exporter_role=t.exporter_role,
        importer_role=t.importer_role,
        importer_group_company=importer.is_group_company,
        importer_certifications=tuple(importer.certifications),
        frequency=t.frequency,
        data_subjects_count=t.volume,
        data_categories=tuple(t.data_categories),
        sensitive_data=t.special_categories,
        format_in_transit=t.format_in_transit,
        format_at_rest=t.format_at_rest,
        key_holder=t.key_holder,
        storage_countries=tuple(t.storage_countries),
        remote_access_countries=tuple(t.remote_access_countries),
        importer_needs_clear_data=clear_needed,
        onward_transfers=tuple(
            OnwardTransfer(o.importer_name, o.destination, o.title or ", ".join(o.purposes)) for o in t.onward
        ),
    )


def initial_record(
    t: transfers.TransferView,
    importer: entities.EntityView,
    ds: CountryDataset,
    settings: OrgSettings,
    assessor: UserId | None,
) -> AssessmentRecord:
    facts = facts_from_transfer(t, importer)
    dest = ds.destinations.get(t.destination)
    laws = tuple(LawAssessment(law.key) for law in dest.access_laws) if dest else ()
    return AssessmentRecord(
        facts=facts,
        regimes=select_regimes(facts.exporter_country, ds.regimes.values()),
        law_practice=LawPracticeStep(laws=laws),
        # Per period (the published template's reading) by default; the threshold is the organisation's.
        risk=RiskInputs(mode=RiskInputMode.PER_PERIOD, threshold=settings.risk_threshold),
        assessor=assessor,
    )


# ---- life cycle ---------------------------------------------------------------------------------------------


def start_assessment(db: Database, actor: Actor, transfer_id: int) -> AssessmentView:
    """Version 1 as a draft, prefilled from the transfer, its parties and the country data."""
    require(actor, Action.ASSESS)
    ds = country_store.dataset(db)
    with _writing(db, "the transfer") as s:
        settings = _read_settings(s)
        t = s.get(Transfer, transfer_id)
        if t is None:
            raise NotFound(f"Transfer {transfer_id} does not exist.")
        existing = s.scalar(select(func.max(Assessment.version_no)).where(Assessment.transfer_id == t.id))
        if existing:
            raise ValidationError(
                f"{t.reference} already has an assessment (version {existing}); open it instead, or start a "
                "new version from its approved version."
            )
        record = initial_record(
            transfers.view(t),
            entities.view(t.importer),
            ds,
            settings,
            UserId(actor.user_id) if actor.user_id else None,
        )
        row = Assessment(
            transfer_id=t.id,
            version_no=1,
            status=AssessmentStatus.DRAFT,
            record=to_dict(record),
            assessor_id=actor.user_id,
            author_ids=[actor.user_id] if actor.user_id is not None else [],
        )
        s.add(row)
        s.flush()
        audit.record(s, actor, "create", "assessment", row.id, None, _dump(row))
        transfers.set_status(s, actor, t.id, TransferStatus.DRAFT)
        return _view(s, row)


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


def _refuse_unless_editable(session: Session, row: Assessment) -> None:
    if row.frozen and row.status is AssessmentStatus.RETURNED:
        raise ValidationError(
            f"{_name(session, row)} is kept as the reviewer returned it; nothing was saved. The changes go "
            "into the next version.",
            [Problem("status", "a returned version is kept unchanged: edit the next version")],
        )
    if row.frozen or row.status is AssessmentStatus.APPROVED:
        raise ValidationError(
            f"{_name(session, row)} is approved and frozen; nothing was saved. Start a new version to "
            "change it (the approved version stays as it was signed).",
            [Problem("status", "approved versions cannot be edited: use 'New version'")],
        )
    if row.status is AssessmentStatus.SUBMITTED:
        raise ValidationError(
            f"{_name(session, row)} is submitted for review; nothing was saved. It can be edited again "
            "once the reviewer returns it.",
            [Problem("status", "submitted versions cannot be edited")],
        )


def save_draft(
    db: Database,
    actor: Actor,
    assessment_id: int,
    record: AssessmentRecord,
    expected_row_version: int,
    page: str = "",
) -> AssessmentView:
    """Autosave a draft or returned version; cheap when nothing changed. The life-cycle fields (status,
    version, assessor, approval, history, country-data version relied on) are kept from the stored record."""
    require(actor, Action.ASSESS)
    with _writing(db, "the assessment") as s:
        row, parts, threshold = _load_viewable(s, assessment_id, actor, with_threshold=True)
        _refuse_unless_editable(s, row)
        if row.row_version != expected_row_version:
            raise ConflictError(
                f"{_name(s, row)} was saved by someone else after you opened it: you have row version "
                f"{expected_row_version}, the database has row version {row.row_version}. Nothing was "
                "saved; reload to see their changes and apply yours again.",
                mine=record,
                theirs=_view(s, row, parts),
            )
        stored = from_dict(row.record)
        if threshold is not None and record.risk.threshold != threshold:
            # Only an administrator sets the acceptance threshold (organisation settings), never the assessor.
            record = dataclasses.replace(record, risk=dataclasses.replace(record.risk, threshold=threshold))
        merged = dataclasses.replace(
            record,
            status=stored.status,
            version=stored.version,
            assessor=stored.assessor,
            approved_by=stored.approved_by,
            approved_at=stored.approved_at,
            history=stored.history,
            destination_version=stored.destination_version,
            derived_from=stored.derived_from,
        )
        new = to_dict(merged)
        old_fields: dict[str, Any] = row.record.get("record", {})
        changed = sorted(k for k, v in new["record"].items() if old_fields.get(k) != v)
        new_page = (page or row.page)[:64]
        if not changed and new_page == row.page:
            return _view(s, row, parts)
        before: dict[str, Any] = {k: old_fields.get(k) for k in changed}
        after: dict[str, Any] = {k: new["record"][k] for k in changed}
        if new_page != row.page:
            before["page"], after["page"] = row.page, new_page
        if changed and (authors_before := add_author(row, actor.user_id)) is not None:
            before["author_ids"], after["author_ids"] = authors_before, list(row.author_ids)
        after["record_sha256"] = _digest(new)
        row.record = new
        row.page = new_page
        s.flush()
        audit.record(s, actor, "autosave", "assessment", row.id, before, after)
        return _view(s, row, parts)


def evaluate_record(
    db: Database, record: AssessmentRecord, today: dt.date, *, dataset: CountryDataset | None = None
) -> AssessmentEvaluation:
    """Run every rule over a record (saved or not) against the live country data and catalogues."""
    # Read only here: the shared cached dataset costs one query while the country data is unchanged.
    ds = dataset or country_store.cached_dataset(db)
    ctx = _context(ds, record.facts.destination)
    return AssessmentEvaluation(
        evaluation=evaluate(record, ctx, today),
        missing=missing_items(record, ctx, today),
        destination=ctx.destination,
        dataset_version=ds.dataset_version,
        destination_version=ctx.destination.version,
    )


def evaluate_assessment(db: Database, assessment_id: int, today: dt.date) -> AssessmentEvaluation:
    return evaluate_record(db, get_assessment(db, assessment_id).record, today)


def submit(db: Database, actor: Actor, assessment_id: int, today: dt.date) -> AssessmentView:
    """Submit for review; refused with every missing item (step and field) while incomplete."""
    require(actor, Action.ASSESS)
    ds = country_store.dataset(db)
    with _writing(db, "the assessment") as s:
        row = _load(s, assessment_id)
        _refuse_unless_editable(s, row)
        before = _dump(row)
        stored = from_dict(row.record)
        now = _at(today)
        done = workflow.submit(stored, _context(ds, stored.facts.destination), by=_uid(actor), now=now)
        workflow_permits.request_transition(s, row.id, AssessmentStatus.SUBMITTED.value)
        row.record = to_dict(done)
        row.status = AssessmentStatus.SUBMITTED
        row.submitted_at = now
        row.country_data_version = ds.dataset_version
        if row.assessor_id is None:
            row.assessor_id = actor.user_id
        add_author(row, actor.user_id)
        # The resubmission answers the reviewer's comments (on this version or the returned ones it
        # revises); they stay visible as resolved, and the submit event names them.
        answered = []
        for c in s.execute(
            select(ReviewComment).where(
                ReviewComment.assessment_id.in_(_review_round(s, row)), ReviewComment.resolved_at.is_(None)
            )
        ).scalars():
            c.resolved_at = now
            c.resolved_by_name = actor.display_name or actor.username
            answered.append(c.id)
        s.flush()
        after = {**_dump(row), "resolved_comments": answered} if answered else _dump(row)
        audit.record(s, actor, "submit", "assessment", row.id, before, after)
        transfers.set_status(s, actor, row.transfer_id, TransferStatus.SUBMITTED)
        return _view(s, row)


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
        s.flush()
        audit.record(s, actor, "return", "assessment", row.id, before, {**_dump(row), "comments": cleaned})
        revision = _start_revision(s, actor, row, returned)
        transfers.set_status(s, actor, row.transfer_id, TransferStatus.RETURNED)
        return _view(s, revision)


def _start_revision(
    session: Session, actor: Actor, row: Assessment, returned: AssessmentRecord
) -> Assessment:
    """Version n+1 of a returned version n: the same answers, authors and evidence, open for changes.

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
        # The version and those before it in one statement (across offices each is a round trip).
        this = (
            select(Assessment.transfer_id, Assessment.version_no)
            .where(Assessment.id == assessment_id)
            .subquery()
        )
        earlier = s.execute(
            select(Assessment.id, Assessment.version_no, Assessment.status, Assessment.frozen)
            .join(
                this,
                and_(
                    this.c.transfer_id == Assessment.transfer_id, Assessment.version_no <= this.c.version_no
                ),
            )
            .order_by(Assessment.version_no.desc())
        ).all()
        if not earlier or earlier[0][0] != assessment_id:
            raise NotFound(f"Assessment {assessment_id} does not exist (any more).")
        versions = {earlier[0][0]: earlier[0][1]}
        for aid, no, status, frozen in earlier[1:]:  # the returned versions this one revises
            if status is not AssessmentStatus.RETURNED or not frozen:
                break
            versions[aid] = no
        q = select(ReviewComment).where(ReviewComment.assessment_id.in_(list(versions)))
        if open_only:
            q = q.where(ReviewComment.resolved_at.is_(None))
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
            for c in s.execute(q.order_by(ReviewComment.id)).scalars()
        ]


@dataclass(frozen=True)
class VersionChanges:
    """A revision compared with the version the reviewer returned (issue 18)."""

    returned_version: int
    version: int
    changes: tuple[version_diff.FieldChange, ...]


def changes_since_returned(db: Database, assessment_id: int) -> VersionChanges | None:
    """What changed since the version returned just before this one; None when it revises no return."""
    with db.read() as s:
        row = _load(s, assessment_id)
        previous = s.execute(
            select(Assessment).where(
                Assessment.transfer_id == row.transfer_id, Assessment.version_no == row.version_no - 1
            )
        ).scalar_one_or_none()
        if previous is None or previous.status is not AssessmentStatus.RETURNED:
            return None
        before, after = from_dict(previous.record), from_dict(row.record)
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
        return VersionChanges(previous.version_no, row.version_no, changed)


def resolve_comment(db: Database, actor: Actor, comment_id: int) -> None:
    """The assessor marks one comment as dealt with (resubmitting resolves the rest); it stays listed,
    with who and when."""
    require(actor, Action.ASSESS)
    with db.unit_of_work() as s:
        c = s.get(ReviewComment, comment_id)
        if c is None:
            raise NotFound(f"Comment {comment_id} does not exist (any more).")
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


def _approved_record(
    record: AssessmentRecord,
    approver: Actor,
    today: dt.date,
    settings: OrgSettings,
    authors: frozenset[UserId],
) -> AssessmentRecord:
    """The record as approval leaves it (checks status and four eyes; sets re-evaluation dates)."""
    return workflow.approve(
        record,
        by=_uid(approver),
        now=_at(today),
        single_user_mode=settings.single_user_mode,
        reevaluation_months=settings.reevaluation_months,
        authors=authors,
    )


class _QuietUntrusted(logging.Filter):
    """pyHanko logs a traceback for every signer outside the trust list; the refusal says it instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        return False


def _signature_problem(
    signed_pdf: bytes, rendering: bytes, trusted: list[bytes], registered: AbstractSet[str]
) -> str:
    """Why `signed_pdf` is not fit to keep as the approval ("" when it is): it must be `rendering` (the
    tool's own rendering of this version for this approver) byte for byte up to the signature, carry
    a signature that is intact, covers the whole file and chains to the trust list, made with one of
    the approver's own `registered` certificates."""
    from transfer_tool.signing.verify import verify_pdf  # pyHanko loads only when someone approves

    if not rendering or not signed_pdf.startswith(rendering) or len(signed_pdf) == len(rendering):
        return (
            "the signed file is not the tool's rendering of this version with a signature added; "
            "approve with the tool, which renders and signs the report itself"
        )
    quiet = _QuietUntrusted()
    validator_log = logging.getLogger("pyhanko.sign.validation.generic_cms")
    validator_log.addFilter(quiet)
    try:
        result = verify_pdf(signed_pdf, trusted)
    finally:
        validator_log.removeFilter(quiet)
    if not result.signed:
        return "the report is not signed: sign the rendered report with your signing identity and try again"
    if not result.intact:
        return "the signature does not match the report: it was changed after signing; sign it again"
    if not result.covers_whole_file:
        return (
            "content was added to the report after it was signed; sign the report as rendered and try again"
        )
    if result.signer_fingerprint not in registered:
        return (
            "the report was not signed with your own registered signing certificate; use the identity "
            "whose certificate an administrator registered for you (transfer-tool trust add --owner)"
        )
    if not result.trusted:
        return "the signing certificate does not chain to a trusted certificate; ask an administrator"
    # A timestamp authority outside the trust list does not stop an approval; `verify` reports it.
    return ""


def approval_problems(attestations: AbstractSet[str], lang: str) -> list[Problem]:
    """What an approval request lacks before any rendering or signing: every attestation, a language."""
    missing = [k for k in REQUIRED_ATTESTATIONS if k not in attestations]
    problems = [Problem(f"attestations.{k}", f"confirm: {REQUIRED_ATTESTATIONS[k]}") for k in missing]
    if lang not in ("en", "ja"):
        problems.append(Problem("lang", "the report language must be 'en' or 'ja'"))
    return problems


def _store_approval(
    db: Database,
    actor: Actor,
    assessment_id: int,
    *,
    signed_pdf: bytes,
    rendering: bytes,
    lang: str,
    signer_name: str,
    today: dt.date,
    attestations: AbstractSet[str],
    comment: str = "",
) -> AssessmentView:
    """Approve a submitted version with its signed report (called by `approval.approve_and_sign` only,
    which renders and signs): the version is frozen, the transfer approved (or suspended when the
    conclusion is 'do not transfer') and its re-assessment flags cleared. The signed copy must be the
    rendering plus a trusted signature by the approver's own registered certificate."""
    from transfer_tool import trust  # the trust list imports pyHanko

    require(actor, Action.REVIEW)
    problems = approval_problems(attestations, lang)
    if not signed_pdf.startswith(b"%PDF-"):
        problems.append(Problem("signed_pdf", "the signed report is not a PDF; render, sign and try again"))
    elif len(signed_pdf) > _MAX_PDF_BYTES:
        problems.append(Problem("signed_pdf", "the signed report is larger than 200 MB"))
    if not signer_name.strip():
        problems.append(Problem("signer_name", "the signer's name is required"))
    elif len(signer_name.strip()) > 200:
        problems.append(Problem("signer_name", "keep the signer's name under 200 characters"))
    if not problems:
        with db.read() as s:
            registered = trust.registered_fingerprints(s, actor.user_id) if actor.user_id else set()
        bad = _signature_problem(signed_pdf, rendering, trust.trusted_pems(db), registered)
        if bad:
            problems.append(Problem("signed_pdf", bad))
    if problems:
        raise ValidationError("The assessment cannot be approved yet.", problems)
    with _writing(db, "the assessment") as s:
        settings = _read_settings(s)
        row = _load(s, assessment_id)
        before = _dump(row)
        record = from_dict(row.record)
        done = workflow.approve(
            record,
            by=_uid(actor),
            now=_at(today),
            single_user_mode=settings.single_user_mode,
            comment=comment,
            reevaluation_months=settings.reevaluation_months,
            authors=_authors(row),
        )
        workflow_permits.request_transition(s, row.id, AssessmentStatus.APPROVED.value)
        report = store_signed_report(
            s, row, signed_pdf, signer_name=signer_name.strip(), lang=lang, rendering=rendering
        )
        row.record = to_dict(done)
        row.status = AssessmentStatus.APPROVED
        row.frozen = True
        row.approver_id = actor.user_id
        row.approved_at = done.approved_at
        row.re_evaluation_date = done.reevaluation_date
        row.appi_check_date = done.appi_check_due
        row.single_user_approval = workflow.is_author(record, _uid(actor), _authors(row))
        row.attestations = sorted(k for k in REQUIRED_ATTESTATIONS if k in attestations)
        s.flush()
        audit.record(
            s,
            actor,
            "approve",
            "assessment",
            row.id,
            before,
            {**_dump(row), "signed_pdf_sha256": report.sha256, "signer": report.signer_name, "lang": lang},
        )
        suspended = done.conclusion.chosen is Conclusion.DO_NOT_TRANSFER
        country_store.clear_flags(s, row.transfer_id)
        transfers.set_status(
            s,
            actor,
            row.transfer_id,
            TransferStatus.SUSPENDED if suspended else TransferStatus.APPROVED,
            next_review=done.reevaluation_date,
            clear_reassessment=True,
        )
        return _view(s, row)


def new_version(db: Database, actor: Actor, assessment_id: int) -> AssessmentView:
    """Version n+1 as a draft, copied from the approved version n (which stays frozen as signed).

    The transfer's register status is left as it is: the approved version still governs until the new
    one is submitted."""
    require(actor, Action.ASSESS)
    with _writing(db, "the assessment") as s:
        row = _load(s, assessment_id)
        latest = s.scalar(
            select(func.max(Assessment.version_no)).where(Assessment.transfer_id == row.transfer_id)
        )
        if latest is not None and latest > row.version_no:
            raise ValidationError(
                f"{_name(s, row)} already has a newer version ({latest}); open that one instead."
            )
        draft = workflow.new_version(from_dict(row.record), by=_uid(actor))
        new = Assessment(
            transfer_id=row.transfer_id,
            version_no=row.version_no + 1,
            status=AssessmentStatus.DRAFT,
            record=to_dict(draft),
            page=row.page,
            assessor_id=actor.user_id,
            author_ids=[actor.user_id] if actor.user_id is not None else [],
        )
        s.add(new)
        s.flush()
        copied = copy_evidence(s, row.id, new.id)
        audit.record(
            s,
            actor,
            "new_version",
            "assessment",
            new.id,
            None,
            {**_dump(new), "from": row.id, "evidence": copied},
        )
        return _view(s, new)


# ---- report -----------------------------------------------------------------------------------------------


def _relied_on_destination(
    db: Database, record: AssessmentRecord, status: AssessmentStatus
) -> Destination | None:
    """A submitted or approved version is reported against the country data it relied on."""
    if status in _EDITABLE or record.destination_version is None:
        return None
    try:
        return country_store.version(db, record.facts.destination, record.destination_version)
    except NotFound:
        return None


def _check_evidence(session: Session, files: Sequence[EvidenceView], name: str) -> None:
    """The report prints each file's SHA-256: refuse to print one whose stored content no longer has it."""
    for f in files:
        try:
            load_blob(session, f.sha256, f"the evidence file {f.filename!r} ({f.label})")
        except IntegrityFailure as exc:
            raise IntegrityFailure(f"The report of {name} was not built. {exc.message}") from exc


def _report_data(
    db: Database,
    assessment_id: int,
    today: dt.date,
    *,
    approver: Actor | None = None,
) -> ReportData:
    ds = country_store.cached_dataset(db)
    items = catalog.all_items(db)
    with db.read() as s:
        settings = _read_settings(s)
        row = _load(s, assessment_id)
        t = s.get(Transfer, row.transfer_id)
        if t is None:
            raise NotFound(f"The transfer of assessment {assessment_id} does not exist (any more).")
        tv = transfers.view(t)
        exporter, importer = entities.view(t.exporter), entities.view(t.importer)
        record = from_dict(row.record)
        status = row.status
        files = tuple(evidence_rows(s, row.id))
        _check_evidence(s, files, f"{t.reference} version {row.version_no}")
        sign_off = SignOff()
        if approver is not None:
            record = _approved_record(record, approver, today, settings, _authors(row))
            status = AssessmentStatus.APPROVED
            sign_off = SignOff(
                approver.display_name or approver.username,
                ROLE_TITLES[approver.role],
                today,
                single_user_mode=workflow.is_author(record, _uid(approver), _authors(row)),
            )
        elif row.status is AssessmentStatus.APPROVED:
            approver_row = s.get(User, row.approver_id) if row.approver_id else None
            sign_off = SignOff(
                approver_row.display_name if approver_row else "",
                ROLE_TITLES[approver_row.role] if approver_row else "",
                row.approved_at.date() if row.approved_at else None,
                single_user_mode=row.single_user_approval,
            )
        ids: list[int | None] = [row.assessor_id, row.approver_id, *(int(e.by) for e in record.history)]
        names = _user_names(s, ids)
        meta = ReportMeta(
            reference=t.reference,
            version=row.version_no,
            status=status,
            title=t.title,
            created_at=row.created_at,
            updated_at=row.updated_at,
            organisation=settings.organisation_name,
            assessor=names.get(row.assessor_id, "") if row.assessor_id else "",
            user_names=names,
            sign_off=sign_off,
            dataset_version=row.country_data_version or ds.dataset_version,
            importer_sign_off_wanted=settings.importer_sign_off,
        )
    relied = _relied_on_destination(db, record, status)
    ctx = _context(ds, record.facts.destination, relied)
    return report_data_from(
        ReportSources(
            record=record,
            meta=meta,
            transfer=tv,
            exporter=exporter,
            importer=importer,
            catalog=items,
            destination=ctx.destination,
            regimes=ds.regimes,
            names=ds.names,
            evaluation=evaluate(record, ctx, today),
            tools=ctx.tools,
            measures=ctx.measures,
            evidence_files=files,
        )
    )


def build_report_data(db: Database, assessment_id: int, today: dt.date) -> ReportData:
    """The report of a stored version as it stands (a draft shows the draft watermark)."""
    return _report_data(db, assessment_id, today)


def render_for_approval(
    db: Database, assessment_id: int, lang: str, approver: Actor, today: dt.date
) -> bytes:
    """The unsigned PDF as it will be approved (status approved, sign-off filled) for the caller to sign
    with `transfer_tool.signing` and pass to `approve()`. Refused if `approver` may not approve it."""
    require(approver, Action.REVIEW)
    with db.read() as s:
        audit.check_actor(s, approver)
    from transfer_tool.report.renderer import render_report  # ReportLab: only when a report is rendered

    return render_report(_report_data(db, assessment_id, today, approver=approver), lang)


# ---- due dates and the dashboard ------------------------------------------------------------------------


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
