"""Trusted certificates kept by the admin, and verifying a signed report against them and the database."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import select

from transfer_tool import demo, signing
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import approval, service
from transfer_tool.errors import NotFound, PermissionDenied, ValidationError
from transfer_tool.records import audit
from transfer_tool.report import render_report
from transfer_tool.report.sample import sample_report_data
from transfer_tool.signing import trust
from transfer_tool.signing.testing import OfflinePki, make_test_pki
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import AuditEvent

TODAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> OfflinePki:
    return make_test_pki(tmp_path_factory.mktemp("pki"))


def _signed_approved(db: Database, legal: Actor, manager: Actor, pki: OfflinePki) -> tuple[int, bytes]:
    """The demo transfer assessed by `legal`, approved by `manager` with a CA-issued identity."""
    parties = demo.create_demo_parties(db, legal)
    t, _ = demo.create_demo_transfer(db, legal, parties)
    a = demo.fill_and_submit(db, legal, t.id, TODAY)
    # Approval needs the manager's own registered certificate; it is removed again afterwards, so the
    # trust list starts empty for what these tests check.
    registered = trust.add_trusted(
        db,
        Actor.system(),
        signing.export_certificate_pem(pki.signer_p12, pki.passphrase),
        "Max",
        owner=manager.user_id,
    )
    done = approval.approve_and_sign(
        db,
        manager,
        approval.ApprovalRequest(
            a.id, pki.signer_p12, pki.passphrase, "en", frozenset(service.REQUIRED_ATTESTATIONS), TODAY
        ),
    )
    trust.remove_trusted(db, Actor.system(), registered.id)
    signed = done.signed_pdf
    return a.id, signed


def _cert_of(pem: bytes) -> x509.Certificate:
    return x509.load_pem_x509_certificate(pem)


def test_admin_adds_lists_and_removes_a_certificate_and_each_change_is_audited(
    db: Database, admin: Actor, pki: OfflinePki
) -> None:
    added = trust.add_trusted(db, admin, pki.ca_pem, "Net Japan root CA")
    assert (added.label, added.active, added.added_by) == ("Net Japan root CA", True, "admin")
    assert added.subject == "Test Root CA · Test PKI" and not added.expired()  # as people read it
    der = _cert_of(pki.ca_pem).public_bytes(serialization.Encoding.DER)
    assert added.fingerprint_sha256 == hashlib.sha256(der).hexdigest()
    assert [c.id for c in trust.list_trusted(db)] == [added.id]
    assert trust.trusted_pems(db) == [pki.ca_pem]

    # The same certificate in DER is a duplicate, refused with the label it is already trusted under.
    with pytest.raises(ValidationError, match="already trusted as 'Net Japan root CA'"):
        trust.add_trusted(db, admin, der, "again")

    removed = trust.remove_trusted(db, admin, added.id)
    assert not removed.active
    assert trust.list_trusted(db) == [] and trust.trusted_pems(db) == []
    assert [c.id for c in trust.list_trusted(db, include_removed=True)] == [added.id]
    with pytest.raises(NotFound, match="not in the list"):
        trust.remove_trusted(db, admin, added.id)

    # Adding it again trusts it again (same row, new label).
    back = trust.add_trusted(db, admin, der, "Root CA (renewed trust)")
    assert (back.id, back.active, back.label) == (added.id, True, "Root CA (renewed trust)")

    with db.read() as s:
        actions = [
            e.action
            for e in s.execute(
                select(AuditEvent)
                .where(AuditEvent.table_name == "trusted_certificate")
                .order_by(AuditEvent.seq)
            ).scalars()
        ]
    assert actions == ["create", "deactivate", "reactivate"]
    assert audit.verify(db).ok


def test_only_admins_manage_trust(db: Database, legal: Actor, manager: Actor, pki: OfflinePki) -> None:
    for actor in (legal, manager):
        with pytest.raises(PermissionDenied, match="trusted certificates"):
            trust.add_trusted(db, actor, pki.ca_pem, "mine")
    assert trust.list_trusted(db) == []


def test_what_is_not_one_certificate_is_refused_with_the_reason(
    db: Database, admin: Actor, pki: OfflinePki, tmp_path: Path
) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    cases = {
        b"hello, I am not a certificate": "not an X.509 certificate",
        pki.signer_p12.read_bytes(): r"\.p12",
        key_pem + pki.ca_pem: "private key",
        pki.ca_pem + pki.ca_pem: "holds 2 certificates",
        b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n": "no readable certificate",
        b"\0" * 100_000: "too large",
    }
    for blob, message in cases.items():
        with pytest.raises(ValidationError, match=message):
            trust.add_trusted(db, admin, blob, "label")
    with pytest.raises(ValidationError) as no_label:
        trust.add_trusted(db, admin, pki.ca_pem, "  ")
    assert [p.location for p in no_label.value.problems] == ["label"]
    assert trust.list_trusted(db, include_removed=True) == []


def test_verify_document_names_the_version_and_follows_the_trust_list(
    db: Database, admin: Actor, legal: Actor, manager: Actor, pki: OfflinePki
) -> None:
    assessment_id, signed = _signed_approved(db, legal, manager, pki)
    a = service.get_assessment(db, assessment_id)

    untrusted = trust.verify_document(db, signed)
    assert untrusted.signature.intact and untrusted.signature.covers_whole_file
    assert not untrusted.signature.trusted and not untrusted.ok
    assert untrusted.match is trust.DatabaseMatch.EXACT and untrusted.matches_database
    assert (untrusted.assessment_id, untrusted.reference, untrusted.version_no) == (
        assessment_id,
        a.reference,
        1,
    )
    assert untrusted.stored_signer == manager.display_name

    ca = trust.add_trusted(db, admin, pki.ca_pem, "Test Root CA")
    ok = trust.verify_document(db, signed)
    assert ok.ok and ok.matches_database and ok.signature.signer_name == "山田 太郎 (DPO)"

    trust.remove_trusted(db, admin, ca.id)
    assert not trust.verify_document(db, signed).ok


def test_a_changed_copy_is_named_from_its_metadata_and_reported_as_differing(
    db: Database, admin: Actor, legal: Actor, manager: Actor, pki: OfflinePki
) -> None:
    assessment_id, signed = _signed_approved(db, legal, manager, pki)
    trust.add_trusted(db, admin, pki.ca_pem, "Test Root CA")
    i = signed.index(b"/Contents") - 400  # inside the signed byte range, away from the signature
    flipped = signed[:i] + bytes([signed[i] ^ 0x01]) + signed[i + 1 :]
    result = trust.verify_document(db, flipped)
    assert not result.ok and not result.signature.intact
    assert result.match is trust.DatabaseMatch.DIFFERS and not result.matches_database
    assert result.assessment_id == assessment_id and result.version_no == 1

    # An unsigned report of an unknown reference; garbage; an empty file: results, never exceptions.
    other = render_report(sample_report_data(), "en")
    r = trust.verify_document(db, other)
    assert (r.signature.signed, r.match, r.reference, r.version_no) == (
        False,
        trust.DatabaseMatch.UNKNOWN,
        "TIA-2026-0042",
        3,
    )
    for junk in (b"", b"%PDF-1.7\n garbage", b"\x89PNG\r\n" + b"x" * 100):
        r = trust.verify_document(db, junk)
        assert not r.ok and r.match is trust.DatabaseMatch.UNKNOWN and not r.identified


def test_a_submitted_version_rendered_but_not_approved_has_no_stored_copy(
    db: Database, legal: Actor, manager: Actor, pki: OfflinePki
) -> None:
    parties = demo.create_demo_parties(db, legal)
    t, _ = demo.create_demo_transfer(db, legal, parties)
    a = demo.fill_and_submit(db, legal, t.id, TODAY)
    pdf = service.render_for_approval(db, a.id, "ja", manager, TODAY)
    r = trust.verify_document(db, pdf)
    assert (r.match, r.assessment_id, r.signature.signed) == (
        trust.DatabaseMatch.NO_STORED_COPY,
        a.id,
        False,
    )
    assert trust.reference_from_metadata(pdf) == trust.ClaimedReport(t.reference, 1, "ja")
    assert r.file_lang == "ja"


def test_a_version_replaced_by_a_later_approval_says_which_one_is_in_force(
    db: Database, admin: Actor, legal: Actor, manager: Actor, pki: OfflinePki
) -> None:
    """An auditor holding v1's signed PDF after v2 was approved read VALID and nothing else."""
    assessment_id, first = _signed_approved(db, legal, manager, pki)
    trust.add_trusted(db, admin, pki.ca_pem, "Test Root CA")
    flipped = first[:-400] + bytes([first[-400] ^ 0x01]) + first[-399:]  # a copy that differs, same version
    for pdf in (first, flipped):
        assert trust.verify_document(db, pdf).later_approved_version is None  # v1 is still in force

    draft = service.new_version(db, legal, assessment_id)
    submitted = service.submit(db, legal, draft.id, TODAY)
    registered = trust.add_trusted(
        db,
        Actor.system(),
        signing.export_certificate_pem(pki.signer_p12, pki.passphrase),
        "Max",
        owner=manager.user_id,
    )
    second = approval.approve_and_sign(
        db,
        manager,
        approval.ApprovalRequest(
            submitted.id,
            pki.signer_p12,
            pki.passphrase,
            "en",
            frozenset(service.REQUIRED_ATTESTATIONS),
            TODAY,
        ),
    )
    trust.remove_trusted(db, Actor.system(), registered.id)

    for pdf, match in ((first, trust.DatabaseMatch.EXACT), (flipped, trust.DatabaseMatch.DIFFERS)):
        old = trust.verify_document(db, pdf)
        assert (old.match, old.version_no) == (match, 1)
        assert old.later_approved_version == 2
        assert old.later_approved_at == second.view.approved_at
    current = trust.verify_document(db, second.signed_pdf)
    assert current.ok and current.version_no == 2 and current.later_approved_version is None
