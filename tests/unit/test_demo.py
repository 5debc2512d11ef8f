"""The demo end to end: a real database, a complete assessment through the services, signed TIAs in
English and Japanese that verify with the tool and with poppler, and hold what the assessor typed."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from transfer_tool.accounts import users
from transfer_tool.assessment import service
from transfer_tool.demo import DEMO_PASSWORD, DemoResult, build_demo
from transfer_tool.domain import AssessmentStatus, TransferStatus
from transfer_tool.errors import ValidationError
from transfer_tool.i18n import stored_text
from transfer_tool.records import audit, audit_drift
from transfer_tool.register import register_search, transfers
from transfer_tool.report.terms import Terminology
from transfer_tool.signing import trust
from transfer_tool.storage.database import Database

# Every section of the report except the APPI consent information (this transfer relies on
# equivalent measures, not on consent).
SECTIONS = (
    "pre_assessment",
    "description",
    "parties",
    "regimes",
    "tools",
    "law_practice",
    "measures",
    "action_plan",
    "risk",
    "conclusion",
    "evidence",
    "review_history",
    "sign_off",
)
# Typed by the assessor or the reviewer in the services, shown as typed in both languages.
TYPED = (
    "Customer support and payment handling by Pacific Contact Services (US)",
    "Pacific Contact Services Inc.",
    "PCS Manila Support Center Inc.",
    "remote computing service provider",
    "Customer Support Department",
    "Please attach the signed data processing agreement as evidence.",
    "dpa-pacific-contact-services.txt",
    "山田 太郎 (Taro Yamada)",
    "佐藤 花子 (Hanako Sato)",
    "TR-000001",
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoResult]:
    home = tmp_path_factory.mktemp("demo-home")
    with pytest.MonkeyPatch.context() as mp:  # never the real user's data folder
        mp.setenv("TRANSFER_TOOL_DATA_DIR", str(home))
        yield build_demo(tmp_path_factory.mktemp("demo") / "out")


def _squashed_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True, text=True)
    return re.sub(r"\s+", "", out.stdout)


def test_both_signed_reports_verify_with_the_tool(built: DemoResult) -> None:
    db = Database(built.database_url)
    try:
        for pdf in (built.pdf_en, built.pdf_ja):
            v = trust.verify_document(db, pdf.read_bytes())
            s = v.signature
            assert (s.signed, s.intact, s.covers_whole_file, s.trusted) == (True, True, True, True), pdf
            assert v.ok and s.signer_name == "山田 太郎 (Taro Yamada)"
            assert (v.reference, v.version_no, v.assessment_id) == (
                "TR-000001",
                2,
                built.assessment_id,
            )  # the demo returns version 1 once
        en = trust.verify_document(db, built.pdf_en.read_bytes())
        assert en.match is trust.DatabaseMatch.EXACT  # the English copy is the one stored at approval
        ja = trust.verify_document(db, built.pdf_ja.read_bytes())
        assert (ja.match, ja.file_lang, ja.stored_lang) == (trust.DatabaseMatch.DIFFERS, "ja", "en")
    finally:
        db.dispose()


@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler's pdfsig is not installed")
def test_poppler_reports_both_signatures_valid_over_the_whole_document(built: DemoResult) -> None:
    for pdf in (built.pdf_en, built.pdf_ja):
        out = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True).stdout
        assert "Signature Validation: Signature is Valid." in out, out
        assert "Total document signed" in out, out
        assert "山田 太郎 (Taro Yamada)" in out


def test_the_reports_show_every_section_and_the_typed_values_in_both_languages(built: DemoResult) -> None:
    terms = Terminology.load()
    for lang, pdf in (("en", built.pdf_en), ("ja", built.pdf_ja)):
        text = _squashed_text(pdf)
        missing = [k for k in SECTIONS if re.sub(r"\s+", "", terms.get(f"section.{k}", lang)) not in text]
        assert missing == [], lang
        absent = [t for t in TYPED if re.sub(r"\s+", "", t) not in text]
        assert absent == [], lang
    assert "移転影響評価書" in _squashed_text(built.pdf_ja)


def test_the_demo_database_holds_the_story(built: DemoResult) -> None:
    db = Database(built.database_url)
    try:
        assessor = users.authenticate(db, "hanako.sato", DEMO_PASSWORD)
        manager = users.authenticate(db, "taro.yamada", DEMO_PASSWORD)
        a = service.get_assessment(db, built.assessment_id)
        assert a.status is AssessmentStatus.APPROVED and a.frozen
        assert (a.assessor_id, a.approver_id) == (assessor.id, manager.id)  # four eyes
        assert a.approved_at is not None
        assert service.evaluate_assessment(db, a.id, a.approved_at.date()).missing == ()
        t = transfers.get_transfer(db, a.transfer_id)
        assert t.status is TransferStatus.APPROVED
        assert [(o.reference, o.destination) for o in t.onward] == [(built.onward_reference, "PH")]
        assert {"contact", "financial"} <= set(t.data_categories)
        assert {"respond_requests", "manage_contracts"} <= set(t.purposes)
        assert t.recipient_type == "subcontractor"
        assert [c.section for c in service.comments_for(db, a.id, open_only=False)] == ["facts"]
        assert [e.filename for e in service.evidence_for(db, a.id)] == ["dpa-pacific-contact-services.txt"]
        assert service.signed_report(db, a.id) == built.pdf_en.read_bytes()
        assert [c.pem for c in trust.list_trusted(db)] == [built.certificate.read_bytes()]
        eu = [r for r in register_search.search(db) if r.exporter == "Net Japan Europe GmbH"]
        assert [r.status for r in eu] == [TransferStatus.DRAFT]
        assert audit.verify(db).ok
        assert audit_drift.drift(db) == []  # the review round and the approval match their audit trail
    finally:
        db.dispose()
    assert built.identity.stat().st_mode & 0o077 == 0  # the signing key is owner-only


def test_a_folder_that_holds_a_demo_is_refused(built: DemoResult) -> None:
    with pytest.raises(ValidationError, match="already holds a demo"):
        build_demo(built.directory)


def test_a_failed_build_leaves_the_folder_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from transfer_tool import signing

    target = tmp_path / "demo"
    target.mkdir()
    (target / "notes.txt").write_text("mine")

    def broken(*args: object, **kwargs: object) -> bytes:
        raise ValidationError("The signing device was unplugged.")

    monkeypatch.setattr(signing, "sign_pdf", broken)
    with pytest.raises(ValidationError, match="unplugged"):
        build_demo(target)
    assert [p.name for p in target.iterdir()] == ["notes.txt"]  # no half-built demo to refuse next time


def test_ctrl_c_while_the_database_is_set_up_leaves_no_half_built_demo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Ctrl-C a second into `demo -o DIR` (migrations and country data) left DIR with demo.sqlite3 and its
    -wal/-shm files, and the next run refused the folder as already holding a demo."""
    import signal

    from transfer_tool import demo as demo_module
    from transfer_tool.runtime.bootstrap import open_database as real_open  # what demo.py imports

    def interrupted(*args: Any, **kwargs: Any) -> Database:
        db = real_open(*args, **kwargs)  # the file is there, set up
        signal.raise_signal(signal.SIGINT)  # as a terminal's Ctrl-C: KeyboardInterrupt here
        return db

    monkeypatch.setattr(demo_module, "open_database", interrupted)
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine")
    for target in (tmp_path / "new", mine):
        with pytest.raises(KeyboardInterrupt):
            build_demo(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine"]  # the folder it made is gone
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]


def test_the_japanese_report_shows_the_engine_and_country_data_in_japanese(built: DemoResult) -> None:
    """No sentence the engine or the shipped country data wrote in English is left in the Japanese PDF."""
    en, ja = _squashed_text(built.pdf_en), _squashed_text(built.pdf_ja)
    catalogue = stored_text.catalogue("ja")
    shown_in_en = [
        english
        for english in stored_text.read_entries("ja")
        if "{" not in english and len(english) > 25 and re.sub(r"\s+", "", english) in en
    ]
    assert shown_in_en, "the English demo shows no catalogue text: the check below would prove nothing"
    left = [e for e in shown_in_en if re.sub(r"\s+", "", e) in ja]
    assert left == [], left
    for english in shown_in_en:
        # Table cells wrap and interleave in the extracted text: look for the translation's opening words.
        opening = re.sub(r"\s+", "", catalogue.translate(english))[:8]
        assert opening in ja, (english, opening)


def test_the_demos_privacy_notice_lists_the_approved_transfer_and_the_draft_apart(built: DemoResult) -> None:
    """Issue #24 on the demo: the approved JP → US transfer under the APPI with its route, the
    recipient's measures and its country's system; the EU subsidiary's draft only as planned."""
    from transfer_tool.notice import service as notice
    from transfer_tool.notice.document import to_markdown

    db = Database(built.database_url)
    try:
        jp = notice.preview(db, "JP", "ja")
        assert [(e.reference, e.destination, e.tool) for e in jp.entries] == [
            (built.transfer_reference, "US", "jp_equivalent_measures")
        ]
        assert jp.planned == ()
        text = to_markdown(jp.document)
        assert "Pacific Contact Services" not in text  # named only when an admin allows it
        assert "米国" in text and "フィリピン" in text  # the destination, remote access and onward
        assert "当該第三者が講ずる個人情報の保護のための措置" in text and "APEC CBPR" in text
        eu = notice.preview(db, "EU", "en")
        assert eu.entries == () and [p.destination for p in eu.planned] == ["US"]
        assert "No approved transfer is recorded under EU GDPR." in eu.document.plain_text()
        answer = to_markdown(notice.answer(db, built.transfer_reference, "en"))
        assert "FISA Section 702" in answer  # an obstacle the assessment found, and the measures taken
        assert "Quarterly report of requests" not in answer  # typed notes are not copied
    finally:
        db.dispose()


def _history(squashed: str) -> str:
    """The review history section of a squashed report text (English)."""
    return squashed.split("11.Reviewhistory")[-1].split("12.Evidence")[0]


def test_the_signed_report_holds_the_approvers_comment_as_the_stored_version_does(
    built: DemoResult, tmp_path: Path
) -> None:
    """The signed PDF is the record: it states the approval as stored, the approver's comment included,
    so it says what a later rendering of the same approved version says."""
    from transfer_tool.report.renderer import render_report

    signed = _history(_squashed_text(built.pdf_en))
    assert "Approvedwiththeplannedmeasures;re-evaluateinayear." in signed, signed
    db = Database(built.database_url)
    try:
        a = service.get_assessment(db, built.assessment_id)
        later = tmp_path / "later.pdf"
        assert a.approved_at is not None
        later.write_bytes(render_report(service.build_report_data(db, a.id, a.approved_at.date()), "en"))
    finally:
        db.dispose()
    assert _history(_squashed_text(later)) == signed


CONFIRMED = {
    "en": (
        "In approving, the approver confirmed that:",
        "the description of the transfer is accurate and complete;",
        "they have read the assessment and understand the risks it describes;",
        "they ratify the transfer tool and the supplementary measures chosen;",
        "the planned measures will be carried out by their owners and due dates.",
    ),
    "ja": (
        "承認に当たり、承認者は次の事項を確認しました。",
        "移転の記述は正確かつ完全であること",
        "評価を読み、そこに記載されたリスクを理解したこと",
        "選択された移転手段と補完的措置を承認すること",
        "予定された措置が担当者により期限までに実施されること",
    ),
}


def test_the_signed_report_states_what_the_approver_confirmed(built: DemoResult) -> None:
    """An auditor holding only the signed PDF reads the four confirmations the approval asked for (the
    screen's check boxes), in the report's language; before, the sign-off said only "reviewed and
    approved" (found walking the manager's screens, session 12)."""
    for lang, pdf in (("en", built.pdf_en), ("ja", built.pdf_ja)):
        text = _squashed_text(pdf)
        missing = [c for c in CONFIRMED[lang] if re.sub(r"\s+", "", c) not in text]
        assert missing == [], lang


def test_a_version_not_yet_approved_says_what_approval_will_confirm(
    built: DemoResult, tmp_path: Path
) -> None:
    from transfer_tool.assessment import reporting
    from transfer_tool.report.data import SignOff

    copy = tmp_path / "demo.sqlite3"  # the module's demo stays as built for the other tests
    shutil.copyfile(built.database_path, copy)
    db = Database(f"sqlite:///{copy}")
    try:
        onward = transfers.find_by_reference(db, built.onward_reference)
        assert onward is not None
        assessor = users.authenticate(db, "hanako.sato", DEMO_PASSWORD).actor()
        draft = service.start_assessment(db, assessor, onward)
        data = reporting.build_report_data(db, draft.id, dt.date(2026, 12, 7))
        assert data.sign_off == SignOff(
            confirmations=(
                "description_accurate",
                "risks_understood",
                "measures_ratified",
                "measures_will_be_carried_out",
            )
        )
    finally:
        db.dispose()


def test_a_draft_says_when_approval_will_set_the_re_evaluation_date(
    built: DemoResult, tmp_path: Path
) -> None:
    """Before approval the report said "Re-evaluation due —" while the wizard's conclusion step said "18
    months after approval" (the organisation's setting, which approval applies): both now say the latter;
    the signed report keeps the date approval set (found walking the legal user's screens, session 12)."""
    import dataclasses

    from transfer_tool.assessment import org_settings, reporting
    from transfer_tool.report.docx_export import render_docx
    from transfer_tool.report.renderer import render_report

    copy = tmp_path / "demo.sqlite3"
    shutil.copyfile(built.database_path, copy)
    db = Database(f"sqlite:///{copy}")
    try:
        admin = users.authenticate(db, "admin", DEMO_PASSWORD).actor()
        settings = org_settings.get_org_settings(db)
        org_settings.set_org_settings(db, admin, dataclasses.replace(settings, reevaluation_months=18))
        onward = transfers.find_by_reference(db, built.onward_reference)
        assert onward is not None
        assessor = users.authenticate(db, "hanako.sato", DEMO_PASSWORD).actor()
        draft = service.start_assessment(db, assessor, onward)
        data = reporting.build_report_data(db, draft.id, dt.date(2026, 12, 7))
        assert (data.conclusion.reevaluation_date, data.conclusion.reevaluation_months) == (None, 18)
        for lang, words in (("en", "18 months after approval"), ("ja", "承認の18か月後")):
            pdf = tmp_path / f"draft-{lang}.pdf"
            pdf.write_bytes(render_report(data, lang))
            assert _squashed_text(pdf).count(re.sub(r"\s+", "", words)) == 2, lang  # overview and conclusion
        import io

        from docx import Document

        text = "\n".join(
            cell.text
            for table in Document(io.BytesIO(render_docx(data, "en"))).tables
            for row in table.rows
            for cell in row.cells
        )
        assert "18 months after approval" in text
    finally:
        db.dispose()
    signed = _squashed_text(built.pdf_en)
    assert "monthsafterapproval" not in signed  # the signed report states the date approval set


def test_an_onward_transfer_says_it_is_assessed_separately_and_where_that_stands(built: DemoResult) -> None:
    """Each onward transfer is a transfer of its own with its own assessment: its "Safeguard" cell names it
    and its status (it was left blank, which read as "no safeguard" in a signed report)."""
    en, ja = _squashed_text(built.pdf_en), _squashed_text(built.pdf_ja)
    assert "AssessedseparatelyasTR-000001-01(New)" in en
    assert "TR-000001-01として個別に評価（新規）" in ja
