"""Font registration for the report: IPAexGothic embedded as a subset, then a fallback chain for what a
user may type that IPAex lacks: a font per script (`SCRIPT_FONTS`: Arabic, Hebrew, Devanagari, Thai,
emoji, CJK Extension B, Hangul), registered only when a report first holds such a character, and DejaVu
Sans for the rest (Greek, Cyrillic, symbols), so user text never turns into boxes."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from transfer_tool.paths import resource_file
from transfer_tool.report import reportlab_adapter  # noqa: F401  (ReportLab fixes, applied on import)
from transfer_tool.report.reportlab_adapter import SYNTHETIC_FIRST, ttfont_with_table_cache

MAIN_FONT = "IPAexG"
FALLBACK_FONT = "DejaVuSans"
_registering = threading.Lock()  # the app warms the renderer on a worker thread while a render may start


@dataclass(frozen=True)
class ScriptFont:
    """A fallback font preferred, over DejaVu Sans, for the characters of `ranges` it has."""

    name: str
    filename: str
    ranges: tuple[tuple[int, int], ...]
    shaped: bool  # its text goes through HarfBuzz (joining, conjuncts, marks, emoji sequences)


SCRIPT_FONTS = (
    ScriptFont(
        "NotoSansArabic",
        "NotoSansArabic-Regular.ttf",
        ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
        True,
    ),
    ScriptFont("NotoSansHebrew", "NotoSansHebrew-Regular.ttf", ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)), True),
    ScriptFont(
        "NotoSansDevanagari",
        "NotoSansDevanagari-Regular.ttf",
        ((0x0900, 0x097F), (0xA8E0, 0xA8FF), (0x1CD0, 0x1CFF)),
        True,
    ),
    ScriptFont("NotoSansThai", "NotoSansThai-Regular.ttf", ((0x0E00, 0x0E7F),), True),
    ScriptFont(
        "SymbolaEmoji",
        "Symbola-emoji.ttf",
        ((0x2300, 0x23FF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x1F000, 0x1FAFF)),
        True,
    ),
    ScriptFont("HanaMinB", "HanaMinB-ExtB.ttf", ((0x20000, 0x2A6DF),), False),
    # Korean (the shipped sources of Korea's laws are Hangul URLs): precomposed syllables, drawn unshaped.
    ScriptFont(
        "NanumSquareR",
        "NanumSquareR.ttf",
        ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF), (0xFFA0, 0xFFDC)),
        False,
    ),
)


def script_font_for(code: int) -> ScriptFont | None:
    """The script font preferred for a character, by its block (whether it has the character aside)."""
    for font in SCRIPT_FONTS:
        for low, high in font.ranges:
            if low <= code <= high:
                return font
    return None


_script_chars: dict[str, frozenset[int]] = {}


def script_font_chars(font: ScriptFont) -> frozenset[int]:
    """The characters a script font draws; registers it on first use (a few milliseconds from the cache)."""
    found = _script_chars.get(font.name)
    if found is None:
        with _registering:
            found = _script_chars.get(font.name)
            if found is None:
                # read before any shaped glyph adds its code (shaping.py) to the font's table
                registered = _register(font.name, font.filename, ascii_block=False)
                found = _script_chars[font.name] = frozenset(
                    code for code in registered.face.charToGlyph if code < SYNTHETIC_FIRST
                )
    return found


@dataclass(frozen=True)
class ReportFonts:
    """The registered fonts and the code points each one can draw."""

    main: str
    fallback: str
    main_chars: frozenset[int]
    fallback_chars: frozenset[int]


def _register(name: str, filename: str, *, ascii_block: bool = True) -> TTFont:
    # ReportLab keeps one process-wide registry; registering twice would re-read a 6 MB file.
    # `ascii_block`: the first subset reserves printable ASCII, so that plain text stays readable in the
    # page streams. The fallback font never draws ASCII (the main font has it all): without the block
    # its subset holds only the characters it draws (one glyph for "pᵢ" rather than 96).
    if name not in pdfmetrics.getRegisteredFontNames():
        # The character tables come from the disk cache after the first process (font_cache.py).
        pdfmetrics.registerFont(
            ttfont_with_table_cache(name, str(resource_file("fonts", filename)), ascii_readable=ascii_block)
        )
        # There is no bold or italic face: make <b>/<i> fall back to the same face explicitly.
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(name, bold, italic, name)
    font: TTFont = pdfmetrics.getFont(name)
    return font


_registered: list[ReportFonts] = []


def register_report_fonts() -> ReportFonts:
    with _registering:
        if not _registered:
            main = _register(MAIN_FONT, "ipaexg.ttf")
            fallback = _register(FALLBACK_FONT, "DejaVuSans.ttf", ascii_block=False)
            # Read once, before any shaped glyph adds its code to a font's table (shaping.py): a
            # right-to-left space or bracket is shaped in the font that draws it.
            _registered.append(
                ReportFonts(
                    MAIN_FONT,
                    FALLBACK_FONT,
                    frozenset(code for code in main.face.charToGlyph if code < SYNTHETIC_FIRST),
                    frozenset(code for code in fallback.face.charToGlyph if code < SYNTHETIC_FIRST),
                )
            )
    return _registered[0]
