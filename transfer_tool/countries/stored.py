"""The country data as stored: its rows read back as the contract's dataclasses (completed with the regimes
and the localised names), and the dataset version setting. What every country-data module reads through."""

from __future__ import annotations

from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from transfer_tool.countries import serialize
from transfer_tool.countries.model import Destination, Regime
from transfer_tool.countries.names import CountryNames, load_country_names
from transfer_tool.storage.models.core import OrgSetting
from transfer_tool.storage.models.countries import RegimeRecord

# The shipped-data loader is imported where used: the app's start-up reads regimes through this module and
# does not need it.

DATASET_KEY = "country_data.dataset_version"


@cache
def names() -> CountryNames:
    """Localised names of every destination (shipped, immutable: read once per process)."""
    return load_country_names()


def regimes_in(session: Session) -> dict[str, Regime]:
    return {
        r.code: serialize.regime_from_dict(r.data) for r in session.execute(select(RegimeRecord)).scalars()
    }


def complete(
    session: Session, data: dict[str, object], regimes: dict[str, Regime] | None = None
) -> Destination:
    """A stored destination's data as the engine reads it (its regimes' defaults and its names filled in)."""
    from transfer_tool.countries.shipped import complete_destination

    dest = serialize.destination_from_dict(data)
    return complete_destination(dest, regimes if regimes is not None else regimes_in(session), names())


def set_dataset_version(session: Session, version: str) -> None:
    row = session.get(OrgSetting, DATASET_KEY)
    if row is None:
        session.add(OrgSetting(key=DATASET_KEY, value=version))
    else:
        row.value = version
