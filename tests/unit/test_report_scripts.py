"""Every script a user may type prints as typed (issue 18, point 8): shaped, in visual order, from an
embedded font, and extracted back by pdftotext.

What "extracted back" means: pdftotext gives each left-to-right line exactly as typed (Devanagari
conjuncts, Thai marks, emoji sequences, CJK Extension B included). A right-to-left run is drawn in visual
order and pdftotext puts it back in logical order itself, wrapped in U+202B ... U+202C (embedding marks
it adds); a line wholly right to left, or a left-to-right line holding a right-to-left run of letters,
comes back as typed once those marks are removed. Where digits or brackets sit between the two
directions, pdftotext's own reordering is not the Unicode algorithm's, so such lines are checked on the
drawing (the glyph order below), not on extraction.
"""

from __future__ import annotations

import dataclasses
import html
import random
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getFont

from transfer_tool.report import TiaReportRenderer
from transfer_tool.report.fonts import register_report_fonts
from transfer_tool.report.layout import Block, LineBreaker
from transfer_tool.report.reportlab_adapter import SYNTHETIC_FIRST
from transfer_tool.report.sample import sample_report_data
from transfer_tool.report.styles import build_stylesheet

pytestmark = pytest.mark.skipif(
    subprocess.run(["which", "pdftotext"], capture_output=True).returncode != 0, reason="needs poppler-utils"
)

TYPED = (
    "Arabic: مرحبا بالعالم",
    "مرحبا بالعالم لا إله",
    "Hebrew: שלום עולם",
    "שָׁלוֹם עולם",
    "Devanagari: नमस्ते दुनिया किताब क्षत्रिय",
    "Thai: สวัสดีชาวโลก น้ำ ที่",
    "Emoji: 😀 👍 ❤️ 👨‍👩‍👧 🇯🇵",
    "Extension B: 𠮷野家 𩸽 𠀋",
    "Japanese: 個人データの越境移転",
    "Latin: Müller Straße Ωμέγα Кириллица",
)
_EMBEDDING_MARKS = str.maketrans("", "", "\u202a\u202b\u202c")


@pytest.fixture(scope="module")
def renderer() -> TiaReportRenderer:
    return TiaReportRenderer()


@pytest.fixture(scope="module")
def breaker() -> LineBreaker:
    return LineBreaker(register_report_fonts())


@pytest.fixture(scope="module")
def style() -> ParagraphStyle:
    style: ParagraphStyle = build_stylesheet(register_report_fonts().main, "en")["Cell"]
    return style


def _render(renderer: TiaReportRenderer, lang: str, tmp_path: Path) -> Path:
    data = sample_report_data()
    data = dataclasses.replace(data, importer=dataclasses.replace(data.importer, activities="\n".join(TYPED)))
    path = tmp_path / f"scripts-{lang}.pdf"
    path.write_bytes(renderer.render(data, lang).pdf)
    return path


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_script_extracts_back_as_typed(renderer: TiaReportRenderer, lang: str, tmp_path: Path) -> None:
    pdf = _render(renderer, lang, tmp_path)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = {line.translate(_EMBEDDING_MARKS).strip() for line in text.splitlines()}
    for typed in TYPED:
        assert typed in lines, typed


def test_every_script_comes_from_an_embedded_font(renderer: TiaReportRenderer, tmp_path: Path) -> None:
    pdf = _render(renderer, "en", tmp_path)
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = {line.split()[0].split("+")[-1]: line for line in listing.splitlines()[2:]}
    for family in (
        "IPAexGothic",
        "DejaVuSans",
        "NotoSansArabic-Regular",
        "NotoSansHebrew-Regular",
        "NotoSansDevanagari-Regular",
        "NotoSansThai-Regular",
        "Symbola",
        "HanaMinB",
    ):
        assert family in rows, family
        # embedded, subset, ToUnicode
        assert rows[family].split()[-5:-2] == ["yes", "yes", "yes"], rows[family]


def _glyphs(breaker: LineBreaker, style: ParagraphStyle, text: str) -> list[tuple[str, list[int]]]:
    """Each piece of the line as (font, glyph ids drawn left to right)."""
    [line] = breaker.lines(Block(text, style), 2000)
    out = []
    for piece in breaker.pieces(line.text, line.rtl):
        face = getFont(piece.font).face
        out.append((piece.font, [face.charToGlyph[ord(ch)] for ch in piece.codes]))
    return out


def _nominal(font: str, text: str) -> list[int]:
    """The glyphs of `text` one character at a time, unshaped, in logical order."""
    face = getFont(font).face
    return [face.charToGlyph[ord(ch)] for ch in text]


def test_arabic_is_joined_and_drawn_right_to_left(breaker: LineBreaker, style: ParagraphStyle) -> None:
    [(font, glyphs)] = _glyphs(breaker, style, "مرحبا")
    assert font == "NotoSansArabic"
    isolated = _nominal(font, "مرحبا")
    assert len(glyphs) == 5
    # joined: the first four letters take their initial or medial forms, never the isolated ones
    assert all(glyph != isolated[index] for index, glyph in enumerate(glyphs[::-1][:4]))
    # right to left: the first letter (meem, initial form, as in "مر") is drawn rightmost
    [(_, meem_reh)] = _glyphs(breaker, style, "مر")
    assert glyphs[-1] == meem_reh[-1] and glyphs[0] != meem_reh[-1]
    # lam + alef become one ligature glyph
    [(_, lam_alef)] = _glyphs(breaker, style, "لا")
    assert len(lam_alef) == 1


def test_hebrew_runs_right_to_left_inside_left_to_right_text(
    breaker: LineBreaker, style: ParagraphStyle
) -> None:
    pieces = _glyphs(breaker, style, "abc שלום")
    assert [font for font, _ in pieces] == [style.fontName, "NotoSansHebrew"]
    assert pieces[1][1] == _nominal("NotoSansHebrew", "שלום")[::-1]
    # a paragraph that starts right to left reads right to left: the Latin word is drawn on its left
    [line] = breaker.lines(Block("שלום abc", style), 2000)
    assert line.rtl
    assert [piece.font for piece in breaker.pieces(line.text, line.rtl)][-1] == "NotoSansHebrew"


def test_devanagari_reorders_and_forms_conjuncts(breaker: LineBreaker, style: ParagraphStyle) -> None:
    [(font, glyphs)] = _glyphs(breaker, style, "कि")
    ka, _vowel_sign = _nominal(font, "कि")
    assert glyphs[0] != ka and glyphs[-1] == ka  # the vowel sign i is drawn before the consonant
    [(_, conjunct)] = _glyphs(breaker, style, "क्ष")
    assert len(conjunct) == 1  # ka + virama + ssa: one conjunct glyph


def test_shaped_glyphs_have_codes_no_one_types(breaker: LineBreaker, style: ParagraphStyle) -> None:
    [(_, _)] = _glyphs(breaker, style, "नमस्ते")
    [line] = breaker.lines(Block("नमस्ते", style), 2000)
    [piece] = breaker.pieces(line.text, line.rtl)
    assert all(ord(ch) >= SYNTHETIC_FIRST for ch in piece.codes)
    assert piece.actual == "नमस्ते"
    # a user's own private-use character there becomes a visible stand-in, never a shaped glyph
    [typed] = breaker.lines(Block(chr(SYNTHETIC_FIRST), style), 2000)
    assert typed.text == "\N{REPLACEMENT CHARACTER}"


def test_latin_and_japanese_take_the_fast_path() -> None:
    # A report with no complex script shapes nothing and loads no bidirectional algorithm (uharfbuzz
    # itself is imported by ReportLab).
    code = (
        "import sys\n"
        "from transfer_tool.report import TiaReportRenderer\n"
        "from transfer_tool.report.sample import sample_report_data\n"
        "r = TiaReportRenderer()\n"
        "for lang in ('en', 'ja'):\n"
        "    r.render(sample_report_data(), lang)\n"
        "from transfer_tool.report import shaping\n"
        "print(shaping._shape.cache_info().currsize, sorted(m for m in sys.modules if m.startswith('bidi')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0 []"


def test_bidirectional_controls_order_text_and_draw_nothing(
    breaker: LineBreaker, style: ParagraphStyle
) -> None:
    # isolates (which python-bidi's algorithm predates), embeddings and marks: laid out, never drawn
    for text in (
        "abc \u2067שלום 12\u2069 def",
        "\u2068שלום\u2069 abc",
        "a\u202bשלום\u202c b\u200fc",
        "x\u2066y",
    ):
        [line] = breaker.lines(Block(text, style), 2000)
        assert line.mixed
        for piece in breaker.pieces(line.text, line.rtl):
            if piece.glyphs is None:
                assert not set(piece.codes) & set(
                    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                )
    # the isolated Hebrew is drawn right to left between the Latin words
    [line] = breaker.lines(Block("abc \u2067שלום\u2069 def", style), 2000)
    fonts = [piece.font for piece in breaker.pieces(line.text, line.rtl)]
    assert fonts.index("NotoSansHebrew") not in (0, len(fonts) - 1)


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def _lines_drawn(pdf: Path, on_page_with: str, column_starts_with: str) -> list[tuple[float, float, str]]:
    """Each line drawn in one column of the page holding the word `on_page_with`, as (left edge, right edge,
    its words joined), from pdftotext's word boxes: the column starts where the word `column_starts_with`
    does; words whose vertical centres lie within 4 pt are one line (a script font's box is taller)."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True)
    (page,) = [page for page in out.stdout.split("<page ") if f">{on_page_with}<" in page]
    found = _WORD.findall(page)
    (left,) = [float(x0) for x0, _y0, _x1, _y1, text in found if text == column_starts_with]
    words = sorted(
        ((float(y0) + float(y1)) / 2, float(x0), float(x1), html.unescape(text))
        for x0, y0, x1, y1, text in found
        if float(x0) >= left - 0.5
    )
    lines: list[list[tuple[float, float, float, str]]] = []
    for word in words:
        if lines and word[0] - lines[-1][0][0] <= 4:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [
        (
            min(w[1] for w in line),
            max(w[2] for w in line),
            " ".join(w[3] for w in sorted(line, key=lambda w: w[1])),
        )
        for line in lines
    ]


def test_a_right_to_left_paragraph_is_right_aligned(renderer: TiaReportRenderer, tmp_path: Path) -> None:
    """Issue 18, point 8: a paragraph whose first strong character is right to left starts at the right
    edge, as its reader reads it; one starting left to right (even with a Hebrew word in it) at the left."""
    paragraphs = (
        "Helpdesk support.",  # its first word marks the cell's left edge
        "Our support agents in Kettlewell answer questions.",
        "שלום עולם",
        "مرحبا بالعالم وأهلا",
        "Hebrew inside: שלום here",
    )
    data = sample_report_data()
    data = dataclasses.replace(
        data, importer=dataclasses.replace(data.importer, activities="\n".join(paragraphs))
    )
    pdf = tmp_path / "rtl.pdf"
    pdf.write_bytes(renderer.render(data, "en").pdf)
    drawn = _lines_drawn(pdf, "Kettlewell", "Helpdesk")

    def line_where(test: Callable[[str], bool]) -> tuple[float, float]:
        (found,) = [(left, right) for left, right, text in drawn if test(text)]
        return found

    latin = line_where(lambda text: "Kettlewell" in text)  # the cell's left edge
    # (pdftotext's words of a right-to-left run may come out in drawing order: look for letters, not words)
    hebrew = line_where(lambda text: "ע" in text and "inside:" not in text)
    arabic = line_where(lambda text: "ح" in text)
    mixed = line_where(lambda text: "inside:" in text)
    assert abs(mixed[0] - latin[0]) < 0.5  # left to right: at the left edge
    # right to left: both end at the same right edge, far from the left one
    assert abs(hebrew[1] - arabic[1]) < 1.0, (hebrew, arabic)
    assert hebrew[0] > latin[0] + 100 and arabic[0] > latin[0] + 100, (latin, hebrew, arabic)
    assert hebrew[1] > latin[1] + 50  # the Latin line is shorter than the cell


def test_any_extension_b_character_prints_and_extracts_as_typed(
    renderer: TiaReportRenderer, breaker: LineBreaker, style: ParagraphStyle, tmp_path: Path
) -> None:
    """Issue 18, point 8: not only the Extension B characters of JIS X 0213 and HKSCS (what the first font
    subset held) but any of the block a user may type: 400 drawn at random (a fixed seed) come from the
    embedded Hanazono Mincho B, and pdftotext gives them back as typed."""
    chosen = random.Random(18).sample(range(0x20000, 0x2A6D7), 400)  # Unicode 5.0-12.0's Extension B
    typed = ["".join(chr(code) for code in chosen[i : i + 20]) for i in range(0, len(chosen), 20)]
    for text in typed:
        for line in breaker.lines(Block(text, style), 2000):
            # IPAexGothic draws the few of JIS X 0213; Hanazono Mincho B every other one
            assert {piece.font for piece in breaker.pieces(line.text, line.rtl)} <= {"HanaMinB", "IPAexG"}
    face = getFont("HanaMinB").face
    assert all(face.charToGlyph.get(code, 0) != 0 for code in chosen)  # a glyph of its own, not the box
    data = sample_report_data()
    data = dataclasses.replace(data, importer=dataclasses.replace(data.importer, activities="\n".join(typed)))
    pdf = tmp_path / "extension-b.pdf"
    pdf.write_bytes(renderer.render(data, "ja").pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = {line.strip() for line in text.splitlines()}
    assert [t for t in typed if t not in lines] == []
