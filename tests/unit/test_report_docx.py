"""The TIA as a Word file: built from the same ReportData as the PDF, the same sections as real Word
headings, real tables, Japanese in a Japanese font, the draft notice in the header; LibreOffice opens it
and turns it into a PDF with the same text."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from tests.unit.test_assessment_service import TODAY, _submitted
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.report.docx_export import JAPANESE_FONT, render_docx
from transfer_tool.report.renderer import render_report
from transfer_tool.report.sample import sample_report_data
from transfer_tool.report.terms import Terminology
from transfer_tool.storage.database import Database


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _headings(document: docx.document.Document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == f"Heading {level}"]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_word_file_has_the_pdfs_sections_as_headings_and_tables(lang: str, tmp_path: Path) -> None:
    data = sample_report_data()
    document = docx.Document(io.BytesIO(render_docx(data, lang)))
    terms = Terminology.load()
    h1 = _headings(document, 1)
    assert h1[0] == f"1. {terms.get('section.pre_assessment', lang)}"
    assert h1[1] == f"2. {terms.get('section.parties', lang)}"
    assert h1[-1].endswith(terms.get("section.sign_off", lang))
    assert len(h1) >= 12 and len(_headings(document, 2)) >= 3
    pdf = tmp_path / "tia.pdf"
    pdf.write_bytes(render_report(data, lang))
    pdf_text = _squash(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    )
    assert [h for h in h1 + _headings(document, 2) if _squash(h) not in pdf_text] == []  # the same headings
    assert len(document.tables) >= 15
    instr = document.element.body.xpath(".//w:instrText")
    assert [i.text.strip() for i in instr] == [
        'TOC \\o "1-2" \\h \\z \\u'
    ]  # the contents list, as the PDF has
    contents = next(p for p in document.paragraphs if p._p.xpath(".//w:instrText"))
    assert h1[0] in contents.text and h1[-1] in contents.text
    first = document.tables[0]
    assert (
        first.cell(0, 0).text == terms.get("doc.reference", lang) and first.cell(0, 1).text == data.reference
    )
    header = document.sections[0].header.paragraphs[0].text
    assert header == terms.get("doc.word_draft", lang)
    assert ("Draft — the signed PDF is the record" if lang == "en" else "署名済みのPDFが正式な記録") in header
    all_text = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert data.importer.name in all_text and data.exporter.name in all_text


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_risk_section_carries_the_pdfs_chart_as_a_picture_with_its_values(lang: str) -> None:
    """Issue #22: the Word file has the PDF's risk chart, a real picture with the values as alt text."""
    from PIL import Image

    from transfer_tool.report.terms import format_percent

    data = sample_report_data()
    assert data.risk is not None
    document = docx.Document(io.BytesIO(render_docx(data, lang)))
    assert len(document.inline_shapes) == 1
    shape = document.inline_shapes[0]
    assert abs(shape.width.mm - 170) < 1  # across the content width
    descr = shape._inline.docPr.get("descr")
    terms = Terminology.load()
    assert descr.startswith(terms.get("risk.chart_title", lang))
    assert (
        format_percent(data.risk.total_over_period) in descr and format_percent(data.risk.threshold) in descr
    )
    blob = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
    image = Image.open(io.BytesIO(document.part.related_parts[blob].blob)).convert("RGB")
    assert image.width > 1000  # sharp enough to print
    colours = {c for _, c in image.getcolors(maxcolors=1 << 20) or []}
    assert len(colours) > 20 and (255, 255, 255) in colours  # drawn bars and text on white, not a blank


def test_japanese_is_set_in_a_japanese_font() -> None:
    document = docx.Document(io.BytesIO(render_docx(sample_report_data(), "ja")))
    for name in ("Normal", "Heading 1", "Heading 2"):
        rpr = document.styles[name].element.rPr
        fonts = rpr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == JAPANESE_FONT, name
        assert fonts.get(qn("w:ascii")) == JAPANESE_FONT, name
        assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == "ja-JP"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_turns_the_word_file_into_a_pdf_with_the_same_text(tmp_path: Path) -> None:
    data = sample_report_data()
    terms = Terminology.load()
    for lang in ("en", "ja"):
        (tmp_path / f"tia-{lang}.docx").write_bytes(render_docx(data, lang))
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
            str(tmp_path / "tia-ja.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    for lang in ("en", "ja"):
        text = _squash(
            subprocess.run(
                ["pdftotext", str(tmp_path / f"tia-{lang}.pdf"), "-"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        for key in (
            "doc.word_draft",
            "section.parties",
            "section.description",
            "section.measures",
            "section.sign_off",
        ):
            assert _squash(terms.get(key, lang)) in text, (lang, key)
        assert _squash(data.importer.name) in text and data.reference in text


def test_an_assessment_from_the_database_becomes_a_word_draft(db: Database, legal: Actor) -> None:
    """The same path as `report REF --format docx` and the app: the stored record → ReportData → Word."""
    t, a = _submitted(db, legal)
    document = docx.Document(io.BytesIO(render_docx(service.build_report_data(db, a.id, TODAY), "ja")))
    first = document.tables[0]
    assert first.cell(0, 1).text == t.reference
    text = "\n".join(c.text for table in document.tables for r in table.rows for c in r.cells)
    assert "Cloud Desk Inc." in text and "FISA 702 reaches the importer as a cloud provider." in text


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported report language"):
        render_docx(sample_report_data(), "fr")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_word_file_states_the_destinations_status_as_the_pdf_does(lang: str, tmp_path: Path) -> None:
    """The regimes table and the verified line say what the PDF says: an entry marked verified but never
    dated reads "unverified" (never "verified"), its notes and its entry-into-force date are shown, and the
    unchecked regimes are named beside the date of the oldest check."""
    import dataclasses

    sample = sample_report_data()
    eu, jp = sample.destination_status
    undated = dataclasses.replace(
        eu,
        last_verified=None,
        notes="Review due by the Commission in 2027.",
        in_force=dt.date(2023, 7, 11),
    )
    data = dataclasses.replace(sample, destination_status=(undated, jp), country_data_unverified=("EU", "JP"))
    terms = Terminology.load()
    document = docx.Document(io.BytesIO(render_docx(data, lang)))
    header = [terms.get("regime." + k, lang) for k in ("column", "status", "instrument")]
    table = next(t for t in document.tables if [c.text for c in t.rows[0].cells][:3] == header)
    eu_row = [c.text for c in table.rows[1].cells]
    assert eu_row[-1] == terms.get("doc.unverified", lang)  # marked verified, but nobody dated a check
    assert "Review due by the Commission in 2027." in eu_row[2]
    assert terms.get("regime.in_force", lang) in eu_row[3]
    kv = {r.cells[0].text: r.cells[1].text for t in document.tables for r in t.rows if len(r.cells) == 2}
    verified_line = kv[terms.get("doc.country_data_verified", lang)]
    assert terms.get("doc.unverified", lang) in verified_line
    assert terms.get("regime.EU", lang) in verified_line and terms.get("regime.JP", lang) in verified_line
    pdf = tmp_path / "tia.pdf"
    pdf.write_bytes(render_report(data, lang))
    pdf_text = _squash(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    )
    lines = [line for cell in [*eu_row[2:], verified_line] for line in cell.splitlines()]
    assert [line for line in lines if _squash(line) not in pdf_text] == []  # the same words in the PDF


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_word_files_properties_are_the_pdfs_not_the_librarys(lang: str) -> None:
    """Word's File > Info showed author 'python-docx', the comment 'generated by python-docx' and a file
    created on 2013-12-23 (python-docx's template): the draft states who assessed it and when it was made,
    with the PDF's title, subject and keywords."""
    from pypdf import PdfReader

    data = sample_report_data()
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    properties = docx.Document(io.BytesIO(render_docx(data, lang))).core_properties
    pdf = PdfReader(io.BytesIO(render_report(data, lang))).metadata
    assert pdf is not None
    assert properties.author == pdf.author == data.assessor
    assert (properties.title, properties.subject, properties.keywords) == (
        pdf.title,
        pdf.subject,
        pdf.keywords,
    )
    assert properties.comments == "" and properties.last_modified_by == ""
    assert properties.language == ("ja-JP" if lang == "ja" else "en-GB")
    for moment in (properties.created, properties.modified):
        assert moment is not None and before <= moment <= dt.datetime.now(dt.UTC)
