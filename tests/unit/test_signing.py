"""Signing and verifying the TIA PDF: what the approver and a later reader see."""

from __future__ import annotations

import io
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.generic import pdf_string
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pypdf import PdfReader, PdfWriter

from transfer_tool.domain import AssessmentStatus
from transfer_tool.errors import ValidationError
from transfer_tool.report import render_report, render_report_with_layout
from transfer_tool.report.sample import sample_report_data
from transfer_tool.signing import (
    create_self_signed_identity,
    export_certificate_pem,
    sign_pdf,
    verify_pdf,
)
from transfer_tool.signing.testing import OfflinePki, make_test_pki


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> OfflinePki:
    return make_test_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def approved_pdf() -> bytes:
    return render_report(sample_report_data(AssessmentStatus.APPROVED), "ja")


def _sign(pdf: bytes, identity: Path, passphrase: str, **kw: Any) -> bytes:
    return sign_pdf(
        pdf,
        identity,
        passphrase,
        reason="TIA approved / 承認",
        location="Tokyo",
        signer_display_name="山田 太郎",
        **kw,
    )


@pytest.fixture(scope="module")
def signed_pdf(pki: OfflinePki, approved_pdf: bytes) -> bytes:
    return _sign(approved_pdf, pki.signer_p12, pki.passphrase, lang="ja")


def test_signed_report_verifies_as_trusted_intact_and_whole(pki: OfflinePki, signed_pdf: bytes) -> None:
    result = verify_pdf(signed_pdf, [pki.ca_pem])
    assert result.ok
    assert (result.signed, result.intact, result.trusted, result.covers_whole_file) == (
        True,
        True,
        True,
        True,
    )
    assert result.signer_name == "山田 太郎 (DPO)"
    assert result.signing_time is not None
    assert result.verdict.startswith("VALID")
    assert result.reasons == ()


def test_signature_sits_in_the_sign_off_box(signed_pdf: bytes) -> None:
    layout = render_report_with_layout(sample_report_data(AssessmentStatus.APPROVED), "ja").signature_field
    reader = PdfReader(io.BytesIO(signed_pdf))
    fields = reader.get_fields()
    assert fields is not None
    field = fields["ApproverSignature"]
    assert field["/FT"] == "/Sig" and "/V" in field
    widgets = [a.get_object() for a in reader.pages[layout.page_index].get("/Annots", [])]
    boxes = [[float(v) for v in w["/Rect"]] for w in widgets if w.get("/T") == "ApproverSignature"]
    assert boxes == [pytest.approx([round(v) for v in layout.box], abs=1)]
    assert "/AP" in widgets[[w.get("/T") for w in widgets].index("ApproverSignature")]  # visible stamp


def test_independent_validator_accepts_the_signature(signed_pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed_pdf)
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert "Signature is Valid." in out
    assert "Total document signed" in out
    assert "ETSI.CAdES.detached" in out  # PAdES
    assert "SHA-256" in out


def test_timestamped_signature_reports_a_valid_timestamp(pki: OfflinePki, approved_pdf: bytes) -> None:
    signed = _sign(approved_pdf, pki.signer_p12, pki.passphrase, timestamper=pki.timestamper())
    result = verify_pdf(signed, [pki.ca_pem])
    assert result.ok
    assert result.timestamp_present and result.timestamp_valid


def test_one_flipped_byte_is_reported_as_modified(pki: OfflinePki, signed_pdf: bytes) -> None:
    data = bytearray(signed_pdf)
    position = len(data) // 3  # inside the first signed byte range, in a content stream
    data[position] ^= 0x01
    result = verify_pdf(bytes(data), [pki.ca_pem])
    assert not result.ok
    assert not result.intact
    assert "modified" in result.verdict


def test_an_appended_update_is_reported(pki: OfflinePki, signed_pdf: bytes) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(signed_pdf))
    info = writer.trailer["/Info"]
    info["/Title"] = pdf_string("Harmless-looking new title")
    writer.update_container(info)
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]  # pyHanko leaves it unannotated
    result = verify_pdf(out.getvalue(), [pki.ca_pem])
    assert result.intact and result.trusted
    assert not result.covers_whole_file
    assert not result.ok
    assert "after signing" in result.verdict


def test_untrusted_signer_is_reported_as_untrusted(pki: OfflinePki, approved_pdf: bytes) -> None:
    signed = _sign(approved_pdf, pki.untrusted_p12, pki.passphrase)
    result = verify_pdf(signed, [pki.ca_pem])
    assert result.intact and result.covers_whole_file
    assert not result.trusted and not result.ok
    assert result.verdict.startswith("UNTRUSTED")
    assert result.signer_name == "Mallory Untrusted"


def test_self_signed_identity_is_trusted_once_its_certificate_is_listed(
    approved_pdf: bytes, tmp_path: Path
) -> None:
    path = create_self_signed_identity("鈴木 一郎", "ichiro@example.jp", "long passphrase", tmp_path / "keys")
    signed = _sign(approved_pdf, path, "long passphrase")
    assert not verify_pdf(signed, []).trusted
    certificate = export_certificate_pem(path, "long passphrase")
    assert certificate.startswith(b"-----BEGIN CERTIFICATE-----") and b"PRIVATE" not in certificate
    result = verify_pdf(signed, [certificate])
    assert result.ok and result.signer_name == "鈴木 一郎"


def test_self_signed_identity_file_is_private_and_encrypted(tmp_path: Path) -> None:
    path = create_self_signed_identity("山田 太郎", "taro@example.jp", "s3cret passphrase", tmp_path)
    assert path.parent == tmp_path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(path.read_bytes(), None)
    key, cert, _ = pkcs12.load_key_and_certificates(path.read_bytes(), b"s3cret passphrase")
    assert key is not None and cert is not None
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "山田 太郎"
    assert cert.extensions.get_extension_for_class(x509.KeyUsage).value.content_commitment


def test_short_passphrase_and_empty_name_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="passphrase"):
        create_self_signed_identity("山田 太郎", "", "short", tmp_path)
    with pytest.raises(ValidationError, match="name"):
        create_self_signed_identity("  ", "", "long enough passphrase", tmp_path)


def test_wrong_passphrase_is_a_validation_error(pki: OfflinePki, approved_pdf: bytes) -> None:
    with pytest.raises(ValidationError, match="passphrase"):
        _sign(approved_pdf, pki.signer_p12, "not the passphrase")


def test_a_pdf_without_the_field_gets_it_from_the_layout(pki: OfflinePki) -> None:
    rendered = render_report_with_layout(sample_report_data(AssessmentStatus.APPROVED), "en")
    signed = _sign(rendered.pdf, pki.signer_p12, pki.passphrase, field_layout=rendered.signature_field)
    assert verify_pdf(signed, [pki.ca_pem]).ok
    fields = PdfReader(io.BytesIO(signed)).get_fields()
    assert fields is not None and "/V" in fields["ApproverSignature"]


def _encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("user", "owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "expected"),
    [
        ("empty", lambda signed, unsigned: b"", "Not a PDF"),
        ("text", lambda signed, unsigned: b"hello, I am not a PDF", "Not a PDF"),
        ("png", lambda signed, unsigned: b"\x89PNG\r\n\x1a\n" + bytes(200), "Not a PDF"),
        ("truncated", lambda signed, unsigned: signed[: len(signed) // 2], ""),
        ("header only", lambda signed, unsigned: b"%PDF-1.7\n%%EOF", ""),
        ("unsigned", lambda signed, unsigned: unsigned, "not signed"),
        ("encrypted", lambda signed, unsigned: _encrypted_pdf(), "encrypted"),
    ],
)
def test_garbage_input_gives_a_result_not_an_exception(
    pki: OfflinePki,
    signed_pdf: bytes,
    approved_pdf: bytes,
    name: str,
    make: Callable[[bytes, bytes], bytes],
    expected: str,
) -> None:
    data = make(signed_pdf, approved_pdf)
    result = verify_pdf(data, [pki.ca_pem])
    assert not result.ok, name
    assert result.verdict
    assert expected in result.verdict


def test_broken_trusted_certificate_is_reported_and_ignored(pki: OfflinePki, signed_pdf: bytes) -> None:
    result = verify_pdf(
        signed_pdf, [b"-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n", pki.ca_pem]
    )
    assert result.trusted and result.intact
    assert any("could not be read" in reason for reason in result.reasons)
