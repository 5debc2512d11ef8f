"""What approval and report building refuse, and where signing keys never go:

- approval keeps only the tool's own rendering of the version with a signature added that is intact,
  covers the whole file and was made with the approver's registered certificate;
- a report is not built from evidence whose stored content no longer has its recorded SHA-256;
- no private key or passphrase reaches the database; the tool's key files are owner-only and encrypted.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.pdf_utils.generic import pdf_string
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from sqlalchemy import select, update

from tests import approval_support, signed_pdfs
from tests.unit.test_roles_matrix import TODAY, World, fingerprint
from transfer_tool import signing
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import approval, approval_store, service
from transfer_tool.domain import AssessmentStatus, Role
from transfer_tool.errors import ValidationError
from transfer_tool.signing import trust
from transfer_tool.storage.base import Base
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import Blob

ATTESTED = set(service.REQUIRED_ATTESTATIONS)


def _store(
    db: Database, actor: Actor, assessment_id: int, pdf: bytes, rendering: bytes
) -> service.AssessmentView:
    """The last step of `approval.approve_and_sign`, which checks what it is handed before keeping it."""
    return approval_store._store_approval(
        db,
        actor,
        assessment_id,
        signed_pdf=pdf,
        rendering=rendering,
        lang="en",
        signer_name=actor.display_name,
        at=dt.datetime.combine(TODAY, dt.time(9), tzinfo=dt.UTC),
        attestations=ATTESTED,
    )


def _flipped(pdf: bytes) -> bytes:
    data = bytearray(pdf)
    data[len(data) // 3] ^= 0x01  # inside the first signed byte range, in a content stream
    return bytes(data)


def _flipped_at(pdf: bytes, index: int) -> bytes:
    data = bytearray(pdf)
    data[index] ^= 0x01
    return bytes(data)


def _appended(pdf: bytes) -> bytes:
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    info = writer.trailer["/Info"]
    info["/Title"] = pdf_string("Harmless-looking new title")
    writer.update_container(info)
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]  # pyHanko leaves it unannotated
    return out.getvalue()


BAD_COPIES: dict[str, tuple[Callable[[bytes, bytes], bytes], str]] = {
    # name: (make it from (unsigned, signed), what the refusal says)
    "unsigned": (lambda unsigned, _signed: unsigned, "not the tool's rendering of this version"),
    "one byte of the rendering changed": (
        lambda _unsigned, signed: _flipped(signed),
        "not the tool's rendering of this version",
    ),
    "one byte of the signing update changed": (
        lambda unsigned, signed: _flipped_at(signed, len(unsigned) + 30),
        "changed after signing",
    ),
    "update appended": (
        lambda _unsigned, signed: _appended(signed),
        "added to the report after it was signed",
    ),
    "garbage after the header": (
        lambda _u, _s: b"%PDF-1.7\n" + b"\x00garbage" * 50,
        "not the tool's rendering of this version",
    ),
    "the rendering with garbage appended": (lambda unsigned, _s: unsigned + b"\x00garbage", "not signed"),
}


def test_approval_keeps_only_the_rendering_signed_intact_over_the_whole_file(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    submitted = World(db, admin, legal, manager).submitted()
    unsigned = service.render_for_approval(db, submitted.id, "en", manager, TODAY)
    approval_support.register(
        db, manager, signing.export_certificate_pem(signed_pdfs.identity(), signed_pdfs.PASSPHRASE)
    )
    signed = signed_pdfs.sign(unsigned, manager.display_name)
    before = fingerprint(db)
    for name, (make, says) in BAD_COPIES.items():
        with pytest.raises(ValidationError) as refused:
            _store(db, manager, submitted.id, make(unsigned, signed), unsigned)
        problems = {p.location: p.message for p in refused.value.problems}
        assert says in problems.get("signed_pdf", ""), (name, refused.value.details())
    assert fingerprint(db) == before, "a refused approval changed the database"
    assert service.get_assessment(db, submitted.id).status is AssessmentStatus.SUBMITTED

    approved = _store(db, manager, submitted.id, signed, unsigned)
    assert approved.status is AssessmentStatus.APPROVED
    assert service.signed_report(db, submitted.id) == signed


def _damage_blob(db: Database, digest: str, content: bytes) -> None:
    with db.unit_of_work() as s:
        s.execute(update(Blob).where(Blob.sha256 == digest).values(content=content))


def test_a_report_is_not_built_from_evidence_whose_stored_content_changed(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    w = World(db, admin, legal, manager)
    a = w.submitted()
    a = service.return_with_comments(
        db, manager, a.id, [("evidence", "Attach the DPA and the questionnaire.")]
    )
    service.add_evidence(db, legal, a.id, "questionnaire.pdf", b"%PDF-1.4 answers", "Importer questionnaire")
    dpa = service.add_evidence(db, legal, a.id, "signed-dpa.pdf", b"%PDF-1.4 the signed DPA", "Signed DPA")
    a = service.submit(db, legal, a.id, TODAY)
    files = {e.filename for e in service.build_report_data(db, a.id, TODAY).evidence}
    assert {"questionnaire.pdf", "signed-dpa.pdf"} <= files

    _damage_blob(db, dpa.sha256, b"%PDF-1.4 a different DPA")
    for build in (
        lambda: service.build_report_data(db, a.id, TODAY),
        lambda: service.render_for_approval(db, a.id, "en", manager, TODAY),
    ):
        with pytest.raises(service.IntegrityFailure) as refused:
            build()
        message = str(refused.value)
        assert "'signed-dpa.pdf' (Signed DPA)" in message and "was not built" in message
        assert "questionnaire" not in message

    _damage_blob(db, dpa.sha256, b"%PDF-1.4 the signed DPA")  # the original content back
    assert {e.filename for e in service.build_report_data(db, a.id, TODAY).evidence} == files


# ---- signing keys ---------------------------------------------------------------------------------------


@pytest.fixture
def open_umask() -> Iterator[None]:
    """Files created under umask 0 get exactly the mode the tool asks for."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def _needles(key: rsa.RSAPrivateKey, passphrase: str) -> tuple[list[bytes], list[str]]:
    """Byte and text forms a leaked key or passphrase could take in a column."""
    pkcs8 = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    traditional = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    d = key.private_numbers().d
    d_bytes = d.to_bytes((d.bit_length() + 7) // 8, "big")
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    texts = [
        passphrase,
        "PRIVATE KEY",
        base64.b64encode(pkcs8).decode()[40:120],
        base64.b64encode(traditional).decode()[40:120],
        d_bytes.hex()[:64],
        str(d)[:60],
    ]
    return [pkcs8, traditional, d_bytes, pem, passphrase.encode()], texts


def _every_value(db: Database) -> Iterator[tuple[str, object]]:
    with db.read() as s:
        for table in Base.metadata.sorted_tables:
            for row in s.execute(select(table)):
                for column, value in zip(table.columns, row, strict=True):
                    yield f"{table.name}.{column.name}", value


def test_no_private_key_or_passphrase_reaches_the_database_and_key_files_are_private(
    db: Database, admin: Actor, legal: Actor, manager: Actor, tmp_path: Path, open_umask: None
) -> None:
    passphrase = "Kagi no aikotoba 2026"
    identity = signing.create_self_signed_identity(
        "Max Manager 山田", "max@example.com", passphrase, tmp_path
    )
    assert stat.S_IMODE(identity.stat().st_mode) == 0o600

    # Encrypted: no key without the passphrase, and the file holds no plain key bytes.
    data = identity.read_bytes()
    for wrong in (None, b"", b"wrong passphrase"):
        with pytest.raises(ValueError):
            pkcs12.load_key_and_certificates(data, wrong)
    with pytest.raises(ValidationError, match="passphrase does not open"):
        signing.open_identity(identity, "wrong passphrase")
    key = signing.open_identity(identity, passphrase).key
    assert isinstance(key, rsa.RSAPrivateKey)
    blobs, texts = _needles(key, passphrase)
    assert not any(b in data for b in blobs[:3]), "the identity file holds the key unencrypted"

    # Everything that touches the key: register its certificate, approve (render, sign), verify again.
    pem = signing.export_certificate_pem(identity, passphrase)
    trust.add_trusted(db, admin, pem, "Max's signature", owner=manager.user_id)
    a = World(db, admin, legal, manager).submitted()
    done = approval.approve_and_sign(
        db, manager, approval.ApprovalRequest(a.id, identity, passphrase, "en", frozenset(ATTESTED), TODAY)
    )
    signed = done.signed_pdf
    assert trust.verify_document(db, signed).ok
    users.create_user(db, admin, "kagi", "Passphrase Reuser", passphrase, Role.LEGAL)  # hashed, not kept

    scanned = 0
    for where, value in _every_value(db):
        scanned += 1
        if isinstance(value, bytes | bytearray | memoryview):
            raw = bytes(value)
            assert not any(b in raw for b in blobs), f"key material in {where}"
        elif value is not None:
            text = value if isinstance(value, str) else json.dumps(value, default=str, ensure_ascii=False)
            assert not any(t in text for t in texts), f"key material or the passphrase in {where}"
    assert scanned > 1000  # the scan did look at the data (country data, audit log, PDFs)
