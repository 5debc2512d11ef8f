"""The shared terminology list (data/terminology.json): key -> {en, ja[, en_ui]}.

The PDF report and the interface both read it, so a legal term or a status is worded the same on screen
and on paper. Kept outside `transfer_tool.report` so that reading it does not import the PDF libraries.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from transfer_tool.i18n.message import Translatable
from transfer_tool.paths import data_file

LANGUAGES = ("en", "ja")


@dataclass(frozen=True)
class Terminology:
    entries: dict[str, dict[str, str]]

    @classmethod
    def load(cls, path: Path | None = None) -> Terminology:
        raw = json.loads((path or data_file("terminology.json")).read_text(encoding="utf-8"))
        return cls({key: dict(value) for key, value in raw.items()})

    def get(self, key: str, lang: str, **fields: object) -> str:
        """The term in `lang`, English if that is missing; an unknown key comes back as itself so a gap shows."""
        entry = self.entries.get(key)
        if entry is None:
            return key
        text = entry.get(lang) or entry.get("en") or key
        return text.format(**fields) if fields else text

    def has(self, key: str) -> bool:
        return key in self.entries


@functools.cache
def shipped_terminology() -> Terminology:
    return Terminology.load()


@dataclass(frozen=True)
class Term(Translatable):
    """An entry of the shipped list, read in the language it is shown in."""

    key: str

    def get(self, lang: str) -> str:
        return shipped_terminology().get(self.key, lang)
