"""Reading the live country data rows: the localised names (shipped, read once), the regimes and a
destination completed with them. Shared by `countries.store` and `countries.flags`."""

from __future__ import annotations

from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from transfer_tool.countries import serialize
from transfer_tool.countries.model import Destination, Regime
from transfer_tool.countries.names import CountryNames, load_country_names
from transfer_tool.storage.models.countries import RegimeRecord


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
    from transfer_tool.countries.shipped import complete_destination

    dest = serialize.destination_from_dict(data)
    return complete_destination(dest, regimes if regimes is not None else regimes_in(session), names())
