"""The report's one stylesheet: every ParagraphStyle and colour the renderer uses."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle, StyleSheet1

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
ACCENT = colors.HexColor("#1d3b64")  # headings, table headers
RULE = colors.HexColor("#c5ccd6")
SHADE = colors.HexColor("#eef1f5")
WARN = colors.HexColor("#9a4a00")
WARN_SHADE = colors.HexColor("#fff4e0")
GOOD = colors.HexColor("#1e6b3a")
BAD = colors.HexColor("#a61b1b")
# 12 % of (0.8, 0.2, 0.2) over white, opaque: the watermark is drawn first, beneath everything, so it
# looks the same as the translucent colour without a transparency state (which a form could not carry).
WATERMARK = colors.Color(0.976, 0.904, 0.904)


def build_stylesheet(font: str, lang: str) -> StyleSheet1:
    wrap = "CJK" if lang == "ja" else None
    sheet = StyleSheet1()

    def add(name: str, parent: ParagraphStyle | None = None, **kw: object) -> None:
        base: dict[str, object] = {"fontName": font, "wordWrap": wrap, "textColor": INK}
        base.update(kw)
        sheet.add(ParagraphStyle(name, parent=parent, **base))

    add("Body", fontSize=9.5, leading=14.5, spaceAfter=5, alignment=TA_LEFT)
    add("Small", fontSize=8, leading=11, textColor=MUTED)
    add("Cell", fontSize=8.5, leading=11.5)
    add("CellMuted", fontSize=7.5, leading=10, textColor=MUTED)
    add("CellHead", fontSize=8.5, leading=11, textColor=colors.white)
    add("Label", fontSize=8.5, leading=11.5, textColor=MUTED)
    add("Warning", fontSize=8.5, leading=11.5, textColor=WARN)
    add("H1", fontSize=14, leading=19, textColor=ACCENT, spaceBefore=16, spaceAfter=8)
    add("H2", fontSize=10.5, leading=14, textColor=ACCENT, spaceBefore=9, spaceAfter=4)
    add("CoverKicker", fontSize=11, leading=15, textColor=MUTED, spaceAfter=6)
    add("CoverTitle", fontSize=22, leading=29, textColor=ACCENT, spaceAfter=10)
    add("CoverSubtitle", fontSize=13, leading=18, textColor=INK, spaceAfter=18)
    add("Verdict", fontSize=11, leading=15, textColor=colors.white, alignment=TA_CENTER)
    add("TOCTitle", fontSize=14, leading=19, textColor=ACCENT, spaceAfter=12)
    add("TOC1", fontSize=10, leading=15, spaceBefore=5, leftIndent=0, firstLineIndent=0)
    add("TOC2", fontSize=8.5, leading=13, spaceBefore=0, leftIndent=16, firstLineIndent=0, textColor=MUTED)
    return sheet
