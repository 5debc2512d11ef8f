"""Trusted certificates and verifying a signed report against them and against the database.

Administrators keep here the certificates whose signatures count as trusted: each manager's own
(self-signed by the tool) or the organisation's CA. `verify_document` is what the Verify screen and
`transfer-tool verify` call: the signature check of `signing.verify_pdf` with these certificates, plus
which assessment version the file is and whether it is the very copy the database keeps.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from transfer_tool.accounts.permissions import Action, Actor, require
from transfer_tool.assessment.evidence import find_by_pdf_hash
from transfer_tool.domain import AssessmentStatus
from transfer_tool.errors import NotFound, Problem, ValidationError
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.records import audit
from transfer_tool.signing.checking import (  # re-exported: what a file claims, and the checking process
    Checker,
    ClaimedReport,
    inspect_in_child,
    inspect_pdf,
    reference_from_metadata,
)
from transfer_tool.storage import admin_writes
from transfer_tool.storage.base import utcnow
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment, SignedReport
from transfer_tool.storage.models.core import Transfer, User
from transfer_tool.storage.models.signing import TrustedCertificate

if TYPE_CHECKING:  # pyHanko loads only when a document is verified; cryptography when a certificate is read
    from cryptography import x509

    from transfer_tool.signing.result import VerificationResult

__all__ = [
    "ClaimedReport",
    "DatabaseMatch",
    "DocumentVerification",
    "TrustedCertificateView",
    "add_trusted",
    "fingerprint_of",
    "get_trusted",
    "list_trusted",
    "parse_certificate",
    "reference_from_metadata",
    "registered_fingerprints",
    "remove_trusted",
    "trusted_pems",
    "verify_document",
]

_MAX_CERT_BYTES = 64 * 1024
_MAX_LABEL = 200


@dataclass(frozen=True)
class TrustedCertificateView:
    id: int
    label: str
    fingerprint_sha256: str
    subject: str
    not_after: dt.datetime
    added_by: str
    added_at: dt.datetime
    active: bool
    pem: bytes
    user_id: int | None = None  # whose own signing certificate it is (None: a CA or an outside signer)

    def expired(self, now: dt.datetime | None = None) -> bool:
        return self.not_after < (now or utcnow())

    @property
    def fingerprint_display(self) -> str:
        """AA:BB:... as certificate viewers show it."""
        fp = self.fingerprint_sha256.upper()
        return ":".join(fp[i : i + 2] for i in range(0, len(fp), 2))


def _view(row: TrustedCertificate) -> TrustedCertificateView:
    return TrustedCertificateView(
        id=row.id,
        label=row.label,
        fingerprint_sha256=row.fingerprint_sha256,
        subject=_readable_subject(row.pem, row.subject),
        not_after=row.not_after,
        added_by=row.added_by,
        added_at=row.added_at,
        active=row.active,
        pem=row.pem.encode("ascii"),
        user_id=row.user_id,
    )


def _readable_subject(pem: str, stored: str) -> str:
    """Who the certificate names, as people read it; the stored RFC 4514 text stays the audited record."""
    from cryptography import x509

    from transfer_tool.signing.names import readable_name

    try:
        return readable_name(x509.load_pem_x509_certificate(pem.encode("ascii")).subject) or stored
    except ValueError:
        return stored


def _dump(row: TrustedCertificate) -> dict[str, object]:
    return {
        "label": row.label,
        "fingerprint_sha256": row.fingerprint_sha256,
        "subject": row.subject,
        "not_after": row.not_after,
        "active": row.active,
        "user_id": row.user_id,
    }


def parse_certificate(data: bytes) -> x509.Certificate:
    """One X.509 certificate from PEM or DER bytes; anything else is a ValidationError saying what it is."""
    from cryptography import x509

    if len(data) > _MAX_CERT_BYTES:
        raise ValidationError(
            error_text(
                "The file is {0} KB: too large for a certificate. Choose the certificate file "
                "(.pem, .crt or .cer) of the signer or of your organisation's CA.",
                len(data) // 1024,
            )
        )
    if b"-----BEGIN" in data:
        if b"PRIVATE KEY-----" in data:
            raise ValidationError(
                "The file contains a private key. Never share keys: export only the certificate "
                "(e.g. `transfer-tool` writes the signer's .pem certificate next to the identity)."
            )
        try:
            certs = x509.load_pem_x509_certificates(data)
        except ValueError as exc:
            raise ValidationError(
                "The file is PEM text but holds no readable certificate. Choose a file with a "
                "'BEGIN CERTIFICATE' block."
            ) from exc
        if len(certs) != 1:
            raise ValidationError(
                error_text(
                    "The file holds {0} certificates. Add each one separately (e.g. the "
                    "organisation's root CA on its own).",
                    len(certs),
                )
            )
        return certs[0]
    try:
        return x509.load_der_x509_certificate(data)
    except ValueError as exc:
        raise ValidationError(
            "The file is not an X.509 certificate (PEM or DER). A signing identity (.p12/.pfx) holds a "
            "private key too: give the certificate exported from it instead."
        ) from exc


def _is_ca(cert: x509.Certificate) -> bool:
    from cryptography import x509

    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def fingerprint_of(cert: x509.Certificate) -> str:
    """SHA-256 of the certificate's DER encoding, as the trust list keeps it."""
    from cryptography.hazmat.primitives import serialization

    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def registered_fingerprints(session: Session, user_id: int) -> set[str]:
    """The active trusted certificates registered as `user_id`'s own signing certificate."""
    rows = session.execute(
        select(TrustedCertificate.fingerprint_sha256).where(
            TrustedCertificate.user_id == user_id, TrustedCertificate.active.is_(True)
        )
    ).scalars()
    return set(rows)


def _subject(cert: x509.Certificate) -> str:
    try:
        return cert.subject.rfc4514_string()
    except ValueError:  # an attribute that cannot be written as a string
        return repr(cert.subject)


def add_trusted(
    db: Database, actor: Actor, pem_or_der: bytes, label: str, *, owner: int | None = None
) -> TrustedCertificateView:
    """Trust signatures made with this certificate (or issued under it, for a CA).

    `owner` registers it as that user's own signing certificate: approvals by that user must be signed
    with it (`assessment.approval`). A certificate already trusted is refused; one that was removed is
    trusted again under the new label and owner."""
    require(actor, Action.MANAGE_TRUST)
    label = label.strip()
    problems: list[Problem] = []
    if not label:
        problems.append(Problem("label", "say whose certificate this is (e.g. 'Taro Yamada, DPO')"))
    elif len(label) > _MAX_LABEL:
        problems.append(Problem("label", error_text("keep the label under {0} characters", _MAX_LABEL)))
    if problems:
        raise ValidationError("The certificate cannot be added as entered.", problems)
    from cryptography.hazmat.primitives import serialization

    cert = parse_certificate(pem_or_der)
    der = cert.public_bytes(serialization.Encoding.DER)
    fingerprint = hashlib.sha256(der).hexdigest()
    pem = cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
    with db.unit_of_work() as s:
        if owner is not None:
            person = s.get(User, owner)
            if person is None or not person.active:
                raise ValidationError(
                    error_text(
                        "There is no active user no. {0} to register this certificate for; nothing was "
                        "added.",
                        owner,
                    ),
                    [Problem("owner", "choose an active user (see `transfer-tool users list`)")],
                )
            if _is_ca(cert):
                raise ValidationError(
                    "This is a CA certificate: register a person's own signing certificate (the one in "
                    "their .p12), not the authority that issued it; nothing was added.",
                    [Problem("owner", "a CA certificate belongs to no one user")],
                )
        row = s.execute(
            select(TrustedCertificate).where(TrustedCertificate.fingerprint_sha256 == fingerprint)
        ).scalar_one_or_none()
        if row is not None and row.active:
            raise ValidationError(
                error_text(
                    "This certificate is already trusted as '{0}' (no. {1}); nothing was added.",
                    row.label,
                    row.id,
                ),
                [Problem("certificate", error_text("SHA-256 fingerprint {0} is in the list", fingerprint))],
            )
        if row is not None:
            before = _dump(row)
            admin_writes.reactivate_certificate(
                s, actor.username, row, label=label, owner=owner, now=utcnow()
            )
            audit.record(s, actor, "reactivate", "trusted_certificate", row.id, before, _dump(row))
            return _view(row)
        row = admin_writes.add_certificate(
            s,
            actor.username,
            label=label,
            pem=pem,
            fingerprint=fingerprint,
            subject=_subject(cert)[:1000],
            not_after=cert.not_valid_after_utc,
            owner=owner,
        )
        audit.record(s, actor, "create", "trusted_certificate", row.id, None, _dump(row))
        return _view(row)


def list_trusted(db: Database, *, include_removed: bool = False) -> list[TrustedCertificateView]:
    with db.read() as s:
        q = select(TrustedCertificate).order_by(TrustedCertificate.id)
        if not include_removed:
            q = q.where(TrustedCertificate.active.is_(True))
        return [_view(r) for r in s.execute(q).scalars()]


def get_trusted(db: Database, cert_id: int) -> TrustedCertificateView:
    with db.read() as s:
        row = s.get(TrustedCertificate, cert_id)
        if row is None:
            raise NotFound(error_text("Trusted certificate no. {0} does not exist.", cert_id))
        return _view(row)


def remove_trusted(db: Database, actor: Actor, cert_id: int) -> TrustedCertificateView:
    """Stop trusting a certificate (kept, deactivated: documents it signed then verify as untrusted)."""
    require(actor, Action.MANAGE_TRUST)
    with db.unit_of_work() as s:
        row = s.get(TrustedCertificate, cert_id)
        if row is None or not row.active:
            raise NotFound(
                error_text(
                    "Trusted certificate no. {0} is not in the list. See `transfer-tool trust list` "
                    "for the numbers.",
                    cert_id,
                )
            )
        before = _dump(row)
        admin_writes.deactivate_certificate(s, actor.username, row)
        audit.record(s, actor, "deactivate", "trusted_certificate", row.id, before, _dump(row))
        return _view(row)


def trust_for_approval(db: Database, user_id: int | None) -> tuple[list[bytes], set[str]]:
    """The active certificates as PEM (for `signing.verify_pdf`) and the fingerprints of those registered
    as `user_id`'s own: one statement, since an approval needs both (across offices each is a round trip)."""
    cert = TrustedCertificate.__table__.c  # a table statement: no mapper set-up before the file is checked
    with db.read() as s:
        rows = s.execute(
            select(cert.pem, cert.fingerprint_sha256, cert.user_id)
            .where(cert.active.is_(True))
            .order_by(cert.id)
        ).all()
    pems = [pem.encode("ascii") for pem, _, _ in rows]
    own = {fp for _, fp, owner in rows if user_id is not None and owner == user_id}
    return pems, own


def trusted_pems(db: Database) -> list[bytes]:
    """The active certificates as PEM, for `signing.verify_pdf`."""
    return trust_for_approval(db, None)[0]


# ---- verifying a document -----------------------------------------------------------------------------


class DatabaseMatch(StrEnum):
    EXACT = "exact"  # byte for byte the signed copy the database keeps
    DIFFERS = "differs"  # names a version whose stored signed copy is a different file
    NO_STORED_COPY = "no_stored_copy"  # names a version that has no signed copy (not approved here)
    UNKNOWN = "unknown"  # names no assessment version of this database


@dataclass(frozen=True)
class DocumentVerification:
    signature: VerificationResult
    sha256: str
    match: DatabaseMatch
    assessment_id: int | None = None
    transfer_id: int | None = None
    reference: str = ""
    version_no: int | None = None
    stored_signer: str = ""
    stored_signed_at: dt.datetime | None = None
    stored_lang: str = ""
    file_lang: str = ""  # the language the file's metadata names ("" when not recognised)
    # A later version of the same transfer approved since: this file is then not the assessment in force,
    # however valid its signature (an auditor must ask for the later one).
    later_approved_version: int | None = None
    later_approved_at: dt.datetime | None = None

    @property
    def ok(self) -> bool:
        """Intact, covering the whole file, by a trusted signer (the database match is shown apart)."""
        return self.signature.ok

    @property
    def matches_database(self) -> bool:
        return self.match is DatabaseMatch.EXACT

    @property
    def identified(self) -> bool:
        return self.assessment_id is not None

    @property
    def not_the_record_in_force(self) -> bool:
        """Names a version of this database, yet is not its approved record in force: replaced by a later
        approval, never approved here (a draft signed with `sign`, say), or a file other than the signed
        copy kept at approval. The approval's copy in another language (the demo's courtesy copy) is not
        such a file: its content is the same version's."""
        if self.later_approved_version is not None or self.match is DatabaseMatch.NO_STORED_COPY:
            return True
        other_language = bool(self.file_lang and self.stored_lang and self.file_lang != self.stored_lang)
        return self.match is DatabaseMatch.DIFFERS and not other_language


def _by_reference(s: Session, reference: str, version_no: int) -> tuple[int, int] | None:
    hit = s.execute(
        select(Assessment.id, Assessment.transfer_id)
        .join(Transfer, Transfer.id == Assessment.transfer_id)
        .where(Transfer.reference == reference, Assessment.version_no == version_no)
    ).first()
    return (hit[0], hit[1]) if hit else None


def _later_approved(s: Session, transfer_id: int, version_no: int) -> tuple[int | None, dt.datetime | None]:
    """The newest approved version of the transfer after `version_no`, and when it was approved."""
    hit = s.execute(
        select(Assessment.version_no, Assessment.approved_at)
        .where(
            Assessment.transfer_id == transfer_id,
            Assessment.version_no > version_no,
            Assessment.status == AssessmentStatus.APPROVED,
        )
        .order_by(Assessment.version_no.desc())
        .limit(1)
    ).first()
    return (hit[0], hit[1]) if hit else (None, None)


def verify_document(
    db: Database,
    pdf: bytes,
    extra_trusted: Sequence[bytes] = (),
    *,
    isolated: bool = True,
    checker: Checker | None = None,
) -> DocumentVerification:
    """Check a signed report: signature (intact, whole file, trusted by this database's list or by
    `extra_trusted` certificates), which assessment version it is, and whether it is the copy stored at
    approval. Never raises on bad input. `isolated` parses the file in a child process with a memory cap
    (SECURITY.md: bounded resources; `checker`, when the caller started one early, is that process);
    False only for bytes the tool itself just made."""
    trusted = [*trusted_pems(db), *extra_trusted]
    if isolated and checker is not None:
        outcome = checker.inspect_later(pdf, trusted)  # the checking process works while this one looks up
    else:
        inspected = inspect_in_child(pdf, trusted) if isolated else inspect_pdf(pdf, trusted)
        outcome = lambda: inspected  # noqa: E731
    digest = hashlib.sha256(pdf).hexdigest()
    ref = find_by_pdf_hash(db, digest)
    signature, claimed = outcome()
    if ref is not None:
        with db.read() as s:
            later, later_at = _later_approved(s, ref.transfer_id, ref.version_no)
        return DocumentVerification(
            signature,
            digest,
            DatabaseMatch.EXACT,
            assessment_id=ref.assessment_id,
            transfer_id=ref.transfer_id,
            reference=ref.reference,
            version_no=ref.version_no,
            stored_signer=ref.signer_name,
            stored_signed_at=ref.signed_at,
            stored_lang=ref.lang,
            file_lang=ref.lang,
            later_approved_version=later,
            later_approved_at=later_at,
        )
    if claimed is None:
        return DocumentVerification(signature, digest, DatabaseMatch.UNKNOWN)
    reference, version_no, lang = claimed.reference, claimed.version_no, claimed.lang
    with db.read() as s:
        found = _by_reference(s, reference, version_no)
        if found is None:
            return DocumentVerification(
                signature,
                digest,
                DatabaseMatch.UNKNOWN,
                reference=reference,
                version_no=version_no,
                file_lang=lang,
            )
        assessment_id, transfer_id = found
        stored = s.execute(
            select(SignedReport)
            .where(SignedReport.assessment_id == assessment_id)
            .order_by(SignedReport.id.desc())
            .limit(1)
        ).scalar_one_or_none()
        later, later_at = _later_approved(s, transfer_id, version_no)
        return DocumentVerification(
            signature,
            digest,
            DatabaseMatch.DIFFERS if stored is not None else DatabaseMatch.NO_STORED_COPY,
            assessment_id=assessment_id,
            transfer_id=transfer_id,
            reference=reference,
            version_no=version_no,
            stored_signer=stored.signer_name if stored else "",
            stored_signed_at=stored.signed_at if stored else None,
            stored_lang=stored.lang if stored else "",
            file_lang=lang,
            later_approved_version=later,
            later_approved_at=later_at,
        )
