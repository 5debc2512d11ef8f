"""Drafting: starting an assessment prefilled from the register, autosaving a draft, evaluating a
record against the live country data, submitting it for review, and a new version of an approved one."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from transfer_tool.accounts.permissions import Action, Actor, require
from transfer_tool.assessment import draft_statement, workflow
from transfer_tool.assessment.completeness import Gap, missing_items
from transfer_tool.assessment.context import Evaluation, evaluate
from transfer_tool.assessment.evidence import (
    add_author,
    copy_evidence,
)
from transfer_tool.assessment.measures import ActionPlan
from transfer_tool.assessment.org_settings import (
    OrgSettings,
    _read_settings,
)
from transfer_tool.assessment.precheck import PrecheckResult, Reason, select_regimes
from transfer_tool.assessment.record import (
    SERVICE_KEPT,
    AssessmentRecord,
    LawAssessment,
    LawPracticeStep,
    RiskInputMode,
    RiskInputs,
    from_dict,
    to_dict,
)
from transfer_tool.assessment.review import (
    _review_round,
)
from transfer_tool.assessment.risk import RiskResult
from transfer_tool.assessment.safeguards import ToolProposals, ToolWarning
from transfer_tool.assessment.transfer_facts import facts_from_transfer, fit_to_transfer
from transfer_tool.assessment.versions import (
    AssessmentView,
    _at,
    _context,
    _digest,
    _dump,
    _load,
    _load_viewable,
    _name,
    _uid,
    _view,
    _writing,
    get_assessment,
)
from transfer_tool.countries import store as country_store
from transfer_tool.countries.model import Destination
from transfer_tool.countries.shipped import CountryDataset
from transfer_tool.domain import (
    AssessmentStatus,
    Conclusion,
    TransferStatus,
    UserId,
)
from transfer_tool.errors import ConflictError, NotFound, Problem, ValidationError
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.records import audit
from transfer_tool.register import entities, transfers
from transfer_tool.storage import workflow_permits
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment, ReviewComment
from transfer_tool.storage.models.core import Entity, Transfer


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


def start_assessment(db: Database, actor: Actor, transfer_id: int) -> AssessmentView:
    """Version 1 as a draft, prefilled from the transfer, its parties and the country data."""
    require(actor, Action.ASSESS)
    ds = country_store.dataset(db)
    with _writing(db, "the transfer") as s:
        return _view(s, start_in(s, actor, transfer_id, ds))


def start_in(session: Session, actor: Actor, transfer_id: int, ds: CountryDataset) -> Assessment:
    """`start_assessment` inside the caller's transaction (the caller checked the role)."""
    s = session
    settings = _read_settings(s)
    t = s.get(Transfer, transfer_id)
    if t is None:
        raise NotFound(error_text("Transfer {0} does not exist.", transfer_id))
    existing = s.scalar(select(func.max(Assessment.version_no)).where(Assessment.transfer_id == t.id))
    if existing:
        raise ValidationError(
            error_text(
                "{0} already has an assessment (version {1}); open it instead, or start a new "
                "version from its approved version.",
                t.reference,
                existing,
            )
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
    return row


def _refuse_unless_editable(session: Session, row: Assessment) -> None:
    if row.frozen and row.status is AssessmentStatus.RETURNED:
        raise ValidationError(
            error_text(
                "{0} is kept as the reviewer returned it; nothing was saved. The changes go into "
                "the next version.",
                _name(session, row),
            ),
            [Problem("status", "a returned version is kept unchanged: edit the next version")],
        )
    if row.frozen or row.status is AssessmentStatus.APPROVED:
        raise ValidationError(
            error_text(
                "{0} is approved and frozen; nothing was saved. Start a new version to change it "
                "(the approved version stays as it was signed).",
                _name(session, row),
            ),
            [Problem("status", "approved versions cannot be edited: use 'New version'")],
        )
    if row.status is AssessmentStatus.SUBMITTED:
        raise ValidationError(
            error_text(
                "{0} is submitted for review; nothing was saved. It can be edited again once the "
                "reviewer returns it.",
                _name(session, row),
            ),
            [Problem("status", "submitted versions cannot be edited")],
        )


# How a save puts the draft's step 1 facts in step with the stored transfer (`page_save`); the transfer is
# loaded with its parties and onward transfers.
FollowTransfer = Callable[[AssessmentRecord, Transfer], AssessmentRecord]


def following(dataset: Callable[[], CountryDataset]) -> FollowTransfer:
    """The draft's facts following the stored transfer `t` (loaded with its parties and onward ones)."""

    def follow(record: AssessmentRecord, t: Transfer) -> AssessmentRecord:
        parties = {t.exporter_id: entities.view(t.exporter), t.importer_id: entities.view(t.importer)}
        onward = tuple(transfers.view(o, with_onward=False) for o in t.onward)
        return fit_to_transfer(
            record, transfers.view(t, with_onward=False).as_input(), parties, onward, dataset
        )

    return follow


def save_draft(
    db: Database,
    actor: Actor,
    assessment_id: int,
    record: AssessmentRecord,
    expected_row_version: int,
    page: str = "",
    *,
    follow: FollowTransfer | None = None,
) -> AssessmentView:
    """Autosave a draft or returned version; cheap when nothing changed. The life-cycle fields (status,
    version, assessor, approval, history, country-data version relied on) are kept from the stored record;
    with `follow`, the facts follow the transfer as stored."""
    require(actor, Action.ASSESS)
    if db.dialect == "postgresql":
        return _save_draft_in_one_statement(
            db, actor, assessment_id, record, expected_row_version, page, follow
        )
    with _writing(db, "the assessment") as s:
        return save_draft_in(s, actor, assessment_id, record, expected_row_version, page, follow)


def save_draft_in(
    session: Session,
    actor: Actor,
    assessment_id: int,
    record: AssessmentRecord | None,
    expected_row_version: int,
    page: str,
    follow: FollowTransfer | None,
) -> AssessmentView:
    """`save_draft` inside the caller's transaction (the caller checked the role); `record` None re-saves
    the stored one (its page, its facts following the transfer)."""
    s = session
    row, parts, threshold = _load_viewable(
        s, assessment_id, actor, with_threshold=True, with_onward=follow is not None
    )
    _refuse_unless_editable(s, row)
    mine = record or from_dict(row.record)
    _refuse_stale(s, row, parts, mine, expected_row_version)
    if follow is not None and parts.transfer is not None:
        mine = follow(mine, parts.transfer)
    change = _draft_change(row, actor, mine, threshold, page)
    if change is not None:
        s.flush()
        audit.record(s, actor, "autosave", "assessment", row.id, *change)
    return _view(s, row, parts)


def _save_draft_in_one_statement(
    db: Database,
    actor: Actor,
    assessment_id: int,
    record: AssessmentRecord,
    expected_row_version: int,
    page: str,
    follow: FollowTransfer | None,
) -> AssessmentView:
    """`save_draft` on PostgreSQL in two round trips across offices (issue #19 point 5): the version is read
    in autocommit, then one statement saves it if its row version is still the one read and writes the
    audit event next to it (`draft_statement`): a single statement is a transaction of its own."""
    with db.read() as s:
        row, parts, threshold = _load_viewable(
            s, assessment_id, actor, with_threshold=True, with_onward=follow is not None
        )
        _refuse_unless_editable(s, row)
        _refuse_stale(s, row, parts, record, expected_row_version)
        if follow is not None and parts.transfer is not None:
            record = follow(record, parts.transfer)
        # Kept as read for the view after the save (the read's end would expire them); the row is changed
        # below to what was saved, which the read session must not try to flush.
        for loaded in (row, parts.transfer):
            if loaded is not None:
                s.expunge(loaded)
        change = _draft_change(row, actor, record, threshold, page)
        if change is None:
            return _view(s, row, parts)
    # After the read is over, so the statement reuses its connection (a second one costs its start-up).
    saved = draft_statement.save(db, actor, row, expected_row_version, *change)
    if saved is not None:
        row.row_version, row.updated_at = saved
        return _view(s, row, parts)  # from the row and `parts`: the closed session is not asked
    with db.read() as s:  # not saved: changed by someone else since it was read; say how it is now
        theirs, parts, _ = _load_viewable(s, assessment_id)
        _refuse_unless_editable(s, theirs)
        _refuse_stale(s, theirs, parts, record, expected_row_version)
    what = "the assessment"
    raise ConflictError(
        error_text(
            "Someone else changed {0} at the same moment; nothing was saved. Reload and try again.", what
        )
    )


def _refuse_stale(
    session: Session, row: Assessment, parts: Any, record: AssessmentRecord, expected_row_version: int
) -> None:
    if row.row_version != expected_row_version:
        raise ConflictError(
            error_text(
                # The row versions are the lock's counters, not for people: the message says what happened.
                "{0} was saved by someone else after you opened it. Nothing was saved; reload to see their "
                "changes and apply yours again.",
                _name(session, row),
            ),
            mine=record,
            theirs=_view(session, row, parts),
        )


def _draft_change(
    row: Assessment, actor: Actor, record: AssessmentRecord, threshold: float | None, page: str
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """Apply the autosave to `row` (record, page, authors); the audit event's before and after, or None
    when nothing changed."""
    stored = from_dict(row.record)
    if threshold is not None and record.risk.threshold != threshold:
        # Only an administrator sets the acceptance threshold (organisation settings), never the assessor.
        record = dataclasses.replace(record, risk=dataclasses.replace(record.risk, threshold=threshold))
    merged = dataclasses.replace(record, **{name: getattr(stored, name) for name in SERVICE_KEPT})
    new = to_dict(merged)
    old_fields: dict[str, Any] = row.record.get("record", {})
    changed = sorted(k for k, v in new["record"].items() if old_fields.get(k) != v)
    new_page = (page or row.page)[:64]
    if not changed and new_page == row.page:
        return None
    before: dict[str, Any] = {k: old_fields.get(k) for k in changed}
    after: dict[str, Any] = {k: new["record"][k] for k in changed}
    if new_page != row.page:
        before["page"], after["page"] = row.page, new_page
    if changed and (authors_before := add_author(row, actor.user_id)) is not None:
        before["author_ids"], after["author_ids"] = authors_before, list(row.author_ids)
    after["record_sha256"] = _digest(new)
    row.record = new
    row.page = new_page
    return before, after


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


def submit(
    db: Database,
    actor: Actor,
    assessment_id: int,
    today: dt.date | None,
    *,
    expected_row_version: int | None = None,
) -> AssessmentView:
    """Submit for review; refused with every missing item (step and field) while incomplete. `today`:
    the date the submission states (None: now, see `versions._at`). `expected_row_version`: the version
    as the submitter's screen last saved or read it; saved by someone else since, it is not submitted
    (`ConflictError` with theirs): the submitter would vouch for answers they never saw."""
    require(actor, Action.ASSESS)
    ds = country_store.dataset(db)
    with _writing(db, "the assessment") as s:
        row = _load(s, assessment_id)
        _refuse_unless_editable(s, row)
        if expected_row_version is not None and row.row_version != expected_row_version:
            raise ConflictError(
                error_text(
                    "{0} was saved by someone else after your last save; nothing was submitted. Choose "
                    "whose answers to keep, then submit again.",
                    _name(s, row),
                ),
                theirs=_view(s, row),
            )
        before = _dump(row)
        stored = from_dict(row.record)
        _hold_the_facts(s, row.transfer_id)
        # The transfer, its parties or its onward transfers changed since the draft was last saved (from the
        # register, an import, the entity screen): nothing was flagged because this version answers the
        # change, so it is submitted stating the transfer as it now is, as every save of the draft follows it.
        transfer = s.get(Transfer, row.transfer_id)
        if transfer is not None:
            stored = following(lambda: ds)(stored, transfer)
        now = _at(today)
        done = workflow.submit(stored, _context(ds, stored.facts.destination), by=_uid(actor), now=now)
        workflow_permits.request_transition(s, row.id, AssessmentStatus.SUBMITTED.value)
        row.record = to_dict(done)
        row.status = AssessmentStatus.SUBMITTED
        row.submitted_at = now
        row.updated_at = now  # the submission's moment, as its history says (not the clock read again)
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


def _hold_the_facts(s: Session, transfer_id: int) -> None:
    """Lock, until the submission commits, the rows its facts are read from: the transfer, its parties and
    its onward transfers. A change to them that another person commits meanwhile (its check saw a draft,
    which answers such changes) would otherwise be neither in the submitted version nor flagged; now it
    waits, then meets the version awaiting review and is refused. (SQLite runs one writer at a time.)"""
    if s.get_bind().dialect.name != "postgresql":
        return
    parties = s.execute(
        select(Transfer.exporter_id, Transfer.importer_id).where(Transfer.id == transfer_id).with_for_update()
    ).one_or_none()
    if parties is None:
        return
    s.execute(select(Entity.id).where(Entity.id.in_(list(parties))).with_for_update(read=True))
    s.execute(select(Transfer.id).where(Transfer.parent_id == transfer_id).with_for_update(read=True))


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
                error_text(
                    "{0} already has a newer version ({1}); open that one instead.", _name(s, row), latest
                )
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
