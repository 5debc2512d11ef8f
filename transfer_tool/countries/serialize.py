"""Country values to and from JSON-compatible dicts (the file, export and import format).

`*_to_dict` writes every field, so `*_from_dict(*_to_dict(x)) == x` for every value. `*_from_dict` expects
input already checked by `validate` (it raises KeyError/ValueError on malformed input, not user messages).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from transfer_tool.countries.model import AccessLaw, AppiInfo, Destination, Regime, RegimeEntry, ScopeLimit
from transfer_tool.domain import AdequacyStatus

JsonDict = dict[str, Any]


def _date_to_str(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date_from(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def regime_entry_to_dict(entry: RegimeEntry) -> JsonDict:
    """The entry without its regime code (the code is the key in the destination's `regimes`)."""
    return {
        "status": entry.status.value,
        "condition": entry.condition,
        "instrument": entry.instrument,
        "adopted": _date_to_str(entry.adopted),
        "expires": _date_to_str(entry.expires),
        "source_url": entry.source_url,
        "notes": entry.notes,
        "verified": entry.verified,
        "last_verified": _date_to_str(entry.last_verified),
        "scope_limits": [scope_limit_to_dict(s) for s in entry.scope_limits],
        "in_force": _date_to_str(entry.in_force),
    }


def scope_limit_to_dict(limit: ScopeLimit) -> JsonDict:
    return {
        "code": limit.code,
        "question_en": limit.question_en,
        "question_ja": limit.question_ja,
        "source": limit.source,
        "only_for_categories": list(limit.only_for_categories),
    }


def scope_limit_from_dict(data: Mapping[str, Any]) -> ScopeLimit:
    return ScopeLimit(
        code=data["code"],
        question_en=data["question_en"],
        question_ja=data["question_ja"],
        source=data["source"],
        only_for_categories=tuple(data.get("only_for_categories", ())),
    )


def regime_entry_from_dict(regime: str, data: Mapping[str, Any]) -> RegimeEntry:
    return RegimeEntry(
        regime=regime,
        status=AdequacyStatus(data["status"]),
        condition=data.get("condition", ""),
        instrument=data.get("instrument", ""),
        adopted=_date_from(data.get("adopted")),
        expires=_date_from(data.get("expires")),
        source_url=data.get("source_url", ""),
        notes=data.get("notes", ""),
        verified=data.get("verified", True),
        last_verified=_date_from(data.get("last_verified")),
        scope_limits=tuple(scope_limit_from_dict(s) for s in data.get("scope_limits", ())),
        in_force=_date_from(data.get("in_force")),
    )


def access_law_to_dict(law: AccessLaw) -> JsonDict:
    return {
        "key": law.key,
        "name": law.name,
        "problematic": law.problematic,
        "reason": law.reason,
        "sources": list(law.sources),
        "scope": law.scope,
    }


def access_law_from_dict(data: Mapping[str, Any]) -> AccessLaw:
    return AccessLaw(
        key=data["key"],
        name=data["name"],
        problematic=data["problematic"],
        reason=data["reason"],
        sources=tuple(data.get("sources", ())),
        scope=data.get("scope", ""),
    )


def appi_to_dict(info: AppiInfo) -> JsonDict:
    return {
        "has_protection_system": info.has_protection_system,
        "system_summary": info.system_summary,
        "oecd_principles_covered": list(info.oecd_principles_covered),
        "oecd_gaps": info.oecd_gaps,
        "cbpr": info.cbpr,
        "localisation_duties": info.localisation_duties,
        "government_cooperation_duties": info.government_cooperation_duties,
        "sources": list(info.sources),
        "verified": info.verified,
    }


def appi_from_dict(data: Mapping[str, Any]) -> AppiInfo:
    return AppiInfo(
        has_protection_system=data.get("has_protection_system"),
        system_summary=data.get("system_summary", ""),
        oecd_principles_covered=tuple(data.get("oecd_principles_covered", ())),
        oecd_gaps=data.get("oecd_gaps", ""),
        cbpr=data.get("cbpr", ""),
        localisation_duties=data.get("localisation_duties", ""),
        government_cooperation_duties=data.get("government_cooperation_duties", ""),
        sources=tuple(data.get("sources", ())),
        verified=data.get("verified", True),
    )


def destination_to_dict(dest: Destination) -> JsonDict:
    return {
        "code": dest.code,
        "name_en": dest.name_en,
        "name_ja": dest.name_ja,
        "kind": dest.kind,
        "version": dest.version,
        "regimes": {code: regime_entry_to_dict(entry) for code, entry in sorted(dest.regimes.items())},
        "access_laws": [access_law_to_dict(law) for law in dest.access_laws],
        "appi": appi_to_dict(dest.appi) if dest.appi is not None else None,
    }


def destination_from_dict(data: Mapping[str, Any]) -> Destination:
    """Names default to "" when absent (the shipped file leaves them to pycountry; see `shipped`)."""
    appi = data.get("appi")
    return Destination(
        code=data["code"],
        name_en=data.get("name_en", ""),
        name_ja=data.get("name_ja", ""),
        kind=data.get("kind", "country"),
        regimes={code: regime_entry_from_dict(code, e) for code, e in data.get("regimes", {}).items()},
        access_laws=tuple(access_law_from_dict(law) for law in data.get("access_laws", ())),
        appi=appi_from_dict(appi) if appi is not None else None,
        version=data.get("version", 1),
    )


def regime_to_dict(regime: Regime) -> JsonDict:
    return {
        "code": regime.code,
        "name_en": regime.name_en,
        "name_ja": regime.name_ja,
        "home_area": sorted(regime.home_area),
        "exporter_countries": sorted(regime.exporter_countries),
        "source_url": regime.source_url,
    }


def regime_from_dict(data: Mapping[str, Any]) -> Regime:
    return Regime(
        code=data["code"],
        name_en=data["name_en"],
        name_ja=data["name_ja"],
        home_area=frozenset(data["home_area"]),
        exporter_countries=frozenset(data["exporter_countries"]),
        source_url=data.get("source_url", ""),
    )


def countries_document(destinations: Mapping[str, Destination], dataset_version: str) -> JsonDict:
    """A whole export document in the import format (complete entries, ordered by code)."""
    return {
        "format": "transfer-tool.countries",
        "format_version": 1,
        "dataset_version": dataset_version,
        "destinations": [destination_to_dict(destinations[c]) for c in sorted(destinations)],
    }


def regimes_document(regimes: Mapping[str, Regime]) -> JsonDict:
    return {
        "format": "transfer-tool.regimes",
        "format_version": 1,
        "regimes": [regime_to_dict(regimes[c]) for c in sorted(regimes)],
    }
