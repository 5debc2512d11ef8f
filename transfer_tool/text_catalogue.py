"""Japanese (and any later language) for the English text the core ships or writes.

Two kinds of English reach users besides the interface's own strings: the prose of the shipped country
data (decision instruments, notes, government-access laws, APPI items) and the sentences the assessment
engine writes (proposal reasons, warnings, missing items, recommendations). Both stay English in the core,
where they are stored, compared and audited; a screen or the report translates them when it shows them,
through one catalogue per language in `data/translations/*.<lang>.json`.

An entry's key is the English exactly as shipped or as the engine writes it. Engine sentences are templates:
`{0}`, `{1}`... stand for the values an f-string put in (country, regime, tool names...), which are
translated in turn. Text with no entry (an admin's own edit, say) is shown as written: a user reads the
English rather than nothing, and `untranslated()` lets tests and the admin screens find it.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from transfer_tool.paths import data_dir

FORMAT = "transfer-tool.text-catalogue"
_PLACEHOLDER = re.compile(r"\{(\d+)\}")
# Sentence ends inside engine text joined from several rules ("A. B."), not inside "Art. 16" or "e.g. X".
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(\[])(?<!Art\. )(?<!e\.g\. )(?<!i\.e\. )(?<!No\. )")


@dataclass(frozen=True)
class _Template:
    pattern: re.Pattern[str]
    order: tuple[int, ...]  # placeholder number of each regex group
    translation: str


def _compile(english: str, translation: str) -> _Template:
    parts = _PLACEHOLDER.split(english)
    regex = ""
    order: list[int] = []
    for i, part in enumerate(parts):
        if i % 2:
            regex += "(.+?)"
            order.append(int(part))
        else:
            regex += re.escape(part)
    return _Template(re.compile(regex, re.DOTALL), tuple(order), translation)


class TextCatalogue:
    """English → one language, by exact match or by template; unknown text comes back unchanged."""

    def __init__(self, lang: str, entries: Mapping[str, str], names: Mapping[str, str] | None = None) -> None:
        self.lang = lang
        self._exact: dict[str, str] = dict(names or {})
        templates: list[_Template] = []
        for english, translation in entries.items():
            if _PLACEHOLDER.search(english):
                templates.append(_compile(english, translation))
            else:
                self._exact[english] = translation
        # Longest literal text first, so "{0} is adequate under {1} only if..." wins over "{0} is {1}".
        templates.sort(key=lambda t: -len(_PLACEHOLDER.sub("", t.pattern.pattern)))
        self._templates = tuple(templates)

    def __len__(self) -> int:
        return len(self._exact) + len(self._templates)

    def translate(self, text: str) -> str:
        out, _ = self._translate(text)
        return out

    def untranslated(self, text: str) -> list[str]:
        """The pieces of `text` this catalogue leaves in English (empty when all of it is translated)."""
        _, left = self._translate(text)
        return left

    def has(self, english: str) -> bool:
        return english in self._exact or any(t.pattern.fullmatch(english) for t in self._templates)

    def _translate(self, text: str) -> tuple[str, list[str]]:
        if not text.strip():
            return text, []
        whole = self._one(text)
        if whole is not None and not whole[1]:
            return whole
        # A value that did not translate may be two sentences a template swallowed: try the pieces too.
        candidates = [whole] if whole is not None else []
        if "\n" in text:
            candidates.append(self._joined(text.split("\n"), "\n"))
        else:
            pieces = _SENTENCE_END.split(text.strip())
            if len(pieces) > 1:
                candidates.append(self._joined(pieces, "" if self.lang == "ja" else " "))
        if not candidates:
            return text, [text]
        return min(candidates, key=lambda c: sum(len(x) for x in c[1]))

    def _joined(self, pieces: Iterable[str], sep: str) -> tuple[str, list[str]]:
        out: list[str] = []
        left: list[str] = []
        for piece in pieces:
            done, missing = self._translate(piece)
            out.append(done)
            left.extend(missing)
        return sep.join(out), left

    def _one(self, text: str) -> tuple[str, list[str]] | None:
        key = text.strip()
        if key in self._exact:
            return self._exact[key], []
        for template in self._templates:
            match = template.pattern.fullmatch(key)
            if match is None:
                continue
            values: dict[int, str] = {}
            left: list[str] = []
            for number, value in zip(template.order, match.groups(), strict=True):
                done = self._value(value)
                values[number] = done if done is not None else value
                if done is None:
                    left.append(value)
            return _fill(template.translation, values), left
        return None

    def _value(self, value: str) -> str | None:
        """A value inside a template: a name, a number, a reference, or a sentence of its own."""
        stripped = value.strip().strip("'\"")
        if stripped in self._exact:
            return self._exact[stripped]
        if not any(c.isalpha() for c in stripped) or _looks_like_reference(stripped):
            return stripped  # numbers, dates, codes and references read the same in every language
        found = self._one(stripped)
        if found is not None and not found[1]:
            return found[0]
        return None


def _fill(translation: str, values: Mapping[int, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values.get(int(m.group(1)), m.group(0)), translation)


def _looks_like_reference(text: str) -> bool:
    """Codes and references kept as written: "US", "eu_scc_m2", "(EU) 2023/1795", "v3 → v4": no words."""
    return bool(re.fullmatch(r"[a-z0-9_]+", text)) or not re.search(r"[A-Za-z]{3,}", text)


def read_entries(lang: str) -> dict[str, str]:
    """Every `data/translations/*.<lang>.json` file's entries, merged; a key twice with two texts is refused."""
    merged: dict[str, str] = {}
    folder = data_dir() / "translations"
    for path in sorted(folder.glob(f"*.{lang}.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        if doc.get("format") != FORMAT or doc.get("lang") != lang:
            raise ValueError(f"{path.name} is not a {lang} text catalogue (format {doc.get('format')!r})")
        for english, translation in doc["entries"].items():
            if merged.get(english, translation) != translation:
                raise ValueError(f"{path.name} translates {english!r} differently from another file")
            merged[english] = translation
    return merged


@functools.cache
def catalogue(lang: str) -> TextCatalogue:
    """The shipped catalogue for `lang` (English is the identity), with the shipped names as values."""
    if lang == "en":
        return TextCatalogue("en", {})
    return TextCatalogue(lang, read_entries(lang), _shipped_names(lang))


def translate(text: str, lang: str) -> str:
    return text if lang == "en" else catalogue(lang).translate(text)


def _shipped_names(lang: str) -> dict[str, str]:
    """English name → name in `lang` for the shipped regimes, tools, measures, catalogue labels, countries.

    Engine sentences put these names into their templates ("no transfer tool chosen for {0}").
    """
    names: dict[str, str] = {}
    suffix = f"_{lang}"

    def collect(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key.endswith("_en") and isinstance(value, str):
                    other = node.get(key[:-3] + suffix)
                    if isinstance(other, str) and other:
                        names.setdefault(value, other)
                collect(value)
        elif isinstance(node, list):
            for item in node:
                collect(item)

    folder = data_dir()
    for name in ("regimes.json", "transfer_tools.json", "measures.json", "catalogs.json"):
        collect(json.loads((folder / name).read_text(encoding="utf-8")))
    from transfer_tool.countries.names import load_country_names

    countries = load_country_names()
    for code in sorted(countries.codes):
        english, other = countries.name(code, "en"), countries.name(code, lang)
        if other and other != english:
            names.setdefault(english, other)
    return names
