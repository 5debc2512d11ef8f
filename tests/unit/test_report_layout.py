"""The report's own text layout (transfer_tool/report/layout.py): line breaking in English and Japanese,
user text kept exactly, and tables that split across pages with their header."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, SimpleDocTemplate

from transfer_tool.report.fonts import ReportFonts, register_report_fonts
from transfer_tool.report.layout import Block, Grid, GridStyle, LineBreaker, Para
from transfer_tool.report.styles import RULE, build_stylesheet
from transfer_tool.report.text import printable

TEXTS = [
    "",
    "   ",
    "plain words",
    "  a  b \n\n c  ",
    "AT&T <b>not bold</b> &amp; \"quoted\" 'single' <img src='x'/>",
    "tab\there, control\x01and\x7fand\x9f",
    "\u3000全角\u3000スペース\xa0no-break space",
    "emoji 😀 here\nمرحبا بالعالم 😀😀 end",
    "\r\nwindows\rold mac\n",
    "lone \ud800 surrogate",
    "Customer contact and payment data are sent to Pacific Contact Services in the United States. " * 6,
    "個人データを外国にある第三者に提供する場合には、あらかじめ本人の同意を得ます。"
    "（ただし、法令に定める場合を除きます。）「相当措置」を継続的に講ずるために必要な体制を整備しています。"
    * 3,
    "Mixed 日本語 and English: 米国（United States）の事業者、Pacific Contact Services。" * 4,
    "x" * 600,
]
WIDTHS = [30.0, 90.0, 200.0, 480.0]


@pytest.fixture(scope="module")
def fonts() -> ReportFonts:
    return register_report_fonts()


@pytest.fixture(scope="module")
def breaker(fonts: ReportFonts) -> LineBreaker:
    return LineBreaker(fonts)


@pytest.fixture(scope="module", params=["en", "ja"])
def style(request: pytest.FixtureRequest, fonts: ReportFonts) -> ParagraphStyle:
    style: ParagraphStyle = build_stylesheet(fonts.main, request.param)["Cell"]
    return style


def _no_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("text", TEXTS)
def test_lines_keep_every_character_and_fit_the_width(
    breaker: LineBreaker, style: ParagraphStyle, text: str, width: float
) -> None:
    lines = breaker.lines(Block(text, style), width)
    assert _no_space("".join(line.text for line in lines)) == _no_space(printable(text))
    for line in lines:
        assert line.text == line.text.strip(" ")
        assert "  " not in line.text
        # a line is never wider than the column, unless it is one character that alone is wider
        assert breaker.width(line) <= width + 1e-6 or len(line.text) == 1, line.text


def test_one_short_text_is_one_line_as_typed(breaker: LineBreaker, style: ParagraphStyle) -> None:
    lines = breaker.lines(Block("R&D <x@y.jp> AT&T", style), 400)
    assert [line.text for line in lines] == ["R&D <x@y.jp> AT&T"]


def test_newlines_are_kept_and_spaces_collapsed(breaker: LineBreaker, style: ParagraphStyle) -> None:
    lines = breaker.lines(Block("\n  first   line \n\nthird\n\n", style), 400)
    assert [line.text for line in lines] == ["first line", "", "third"]


def test_english_breaks_at_spaces_only(breaker: LineBreaker, style: ParagraphStyle) -> None:
    text = "Supplementary measures are needed for the transfer to proceed lawfully"
    lines = breaker.lines(Block(text, style), 90)
    assert len(lines) > 2
    assert " ".join(line.text for line in lines) == text


def test_japanese_breaks_between_characters_with_kinsoku(breaker: LineBreaker, fonts: ReportFonts) -> None:
    style = build_stylesheet(fonts.main, "ja")["Cell"]
    text = "本人の同意を得ます。（ただし、法令に定める場合を除きます。）「相当措置」を講じます、以上。" * 4
    for width in (40.0, 55.0, 70.0, 85.0, 100.0, 150.0):
        lines = breaker.lines(Block(text, style), width)
        assert len(lines) > 1
        assert "".join(line.text for line in lines) == text
        for line in lines[1:]:
            assert line.text[0] not in ALL_CANNOT_START, (width, line.text)
        for line in lines[:-1]:
            assert line.text[-1] not in ALL_CANNOT_END, (width, line.text)


def test_a_word_wider_than_the_column_is_cut(breaker: LineBreaker, style: ParagraphStyle) -> None:
    url = "https://www.ppc.go.jp/personalinfo/legal/kaiseihogohou/#gaikoku_dai3sha_teikyou"
    lines = breaker.lines(Block(f"Source: {url}", style), 100)
    assert len(lines) >= 3
    assert lines[0].text == "Source:"
    assert "".join(line.text for line in lines[1:]) == url


def test_characters_the_main_font_lacks_use_the_fallback(breaker: LineBreaker, style: ParagraphStyle) -> None:
    # a script's own font first (registered on first use), then DejaVu Sans for the rest
    [line] = breaker.lines(Block("محمد & Sons pᵢ", style), 400)
    assert line.mixed
    runs = breaker.runs(line.text, breaker.fallback_chars(line.text))
    assert runs == [("محمد", "NotoSansArabic"), (" & Sons p", style.fontName), ("ᵢ", "DejaVuSans")]
    [plain] = breaker.lines(Block("Tokyo 東京", style), 400)
    assert not plain.mixed
    expected = stringWidth("Tokyo 東京", style.fontName, style.fontSize)
    assert breaker.width(plain) == pytest.approx(expected)


def test_control_characters_become_visible_stand_ins(breaker: LineBreaker, style: ParagraphStyle) -> None:
    [line] = breaker.lines(Block("a\x01b\tc\x7fd", style), 400)
    assert line.text == "a\N{REPLACEMENT CHARACTER}b c\N{REPLACEMENT CHARACTER}d"


# ---- grids and paragraphs in a real document ---------------------------------------------------------


def _build(story: list[Flowable]) -> list[str]:
    """The story laid out on A4 pages; the text of each page."""
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return [page.extract_text() for page in PdfReader(io.BytesIO(buffer.getvalue())).pages]


def _grid(
    breaker: LineBreaker, fonts: ReportFonts, rows: list[list[str]], continued: str | None = None
) -> Grid:
    sheet = build_stylesheet(fonts.main, "en")
    return Grid(
        breaker,
        [Block("Name", sheet["CellHead"]), Block("Detail", sheet["CellHead"])],
        [[Block(a, sheet["Cell"]), Block(b, sheet["Cell"])] for a, b in rows],
        [150.0, 300.0],
        GridStyle(rule=RULE),
        continued=continued,
    )


def test_a_long_grid_splits_between_rows_and_repeats_its_header(
    breaker: LineBreaker, fonts: ReportFonts
) -> None:
    rows = [[f"Row {i:03d}", f"Detail of row {i:03d}"] for i in range(150)]
    pages = _build([_grid(breaker, fonts, rows)])
    assert len(pages) >= 3
    seen: list[str] = []
    for text in pages:
        assert text.lstrip().startswith("Name"), "header row not repeated"
        seen += re.findall(r"Row (\d{3})", text)
    assert seen == [f"{i:03d}" for i in range(150)]  # every row once, in order


def test_a_row_taller_than_a_page_is_cut_between_lines(breaker: LineBreaker, fonts: ReportFonts) -> None:
    answer = " ".join(f"w{i:04d}" for i in range(3000))
    pages = _build([_grid(breaker, fonts, [["First", "short"], ["Long answer", answer], ["Last", "end"]])])
    assert len(pages) >= 3
    words = [w for text in pages for w in re.findall(r"w\d{4}", text)]
    assert words == [f"w{i:04d}" for i in range(3000)]
    assert all(text.lstrip().startswith("Name") for text in pages)
    assert "Last" in pages[-1]


def test_a_paragraph_splits_across_pages_and_centres_when_asked(
    breaker: LineBreaker, fonts: ReportFonts
) -> None:
    sheet = build_stylesheet(fonts.main, "en")
    text = " ".join(f"p{i:04d}" for i in range(4000))
    pages = _build([Para(breaker, text, sheet["Body"])])
    assert len(pages) >= 2
    assert [w for page in pages for w in re.findall(r"p\d{4}", page)] == [f"p{i:04d}" for i in range(4000)]


def test_a_centred_style_centres_each_line(breaker: LineBreaker, fonts: ReportFonts) -> None:
    style = build_stylesheet(fonts.main, "en")["Verdict"]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4)
    doc.build([Para(breaker, "Conclusion", style)])
    starts: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if "Conclusion" in text:
            starts.append(cm[4] + tm[4])

    PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text(visitor_text=visit)
    width = stringWidth("Conclusion", style.fontName, style.fontSize)
    assert starts == [pytest.approx(doc.leftMargin + (doc.width - width) / 2, abs=0.5)]


def test_a_header_line_is_cut_with_an_ellipsis_to_fit(breaker: LineBreaker, style: ParagraphStyle) -> None:
    ink = Block("", style).ink
    short = breaker.fit("Net Japan Co., Ltd.", ink, 300)
    assert short.text == "Net Japan Co., Ltd."
    long = breaker.fit("Net Japan Co., Ltd. — Transfer Impact Assessment " * 5, ink, 150)
    assert long.text.endswith("…") and long.text.startswith("Net Japan")
    assert breaker.width(long) <= 150
    arabic = breaker.fit("محمد\nعبد الله", ink, 300)
    assert arabic.text == "محمد عبد الله" and arabic.mixed


def test_the_fast_encoder_gives_what_reportlab_gives(fonts: ReportFonts) -> None:
    from reportlab.pdfgen.canvas import Canvas

    from transfer_tool.report.pdftext import _encoder

    canv = Canvas(io.BytesIO())
    encoder = _encoder(canv, fonts.main)
    # more than 256 distinct characters: codes spread over several subsets
    kanji = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 400) if ord(chr(c)) in fonts.main_chars)
    texts = ["plain", "Tokyo 東京 (US)", kanji[:200], kanji[150:], "a\xa0b", "\u0001", "abc 東京 abc"]
    for text in texts:
        first = encoder.encode(text)  # gives new characters their codes
        again = encoder.encode(text)  # now every character has one: the translate path
        assert first == again == encoder.font.splitString(text, canv._doc), text
    assert len({subset for text in texts for subset, _ in encoder.encode(text)}) > 1


def test_a_short_row_is_not_cut_to_leave_a_line_alone(breaker: LineBreaker, fonts: ReportFonts) -> None:
    sheet = build_stylesheet(fonts.main, "en")
    cell, leading, padding = sheet["Cell"], sheet["Cell"].leading, 3.5 + 4.5

    def grid(rows: list[str], header: bool = True) -> Grid:
        head = [Block("Name", sheet["CellHead"])] if header else None
        return Grid(breaker, head, [[Block(r, cell)] for r in rows], [300.0], GridStyle(rule=RULE))

    header = grid([]).height
    full = grid(["first", "one\ntwo\nthree"]).height
    # room for all but the last line of the three-line row: it moves to the next page whole
    first, rest = grid(["first", "one\ntwo\nthree"]).split(300, full - leading - 0.5)
    assert first.wrap(300, 1000)[1] == pytest.approx(full - 3 * leading - padding)
    assert rest.wrap(300, 1000)[1] == pytest.approx(header + 3 * leading + padding)
    # alone in the space left, with room for one line only: it still moves on whole
    assert grid(["one\ntwo\nthree"], header=False).split(300, leading + padding + 0.5) == []
    # a row taller than a page is cut, at two lines or more on each side
    parts = grid(["\n".join(f"l{i}" for i in range(200))], header=False).split(300, 100)
    assert len(parts) == 2 and parts[0].wrap(300, 1000)[1] <= 100
    # one line taller than the room: it is cut earlier, so that two lines go on (it used to refuse
    # every cut, and a row just over a page tall stopped the report with a LayoutError)
    room = 10 * leading + padding + 0.5
    first, rest = grid(["\n".join(f"l{i}" for i in range(11))], header=False).split(300, room)
    assert first.wrap(300, 1000)[1] == pytest.approx(9 * leading + padding)
    assert rest.wrap(300, 1000)[1] == pytest.approx(2 * leading + padding)


def test_a_row_just_over_a_page_tall_still_renders(breaker: LineBreaker, fonts: ReportFonts) -> None:
    """Found by fuzzing (issue #18): a party's activities of 52 lines stopped "Generate PDF"."""
    sheet = build_stylesheet(fonts.main, "en")
    frame_lines = int((A4[1] - 2 * 72 - 8) // sheet["Cell"].leading)  # SimpleDocTemplate's 1-inch margins
    for extra in range(-2, 3):
        n = frame_lines + extra
        pages = _build([_grid(breaker, fonts, [["Activities", "\n".join(f"a{i:03d}" for i in range(n))]])])
        found = [w for text in pages for w in re.findall(r"a\d{3}", text)]
        assert found == [f"a{i:03d}" for i in range(n)], n


def test_the_main_font_draws_every_printable_ascii_character(fonts: ReportFonts) -> None:
    # LineBreaker.fallback_chars skips ASCII text on this ground
    assert all(code in fonts.main_chars for code in range(0x20, 0x7F))


def test_a_paragraph_never_leaves_one_line_alone(breaker: LineBreaker, fonts: ReportFonts) -> None:
    style = build_stylesheet(fonts.main, "en")["Body"]
    three = Para(breaker, "one\ntwo\nthree", style)
    assert three.split(300, 2 * style.leading + 0.5) == []  # 2 + 1 would leave a widow: it moves on
    five = Para(breaker, "1\n2\n3\n4\n5", style)
    first, rest = five.split(300, 4 * style.leading + 0.5)  # 4 + 1 becomes 3 + 2
    assert first.wrap(300, 1000)[1] == pytest.approx(3 * style.leading)
    assert rest.wrap(300, 1000)[1] == pytest.approx(2 * style.leading)


def test_a_cut_row_names_what_it_continues_on_the_next_page(breaker: LineBreaker, fonts: ReportFonts) -> None:
    """A row's tail on a new page with no name read as part of the row above it (s10 PDF review)."""
    sheet = build_stylesheet(fonts.main, "en")
    leading, padding = sheet["Cell"].leading, 3.5 + 4.5
    label = "Review, challenge and minimise the request in court"  # two lines in 150 points
    grid = _grid(breaker, fonts, [[label, "\n".join(f"d{i}" for i in range(6))]], "{label} (continued)")
    header = _grid(breaker, fonts, []).height
    first, rest = grid.split(450, header + 4 * leading + padding + 0.5)
    assert first.wrap(450, 1000)[1] == pytest.approx(header + 4 * leading + padding)
    # its first line, then "(continued)" (wrapped here in the narrow column)
    assert [line.text for line in rest._rows[0].cells[0]] == ["Review, challenge and minimise", "(continued)"]
    assert [line.text for line in rest._rows[0].cells[1]] == ["d4", "d5"]
    # a row over two pages: each page names it once, never "(continued) (continued)"
    answer = "\n".join(f"a{i:03d}" for i in range(150))
    pages = _build([_grid(breaker, fonts, [["FISA Section 702", answer]], "{label} (continued)")])
    assert len(pages) == 3
    assert pages[0].count("(continued)") == 0
    for page in pages[1:]:
        assert page.count("FISA Section 702 (continued)") == 1, page
    assert [w for text in pages for w in re.findall(r"a\d{3}", text)] == [f"a{i:03d}" for i in range(150)]
    # without a name to give (one column, or no `continued`), the tail goes on as it was
    plain = _build([_grid(breaker, fonts, [["FISA Section 702", answer]])])
    assert "continued" not in "".join(plain)
