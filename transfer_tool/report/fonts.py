"""Font registration for the report: IPAexGothic embedded as a subset, DejaVu Sans as a fallback for
scripts IPAex lacks (Arabic, many symbols and emoji), so user text never turns into nothing."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from transfer_tool.paths import resource_file
from transfer_tool.report import reportlab_adapter  # noqa: F401  (ReportLab fixes, applied on import)
from transfer_tool.report.font_cache import cached_ttfont

MAIN_FONT = "IPAexG"
FALLBACK_FONT = "DejaVuSans"
_registering = threading.Lock()  # the app warms the renderer on a worker thread while a render may start


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
            cached_ttfont(name, str(resource_file("fonts", filename)), ascii_readable=ascii_block)
        )
        # There is no bold or italic face: make <b>/<i> fall back to the same face explicitly.
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(name, bold, italic, name)
    font: TTFont = pdfmetrics.getFont(name)
    return font


def register_report_fonts() -> ReportFonts:
    with _registering:
        main = _register(MAIN_FONT, "ipaexg.ttf")
        fallback = _register(FALLBACK_FONT, "DejaVuSans.ttf", ascii_block=False)
    return ReportFonts(
        MAIN_FONT,
        FALLBACK_FONT,
        frozenset(main.face.charToGlyph),
        frozenset(fallback.face.charToGlyph),
    )
