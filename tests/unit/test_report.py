"""The TIA PDF: what a reader sees (text, headings, outline, fonts, footers) in English and Japanese."""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import Destination, DictionaryObject

from transfer_tool.domain import AssessmentStatus
from transfer_tool.report import RenderedReport, TiaReportRenderer, render_report, render_report_with_layout
from transfer_tool.report.data import Measure, ReportData, localize
from transfer_tool.report.sample import sample_report_data
from transfer_tool.report.terms import Terminology

SECTION_KEYS = (
    "section.pre_assessment",  # issue 18: the CNIL guide's pre-TIA gates come first
    "section.parties",
    "section.description",
    "section.regimes",
    "section.tools",
    "section.law_practice",
    "section.measures",
    "section.action_plan",
    "section.risk",
    "section.conclusion",
    "section.appi_consent",
    "section.review_history",
    "section.evidence",
    "section.sign_off",
)


def _pdftotext(pdf: bytes, tmp: Path, *, page: int | None = None, layout: bool = False) -> str:
    path = tmp / "doc.pdf"
    path.write_bytes(pdf)
    args = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(path), "-"], capture_output=True, check=True, text=True).stdout


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _outline_entries(items: Sequence[object]) -> list[Destination]:
    """The outline's entries, nested ones in place."""
    out: list[Destination] = []
    for item in items:
        if isinstance(item, list):
            out.extend(_outline_entries(item))
        else:
            assert isinstance(item, Destination), item
            out.append(item)
    return out


@pytest.fixture(scope="module")
def renderer() -> TiaReportRenderer:
    return TiaReportRenderer()


@pytest.fixture(scope="module")
def terms() -> Terminology:
    return Terminology.load()


@pytest.fixture(scope="module", params=["en", "ja"])
def rendered(request: pytest.FixtureRequest, renderer: TiaReportRenderer) -> tuple[str, RenderedReport]:
    return request.param, renderer.render(sample_report_data(), request.param)


def test_every_section_heading_is_in_the_text(
    rendered: tuple[str, RenderedReport], terms: Terminology, tmp_path: Path
) -> None:
    lang, report = rendered
    text = _squash(_pdftotext(report.pdf, tmp_path))
    for number, key in enumerate(SECTION_KEYS, start=1):
        assert _squash(f"{number}. {terms.get(key, lang)}") in text, key


def test_field_values_are_in_the_text(rendered: tuple[str, RenderedReport], tmp_path: Path) -> None:
    lang, report = rendered
    data = sample_report_data()
    text = _squash(_pdftotext(report.pdf, tmp_path))
    policy = "Privacy policy" if lang == "en" else "プライバシーポリシー"
    assert data.risk is not None and data.appi_consent is not None  # the sample has both sections
    expected = [
        data.reference,
        data.title,
        data.exporter.name,
        data.exporter.address,
        data.exporter.contact_details,
        data.importer.name,
        data.importer.activities,
        data.destination.get(lang),
        f"{policy} §4-1",
        localize(data.transfer.data_categories[1].label, lang),
        data.transfer.volume,
        data.transfer.storage_location,
        data.transfer.onward_transfers[0].recipient,
        "(EU) 2023/1795",
        "https://eur-lex.europa.eu/eli/dec_impl/2023/1795/oj",
        data.tools[0].justification,
        data.tools[1].warnings[0],
        data.law_and_practice.laws[0].reasoning,
        data.law_and_practice.practical_experience,
        data.measures[0].description,
        data.action_plan[0].action,
        data.risk.laws[0].factors[0].justification,
        data.conclusion.reason,
        data.appi_consent.protection_system,
        data.review_history[2].comment,
        data.evidence[0].filename,
        data.evidence[0].sha256,
        data.sign_off.approver_name,
        "unverified" if lang == "en" else "未検証",
        "2027-11-26" if lang == "en" else "2027年11月26日",
        "2023-07-10" if lang == "en" else "2023年7月10日",
    ]
    missing = [value for value in expected if _squash(localize(value, lang)) not in text]
    assert missing == []


def test_every_page_has_reference_version_and_page_x_of_y(
    rendered: tuple[str, RenderedReport], tmp_path: Path
) -> None:
    lang, report = rendered
    total = report.page_count
    assert total >= 6
    for page in range(1, total + 1):
        text = _pdftotext(report.pdf, tmp_path, page=page)
        footer = f"Page {page} of {total}" if lang == "en" else f"{page} / {total} ページ"
        assert footer in text
        assert "TIA-2026-0042" in text
        assert ("Version 3" if lang == "en" else "版 3") in text


def test_all_fonts_are_embedded(rendered: tuple[str, RenderedReport], tmp_path: Path) -> None:
    lang = rendered[0]  # check the final file, signature field included
    path = tmp_path / "doc.pdf"
    path.write_bytes(render_report(sample_report_data(), lang))
    rows = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, check=True, text=True
    ).stdout.splitlines()[2:]
    assert rows, "no fonts listed"
    for row in rows:
        assert re.search(r"\byes\s+yes\s+yes\b", row), row  # emb, sub, uni
    assert any("IPAexGothic" in row for row in rows)


def test_outline_entries_point_to_the_pages_of_their_headings(
    rendered: tuple[str, RenderedReport], tmp_path: Path
) -> None:
    _lang, report = rendered
    reader = PdfReader(io.BytesIO(report.pdf))

    entries = _outline_entries(reader.outline)
    assert len(entries) >= len(SECTION_KEYS)
    for entry in entries:
        page = (reader.get_destination_page_number(entry) or 0) + 1
        assert entry.title is not None
        assert _squash(entry.title) in _squash(_pdftotext(report.pdf, tmp_path, page=page)), (
            entry.title,
            page,
        )
    # and the page is not simply page 1 (the NumberedCanvas pitfall)
    assert {reader.get_destination_page_number(e) for e in entries} != {0}


def test_contents_page_lines_are_links(rendered: tuple[str, RenderedReport]) -> None:
    _lang, report = rendered
    contents_page = PdfReader(io.BytesIO(report.pdf)).pages[1]
    links = [
        a.get_object() for a in contents_page.get("/Annots", []) if a.get_object()["/Subtype"] == "/Link"
    ]
    assert len(links) >= len(SECTION_KEYS)
    # each leads to the page its heading is on: the same pages, in the same order, as the outline
    reader = PdfReader(io.BytesIO(report.pdf))
    page_of: dict[int, int] = {}
    for number, page in enumerate(reader.pages):
        assert page.indirect_reference is not None  # a page read from a file is an indirect object
        page_of[page.indirect_reference.idnum] = number
    targets = [page_of[link["/Dest"][0].idnum] for link in links]

    assert targets == [reader.get_destination_page_number(e) for e in _outline_entries(reader.outline)]
    assert min(targets) >= 2  # the body, after the cover and the contents


def test_metadata_and_language(rendered: tuple[str, RenderedReport]) -> None:
    lang, report = rendered
    reader = PdfReader(io.BytesIO(report.pdf))
    meta = reader.metadata
    assert meta is not None
    assert "TIA-2026-0042" in (meta.title or "")
    assert meta.author == sample_report_data().assessor
    assert "APPI" in str(meta.get("/Keywords"))
    assert meta.subject
    root = reader.trailer["/Root"].get_object()
    assert isinstance(root, DictionaryObject)
    language = root["/Lang"]
    assert isinstance(language, str) and language == ("en" if lang == "en" else "ja-JP")


def test_draft_watermark_until_approved(renderer: TiaReportRenderer) -> None:
    # pdftotext skips diagonal text, so read the pages with pypdf
    draft = PdfReader(io.BytesIO(renderer.render(sample_report_data(), "en").pdf))
    approved = PdfReader(io.BytesIO(renderer.render(sample_report_data(AssessmentStatus.APPROVED), "en").pdf))
    assert all("DRAFT" in page.extract_text() for page in draft.pages)
    assert not any("DRAFT" in page.extract_text() for page in approved.pages)
    assert "2026-11-26" in approved.pages[-1].extract_text()  # the approval date in the sign-off block


def test_signature_box_is_reserved_on_the_last_page(rendered: tuple[str, RenderedReport]) -> None:
    _lang, report = rendered
    field = report.signature_field
    assert field.page_index == report.page_count - 1
    x1, y1, x2, y2 = field.box
    assert 0 < x1 < x2 <= 595 and 0 < y1 < y2 <= 842
    assert x2 - x1 > 150 and y2 - y1 > 60


def test_render_report_adds_an_empty_signature_field_there() -> None:
    pdf = render_report(sample_report_data(), "en")
    reader = PdfReader(io.BytesIO(pdf))
    fields = reader.get_fields() or {}
    assert fields["ApproverSignature"]["/FT"] == "/Sig"
    assert "/V" not in fields["ApproverSignature"]  # not signed yet


HOSTILE = (
    "R&D <x@y.jp> AT&T",
    "<img src='/etc/passwd'/> and <img src=\"http://example.com/x.png\"/>",
    '<font size=60 color="red">big</font>',
    "<script>alert(1)</script>",
    '<link href="javascript:alert(1)">click</link>',
    "日本 < 米国 & EU > 0",
    "محمد عبد الله",
    "emoji 😀 ok",
)


def _hostile_data() -> ReportData:
    data = sample_report_data()
    joined = "\n".join(HOSTILE)
    return dataclasses.replace(
        data,
        title="Title <b>not bold</b> & co",
        importer=dataclasses.replace(data.importer, name="<Sons> & محمد Ltd.", activities=joined),
        conclusion=dataclasses.replace(data.conclusion, reason="first line\nsecond line"),
        law_and_practice=dataclasses.replace(
            data.law_and_practice, practical_experience="x" * 10 + " " + "long answer " * 1700
        ),
    )


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_hostile_text_comes_out_as_typed(renderer: TiaReportRenderer, lang: str, tmp_path: Path) -> None:
    report = renderer.render(_hostile_data(), lang)
    raw = _pdftotext(report.pdf, tmp_path)
    text = _squash(raw)
    for value in (*HOSTILE[:6], "Title <b>not bold</b> & co", "<Sons> &"):
        assert _squash(value) in text, value
    assert "first line\nsecond line" in raw  # the newline was kept, not collapsed
    # the emoji and the Arabic come back as typed (tests/unit/test_report_scripts.py: every script)
    assert "emoji 😀 ok" in raw
    assert "محمد" in raw
    # the markup did nothing: no link annotation was created from user text
    for page in PdfReader(io.BytesIO(report.pdf)).pages:
        for annot in page.get("/Annots", []):
            action = annot.get_object().get("/A")
            assert action is None or "javascript" not in str(action.get_object()).lower()


def test_a_twenty_thousand_character_answer_flows_over_pages(
    renderer: TiaReportRenderer, tmp_path: Path
) -> None:
    data = sample_report_data()
    answer = "START " + ("Long reasoning without end. " * 720) + " END-OF-ANSWER"
    assert len(answer) > 20_000
    long_data = dataclasses.replace(data, conclusion=dataclasses.replace(data.conclusion, reason=answer))
    report = renderer.render(long_data, "en")
    text = _pdftotext(report.pdf, tmp_path)
    assert "START" in text and "END-OF-ANSWER" in text
    assert report.page_count > renderer.render(data, "en").page_count + 3


def test_long_table_splits_with_repeated_header(renderer: TiaReportRenderer, tmp_path: Path) -> None:
    data = sample_report_data()
    measures = tuple(
        Measure(f"Bulk measure M{i:03d}", "organisational", "planned", "Quarterly review of access.", "Legal")
        for i in range(120)
    )
    report = renderer.render(dataclasses.replace(data, measures=measures), "en")
    pages_with_rows = []
    for page in range(1, report.page_count + 1):
        # -layout keeps each printed line together (the DRAFT watermark can split a reading-order line)
        text = _pdftotext(report.pdf, tmp_path, page=page, layout=True)
        if "Bulk measure M" in text:
            pages_with_rows.append(text)
    assert len(pages_with_rows) >= 3
    for text in pages_with_rows:
        assert re.search(r"Measure\s+Type\s+Status\s+Owner\s+Due", text), "header row not repeated"


def test_unknown_language_is_refused(renderer: TiaReportRenderer) -> None:
    with pytest.raises(ValueError, match="unsupported report language"):
        renderer.render(sample_report_data(), "fr")


def test_module_level_helpers_render_both_languages() -> None:
    for lang in ("en", "ja"):
        assert render_report_with_layout(sample_report_data(), lang).pdf.startswith(b"%PDF-")


def test_contents_lines_show_the_page_of_each_heading(renderer: TiaReportRenderer, tmp_path: Path) -> None:
    # approved: no diagonal watermark to break the layout text into pieces
    report = renderer.render(sample_report_data(AssessmentStatus.APPROVED), "en")
    contents = _pdftotext(report.pdf, tmp_path, page=2, layout=True).splitlines()
    reader = PdfReader(io.BytesIO(report.pdf))
    outline = [e for e in reader.outline if not isinstance(e, list)]
    assert len(outline) == len(SECTION_KEYS)
    for entry in outline:
        page = (reader.get_destination_page_number(entry) or 0) + 1
        title = str(entry.title)
        line = next(x for x in contents if x.strip().startswith(title))
        assert re.fullmatch(rf"{re.escape(title)}\s+{page}", line.strip()), (line, page)


def test_single_user_mode_is_stated_in_the_sign_off(
    renderer: TiaReportRenderer, terms: Terminology, tmp_path: Path
) -> None:
    data = sample_report_data(AssessmentStatus.APPROVED)
    single = dataclasses.replace(data, sign_off=dataclasses.replace(data.sign_off, single_user_mode=True))
    statement = _squash(terms.get("signoff.single_user", "en"))
    assert statement in _squash(_pdftotext(renderer.render(single, "en").pdf, tmp_path))
    assert statement not in _squash(_pdftotext(renderer.render(data, "en").pdf, tmp_path))


def test_reportlab_runs_with_its_c_accelerator() -> None:
    """rl-accel is a dependency: without it string widths and number formatting run in Python (~30% slower)."""
    from reportlab.lib.rl_accel import _c_funcs

    assert {"fp_str", "instanceStringWidthTTF", "escapePDF"} <= set(_c_funcs)


def test_a_heading_near_the_foot_of_a_page_moves_to_the_next(renderer: TiaReportRenderer) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from transfer_tool.report.document import Heading
    from transfer_tool.report.layout import Para
    from transfer_tool.report.styles import build_stylesheet

    sheet = build_stylesheet(renderer.fonts.main, "en")
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4)
    heading = Heading(renderer._breaker, "Sensitivity", sheet["H2"], 1, "h1")
    # leave less room than the heading keeps for itself and what follows it
    filler = Spacer(1, doc.height - heading.keep_room + 20)
    doc.build([filler, heading, Para(renderer._breaker, "Factor and probability", sheet["Body"])])
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(buffer.getvalue())).pages]
    assert len(pages) == 2 and "Sensitivity" in pages[1] and "Sensitivity" not in pages[0]
