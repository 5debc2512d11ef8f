"""Seeding: the shipped country data loaded into an empty database, with a digest of each row it wrote."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from transfer_tool.accounts.permissions import Actor
from transfer_tool.countries import serialize
from transfer_tool.countries.stored import set_dataset_version
from transfer_tool.i18n.engine_text import engine_text
from transfer_tool.records import audit
from transfer_tool.storage.base import utcnow
from transfer_tool.storage.models.countries import DestinationRecord, DestinationVersion, RegimeRecord

if TYPE_CHECKING:
    from transfer_tool.countries.shipped import CountryDataset


def seed(session: Session) -> int:
    """Load the shipped data into an empty database; an edited database is left as it is.

    The seed event records a digest of each row it wrote (`SEEDED_DIGESTS`), so `check` can tell a
    destination or regime never changed in the tool from one edited in the table directly."""
    if session.scalar(select(func.count()).select_from(DestinationRecord)):
        return 0
    from transfer_tool.countries.shipped import load_shipped_dataset

    shipped = load_shipped_dataset()
    destination_rows, regime_rows = seed_rows(shipped)
    digests: dict[str, dict[str, str]] = {"destination": _digests(destination_rows)}
    if not session.scalar(select(func.count()).select_from(RegimeRecord)):
        session.execute(
            insert(RegimeRecord),
            [
                {
                    "code": r["code"],
                    "data": r,
                    "updated_by": "system",
                    "row_version": 1,
                    "updated_at": utcnow(),
                }
                for r in regime_rows
            ],
        )
        digests["regime"] = _digests(regime_rows)
    now = utcnow()
    rows = destination_rows
    session.execute(
        insert(DestinationRecord),
        [
            {
                "code": r["code"],
                "version": 1,
                "data": r,
                "updated_by": "system",
                "row_version": 1,
                "updated_at": now,
            }
            for r in rows
        ],
    )
    session.execute(
        insert(DestinationVersion),
        [
            {
                "code": r["code"],
                "version": 1,
                "data": r,
                "changed_by": "system",
                "changed_at": now,
                "reason": engine_text("shipped country data {0}", shipped.dataset_version),
                "dataset_version": shipped.dataset_version,
            }
            for r in rows
        ],
    )
    set_dataset_version(session, shipped.dataset_version)
    audit.record(
        session,
        Actor.system(),
        "seed",
        "destination",
        "*",
        None,
        {"destinations": len(rows), "dataset_version": shipped.dataset_version, SEEDED_DIGESTS: digests},
    )
    return len(rows)


# The seed event's key for the digest of each row it wrote: {"destination": {code: sha256 of data},
# "regime": {code: sha256 of data}} (regimes only when the seed wrote them).
SEEDED_DIGESTS = "seeded_sha256"


def seed_rows(shipped: CountryDataset) -> tuple[list[serialize.JsonDict], list[serialize.JsonDict]]:
    """The `data` of each destination (version 1) and regime row that seeding writes."""
    return (
        [serialize.destination_to_dict(replace(d, version=1)) for d in shipped.destinations.values()],
        [serialize.regime_to_dict(r) for r in shipped.regimes.values()],
    )


def _digests(rows: list[serialize.JsonDict]) -> dict[str, str]:
    return {str(r["code"]): audit.content_digest(r) for r in rows}


def shipped_digests(dataset_version: str) -> dict[str, dict[str, str]]:
    """What a seed of the shipped data writes, as digests, if the shipped data is still `dataset_version`
    (for a database seeded before seed events recorded their digests); empty when it is another version."""
    from transfer_tool.countries.shipped import load_shipped_dataset

    shipped = load_shipped_dataset()
    if shipped.dataset_version != dataset_version:
        return {}
    destination_rows, regime_rows = seed_rows(shipped)
    return {"destination": _digests(destination_rows), "regime": _digests(regime_rows)}
