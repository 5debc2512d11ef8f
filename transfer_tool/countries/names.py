"""Localised destination names and the country search (English, Japanese, ISO codes, aliases).

English names come from pycountry's `name`, Japanese ones from its gettext catalogue (domain iso3166-1),
both overridden by data/country_names.json where pycountry's wording is sensitive or awkward (e.g. Taiwan).
"""

from __future__ import annotations

import gettext
import json
import unicodedata
from dataclasses import dataclass
from typing import Any

import pycountry

from transfer_tool.paths import data_file

NAMES_FILE = "country_names.json"


def normalise(text: str) -> str:
    """Fold for matching: NFKC (full-width Latin, half-width katakana), case, hiragana to katakana."""
    folded = unicodedata.normalize("NFKC", text).casefold().strip()
    # Hiragana U+3041..U+3096 sit exactly 0x60 below their katakana.
    return "".join(chr(ord(ch) + 0x60) if "\u3041" <= ch <= "\u3096" else ch for ch in folded)


@dataclass(frozen=True)
class NameEntry:
    code: str
    alpha_3: str
    name_en: str
    name_ja: str
    kind: str = "country"


@dataclass(frozen=True)
class SearchHit:
    code: str
    name_en: str
    name_ja: str
    rank: int  # 0 exact code/alias/name, 1 prefix, 2 substring of a name, 3 substring of an alias
    matched: str  # the text that matched (a name, code or alias)


class CountryNames:
    """Names for every known destination (ISO 3166-1 plus the documented extras) and a search over them."""

    def __init__(self, entries: list[NameEntry], aliases: dict[str, list[str]]) -> None:
        self._entries = {e.code: e for e in entries}
        self._order = {e.code: i for i, e in enumerate(entries)}
        self._aliases = aliases
        # Everything searchable per code: (normalised text, original, is_alias, alias position)
        self._index: list[tuple[str, str, str, bool, int]] = []
        for e in entries:
            for text in {e.name_en, e.name_ja}:
                self._index.append((normalise(text), text, e.code, False, 0))
        for alias, codes in aliases.items():
            for pos, code in enumerate(codes):
                self._index.append((normalise(alias), alias, code, True, pos))

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(self._entries)

    def is_known(self, code: str) -> bool:
        return code in self._entries

    def entry(self, code: str) -> NameEntry:
        return self._entries[code]

    def name(self, code: str, language: str = "en") -> str:
        """The destination's name in "en" or "ja"; an unknown code is returned as it is."""
        entry = self._entries.get(code)
        if entry is None:
            return code
        return entry.name_ja if language == "ja" else entry.name_en

    def search(self, query: str, limit: int | None = None) -> list[SearchHit]:
        """Destinations matching `query`, best first: exact code/alias/name, then prefixes, then substrings."""
        q = normalise(query)
        if not q:
            return []
        best: dict[str, tuple[int, int, str]] = {}

        def offer(code: str, rank: int, pos: int, matched: str) -> None:
            if code in self._entries and (code not in best or (rank, pos) < best[code][:2]):
                best[code] = (rank, pos, matched)

        for e in self._entries.values():
            if q in (e.code.casefold(), e.alpha_3.casefold()):
                offer(e.code, 0, 0, e.code)
        for text, original, code, is_alias, pos in self._index:
            if text == q:
                offer(code, 0, pos, original)
            elif text.startswith(q):
                offer(code, 1, pos, original)
            elif q in text:
                offer(code, 3 if is_alias else 2, pos, original)
        ordered = sorted(best, key=lambda c: (best[c][0], best[c][1], self._order[c]))
        hits = [
            SearchHit(c, self._entries[c].name_en, self._entries[c].name_ja, best[c][0], best[c][2])
            for c in ordered
        ]
        return hits[:limit] if limit is not None else hits


def load_country_names() -> CountryNames:
    """Build the names from pycountry and data/country_names.json (call once per owner and keep it)."""
    raw: dict[str, Any] = json.loads(data_file(NAMES_FILE).read_text(encoding="utf-8"))
    overrides: dict[str, dict[str, str]] = raw.get("overrides", {})
    ja = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"], fallback=True)
    entries: list[NameEntry] = []
    for country in pycountry.countries:
        code = country.alpha_2
        over = overrides.get(code, {})
        entries.append(
            NameEntry(
                code=code,
                alpha_3=country.alpha_3,
                name_en=over.get("en", country.name),
                name_ja=over.get("ja", ja.gettext(country.name)),
            )
        )
    for code, extra in raw.get("extra", {}).items():
        entries.append(
            NameEntry(code, extra.get("alpha_3", ""), extra["en"], extra["ja"], extra.get("kind", "country"))
        )
    aliases: dict[str, list[str]] = raw.get("aliases", {})
    return CountryNames(entries, aliases)
