"""User text to Paragraph content: kept as typed (nothing the user typed is ever interpreted as markup),
newlines kept, and runs the main font lacks switched to the fallback font.

`ParagraphFrags` builds the fragments ReportLab's markup parser would make from `to_markup`'s output,
without running the parser: the report has about a thousand table cells, and parsing was a third of each
cell's cost. `to_markup` stays as the reference form (and for callers that need markup).
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaFrag, ParaParser

from transfer_tool.report.fonts import ReportFonts

# Control characters and lone surrogates cannot be drawn or encoded; they become visible stand-ins.
_STAND_IN = "\N{REPLACEMENT CHARACTER}"
_PRINTABLE = str.maketrans(
    {
        **{code: _STAND_IN for code in range(0x20) if code != 0x0A},
        **{code: _STAND_IN for code in range(0x7F, 0xA0)},
        0x09: " ",
    }
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAK = "\x00"  # stands for a newline while whitespace is collapsed (real NULs are replaced first)


def _printable(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_PRINTABLE)
    return _SURROGATE.sub(_STAND_IN, text)


def _runs(text: str, fonts: ReportFonts) -> list[tuple[str, bool]]:
    """`text` split into (run, drawn with the fallback font) pieces; one piece when the main font has
    every character, which is checked once per distinct character."""
    main, fallback = fonts.main_chars, fonts.fallback_chars
    missing = {ch for ch in set(text) if ord(ch) not in main and ord(ch) in fallback}
    missing.discard("\n")
    missing.discard(_LINE_BREAK)
    if not missing:
        return [(text, False)]
    runs: list[tuple[str, bool]] = []
    start = 0
    current = text[0] in missing
    for index, ch in enumerate(text):
        use = ch in missing
        if use != current:
            runs.append((text[start:index], current))
            start, current = index, use
    runs.append((text[start:], current))
    return runs


def to_markup(text: str, fonts: ReportFonts) -> str:
    if not text:
        return ""
    parts: list[str] = []
    for run, fallback in _runs(_printable(text), fonts):
        chunk = escape(run).replace("\n", "<br/>")
        parts.append(f'<font face="{fonts.fallback}">{chunk}</font>' if fallback else chunk)
    return "".join(parts)


class ParagraphFrags:
    """Fragments for `Paragraph(..., frags=...)` equal to what the parser makes of `to_markup(text)`:
    whitespace collapsed as the parser's cleaner does, `<br/>` as line-break fragments, fallback runs
    in the fallback face. One per stylesheet: it keeps a template fragment per style."""

    def __init__(self, fonts: ReportFonts) -> None:
        self._fonts = fonts
        self._templates: dict[str, tuple[ParaFrag, ParaFrag, ParaFrag]] = {}

    def _template(self, style: ParagraphStyle) -> tuple[ParaFrag, ParaFrag, ParaFrag]:
        found = self._templates.get(style.name)
        if found is None:
            _style, frags, _bullet = ParaParser().parse(
                f'a<br/>b<font face="{self._fonts.fallback}">c</font>', style
            )
            found = (frags[0], frags[1], frags[3])
            self._templates[style.name] = found
        return found

    def frags(self, text: str, style: ParagraphStyle) -> list[ParaFrag]:
        if not text:
            return []
        main, line_break, fallback = self._template(style)
        # The same cleaner the parser runs first (whitespace runs to one space, ends stripped); newlines
        # are <br/> tags by then, so they survive as breaks.
        cleaned = cleanBlockQuotedText(_printable(text).replace("\n", _LINE_BREAK))
        out: list[ParaFrag] = []
        for run, use_fallback in _runs(cleaned, self._fonts):
            template = fallback if use_fallback else main
            for index, piece in enumerate(run.split(_LINE_BREAK)):
                if index:
                    out.append(line_break.clone())
                if piece:
                    out.append(template.clone(text=piece))
        return out
