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
from transfer_tool.countries.stored import DATASET_KEY, complete, names, regimes_in, set_dataset_version
from transfer_tool.errors import ImportRefused, Problem
from transfer_tool.i18n.engine_text import engine_text, error_text
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
    db: Database, actor: Actor, raw: bytes, *, dry_run: bool = False, reason: str = ""
) -> ImportPreview:
    """Check the whole file, then apply every change or none. A dry run returns what would change."""
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
            if not dry_run:
                flagged += editing.apply_edit(
                    s, actor, rec, before, incoming, why, doc.dataset_version
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
