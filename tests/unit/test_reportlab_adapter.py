"""The fixes the report applies to ReportLab (transfer_tool/report/reportlab_adapter.py) still fit it."""

from __future__ import annotations

import dataclasses
import inspect
import shutil
import subprocess

import pytest
from reportlab.pdfbase import ttfonts

from transfer_tool.report import reportlab_adapter
from transfer_tool.report.renderer import render_report
from transfer_tool.report.sample import sample_report_data


def test_reportlab_still_writes_code_points_as_four_hex_digits() -> None:
    # If this fails, ReportLab changed its ToUnicode CMap: check whether it now writes UTF-16 (then drop
    # the replacement) and that it is still called as makeToUnicodeCMap(fontname, subset).
    original = reportlab_adapter.REPORTLAB_TO_UNICODE_CMAP
    assert list(inspect.signature(original).parameters) == ["fontname", "subset"]
    assert "<%02X> <%04X>" in inspect.getsource(original)
    assert "<01> <1F600>" in original("F1", [0x41, 0x1F600])  # the defect: five digits, read as four
    assert ttfonts.makeToUnicodeCMap is reportlab_adapter.to_unicode_cmap


def test_characters_above_u_ffff_map_to_their_surrogate_pairs() -> None:
    cmap = reportlab_adapter.to_unicode_cmap("F1", [0x41, 0x1F600, 0x2000B, 0x65E5])
    assert "<00> <0041>" in cmap and "<01> <D83DDE00>" in cmap
    assert "<02> <D840DC0B>" in cmap and "<03> <65E5>" in cmap
    many = reportlab_adapter.to_unicode_cmap("F1", list(range(0x41, 0x41 + 256)))
    assert many.count("beginbfchar") == 3 and "100 beginbfchar" in many and "56 beginbfchar" in many


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_a_report_gives_back_emoji_and_cjk_extension_b_as_typed() -> None:
    typed = "Emoji 😀 and 𠀋 (U+2000B) with 日本語"
    pdf = render_report(dataclasses.replace(sample_report_data(), title=typed), "en")
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert typed in text


# ---- every ReportLab internal the report uses, exercised on a real document (issue #20) ----------------


def test_each_reportlab_internal_the_report_uses_still_does_what_it_is_used_for() -> None:
    """If this fails, ReportLab changed an internal the report relies on: fix its function in
    reportlab_adapter.py (and nowhere else), then widen the pin in pyproject.toml."""
    import io

    from pypdf import PdfReader
    from pypdf.generic import ArrayObject
    from reportlab.pdfbase.pdfdoc import PDFDocument, PDFObject
    from reportlab.pdfbase.pdfmetrics import getFont
    from reportlab.pdfgen.canvas import Canvas

    from transfer_tool.report.fonts import register_report_fonts
    from transfer_tool.report.pdftext import add_link

    fonts = register_report_fonts()
    font = getFont(fonts.main)
    out = io.BytesIO()
    canv = Canvas(out, pageCompression=0)
    assert isinstance(reportlab_adapter.canvas_document(canv), PDFDocument)
    canv.setFont(fonts.main, 12)
    canv.drawString(72, 720, "Transfer 日本")
    assignments = reportlab_adapter.subset_assignments(font, reportlab_adapter.canvas_document(canv))
    assert {ord("日"), ord("本")} <= assignments.keys()  # code point -> subset << 8 | code
    assert all(isinstance(v, int) for v in assignments.values())
    name = reportlab_adapter.subset_font_name(font, assignments[ord("日")] >> 8, canv)
    assert name.startswith("/F")
    assert isinstance(reportlab_adapter.ascii_is_readable(font), bool)
    assert reportlab_adapter.font_file_bytes(font)[:4] in (b"\x00\x01\x00\x00", b"OTTO", b"true")
    assert isinstance(reportlab_adapter.bookmark_reference(canv, "later"), PDFObject)
    add_link(canv, (72, 700, 200, 730), "later")  # add_annotation with a bookmark defined afterwards
    canv.showPage()
    canv.bookmarkPage("later")
    canv.drawString(72, 720, "second page")
    canv.showPage()
    reportlab_adapter.add_to_page(canv, 0, "% written after the layout\n")
    canv.save()
    pdf = out.getvalue()
    assert b"% written after the layout" in pdf
    annots = PdfReader(io.BytesIO(pdf)).pages[0]["/Annots"].get_object()
    assert isinstance(annots, ArrayObject), annots
    link = annots[0].get_object()
    assert link["/Subtype"] == "/Link" and "/Dest" in link


def test_no_report_module_but_the_adapter_reaches_into_reportlab() -> None:
    import re
    from pathlib import Path

    internal = re.compile(
        r"\bcanv\._|\._addAnnotation|\._bookmarkReference|_asciiReadable|\.state\[|_ttf_data"
        r"|getSubsetInternalName|\.Pages\.pages|TTFontFace|\.face\.char\w+\[[^\]]*\]\s*="
    )
    root = Path(reportlab_adapter.__file__).parent.parent
    offenders = [
        f"{path.relative_to(root)}:{n}: {line.strip()}"
        for path in root.rglob("*.py")
        if path.name != "reportlab_adapter.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if internal.search(line)
    ]
    assert offenders == []


def test_reportlab_is_pinned_to_the_version_the_tests_run_on() -> None:
    from pathlib import Path

    import reportlab

    pins = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    major, minor = reportlab.Version.split(".")[:2]
    assert f'"reportlab>={major}.{minor},<{major}.{int(minor) + 1}"' in pins
