"""Issue 18, point 3: no internal code reaches a person. Both demo TIAs (English and Japanese, the signed
files `transfer_tool/demo.py` writes) read through pdftotext hold no snake_case identifier, dotted OID or
section tag; a certificate's name is shown as people read it (CN, O, e-mail), never as
`1.2.840.113549.1.9.1=`. (The screens are walked in tests/ui/test_i18n.py with the same pattern.)"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.visible_codes import codes_in
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment.tool_catalog import load_tool_catalog
from transfer_tool.countries.model import Regime, RegimeEntry
from transfer_tool.countries.shipped import load_shipped_dataset
from transfer_tool.demo import PDF_EN, PDF_JA, DemoResult, build_demo
from transfer_tool.domain import AdequacyStatus, RegimeCode
from transfer_tool.i18n.regime_names import UNNAMED, regime_name
from transfer_tool.i18n.terminology import shipped_terminology
from transfer_tool.notice.builder import NoticeSources, compose_notice
from transfer_tool.notice.document import to_markdown
from transfer_tool.report.data import Localized, RegimeTool, ReportData
from transfer_tool.report.docx_export import render_docx
from transfer_tool.report.renderer import render_report
from transfer_tool.report.sample import sample_report_data
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
        "EU_GDPR: adequate",
    )
    assert all(codes_in(x) for x in seen)
    fine = (
        "https://www.ppc.go.jp/files/pdf/251212_guidelines02.pdf",
        "privacy_team@netjapan.example",
        "us-west-2",
        "§4-1, Art. 28(3), 50 U.S.C. 1881a, ISO/IEC 27001, 2026-12-06, version 1.2.3",
        "EU GDPR, UK GDPR, APPI, LGPD, FADP, TR-000001, DPF",
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


# ---- a regime's code (session 11): the PDF and the Word draft name a regime, never print its code ----------

_ADDED = "EU_GDPR"  # a code the data's pattern allows and the shipped terminology does not name


def _with_regime(named: dict[str, Localized]) -> ReportData:
    """The sample report with a regime the terminology does not name in every place a regime is named."""
    data = sample_report_data()
    entry = RegimeEntry(regime=_ADDED, status=AdequacyStatus.NOT_ADEQUATE, verified=False)
    tool = RegimeTool(_ADDED, Localized("Standard contractual clauses", "標準契約条項"), "Why.")
    return replace(
        data,
        regimes=(*data.regimes, _ADDED),
        destination_status=(*data.destination_status, entry),
        country_data_unverified=(*data.country_data_unverified, _ADDED),
        tools=(*data.tools, tool),
        regime_names=named,
    )


def _pdf_text(data: ReportData, lang: str, tmp_path: Path) -> str:
    pdf = tmp_path / f"tia-{lang}.pdf"
    pdf.write_bytes(render_report(data, lang))
    return _text(pdf)


def _docx_text(data: ReportData, lang: str) -> str:
    document = docx.Document(io.BytesIO(render_docx(data, lang)))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_regime_the_terms_do_not_name_reads_by_the_datas_name(lang: str, tmp_path: Path) -> None:
    name = Localized("General Data Protection Regulation", "一般データ保護規則")
    data = _with_regime({_ADDED: name})
    for text in (_pdf_text(data, lang, tmp_path), _docx_text(data, lang)):
        assert _ADDED not in text and _ADDED in codes_in(f"under {_ADDED}.")  # the pattern would see it
        squashed = "".join(text.split())
        # applicable regimes, the status table, the unverified line, the tools table
        assert squashed.count("".join(name.get(lang).split())) >= 3, text


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_regime_nobody_names_reads_as_unnamed_never_as_its_code(lang: str, tmp_path: Path) -> None:
    data = _with_regime({})  # e.g. a record naming a regime the live country data no longer holds
    unnamed = "".join(shipped_terminology().get(UNNAMED, lang).split())
    assert unnamed != UNNAMED and codes_in(unnamed) == []
    for text in (_pdf_text(data, lang, tmp_path), _docx_text(data, lang)):
        assert _ADDED not in text
        assert "".join(text.split()).count(unnamed) >= 3, text
        assert [c for line in text.splitlines() for c in codes_in(line)] == []


def test_every_regime_the_data_can_hold_has_a_name_in_both_languages() -> None:
    """The shipped regimes (the only ones seeding writes; no service adds one) are named by the terminology
    in English and Japanese, and by the data itself; any other code reads as `regime.unnamed`."""
    terms = shipped_terminology()
    regimes = load_shipped_dataset().regimes
    assert set(regimes) == {c.value for c in RegimeCode}
    for code, regime in regimes.items():
        assert terms.entries[f"regime.{code}"].keys() >= {"en", "ja"}
        assert regime.name_en.strip() and regime.name_ja.strip()
        for lang in ("en", "ja"):
            assert regime_name(terms, code, lang) == terms.get(f"regime.{code}", lang)
    assert terms.entries[UNNAMED].keys() >= {"en", "ja"}
    assert regime_name(terms, _ADDED, "ja", {_ADDED: Localized(" ", "")}) == terms.get(UNNAMED, "ja")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_notice_names_a_regime_by_the_data_or_as_unnamed_never_by_its_code(lang: str) -> None:
    shipped = load_shipped_dataset()
    added = Regime(
        _ADDED, "General Data Protection Regulation", "一般データ保護規則", frozenset(), frozenset()
    )
    terms = shipped_terminology()
    for regimes, name in (
        ({**shipped.regimes, _ADDED: added}, added.name_ja if lang == "ja" else added.name_en),
        (shipped.regimes, terms.get(UNNAMED, lang)),
    ):
        src = NoticeSources(
            regime=_ADDED,
            dataset=replace(shipped, regimes=regimes),
            tools=load_tool_catalog(),
            catalog={},
            measure_names={},
            terms=terms,
        )
        text = to_markdown(compose_notice([], [], src, lang))
        assert name in text and _ADDED not in text, text
