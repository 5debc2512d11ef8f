"""Rebuilds the report's fallback fonts in resources/fonts from Debian's font packages (run as needed, not
at build time; the results are committed):

    apt-get install fonts-noto-core fonts-symbola fonts-hanazono fonts-nanum
    .venv/bin/python scripts/build-fallback-fonts.py

Noto Sans Arabic, Hebrew, Devanagari and Thai are copied whole (small, and shaping needs every glyph and
table); so is NanumSquare Regular for Hangul (0.7 MB; unchanged, so its reserved font name may stay).
Symbola is cut to the emoji and symbol blocks; Hanazono Mincho B (31 MB for CJK Extensions B to F) to the
whole of Extension B (issue 18: any Extension B character a user may type prints, not only those of
JIS X 0213 and HKSCS; the other extensions are rarer and would more than double the file).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
NOTO = Path("/usr/share/fonts/truetype/noto")
WHOLE = ("NotoSansArabic", "NotoSansHebrew", "NotoSansDevanagari", "NotoSansThai")
SYMBOLA = Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf")
HANAZONO_B = Path("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf")
NANUM_SQUARE = Path("/usr/share/fonts/truetype/nanum/NanumSquareR.ttf")
EMOJI_BLOCKS = ((0x2300, 0x23FF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x1F000, 0x1FAFF))
EXTENSION_B = (0x20000, 0x2A6DF)


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
    shutil.copyfile(NANUM_SQUARE, FONTS / NANUM_SQUARE.name)
    emoji = {code for low, high in EMOJI_BLOCKS for code in range(low, high + 1)}
    cut(SYMBOLA, emoji, FONTS / "Symbola-emoji.ttf")
    cut(HANAZONO_B, set(range(EXTENSION_B[0], EXTENSION_B[1] + 1)), FONTS / "HanaMinB-ExtB.ttf")
    for path in sorted(FONTS.glob("*.ttf")):
        print(f"{path.name}: {path.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
