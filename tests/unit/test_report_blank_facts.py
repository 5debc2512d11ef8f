"""A fact of step 1 nobody gave is printed "Not answered" in the TIA (PDF and Word draft), never "None" or
a dash: "Legal basis: None" in a signed TIA reads as "there is no legal basis". Data subjects, legal basis,
nature of the processing and storage location are not required to store a transfer or to submit its
assessment, so an approved version can hold them blank."""

from __future__ import annotations

import dataclasses
import io

from tests.unit.test_report_builder import _fr_us_record, _sources, _transfer_view
from tests.unit.test_report_says_what_was_said import _pdf_text, _row
from transfer_tool.assessment.record import (
    AppiConsentFacts,
    AssessmentRecord,
    ConclusionRecord,
    RegimeSelection,
    ToolChoice,
    TransferFacts,
)
from transfer_tool.assessment.report_builder import report_data_from
from transfer_tool.domain import AssessmentStatus, Conclusion
from transfer_tool.report.data import ReportData, localize
from transfer_tool.report.docx_export import render_docx
from transfer_tool.report.renderer import render_report

_BLANK = ("Categories of data subjects", "Legal basis", "Nature of the processing", "Storage location")
_BLANK_JA = ("本人の類型", "法的根拠", "取扱いの性質", "保存場所")


def _blank_facts() -> ReportData:
    record = _fr_us_record()
    record = dataclasses.replace(record, facts=dataclasses.replace(record.facts, storage_countries=()))
    view = dataclasses.replace(_transfer_view(), data_subjects=(), legal_bases=(), nature_of_processing="")
    return report_data_from(_sources(record, AssessmentStatus.APPROVED, transfer=view))


def test_blank_data_subjects_legal_basis_nature_and_storage_print_not_answered() -> None:
    data = _blank_facts()
    en = _pdf_text(render_report(data, "en")).split("Description of the transfer")[-1]
    for label in _BLANK:
        row = _row(en, label)
        assert row.split()[-2:] == ["Not", "answered"], row
        assert "None" not in row, row
    ja = _pdf_text(render_report(data, "ja")).split("移転の内容")[-1]
    for label in _BLANK_JA:
        assert _row(ja, label).split()[-1] == "未回答", _row(ja, label)
    # An answered list still prints its items.
    answered = _pdf_text(render_report(report_data_from(_sources(_fr_us_record())), "en"))
    assert "Customers" in _row(
        answered.split("Description of the transfer")[-1], "Categories of data subjects"
    )


def test_the_word_draft_prints_blank_facts_as_not_answered() -> None:
    from docx import Document

    doc = Document(io.BytesIO(render_docx(_blank_facts(), "en")))
    rows = {r.cells[0].text: r.cells[-1].text for t in doc.tables for r in t.rows if len(r.cells) == 2}
    assert [rows[label] for label in _BLANK] == ["Not answered"] * len(_BLANK), rows


def test_the_consent_information_never_prints_a_dash_for_the_recipients_measures() -> None:
    """The information a data subject is given before consenting (APPI Art. 28(2)): a dash beside the
    recipient's measures reads as "it takes none"; while nobody has described them it says not answered."""
    record = AssessmentRecord(
        facts=TransferFacts("JP", "US", "US", data_subjects_count=300, data_categories=("contact",)),
        regimes=RegimeSelection(applied=("JP",)),
        tools=(ToolChoice("JP", "jp_consent", ""),),
        conclusion=ConclusionRecord(Conclusion.PROCEED, Conclusion.PROCEED),
    )
    data = report_data_from(_sources(record, AssessmentStatus.APPROVED))  # no watermark across the row
    assert data.appi_consent is not None
    en = _pdf_text(render_report(data, "en"))
    assert _row(en, "Measures the recipient takes").split()[-2:] == ["Not", "answered"], en
    ja = _pdf_text(render_report(data, "ja"))
    assert _row(ja, "当該第三者が講ずる").split()[-1] == "未回答", ja


def test_an_unidentified_country_reads_as_one_sentence() -> None:
    """PPC Rules Art. 17(3): the reason the assessor typed ends with its own full stop; the report's sentence
    added another ("chosen later..", "later.。")."""
    record = AssessmentRecord(
        facts=TransferFacts("JP", "US", "US", data_subjects_count=300, data_categories=("contact",)),
        regimes=RegimeSelection(applied=("JP",)),
        tools=(ToolChoice("JP", "jp_consent", "Consent after the information below."),),
        appi_consent=AppiConsentFacts(
            country_unknown=True,
            country_unknown_reason="The processor is chosen by tender next year. ",
            reference_information="Candidates are in the EU or Singapore.",
        ),
        conclusion=ConclusionRecord(Conclusion.PROCEED, Conclusion.PROCEED),
    )
    data = report_data_from(_sources(record, AssessmentStatus.APPROVED))
    assert data.appi_consent is not None
    en, ja = (localize(data.appi_consent.country_name, lang) for lang in ("en", "ja"))
    assert en == (
        "Not yet identified: The processor is chosen by tender next year. "
        "Reference: Candidates are in the EU or Singapore."
    ), en
    assert ja.startswith("特定できない：The processor is chosen by tender next year。"), ja
    assert ".。" not in _pdf_text(render_report(data, "ja")).replace(" ", "")
