"""Rebuilds the report's fallback fonts in resources/fonts from Debian's font packages (run as needed, not
at build time; the results are committed):

    apt-get install fonts-noto-core fonts-noto-cjk fonts-symbola fonts-hanazono
    .venv/bin/python scripts/build-fallback-fonts.py

Noto Sans Arabic, Hebrew, Devanagari and Thai are copied whole (small, and shaping needs every glyph and
table). Symbola is cut to the emoji and symbol blocks; Hanazono Mincho B (22 MB for all of CJK Extension
B) to the Extension B characters that regional standards and fonts carry, which is what input methods
type: those of JIS X 0213:2004 and HKSCS-2008 (Python's shift_jis_2004 and big5hkscs codecs list them)
and those Noto Sans CJK has (its Japanese, Chinese and Korean character collections; e.g. U+20BB7, in
Japanese names but in no JIS standard).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
NOTO = Path("/usr/share/fonts/truetype/noto")
WHOLE = ("NotoSansArabic", "NotoSansHebrew", "NotoSansDevanagari", "NotoSansThai")
SYMBOLA = Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf")
HANAZONO_B = Path("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf")
NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
EMOJI_BLOCKS = ((0x2300, 0x23FF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x1F000, 0x1FAFF))
EXTENSION_B = (0x20000, 0x2A6DF)


def extension_b_typed() -> set[int]:
    """The CJK Extension B characters of JIS X 0213 and HKSCS (every two-byte code of each codec) and of
    Noto Sans CJK."""
    found: set[int] = set()
    for codec in ("shift_jis_2004", "big5hkscs"):
        for first in range(0x81, 0x100):
            for second in range(0x40, 0x100):
                try:
                    text = bytes((first, second)).decode(codec)
                except UnicodeDecodeError:
                    continue
                found |= {ord(ch) for ch in text if EXTENSION_B[0] <= ord(ch) <= EXTENSION_B[1]}
    for font in TTCollection(NOTO_CJK).fonts:
        found |= {code for code in font.getBestCmap() if EXTENSION_B[0] <= code <= EXTENSION_B[1]}
    return found


def cut(source: Path, codes: set[int], target: Path) -> None:
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.hinting = False
    options.notdef_outline = True
    options.drop_tables += ["FFTM"]
    font = TTFont(source)
    cmap = font.getBestCmap()
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(code for code in codes if code in cmap))
    subsetter.subset(font)
    font.save(target)


def main() -> None:
    for family in WHOLE:
        shutil.copyfile(NOTO / f"{family}-Regular.ttf", FONTS / f"{family}-Regular.ttf")
    emoji = {code for low, high in EMOJI_BLOCKS for code in range(low, high + 1)}
    cut(SYMBOLA, emoji, FONTS / "Symbola-emoji.ttf")
    cut(HANAZONO_B, extension_b_typed(), FONTS / "HanaMinB-subset.ttf")
    for path in sorted(FONTS.glob("*.ttf")):
        print(f"{path.name}: {path.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
