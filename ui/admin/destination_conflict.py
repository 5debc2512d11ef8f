"""How the conflict dialog of the destination editor shows two versions of a destination: each part that
differs under its name, its fields labelled as on the editor's tabs, never by their keys (issue #18)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from transfer_tool.countries import serialize
from transfer_tool.countries.model import AccessLaw, AppiInfo, RegimeEntry
from transfer_tool.domain import AdequacyStatus
from ui.admin.destination_fields import field_label
from ui.i18n import adequacy_label, regime_short_name
from ui.terms import term


def part_label(key: str) -> str:
    """A part of `merge.destination_parts` by its name: "regimes.EU" → "Status under EU GDPR"."""
    # The texts keep the editor's translation context ("DestinationEditor"), where the catalogue has them.
    if key.startswith("regimes."):
        return QCoreApplication.translate("DestinationEditor", "Status under %1").replace(
            "%1", regime_short_name(key.split(".", 1)[1])
        )
    names = {
        "name_en": QCoreApplication.translate("DestinationEditor", "English name"),
        "name_ja": QCoreApplication.translate("DestinationEditor", "Japanese name"),
        "kind": QCoreApplication.translate("DestinationEditor", "Kind"),
        "access_laws": QCoreApplication.translate("DestinationEditor", "Government access laws"),
        "appi": QCoreApplication.translate("DestinationEditor", "APPI information"),
    }
    return names.get(key, key)


def shown_part(part: object) -> str:
    """A part of a destination as the conflict dialog shows it: labelled lines, never field keys (issue 18)."""
    if isinstance(part, RegimeEntry):
        return _labelled(serialize.regime_entry_to_dict(part))
    if isinstance(part, AppiInfo):
        return _labelled(serialize.appi_to_dict(part))
    if isinstance(part, tuple):
        laws = [x for x in part if isinstance(x, AccessLaw)]
        return "\n\n".join(_labelled(serialize.access_law_to_dict(x), skip=("key",)) for x in laws) or "—"
    return "—" if part in (None, "") else str(part)


def _labelled(fields: Mapping[str, Any], skip: Sequence[str] = ()) -> str:
    lines = [
        f"{field_label(name)}: {_shown_value(name, value)}"
        for name, value in fields.items()
        if name not in skip and value not in (None, "", [], ())
    ]
    return "\n".join(lines) or "—"


def _shown_value(name: str, value: object) -> str:
    if isinstance(value, bool):
        return QCoreApplication.translate("CountryHistory", "Yes" if value else "No")
    if name == "status" and isinstance(value, str):
        try:
            return adequacy_label(AdequacyStatus(value))
        except ValueError:
            return value
    if name == "oecd_principles_covered" and isinstance(value, list):
        return ", ".join(term(f"oecd.{key}") for key in value)
    if name == "scope_limits" and isinstance(value, list):
        return "; ".join(str(q.get("question_en", "")) for q in value if isinstance(q, dict))
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)
