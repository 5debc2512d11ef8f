"""Which destination and country codes the tool knows: ISO 3166-1 alpha-2 plus a few real extras."""

from __future__ import annotations

from functools import cache

import pycountry

# Destinations outside ISO 3166-1 that transfers really go to.
EXTRA_CODES: dict[str, str] = {
    "XK": "Kosovo",
    "EPO": "European Patent Organisation",
}


@cache
def iso_codes() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries)


def is_known(code: str) -> bool:
    return code in iso_codes() or code in EXTRA_CODES


def english_name(code: str) -> str:
    if code in EXTRA_CODES:
        return EXTRA_CODES[code]
    c = pycountry.countries.get(alpha_2=code)
    return str(c.name) if c else code
