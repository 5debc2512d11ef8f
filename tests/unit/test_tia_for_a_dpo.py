"""Issue 18, point 7: a TIA a DPO accepts (CNIL TIA guide 2025, ICO TRA, EDPB Recommendations 01/2020). The
pre-TIA gates, the destination's general framework and redress, whether the tool is enforceable there, the
UK data protection test for UK exporters, the competent supervisory authority (SCC Annex I.C), the
importer's co-adoption where the organisation wants it, every derogation condition (met or not), a
narrative conclusion always, and §6 titled "Supplementary measures" (Annex II is the TOMs)."""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.unit.test_report_builder import _fr_us_record, _sources
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.assessment.record import (
    AcceptanceItems,
    ConclusionRecord,
    RegimeSelection,
    ToolChoice,
)
from transfer_tool.assessment.report_builder import report_data_from
from transfer_tool.demo import PDF_EN, PDF_JA, DemoResult, build_demo
from transfer_tool.report.data import ReportData, localize
from transfer_tool.report.docx_export import render_docx
from transfer_tool.report.renderer import render_report
from transfer_tool.storage.database import Database


def _text(pdf: bytes | Path, mode: str = "-layout") -> str:
    """pdftotext's text: `-layout` keeps a row's label and value on one line, `-raw` the drawing order
    (a cell's wrapped lines, then the next cell)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = pdf if isinstance(pdf, Path) else Path(tmp) / "r.pdf"
        if not isinstance(pdf, Path):
            path.write_bytes(pdf)
        out = subprocess.run(["pdftotext", mode, str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode()


def _flat(pdf: bytes | Path) -> str:
    """The text in drawing order with every run of white space one space."""
    return re.sub(r"\s+", " ", _text(pdf, "-raw"))


def _value_of(text: str, label: str) -> str:
    """The layout line holding `label` (a two-column row: the label, then its value)."""
    return next(line for line in text.splitlines() if label in line).split(label, 1)[1].strip()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoResult]:
    home = tmp_path_factory.mktemp("demo-home")
    with pytest.MonkeyPatch.context() as mp:  # never the real user's data folder
        mp.setenv("TRANSFER_TOOL_DATA_DIR", str(home))
        yield build_demo(tmp_path_factory.mktemp("demo") / "out")


def test_the_demo_tia_carries_what_a_dpo_needs_in_english(demo: DemoResult) -> None:
    text = _text(demo.directory / PDF_EN)
    flat = _flat(demo.directory / PDF_EN)
    assert "1. Before the assessment" in text
    assert "Could the data be anonymised or minimised instead? Support agents must know" in flat
    assert "Who performs the assessment Legal (Hanako Sato, assessor)" in flat
    assert (
        "Competent supervisory authority (SCC Annex I.C) Personal Information Protection Commission" in flat
    )
    assert "General data-protection framework of the destination No comprehensive federal privacy law" in flat
    assert "Country data: (from general knowledge" in flat  # the basis the assessor read
    assert "Redress for data subjects Claims under the data processing agreement" in flat
    assert "Is the transfer tool enforceable at the destination? Yes The agreement is governed" in flat
    assert "UK data protection test" not in flat  # a JP exporter: the UK test is not asked
    assert "Co-adopted by the data importer Jennifer Morales, Privacy Officer" in flat
    assert "7. Supplementary measures\n" in text and "SCC Annex II" not in text
    reasoning = _value_of(text, "Reasoning  ")
    assert reasoning.startswith("The assessor adopted the tool's recommendation"), reasoning


def test_the_demo_tia_carries_what_a_dpo_needs_in_japanese(demo: DemoResult) -> None:
    flat = _flat(demo.directory / PDF_JA)
    for words in (
        "1. 評価の前提",
        "匿名化又は最小化で代替できないか",
        "所轄監督機関（SCC 附属書 I.C）",
        "移転先国の一般的な個人データ保護",
        "データ主体の救済手段",
        "移転手段は移転先国で執行可能か はい",
        "データ輸入者による共同採択 Jennifer Morales",
        "評価者は、次の理由により本ツールの推奨を採用した。",
    ):
        assert words in flat, words
    assert "附属書 II" not in flat and "7. 補完的措置 " in flat


def _report(**acceptance: Any) -> ReportData:
    record = _fr_us_record(acceptance=AcceptanceItems(**acceptance))
    return report_data_from(_sources(record))


def test_unanswered_dpo_items_say_not_answered_never_a_dash() -> None:
    text = _text(render_report(_report(), "en"))
    for label in (
        "Could the data be anonymised or",
        "Who performs the assessment",
        "Is the transfer tool enforceable at",
        "Redress for data subjects",
    ):
        assert _value_of(text, label).startswith("Not answered"), label
    assert "Not answered" in _value_of(text, "General data-protection framework")
    assert "Competent supervisory authority (SCC Annex I.C) Not answered" in _flat(
        render_report(_report(), "en")
    )


def test_a_uk_exporter_is_asked_the_data_protection_test() -> None:
    record = _fr_us_record(
        regimes=RegimeSelection(applied=("UK",)),
        acceptance=AcceptanceItems(uk_test_met=False, uk_test_reasoning="FISA 702 reaches the importer"),
    )
    data = report_data_from(_sources(record))
    assert data.acceptance.uk_test is not None and data.acceptance.uk_test.value is False
    flat = _flat(render_report(data, "en"))
    assert "not materially lower? (UK GDPR Art. 46(1A), (6)) No FISA 702 reaches the importer" in flat
    assert "英国のデータ保護テスト" in _flat(render_report(data, "ja"))


def test_every_derogation_condition_shows_met_or_not_and_why_it_stays_an_exception() -> None:
    tool = ToolChoice(
        "EU",
        "eu_derog_explicit_consent",
        "members agree",
        conditions_met=("explicit",),
        systematic_reason="Only for the yearly members' trip, booked one by one.",
    )
    data = report_data_from(_sources(_fr_us_record(tools=(tool,))))
    chosen = data.tools[0]
    assert [localize(x, "en")[:40] for x in chosen.conditions_met] == [
        "The data subject explicitly consented to"
    ]
    assert [localize(x, "en")[:30] for x in chosen.conditions_open] == ["Before consenting, the data su"]
    flat = _flat(render_report(data, "en"))
    assert "Condition confirmed: The data subject explicitly consented" in flat
    assert "Condition not confirmed: Before consenting" in flat
    assert "Why the derogation stays an exception: Only for the yearly members' trip" in flat


def test_a_conclusion_without_words_is_still_told_in_sentences() -> None:
    data = _report()
    chosen = data.conclusion.chosen
    record = _fr_us_record(conclusion=ConclusionRecord(chosen, chosen, ""))
    data = report_data_from(_sources(record))
    assert localize(data.conclusion.reason, "en").startswith("The assessor adopted the tool's recommendation")
    assert localize(data.conclusion.reason, "ja").startswith(
        "評価者は、次の理由により本ツールの推奨を採用した。"
    )
    assert _value_of(_text(render_report(data, "en")), "Reasoning  ") != "—"


def test_the_word_draft_has_the_same_items() -> None:
    from docx import Document

    data = _report(supervisory_authority="CNIL (France)", tool_enforceable=True, tool_enforceability="x")
    doc = Document(io.BytesIO(render_docx(data, "en")))
    texts = [p.text for p in doc.paragraphs]
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "1. Before the assessment" in texts and "CNIL (France)" in texts
    assert "Yes\nx" in cells and "Not answered" in cells
    assert not any("SCC Annex II" in t for t in texts)


def test_the_organisation_decides_whether_the_importer_co_adopts(db: Database, admin: Actor) -> None:
    assert service.get_org_settings(db).importer_sign_off is False
    wanted = dataclasses.replace(service.get_org_settings(db), importer_sign_off=True)
    assert service.set_org_settings(db, admin, wanted).importer_sign_off is True
    assert service.get_org_settings(db).importer_sign_off is True
    # Wanted but not yet given: the sign-off page says so.
    data = _report()
    data = dataclasses.replace(
        data, acceptance=dataclasses.replace(data.acceptance, importer_sign_off_wanted=True)
    )
    assert "Not yet co-adopted by the data importer." in _flat(render_report(data, "en"))
    assert "Co-adopted by the data importer" not in _flat(render_report(_report(), "en"))
