"""The report fonts' parsed character tables, kept on disk between processes.

Registering IPAexGothic (6 MB, 12,000 characters) and DejaVu Sans with ReportLab means parsing each
font's character map and metrics in pure Python: about 0.15 s of every process that renders a report, more
than the render itself. The result of that parse (which glyph draws each character, the widths, where
each glyph is) depends only on the font file and ReportLab's parser, so it is stored in the user's cache
folder (`config.user_cache_dir()/fonts`) under the SHA-256 of the font file and ReportLab's version, as
`marshal` data (loading it runs no code). A missing, stale or damaged entry is parsed again and
rewritten; a cache folder that cannot be written costs only the time.

The fonts the tool ships have their SHA-256 in `resources/fonts/SHA256SUMS.json` (checked against the
files by the tests), so a process keys the cache without reading a whole font file: the file is mapped
(`reportlab_adapter.CachedFontFace`), and only the pages of the tables and glyphs a report uses are read.
The per-glyph tables are kept as arrays (`GlyphMetrics`, `array`): some 40,000 small objects fewer.
"""

from __future__ import annotations

import hashlib
import json
import logging
import marshal
import os
import tempfile
from array import array
from pathlib import Path
from typing import Any

import reportlab

from transfer_tool.runtime.config import user_cache_dir

_log = logging.getLogger(__name__)

FORMAT = 2  # bump when what is stored changes
# What ReportLab's `TTFontFile.extractInfo` reads from the character map and metrics tables on top of the
# header fields (`extractInfo(charInfo=0)`), which stay cheap and are always read from the file.
# `glyphToChar` (which the report never reads) stays marshalled until ReportLab asks for it.
CHAR_INFO = ("charToGlyph", "glyphToChar", "charWidths", "defaultWidth", "hmetrics", "glyphPos")
STORED = ("charToGlyph", "glyphToChar", "charWidths", "defaultWidth", "advances", "bearings", "glyphPos")
DIGESTS = "SHA256SUMS.json"  # beside the shipped fonts: {file name: {"sha256": hex, "bytes": size}}
# Glyph offsets fit 32 bits (a TrueType `loca` table holds 32-bit offsets at most).
_OFFSETS = "I" if array("I").itemsize == 4 else "L"


class GlyphMetrics:
    """ReportLab's `hmetrics` (per glyph: advance width, left side bearing) over two arrays."""

    __slots__ = ("_advances", "_bearings")

    def __init__(self, advances: array[float], bearings: array[int]) -> None:
        self._advances = advances
        self._bearings = bearings

    def __getitem__(self, glyph: int) -> tuple[float, int]:
        return self._advances[glyph], self._bearings[glyph]

    def __len__(self) -> int:
        return len(self._advances)


def cache_folder() -> Path:
    return user_cache_dir() / "fonts"


def shipped_digest(font_file: Path) -> str | None:
    """The SHA-256 the tool shipped for `font_file`, if it is one of its fonts and still its size."""
    try:
        digests = json.loads((font_file.parent / DIGESTS).read_text(encoding="utf-8"))
        entry = digests[font_file.name]
        if font_file.stat().st_size == entry["bytes"]:
            return str(entry["sha256"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def font_digest(font_file: Path, font_data: Any) -> str:
    """The SHA-256 of a font: the shipped one, else that of its bytes (`font_data`)."""
    return shipped_digest(font_file) or hashlib.sha256(font_data).hexdigest()


def cache_file(font_file: Path, font_data: Any, digest: str | None = None) -> Path:
    """The cache entry of a font, under its digest (`font_digest`)."""
    digest = digest or font_digest(font_file, font_data)
    version = f"rl{reportlab.Version}-m{marshal.version}-f{FORMAT}"
    return cache_folder() / f"{font_file.stem}-{digest[:32]}-{version}.marshal"


def pack(tables: dict[str, Any]) -> dict[str, Any]:
    """What ReportLab parsed (`CHAR_INFO`), as stored: the per-glyph lists as the bytes of arrays."""
    advances, bearings = zip(*tables["hmetrics"], strict=True) if tables["hmetrics"] else ((), ())
    return {
        "charToGlyph": tables["charToGlyph"],
        "glyphToChar": marshal.dumps(tables["glyphToChar"]),
        "charWidths": tables["charWidths"],
        "defaultWidth": tables["defaultWidth"],
        "advances": array("d", advances).tobytes(),
        "bearings": array("H", bearings).tobytes(),
        "glyphPos": array(_OFFSETS, tables["glyphPos"]).tobytes(),
    }


def unpack(stored: dict[str, Any]) -> dict[str, Any] | None:
    """The face's tables from what was stored (`glyphToChar` as `packed_glyph_to_char`: see
    `CachedFontFace`); None if the entry does not hold tables of one font."""
    advances, bearings, offsets = array("d"), array("H"), array(_OFFSETS)
    advances.frombytes(stored["advances"])
    bearings.frombytes(stored["bearings"])
    offsets.frombytes(stored["glyphPos"])
    consistent = len(advances) == len(bearings) and len(offsets) == len(advances) + 1
    if not consistent or not isinstance(stored["glyphToChar"], bytes):
        return None
    return {
        "charToGlyph": stored["charToGlyph"],
        "packed_glyph_to_char": stored["glyphToChar"],
        "charWidths": stored["charWidths"],
        "defaultWidth": stored["defaultWidth"],
        "hmetrics": GlyphMetrics(advances, bearings),
        "glyphPos": offsets,
    }


def load_tables(path: Path) -> dict[str, Any] | None:
    try:
        stored = marshal.loads(path.read_bytes())
        tables = unpack(stored) if isinstance(stored, dict) and set(stored) == set(STORED) else None
        if tables is None:
            _log.debug("font cache %s holds something else: parsing the font again", path)
        return tables
    except FileNotFoundError:
        return None
    except (OSError, EOFError, ValueError, TypeError) as exc:
        _log.debug("font cache %s unreadable (%s): parsing the font again", path, exc)
        return None


def store_tables(path: Path, tables: dict[str, Any]) -> None:
    """Store what ReportLab parsed (`CHAR_INFO`) for the next process."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".font-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                marshal.dump(pack(tables), out)
            os.replace(tmp, path)  # whole or not at all, also with two processes writing at once
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        _log.debug("font cache %s not written (%s)", path, exc)
