"""The country data as a file: the whole dataset exported as JSON, and a file imported (checked whole, then
every change applied or none; a dry run says what would change)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

from sqlalchemy import select

from transfer_tool.accounts.permissions import Action, Actor, require
from transfer_tool.countries import editing, serialize
from transfer_tool.countries.diff import FieldChange, diff_destinations
from transfer_tool.countries.impact import StatusChange, status_changes
from transfer_tool.countries.model import Destination
from transfer_tool.countries.stored import DATASET_KEY, complete, names, regimes_in, set_dataset_version
from transfer_tool.errors import ConflictError, ImportRefused, Problem
from transfer_tool.i18n.engine_text import engine_list, engine_text, error_text
from transfer_tool.records import audit
from transfer_tool.storage import admin_writes
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import OrgSetting
from transfer_tool.storage.models.countries import DestinationRecord

MAX_IMPORT_BYTES = 10 * 1024 * 1024


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


def export_document(db: Database) -> bytes:
    with db.read() as s:
        regs = regimes_in(s)
        dests = {r.code: complete(s, r.data, regs) for r in s.execute(select(DestinationRecord)).scalars()}
        v = s.get(OrgSetting, DATASET_KEY)
        # Read the value before the session closes: the read session rolls back, which expires it.
        version_text = str(v.value) if v else ""
    doc = serialize.countries_document(dests, version_text)
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def import_document(
    db: Database,
    actor: Actor,
    raw: bytes,
    *,
    dry_run: bool = False,
    reason: str = "",
    expected: ImportPreview | None = None,
) -> ImportPreview:
    """Check the whole file, then apply every change or none. A dry run returns what would change.
    `expected`: the dry run the person confirmed; the import is applied only if it makes exactly the
    changes that preview showed (`ConflictError` otherwise, nothing imported): an administrator's edit saved
    after the preview is not undone by a file whose preview never showed it."""
    require(actor, Action.EDIT_COUNTRIES)
    if len(raw) > MAX_IMPORT_BYTES:
        # A full export is about 0.6 MB; refuse a huge file before parsing and schema-checking all of it.
        raise ImportRefused(
            error_text(
                "The country data file is {0} MB; the limit is {1} MB (a full export is under 1 "
                "MB). Check that this is the right file; nothing was imported.",
                format(len(raw) / 1024 / 1024, ".0f"),
                MAX_IMPORT_BYTES // (1024 * 1024),
            )
        )
    # Parse and check before taking the write lock: checking a full export takes a few hundred ms.
    with db.read() as s:
        known_regimes = set(regimes_in(s))
    from transfer_tool.countries.shipped import complete_destination
    from transfer_tool.countries.validate import validate_countries_document

    doc = validate_countries_document(raw, known_codes=names().codes, known_regimes=known_regimes)
    why = reason or engine_text("import of country data {0}", doc.dataset_version).strip()
    # A dry run reads only (and the read session rolls back), so it never blocks other writers.
    with db.read() if dry_run else db.unit_of_work() as s:
        regs = regimes_in(s)
        wanted = select(DestinationRecord).where(DestinationRecord.code.in_(sorted(doc.destinations)))
        if not dry_run:
            admin_writes.lock_for_change(s, "destination", doc.destinations)
        records = {r.code: r for r in s.execute(wanted).scalars()}
        changes: dict[str, list[FieldChange]] = {}
        statuses: dict[str, list[StatusChange]] = {}
        flagged = 0
        befores: dict[str, Destination] = {}
        for code, incoming in sorted(doc.destinations.items()):
            rec = records.get(code)
            if rec is None:
                raise ImportRefused(
                    "The country data file was refused; nothing was imported.",
                    [Problem(f"destinations[{code}].code", "not a destination of this database")],
                )
            before = complete(s, rec.data, regs)
            target = complete_destination(replace(incoming, version=before.version), regs, names())
            diff = diff_destinations(before, target)
            if not diff:
                continue
            changes[code] = diff
            statuses[code] = status_changes(before, target)
            befores[code] = before
        if expected is not None and not dry_run:
            _refuse_unlike(expected, changes, befores)
        for code in sorted(changes) if not dry_run else ():
            flagged += editing.apply_edit(
                s, actor, records[code], befores[code], doc.destinations[code], why, doc.dataset_version
            ).flagged
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
            set_dataset_version(s, doc.dataset_version)
        return ImportPreview(
            changes, statuses, flagged, applied=not dry_run, dataset_version=doc.dataset_version
        )


def _refuse_unlike(
    expected: ImportPreview, changes: dict[str, list[FieldChange]], befores: dict[str, Destination]
) -> None:
    """Refuse an import whose changes are not the ones its preview showed (the data changed since)."""
    differ = sorted(
        code
        for code in set(changes) | set(expected.changes)
        if changes.get(code) != expected.changes.get(code)
    )
    if not differ:
        return
    shown = [befores[c].name_en if c in befores else names().name(c, "en") for c in differ]
    raise ConflictError(
        error_text(
            "The country data changed since the preview ({0}): importing now would change what the preview "
            "did not show. Nothing was imported; check the file again to see its changes against the data "
            "as it is now.",
            engine_list(", ", shown),
        )
    )
