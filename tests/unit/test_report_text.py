"""The report builds cell paragraphs from fragments instead of running ReportLab's markup parser; those
fragments must say exactly what the parser would make of the escaped text (same words, breaks and fonts),
or a ReportLab upgrade could silently change what the report shows."""

from __future__ import annotations

import pytest
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaFrag, ParaParser

from transfer_tool.report.fonts import register_report_fonts
from transfer_tool.report.styles import build_stylesheet
from transfer_tool.report.text import ParagraphFrags, to_markup

TEXTS = [
    "",
    "   ",
    "plain words",
    "  a  b \n\n c  ",
    "AT&T <b>not bold</b> &amp; \"quoted\" 'single'",
    "tab\there, control\x01and\x7fand\x9f",
    "\u3000全角\u3000スペース\xa0no-break space",
    "emoji 😀 here\nمرحبا بالعالم 😀😀 end",
    "\r\nwindows\rold mac\n",
    "lone \ud800 surrogate",
    " 😀 \n 😀 ",
]


def _runs(frags: list[ParaFrag]) -> list[tuple[str, bool, str]]:
    """(font, is a line break, text), adjacent same-font text merged (the parser splits at entities)."""
    out: list[tuple[str, bool, str]] = []
    for f in frags:
        is_break = bool(getattr(f, "lineBreak", False))
        if out and not is_break and not out[-1][1] and out[-1][0] == f.fontName:
            out[-1] = (f.fontName, False, out[-1][2] + f.text)
        else:
            out.append((f.fontName, is_break, f.text))
    return out


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("text", TEXTS)
def test_fragments_match_what_the_parser_makes_of_the_markup(text: str, lang: str) -> None:
    fonts = register_report_fonts()
    style = build_stylesheet(fonts.main, lang)["Cell"]
    _style, parsed, _bullet = ParaParser().parse(cleanBlockQuotedText(to_markup(text, fonts)), style)
    built = ParagraphFrags(fonts).frags(text, style)
    assert _runs(built) == _runs(parsed)
    for frag in built:
        assert (frag.fontSize, frag.textColor, frag.rise) == (style.fontSize, style.textColor, 0)
