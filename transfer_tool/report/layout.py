"""The report's own text layout, on platypus: tables (`Grid`), paragraphs and headings (`Para`).

A ReportLab `Table` of `Paragraph`s pays, for every cell, a paragraph object, its fragment list, a text
object and a handful of style commands; the TIA has hundreds of cells, and that was most of a render.
Here text is plain text in one style (`Block`): `LineBreaker` breaks it once for the column's width, at
spaces and between CJK characters, keeping the kinsoku rules (no line starts with 。 or ）, none ends
with （), with runs the main font lacks in the fallback font; `Pen` writes a whole grid's text as one
block of operators. A grid splits between rows, or inside a row too tall for the space left (its tail
named "<label> (continued)"), and repeats its header row on every page. Nothing is parsed: user text is
drawn exactly as typed (newlines kept, runs of spaces collapsed as a paragraph would).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from transfer_tool.report import shaping
from transfer_tool.report.fonts import SCRIPT_FONTS, ReportFonts, script_font_chars, script_font_for
from transfer_tool.report.pdftext import TextOps
from transfer_tool.report.shaping import BIDI_CONTROLS, Piece, attaches, visual_segments
from transfer_tool.report.text import printable

# One token per CJK (or other wide) character, a run of anything else but spaces, or a space: a line
# may break at a space, or between two tokens of which one is wide (as ReportLab's CJK wrap does).
_TOKENS = re.compile("[\u3000-\U0010ffff]|[^ \u3000-\U0010ffff]+| ")
_SPACES = re.compile(" +")  # after `printable`, spaces are the only whitespace but newlines
_FUZZ = 1e-6
_WIDE = "\u3000"  # from here on, a character is a unit of its own (as ReportLab's CJK wrap has it)
_MAX_KNOWN_WIDTHS = 50_000
_NONE: frozenset[str] = frozenset()
_SHAPED = frozenset(font.name for font in SCRIPT_FONTS if font.shaped)


class Ink(NamedTuple):
    """What a line is drawn with: the main font, size, leading and colour of its style."""

    font: str
    size: float
    leading: float
    color: Color

    @classmethod
    def of(cls, style: ParagraphStyle) -> Ink:
        # Styles never change once the stylesheet is built: the ink is worked out once per style.
        found: Ink | None = style.__dict__.get("_transfer_tool_ink")
        if found is None:
            found = cls(style.fontName, float(style.fontSize), float(style.leading), style.textColor)
            style.__dict__["_transfer_tool_ink"] = found
        return found


class Line(NamedTuple):  # a tuple: a report makes thousands
    text: str
    ink: Ink
    mixed: bool  # holds characters drawn from a fallback font
    rtl: bool = False  # its paragraph reads right to left (its first strong character): bidi base level


class Block:
    """Text in one style, as one cell (or part of one) shows it."""

    __slots__ = ("ink", "text")

    def __init__(self, text: str, style: ParagraphStyle | Ink) -> None:
        self.text = text
        self.ink = style if isinstance(style, Ink) else Ink.of(style)


Cell = Block | Sequence[Block]


class LineBreaker:
    """Breaks blocks into lines for a width. One per renderer: it knows the fonts and keeps the widths
    of the words it has measured."""

    def __init__(self, fonts: ReportFonts) -> None:
        self._fonts = fonts
        self._main = fonts.main_chars
        self._fallback = fonts.fallback_chars
        self._main_draws = _drawable(fonts.main_chars)
        self._unit_widths: dict[str, dict[str, float]] = {}  # per font: a word's width at size 1
        self._chosen: dict[str, str] = {}  # a character the main font lacks: the font that draws it
        self._pieces: dict[tuple[str, bool], list[Piece]] = {}  # a mixed line: its pieces
        self._widest_advance: dict[str, tuple[float, float]] = {}  # per font: ASCII, any (at size 1)

    def _widest(self, font_name: str, text: str) -> float:
        """The widest advance (at size 1) of any character `text` could hold: ASCII, or any."""
        found = self._widest_advance.get(font_name)
        if found is None:
            widths = getFont(font_name).face.charWidths  # per code point, in thousandths of the size
            found = self._widest_advance[font_name] = (
                max(widths.get(code, 1000.0) for code in range(32, 127)) / 1000,
                max([*widths.values(), float(getFont(font_name).face.defaultWidth)]) / 1000,
            )
        return found[0] if text.isascii() else found[1]

    def fallback_chars(self, text: str) -> frozenset[str]:
        """The characters of `text` drawn from another font than the main one."""
        if text.isascii() or self._main_draws.issuperset(text):  # the main font draws it all
            return _NONE
        main, font_of = self._main, self._font_of
        return frozenset(ch for ch in set(text) if ord(ch) not in main and font_of(ch) != self._fonts.main)

    def _font_of(self, ch: str) -> str:
        """The font that draws `ch` (which the main font lacks): its script's font when that has it,
        else DejaVu Sans when it has it, else the main font (which shows its missing-glyph box). A
        bidirectional control counts as DejaVu's: the line then takes the path that leaves it out."""
        found = self._chosen.get(ch)
        if found is None:
            code = ord(ch)
            script = script_font_for(code)
            if ch in BIDI_CONTROLS:  # drawn by no font: a line holding one takes the mixed path
                found = self._fonts.fallback
            elif script is not None and code in script_font_chars(script):
                found = script.name
            elif code in self._fallback:
                found = self._fonts.fallback
            else:
                found = self._fonts.main
            self._chosen[ch] = found
        return found

    def runs(self, text: str, missing: frozenset[str]) -> list[tuple[str, str]]:
        """`text` as (run, font name) pieces, in logical order. A mark, joiner or variation selector
        stays in the run of the character it belongs to when that run is shaped."""
        main = self._fonts.main
        if not missing:
            return [(text, main)]
        out: list[tuple[str, str]] = []
        start, current = 0, self._font_of(text[0]) if text[0] in missing else main
        for index, ch in enumerate(text):
            use = self._font_of(ch) if ch in missing else main
            if use != current and current in _SHAPED and attaches(ch):
                use = current
            if use != current:
                out.append((text[start:index], current))
                start, current = index, use
        out.append((text[start:], current))
        return out

    def pieces(self, text: str, rtl: bool = False) -> list[Piece]:
        """A mixed line's text as drawn: pieces in visual order, shaped where their font or direction
        needs it. `rtl`: the line's paragraph reads right to left."""
        found = self._pieces.get((text, rtl))
        if found is None:
            if len(self._pieces) > _MAX_KNOWN_WIDTHS:
                self._pieces.clear()
            segments = visual_segments(text, self.runs(text, self.fallback_chars(text)), rtl)
            found = self._pieces[(text, rtl)] = [shaping.piece(seg, seg.font in _SHAPED) for seg in segments]
        return found

    def line(self, text: str, ink: Ink) -> Line:
        """`text` as one line, not broken (a header or footer)."""
        text = _SPACES.sub(" ", printable(text).replace("\n", " ")).strip(" ")
        return Line(text, ink, bool(self.fallback_chars(text)), shaping.paragraph_rtl(text))

    def fit(self, text: str, ink: Ink, width: float) -> Line:
        """`text` as one line, cut with an ellipsis to fit `width`."""
        line = self.line(text, ink)
        if self.width(line) <= width + _FUZZ:
            return line
        full = line.text
        low, high = 0, len(full)
        while low < high:  # the longest prefix that fits with the ellipsis
            middle = (low + high + 1) // 2
            if self.width(self.line(full[:middle].rstrip(" ") + "…", ink)) <= width + _FUZZ:
                low = middle
            else:
                high = middle - 1
        return self.line(full[:low].rstrip(" ") + "…", ink)

    def width(self, line: Line) -> float:
        """How wide `line` is drawn."""
        size = line.ink.size
        if not line.mixed:
            return float(getFont(line.ink.font).stringWidth(line.text, size))
        return sum(piece.width for piece in self.pieces(line.text, line.rtl)) * size

    def lines(self, block: Block, width: float) -> list[Line]:
        ink = block.ink
        text = printable(block.text)
        missing = self.fallback_chars(text)
        main = getFont(ink.font)
        size = ink.size
        if not missing and "\n" not in text:  # most cells: one line in the main font
            piece = (_SPACES.sub(" ", text) if "  " in text else text).strip(" ")
            if not piece:
                return []
            # Short enough that even its widest characters fit, or measured to fit: one line.
            if (
                len(piece) * self._widest(ink.font, piece) * size <= width
                or main.stringWidth(piece, size) <= width + _FUZZ
            ):
                return [Line(piece, ink, False)]
        if missing:

            def measure(s: str) -> float:
                return sum(piece.width for piece in self.pieces(s)) * size

            measure_unit = measure
        else:

            def measure(s: str) -> float:
                return float(main.stringWidth(s, size))

            # Words recur across a report: their widths are kept (at size 1, for every size).
            known = self._unit_widths.setdefault(ink.font, {})
            if len(known) > _MAX_KNOWN_WIDTHS:
                known.clear()

            def measure_unit(s: str) -> float:
                found = known.get(s)
                if found is None:
                    found = known[s] = float(main.stringWidth(s, 1.0))
                return found * size

        out: list[Line] = []
        mixed = bool(missing)
        for piece in text.split("\n"):
            if "  " in piece:
                piece = _SPACES.sub(" ", piece)
            piece = piece.strip(" ")
            if not piece:
                out.append(Line("", ink, False))
                continue
            # the paragraph's direction, from its first strong character (as the field it was typed in)
            rtl = mixed and shaping.paragraph_rtl(piece)
            if measure(piece) <= width + _FUZZ:  # most cells: one line, nothing to break
                out.append(Line(piece, ink, mixed and any(ch in missing for ch in piece), rtl))
                continue
            for made in _fill(piece, width, measure, measure_unit):
                out.append(Line(made, ink, mixed and any(ch in missing for ch in made), rtl))
        # A paragraph drops trailing empty lines and leading ones; keep the blank lines between text.
        while out and not out[-1].text:
            out.pop()
        while out and not out[0].text:
            out.pop(0)
        return out


@functools.lru_cache(maxsize=4)
def _drawable(codes: frozenset[int]) -> frozenset[str]:
    """The characters of `codes` (and the newline) as strings: `issuperset(text)` says in one pass (in C)
    whether a font draws all of `text`. Building it takes about a millisecond; the regular-expression class
    of some thousands of ranges it replaces took 20-50 ms to compile, in every process's first render."""
    return frozenset(map(chr, codes | {0x0A}))


def _units(piece: str) -> list[tuple[str, bool]]:
    """Unbreakable units with whether a space comes before each, kinsoku applied: a character that may
    not start a line joins the unit before it, one that may not end a line joins the unit after it."""
    if max(piece) < _WIDE:  # no CJK: the units are the words (kinsoku only glues across no space)
        words = piece.split(" ")
        return [(words[0], False), *((word, True) for word in words[1:])]
    units: list[tuple[str, bool]] = []
    space = False
    glue_next = False
    for token in _TOKENS.findall(piece):
        if token == " ":
            space, glue_next = True, False
            continue
        if units and not space and (glue_next or token[0] in ALL_CANNOT_START):
            units[-1] = (units[-1][0] + token, units[-1][1])
        else:
            units.append((token, space))
        glue_next = token[-1] in ALL_CANNOT_END
        space = False
    return units


def _fill(piece: str, width: float, measure: Any, measure_unit: Any) -> list[str]:
    """Greedy line filling; a unit wider than the whole width is cut where it must be."""
    lines: list[str] = []
    current, used = "", 0.0
    space_width = measure_unit(" ")
    for unit, space in _units(piece):
        unit_width = measure_unit(unit)
        if current:
            gap = space_width if space else 0.0
            if used + gap + unit_width <= width + _FUZZ:
                current += (" " if space else "") + unit
                used += gap + unit_width
                continue
            lines.append(current)
        while unit_width > width + _FUZZ and len(unit) > 1:
            cut = _longest_prefix(unit, width, measure)
            lines.append(unit[:cut])
            unit = unit[cut:]
            unit_width = measure(unit)
        current, used = unit, unit_width
    if current:
        lines.append(current)
    return lines


def _longest_prefix(unit: str, width: float, measure: Any) -> int:
    low, high = 1, len(unit) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if measure(unit[:middle]) <= width + _FUZZ:
            low = middle
        else:
            high = middle - 1
    return low


class Pen:
    """Writes lines as one block of text operators (`TextOps`); `finish` puts it on the page."""

    def __init__(self, breaker: LineBreaker, canv: Canvas) -> None:
        self._breaker = breaker
        self._ops = TextOps(canv)

    def write(
        self,
        lines: Sequence[Line],
        x: float,
        top: float,
        centre_in: float | None = None,
        width: float | None = None,
    ) -> None:
        """`lines` from `top` down: the first baseline one font size below it, then a leading apart;
        each line centred in a width of `centre_in` when given. With `width` (the room from `x`), a line
        of a right-to-left paragraph ends at the right edge, as it starts there for its reader."""
        for line in lines:
            if line.text:
                start = x
                if centre_in is not None:
                    start = (centre_in - self._breaker.width(line)) / 2
                elif line.rtl and width is not None:
                    start = x + width - self._breaker.width(line)
                self.line(line, start, top - line.ink.size)
            top -= line.ink.leading

    def line(self, line: Line, x: float, baseline: float) -> None:
        """One line with its baseline starting at (x, baseline)."""
        ink, ops = line.ink, self._ops
        ops.colour(ink.color)
        if not line.mixed:
            ops.show(x, baseline, ink.font, ink.size, line.text)
            return
        for piece in self._breaker.pieces(line.text, line.rtl):
            if piece.glyphs is None:
                ops.show(x, baseline, piece.font, ink.size, piece.codes)
            else:
                ops.show_shaped(x, baseline, ink.size, piece)
            x += piece.width * ink.size

    def finish(self) -> None:
        self._ops.finish()


@dataclass(frozen=True)
class GridStyle:
    """What every table of the report shares."""

    rule: Color
    rule_width: float = 0.4
    pad_top: float = 3.5
    pad_bottom: float = 4.5
    pad_side: float = 5.0
    header_background: Color | None = None


class _Row:
    __slots__ = ("background", "cells", "height", "label")

    def __init__(
        self, cells: list[list[Line]], background: Color | None, style: GridStyle, label: Line | None = None
    ) -> None:
        self.cells = cells
        self.background = background
        self.label = label  # the first line of its first cell, which names a row of several cells
        content = max((sum(line.ink.leading for line in cell) for cell in cells), default=0.0)
        self.height = content + style.pad_top + style.pad_bottom


class Grid(Flowable):  # type: ignore[misc]
    """A table of text cells with fixed column widths (points), an optional header row repeated on
    every page, row rules, a shaded column and shaded rows."""

    def __init__(
        self,
        breaker: LineBreaker,
        header: Sequence[Cell] | None,
        rows: Sequence[Sequence[Cell]],
        col_widths: Sequence[float],
        style: GridStyle,
        *,
        row_backgrounds: dict[int, Color] | None = None,
        column_backgrounds: dict[int, Color] | None = None,
        laid_out: tuple[_Row | None, list[_Row]] | None = None,
        continued: str | None = None,
    ) -> None:
        # continued: how a row cut at a page break is named on the next page ("{label} (continued)")
        super().__init__()
        self.continued = continued
        self.col_widths = list(col_widths)
        self.width = sum(self.col_widths)
        self.style = style
        self.column_backgrounds = column_backgrounds or {}
        self._breaker = breaker
        if laid_out is not None:
            self._header, self._rows = laid_out
        else:
            room = [w - 2 * style.pad_side for w in self.col_widths]
            backgrounds = row_backgrounds or {}
            self._header = (
                _Row(self._layout(header, room), style.header_background, style) if header else None
            )
            self._rows = []
            for index, row in enumerate(rows):
                cells = self._layout(row, room)
                label = cells[0][0] if continued is not None and len(cells) > 1 and cells[0] else None
                self._rows.append(_Row(cells, backgrounds.get(index), style, label))
        self.height = self._height()

    def _layout(self, row: Sequence[Cell], room: Sequence[float]) -> list[list[Line]]:
        cells: list[list[Line]] = []
        for cell, width in zip(row, room, strict=True):
            blocks = (cell,) if isinstance(cell, Block) else cell
            lines: list[Line] = []
            for block in blocks:
                lines += self._breaker.lines(block, width)
            cells.append(lines)
        return cells

    def _height(self) -> float:
        return sum(row.height for row in self._rows) + (self._header.height if self._header else 0.0)

    def _part(self, rows: list[_Row]) -> Grid:
        return Grid(
            self._breaker,
            None,
            (),
            self.col_widths,
            self.style,
            column_backgrounds=self.column_backgrounds,
            laid_out=(self._header, rows),
            continued=self.continued,
        )

    # ---- platypus ----------------------------------------------------------------------------------------

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        used = self._header.height if self._header else 0.0
        taken: list[_Row] = []
        for index, row in enumerate(self._rows):
            if used + row.height <= avail_height + _FUZZ:
                taken.append(row)
                used += row.height
                continue
            # The row does not fit: cut it between lines, leaving two lines at least on each side;
            # else it moves on whole (to a fresh page, where it fits or, taller than a page, is cut).
            first, rest = self._cut(row, avail_height - used)
            if first is not None and rest is not None:
                return [self._part([*taken, first]), self._part([rest, *self._rows[index + 1 :]])]
            if not taken:
                return []
            return [self._part(taken), self._part(self._rows[index:])]
        return [self._part(taken)]

    def _cut(self, row: _Row, room: float, minimum: int = 2) -> tuple[_Row | None, _Row | None]:
        content = room - self.style.pad_top - self.style.pad_bottom
        firsts: list[list[Line]] = []
        rests: list[list[Line]] = []
        most = 0
        for cell in row.cells:
            height, count = 0.0, 0
            for line in cell:
                if height + line.ink.leading > content + _FUZZ:
                    break
                height += line.ink.leading
                count += 1
            if count < len(cell):  # this cell is cut: `minimum` lines at least go on to the next page...
                count = max(0, min(count, len(cell) - minimum))
                if count < minimum:  # ...and at least as many stay, else the whole cell moves on
                    count = 0
            firsts.append(cell[:count])
            rests.append(cell[count:])
            most = max(most, count)
        if most < minimum or not any(rests):
            return None, None
        if row.label is not None and self.continued is not None and firsts[0]:
            # the label stayed above: the tail says which row it continues, not leave it to the row above
            name = Block(self.continued.format(label=row.label.text), row.label.ink)
            rests[0] = self._breaker.lines(name, self.col_widths[0] - 2 * self.style.pad_side) + rests[0]
        first = _Row(firsts, row.background, self.style, row.label)
        return first, _Row(rests, row.background, self.style, row.label)

    def draw(self) -> None:
        canv = self.canv
        style = self.style
        rows = [self._header, *self._rows] if self._header else self._rows
        top = self.height
        # backgrounds first, then the rules, then all the text in one block (drawOn saves the state)
        for column, shade in self.column_backgrounds.items():
            x = sum(self.col_widths[:column])
            header_height = self._header.height if self._header else 0.0
            canv.setFillColor(shade)
            canv.rect(x, 0, self.col_widths[column], top - header_height, stroke=0, fill=1)
        y = top
        for row in rows:
            if row.background is not None:
                canv.setFillColor(row.background)
                canv.rect(0, y - row.height, self.width, row.height, stroke=0, fill=1)
            y -= row.height
        canv.setStrokeColor(style.rule)
        canv.setLineWidth(style.rule_width)
        y = top
        rules = []
        for row in rows:
            y -= row.height
            rules.append((0, y, self.width, y))
        canv.lines(rules)
        pen = Pen(self._breaker, canv)
        y = top
        for row in rows:
            x = style.pad_side
            for cell, width in zip(row.cells, self.col_widths, strict=True):
                pen.write(cell, x, y - style.pad_top, width=width - 2 * style.pad_side)
                x += width
            y -= row.height
        pen.finish()


class Para(Flowable):  # type: ignore[misc]
    """A paragraph of plain text in one style (left-aligned, right-aligned when it reads right to left,
    or centred when the style says so), split between lines across pages. The body text, headings and cover lines of the report."""

    def __init__(
        self, breaker: LineBreaker, text: str, style: ParagraphStyle, lines: list[Line] | None = None
    ) -> None:
        super().__init__()
        self.block = Block(text, style)
        self.style = style
        self._breaker = breaker
        self._lines = lines or []
        self._for_width: float | None = None
        self._split = False  # a piece of a split paragraph keeps its lines
        self._space_before = float(style.spaceBefore)
        self._space_after = float(style.spaceAfter)

    def getSpaceBefore(self) -> float:
        return self._space_before

    def getSpaceAfter(self) -> float:
        return self._space_after

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._for_width is None or (self._for_width != avail_width and not self._split):
            self._lines = self._breaker.lines(self.block, avail_width)
            self._for_width = avail_width
        self.width = avail_width
        self.height = sum(line.ink.leading for line in self._lines)
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        fit = int((avail_height + _FUZZ) // self.block.ink.leading)
        if fit >= len(self._lines):
            return [self]
        fit = min(fit, len(self._lines) - 2)  # two lines at least on each side, or it moves on whole
        if fit < 2:
            return []
        first = self._piece(self._lines[:fit], avail_width)
        rest = self._piece(self._lines[fit:], avail_width)
        first._space_after = 0.0
        rest._space_before = 0.0
        return [first, rest]

    def _piece(self, lines: list[Line], width: float) -> Para:
        piece = Para(self._breaker, self.block.text, self.style, lines)
        piece._for_width = width
        piece._split = True
        return piece

    def draw(self) -> None:
        canv = self.canv
        pen = Pen(self._breaker, canv)
        centre = self.width if self.style.alignment == TA_CENTER else None
        pen.write(self._lines, 0, self.height, centre, width=self.width)
        pen.finish()
