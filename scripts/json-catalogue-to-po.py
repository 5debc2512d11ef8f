#!/usr/bin/env python3
"""Fold the old JSON text catalogues (data/translations/*.<lang>.json) into the gettext catalogue.

The project moved from JSON catalogues to gettext .po files (data/locale/<lang>/LC_MESSAGES/<domain>.po).
A branch started before the move may still add entries to a JSON file; this merges them in:

    scripts/json-catalogue-to-po.py data/translations/errors.ja.json [more.json ...]

Each file goes to the domain its name gives (countries-*.json to "countries"); an entry the .po already
holds with another translation is reported and left as it is. The JSON file is removed once merged.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "data" / "locale"
FORMAT = "transfer-tool.text-catalogue"
ABOUT = {
    "engine": "Japanese for the sentences the assessment engine writes (transfer_tool/assessment/*, "
    "countries/impact.py; templates as printed by tests/engine_messages.py) and the small closed sets of "
    "values that fill them. {0}, {1}... stand for the values the engine put in, translated in turn.",
    "errors": "Japanese for the error messages services raise (ValidationError, ConflictError, NotFound... "
    "and each Problem; templates as printed by `tests/engine_messages.py errors`) and the small closed sets "
    "of values that fill them.",
    "countries": "Japanese for the prose of data/countries.json: adequacy entries (condition, notes, "
    "instrument), government-access laws (name, reason, scope) and the APPI consent-route items.",
    "catalogues": "Japanese for the catalogue prose with no _ja field: measure descriptions and names as the "
    "engine quotes them (data/measures.json) and export-regime notes and sources (data/transfer_tools.json).",
}


def domain_of(path: Path) -> str:
    return path.name.split(".")[0].split("-")[0]


def po_path(lang: str, domain: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{domain}.po"


def load(lang: str, domain: str) -> Catalog:
    path = po_path(lang, domain)
    if path.exists():
        with path.open("rb") as f:
            return read_po(f, locale=lang, domain=domain)
    catalog = Catalog(
        locale=lang,
        domain=domain,
        project="transfer-tool",
        version="1",
        header_comment=f"# {ABOUT[domain]}",
        msgid_bugs_address="the project's issue tracker",
        last_translator="transfer-tool maintainers",
        language_team=f"transfer-tool {lang}",
    )
    catalog.fuzzy = False
    return catalog


def save(catalog: Catalog, lang: str, domain: str) -> None:
    path = po_path(lang, domain)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        # Sorted by msgid, no line wrapping, no dates: a diff shows the entries that changed and nothing else.
        write_po(f, catalog, width=0, sort_output=True, omit_header=False, no_location=True)
    text = path.read_text(encoding="utf-8")
    kept = [
        line for line in text.splitlines() if not line.startswith(('"POT-Creation-Date', '"PO-Revision-Date'))
    ]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")


def merge(json_path: Path) -> int:
    doc = json.loads(json_path.read_text(encoding="utf-8"))
    if doc.get("format") != FORMAT:
        print(f"{json_path}: not a text catalogue", file=sys.stderr)
        return 1
    lang, domain = doc["lang"], domain_of(json_path)
    catalog = load(lang, domain)
    clashes = 0
    for english, translation in doc["entries"].items():
        old = catalog.get(english)
        if old is not None and old.string and old.string != translation:
            print(f"{json_path.name}: {english!r} already reads {old.string!r}; kept", file=sys.stderr)
            clashes += 1
            continue
        flags = ["python-brace-format"] if "{0}" in english else []
        catalog.add(english, translation, flags=flags)
    save(catalog, lang, domain)
    json_path.unlink()
    return 1 if clashes else 0


def main(argv: list[str]) -> int:
    return max((merge(Path(p)) for p in argv), default=0)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
