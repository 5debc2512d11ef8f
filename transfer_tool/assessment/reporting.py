"""A version's report data (against the country data it relied on once submitted; evidence checked
against its SHA-256) and the unsigned PDF an approver signs."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session, joinedload

from transfer_tool import catalog
from transfer_tool.accounts.permissions import Action, Actor, require
from transfer_tool.assessment import workflow
from transfer_tool.assessment.approval_store import (
    REQUIRED_ATTESTATIONS,
    _approved_record,
)
from transfer_tool.assessment.context import evaluate
from transfer_tool.assessment.evidence import (
    EvidenceView,
    IntegrityFailure,
    evidence_rows,
    load_blob,
)
from transfer_tool.assessment.org_settings import (
    OrgSettings,
    _read_settings,
)
from transfer_tool.assessment.record import (
    AssessmentRecord,
    from_dict,
)
from transfer_tool.assessment.report_builder import ROLE_TITLES, ReportMeta, ReportSources, report_data_from
from transfer_tool.assessment.review_comments import round_comments
from transfer_tool.assessment.versions import (
    _EDITABLE,
    _at,
    _authors,
    _context,
    _load,
    _uid,
    _user_names,
)
from transfer_tool.countries import store as country_store
from transfer_tool.countries.model import Destination, Regime
from transfer_tool.countries.on_demand import DestinationsOnDemand, dataset_on_demand
from transfer_tool.countries.shipped import CountryDataset
from transfer_tool.domain import (
    AssessmentStatus,
)
from transfer_tool.errors import ConflictError, NotFound
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.records import audit
from transfer_tool.register import entities, transfers
from transfer_tool.report.data import ReportData, SignOff
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import Transfer, User


def _relied_on_destination(
    db: Database, record: AssessmentRecord, status: AssessmentStatus, regimes: dict[str, Regime]
) -> Destination | None:
    """A submitted or approved version is reported against the country data it relied on."""
    if status in _EDITABLE or record.destination_version is None:
        return None
    try:
        return country_store.version(db, record.facts.destination, record.destination_version, regimes)
    except NotFound:
        return None


@dataclass(frozen=True)
class ReadReport:
    """What a reviewer read before approving: the report of the version as it stood on `today` (the day
    its preview was built for), by the digest of everything it shows (`reading_digest`)."""

    today: dt.date
    digest: str

    def token(self) -> str:
        """The reading as one word to type on the command line (`report` prints it, `approve --as-read`
        takes it): the day, then the digest's first 128 bits."""
        return f"{self.today:%Y%m%d}-{self.digest[:32]}"

    @classmethod
    def from_token(cls, token: str) -> ReadReport | None:
        """The reading a `token` states; None when it is not one."""
        day, _, digest = token.strip().partition("-")
        if len(day) != 8 or not day.isdigit() or len(digest) != 32:
            return None
        try:
            int(digest, 16)
            return cls(dt.date(int(day[:4]), int(day[4:6]), int(day[6:])), digest.lower())
        except ValueError:
            return None

    def shows(self, digest: str) -> bool:
        return digest.startswith(self.digest) if len(self.digest) == 32 else digest == self.digest


def reading_digest(data: ReportData) -> str:
    """A digest of everything a report shows (every value of `data`, none of which is a language's
    wording: the same for the English and the Japanese rendering). The report's values are frozen
    dataclasses, enums, dates and numbers, whose `repr` is stable within one version of the tool."""
    return hashlib.sha256(repr(data).encode("utf-8")).hexdigest()


def read_report(data: ReportData, today: dt.date) -> ReadReport:
    return ReadReport(today, reading_digest(data))


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
    approved_at: dt.datetime | None = None,
    comment: str = "",
    settings: OrgSettings | None = None,
    hold_country_data: bool = False,
    as_read: ReadReport | None = None,
) -> ReportData:
    """The version's report as it stands on `today`, or, with `approver`, as approving it at `approved_at`
    leaves it. `as_read`: the report the approver read; the version as it stands now, read in the same
    transaction as the approved rendering, must show exactly that, or nothing is rendered (`ConflictError`):
    the title, the notes, a party's name or address, a catalogue label or a person's name can change while
    a version awaits review, and the signature would vouch for words its signer never read."""
    # The copy of the country data this process holds (one statement checks it is current: across
    # offices each statement is a round trip; with `hold_country_data` it is read whole if not held yet),
    # else only the transfer's own destinations, read as the engine looks them up (countries/on_demand.py):
    # a process that writes one report does not read all 251.
    if hold_country_data:
        ds: CountryDataset | None = country_store.cached_dataset(db)
    else:
        ds = country_store.held_dataset(db)
    if ds is None:
        ds = dataset_on_demand(db)
    items = catalog.all_items(db)
    with db.read() as s:
        settings = settings or _read_settings(s)
        row = _load(s, assessment_id)
        # The onward transfers (two levels, as the report shows them) in the same statement.
        t = s.get(
            Transfer, row.transfer_id, options=[joinedload(Transfer.onward).joinedload(Transfer.onward)]
        )
        if t is None:
            raise NotFound(
                error_text("The transfer of assessment {0} does not exist (any more).", assessment_id)
            )
        tv = transfers.view(t)
        exporter, importer = entities.view(t.exporter), entities.view(t.importer)
        record = from_dict(row.record)
        status = row.status
        files = tuple(evidence_rows(s, row.id))
        comments = tuple(round_comments(s, row.id, open_only=False))
        _check_evidence(s, files, f"{t.reference} version {row.version_no}")
        sign_off = SignOff(confirmations=tuple(REQUIRED_ATTESTATIONS))
        updated_at = row.updated_at
        standing = (record, status, sign_off, updated_at)  # the version as it stands, before any approval
        if approver is not None:
            at = approved_at or _at(today)
            updated_at = at  # the approval is the version's last change, as the stored row then says
            record = _approved_record(record, approver, at, settings, _authors(row), comment)
            status = AssessmentStatus.APPROVED
            sign_off = SignOff(
                approver.display_name or approver.username,
                ROLE_TITLES[approver.role],
                at,
                single_user_mode=workflow.is_author(record, _uid(approver), _authors(row)),
                confirmations=tuple(REQUIRED_ATTESTATIONS),  # an approval confirms every one (checked first)
            )
        elif row.status is AssessmentStatus.APPROVED:
            approver_row = s.get(User, row.approver_id) if row.approver_id else None
            sign_off = SignOff(
                approver_row.display_name if approver_row else "",
                ROLE_TITLES[approver_row.role] if approver_row else "",
                row.approved_at,
                single_user_mode=row.single_user_approval,
                confirmations=tuple(k for k in REQUIRED_ATTESTATIONS if k in (row.attestations or ())),
            )
        ids: list[int | None] = [row.assessor_id, row.approver_id, *(int(e.by) for e in record.history)]
        names = _user_names(s, ids)
        meta = ReportMeta(
            reference=t.reference,
            version=row.version_no,
            status=status,
            title=t.title,
            created_at=row.created_at,
            updated_at=updated_at,
            organisation=settings.organisation_name,
            assessor=names.get(row.assessor_id, "") if row.assessor_id else "",
            user_names=names,
            sign_off=sign_off,
            dataset_version=row.country_data_version or ds.dataset_version,
            importer_sign_off_wanted=settings.importer_sign_off,
            reevaluation_months=settings.reevaluation_months,
        )
    if isinstance(ds.destinations, DestinationsOnDemand):
        # The codes the engine may look up (the pre-check's), in one statement rather than one each.
        f = record.facts
        ds.destinations.read_ahead(
            (f.destination, f.importer_country, *f.storage_countries, *f.remote_access_countries)
        )
    relied = _relied_on_destination(db, record, status, ds.regimes)
    ctx = _context(ds, record.facts.destination, relied)

    def report(record: AssessmentRecord, meta: ReportMeta, today: dt.date) -> ReportData:
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
                review_comments=comments,
            )
        )

    if as_read is not None:
        record_then, status_then, sign_off_then, updated_then = standing
        meta_then = replace(meta, status=status_then, sign_off=sign_off_then, updated_at=updated_then)
        if not as_read.shows(reading_digest(report(record_then, meta_then, as_read.today))):
            raise ConflictError(
                error_text(
                    "The report changed after you opened it (someone edited the transfer, a party, a "
                    "catalogue entry or a name it shows); nothing was approved. Read the report as it is "
                    "now, then approve again."
                )
            )
    return report(record, meta, today)


def build_report_data(
    db: Database, assessment_id: int, today: dt.date, *, hold_country_data: bool = False
) -> ReportData:
    """The report of a stored version as it stands (a draft shows the draft watermark).
    `hold_country_data`: more reports follow in this process (the approval after the Review screen's
    preview, a batch's next report), so it reads and keeps the whole country data, which each of them then
    checks with one statement, rather than reading only this transfer's destinations."""
    return _report_data(db, assessment_id, today, hold_country_data=hold_country_data)


def render_for_approval(
    db: Database, assessment_id: int, lang: str, approver: Actor, today: dt.date, comment: str = ""
) -> bytes:
    """The unsigned PDF as it will be approved (status approved, sign-off filled, the approver's
    `comment` in the review history) for the caller to sign with `transfer_tool.signing` and pass to
    `approve()`. Refused if `approver` may not approve it."""
    require(approver, Action.REVIEW)
    with db.read() as s:
        audit.check_actor(s, approver)
    return _render_approved(db, assessment_id, lang, approver, _at(today), comment=comment)


def _render_approved(
    db: Database,
    assessment_id: int,
    lang: str,
    approver: Actor,
    at: dt.datetime,
    settings: OrgSettings | None = None,
    *,
    comment: str = "",
    as_read: ReadReport | None = None,
) -> bytes:
    """`render_for_approval` for a caller that has just checked the approver's role and account (and may
    have read the organisation's settings); `at` is the moment the report states as the approval's;
    `as_read`, the report the approver read (refused when the version no longer shows it)."""
    require(approver, Action.REVIEW)
    from transfer_tool.report.renderer import render_report  # ReportLab: only when a report is rendered

    data = _report_data(
        db,
        assessment_id,
        at.date(),
        approver=approver,
        approved_at=at,
        comment=comment,
        settings=settings,
        as_read=as_read,
    )
    return render_report(data, lang)
