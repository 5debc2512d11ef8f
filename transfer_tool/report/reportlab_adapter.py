"""Where the report depends on ReportLab beyond its public API, and the fixes it applies to ReportLab.

Every use of a ReportLab internal lives here, behind a function that says what it is for (the report's own
text layout writes into ReportLab's pages and font subsets): the canvas's document, its annotations and
bookmarks; a TrueType font's subset assignments, ASCII mode and file bytes; a glyph added to a font.
`pyproject.toml` pins ReportLab to the minor version the tests ran on, and
`tests/unit/test_reportlab_adapter.py` exercises each internal on a real document, so a ReportLab that
changes one fails there, loudly, rather than in a report.

Importing this module applies the fixes; `transfer_tool.report.fonts` imports it, so every PDF the tool
writes has them. The same test fails when ReportLab changes what a fix replaces.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import marshal
import mmap
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import reportlab
from reportlab import rl_config
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.pdfdoc import PDFDocument, PDFObject
from reportlab.pdfgen.canvas import Canvas

from transfer_tool.errors import ToolError
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.report import font_cache

# ---- the canvas ----------------------------------------------------------------------------------------


def canvas_document(canv: Canvas) -> PDFDocument:
    """The document a canvas writes (its objects, references and the current page's reference)."""
    doc: PDFDocument = canv._doc
    return doc


def add_annotation(canv: Canvas, annotation: Any) -> None:
    """An annotation (a link, a form widget) on the canvas's current page."""
    canv._addAnnotation(annotation)


def bookmark_reference(canv: Canvas, name: str) -> PDFObject:
    """A reference to the bookmark `name`, which `Canvas.bookmarkPage` may define later."""
    return canv._bookmarkReference(name)


def subset_font_name(font: ttfonts.TTFont, subset: int, canv: Canvas) -> str:
    """The resource name ("/F3+0") of one subset of `font` in the canvas's document."""
    name: str = font.getSubsetInternalName(subset, canvas_document(canv))
    return name


def add_to_page(canv: Canvas, page_index: int, code: str) -> None:
    """Append content-stream operators to a page already laid out (numbers known only at the end)."""
    canvas_document(canv).Pages.pages[page_index].stream += code


# ---- TrueType fonts ------------------------------------------------------------------------------------


def ascii_is_readable(font: ttfonts.TTFont) -> bool:
    """Whether the font's first subset keeps printable ASCII at its own codes (then such text is its own
    encoding)."""
    own = font._asciiReadable
    return bool(rl_config.ttfAsciiReadable if own is None else own)


def subset_assignments(font: ttfonts.TTFont, doc: PDFDocument) -> dict[int, int]:
    """Code point -> (subset << 8 | code) for the characters `font` has drawn in `doc` so far."""
    assignments: dict[int, int] = font.state[doc].assignments
    return assignments


def font_file_bytes(font: ttfonts.TTFont) -> bytes:
    """The font file as ReportLab read it (for HarfBuzz, which shapes with the same font)."""
    data = font.face._ttf_data
    return data if isinstance(data, bytes) else bytes(data)  # a mapped file (`CachedFontFace`)


def add_glyph(font: ttfonts.TTFont, code: int, glyph: int, width: float) -> None:
    """Make `code` draw `glyph` of the font, `width` thousandths of the size wide (a shaped glyph)."""
    font.face.charToGlyph[code] = glyph
    font.face.charWidths[code] = width


class GlyphTable:
    """A font's `glyf` table in a mapped file: a slice is the bytes of those glyphs, read then."""

    __slots__ = ("_data", "_length", "_start")

    def __init__(self, data: mmap.mmap, start: int, length: int) -> None:
        self._data, self._start, self._length = data, start, length

    def __getitem__(self, part: slice) -> bytes:
        start, stop, step = part.indices(self._length)
        if step != 1:  # ReportLab reads runs; anything else from a copy of the table
            return self._data[self._start : self._start + self._length][part]
        return self._data[self._start + start : self._start + max(start, stop)]

    def __len__(self) -> int:
        return self._length


class CachedFontFace(ttfonts.TTFontFace):  # type: ignore[misc]
    """A TrueType face whose character tables come from the disk cache (`font_cache`) when it has them,
    reading its font file through a memory map: ReportLab reads a whole file into memory (IPAexGothic is
    6 MB) where a report uses the header tables and a few hundred glyphs.

    A mapped file is read when a document takes its glyphs, not once at registration: a font file
    rewritten in place meanwhile (a copy over the installation) would give another font's glyphs, or end
    the process if it shrank. So each subset first checks the file: replaced or removed, the map keeps the
    old file's pages; rewritten in place with other bytes, the render stops with a message."""

    _identity: tuple[int, int, int, int] | None = None  # device, inode, size, modification time
    _digest = ""

    def readFile(self, f: Any) -> None:
        # An empty file cannot be mapped: ReportLab's own reading refuses it with its TTFError.
        if not hasattr(self, "_ttf_data") and isinstance(f, str) and os.path.isfile(f) and os.path.getsize(f):
            with open(f, "rb") as file:
                # ReportLab slices and indexes its data only, which a read-only map serves as bytes.
                self._ttf_data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
                found = os.fstat(file.fileno())
            self._identity = (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns)
            self.filename = f
            self._pos = 0
            return
        super().readFile(f)

    def makeSubset(self, subset: Any) -> Any:
        self._check_unchanged()
        return super().makeSubset(subset)

    def _check_unchanged(self) -> None:
        if self._identity is None:
            return
        device, inode, size, modified = self._identity
        try:
            now = os.stat(self.filename)
        except OSError:
            return  # removed or moved away: the map keeps the file as it was
        if (now.st_dev, now.st_ino) != (device, inode) or (now.st_size, now.st_mtime_ns) == (size, modified):
            return  # another file in its place (the map keeps the old one), or untouched
        # Rewritten in place: only the same bytes again may be read (a shorter file is not even hashed:
        # reading the map past its new end would end the process).
        if now.st_size == size and hashlib.sha256(self._ttf_data).hexdigest() == self._digest:
            self._identity = (device, inode, size, now.st_mtime_ns)
            return
        raise ToolError(
            error_text(
                "The report font {0} was changed on disk while the tool was running (an update or a copy "
                "over the installation). Close the tool, start it again and write the report again.",
                Path(str(self.filename)).name,
            )
        )

    def get_table(self, tag: str) -> Any:
        # A subset reads its glyphs out of the whole `glyf` table (most of the file), which ReportLab
        # copies first: from a mapped file, each glyph is copied on its own instead.
        if tag == "glyf" and isinstance(self._ttf_data, mmap.mmap):
            return GlyphTable(self._ttf_data, *self.get_table_pos(tag))
        return super().get_table(tag)

    def extractInfo(self, charInfo: int = 1) -> None:
        super().extractInfo(0)  # names, metrics and flags from the header tables
        if not charInfo:
            return
        self._digest = font_cache.font_digest(Path(str(self.filename)), self._ttf_data)
        path = font_cache.cache_file(Path(str(self.filename)), self._ttf_data, self._digest)
        tables = font_cache.load_tables(path)
        if tables is not None:
            self.__dict__.update(tables)
            return
        super().extractInfo(charInfo)
        font_cache.store_tables(path, {name: getattr(self, name) for name in font_cache.CHAR_INFO})

    @functools.cached_property
    def glyphToChar(self) -> dict[int, list[int]]:
        """Glyph -> the characters it draws, unpacked from the cache when first asked (the report never
        asks; a parse sets its own, which takes the place of this)."""
        packed: bytes = self.__dict__.pop("packed_glyph_to_char")
        inverse: dict[int, list[int]] = marshal.loads(packed)
        return inverse


_swap = threading.Lock()


def ttfont_with_table_cache(name: str, filename: str, *, ascii_readable: bool) -> ttfonts.TTFont:
    """`TTFont(name, filename, asciiReadable=...)` whose face is a `CachedFontFace`.

    TTFont builds its face with the module's `TTFontFace`; for this one construction that name is the
    caching subclass (under a lock; any other font built meanwhile would get the same, equivalent face)."""
    with _swap:
        plain = ttfonts.TTFontFace
        ttfonts.TTFontFace = CachedFontFace
        try:
            font = ttfonts.TTFont(name, filename, asciiReadable=ascii_readable)
        finally:
            ttfonts.TTFontFace = plain
    if not isinstance(font.face, CachedFontFace):  # a ReportLab that builds its face differently
        logging.getLogger(__name__).debug("ReportLab %s did not use the font cache", reportlab.Version)
    return font


# ---- the ToUnicode fix -----------------------------------------------------------------------------------

# ReportLab's own function, kept for the test that checks it still needs replacing.
REPORTLAB_TO_UNICODE_CMAP = ttfonts.makeToUnicodeCMap
# Code points from here on stand for shaped glyphs (`shaping.py`), each with the text it draws; a glyph
# that draws no text of its own (the second glyph of a cluster) gets no ToUnicode entry.
SYNTHETIC_FIRST = 0xF0000
glyph_text: dict[int, str] = {}


def to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """The ToUnicode CMap of one font subset, each character as UTF-16BE (PDF 32000-1, 9.10.3).

    ReportLab writes each code point as `%04X`: a character above U+FFFF (an emoji, CJK Extension B) came
    out with five hex digits, which readers take as four (U+1F600 was extracted as U+1F60). UTF-16 writes
    it as its surrogate pair, which every reader decodes. A shaped glyph maps to the text it stands for
    (a ligature to several characters).
    """
    mappings = [
        f"<{i:02X}> <{text.encode('utf-16-be', 'surrogatepass').hex().upper()}>"
        for i, cp in enumerate(subset)
        if (text := glyph_text.get(cp, "") if cp >= SYNTHETIC_FIRST else chr(cp))
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            # A bfchar block holds at most 100 entries (PDF 32000-1, 9.7.6.2 and the CMap specification).
            *_bfchar_blocks(mappings),
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def _bfchar_blocks(mappings: list[str]) -> list[str]:
    lines: list[str] = []
    for start in range(0, len(mappings), 100):
        block = mappings[start : start + 100]
        lines += [f"{len(block)} beginbfchar", *block, "endbfchar"]
    return lines


ttfonts.makeToUnicodeCMap = to_unicode_cmap
