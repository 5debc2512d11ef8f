"""A destination's conflict resolved part by part: names, each regime entry, the access laws, the APPI items.

An admin who saved a destination after someone else keeps their own version, takes theirs, or picks per
part; `merge_destination` builds the picked version (pure: no database).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from transfer_tool.countries.model import Destination
from transfer_tool.register.conflicts import merge_fields

REGIME_PREFIX = "regimes."


def destination_parts(dest: Destination) -> dict[str, Any]:
    """The parts a conflict is resolved by: names, each regime entry, the access laws, the APPI items."""
    parts: dict[str, Any] = {"name_en": dest.name_en, "name_ja": dest.name_ja, "kind": dest.kind}
    parts.update({f"{REGIME_PREFIX}{code}": entry for code, entry in dest.regimes.items()})
    parts["access_laws"] = dest.access_laws
    parts["appi"] = dest.appi
    return parts


def merge_destination(mine: Destination, theirs: Destination, choices: Mapping[str, str]) -> Destination:
    """Mine, with each part chosen as theirs taken from theirs (a regime only they have is added)."""
    parts = merge_fields(destination_parts(mine), destination_parts(theirs), choices)
    return dataclasses.replace(
        mine,
        name_en=parts["name_en"],
        name_ja=parts["name_ja"],
        kind=parts["kind"],
        regimes={k.split(".", 1)[1]: v for k, v in parts.items() if k.startswith(REGIME_PREFIX)},
        access_laws=parts["access_laws"],
        appi=parts["appi"],
    )
