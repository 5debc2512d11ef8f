"""Complex text for the report: right-to-left lines put in visual order (python-bidi's implementation of
the Unicode Bidirectional Algorithm) and runs of Arabic, Hebrew, Devanagari, Thai or emoji shaped by
HarfBuzz (uharfbuzz). Only lines that hold such text come here; Latin and Japanese never do.

ReportLab embeds TrueType fonts by character, not by glyph. A shaped glyph (an Arabic joining form, a
Devanagari conjunct) may have no character of its own, so each one drawn gets a code point of its own in
the supplementary private use planes (`SYNTHETIC_FIRST` on, never typed by anyone: `text.py`), mapped in
the font's tables to its glyph and, in the ToUnicode map, to the text it stands for
(`reportlab_adapter.glyph_text`). Each shaped run is also written inside an ActualText span holding its
text, which is what a reader copies or extracts (PDF 32000-1, 14.9.4), so a conjunct or a ligature
extracts as its characters. Right-to-left text is given in drawing order, as the glyphs are: readers
(pdftotext, PDFium) reorder right-to-left runs to logical order themselves.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from typing import Any, NamedTuple

from reportlab.pdfbase.pdfmetrics import getFont

from transfer_tool.report import reportlab_adapter

SYNTHETIC_FIRST = reportlab_adapter.SYNTHETIC_FIRST
# A strong right-to-left character or a right-to-left control: the line needs the bidirectional algorithm.
_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u202b\u202e\u2067\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
# Characters that belong to the character before them: marks, joiners, variation selectors, tags.
_ATTACHING = frozenset(("Mn", "Me", "Mc"))
_JOINERS = frozenset("\u200c\u200d\u20e3")
# Bidirectional format characters: they order text and draw nothing (HarfBuzz hides them in what it
# shapes; elsewhere they are left out rather than drawn as a missing-glyph box).
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI_CONTROL = re.compile(f"[{BIDI_CONTROLS}]")
_NO_GLYPH = str.maketrans("", "", BIDI_CONTROLS)
_lock = threading.Lock()  # the renderer may be warmed on a worker thread while a render starts


def needs_bidi(text: str) -> bool:
    return _RTL.search(text) is not None


def attaches(ch: str) -> bool:
    """Whether `ch` is drawn with the character before it (and so must come from the same font)."""
    code = ord(ch)
    return (
        ch in _JOINERS
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
        or 0xE0020 <= code <= 0xE007F
        or 0x1F3FB <= code <= 0x1F3FF  # skin tones
        or unicodedata.category(ch) in _ATTACHING
    )


class Segment(NamedTuple):
    """A piece of a line in one font and one direction, in the line's visual order."""

    text: str  # logical order
    font: str
    rtl: bool


class Piece(NamedTuple):
    """What is drawn for a segment: `codes` to show in `font` and, for a shaped segment, each glyph's
    (x offset, y offset, advance) at size 1 and the text it stands for (ActualText)."""

    codes: str
    font: str
    width: float  # at size 1
    glyphs: tuple[tuple[float, float, float], ...] | None
    actual: str | None  # in drawing order: right-to-left text reversed (see `_shape`)


def paragraph_rtl(text: str) -> bool:
    """Whether a paragraph reads right to left: its first strong character is (rules P2-P3, as Qt's text
    fields lay out what is typed in them)."""
    if not needs_bidi(text):
        return False
    from bidi import algorithm

    return bool(algorithm.get_base_level(text))


def visual_segments(text: str, runs: list[tuple[str, str]], rtl: bool = False) -> list[Segment]:
    """`runs` (logical order, (text, font) pieces of `text`) as segments in visual order; `rtl`: the
    line's paragraph reads right to left."""
    if not rtl and not needs_bidi(text):
        return [Segment(run, font, False) for run, font in runs]
    fonts: list[str] = []
    for run, font in runs:
        fonts += [font] * len(run)
    levels, order = _bidi(text, rtl)
    segments: list[Segment] = []
    start = 0
    while start < len(order):
        first = order[start]
        level, font = levels[first], fonts[first]
        step = -1 if level % 2 else 1
        end = start + 1
        while (
            end < len(order)
            and order[end] == order[end - 1] + step
            and levels[order[end]] == level
            and fonts[order[end]] == font
        ):
            end += 1
        low, high = sorted((order[start], order[end - 1]))
        segments.append(Segment(text[low : high + 1], font, bool(level % 2)))
        start = end
    return segments


def _bidi(text: str, rtl: bool) -> tuple[list[int], list[int]]:
    """Each character's embedding level, and the characters' logical indices in visual order (rules
    X1-L2, python-bidi's steps, on one line whose paragraph reads right to left when `rtl`)."""
    from bidi import algorithm  # loaded on first use: most reports never need it

    storage: dict[str, Any] = algorithm.get_empty_storage()
    storage["base_level"] = int(rtl)
    storage["base_dir"] = ("L", "R")[storage["base_level"]]
    algorithm.get_embedding_levels(_without_isolates(text), storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    algorithm.explicit_embed_and_overrides(storage, False)
    algorithm.resolve_weak_types(storage, False)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    levels = [0] * len(text)
    for char in storage["chars"]:
        levels[char["index"]] = char["level"]
    algorithm.reorder_resolved_levels(storage, False)
    order = [char["index"] for char in storage["chars"]]
    # Rule X9 takes embedding controls and joiners (ZWJ inside an emoji sequence) out of the line: each
    # goes back beside the character before it (or after it), on that character's side, so the run
    # it belongs to stays whole.
    placed = set(order)
    for index in range(len(text)):
        if index in placed:
            continue
        if not order:
            order.append(index)
        elif index - 1 in placed:
            at = order.index(index - 1)
            levels[index] = levels[index - 1]
            order.insert(at if levels[index] % 2 else at + 1, index)
        else:
            after = min(i for i in placed if i > index)
            at = order.index(after)
            levels[index] = levels[after]
            order.insert(at + 1 if levels[index] % 2 else at, index)
        placed.add(index)
    return levels, order


# python-bidi's algorithm predates the isolates of Unicode 6.3: each becomes the embedding nearest to it
# (LRI, RLI and PDI as LRE, RLE and PDF; FSI by the direction of what it holds), one character for one.
_ISOLATES = {0x2066: "\u202a", 0x2067: "\u202b", 0x2069: "\u202c"}


def _without_isolates(text: str) -> str:
    if not any("\u2066" <= ch <= "\u2069" for ch in text):
        return text
    out: list[str] = []
    for index, ch in enumerate(text):
        if ch == "\u2068":
            end = text.find("\u2069", index)
            held = text[index + 1 : end if end >= 0 else len(text)]
            out.append("\u202b" if paragraph_rtl(held) else "\u202a")
        else:
            out.append(_ISOLATES.get(ord(ch), ch))
    return "".join(out)


def piece(segment: Segment, shaped: bool) -> Piece:
    """The segment as drawn: shaped when its font needs it or it runs right to left."""
    if shaped or segment.rtl:
        return _shape(segment.text, segment.font, segment.rtl)
    text = segment.text.translate(_NO_GLYPH) if _BIDI_CONTROL.search(segment.text) else segment.text
    return Piece(text, segment.font, float(getFont(segment.font).stringWidth(text, 1.0)), None, None)


@functools.lru_cache(maxsize=4096)
def _shape(text: str, font_name: str, rtl: bool) -> Piece:
    import uharfbuzz as hb  # loaded on first use: about 40 ms

    font = _hb_font(font_name)
    upem = float(font.face.upem)
    buffer = hb.Buffer()
    buffer.add_codepoints([ord(ch) for ch in text])
    buffer.guess_segment_properties()
    buffer.direction = "rtl" if rtl else "ltr"
    buffer.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    hb.shape(font, buffer, {"kern": True, "liga": True})
    infos, positions = buffer.glyph_infos, buffer.glyph_positions
    # The text each glyph stands for: its cluster's characters, on the cluster's first glyph in logical
    # order (the others stand for nothing more). Right-to-left text is written in drawing order, as
    # extractors expect it: they put right-to-left runs back in logical order themselves (pdftotext and
    # PDFium both do; a right-to-left run given to them in logical order came out reversed).
    starts = sorted({info.cluster for info in infos})
    ends = {start: end for start, end in zip(starts, [*starts[1:], len(text)], strict=True)}
    seen: set[int] = set()
    logical = range(len(infos) - 1, -1, -1) if rtl else range(len(infos))
    texts = [""] * len(infos)
    for index in logical:
        cluster = infos[index].cluster
        if cluster not in seen:
            seen.add(cluster)
            texts[index] = _drawn(text[cluster : ends[cluster]]) if rtl else text[cluster : ends[cluster]]
    codes: list[str] = []
    glyphs: list[tuple[float, float, float]] = []
    width = 0.0
    for info, position, glyph_text in zip(infos, positions, texts, strict=True):
        advance = position.x_advance / upem
        codes.append(
            chr(
                _synthetic(
                    font_name, info.codepoint, glyph_text, font.get_glyph_h_advance(info.codepoint) / upem
                )
            )
        )
        glyphs.append((position.x_offset / upem, position.y_offset / upem, advance))
        width += advance
    return Piece("".join(codes), font_name, width, tuple(glyphs), _drawn(text) if rtl else text)


def _drawn(text: str) -> str:
    """Right-to-left text in drawing order: reversed. A bracket stays the character typed (HarfBuzz
    draws its mirrored glyph): extractors reverse the run back without mirroring anything."""
    return text[::-1]


@functools.lru_cache(maxsize=16)
def _hb_font(font_name: str) -> Any:
    import uharfbuzz as hb

    return hb.Font(hb.Face(hb.Blob(reportlab_adapter.font_file_bytes(getFont(font_name)))))


_codes: dict[tuple[str, int, str], int] = {}


def _synthetic(font_name: str, glyph: int, text: str, advance: float) -> int:
    """The code point that draws `glyph` of the font and stands for `text`; made on first use."""
    key = (font_name, glyph, text)
    found = _codes.get(key)
    if found is not None:
        return found
    with _lock:
        found = _codes.get(key)
        if found is None:
            found = SYNTHETIC_FIRST + len(_codes)
            reportlab_adapter.add_glyph(getFont(font_name), found, glyph, advance * 1000)
            reportlab_adapter.glyph_text[found] = text
            _codes[key] = found
    return found
