"""The message catalogue: gettext .po files under data/locale/<lang>/LC_MESSAGES/<domain>.po, one per domain.

msgid is the English, as gettext does; msgctxt tells apart one English that needs two translations; plural
forms come from each file's header. The .po files are read with Babel when first needed (about 20 ms for
all of them) and looked up through the standard library's gettext, so no compiled .mo has to be built or
shipped. A third language needs only its own folder of .po files.

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


@functools.cache
def _translations(domain: str, lang: str) -> _gettext.NullTranslations:
    if lang == SOURCE_LANGUAGE or not po_file(domain, lang).exists():
        return _gettext.NullTranslations()
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, po_catalog(domain, lang))  # untranslated and fuzzy entries are left out: English shows
    buffer.seek(0)
    return _gettext.GNUTranslations(buffer)


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
        for message in po_catalog(domain, lang):
            if not message.id or message.context or not isinstance(message.id, str):
                continue
            if not isinstance(message.string, str) or not message.string or message.fuzzy:
                continue
            if merged.get(message.id, message.string) != message.string:
                raise ValueError(
                    f"{domain}.po translates {message.id!r} differently from {origin[message.id]}.po"
                )
            merged[message.id] = message.string
            origin[message.id] = domain
    return merged
