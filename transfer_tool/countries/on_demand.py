"""The live country data with each destination read when first asked for.

A report looks up the destinations of one transfer (its destination, and the countries where the data is
stored or accessed from, which the pre-check asks about): reading all 251 and completing each with every
regime's defaults was about 40 ms of a `report` process and its largest heap of objects. The regimes,
the names and the data's version are read at once, as `store.dataset` reads them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from sqlalchemy import select

from transfer_tool.countries.model import Destination, Regime
from transfer_tool.countries.shipped import CountryDataset
from transfer_tool.countries.stored import DATASET_KEY, complete, names, regimes_in
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import OrgSetting
from transfer_tool.storage.models.countries import DestinationRecord


class DestinationsOnDemand(Mapping[str, Destination]):
    """Every stored destination by code, each read (and kept) when first looked up; iterating reads the
    codes. Not for many lookups: each first one is a statement."""

    def __init__(self, db: Database, regimes: dict[str, Regime]) -> None:
        self._db = db
        self._regimes = regimes
        self._read: dict[str, Destination | None] = {}

    def __getitem__(self, code: str) -> Destination:
        self.read_ahead((code,))
        found = self._read.get(code)
        if found is None:
            raise KeyError(code)
        return found

    def read_ahead(self, codes: Iterable[str]) -> None:
        """Read the codes not read yet in one statement: across offices each statement is a round trip, and
        a transfer stored or accessed from several countries would otherwise cost one each."""
        wanted = sorted({c for c in codes if c and c not in self._read})
        if not wanted:
            return
        with self._db.read() as s:
            rows = s.scalars(select(DestinationRecord).where(DestinationRecord.code.in_(wanted)))
            found = {r.code: complete(s, r.data, self._regimes) for r in rows}
        for code in wanted:
            self._read[code] = found.get(code)

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes())

    def __len__(self) -> int:
        return len(self._codes())

    def _codes(self) -> list[str]:
        with self._db.read() as s:
            return list(s.scalars(select(DestinationRecord.code).order_by(DestinationRecord.code)))


def dataset_on_demand(db: Database) -> CountryDataset:
    """`store.dataset(db)` whose destinations are read as they are looked up (`DestinationsOnDemand`)."""
    with db.read() as s:
        regimes = regimes_in(s)
        setting = s.get(OrgSetting, DATASET_KEY)
        version = str(setting.value) if setting else ""
    return CountryDataset(DestinationsOnDemand(db, regimes), regimes, version, names())
