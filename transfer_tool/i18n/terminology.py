"""The shared terminology: key -> {en, ja[, en_ui]}, read from the message catalogue's `terms` domain
(data/locale/<lang>/LC_MESSAGES/terms.po; its ids are keys, so a term keeps its key when its wording changes;
the English file's msgctxt "screen" entries are the interface's shorter English, `en_ui`).

The PDF report and the interface both read it, so a legal term or a status is worded the same on screen
and on paper. Kept outside `transfer_tool.report` so that reading it does not import the PDF libraries.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

LANGUAGES = ("en", "ja")
DOMAIN = "terms"
SCREEN = "screen"  # the msgctxt of the interface's own English wording of a term


@dataclass(frozen=True)
class Terminology:
    entries: dict[str, dict[str, str]]

    @classmethod
    def load(cls) -> Terminology:
        from transfer_tool.i18n.catalogue import languages, messages

        entries: dict[str, dict[str, str]] = {}
        for lang in languages():
            for key, text in messages(DOMAIN, lang).items():
                context, _, msgid = key.rpartition("\x04")
                field = "en_ui" if lang == "en" and context == SCREEN else lang
                entries.setdefault(msgid, {})[field] = text
        return cls(entries)

    def get(self, key: str, lang: str, **fields: object) -> str:
        """The term in `lang`, English if that is missing; an unknown key comes back as itself so a gap shows."""
        entry = self.entries.get(key)
        if entry is None:
            return key
        text = entry.get(lang) or entry.get("en") or key
        return text.format(**fields) if fields else text

    def has(self, key: str) -> bool:
        return key in self.entries

    def screen_english(self, key: str, fallback: str) -> str:
        """The English the screens show for `key` (its shorter "screen" wording where it has one: "Partial"),
        `fallback` when the list has no such term."""
        entry = self.entries.get(key, {})
        return entry.get("en_ui") or entry.get("en") or fallback


@functools.cache
def shipped_terminology() -> Terminology:
    return Terminology.load()
