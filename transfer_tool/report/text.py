"""User text made drawable: control characters, lone surrogates and private-use characters of the
supplementary planes, which no font of the report draws and no PDF string can hold, become visible
stand-ins; tabs become spaces; every newline convention becomes "\\n".
Nothing else is changed: the report never interprets what a user typed (see `layout`)."""

from __future__ import annotations

import re

_STAND_IN = "\N{REPLACEMENT CHARACTER}"
_PRINTABLE = str.maketrans(
    {
        **{code: _STAND_IN for code in range(0x20) if code != 0x0A},
        **{code: _STAND_IN for code in range(0x7F, 0xA0)},
        0x09: " ",
    }
)
# Lone surrogates, and the supplementary private use planes, where the report's shaped glyphs have
# their codes (`shaping.py`): no font of the report draws a character there.
_SURROGATE = re.compile("[\ud800-\udfff\U000f0000-\U0010ffff]")
_UNPRINTABLE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\U000f0000-\U0010ffff]"
)  # what needs changing


def printable(text: str) -> str:
    if not _UNPRINTABLE.search(text):  # nearly all text: nothing to change
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_PRINTABLE)
    return _SURROGATE.sub(_STAND_IN, text)
