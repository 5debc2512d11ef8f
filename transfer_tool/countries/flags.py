"""Re-assessment flags: a change of the country data (a status, a condition, an expiry, a government-access
law) marks the transfers it touches, with the engine's reason and the admin's own words; cleared when a new
version of the transfer's assessment is approved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import (
    JSON,
    ColumnElement,
    Integer,
    Select,
    String,
    and_,
    case,
    cast,
    func,
    insert,
    literal,
    null,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment.record import from_dict
from transfer_tool.countries.impact import LawChange, expired_entries, regime_name
from transfer_tool.countries.model import Regime
from transfer_tool.countries.stored import complete, regimes_in
from transfer_tool.i18n.engine_text import engine_text, from_json, to_json
from transfer_tool.records import audit
from transfer_tool.storage.base import UTCDateTime, utcnow
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment
from transfer_tool.storage.models.core import Entity, Transfer
from transfer_tool.storage.models.countries import DestinationRecord, ReassessmentFlag


@dataclass(frozen=True)
class FlagView:
    transfer_id: int
    reference: str
    destination: str
    regime: str
    kind: str
    reason: str
    version_before: int | None
    version_after: int | None
    created_at: dt.datetime


def flag_transfers(
    s: Session,
    actor: Actor,
    code: str,
    regime: str,
    kind: str,
    reason: str,
    version_before: int | None,
    version_after: int | None,
    regs: dict[str, Regime] | None = None,
    given: str = "",
    *,
    name: str,
) -> int:
    """Flag every transfer to `code` (named `name` in English) whose exporter `regime` governs. Set-based:
    100,000 rows in well under 1 s."""
    regs = regs if regs is not None else regimes_in(s)
    reg = regs.get(regime)
    if reg is None or not reg.exporter_countries:
        return 0
    affected = select(Transfer.id).where(_decided_by(code, regime, reg))
    return _flag(s, actor, affected, code, regime, kind, reason, version_before, version_after, given, name)


def _listed(column: InstrumentedAttribute[list[str]], code: str) -> ColumnElement[bool]:
    """`code` is one of the JSON list's country codes (its stored text holds it quoted), on both databases."""
    return cast(column, String).contains(f'"{code}"', autoescape=True)


def _decided_by(code: str, regime: str, reg: Regime) -> ColumnElement[bool]:
    """The transfers whose route under `regime` depends on the status of `code`: their exporter is in the
    regime's area and the data goes there, as the pre-check judges it (`precheck._where_data_goes`): the
    destination or the importer's country and, except under the APPI, a country where the data is stored
    or from which it is accessed remotely (storage or remote access there is a transfer to it)."""
    exporters = select(Entity.id).where(Entity.country.in_(sorted(reg.exporter_countries)))
    importers_there = select(Entity.id).where(Entity.country == code)
    goes_there = or_(Transfer.destination == code, Transfer.importer_id.in_(importers_there))
    if regime != "JP":
        goes_there = or_(
            goes_there,
            _listed(Transfer.storage_countries, code),
            _listed(Transfer.remote_access_countries, code),
        )
    return and_(Transfer.exporter_id.in_(exporters), goes_there)


def _flag(
    s: Session,
    actor: Actor,
    affected: Select[int],
    code: str,
    regime: str,
    kind: str,
    reason: str,
    version_before: int | None,
    version_after: int | None,
    given: str,
    name: str,
) -> int:
    """Flag the transfers `affected` selects, each with the same reason; one audit event for them all."""
    # `reason` is the engine's ("EU GDPR: condition changed to ..."), `given` the admin's own words; kept
    # apart so a screen can show the engine's part in the reader's language. The English is stored with its
    # id and values beside it (`reason_message`), so it is read back by id: the destination by its English
    # name, which the catalogue knows (a code is not a name people read).
    versions = _versions(version_before, version_after)
    if given.strip():
        text = engine_text("{0} — {1}. Reason given: “{2}”. {3}.", name, reason, given.strip(), versions)
    else:
        text = engine_text("{0} — {1}. {2}.", name, reason, versions)
    message = to_json(text)
    stored_message = literal(message, JSON()) if message is not None else null()
    now = utcnow()
    s.execute(
        insert(ReassessmentFlag).from_select(
            [
                "transfer_id",
                "destination",
                "regime",
                "kind",
                "reason",
                "reason_message",
                "version_before",
                "version_after",
                "created_at",
            ],
            select(
                Transfer.id,
                literal(code),
                literal(regime),
                literal(kind),
                literal(text),
                stored_message,
                literal(version_before, Integer),
                literal(version_after, Integer),
                literal(now, UTCDateTime()),
            ).where(Transfer.id.in_(affected)),
        )
    )
    result = s.execute(
        update(Transfer)
        .where(Transfer.id.in_(affected))
        .values(reassessment_needed=True, reassessment_reason=text, reassessment_message=message)
        .execution_options(synchronize_session=False)
    )
    n = int(getattr(result, "rowcount", 0) or 0)
    if n:
        audit.record(
            s,
            actor,
            "flag_reassessment",
            "transfer",
            f"destination={code}",
            None,
            {"regime": regime, "kind": kind, "reason": text, "transfers": n},
        )
    return n


def _versions(before: int | None, after: int | None) -> str:
    """The country data's versions as the screens write them: "version 2" (第2版), from one to the next."""
    if after is None or before is None or before == after:
        return engine_text("Country data: version {0}", after if after is not None else before)
    return engine_text("Country data: version {0} → version {1}", before, after)


_EXPIRY_CHECK_LOCK = 0x7472616E73666572  # any fixed number; one lock for every client of a database


LAW_FLAG_KIND = "law"  # a flag about the law-and-practice step, not about one regime's status


def flag_law_changes(
    s: Session,
    actor: Actor,
    code: str,
    changes: Collection[LawChange],
    version_before: int | None,
    version_after: int | None,
    given: str = "",
    *,
    name: str,
) -> int:
    """Flag each transfer to `code` (named `name` in English) whose current assessment (its latest version) relied on a changed law:
    it answered that law, or, for a law added, it assessed the destination without it."""
    if not changes:
        return 0
    latest = (
        select(Assessment.transfer_id, func.max(Assessment.version_no).label("v"))
        .join(Transfer, Transfer.id == Assessment.transfer_id)
        .where(Transfer.destination == code)
        .group_by(Assessment.transfer_id)
        .subquery()
    )
    rows = s.execute(
        select(Assessment.transfer_id, Assessment.record).join(
            latest, (latest.c.transfer_id == Assessment.transfer_id) & (latest.c.v == Assessment.version_no)
        )
    ).all()
    answered: dict[int, set[str]] = {}
    for transfer_id, raw in rows:
        try:
            laws = from_dict(raw).law_practice.laws
        except (KeyError, TypeError, ValueError):  # a record this version cannot read is flagged too
            answered[transfer_id] = {c.key for c in changes}
        else:
            answered[transfer_id] = {a.law_key for a in laws}
    flagged = 0
    for change in changes:
        ids = sorted(t for t, keys in answered.items() if change.added or change.key in keys)
        if ids:
            flagged += _flag(
                s,
                actor,
                select(Transfer.id).where(Transfer.id.in_(ids)),
                code,
                "",
                LAW_FLAG_KIND,
                change.reason,
                version_before,
                version_after,
                given,
                name,
            )
    return flagged


def check_expiries(db: Database, actor: Actor, today: dt.date) -> int:
    """Flag the transfers whose route an entry past its expiry date decides (once per entry and version)."""
    with db.unit_of_work() as s:
        return _check_expiries_in(s, actor, today)


def _check_expiries_in(s: Session, actor: Actor, today: dt.date) -> int:
    regs = regimes_in(s)
    # Take the expiry check's lock first, then read what was already flagged: two clients starting at the
    # same moment on a shared PostgreSQL database would otherwise both flag the same expiry. An advisory
    # lock, not the destination rows': people who may not edit country data may not lock its rows either
    # (issue #19). SQLite's write transaction already runs alone.
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _EXPIRY_CHECK_LOCK})
    records = s.execute(select(DestinationRecord).order_by(DestinationRecord.code)).scalars().all()
    done = {
        (d, r, v)
        for d, r, v in s.execute(
            select(ReassessmentFlag.destination, ReassessmentFlag.regime, ReassessmentFlag.version_after)
            .where(ReassessmentFlag.kind == "expired")
            .distinct()
        )
    }
    flagged = 0
    for rec in records:
        dest = complete(s, rec.data, regs)
        for entry in expired_entries(dest, today):
            if (dest.code, entry.regime, dest.version) in done:
                continue
            flagged += flag_transfers(
                s,
                actor,
                dest.code,
                entry.regime,
                "expired",
                engine_text(
                    "{0}: {1} expired on {2}",
                    regime_name(entry.regime),
                    entry.instrument or "the decision",
                    entry.expires,
                ),
                dest.version,
                dest.version,
                regs,
                name=dest.name_en,
            )
            done.add((dest.code, entry.regime, dest.version))
    return flagged


def open_flags(db: Database, transfer_id: int | None = None) -> list[FlagView]:
    with db.read() as s:
        q = (
            select(ReassessmentFlag, Transfer.reference)
            .join(Transfer, Transfer.id == ReassessmentFlag.transfer_id)
            .where(ReassessmentFlag.cleared_at.is_(None))
            .order_by(ReassessmentFlag.id)
        )
        if transfer_id is not None:
            q = q.where(ReassessmentFlag.transfer_id == transfer_id)
        return [
            FlagView(
                f.transfer_id,
                ref,
                f.destination,
                f.regime,
                f.kind,
                from_json(f.reason, f.reason_message),
                f.version_before,
                f.version_after,
                f.created_at,
            )
            for f, ref in s.execute(q)
        ]


def raised_after(flags: Collection[FlagView], destination: str, version: int | None) -> list[FlagView]:
    """The flags a version judged against `destination` at country-data `version` does not answer: raised
    by a later version of that destination (the rule `clear_flags` applies when such a version is approved)."""
    if version is None:
        return []
    return [
        f
        for f in flags
        if f.destination == destination and f.version_after is not None and f.version_after > version
    ]


def clear_flags(s: Session, transfer_id: int, relied_on: tuple[str, int | None] | None = None) -> int:
    """Called when a new assessment version is approved: the re-assessment is done. `relied_on` (the
    destination and its country-data version the approved version was judged against): a flag that a later
    version of that destination raised stays open, since the approved version never saw that change.
    Returns how many flags stay open."""
    still_open = update(ReassessmentFlag).where(
        ReassessmentFlag.transfer_id == transfer_id, ReassessmentFlag.cleared_at.is_(None)
    )
    if relied_on is None or relied_on[1] is None:
        s.execute(still_open.values(cleared_at=utcnow()))
        return 0
    code, version = relied_on
    after = ReassessmentFlag.version_after
    # Spelled out for NULL: a flag without a version is not "later" and is cleared as before.
    later = (ReassessmentFlag.destination == code) & after.is_not(None) & (after > version)
    # One statement (an approval across offices counts its round trips): the flags this version answers
    # are cleared; the later ones are written as they were and come back, so the caller knows they stay.
    rows = s.execute(
        still_open.values(cleared_at=case((later, ReassessmentFlag.cleared_at), else_=utcnow()))
        .returning(later)
        .execution_options(synchronize_session=False)
    )
    return sum(1 for (stays,) in rows if stays)


def transfers_affected(db: Database, code: str, regime: str) -> int:
    """How many transfers a status change of `code` under `regime` would flag (for the editor's warning)."""
    with db.read() as s:
        reg = regimes_in(s).get(regime)
        if reg is None:
            return 0
        if not reg.exporter_countries:
            return 0
        return int(
            s.scalar(select(func.count()).select_from(Transfer).where(_decided_by(code, regime, reg))) or 0
        )
