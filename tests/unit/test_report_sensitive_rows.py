"""SCC Annex I.B's sensitive-data rows say what the assessor said. The transfer holds one text for "the sensitive
data and the restrictions applied to it"; the row "Restrictions and safeguards for sensitive data" was always a
dash (nothing filled it), which under described health data reads as "no safeguards". And a category the
catalogue marks sensitive, chosen without the special-categories box ticked, printed "Sensitive data: None"
beside its own "Sensitive: Yes"."""

from __future__ import annotations

import dataclasses
import io

import pytest

from tests.unit.test_report_builder import _fr_us_record, _sources, _transfer_view
from tests.unit.test_report_says_what_was_said import _pdf_text, _row
from transfer_tool.assessment.report_builder import report_data_from
from transfer_tool.domain import AssessmentStatus
from transfer_tool.report.data import ReportData
from transfer_tool.report.docx_export import render_docx
from transfer_tool.report.renderer import render_report

DETAILS = "Health data in tickets; pseudonymised before transfer"


def _data(*, ticked: bool, details: str = "", categories: tuple[str, ...] = ("contact",)) -> ReportData:
    record = _fr_us_record()
    facts = dataclasses.replace(record.facts, sensitive_data=ticked, data_categories=categories)
    view = dataclasses.replace(
        _transfer_view(), special_categories=ticked, sensitive_details=details, data_categories=categories
    )
    record = dataclasses.replace(record, facts=facts)
    return report_data_from(_sources(record, AssessmentStatus.APPROVED, transfer=view))


def _restrictions(text: str) -> str:
    """The restrictions row's value (its label takes two lines in the PDF's layout)."""
    return _row(text, "Restrictions and safeguards").split("safeguards for", 1)[1]


@pytest.mark.parametrize(
    ("ticked", "details", "expected", "expected_ja"),
    [
        (False, "", "Not applicable", "該当なし"),
        (True, DETAILS, DETAILS, DETAILS),
        (True, "", "Not answered", "未回答"),
    ],
)
def test_the_restrictions_row_says_what_was_said(
    ticked: bool, details: str, expected: str, expected_ja: str
) -> None:
    from docx import Document

    data = _data(ticked=ticked, details=details)
    en = _pdf_text(render_report(data, "en"))
    assert " ".join(_restrictions(en).split()) == expected, _row(en, "Restrictions and safeguards")
    ja = _pdf_text(render_report(data, "ja"))
    assert _row(ja, "要配慮個人情報に関する制限").split(maxsplit=1)[1].strip() == expected_ja
    doc = Document(io.BytesIO(render_docx(data, "en")))
    rows = {r.cells[0].text: r.cells[-1].text for t in doc.tables for r in t.rows if len(r.cells) == 2}
    assert rows["Restrictions and safeguards for sensitive data"] == expected, rows


def test_a_sensitive_category_is_never_reported_as_no_sensitive_data() -> None:
    data = _data(ticked=False, categories=("contact", "special_category"))
    en = _pdf_text(render_report(data, "en"))
    assert "None" not in _row(en, "Sensitive data"), _row(en, "Sensitive data")
    assert "Special-category" in _row(en, "Sensitive data"), _row(en, "Sensitive data")
    assert " ".join(_restrictions(en).split()) == "Not answered"
    ja = _pdf_text(render_report(data, "ja"))
    assert _row(ja, "要配慮個人情報・特別な種類").split()[-1] != "なし", _row(
        ja, "要配慮個人情報・特別な種類"
    )
