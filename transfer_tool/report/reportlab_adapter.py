"""Where the report depends on ReportLab beyond its public API, and the fixes it applies to ReportLab.

Importing this module applies the fixes; `transfer_tool.report.fonts` imports it, so every PDF the tool
writes has them. `tests/unit/test_reportlab_adapter.py` fails loudly when ReportLab changes what a fix
replaces.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase import ttfonts

# ReportLab's own function, kept for the test that checks it still needs replacing.
REPORTLAB_TO_UNICODE_CMAP = ttfonts.makeToUnicodeCMap
# Code points from here on stand for shaped glyphs (`shaping.py`), each with the text it draws; a glyph
# that draws no text of its own (the second glyph of a cluster) gets no ToUnicode entry.
SYNTHETIC_FIRST = 0xF0000
glyph_text: dict[int, str] = {}


def to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """The ToUnicode CMap of one font subset, each character as UTF-16BE (PDF 32000-1, 9.10.3).

    ReportLab writes each code point as `%04X`: a character above U+FFFF (an emoji, CJK Extension B) came
    out with five hex digits, which readers take as four (U+1F600 was extracted as U+1F60). UTF-16 writes
    it as its surrogate pair, which every reader decodes. A shaped glyph maps to the text it stands for
    (a ligature to several characters).
    """
    mappings = [
        f"<{i:02X}> <{text.encode('utf-16-be', 'surrogatepass').hex().upper()}>"
        for i, cp in enumerate(subset)
        if (text := glyph_text.get(cp, "") if cp >= SYNTHETIC_FIRST else chr(cp))
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            # A bfchar block holds at most 100 entries (PDF 32000-1, 9.7.6.2 and the CMap specification).
            *_bfchar_blocks(mappings),
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def _bfchar_blocks(mappings: list[str]) -> list[str]:
    lines: list[str] = []
    for start in range(0, len(mappings), 100):
        block = mappings[start : start + 100]
        lines += [f"{len(block)} beginbfchar", *block, "endbfchar"]
    return lines


ttfonts.makeToUnicodeCMap = to_unicode_cmap
