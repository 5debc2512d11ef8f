"""The message catalogue: gettext .po files under data/locale/<lang>/LC_MESSAGES/<domain>.po, one per domain.

msgid is the English, as gettext does; msgctxt tells apart one English that needs two translations; plural
forms come from each file's header. Each .po is compiled to the .mo beside it (`scripts/build-translations.sh`,
with Babel; committed, so `pip install .` ships them; tests/unit/test_catalogues_compiled.py fails on a stale
one), and the tool reads the .mo with the standard library's gettext: about 1 ms a domain, where parsing the
.po with Babel took 30-60 ms (and 10 ms to import Babel) in every process that showed a translated word. A
.po with no .mo beside it (a test's folder, a new domain) is compiled in memory; where a .mo exists it is
what is read, so an edited .po shows only once compiled (the test above fails until then).
A third language needs only its own folder of .po files, compiled.

Domains: `engine` (sentences the assessment engine writes), `errors` (services' error messages),
`countries` and `catalogues` (prose of the shipped data), `report` (the report's own sentences),
`calendar` (the due-date calendar file), `signing` (the signature stamp's labels).
"""

from __future__ import annotations

import functools
import gettext as _gettext
import io
from pathlib import Path
from typing import TYPE_CHECKING

from transfer_tool.paths import data_dir

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

SOURCE_LANGUAGE = "en"
# The domains holding English the core stores as written (engine sentences, error messages, shipped
# prose): `transfer_tool.i18n.stored_text` reads these to translate stored text.
STORED_TEXT_DOMAINS = ("engine", "errors", "countries", "catalogues")


def locale_dir() -> Path:
    return data_dir() / "locale"


def po_file(domain: str, lang: str) -> Path:
    return locale_dir() / lang / "LC_MESSAGES" / f"{domain}.po"


def mo_file(domain: str, lang: str) -> Path:
    return po_file(domain, lang).with_suffix(".mo")


def languages() -> tuple[str, ...]:
    """English (the msgids) and every language with a folder of .po files."""
    found = sorted(p.name for p in locale_dir().iterdir() if (p / "LC_MESSAGES").is_dir())
    return (SOURCE_LANGUAGE, *(x for x in found if x != SOURCE_LANGUAGE))


@functools.cache
def po_catalog(domain: str, lang: str) -> Catalog:
    """The .po file as Babel reads it (an empty catalogue when the language has no file for the domain)."""
    # Babel's message modules take 60 ms to import: only when a catalogue is first read, not at start-up.
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    path = po_file(domain, lang)
    if not path.exists():
        return Catalog(locale=lang if lang != SOURCE_LANGUAGE else None, domain=domain)
    with path.open("rb") as f:
        return read_po(f, locale=lang, domain=domain)


def compile_po(domain: str, lang: str) -> bytes:
    """The .po compiled to .mo bytes (untranslated and fuzzy entries left out, so English shows)."""
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, po_catalog(domain, lang))
    return buffer.getvalue()


class Compiled(_gettext.GNUTranslations):
    """A compiled catalogue: gettext's lookups, plus every entry for the readers that need them all."""

    def entries(self) -> dict[object, str]:
        """Every entry as gettext keeps it (in `_catalog`; it has no public accessor): "msgid", or
        "context\x04msgid" for an entry with a context, or (msgid, n) for each plural form; the header aside."""
        catalog: dict[object, str] = vars(self)["_catalog"]
        return {key: text for key, text in catalog.items() if key != ""}

    def messages(self) -> dict[str, str]:
        """Every translated singular entry, keyed as in `entries`."""
        return {key: text for key, text in self.entries().items() if isinstance(key, str)}


def same_entries(one: bytes, other: bytes) -> bool:
    """Whether two compiled catalogues translate alike (entries and plural rule; the header's dates and
    the compiler's version aside, which change with every compilation)."""
    a, b = Compiled(io.BytesIO(one)), Compiled(io.BytesIO(other))
    return a.entries() == b.entries() and a.info().get("plural-forms") == b.info().get("plural-forms")


@functools.cache
def compiled(domain: str, lang: str) -> Compiled | None:
    """The domain's catalogue in `lang` (its .mo; else its .po compiled here), or None if it has none."""
    mo = mo_file(domain, lang)
    if mo.is_file():
        with mo.open("rb") as f:
            return Compiled(f)
    if not po_file(domain, lang).exists():
        return None
    return Compiled(io.BytesIO(compile_po(domain, lang)))


def messages(domain: str, lang: str) -> dict[str, str]:
    found = compiled(domain, lang)
    return found.messages() if found is not None else {}


@functools.cache
def _translations(domain: str, lang: str) -> _gettext.NullTranslations:
    found = None if lang == SOURCE_LANGUAGE else compiled(domain, lang)
    return found if found is not None else _gettext.NullTranslations()


def _filled(text: str, args: dict[str, object]) -> str:
    return text.format(**args) if args else text


def gettext(domain: str, msgid: str, lang: str, **args: object) -> str:
    """`msgid` in `lang`, its {name} fields filled from `args` (give them already in `lang`)."""
    return _filled(_translations(domain, lang).gettext(msgid), args)


def pgettext(domain: str, context: str, msgid: str, lang: str, **args: object) -> str:
    return _filled(_translations(domain, lang).pgettext(context, msgid), args)


def ngettext(domain: str, singular: str, plural: str, count: int, lang: str, **args: object) -> str:
    """The form for `count` by the language's plural rule; the template reads `count` as {n}."""
    return _filled(_translations(domain, lang).ngettext(singular, plural, count), {"n": count, **args})


def entries(lang: str, domains: tuple[str, ...] = STORED_TEXT_DOMAINS) -> dict[str, str]:
    """English → translation of every translated singular entry without a context in `domains`; an English
    that two domains translate differently is refused (one English, one reading)."""
    merged: dict[str, str] = {}
    origin: dict[str, str] = {}
    for domain in domains:
        for english, text in messages(domain, lang).items():
            if "\x04" in english:
                continue
            if merged.get(english, text) != text:
                raise ValueError(f"{domain}.po translates {english!r} differently from {origin[english]}.po")
            merged[english] = text
            origin[english] = domain
    return merged
