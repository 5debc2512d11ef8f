"""A regime's name as people read it on paper, never its code (issue 18 point 3, session 11).

The shipped terminology names each shipped regime (`regime.EU`: "EU GDPR"); a regime only the country data
knows is named by the data (`name_en`, `name_ja`); a code neither names (a record naming a regime the live
data no longer holds, a row edited outside the tool) reads as the terminology's `regime.unnamed`, so the
PDF, the Word draft and the notice never print the code."""

from __future__ import annotations

from collections.abc import Mapping

from transfer_tool.i18n.message import Translatable
from transfer_tool.i18n.terminology import Terminology

UNNAMED = "regime.unnamed"


def regime_name(
    terms: Terminology, code: str, lang: str, named: Mapping[str, Translatable] | None = None
) -> str:
    """`code`'s name in `lang`: the terminology's, else the data's (`named`), else the unnamed wording."""
    key = f"regime.{code}"
    if terms.has(key):
        return terms.get(key, lang)
    given = (named or {}).get(code)
    text = given.get(lang).strip() if given is not None else ""
    return text or terms.get(UNNAMED, lang)
