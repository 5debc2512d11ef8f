"""PDF text operators for the report's TrueType fonts, written straight into the page; and the contents
page's links, written as plain dictionaries.

ReportLab's text object re-measures every string it shows and re-encodes it character by character in
Python (`TTFont.splitString`, which also gives each new character its code in a font subset). The
report shows about five hundred lines a document, so `TextOps` writes the operators itself and
`_Encoder` encodes a line whose characters all have codes already with one `str.translate`; the first
time a character appears it still goes through `splitString`, so subsets and codes are ReportLab's own.
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfdoc import PDFObject
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from transfer_tool.i18n.engine_text import error_text
from transfer_tool.report.reportlab_adapter import (
    add_annotation,
    ascii_is_readable,
    bookmark_reference,
    canvas_document,
    subset_assignments,
    subset_font_name,
)
from transfer_tool.report.shaping import Piece

_EPSILON = 0.01  # points: closer than this, a glyph is where the previous one's advance puts it
_NO_BREAK_SPACE = "\xa0"  # splitString draws it as a space: always the slow path
_ENCODERS = "_transfer_tool_encoders"  # the canvas attribute holding one document's encoders


class _Encoder:
    """One font in one document: text to (subset, bytes) chunks, as `TTFont.splitString` gives."""

    def __init__(self, font: TTFont, doc: object) -> None:
        self.font = font
        self._doc = doc
        self._subset_of: dict[str, int] = {}
        self._tables: list[dict[int, int]] = []  # per subset: code point -> byte
        # With its ASCII block (the default) a font's first subset gives each printable ASCII character
        # its own code: such text is its own encoding.
        chars = font.face.charToGlyph
        self.ascii_is_own_code = ascii_is_readable(font) and all(code in chars for code in range(32, 127))

    def encode(self, text: str) -> list[tuple[int, bytes]]:
        if self.ascii_is_own_code and text.isascii() and text.isprintable():
            return [(0, text.encode("ascii"))]
        chars = set(text)
        if not chars <= self._subset_of.keys():
            return self._slow(text)
        if len(self._tables) == 1:  # one subset so far (most English documents): it holds them all
            return [(0, text.translate(self._tables[0]).encode("latin-1"))]
        subset_of = self._subset_of
        subsets = {subset_of[ch] for ch in chars}
        if len(subsets) != 1:
            return self._slow(text)
        subset = subsets.pop()
        return [(subset, text.translate(self._tables[subset]).encode("latin-1"))]

    def _slow(self, text: str) -> list[tuple[int, bytes]]:
        chunks: list[tuple[int, bytes]] = self.font.splitString(text, self._doc)
        assignments = subset_assignments(self.font, self._doc)
        for ch in set(text) - self._subset_of.keys():
            code = assignments.get(ord(ch))
            if code is None or ch == _NO_BREAK_SPACE:
                continue  # a character the font lacks (drawn as .notdef): leave it to splitString
            subset = code >> 8
            while len(self._tables) <= subset:
                self._tables.append({})
            self._tables[subset][ord(ch)] = code & 0xFF
            self._subset_of[ch] = subset
        return chunks


def _encoder(canv: Canvas, font_name: str) -> _Encoder:
    encoders: dict[str, _Encoder] | None = getattr(canv, _ENCODERS, None)
    if encoders is None:
        encoders = {}
        setattr(canv, _ENCODERS, encoders)
    found = encoders.get(font_name)
    if found is None:
        font = getFont(font_name)
        if not isinstance(font, TTFont):
            raise TypeError(
                error_text("{0} is not a TrueType font; the report embeds only TrueType fonts", font_name)
            )
        found = encoders[font_name] = _Encoder(font, canvas_document(canv))
    return found


class TextOps:
    """One BT … ET block of text operators, added to the canvas's page by `finish` inside q … Q (the
    canvas keeps its own idea of the fill colour). Font and colour are set only when they change."""

    def __init__(self, canv: Canvas) -> None:
        self._canv = canv
        self._ops: list[str] = ["BT"]
        self._font: tuple[str, int, float] | None = None
        self._colour: tuple[float, float, float] | None = None
        self._colour_object: Color | None = None
        self._encoders: dict[str, _Encoder] = {}

    def colour(self, colour: Color) -> None:
        if colour is self._colour_object:
            return
        self._colour_object = colour
        rgb = (colour.red, colour.green, colour.blue)
        if rgb != self._colour:
            self._ops.append(f"{fp_str(*rgb)} rg")
            self._colour = rgb

    def show(self, x: float, y: float, font_name: str, size: float, text: str) -> None:
        """`text` with its baseline starting at (x, y), in the current colour."""
        ops = self._ops
        ops.append(f"1 0 0 1 {fp_str(x, y)} Tm")
        encoder = self._encoders.get(font_name)
        if encoder is None:
            encoder = self._encoders[font_name] = _encoder(self._canv, font_name)
        for subset, chunk in encoder.encode(text):
            key = (font_name, subset, size)
            if key != self._font:
                name = subset_font_name(encoder.font, subset, self._canv)
                ops.append(f"{name} {fp_str(size)} Tf")
                self._font = key
            ops.append(f"({escapePDF(chunk)}) Tj")

    def show_shaped(self, x: float, y: float, size: float, piece: Piece) -> None:
        """A shaped piece (`shaping.Piece`) from (x, y): its glyphs where HarfBuzz placed them, inside an
        ActualText span that gives readers its text in logical order."""
        assert piece.glyphs is not None and piece.actual is not None
        actual = ("\ufeff" + piece.actual).encode("utf-16-be", "surrogatepass").hex().upper()
        self._ops.append(f"/Span << /ActualText <{actual}> >> BDC")
        font = getFont(piece.font)
        widths = font.face.charWidths
        # Glyphs that follow on at the font's own advance are shown as one string; a glyph placed
        # elsewhere (a mark, a kerned pair) starts a new one at its position.
        start, pen_x, run_x, run_y = 0, x, x, y
        natural = x
        for index, (dx, dy, advance) in enumerate(piece.glyphs):
            gx, gy = pen_x + dx * size, y + dy * size
            if index > start and (abs(gx - natural) > _EPSILON or abs(gy - run_y) > _EPSILON):
                self.show(run_x, run_y, piece.font, size, piece.codes[start:index])
                start, run_x, run_y = index, gx, gy
            elif index == start:
                run_x, run_y = gx, gy
            natural = gx + widths[ord(piece.codes[index])] / 1000 * size
            pen_x += advance * size
        self.show(run_x, run_y, piece.font, size, piece.codes[start:])
        self._ops.append("EMC")

    def code(self) -> str:
        """The operators so far ("" when none), and a fresh start."""
        out = "q\n" + "\n".join(self._ops) + "\nET\nQ\n" if len(self._ops) > 1 else ""
        self._ops = ["BT"]
        self._font = None
        self._colour = None
        self._colour_object = None
        return out

    def finish(self) -> None:
        """Adds the operators so far to the canvas's current page."""
        code = self.code()
        if code:
            self._canv.addLiteral(code)


class _Link(PDFObject):  # type: ignore[misc]
    """A borderless link annotation to a bookmark: what `Canvas.linkRect` makes, written as one
    dictionary (ReportLab's own annotation objects check and convert every key on every document)."""

    def __init__(self, rect: tuple[float, float, float, float], destination: PDFObject) -> None:
        self.rect = rect
        self.destination = destination

    def format(self, document: object) -> bytes:
        dest = bytes(self.destination.format(document))
        numbers: str = fp_str(*self.rect)
        rect = numbers.encode("ascii")
        return b"<< /Type /Annot /Subtype /Link /Border [0 0 0] /Rect [" + rect + b"] /Dest " + dest + b" >>"


def add_link(canv: Canvas, rect: tuple[float, float, float, float], bookmark: str) -> None:
    """A clickable area of the current page (in page coordinates) that leads to `bookmark`, which
    `Canvas.bookmarkPage` may define later in the document."""
    add_annotation(canv, _Link(rect, bookmark_reference(canv, bookmark)))
