"""The eight basic principles of the OECD Privacy Guidelines (2013, Part Two, paras 7-14), as the APPI
consent-route information items name them (PPC Rules Art. 17(2)(ii)). The country data stores each as a key
("security_safeguards", data/schemas/countries.schema.json); people read the principle's name (issue 18:
no internal code reaches a person). Japanese names: the terminology (terms.po) `oecd.*` for screens,
the catalogue's engine domain (data/locale/ja/LC_MESSAGES/engine.po) for the engine's sentences."""

from __future__ import annotations

from transfer_tool.i18n.engine_text import engine_list

PRINCIPLES = (
    "collection_limitation",
    "data_quality",
    "purpose_specification",
    "use_limitation",
    "security_safeguards",
    "openness",
    "individual_participation",
    "accountability",
)


def english_name(key: str) -> str:
    """The principle as an English sentence names it ("security safeguards"); an unknown key as written."""
    return key.replace("_", " ") if key in PRINCIPLES else key


def english_names(keys: tuple[str, ...]) -> str:
    """The principles in the guidelines' order, joined as a list: "collection limitation, openness"."""
    known = [k for k in PRINCIPLES if k in keys]
    names = [english_name(k) for k in known] + [k for k in keys if k not in PRINCIPLES]
    return engine_list(", ", names)  # each name translated by itself, the list by the language's comma
