"""English the core writes or ships, read in another language by id or by exact entry.

Two kinds of English reach users besides the interface's own strings: the prose of the shipped data
(decision instruments, notes, government-access laws, APPI items, catalogue labels) and the sentences the
engine and the services write (`EngineText`: proposal reasons, warnings, error messages, re-assessment
reasons). Both stay English in the core, where they are stored, compared and audited; a screen or the
report translates them when it shows them, through the catalogue's entries for stored text
(`transfer_tool.i18n.catalogue.STORED_TEXT_DOMAINS`).

- An `EngineText` is translated by its id: its template's translation, each value translated in turn (a
  nested `EngineText` by its own id, a value in quotes as written, a name by its exact entry, a date as
  the language writes dates (`i18n.dates.long_date`: 2026年12月7日), anything else such as a code, a
  number or a reference as written).
- Plain text is translated by its exact entry, else line by line, else shown as written: a user reads the
  English rather than a guess, and `untranslated()` lets tests and the admin screens find it.

Values are never recovered from finished English: text without an id and without an entry stays English.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import string
from collections.abc import Mapping

from transfer_tool.i18n.catalogue import STORED_TEXT_DOMAINS, entries
from transfer_tool.i18n.dates import long_date
from transfer_tool.i18n.engine_text import EngineText
from transfer_tool.i18n.terminology import shipped_terminology
from transfer_tool.paths import data_dir

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_QUOTES = {"'": "'", '"': '"', "「": "」"}
_Result = tuple[str, tuple[str, ...]]  # the translation and the pieces left in English


def _quoted_fields(template: str) -> frozenset[int]:
    """The numbers of the template's fields written between quotes ("'{0}'"): identifiers kept as written."""
    parsed = [(literal, field) for literal, field, _, _ in string.Formatter().parse(template)]
    quoted: set[int] = set()
    for i, (literal, field) in enumerate(parsed):
        if field is None or not field.isdigit() or not literal or literal[-1] not in _QUOTES:
            continue
        after = parsed[i + 1][0] if i + 1 < len(parsed) else ""
        if after.startswith(_QUOTES[literal[-1]]):
            quoted.add(int(field))
    return frozenset(quoted)


def _is_reference(text: str) -> bool:
    """Read the same in every language: one token (a code, a file name, "v3") or no word of three letters
    ("(EU) 2023/1795", "v1 → v2")."""
    if not any(c.isspace() for c in text):
        return True
    run = 0
    for c in text:
        run = run + 1 if c.isascii() and c.isalpha() else 0
        if run >= 3:
            return False
    return True


def _engine_date(text: str) -> dt.date | None:
    """`text` as a date when it is one the engine wrote into a sentence (a `datetime.date` value, written in
    ISO form by `EngineText`); what a person typed is quoted by the engine and never reaches here."""
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


class StoredText:
    """English → one language: an EngineText by its id, other text by exact entry; unknown text unchanged."""

    def __init__(self, lang: str, entries: Mapping[str, str], names: Mapping[str, str] | None = None) -> None:
        self.lang = lang
        self._templates = dict(entries)  # msgid → translation, for EngineText (with or without values)
        self._exact = {k.strip(): v.strip() for k, v in entries.items()}
        for name, translation in (names or {}).items():
            self._exact.setdefault(name, translation)

    def __len__(self) -> int:
        return len(self._exact)

    def translate(self, text: str) -> str:
        return self._translate(text)[0]

    def untranslated(self, text: str) -> list[str]:
        """The pieces of `text` left in English (empty when all of it is translated)."""
        return list(self._translate(text)[1])

    def _translate(self, text: str) -> _Result:
        if not text.strip():
            return text, ()
        if isinstance(text, EngineText) and text.args:
            return self._by_id(text)
        found = self._exact.get(text.strip())
        if found is not None:
            return found, ()
        if "\n" in text:
            lines = [self._translate(line) for line in text.split("\n")]
            if any(not left for _, left in lines):
                return "\n".join(x for x, _ in lines), tuple(p for _, left in lines for p in left)
        return text, (text,)

    def _by_id(self, text: EngineText) -> _Result:
        translation = self._templates.get(text.msgid)
        if translation is None:
            return str(text), (str(text),)
        quoted = _quoted_fields(text.msgid)
        values = [self._value(arg, n in quoted) for n, arg in enumerate(text.args)]
        try:
            filled = translation.format(*(v for v, _ in values))
        except (IndexError, KeyError, ValueError):  # a translation whose fields do not fit: the English
            return str(text), (str(text),)
        return filled, tuple(p for _, left in values for p in left)

    def _value(self, value: str, quoted: bool) -> _Result:
        if isinstance(value, EngineText):
            return self._translate(value)
        stripped = value.strip()
        if quoted or not stripped:
            return value, ()
        found = self._exact.get(stripped)
        if found is not None:
            return found, ()
        if stripped[:1] in _QUOTES and len(stripped) > 1 and stripped.endswith(_QUOTES[stripped[:1]]):
            return value, ()  # repr() of an identifier the engine quoted: kept as written
        day = _engine_date(stripped)
        if day is not None:  # a date the engine wrote: as the language writes dates elsewhere (2026年12月7日)
            return long_date(day, self.lang), ()
        if _is_reference(stripped):
            return value, ()
        return value, (value,)


def read_entries(lang: str) -> dict[str, str]:
    """The catalogue's entries for stored English (data/locale/<lang>/LC_MESSAGES: engine, errors, countries,
    catalogues), merged; an English two domains translate differently is refused."""
    return entries(lang, STORED_TEXT_DOMAINS)


@functools.cache
def catalogue(lang: str) -> StoredText:
    """The shipped entries for `lang` (English is the identity), with the shipped names as values."""
    if lang == "en":
        return StoredText("en", {})
    return StoredText(lang, read_entries(lang), _shipped_names(lang))


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
    # The statuses and regimes as the screens name them ("Partial", "EU GDPR"): a re-assessment reason
    # writes them so. Kept even where the two languages agree: "EU GDPR" is a name, not English left over.
    for key, entry in sorted(shipped_terminology().entries.items()):
        kind, _, value = key.partition(".")
        if kind == "adequacy" or (kind == "regime" and value.isupper()):
            other = entry.get(lang, "")
            for wording in (entry.get("en_ui", ""), entry.get("en", "")):
                if wording and other:
                    names.setdefault(wording, other)
    return names
