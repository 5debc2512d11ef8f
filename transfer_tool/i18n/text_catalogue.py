"""Japanese (and any later language) for the English text the core ships or writes.

Two kinds of English reach users besides the interface's own strings: the prose of the shipped country
data (decision instruments, notes, government-access laws, APPI items) and the sentences the assessment
engine writes (proposal reasons, warnings, missing items, recommendations). Both stay English in the core,
where they are stored, compared and audited; a screen or the report translates them when it shows them,
through the message catalogue (`transfer_tool.i18n.catalogue`: gettext .po files in data/locale).

An entry's msgid is the English exactly as shipped or as the engine writes it. Engine sentences are templates:
`{0}`, `{1}`... stand for the values an f-string put in (country, regime, tool names...), which are
translated in turn. Text with no entry (an admin's own edit, say) is shown as written: a user reads the
English rather than nothing, and `untranslated()` lets tests and the admin screens find it.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass

from transfer_tool.i18n.catalogue import STORED_TEXT_DOMAINS, entries
from transfer_tool.i18n.engine_text import EngineText
from transfer_tool.paths import data_dir

_PLACEHOLDER = re.compile(r"\{(\d+)\}")
# Sentence ends inside engine text joined from several rules ("A. B."), not inside "Art. 16" or "e.g. X".
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(\[])(?<!Art\. )(?<!e\.g\. )(?<!i\.e\. )(?<!No\. )")


_Result = tuple[str, tuple[str, ...]]  # the translation and the pieces left in English

# Bounds that keep translation cheap whatever reaches it (a typed 20,000-character answer, a list of 250
# names): templates are tried on texts up to _TEMPLATE_LIMIT characters, nested values to _MAX_DEPTH
# levels; longer text is split into lines and sentences, and what is still too long is shown as written.
_TEMPLATE_LIMIT = 600
_MAX_DEPTH = 4
_QUOTES = {"'": "'", '"': '"', "「": "」"}


@dataclass(frozen=True)
class _Template:
    literals: tuple[str, ...]  # the English around the placeholders: one more than `order`
    order: tuple[int, ...]  # the placeholder number of each value, in English order
    quoted: tuple[bool, ...]  # per value: between quotes in the English, so an identifier kept as written
    translation: str
    pattern: str  # a cheap full match that rules most texts out (compiled on first use: `prefilter`)
    top_level: bool  # False for glue such as "{0} to {1}": only for values inside other sentences, and only
    # when it translates them whole (else "Taro Yamada, DPO" would come back as "Taro Yamada、DPO")

    @property
    def weight(self) -> int:
        return sum(len(x) for x in self.literals)

    @property
    def prefilter(self) -> re.Pattern[str]:
        return _compiled(self.pattern)

    def may_match(self, text: str) -> bool:
        """The text starts and ends as the English does: a string test that spares most regular
        expressions from ever being compiled (compiling all 260 took 0.1 s of every process's first
        translation)."""
        return text.startswith(self.literals[0]) and text.endswith(self.literals[-1])


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.DOTALL)


def _compile(english: str, translation: str) -> _Template:
    parts = _PLACEHOLDER.split(english)
    literals = tuple(parts[0::2])
    order = tuple(int(x) for x in parts[1::2])
    quoted = tuple(
        bool(before) and before[-1] in _QUOTES and after.startswith(_QUOTES[before[-1]])
        for before, after in itertools.pairwise(literals)
    )
    # Side-by-side placeholders ("{1}{2}") share one group: two lazy groups in a row are quadratic.
    regex = ""
    after_group = False
    for i, literal in enumerate(literals):
        if i and not after_group:
            regex += "(.+?)"
            after_group = True
        if literal:
            regex += re.escape(literal)
            after_group = False
    # Glue such as "{0}, {1}" or "{0} to {1}" has no word of its own to anchor a whole text on.
    anchored = re.search(r"[A-Za-z]{3,}", "".join(literals)) is not None
    return _Template(literals, order, quoted, translation, regex, anchored)


class TextCatalogue:
    """English → one language, by exact match or by template; unknown text comes back unchanged."""

    def __init__(self, lang: str, entries: Mapping[str, str], names: Mapping[str, str] | None = None) -> None:
        self.lang = lang
        self._exact: dict[str, str] = dict(names or {})
        self._by_msgid: dict[str, _Template] = {}  # engine sentences that carry their id (EngineText)
        for english, translation in entries.items():
            if _PLACEHOLDER.search(english):
                self._by_msgid[english] = _compile(english, translation)
            else:
                self._exact[english.strip()] = translation.strip()
        # Most English text first, so "{0} is adequate under {1} only if..." is tried before "{0} is {1}".
        templates = sorted(self._by_msgid.values(), key=lambda t: -t.weight)
        self._templates = tuple(templates)
        self._values: dict[tuple[str, int], _Result] = {}  # values recur across sentences: match each once

    def __len__(self) -> int:
        return len(self._exact) + len(self._templates)

    def translate(self, text: str) -> str:
        return self._translate(text)[0]

    def untranslated(self, text: str) -> list[str]:
        """The pieces of `text` this catalogue leaves in English (empty when all of it is translated)."""
        return list(self._translate(text)[1])

    def _translate(self, text: str) -> _Result:
        if not text.strip():
            return text, ()
        if isinstance(text, EngineText) and text.args:
            by_id = self._engine_text(text)
            if by_id is not None:
                return by_id
        candidates: list[_Result] = []
        whole = self._one(text.strip(), top_level=True, depth=0)
        if whole is not None:
            if not whole[1]:
                return whole
            candidates.append(whole)
        # Text the engine joined from several rules: translate line by line, or sentence by sentence.
        if "\n" in text:
            candidates.append(self._joined(text.split("\n"), ["\n"] * text.count("\n")))
        else:
            pieces = _SENTENCE_END.split(text.strip())
            if len(pieces) > 1:
                gaps = _SENTENCE_END.findall(text.strip())
                candidates.append(self._joined(pieces, gaps))
        if not candidates:
            return text, (text,)
        best = min(candidates, key=_left_size)
        if _left_size(best) >= len(text.strip()):
            return text, (text,)  # nothing of it translated: show it exactly as written
        return best

    def _engine_text(self, text: EngineText) -> _Result | None:
        """An engine sentence translated by its id: the template's translation with each value translated
        (a value in quotes kept as written); None when the catalogue has no such template."""
        template = self._by_msgid.get(text.msgid)
        if template is None or len(text.args) != len(template.order):
            return None
        quoted = dict(zip(template.order, template.quoted, strict=True))
        values: dict[int, _Result] = {}
        for n, arg in enumerate(text.args):
            if isinstance(arg, EngineText):
                values[n] = self._translate(arg)
            elif quoted.get(n):
                values[n] = str(arg), ()
            else:
                values[n] = self._value(str(arg), 1)
        filled = _fill(template.translation, {n: v[0] for n, v in values.items()})
        return filled, tuple(x for v in values.values() for x in v[1])

    def _joined(self, pieces: list[str], gaps: list[str]) -> _Result:
        """Pieces translated one by one. Japanese sentences follow each other without a space; a piece left
        in English keeps the whitespace it had."""
        results = [self._translate(piece) for piece in pieces]
        out = results[0][0]
        for gap, (before, after) in zip(gaps, itertools.pairwise(results), strict=False):
            english_side = bool(before[1]) or bool(after[1])
            joint = gap if gap == "\n" or english_side or self.lang != "ja" else ""
            out += joint + after[0]
        return out, tuple(x for r in results for x in r[1])

    def _one(self, text: str, top_level: bool, depth: int) -> _Result | None:
        """The best template match of the whole of `text`: the one leaving the least English."""
        if text in self._exact:
            return self._exact[text], ()
        if len(text) > _TEMPLATE_LIMIT or depth > _MAX_DEPTH:
            return None
        best: _Result | None = None
        for template in self._templates:
            if (top_level and not template.top_level) or not template.may_match(text):
                continue
            if not template.prefilter.fullmatch(text):
                continue
            values = self._split(template, text, depth)
            if values is None:
                continue
            result: _Result = (
                _fill(template.translation, {n: v[0] for n, v in zip(template.order, values, strict=True)}),
                tuple(x for v in values for x in v[1]),
            )
            if not template.top_level and result[1]:
                continue  # glue only joins values it translates whole
            if best is None or _left_size(result) < _left_size(best):
                best = result
                if not result[1]:
                    break
        return best

    def _split(self, template: _Template, text: str, depth: int) -> list[_Result] | None:
        """Cut `text` into the template's values where the literals allow, choosing the cut that translates
        best: "{1}{2}" side by side, or a literal such as ", " that also occurs inside a value."""
        lits = template.literals
        if not (text.startswith(lits[0]) and text.endswith(lits[-1])):
            return None
        last = len(text) - len(lits[-1])
        memo: dict[tuple[int, int], tuple[int, list[_Result]] | None] = {}

        def value_at(j: int, piece: str) -> _Result:
            if template.quoted[j]:
                return piece, ()  # an identifier the user gave ('admin', a certificate's label): as written
            return self._value(piece, depth + 1)

        def rest(j: int, pos: int) -> tuple[int, list[_Result]] | None:
            # Values j.. from `pos`: (English left, values), or None when the literals do not fit.
            if (j, pos) in memo:
                return memo[(j, pos)]
            best: tuple[int, list[_Result]] | None = None
            if j == len(template.order) - 1:
                ends = [last] if last > pos else []
            else:
                following = lits[j + 1]
                ends = (
                    [m for m in range(pos + 1, last) if text.startswith(following, m)]
                    if following
                    else list(range(pos + 1, last))
                )
            for end in ends:
                value = value_at(j, text[pos:end])
                if j == len(template.order) - 1:
                    tail: tuple[int, list[_Result]] | None = (0, [])
                else:
                    tail = rest(j + 1, end + len(lits[j + 1]))
                if tail is None:
                    continue
                cost = _left_size(value) + tail[0]
                if best is None or cost < best[0]:
                    best = (cost, [value, *tail[1]])
                    if cost == 0:
                        break
            memo[(j, pos)] = best
            return best

        found = rest(0, len(lits[0]))
        return found[1] if found is not None else None

    def _value(self, value: str, depth: int) -> _Result:
        """A value inside a template: a name, a number, a reference, or a sentence of its own."""
        key = (value, depth)
        cached = self._values.get(key)
        if cached is not None:
            return cached
        stripped = value.strip()
        result: _Result
        if stripped in self._exact:
            result = self._exact[stripped], ()
        elif stripped[:1] in _QUOTES and stripped.endswith(_QUOTES[stripped[:1]]) and len(stripped) > 1:
            result = stripped, ()  # repr() of an identifier the engine quoted: kept as written
        elif _looks_like_reference(stripped):
            result = stripped, ()  # numbers, dates, codes, file names and citations read the same
        else:
            found = self._one(stripped, top_level=False, depth=depth)
            result = found if found is not None else (value, (value,))
        if len(self._values) > 20_000:
            self._values.clear()
        self._values[key] = result
        return result


def _left_size(result: _Result) -> int:
    return sum(len(x) for x in result[1])


def _fill(translation: str, values: Mapping[int, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values.get(int(m.group(1)), m.group(0)), translation)


def _looks_like_reference(text: str) -> bool:
    """Kept as written: codes, file names and references ("US", "eu_scc_m2", "report.pdf", "(EU) 2023/1795",
    "v3 → v4"): one token, or no word of three letters."""
    return not re.search(r"\s", text) or not re.search(r"[A-Za-z]{3,}", text)


def read_entries(lang: str) -> dict[str, str]:
    """The catalogue's entries for stored English (data/locale/<lang>/LC_MESSAGES: engine, errors, countries,
    catalogues), merged; an English two domains translate differently is refused."""
    return entries(lang, STORED_TEXT_DOMAINS)


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
    for name in ("regimes.json", "transfer_tools.json", "measures.json", "catalogs.json", "countries.json"):
        collect(json.loads((folder / name).read_text(encoding="utf-8")))
    from transfer_tool.countries.names import load_country_names

    countries = load_country_names()
    for code in sorted(countries.codes):
        english, other = countries.name(code, "en"), countries.name(code, lang)
        if other and other != english:
            names.setdefault(english, other)
    return names
