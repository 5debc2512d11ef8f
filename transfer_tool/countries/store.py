"""Country data in the database: seeding, reading, admin edits with versions, import/export, impact (the
flags a change raises are `countries.flags`', re-exported here).

The shipped files seed an empty database; from then on the database copy is the live one. Every edit
makes a new version of the destination (who, when, why), and a change of status under a regime flags
every transfer to that destination whose exporter that regime governs.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from transfer_tool import audit
from transfer_tool.countries import serialize
from transfer_tool.countries.diff import FieldChange, diff_destinations
from transfer_tool.countries.flags import (  # re-exported: the store's callers flag and read flags here
    LAW_FLAG_KIND,
    FlagView,
    _check_expiries_in,
    check_expiries,
    clear_flags,
    flag_law_changes,
    flag_transfers,
    open_flags,
)
from transfer_tool.countries.impact import (
    ChangeKind,
    StatusChange,
    law_changes,
    status_changes,
)
from transfer_tool.countries.live_reading import complete as _complete
from transfer_tool.countries.live_reading import names
from transfer_tool.countries.live_reading import regimes_in as _regimes
from transfer_tool.countries.model import Destination, Regime
from transfer_tool.countries.names import SearchHit
from transfer_tool.errors import ConflictError, ImportRefused, NotFound, Problem, ValidationError
from transfer_tool.permissions import Action, Actor, require
from transfer_tool.storage import admin_writes
from transfer_tool.storage.base import utcnow
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import Entity, OrgSetting, Transfer
from transfer_tool.storage.models.countries import (
    DestinationRecord,
    DestinationVersion,
    RegimeRecord,
)

if TYPE_CHECKING:
    from transfer_tool.countries.shipped import CountryDataset

# The shipped-data loader and the document validators (jsonschema) are imported where used: the app's
# start-up reads regimes through this module and needs neither (about 70 ms of imports).

DATASET_KEY = "country_data.dataset_version"
MAX_IMPORT_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class VersionInfo:
    code: str
    version: int
    changed_at: dt.datetime
    changed_by: str
    reason: str


@dataclass(frozen=True)
class UpdateResult:
    destination: Destination
    changes: list[FieldChange]
    status_changes: list[StatusChange]
    flagged: int


@dataclass(frozen=True)
class ImportPreview:
    """What an import would change (dry run) or changed: per destination, field changes and status changes."""

    changes: dict[str, list[FieldChange]] = field(default_factory=dict)
    status_changes: dict[str, list[StatusChange]] = field(default_factory=dict)
    flagged: int = 0
    applied: bool = False
    dataset_version: str = ""

    @property
    def changed_destinations(self) -> list[str]:
        return sorted(self.changes)


# ---- seeding -------------------------------------------------------------------------------------


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
                "reason": f"shipped country data {shipped.dataset_version}",
                "dataset_version": shipped.dataset_version,
            }
            for r in rows
        ],
    )
    _set_dataset_version(session, shipped.dataset_version)
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


def _set_dataset_version(session: Session, version: str) -> None:
    row = session.get(OrgSetting, DATASET_KEY)
    if row is None:
        session.add(OrgSetting(key=DATASET_KEY, value=version))
    else:
        row.value = version


# ---- reading --------------------------------------------------------------------------------------


def dataset(db: Database) -> CountryDataset:
    """The live country data as the engine and the report use it."""
    with db.read() as s:
        return _load_dataset(s)


def _load_dataset(s: Session) -> CountryDataset:
    from transfer_tool.countries.shipped import CountryDataset

    regimes = _regimes(s)
    dests = {r.code: _complete(s, r.data, regimes) for r in s.execute(select(DestinationRecord)).scalars()}
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


def regimes(db: Database) -> dict[str, Regime]:
    with db.read() as s:
        return _regimes(s)


def update_regime(
    db: Database,
    actor: Actor,
    code: str,
    *,
    exporter_countries: Collection[str],
    reason: str,
    expected_version: int | None = None,
) -> Regime:
    """Change which exporter countries a regime governs (the mapping that decides which regimes apply).

    Admins only; audited with the reason. Transfers already assessed keep their assessment; new and
    re-opened assessments pick the mapping up.
    """
    require(actor, Action.EDIT_COUNTRIES)
    codes = sorted({c.strip().upper() for c in exporter_countries if c.strip()})
    problems = [
        Problem("exporter_countries", f"'{c}' is not a known country code")
        for c in codes
        if not names().is_known(c)
    ]
    if not reason.strip():
        problems.append(Problem("reason", "say why the mapping changes"))
    if problems:
        raise ValidationError(f"The {code} regime cannot be saved as entered.", problems)
    with db.unit_of_work() as s:
        rec = s.get(RegimeRecord, code.upper())
        if rec is None:
            raise NotFound(f"'{code}' is not a known regime (known: {', '.join(sorted(_regimes(s)))}).")
        if expected_version is not None and rec.row_version != expected_version:
            raise ConflictError(
                f"The {code} regime was changed by {rec.updated_by} after you opened it; nothing was saved.",
                theirs=serialize.regime_from_dict(rec.data),
            )
        before = dict(rec.data)
        regime = replace(serialize.regime_from_dict(rec.data), exporter_countries=frozenset(codes))
        admin_writes.update_regime(s, actor.username, rec, serialize.regime_to_dict(regime))
        audit.record(s, actor, "update", "regime", rec.code, before, {**rec.data, "reason": reason.strip()})
        return regime


def get_destination(db: Database, code: str) -> Destination:
    with db.read() as s:
        rec = s.get(DestinationRecord, code.upper())
        if rec is None:
            raise NotFound(
                f"'{code}' is not a known destination. Try `transfer-tool countries search {code}`."
            )
        return _complete(s, rec.data)


def list_destinations(db: Database) -> list[Destination]:
    with db.read() as s:
        regs = _regimes(s)
        return [
            _complete(s, r.data, regs)
            for r in s.execute(select(DestinationRecord).order_by(DestinationRecord.code)).scalars()
        ]


def search(query: str, limit: int | None = 20) -> list[SearchHit]:
    return names().search(query, limit)


def dataset_version(db: Database) -> str:
    with db.read() as s:
        v = s.get(OrgSetting, DATASET_KEY)
        return str(v.value) if v else ""


# ---- editing ---------------------------------------------------------------------------------------


def _validate_one(session: Session, dest: Destination) -> None:
    doc = {
        "format": "transfer-tool.countries",
        "format_version": 1,
        "dataset_version": "edit",
        "destinations": [serialize.destination_to_dict(dest)],
    }
    from transfer_tool.countries.validate import validate_countries_document

    validate_countries_document(doc, known_codes=names().codes, known_regimes=_regimes(session).keys())


def update_destination(
    db: Database,
    actor: Actor,
    new: Destination,
    *,
    reason: str,
    expected_version: int,
    today: dt.date | None = None,
) -> UpdateResult:
    """Save an admin's edit as a new version; flag the transfers whose status basis changed."""
    require(actor, Action.EDIT_COUNTRIES)
    if not reason.strip():
        raise ValidationError(
            "Say why the data changes.", [Problem("reason", "e.g. 'CJEU annulled the decision'")]
        )
    with db.unit_of_work() as s:
        try:
            _validate_one(s, new)
        except ImportRefused as exc:
            raise ValidationError("The destination cannot be saved as entered.", exc.problems) from exc
        # Lock the row: on PostgreSQL a second admin saving at the same moment waits here, then sees the
        # new version and gets a ConflictError (without the lock both pass the check; one fails at flush).
        admin_writes.lock_for_change(s, "destination", [new.code])
        rec = s.get(DestinationRecord, new.code)
        if rec is None:
            raise NotFound(f"'{new.code}' is not a known destination.")
        if rec.version != expected_version:
            raise ConflictError(
                f"{new.code} was changed by {rec.updated_by} (version {rec.version}) after you "
                f"opened version {expected_version}; nothing was saved.",
                mine=new,
                theirs=_complete(s, rec.data),
            )
        before = _complete(s, rec.data)
        result = _apply(s, actor, rec, before, new, reason.strip(), "")
        return result


def _apply(
    s: Session,
    actor: Actor,
    rec: DestinationRecord,
    before: Destination,
    new: Destination,
    reason: str,
    dataset_version: str,
) -> UpdateResult:
    regs = _regimes(s)
    from transfer_tool.countries.shipped import complete_destination

    after = complete_destination(replace(new, version=rec.version + 1), regs, names())
    changes = diff_destinations(before, after)
    if not changes:
        return UpdateResult(before, [], [], 0)
    data = serialize.destination_to_dict(after)
    old_data = rec.data
    admin_writes.save_destination(
        s,
        actor.username,
        rec,
        version=after.version,
        data=data,
        reason=reason,
        dataset_version=dataset_version,
    )
    audit.record(
        s,
        actor,
        "update",
        "destination",
        after.code,
        {"version": before.version, "data": old_data},
        {"version": after.version, "data": data, "reason": reason},
    )
    sc = status_changes(before, after)
    # The assessor sees what changed and the admin's why (e.g. "CJEU annulled the decision").
    flagged = sum(
        flag_transfers(
            s,
            actor,
            after.code,
            c.regime,
            c.kind.value,
            c.reason,
            before.version,
            after.version,
            regs,
            given=reason,
        )
        for c in sc
    )
    # A re-judged government-access law flags the transfers whose assessment relied on it (issue 18).
    flagged += flag_law_changes(
        s, actor, after.code, law_changes(before, after), before.version, after.version, reason
    )
    s.flush()
    return UpdateResult(after, changes, sc, flagged)


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
            raise NotFound(f"'{code}' is not a known destination.")
        return [VersionInfo(r.code, r.version, r.changed_at, r.changed_by, r.reason) for r in rows]


def version(db: Database, code: str, number: int) -> Destination:
    with db.read() as s:
        row = s.execute(
            select(DestinationVersion).where(
                DestinationVersion.code == code.upper(), DestinationVersion.version == number
            )
        ).scalar_one_or_none()
        if row is None:
            raise NotFound(f"{code} has no version {number}.")
        return _complete(s, row.data)


def diff_versions(db: Database, code: str, a: int, b: int) -> list[FieldChange]:
    return diff_destinations(version(db, code, a), version(db, code, b))


# ---- import / export -----------------------------------------------------------------------------------


def export_document(db: Database) -> bytes:
    with db.read() as s:
        regs = _regimes(s)
        dests = {r.code: _complete(s, r.data, regs) for r in s.execute(select(DestinationRecord)).scalars()}
        v = s.get(OrgSetting, DATASET_KEY)
        # Read the value before the session closes: the read session rolls back, which expires it.
        version_text = str(v.value) if v else ""
    doc = serialize.countries_document(dests, version_text)
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def import_document(
    db: Database, actor: Actor, raw: bytes, *, dry_run: bool = False, reason: str = ""
) -> ImportPreview:
    """Check the whole file, then apply every change or none. A dry run returns what would change."""
    require(actor, Action.EDIT_COUNTRIES)
    if len(raw) > MAX_IMPORT_BYTES:
        # A full export is about 0.6 MB; refuse a huge file before parsing and schema-checking all of it.
        raise ImportRefused(
            f"The country data file is {len(raw) / 1024 / 1024:.0f} MB; the limit is "
            f"{MAX_IMPORT_BYTES // (1024 * 1024)} MB (a full export is under 1 MB). Check that this is the "
            "right file; nothing was imported."
        )
    # Parse and check before taking the write lock: checking a full export takes a few hundred ms.
    with db.read() as s:
        known_regimes = set(_regimes(s))
    from transfer_tool.countries.shipped import complete_destination
    from transfer_tool.countries.validate import validate_countries_document

    doc = validate_countries_document(raw, known_codes=names().codes, known_regimes=known_regimes)
    why = reason or f"import of country data {doc.dataset_version}".strip()
    # A dry run reads only (and the read session rolls back), so it never blocks other writers.
    with db.read() if dry_run else db.unit_of_work() as s:
        regs = _regimes(s)
        wanted = select(DestinationRecord).where(DestinationRecord.code.in_(sorted(doc.destinations)))
        if not dry_run:
            admin_writes.lock_for_change(s, "destination", doc.destinations)
        records = {r.code: r for r in s.execute(wanted).scalars()}
        changes: dict[str, list[FieldChange]] = {}
        statuses: dict[str, list[StatusChange]] = {}
        flagged = 0
        for code, incoming in sorted(doc.destinations.items()):
            rec = records.get(code)
            if rec is None:
                raise ImportRefused(
                    "The country data file was refused; nothing was imported.",
                    [Problem(f"destinations[{code}].code", "not a destination of this database")],
                )
            before = _complete(s, rec.data, regs)
            target = complete_destination(replace(incoming, version=before.version), regs, names())
            diff = diff_destinations(before, target)
            if not diff:
                continue
            changes[code] = diff
            statuses[code] = status_changes(before, target)
            if not dry_run:
                flagged += _apply(s, actor, rec, before, incoming, why, doc.dataset_version).flagged
        if not dry_run and changes:
            old = s.get(OrgSetting, DATASET_KEY)
            audit.record(
                s,
                actor,
                "import",
                "org_setting",
                DATASET_KEY,
                {"value": old.value if old else None},
                {"value": doc.dataset_version, "destinations": sorted(changes), "flagged": flagged},
            )
            _set_dataset_version(s, doc.dataset_version)
        return ImportPreview(
            changes, statuses, flagged, applied=not dry_run, dataset_version=doc.dataset_version
        )


def transfers_affected(db: Database, code: str, regime: str) -> int:
    """How many transfers a status change of `code` under `regime` would flag (for the editor's warning)."""
    with db.read() as s:
        reg = _regimes(s).get(regime)
        if reg is None:
            return 0
        exporters = select(Entity.id).where(Entity.country.in_(sorted(reg.exporter_countries)))
        return int(
            s.scalar(
                select(func.count())
                .select_from(Transfer)
                .where(Transfer.destination == code, Transfer.exporter_id.in_(exporters))
            )
            or 0
        )


__all__ = [
    "LAW_FLAG_KIND",
    "ChangeKind",
    "FlagView",
    "_check_expiries_in",
    "check_expiries",
    "clear_flags",
    "dataset",
    "flag_law_changes",
    "flag_transfers",
    "get_destination",
    "import_document",
    "names",
    "open_flags",
    "seed",
    "update_destination",
]
