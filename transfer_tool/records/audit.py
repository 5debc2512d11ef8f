"""The append-only, hash-chained audit log and its verification.

Every change a service makes is recorded with who, when, what, before and after. Each event's hash covers
its content and the previous event's hash, so editing or deleting a row breaks the chain at that point.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, ColumnElement, Integer, Text, cast, func, literal, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import LateralFromClause

from transfer_tool.accounts.permissions import Actor
from transfer_tool.domain import Role
from transfer_tool.errors import PermissionDenied, StorageError
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.storage.base import UTCDateTime, utcnow
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import AuditEvent, AuditHead, User

GENESIS = "0" * 64
HEAD_MISSING = (
    "the audit head (the record of the last event written, table audit_head) is missing although the log "
    "holds events: someone deleted it outside the tool, so events deleted from the end could no longer be "
    "noticed"
)
HEAD_MISSING_WRITE = (
    "Nothing was saved: the audit log's head record (table audit_head) is missing, so no event can be "
    "added safely. Run `transfer-tool check` and restore the newest backup that passes it "
    "(`transfer-tool backup --list`)."
)


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def event_hash(
    *,
    seq: int,
    at: dt.datetime,
    actor_id: int | None,
    actor_name: str,
    action: str,
    table_name: str,
    record_id: str,
    before: Any,
    after: Any,
    prev_hash: str,
) -> str:
    payload = canonical(
        [
            seq,
            at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
            actor_id,
            actor_name,
            action,
            table_name,
            record_id,
            before,
            after,
            prev_hash,
        ]
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def jsonable(value: Any) -> Any:
    """Round-trip through JSON so the stored value equals what was hashed."""
    return json.loads(canonical(value)) if value is not None else None


def content_digest(value: Any) -> str:
    """SHA-256 of a JSON value as the log would store it: an event can vouch for content it does not hold."""
    return hashlib.sha256(canonical(jsonable(value)).encode("utf-8")).hexdigest()


_CHECKED = "audit.actor_checked"  # session.info key: accounts already checked in this transaction


def check_actor(session: Session, actor: Actor) -> None:
    """Refuse an actor whose account was deactivated, or given another role, since they signed in.

    An `Actor` is taken at sign-in and kept by the open app; the account row is what counts now. Every
    change passes here (through `record`), so a deactivated user's open session can change nothing.
    Checked once per transaction, against the stored row as it was before this transaction's own edits
    (call it first in a service that edits user accounts)."""
    if actor.user_id is None:  # the tool itself (seeding, migrations, restore)
        return
    checked: set[int] = session.info.setdefault(_CHECKED, set())
    if actor.user_id in checked:
        return
    with session.no_autoflush:
        row = session.execute(select(User.active, User.role).where(User.id == actor.user_id)).one_or_none()
    judge_actor(session, actor, None if row is None else (row.active, row.role))


def judge_actor(session: Session, actor: Actor, stored: tuple[bool | None, Role | None] | None) -> None:
    """`check_actor` with the account's (active, role) already read, e.g. in the statement that loaded the
    row to change (across offices each statement is a round trip)."""
    if actor.user_id is None:
        return
    if stored is None or not stored[0]:
        raise PermissionDenied(
            error_text(
                "The account '{0}' has been deactivated; nothing was saved. Ask an administrator.",
                actor.username,
            )
        )
    role = stored[1]
    if role != actor.role:
        shown = role.value if role is not None else "none"
        raise PermissionDenied(
            error_text(
                "The role of '{0}' was changed to {1} since you signed in; nothing was saved. Sign in again.",
                actor.username,
                shown,
            )
        )
    session.info.setdefault(_CHECKED, set()).add(actor.user_id)


def _hashed_event(
    seq: int,
    at: dt.datetime,
    actor: Actor,
    action: str,
    table_name: str,
    record_id: object,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
    prev_hash: str,
) -> AuditEvent:
    """The event that follows `prev_hash` in the chain, its hash computed (SQLite and PostgreSQL alike)."""
    b, a = jsonable(before), jsonable(after)
    fields: dict[str, Any] = {
        "seq": seq,
        "at": at,
        "actor_id": actor.user_id,
        "actor_name": actor.username,
        "action": action,
        "table_name": table_name,
        "record_id": str(record_id),
        "before": b,
        "after": a,
        "prev_hash": prev_hash,
    }
    return AuditEvent(**fields, hash=event_hash(**fields))


def record(
    session: Session,
    actor: Actor,
    action: str,
    table_name: str,
    record_id: object,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Append one event inside the caller's transaction (so it commits or vanishes with the change).
    Refused (PermissionDenied, so the transaction rolls back) for an account no longer active."""
    check_actor(session, actor)
    if session.get_bind().dialect.name == "postgresql":
        return _record_through_database(session, actor, action, table_name, record_id, before, after)
    head = session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one_or_none()
    if head is None:
        if session.execute(select(AuditEvent.seq).limit(1)).first() is not None:
            raise StorageError(HEAD_MISSING_WRITE)
        head = AuditHead(id=1, last_seq=0, last_hash=GENESIS)
        session.add(head)
        session.flush()
    event = _hashed_event(
        head.last_seq + 1, utcnow(), actor, action, table_name, record_id, before, after, head.last_hash
    )
    session.add(event)
    head.last_seq, head.last_hash = event.seq, event.hash
    session.flush()
    return event


def _record_through_database(
    session: Session,
    actor: Actor,
    action: str,
    table_name: str,
    record_id: object,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
) -> AuditEvent:
    """On PostgreSQL people may not write the audit tables: the event goes through the owner's function
    `tt_sec.record_event` (team_security), which checks that the actor is the person signed in, locks the
    head and links the chain, all in one call (issue #19 point 5: a call is a round trip across offices)."""
    session.flush()  # the change first, so its own triggers see the same transaction order as on SQLite
    call, unlinked = database_event(actor, action, table_name, record_id, before, after)
    try:
        linked = session.execute(select(call.c.seq, call.c.prev_hash, call.c.hash)).one()
    except DBAPIError as exc:
        raise head_missing_or(exc) from exc
    return linked_event(unlinked, linked.seq, linked.prev_hash, linked.hash)


def database_event(
    actor: Actor,
    action: str,
    table_name: str,
    record_id: object,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
    *,
    record_id_in_sql: ColumnElement[Any] | None = None,
) -> tuple[LateralFromClause, AuditEvent]:
    """The `tt_sec.record_event(...)` call (columns seq, prev_hash, hash) that appends this event on
    PostgreSQL, and the event without its seq and hashes (`linked_event` completes it from the answer).
    It may sit in a larger statement next to the change it records (lateral), with `record_id_in_sql` the
    changed row's id from there, so the event is written only when that row was."""
    unlinked = _hashed_event(0, utcnow(), actor, action, table_name, record_id, before, after, GENESIS)
    fields = [
        unlinked.at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        unlinked.actor_id,
        unlinked.actor_name,
        action,
        table_name,
        unlinked.record_id,
        unlinked.before,
        unlinked.after,
    ]

    def json_text(value: Any) -> ColumnElement[Any]:
        return cast(literal(None if value is None else canonical(value), Text), JSON)

    call = func.tt_sec.record_event(
        literal(unlinked.at, UTCDateTime()),
        literal(unlinked.actor_id, Integer),
        literal(unlinked.actor_name, Text),
        literal(action, Text),
        literal(table_name, Text),
        literal(unlinked.record_id, Text) if record_id_in_sql is None else cast(record_id_in_sql, Text),
        json_text(unlinked.before),
        json_text(unlinked.after),
        # event_hash's payload is canonical([seq, *fields, prev_hash]): the server adds the two ends.
        literal(canonical(fields)[1:-1], Text),
    )
    return call.table_valued("seq", "prev_hash", "hash").lateral("audit_event_written"), unlinked


def linked_event(unlinked: AuditEvent, seq: int, prev_hash: str, hash_: str) -> AuditEvent:
    """The event as the server linked it; its hash re-checked here, as `audit verify` will."""
    unlinked.seq, unlinked.prev_hash, unlinked.hash = seq, prev_hash, hash_
    expected = event_hash(
        seq=seq,
        at=unlinked.at,
        actor_id=unlinked.actor_id,
        actor_name=unlinked.actor_name,
        action=unlinked.action,
        table_name=unlinked.table_name,
        record_id=unlinked.record_id,
        before=unlinked.before,
        after=unlinked.after,
        prev_hash=prev_hash,
    )
    if expected != hash_:
        raise StorageError(
            "Nothing was saved: the database linked the audit event with a hash the tool does not "
            "compute. Run `transfer-tool check`."
        )
    return unlinked


def head_missing_or(exc: DBAPIError) -> Exception:
    """tt_sec.record_event's refusal for a deleted head as the tool says it; any other error as it is."""
    if getattr(exc.orig, "sqlstate", None) == "P0001" and "audit head is missing" in str(exc.orig):
        return StorageError(HEAD_MISSING_WRITE)
    return exc


@dataclass(frozen=True)
class AuditReport:
    ok: bool
    checked: int
    first_broken: int | None = None
    reason: str = ""
    head_hash: str = ""  # the last event's hash when ok ("" for an empty log): what `check` prints

    @property
    def head(self) -> str:
        """`N:HASH` of the verified last event, or "" when the log is empty or broken."""
        return f"{self.checked}:{self.head_hash}" if self.ok and self.checked else ""

    def summary(self) -> str:
        if self.ok:
            return f"Audit log intact: {self.checked} events verified."
        return f"Audit log BROKEN at event {self.first_broken}: {self.reason}"


def verify(db: Database, batch: int = 2000) -> AuditReport:
    """Walk the chain from the start and report the first event that does not fit."""
    prev = GENESIS
    expected_seq = 1
    checked = 0
    with db.read() as s:
        head = s.get(AuditHead, 1)
        last = 0
        while True:
            rows = (
                s.execute(
                    select(AuditEvent).where(AuditEvent.seq > last).order_by(AuditEvent.seq).limit(batch)
                )
                .scalars()
                .all()
            )
            if not rows:
                break
            for ev in rows:
                if ev.seq != expected_seq:
                    return AuditReport(
                        False, checked, expected_seq, f"event {expected_seq} is missing (deleted)"
                    )
                if ev.prev_hash != prev:
                    return AuditReport(False, checked, ev.seq, "it does not follow the event before it")
                h = event_hash(
                    seq=ev.seq,
                    at=ev.at,
                    actor_id=ev.actor_id,
                    actor_name=ev.actor_name,
                    action=ev.action,
                    table_name=ev.table_name,
                    record_id=ev.record_id,
                    before=ev.before,
                    after=ev.after,
                    prev_hash=ev.prev_hash,
                )
                if h != ev.hash:
                    return AuditReport(
                        False,
                        checked,
                        ev.seq,
                        f"its content was changed after it was written ({ev.action} on "
                        f"{ev.table_name} {ev.record_id})",
                    )
                prev = ev.hash
                expected_seq += 1
                checked += 1
                last = ev.seq
        if head is None and checked:
            return AuditReport(False, checked, checked + 1, HEAD_MISSING)
        if head is not None and (head.last_seq != checked or head.last_hash != prev):
            return AuditReport(
                False,
                checked,
                checked + 1,
                f"the log ends at event {checked} but {head.last_seq} were written "
                "(events at the end were deleted)",
            )
    return AuditReport(True, checked, head_hash=prev if checked else "")
