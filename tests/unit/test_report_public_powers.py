"""The signed TIA, the Word draft and the reviewer's comparison state the Art. 49(3) answer: "The exporter acts
as a public authority in the exercise of its public powers" Yes / No / Not answered (GDPR and UK GDPR Art. 49(3),
https://eur-lex.europa.eu/eli/reg/2016/679/oj and https://www.legislation.gov.uk/eur/2016/679/article/49;
docs/legal-notes.md, "Session 11: Art. 49(3)"). Only where the EU or UK GDPR is applied: the FADP, the LGPD and
the APPI have no like rule, so a record under them is not asked. Checked on the PDF's text (pdftotext)."""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.unit.test_report_builder import _fr_us_record, _sources
from transfer_tool.assessment.measures import load_measure_catalog
from transfer_tool.assessment.record import AssessmentRecord, RegimeSelection
from transfer_tool.assessment.report_builder import report_data_from
from transfer_tool.assessment.tool_catalog import load_tool_catalog
from transfer_tool.assessment.version_diff import changes
from transfer_tool.report.docx_export import render_docx
from transfer_tool.report.renderer import render_report

LABEL_EN = "The exporter acts as a public authority in the exercise of its public powers (GDPR and UK GDPR Art. 49(3))"
LABEL_JA = "データ輸出者は公権力を行使する公的機関として行動している（GDPR及び英国GDPRの第49条第3項）"


def _flat(pdf: bytes) -> str:
    """pdftotext's text in drawing order, every run of white space one space (a wrapped label joins)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "r.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, check=True)
    return re.sub(r"\s+", " ", out.stdout.decode())


def _record(answer: bool | None, **changes: object) -> AssessmentRecord:
    r = _fr_us_record(**changes)
    return dataclasses.replace(r, facts=dataclasses.replace(r.facts, exporter_public_powers=answer))


def _squeezed(text: str) -> str:
    """Japanese text as pdftotext gives it: a wrapped line may put a space between two characters."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize(
    ("answer", "en", "ja"), [(True, "Yes", "はい"), (False, "No", "いいえ"), (None, "Not answered", "未回答")]
)
def test_the_pdf_states_the_answer_in_both_languages(answer: bool | None, en: str, ja: str) -> None:
    data = report_data_from(_sources(_record(answer)))
    assert data.acceptance.public_powers is not None and data.acceptance.public_powers.value is answer
    english = _flat(render_report(data, "en"))
    assert f"{LABEL_EN} {en}" in english, english[english.find("public authority") - 200 :][:600]
    japanese = _squeezed(_flat(render_report(data, "ja")))
    assert f"{_squeezed(LABEL_JA)}{ja}" in japanese


def test_a_record_under_no_gdpr_is_not_asked_on_paper() -> None:
    """FADP Art. 17(1) (https://www.fedlex.admin.ch/eli/cc/2022/491/en) has no Art. 49(3): no line."""
    data = report_data_from(_sources(_record(True, regimes=RegimeSelection(applied=("CH",)))))
    assert data.acceptance.public_powers is None
    assert "public powers" not in _flat(render_report(data, "en"))


def test_the_word_draft_states_the_answer() -> None:
    from docx import Document

    doc = Document(io.BytesIO(render_docx(report_data_from(_sources(_record(True))), "en")))
    rows = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    assert [LABEL_EN, "Yes"] in rows


def test_the_reviewer_sees_the_answer_change() -> None:
    found = changes(_record(None), _record(True), load_tool_catalog(), load_measure_catalog(), {})
    lines = [c for c in found if c.field == "diff.public_powers"]
    assert len(lines) == 1 and lines[0].section == "tools"
    assert lines[0].after is not None and lines[0].after != lines[0].before
