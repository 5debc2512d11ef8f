"""Country data in the database: reading the live data, and a destination's history of versions.

The shipped files seed an empty database (`seeding.py`); from then on the database copy is the live one.
Every edit makes a new version of the destination (who, when, why; `editing.py`), and a change of status
under a regime flags every transfer to that destination whose exporter that regime governs (`flags.py`);
the data goes out and comes in as a file through `exchange.py`. This module keeps those modules' public
names in one place too (`from transfer_tool.countries import store`).
"""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from transfer_tool.countries.model import Destination, Regime
from transfer_tool.countries.names import SearchHit
from transfer_tool.countries.stored import DATASET_KEY, complete, names, regimes_in
from transfer_tool.errors import NotFound
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import OrgSetting
from transfer_tool.storage.models.countries import DestinationRecord, DestinationVersion, RegimeRecord

if TYPE_CHECKING:
    from transfer_tool.countries.diff import FieldChange
    from transfer_tool.countries.editing import UpdateResult, apply_edit, update_destination, update_regime
    from transfer_tool.countries.exchange import (
        MAX_IMPORT_BYTES,
        ImportPreview,
        export_document,
        import_document,
    )
    from transfer_tool.countries.flags import (
        LAW_FLAG_KIND,
        FlagView,
        check_expiries,
        clear_flags,
        flag_law_changes,
        flag_transfers,
        open_flags,
        raised_after,
        transfers_affected,
    )
    from transfer_tool.countries.impact import ChangeKind
    from transfer_tool.countries.seeding import SEEDED_DIGESTS, seed, seed_rows, shipped_digests
    from transfer_tool.countries.shipped import CountryDataset

# The names this module keeps for the editing, exchange, flagging and seeding modules load with their
# module on first use (PEP 562): reading country data (the app's start-up, `countries show`) needs none
# of them, and they bring the assessment record's 22 dataclasses, the flags' queries and the validators.
_ELSEWHERE = {
    "transfer_tool.countries.diff": ("FieldChange",),
    "transfer_tool.countries.editing": ("UpdateResult", "apply_edit", "update_destination", "update_regime"),
    "transfer_tool.countries.exchange": (
        "MAX_IMPORT_BYTES",
        "ImportPreview",
        "export_document",
        "import_document",
    ),
    "transfer_tool.countries.flags": (
        "LAW_FLAG_KIND",
        "FlagView",
        "check_expiries",
        "clear_flags",
        "flag_law_changes",
        "flag_transfers",
        "open_flags",
        "raised_after",
        "transfers_affected",
    ),
    "transfer_tool.countries.impact": ("ChangeKind",),
    "transfer_tool.countries.seeding": ("SEEDED_DIGESTS", "seed", "seed_rows", "shipped_digests"),
}
_MODULE_OF = {name: module for module, names_ in _ELSEWHERE.items() for name in names_}


if not TYPE_CHECKING:  # for mypy the names are the imports above, so a misspelt one is an error

    def __getattr__(name: str) -> object:
        module = _MODULE_OF.get(name)
        if module is None:
            raise AttributeError(
                f"module {__name__!r} has no attribute {name!r}", name=name, obj=sys.modules[__name__]
            )
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value  # once loaded, an ordinary attribute
        return value


# The shipped-data loader and the document validators (jsonschema) are imported where used: the app's
# start-up reads regimes through this module and needs neither (about 70 ms of imports).


@dataclass(frozen=True)
class VersionInfo:
    code: str
    version: int
    changed_at: dt.datetime
    changed_by: str
    reason: str


# ---- reading --------------------------------------------------------------------------------------


def dataset(db: Database) -> CountryDataset:
    """The live country data as the engine and the report use it."""
    with db.read() as s:
        return _load_dataset(s)


def _load_dataset(s: Session) -> CountryDataset:
    from transfer_tool.countries.shipped import CountryDataset

    regimes = regimes_in(s)
    dests = {r.code: complete(s, r.data, regimes) for r in s.execute(select(DestinationRecord)).scalars()}
    version = s.get(OrgSetting, DATASET_KEY)
    return CountryDataset(dests, regimes, str(version.value) if version else "", names())


def _fingerprint(s: Session) -> tuple[object, ...]:
    """Changes whenever the live data does: every edit or import bumps a row's row_version and
    updated_at, and the dataset version is a setting. One statement of cheap aggregates."""
    parts: list[Any] = []
    for table in (DestinationRecord, RegimeRecord):
        for aggregate in (func.count(), func.sum(table.row_version), func.max(table.updated_at)):
            parts.append(select(aggregate).select_from(table).scalar_subquery())
    parts.append(select(OrgSetting.value).where(OrgSetting.key == DATASET_KEY).scalar_subquery())
    # One statement: across offices each statement is a round trip (issue #19 point 5).
    return tuple(s.execute(select(*parts)).one())


# Per process, a few databases at most: a batch of 500 reports read the same 251 destinations each
# time (about 20 ms a report). Shared, so callers must not change the returned dataset.
_DATASETS: dict[tuple[str, tuple[object, ...]], CountryDataset] = {}
_DATASETS_KEPT = 4


def cached_dataset(db: Database) -> CountryDataset:
    """`dataset(db)`, reused while the live data is unchanged (checked with one query each call)."""
    with db.read() as s:
        key = (db.url, _fingerprint(s))
        found = _DATASETS.get(key)
        if found is None:
            found = _load_dataset(s)
            while len(_DATASETS) >= _DATASETS_KEPT:
                del _DATASETS[next(iter(_DATASETS))]
            _DATASETS[key] = found
        return found


def held_dataset(db: Database) -> CountryDataset | None:
    """`cached_dataset(db)` if this process already holds the country data of `db` (the app, a batch of
    reports): one statement checks it is current. None if it holds none: then a caller that needs only a
    few destinations reads just those (`on_demand.dataset_on_demand`)."""
    if not any(url == db.url for url, _fingerprint in _DATASETS):
        return None
    return cached_dataset(db)


def regimes(db: Database) -> dict[str, Regime]:
    with db.read() as s:
        return regimes_in(s)


def get_destination(db: Database, code: str) -> Destination:
    with db.read() as s:
        rec = s.get(DestinationRecord, code.upper())
        if rec is None:
            raise NotFound(
                error_text(
                    "'{0}' is not a known destination. Try `transfer-tool countries search {1}`.", code, code
                )
            )
        return complete(s, rec.data)


def list_destinations(db: Database) -> list[Destination]:
    with db.read() as s:
        regs = regimes_in(s)
        return [
            complete(s, r.data, regs)
            for r in s.execute(select(DestinationRecord).order_by(DestinationRecord.code)).scalars()
        ]


def search(query: str, limit: int | None = 20) -> list[SearchHit]:
    return names().search(query, limit)


def dataset_version(db: Database) -> str:
    with db.read() as s:
        v = s.get(OrgSetting, DATASET_KEY)
        return str(v.value) if v else ""


# ---- history -----------------------------------------------------------------------------------------


def history(db: Database, code: str) -> list[VersionInfo]:
    with db.read() as s:
        rows = (
            s.execute(
                select(DestinationVersion)
                .where(DestinationVersion.code == code.upper())
                .order_by(DestinationVersion.version)
            )
            .scalars()
            .all()
        )
        if not rows:
            raise NotFound(error_text("'{0}' is not a known destination.", code))
        return [VersionInfo(r.code, r.version, r.changed_at, r.changed_by, r.reason) for r in rows]


def version(
    db: Database, code: str, number: int, current_regimes: dict[str, Regime] | None = None
) -> Destination:
    """Version `number` of a destination's data, completed with `current_regimes` (the regimes, read from the
    database unless the caller has them, e.g. from the cached dataset)."""
    with db.read() as s:
        row = s.execute(
            select(DestinationVersion).where(
                DestinationVersion.code == code.upper(), DestinationVersion.version == number
            )
        ).scalar_one_or_none()
        if row is None:
            raise NotFound(error_text("{0} has no version {1}.", code, number))
        return complete(s, row.data, current_regimes)


def diff_versions(db: Database, code: str, a: int, b: int) -> list[FieldChange]:
    from transfer_tool.countries.diff import diff_destinations

    return diff_destinations(version(db, code, a), version(db, code, b))


__all__ = [
    "DATASET_KEY",
    "LAW_FLAG_KIND",
    "MAX_IMPORT_BYTES",
    "SEEDED_DIGESTS",
    "ChangeKind",
    "FlagView",
    "ImportPreview",
    "UpdateResult",
    "VersionInfo",
    "apply_edit",
    "cached_dataset",
    "check_expiries",
    "clear_flags",
    "dataset",
    "dataset_version",
    "diff_versions",
    "export_document",
    "flag_law_changes",
    "flag_transfers",
    "get_destination",
    "held_dataset",
    "history",
    "import_document",
    "list_destinations",
    "names",
    "open_flags",
    "raised_after",
    "regimes",
    "search",
    "seed",
    "seed_rows",
    "shipped_digests",
    "transfers_affected",
    "update_destination",
    "update_regime",
    "version",
]
