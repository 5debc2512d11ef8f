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
