"""Issue 18, point 2: the signed TIA states only what the assessor said. An unanswered question prints "Not
answered" (never "No"/いいえ) in the PDF and the Word draft, and is a missing item where the conclusion
depends on it; ticked special-category data shows in the categories and in Annex I.B with what was written."""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.unit.test_assessment_fixtures import context, us
from tests.unit.test_assessment_service import TODAY
from tests.unit.test_report_builder import _fr_us_record, _sources, _transfer_view
from transfer_tool.assessment.completeness import missing_items
from transfer_tool.assessment.record import (
    AppiConsentFacts,
    AssessmentRecord,
    ConclusionRecord,
    LawAssessment,
    RegimeSelection,
    ToolChoice,
    TransferFacts,
)
from transfer_tool.assessment.report_builder import report_data_from
from transfer_tool.assessment.risk import blank_law_risk
from transfer_tool.domain import AssessmentStatus, Conclusion
from transfer_tool.report.data import ReportData, localize
from transfer_tool.report.docx_export import render_docx
from transfer_tool.report.renderer import render_report


def _pdf_text(pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "r.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode()


def _row(text: str, starts: str) -> str:
    """The layout line of a table row that starts with `starts` (the cells follow on the same line)."""
    return next(line for line in text.splitlines() if line.strip().startswith(starts))


def _unanswered_cloud_act() -> ReportData:
    record = _fr_us_record()
    laws = tuple(
        dataclasses.replace(a, applies=None, reasoning="") if a.law_key == "cloud_act" else a
        for a in record.law_practice.laws
    )
    if not any(a.law_key == "cloud_act" for a in laws):
        laws += (LawAssessment("cloud_act", None, ""),)
    record = dataclasses.replace(record, law_practice=dataclasses.replace(record.law_practice, laws=laws))
    return report_data_from(_sources(record))


def test_an_unanswered_law_prints_not_answered_in_english_and_japanese() -> None:
    data = _unanswered_cloud_act()
    cloud = next(f for f in data.law_and_practice.laws if localize(f.name, "en") == "CLOUD Act")
    assert cloud.applies is None
    en = _pdf_text(render_report(data, "en"))
    # the row's block up to the next table (the DRAFT watermark's letters can fall between its lines)
    row = en.split("CLOUD Act")[1].split("Practical experience")[0]
    assert "Not answered" in row and not re.search(r"\bNo\s+No\b", row), row  # problematic: No; applies: ?
    ja = _pdf_text(render_report(data, "ja"))
    assert "未回答" in ja
    answered_no = next(f for f in data.law_and_practice.laws if f.applies is False)
    assert answered_no.applies is False  # an answered "No" stays "No"


def test_the_word_draft_says_not_answered_too() -> None:
    from docx import Document

    data = _unanswered_cloud_act()
    doc = Document(io.BytesIO(render_docx(data, "en")))
    rows = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    cloud = next(r for r in rows if r and r[0] == "CLOUD Act")
    assert cloud[2] == "Not answered", cloud
    doc_ja = Document(io.BytesIO(render_docx(data, "ja")))
    rows_ja = [[c.text for c in row.cells] for t in doc_ja.tables for row in t.rows]
    assert any("未回答" in r for r in rows_ja)


def test_an_unanswered_problematic_law_is_a_missing_item() -> None:
    record = _fr_us_record()
    laws = tuple(
        dataclasses.replace(a, applies=None) if a.law_key == "fisa702" else a
        for a in record.law_practice.laws
    )
    record = dataclasses.replace(record, law_practice=dataclasses.replace(record.law_practice, laws=laws))
    fields = [g.field for g in missing_items(record, context(us()), TODAY)]
    assert "law_practice.fisa702.applies" in fields


@pytest.mark.parametrize("details", ["Health data: diagnoses in support tickets", ""])
def test_ticked_special_category_data_shows_in_the_categories_and_annex_i_b(details: str) -> None:
    record = _fr_us_record()
    record = dataclasses.replace(record, facts=dataclasses.replace(record.facts, sensitive_data=True))
    view = dataclasses.replace(_transfer_view(), special_categories=True, sensitive_details=details)
    data = report_data_from(_sources(record, transfer=view))
    assert any(c.sensitive for c in data.transfer.data_categories)
    en = _pdf_text(render_report(data, "en"))
    ja = _pdf_text(render_report(data, "ja"))
    if details:
        assert re.search(r"Special categories of data:\s+Health data", en), en
        assert "要配慮個人情報等：Health" in ja.replace(" ", "")
        assert "Health data: diagnoses" in _row(en, "Sensitive data")
    else:
        assert "not described yet" in en and "内容は未記載" in ja
    assert "None" not in _row(en, "Sensitive data")
    sensitive_rows = [line for line in en.splitlines() if line.rstrip().endswith(" Yes")]
    assert sensitive_rows, "the categories table marks the special-category row as sensitive"


def _undecided_draft(**changes: object) -> ReportData:
    """A draft whose assessor has not chosen a conclusion; with `law_practice=...` also no step 3 one."""
    record = _fr_us_record(conclusion=ConclusionRecord(), **changes)
    return report_data_from(_sources(record))


def test_a_draft_without_a_conclusion_never_prints_one_as_reached() -> None:
    data = _undecided_draft()
    assert data.conclusion.chosen is None
    en = _pdf_text(render_report(data, "en"))
    cover = en.split("At a glance")[0]
    assert "Conclusion: Not reached yet" in cover, cover
    assert "Not reached yet" in _row(en, "Conclusion reached")
    ja = _pdf_text(render_report(data, "ja"))
    assert "結論：未決定" in ja.split("概要")[0].replace(" ", "") or "結論: 未決定" in ja, ja[:600]
    for verdict in ("Do not transfer", "Proceed with the transfer", "Proceed once the measures"):
        assert verdict not in _row(en, "Conclusion reached")
        assert verdict not in cover


def test_a_draft_without_a_step_3_conclusion_shows_no_recommendation_either() -> None:
    record = _fr_us_record()
    step = dataclasses.replace(record.law_practice, conclusion=None)
    data = _undecided_draft(law_practice=step)
    assert (data.conclusion.recommended, data.conclusion.chosen) == (None, None)
    en = _pdf_text(render_report(data, "en"))
    assert "None yet" in _row(en, "Recommended by the tool")
    assert "Do not transfer" not in en


def test_the_word_draft_prints_no_conclusion_nobody_reached() -> None:
    from docx import Document

    doc = Document(io.BytesIO(render_docx(_undecided_draft(), "en")))
    text = "\n".join(p.text for p in doc.paragraphs)
    rows = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    assert "Conclusion: Not reached yet" in text
    assert ["Conclusion reached", "Not reached yet"] in rows, rows


def test_an_unfinished_risk_calculation_is_not_reported_as_never_performed() -> None:
    record = _fr_us_record()
    law = blank_law_risk("fisa702", "FISA Section 702")
    answered = tuple(dataclasses.replace(f, probability=0.5, justification="counsel") for f in law.factors)
    law = dataclasses.replace(law, factors=(answered[0], dataclasses.replace(answered[1], probability=None)))
    risk = dataclasses.replace(record.risk, enabled=True, threshold=0.05, laws=(law,))
    data = report_data_from(_sources(dataclasses.replace(record, risk=risk)))
    assert data.risk is None  # no level is computed from missing factors
    en = _pdf_text(render_report(data, "en"))
    assert "No quantified assessment was performed" not in en
    assert "not complete" in en.split("Quantified risk of prohibited lawful access")[-1]
    ja = _pdf_text(render_report(data, "ja"))
    assert "定量的評価を実施していません" not in ja.replace(" ", "")


def test_unanswered_practical_experience_and_step_3_conclusion_print_not_answered() -> None:
    """A dash beside "Practical experience" reads as "no requests received": unanswered is said so."""
    from docx import Document

    record = _fr_us_record()
    step = dataclasses.replace(
        record.law_practice, practical_experience="", conclusion=None, conclusion_reasoning=""
    )
    data = _undecided_draft(law_practice=step)
    en = _pdf_text(render_report(data, "en"))
    assert _row(en, "Practical experience").split()[-2:] == ["Not", "answered"]
    assert _row(en, "Conclusion of this step").split()[-2:] == ["Not", "answered"]
    ja = _pdf_text(render_report(data, "ja"))
    assert _row(ja, "実務上の経験").split()[-1] == "未回答"
    assert _row(ja, "本ステップの結論").split()[-1] == "未回答"
    doc = Document(io.BytesIO(render_docx(data, "en")))
    rows = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    assert ["Practical experience", "Not answered"] in rows, rows
    assert ["Conclusion of this step", "Not answered"] in rows, rows


def test_the_sensitivity_never_calls_a_capped_factor_doubled() -> None:
    """A probability cannot exceed 1: 0.6 becomes 1, which is not "doubled", and a factor already at 1 has
    no raised row at all (it read "raised to 1, its maximum (1 → 1)" beside an unchanged probability)."""
    law = blank_law_risk("fisa702", "FISA Section 702")
    given = (1.0, 0.6, 0.5, 0.1, 0.2)
    factors = tuple(
        dataclasses.replace(f, probability=p, justification="counsel")
        for f, p in zip(law.factors, given, strict=True)
    )
    risk = dataclasses.replace(
        _fr_us_record().risk, enabled=True, threshold=0.05, laws=(dataclasses.replace(law, factors=factors),)
    )
    data = report_data_from(_sources(_fr_us_record(risk=risk)))
    assert data.risk is not None
    en = [localize(s.label, "en") for s in data.risk.sensitivity]
    ja = [localize(s.label, "ja") for s in data.risk.sensitivity]
    assert not [x for x in en if re.search(r"doubled \((1|0\.6) →", x)], en
    assert not [x for x in en if "(1 → 1)" in x], en
    assert [x for x in en if "'in scope'" in x] == ["FISA Section 702: 'in scope' halved (1 → 0.5)"], en
    assert len(en) == 2 * len(given) - 1, en
    assert sum("raised to 1, its maximum (0.6 → 1)" in x for x in en) == 1, en
    assert sum("doubled (0.5 → 1)" in x for x in en) == 1, en  # 0.5 doubled is 1: truly doubled
    assert not [x for x in ja if "2倍（1 → 1）" in x or "2倍（0.6 → 1）" in x], ja
    assert sum("上限の1に引上げ（0.6 → 1）" in x for x in ja) == 1, ja


@pytest.mark.parametrize(
    "status", [AssessmentStatus.DRAFT, AssessmentStatus.SUBMITTED, AssessmentStatus.RETURNED]
)
def test_an_unapproved_report_does_not_say_the_approver_confirmed_it(status: AssessmentStatus) -> None:
    from docx import Document

    data = report_data_from(_sources(_fr_us_record(), status))
    en, ja = _pdf_text(render_report(data, "en")), _pdf_text(render_report(data, "ja"))
    assert "The approver confirms that" not in en and "On approval, the approver confirms" in en
    flat_ja = re.sub(r"\s+", "", ja)
    assert "承認者は、本評価" not in flat_ja and "承認時に、承認者は本評価" in flat_ja
    words = "\n".join(p.text for p in Document(io.BytesIO(render_docx(data, "en"))).paragraphs)
    assert "The approver confirms that" not in words and "On approval, the approver confirms" in words
    approved = report_data_from(_sources(_fr_us_record(), AssessmentStatus.APPROVED))
    assert "The approver confirms that this assessment" in _pdf_text(render_report(approved, "en"))


def test_a_chosen_tool_without_a_justification_prints_not_answered() -> None:
    from docx import Document

    record = _fr_us_record()
    tools = tuple(dataclasses.replace(t, justification="") for t in record.tools)
    data = report_data_from(_sources(dataclasses.replace(record, tools=tools)))
    assert data.tools and all(localize(t.tool, "en") != "—" for t in data.tools)
    en = _pdf_text(render_report(data, "en")).split("Transfer tool")[-1].split("Law and practice")[0]
    assert "Not answered" in _row(en, "EU GDPR"), en
    ja = _pdf_text(render_report(data, "ja"))
    assert "未回答" in _row(ja.split("5. 移転手段\n")[-1], "EU GDPR"), ja
    doc = Document(io.BytesIO(render_docx(data, "en")))
    rows = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    assert any(r[0] == "EU GDPR" and r[-1].startswith("Not answered") for r in rows), rows


def test_a_risk_factor_without_a_justification_prints_not_answered() -> None:
    from docx import Document

    law = blank_law_risk("fisa702", "FISA Section 702")
    factors = tuple(dataclasses.replace(f, probability=0.5) for f in law.factors)  # no justification
    risk = dataclasses.replace(
        _fr_us_record().risk, enabled=True, threshold=0.05, laws=(dataclasses.replace(law, factors=factors),)
    )
    data = report_data_from(_sources(_fr_us_record(risk=risk)))
    assert data.risk is not None
    en = _pdf_text(render_report(data, "en"))
    assert _row(en, "in scope").split()[-2:] == ["Not", "answered"], _row(en, "in scope")
    doc = Document(io.BytesIO(render_docx(data, "en")))
    rows = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    assert ["in scope", "50 %", "Not answered"] in rows, rows


def test_a_draft_shows_the_tools_live_recommendation_not_one_stored_earlier() -> None:
    """A new version keeps the approved one's stored recommendation; while the draft's own step 3 has no
    conclusion the tool recommends nothing, so nothing is shown as recommended."""
    record = _fr_us_record()
    step = dataclasses.replace(record.law_practice, conclusion=None)
    stored = dataclasses.replace(
        _fr_us_record(law_practice=step), conclusion=ConclusionRecord(recommended=Conclusion.PROCEED)
    )
    data = report_data_from(_sources(stored))
    assert data.conclusion.recommended is None
    submitted = report_data_from(_sources(stored, AssessmentStatus.SUBMITTED))
    assert submitted.conclusion.recommended is Conclusion.PROCEED  # frozen at submission


_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def test_the_report_labels_research_and_unknown_measures_in_its_own_language_only() -> None:
    """The English report holds no Japanese but what people typed; the Japanese one labels in Japanese."""
    from docx import Document

    record = _fr_us_record()
    step = dataclasses.replace(record.law_practice, research_sources=("Data Privacy Act of 2012",))
    data = report_data_from(_sources(dataclasses.replace(record, law_practice=step)))
    en, ja = _pdf_text(render_report(data, "en")), _pdf_text(render_report(data, "ja"))
    assert "Research on the laws: Data Privacy Act of 2012" in en
    assert not _JAPANESE.findall(en.split("Practical experience")[-1].split("Conclusion of this step")[0])
    assert "法令の調査" in ja
    assert "Research on the laws" not in ja
    words = "\n".join(
        c.text for t in Document(io.BytesIO(render_docx(data, "en"))).tables for r in t.rows for c in r.cells
    )
    assert "Research on the laws: Data Privacy Act of 2012" in words and "法令の調査" not in words

    consent = AssessmentRecord(
        facts=TransferFacts("JP", "US", "US", data_subjects_count=300, data_categories=("contact",)),
        regimes=RegimeSelection(applied=("JP",)),
        tools=(ToolChoice("JP", "jp_consent", "Consent after the information below."),),
        appi_consent=AppiConsentFacts(
            measures_unknown=True, measures_unknown_reason="The recipient is not chosen yet."
        ),
        conclusion=ConclusionRecord(Conclusion.PROCEED, Conclusion.PROCEED),
    )
    data = report_data_from(_sources(consent))
    assert data.appi_consent is not None
    assert (
        localize(data.appi_consent.recipient_measures, "en")
        == "Cannot be provided: The recipient is not chosen yet."
    )
    assert (
        localize(data.appi_consent.recipient_measures, "ja")
        == "提供できない：The recipient is not chosen yet."
    )
    en = _pdf_text(render_report(data, "en"))
    assert "Cannot be provided: The recipient is not chosen yet." in en and "提供できない" not in en
