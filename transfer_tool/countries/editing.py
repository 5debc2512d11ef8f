"""An admin's edits of the country data: a destination saved as a new version (who, when, why), flagging
the transfers whose status basis changed; which exporter countries a regime governs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from transfer_tool.accounts.permissions import Action, Actor, require
from transfer_tool.countries import serialize
from transfer_tool.countries.diff import FieldChange, diff_destinations
from transfer_tool.countries.flags import flag_law_changes, flag_transfers
from transfer_tool.countries.impact import StatusChange, law_changes, status_changes
from transfer_tool.countries.model import Destination, Regime
from transfer_tool.countries.stored import complete, names, regimes_in
from transfer_tool.errors import ConflictError, ImportRefused, NotFound, Problem, ValidationError
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.records import audit
from transfer_tool.storage import admin_writes
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.countries import DestinationRecord, RegimeRecord

# The document validators (jsonschema) are imported where used.


@dataclass(frozen=True)
class UpdateResult:
    destination: Destination
    changes: list[FieldChange]
    status_changes: list[StatusChange]
    flagged: int


def _validate_one(session: Session, dest: Destination) -> None:
    doc = {
        "format": "transfer-tool.countries",
        "format_version": 1,
        "dataset_version": "edit",
        "destinations": [serialize.destination_to_dict(dest)],
    }
    from transfer_tool.countries.validate import validate_countries_document

    validate_countries_document(doc, known_codes=names().codes, known_regimes=regimes_in(session).keys())


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
            raise NotFound(error_text("'{0}' is not a known destination.", new.code))
        if rec.version != expected_version:
            raise ConflictError(
                error_text(
                    "{0} was changed by {1} (version {2}) after you opened version {3}; nothing was saved.",
                    new.code,
                    rec.updated_by,
                    rec.version,
                    expected_version,
                ),
                mine=new,
                theirs=complete(s, rec.data),
            )
        before = complete(s, rec.data)
        result = apply_edit(s, actor, rec, before, new, reason.strip(), "")
        return result


def apply_edit(
    s: Session,
    actor: Actor,
    rec: DestinationRecord,
    before: Destination,
    new: Destination,
    reason: str,
    dataset_version: str,
) -> UpdateResult:
    """Write `new` over `rec` (read as `before`) as the next version, audited, and flag what it changes;
    the caller checked the permission and holds the row (an edit, or one destination of an import)."""
    regs = regimes_in(s)
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
            name=after.name_en,
        )
        for c in sc
    )
    # A re-judged government-access law flags the transfers whose assessment relied on it (issue 18).
    flagged += flag_law_changes(
        s,
        actor,
        after.code,
        law_changes(before, after),
        before.version,
        after.version,
        reason,
        name=after.name_en,
    )
    s.flush()
    return UpdateResult(after, changes, sc, flagged)


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
        Problem("exporter_countries", error_text("'{0}' is not a known country code", c))
        for c in codes
        if not names().is_known(c)
    ]
    if not reason.strip():
        problems.append(Problem("reason", "say why the mapping changes"))
    if problems:
        raise ValidationError(error_text("The {0} regime cannot be saved as entered.", code), problems)
    with db.unit_of_work() as s:
        rec = s.get(RegimeRecord, code.upper())
        if rec is None:
            raise NotFound(
                error_text(
                    "'{0}' is not a known regime (known: {1}).", code, ", ".join(sorted(regimes_in(s)))
                )
            )
        if expected_version is not None and rec.row_version != expected_version:
            raise ConflictError(
                error_text(
                    "The {0} regime was changed by {1} after you opened it; nothing was saved.",
                    code,
                    rec.updated_by,
                ),
                theirs=serialize.regime_from_dict(rec.data),
            )
        before = dict(rec.data)
        regime = replace(serialize.regime_from_dict(rec.data), exporter_countries=frozenset(codes))
        admin_writes.update_regime(s, actor.username, rec, serialize.regime_to_dict(regime))
        audit.record(s, actor, "update", "regime", rec.code, before, {**rec.data, "reason": reason.strip()})
        return regime
