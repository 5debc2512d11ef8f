"""Issue 18, point 3: no internal code reaches a person. Both demo TIAs (English and Japanese, the signed
files `transfer_tool/demo.py` writes) read through pdftotext hold no snake_case identifier, dotted OID or
section tag; a certificate's name is shown as people read it (CN, O, e-mail), never as
`1.2.840.113549.1.9.1=`. (The screens are walked in tests/ui/test_i18n.py with the same pattern.)"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.visible_codes import codes_in
from transfer_tool.accounts.permissions import Actor
from transfer_tool.demo import PDF_EN, PDF_JA, DemoResult, build_demo
from transfer_tool.signing import trust
from transfer_tool.signing.names import readable_name
from transfer_tool.storage.database import Database


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoResult]:
    home = tmp_path_factory.mktemp("demo-home")
    with pytest.MonkeyPatch.context() as mp:  # never the real user's data folder
        mp.setenv("TRANSFER_TOOL_DATA_DIR", str(home))
        yield build_demo(tmp_path_factory.mktemp("demo") / "out")


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode()


@pytest.mark.parametrize("name", [PDF_EN, PDF_JA])
def test_the_demo_tia_shows_no_internal_code(demo: DemoResult, name: str) -> None:
    text = _text(demo.directory / name)
    assert "Review history" in text or "レビュー履歴" in text  # the whole report was read
    found = [(line.strip(), codes_in(line)) for line in text.splitlines() if codes_in(line)]
    assert found == [], found


def test_the_pattern_finds_what_the_issue_saw() -> None:
    seen = (
        "eu_scc_m2",
        "contract_transparency",
        "facts.data_subjects_count",
        "EU: not_adequate -> adequate",
        "[law_practice] more on NSL",
        "1.2.840.113549.1.9.1=taro@example.jp",
        "cloud_act",
    )
    assert all(codes_in(x) for x in seen)
    fine = (
        "https://www.ppc.go.jp/files/pdf/251212_guidelines02.pdf",
        "privacy_team@netjapan.example",
        "us-west-2",
        "§4-1, Art. 28(3), 50 U.S.C. 1881a, ISO/IEC 27001, 2026-12-06, version 1.2.3",
    )
    assert [x for x in fine if codes_in(x)] == []


def _certificate(*attributes: x509.NameAttribute[str]) -> bytes:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(list(attributes))
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.PEM)


def test_a_certificate_name_reads_cn_o_and_e_mail_never_an_oid() -> None:
    pem = _certificate(
        x509.NameAttribute(NameOID.COUNTRY_NAME, "JP"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Net Japan Co., Ltd."),
        x509.NameAttribute(NameOID.COMMON_NAME, "山田 太郎"),
        x509.NameAttribute(NameOID.EMAIL_ADDRESS, "taro@netjapan.example"),
    )
    subject = x509.load_pem_x509_certificate(pem).subject
    assert "1.2.840.113549.1.9.1" in subject.rfc4514_string()  # what the screens used to show
    assert readable_name(subject) == "山田 太郎 · Net Japan Co., Ltd. · taro@netjapan.example"
    only_mail = x509.load_pem_x509_certificate(
        _certificate(x509.NameAttribute(NameOID.EMAIL_ADDRESS, "dpo@netjapan.example"))
    ).subject
    assert readable_name(only_mail) == "dpo@netjapan.example"


def test_the_trust_list_shows_the_readable_name(db: Database, admin: Actor) -> None:
    pem = _certificate(
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Pacific Contact Services Inc."),
        x509.NameAttribute(NameOID.EMAIL_ADDRESS, "privacy@pacificcontact.example"),
    )
    view = trust.add_trusted(db, admin, pem, "Importer's DPO")
    assert view.subject == "Pacific Contact Services Inc. · privacy@pacificcontact.example"
    assert [v.subject for v in trust.list_trusted(db)] == [view.subject]
    assert codes_in(view.subject) == []
