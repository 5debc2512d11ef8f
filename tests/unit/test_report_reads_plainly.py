"""Four things the TIA PDF said wrongly (s10 PDF review): a table row cut at a page break went on with
no name, a conclusion with no tool recommendation "departed" from one, a measure or tool no longer in the
catalogue printed its internal code (and an invented type), and the APPI country items' summary printed
in a TIA that does not apply the APPI. Checked on real PDFs (pdftotext) in English and Japanese, and in
the Word draft where it holds the same content."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.unit.test_assessment_fixtures import us
from tests.unit.test_report_builder import _fr_us_record, _sources
from tests.unit.test_report_says_what_was_said import _pdf_text, _row
from transfer_tool.assessment.record import (
    ChosenMeasure,
    ConclusionRecord,
    MeasureStatus,
    RegimeSelection,
)
from transfer_tool.assessment.report_builder import report_data_from
from transfer_tool.domain import Conclusion
from transfer_tool.report.data import ReportData, localize
from transfer_tool.report.docx_export import render_docx
from transfer_tool.report.renderer import render_report
from transfer_tool.report.sample import sample_report_data


def _docx_text(data: ReportData, lang: str) -> str:
    from docx import Document

    doc = Document(io.BytesIO(render_docx(data, lang)))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


# ---- 1. a row cut at a page break names the row it continues ----------------------------------------


def test_a_law_cut_at_a_page_break_is_named_on_the_next_page() -> None:
    record = _fr_us_record()
    long = "\n".join(f"Reason line {i:03d} on why the importer is in scope." for i in range(90))
    laws = tuple(
        dataclasses.replace(a, reasoning=long) if a.law_key == "fisa702" else a
        for a in record.law_practice.laws
    )
    record = dataclasses.replace(record, law_practice=dataclasses.replace(record.law_practice, laws=laws))
    data = report_data_from(_sources(record))
    for lang in ("en", "ja"):
        pages = _pdf_text(render_report(data, lang)).split("\f")
        cut = [p for p in pages if "Reason line" in p]
        assert len(cut) >= 2, lang  # the row runs over a page break
        assert "continued" not in cut[0] and "続き" not in cut[0], lang  # where it starts: its plain name
        for page in cut[1:]:
            # the tail's first cell: the law's name (its first line), then "(continued)" on the line below
            lines = page.splitlines()
            first = next(i for i, line in enumerate(lines) if "Reason line" in line)
            head = " ".join(
                line.split("  ")[0] if line.startswith(" ") else line for line in lines[first : first + 2]
            )
            assert re.search(r"FISA|外国情報監視法", lines[first]), (lang, lines[first])
            flat = re.sub(r"\s+", " ", head) if lang == "en" else re.sub(r"\s+", "", head)
            assert ("(continued)" if lang == "en" else "（続き）") in flat, (lang, head)


# ---- 2. no recommendation: nothing to depart from -------------------------------------------------------


def test_a_conclusion_without_a_reason_or_a_recommendation_does_not_depart_from_one() -> None:
    record = _fr_us_record()
    step = dataclasses.replace(record.law_practice, conclusion=None)  # so the tool recommends nothing
    record = _fr_us_record(law_practice=step, conclusion=ConclusionRecord(chosen=Conclusion.PROCEED))
    data = report_data_from(_sources(record))
    assert (data.conclusion.recommended, data.conclusion.chosen) == (None, Conclusion.PROCEED)
    en, ja = _pdf_text(render_report(data, "en")), _pdf_text(render_report(data, "ja"))
    flat_en, flat_ja = re.sub(r"\s+", " ", en), re.sub(r"\s+", "", ja)
    assert "other than the tool's recommendation" not in flat_en
    assert "the tool has no recommendation yet" in flat_en
    assert "推奨と異なる" not in flat_ja and "本ツールはまだ推奨を示していない" in flat_ja
    words = _docx_text(data, "en")
    assert "other than the tool's recommendation" not in words and "no recommendation yet" in words
    # with a recommendation, a different conclusion without a reason is still called so
    departed = _fr_us_record(conclusion=ConclusionRecord(chosen=Conclusion.PROCEED))
    departed_data = report_data_from(_sources(departed))
    assert departed_data.conclusion.recommended not in (None, Conclusion.PROCEED)
    assert "other than the tool's recommendation" in localize(departed_data.conclusion.reason, "en")


# ---- 3. a catalogue entry removed since: a plain statement, never its code ------------------------------


def test_a_measure_or_tool_no_longer_in_the_catalogue_prints_no_code() -> None:
    record = _fr_us_record()
    retired = ChosenMeasure(
        "tech_retired_escrow_v1", MeasureStatus.IN_PLACE, notes="Our own key escrow in Lyon"
    )
    tools = tuple(
        dataclasses.replace(t, tool="eu_retired_tool_v0", justification="Signed in 2019")
        for t in record.tools
    )
    record = dataclasses.replace(record, measures=(*record.measures, retired), tools=tools)
    data = report_data_from(_sources(record))
    en, ja = _pdf_text(render_report(data, "en")), _pdf_text(render_report(data, "ja"))
    for text in (en, ja, _docx_text(data, "en"), _docx_text(data, "ja")):
        assert "tech_retired_escrow_v1" not in text and "eu_retired_tool_v0" not in text
        assert "Our own key escrow in Lyon" in text and "Signed in 2019" in text  # as the assessor typed
    row = _row(en, "A measure that is no longer in the catalogue")
    assert "Organisational" not in row and "Technical" not in row and "Contractual" not in row, row
    tool_rows = [x for x in en.splitlines() if x.strip().startswith("EU GDPR") and "Signed in 2019" in x]
    assert tool_rows and "A transfer tool that is no longer in" in tool_rows[0], tool_rows  # wrapped
    assert localize(data.tools[0].tool, "ja") == "カタログに存在しなくなった移転手段"
    flat_ja = re.sub(r"\s+", "", ja)
    assert "カタログに存在しなくなった措置" in flat_ja and any(
        x.strip().startswith("EU GDPR") and "カタログに存在し" in x for x in ja.splitlines()
    )
    ja_row = _row(ja, "カタログに存在しなくなった措置")
    assert "組織的" not in ja_row, ja_row
    # planned, it is in the action plan and the conclusion's grounds too: named the same plain way
    planned = dataclasses.replace(retired, status=MeasureStatus.PLANNED)
    record = dataclasses.replace(record, measures=(*record.measures[:-1], planned))
    data = report_data_from(_sources(record))
    assert localize(data.action_plan[-1].action, "en").startswith(
        "Put in place: A measure that is no longer in the catalogue"
    )
    for lang in ("en", "ja"):
        assert "tech_retired_escrow_v1" not in _pdf_text(render_report(data, lang)), lang
    assert "tech_retired_escrow_v1" not in _docx_text(data, "en")


# ---- 4. the APPI country items' summary only where the APPI is applied ----------------------------------

_SUMMARY = "(from general knowledge; check against the PPC country report) Sectoral laws only."


def _with_appi_summary(regimes: RegimeSelection) -> ReportData:
    dest = us()
    assert dest.appi is not None
    dest = dataclasses.replace(dest, appi=dataclasses.replace(dest.appi, system_summary=_SUMMARY))
    return report_data_from(_sources(_fr_us_record(regimes=regimes), destination=dest))


def test_the_appi_country_summary_prints_only_where_the_appi_is_applied() -> None:
    eu_only = _with_appi_summary(RegimeSelection(applied=("EU",)))
    assert eu_only.acceptance.framework_basis == ""
    for text in (_pdf_text(render_report(eu_only, "en")), _docx_text(eu_only, "en")):
        assert "PPC country report" not in text
    assert "PPC country report" not in _pdf_text(render_report(eu_only, "ja"))
    with_appi = _with_appi_summary(RegimeSelection(applied=("EU", "JP")))
    assert localize(with_appi.acceptance.framework_basis, "en") == _SUMMARY
    assert "check against the PPC country report" in re.sub(
        r"\s+", " ", _pdf_text(render_report(with_appi, "en"))
    )


# ---- 1, in the Word draft: Word cuts rows itself, so a row is kept whole ---------------------------------


def test_the_word_draft_keeps_each_table_row_whole_on_a_page() -> None:
    from docx import Document
    from docx.oxml.ns import qn

    doc = Document(io.BytesIO(render_docx(sample_report_data(), "en")))
    for table in doc.tables:
        body = [
            row for row in table.rows if row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None
        ]
        assert body and all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in body)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_lays_out_the_word_draft_with_no_nameless_row_tail(tmp_path: Path) -> None:
    """On the sample, Word's own layout (LibreOffice's) cut the risk table's "Combined for this law" row
    and began page 8 with a bare "%" under the repeated header."""
    (tmp_path / "tia-en.docx").write_bytes(render_docx(sample_report_data(), "en"))
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "tia-en.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "tia-en.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Per year:" in text
    for number, page in enumerate(text.split("\f"), start=1):
        lines = [line for line in page.splitlines() if line.strip()]
        for i, line in enumerate(lines):
            if line.strip() == "%":  # a wrapped "Per year: 0.05 %": its row must be just above it
                assert i > 0 and "Per year:" in lines[i - 1], (number, lines[max(0, i - 2) : i + 1])
