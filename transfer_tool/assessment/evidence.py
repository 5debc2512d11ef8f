"""Evidence files and signed reports: content stored once per SHA-256 and re-checked on every read.

A row (EvidenceFile, SignedReport) keeps the digest its content had when it was stored; reading hashes the
stored bytes again, so content changed behind the tool's back is reported instead of handed out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from transfer_tool.accounts.permissions import Action, Actor, require
from transfer_tool.domain import AssessmentStatus
from transfer_tool.errors import NotFound, Problem, ToolError, ValidationError
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.records import audit
from transfer_tool.storage.base import utcnow
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment, EvidenceFile, SignedReport
from transfer_tool.storage.models.core import Blob, Transfer

MAX_EVIDENCE_BYTES = 25 * 1024 * 1024
_EDITABLE = (AssessmentStatus.DRAFT, AssessmentStatus.RETURNED)
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class IntegrityFailure(ToolError):
    """Stored file content no longer matches the SHA-256 it was stored with (changed or lost)."""


@dataclass(frozen=True)
class EvidenceView:
    id: int
    assessment_id: int
    label: str
    filename: str
    sha256: str
    size: int
    added_by: str
    added_at: dt.datetime
    # Set by `add_evidence` only: the version's row version this call left when it made its caller an
    # author (a new row version although nobody saved the draft: a screen holding the one before adopts it).
    authored_row_version: int | None = None


@dataclass(frozen=True)
class SignedReportRef:
    """Where a signed PDF with a given SHA-256 is kept (for "matches the copy in the database")."""

    assessment_id: int
    transfer_id: int
    reference: str
    version_no: int
    sha256: str
    signer_name: str
    signed_at: dt.datetime
    lang: str


def sha256_hex(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


# ---- blobs ---------------------------------------------------------------------------------------------


def store_blob(session: Session, content: bytes) -> str:
    """Keep `content` once under its SHA-256; a stored copy that was damaged is replaced by this one."""
    digest = sha256_hex(content)
    if _insert_new(session, digest, content):
        return digest  # the usual case (a new file, a new signed copy): one statement, no read first
    blob = session.get(Blob, digest)
    if blob is None:
        session.add(Blob(sha256=digest, size=len(content), content=content))
    elif sha256_hex(blob.content) != digest:
        blob.content, blob.size = content, len(content)
    session.flush()
    return digest


def _insert_new(session: Session, digest: str, content: bytes) -> bool:
    """On PostgreSQL, insert the blob unless one with this digest is stored, and say whether it was (on
    SQLite a statement costs no round trip, and older SQLite libraries lack RETURNING)."""
    if session.get_bind().dialect.name != "postgresql":
        return False
    from sqlalchemy.dialects.postgresql import insert

    statement = (
        insert(Blob)
        .values(sha256=digest, size=len(content), content=content, created_at=utcnow())
        .on_conflict_do_nothing(index_elements=[Blob.sha256])
        .returning(Blob.sha256)
    )
    return session.execute(statement).first() is not None


def load_blob(session: Session, digest: str, what: str) -> bytes:
    """The stored bytes for `digest`; IntegrityFailure when they are missing or no longer match."""
    blob = session.get(Blob, digest)
    if blob is None:
        raise IntegrityFailure(
            f"The stored content of {what} is missing from the database (SHA-256 {digest}). "
            "Restore the database from a backup or attach the file again."
        )
    actual = sha256_hex(blob.content)
    if actual != digest:
        raise IntegrityFailure(
            f"The stored content of {what} has been changed since it was saved: its SHA-256 is now "
            f"{actual}, but {digest} was recorded. Do not rely on it; restore the database from a backup "
            "or attach the original file again."
        )
    return bytes(blob.content)


# ---- evidence ------------------------------------------------------------------------------------------


def _view(e: EvidenceFile) -> EvidenceView:
    return EvidenceView(e.id, e.assessment_id, e.label, e.filename, e.sha256, e.size, e.added_by, e.added_at)


def _dump(e: EvidenceFile) -> dict[str, object]:
    return {
        "assessment_id": e.assessment_id,
        "label": e.label,
        "filename": e.filename,
        "sha256": e.sha256,
        "size": e.size,
    }


def _clean_filename(filename: str) -> str:
    # Keep only the last path component (a path typed or dropped from another system).
    return re.split(r"[\\/]", filename.strip())[-1].strip()


def _editable_row(session: Session, assessment_id: int) -> Assessment:
    """The version, refused unless open for changes. On PostgreSQL its row is locked until the change
    commits: a submission or approval at the same moment waits for it, or it waits and then finds the
    version submitted (checked, then written, a file landed on the version the submitter had just
    submitted). Row security keeps a version a person may not edit out of such a lock: read plainly then."""
    row = None
    if session.get_bind().dialect.name == "postgresql":
        row = session.get(Assessment, assessment_id, with_for_update=True)
    row = row or session.get(Assessment, assessment_id)
    if row is None:
        raise NotFound(error_text("Assessment {0} does not exist.", assessment_id))
    if row.status not in _EDITABLE:
        ref = session.get(Transfer, row.transfer_id)
        name = f"{ref.reference if ref else 'The assessment'} version {row.version_no}"
        if row.status is AssessmentStatus.APPROVED:
            raise ValidationError(
                error_text(
                    "{0} is approved and frozen; its evidence cannot change. Start a new version to "
                    "add or remove evidence.",
                    name,
                )
            )
        raise ValidationError(
            error_text(
                "{0} is submitted for review; evidence can change again once the reviewer returns it.", name
            )
        )
    return row


def add_author(row: Assessment, user_id: int | None) -> list[int] | None:
    """Record `user_id` among the version's authors (four eyes by authorship); the tool itself is none.
    Returns the authors as they were when this added one (for the audit event), else None."""
    before = list(row.author_ids or [])
    if user_id is None or user_id in before:
        return None
    row.author_ids = [*before, user_id]  # a new list, so the JSON change is saved
    return before


def _record_author(session: Session, actor: Actor, row: Assessment) -> int | None:
    """Make `actor` an author of the version (four eyes); the row version this left when it did."""
    before = add_author(row, actor.user_id)
    if before is None:
        return None
    session.flush()
    audit.record(
        session,
        actor,
        "add_author",
        "assessment",
        row.id,
        {"author_ids": before},
        {"author_ids": row.author_ids},
    )
    return row.row_version


def add_evidence(
    db: Database, actor: Actor, assessment_id: int, filename: str, content: bytes, label: str
) -> EvidenceView:
    """Attach a file to a draft or returned assessment (its SHA-256 is kept and shown in the report)."""
    require(actor, Action.ASSESS)
    name = _clean_filename(filename)
    problems: list[Problem] = []
    if not label.strip():
        problems.append(Problem("label", "say what the file shows (e.g. 'Signed SCC Module 2')"))
    if len(label) > 300:
        problems.append(Problem("label", "keep the label under 300 characters"))
    if not name:
        problems.append(Problem("filename", "the file has no name"))
    if len(name) > 255:
        problems.append(Problem("filename", "the file name is longer than 255 characters; rename the file"))
    if not content:
        problems.append(Problem("content", error_text("{0} is empty", name or "the file")))
    if len(content) > MAX_EVIDENCE_BYTES:
        problems.append(
            Problem(
                "content",
                error_text(
                    "{0} is {1} MB; evidence files may be at most {2} MB. Attach a smaller extract or "
                    "a reference instead.",
                    name,
                    format(len(content) / 1024 / 1024, ".1f"),
                    MAX_EVIDENCE_BYTES // 1024 // 1024,
                ),
            )
        )
    if problems:
        raise ValidationError("The evidence file cannot be attached.", problems)
    with db.unit_of_work() as s:
        authored = _record_author(s, actor, _editable_row(s, assessment_id))
        digest = store_blob(s, content)
        e = EvidenceFile(
            assessment_id=assessment_id,
            label=label.strip(),
            filename=name,
            sha256=digest,
            size=len(content),
            added_by=actor.username,
        )
        s.add(e)
        s.flush()
        audit.record(s, actor, "add_evidence", "evidence_file", e.id, None, _dump(e))
        return replace(_view(e), authored_row_version=authored)


def remove_evidence(db: Database, actor: Actor, evidence_id: int) -> int | None:
    """Detach a file from a draft or returned assessment (the content stays if another row uses it).
    Returns the version's row version when this call made its caller an author (as `add_evidence`)."""
    require(actor, Action.ASSESS)
    with db.unit_of_work() as s:
        e = s.get(EvidenceFile, evidence_id)
        if e is None:
            raise NotFound(error_text("Evidence file {0} does not exist (any more).", evidence_id))
        authored = _record_author(s, actor, _editable_row(s, e.assessment_id))
        before = _dump(e)
        s.delete(e)
        audit.record(s, actor, "remove_evidence", "evidence_file", evidence_id, before, None)
        return authored


def evidence_rows(session: Session, assessment_id: int) -> list[EvidenceView]:
    q = select(EvidenceFile).where(EvidenceFile.assessment_id == assessment_id).order_by(EvidenceFile.id)
    return [_view(e) for e in session.execute(q).scalars()]


def evidence_for(db: Database, assessment_id: int) -> list[EvidenceView]:
    with db.read() as s:
        return evidence_rows(s, assessment_id)


def read_evidence(db: Database, evidence_id: int) -> bytes:
    """The file's content, after checking it still has the SHA-256 recorded when it was attached."""
    with db.read() as s:
        e = s.get(EvidenceFile, evidence_id)
        if e is None:
            raise NotFound(error_text("Evidence file {0} does not exist (any more).", evidence_id))
        return load_blob(s, e.sha256, f"the evidence file {e.filename!r} ({e.label})")


def copy_evidence(session: Session, from_assessment: int, to_assessment: int) -> int:
    """A new version starts with the files of the one it came from (same content, new rows)."""
    rows = session.execute(
        select(EvidenceFile).where(EvidenceFile.assessment_id == from_assessment).order_by(EvidenceFile.id)
    ).scalars()
    n = 0
    for e in list(rows):
        session.add(
            EvidenceFile(
                assessment_id=to_assessment,
                label=e.label,
                filename=e.filename,
                sha256=e.sha256,
                size=e.size,
                added_by=e.added_by,
                added_at=e.added_at,
            )
        )
        n += 1
    session.flush()
    return n


# ---- signed reports ------------------------------------------------------------------------------------


def store_signed_report(
    session: Session,
    row: Assessment,
    pdf: bytes,
    *,
    signer_name: str,
    lang: str,
    rendering: bytes,
    signed_at: dt.datetime,
) -> SignedReport:
    """Keep the signed copy, and the digest and size of the tool's rendering it signed (its prefix).
    `signed_at`: the approval's moment, which the copy's stamp and history state (not the clock read
    again when the row is written)."""
    digest = store_blob(session, pdf)
    report = SignedReport(
        assessment_id=row.id,
        version_no=row.version_no,
        sha256=digest,
        signer_name=signer_name,
        lang=lang,
        rendering_sha256=sha256_hex(rendering),
        rendering_size=len(rendering),
        signed_at=signed_at,
    )
    session.add(report)
    session.flush()
    return report


def signed_report(db: Database, assessment_id: int) -> bytes | None:
    """The signed PDF of an approved version (checked against its SHA-256), or None if there is none."""
    with db.read() as s:
        r = s.execute(
            select(SignedReport)
            .where(SignedReport.assessment_id == assessment_id)
            .order_by(SignedReport.id.desc())
            .limit(1)
        ).scalar_one_or_none()
        if r is None:
            return None
        return load_blob(s, r.sha256, f"the signed report of version {r.version_no}")


def find_by_pdf_hash(db: Database, sha256: str, *, rendering: bool = False) -> SignedReportRef | None:
    """Which approved version a PDF with this SHA-256 is the stored signed copy of (None if none); with
    `rendering`, the version whose stored signed copy was made from a rendering with this SHA-256."""
    digest = sha256.strip().lower()
    if not _SHA256.match(digest):
        raise ValidationError(
            error_text("{0} is not a SHA-256 digest (64 hexadecimal characters).", repr(sha256))
        )
    with db.read() as s:
        hit = s.execute(
            select(SignedReport, Assessment.transfer_id, Transfer.reference)
            .join(Assessment, Assessment.id == SignedReport.assessment_id)
            .join(Transfer, Transfer.id == Assessment.transfer_id)
            .where((SignedReport.rendering_sha256 if rendering else SignedReport.sha256) == digest)
            .order_by(SignedReport.id.desc())
            .limit(1)
        ).first()
        if hit is None:
            return None
        r, transfer_id, reference = hit
        return SignedReportRef(
            r.assessment_id,
            transfer_id,
            reference,
            r.version_no,
            r.sha256,
            r.signer_name,
            r.signed_at,
            r.lang,
        )
