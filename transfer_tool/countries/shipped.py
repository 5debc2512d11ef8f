"""Loading the shipped country data (data/regimes.json, data/countries.json) into plain values.

The file stores only non-default entries; `complete_destination` fills the rest, so every destination
returned carries an entry for every regime: `inside` for the regime's home area, else `not_adequate`
("No adequacy decision recorded"). Call `load_shipped_dataset()` where the data is needed and keep the
result; there is deliberately no module-level cache.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from transfer_tool.countries.model import Destination, Regime, RegimeEntry
from transfer_tool.countries.names import CountryNames, load_country_names
from transfer_tool.countries.validate import validate_countries_document, validate_regimes_document
from transfer_tool.domain import AdequacyStatus
from transfer_tool.paths import data_file

REGIMES_FILE = "regimes.json"
COUNTRIES_FILE = "countries.json"
NO_DECISION_NOTE = "No adequacy decision recorded"
HOME_AREA_NOTE = "Within the regime's own area"


@dataclass(frozen=True)
class CountryDataset:
    """Every known destination with an entry for every regime, the regimes, and the data's version."""

    destinations: Mapping[str, Destination]  # a dict, or read on demand (on_demand.py)
    regimes: dict[str, Regime]
    dataset_version: str
    names: CountryNames

    def destination(self, code: str) -> Destination:
        """The destination for `code`; KeyError if it is not a known destination."""
        return self.destinations[code]


def default_entry(regime: Regime, code: str) -> RegimeEntry:
    """The entry a destination has under `regime` when the data records nothing for it."""
    if code in regime.home_area:
        return RegimeEntry(
            regime.code, AdequacyStatus.INSIDE, source_url=regime.source_url, notes=HOME_AREA_NOTE
        )
    return RegimeEntry(
        regime.code, AdequacyStatus.NOT_ADEQUATE, source_url=regime.source_url, notes=NO_DECISION_NOTE
    )


def complete_destination(
    dest: Destination, regimes: Mapping[str, Regime], names: CountryNames
) -> Destination:
    """Fill names (when empty) and a default entry for every regime the destination lacks."""
    filled = dict(dest.regimes)
    for code, regime in regimes.items():
        if code not in filled:
            filled[code] = default_entry(regime, dest.code)
    kind = dest.kind
    if names.is_known(dest.code) and kind == "country":
        kind = names.entry(dest.code).kind
    return replace(
        dest,
        name_en=dest.name_en or names.name(dest.code, "en"),
        name_ja=dest.name_ja or names.name(dest.code, "ja"),
        kind=kind,
        regimes={code: filled[code] for code in sorted(filled)},
    )


def load_shipped_regimes(names: CountryNames) -> dict[str, Regime]:
    raw = data_file(REGIMES_FILE).read_bytes()
    return validate_regimes_document(raw, known_codes=names.codes)


def load_shipped_dataset() -> CountryDataset:
    """Read, check and complete the shipped data; ImportRefused if a shipped file was damaged by an edit."""
    names = load_country_names()
    regimes = load_shipped_regimes(names)
    document = validate_countries_document(
        data_file(COUNTRIES_FILE).read_bytes(), known_codes=names.codes, known_regimes=regimes.keys()
    )
    destinations: dict[str, Destination] = {}
    for code in sorted(names.codes):
        stored = document.destinations.get(code, Destination(code=code, name_en="", name_ja=""))
        destinations[code] = complete_destination(stored, regimes, names)
    return CountryDataset(destinations, regimes, document.dataset_version, names)
