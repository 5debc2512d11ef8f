"""The transfer register: create, edit, delete, search; onward transfers are transfers with a parent."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload, object_session
from sqlalchemy.orm.exc import StaleDataError

from transfer_tool.accounts.permissions import Action, Actor, require
from transfer_tool.codes import is_known
from transfer_tool.domain import DataFormat, Frequency, KeyHolder, PartyRole, TransferStatus
from transfer_tool.errors import ConflictError, NotFound, Problem, ValidationError
from transfer_tool.i18n.engine_text import error_text, from_json
from transfer_tool.records import audit
from transfer_tool.register import approved_changes
from transfer_tool.register.assumed_answers import still_assumed
from transfer_tool.register.entities import text_problems
from transfer_tool.storage.database import Database, foreign_key_violation
from transfer_tool.storage.models.core import Entity, Transfer, User


@dataclass(frozen=True)
class TransferInput:
    """What the assessor records about one transfer (product.md, "Transfer")."""

    exporter_id: int
    importer_id: int
    destination: str
    exporter_role: PartyRole = PartyRole.CONTROLLER
    importer_role: PartyRole = PartyRole.PROCESSOR
    title: str = ""
    recipient_type: str = ""
    data_categories: tuple[str, ...] = ()
    special_categories: bool = False
    sensitive_details: str = ""
    data_subjects: tuple[str, ...] = ()
    purposes: tuple[str, ...] = ()
    legal_bases: tuple[str, ...] = ()
    acquisition_routes: tuple[str, ...] = ()
    frequency: Frequency = Frequency.CONTINUOUS
    volume: int | None = None
    format_in_transit: DataFormat = DataFormat.ENCRYPTED
    format_at_rest: DataFormat = DataFormat.CLEAR
    key_holder: KeyHolder = KeyHolder.NOT_APPLICABLE
    storage_countries: tuple[str, ...] = ()
    remote_access_countries: tuple[str, ...] = ()
    retention: str = ""
    retention_code: str = ""
    nature_of_processing: str = ""
    notes: str = ""
    # The answers nobody gave (`ASSUMABLE` names): a register import left their columns blank and the
    # default stands in. Each is a missing item of the assessment until someone states it.
    assumed: tuple[str, ...] = ()


_INPUT_FIELDS = [f.name for f in fields(TransferInput)]
_LIST_FIELDS = {
    n
    for n in _INPUT_FIELDS
    if n
    in {
        "data_categories",
        "data_subjects",
        "purposes",
        "legal_bases",
        "acquisition_routes",
        "storage_countries",
        "remote_access_countries",
        "assumed",
    }
}


@dataclass(frozen=True)
class TransferView(TransferInput):
    id: int = 0
    reference: str = ""
    parent_id: int | None = None
    exporter_name: str = ""
    exporter_country: str = ""
    importer_name: str = ""
    importer_country: str = ""
    status: TransferStatus = TransferStatus.NEW
    reassessment_needed: bool = False
    reassessment_reason: str = ""
    next_review: dt.date | None = None
    owner_id: int | None = None  # the responsible person (issue #23)
    owner_name: str = ""
    row_version: int = 1
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    onward: tuple[TransferView, ...] = field(default=())

    def as_input(self) -> TransferInput:
        return TransferInput(**{n: getattr(self, n) for n in _INPUT_FIELDS})


MAX_VOLUME = 2**31 - 1  # the column is a 32-bit integer on every database
MAX_REFERENCE = 40
_MAX_LEN = {"title": 300, "recipient_type": 64, "retention_code": 64, "destination": 8}
# The register file's limits (register_columns): a longer text saved here made its export refused.
_FILE_LIMITED = ("retention", "sensitive_details", "nature_of_processing", "notes")


def _max_len() -> dict[str, int]:
    from transfer_tool.register.register_columns import COLUMNS  # not at start-up: only a save checks it

    return {**_MAX_LEN, **{name: COLUMNS[name].limit for name in _FILE_LIMITED}}


def validate_transfer(data: TransferInput) -> list[Problem]:
    """Rules a user can fix; messages say what to do."""
    p: list[Problem] = text_problems(data, _INPUT_FIELDS, _max_len())
    if not data.exporter_id:
        p.append(Problem("exporter_id", "choose the exporter (the party sending the data)"))
    if not data.importer_id:
        p.append(Problem("importer_id", "choose the importer (the party receiving the data)"))
    if data.exporter_id and data.exporter_id == data.importer_id:
        p.append(Problem("importer_id", "the importer must be a different entity from the exporter"))
    if not data.destination:
        p.append(Problem("destination", "choose the destination country"))
    elif not is_known(data.destination):
        p.append(
            Problem(
                "destination",
                error_text("'{0}' is not a known country code (use ISO 3166-1, e.g. US)", data.destination),
            )
        )
    for name in ("storage_countries", "remote_access_countries"):
        for code in getattr(data, name):
            if not is_known(code):
                p.append(Problem(name, error_text("'{0}' is not a known country code", code)))
    if not data.data_categories:
        p.append(Problem("data_categories", "choose at least one category of personal data"))
    if not data.purposes:
        p.append(Problem("purposes", "choose at least one purpose"))
    if not data.retention.strip() and not data.retention_code:
        p.append(Problem("retention", "say how long the importer keeps the data"))
    if data.volume is not None and data.volume < 0:
        p.append(Problem("volume", "the number of data subjects cannot be negative"))
    elif data.volume is not None and data.volume > MAX_VOLUME:
        p.append(Problem("volume", error_text("enter at most {0} data subjects", format(MAX_VOLUME, ","))))
    if data.special_categories and not data.sensitive_details.strip():
        p.append(
            Problem("sensitive_details", "describe the sensitive data and the restrictions applied to it")
        )
    if data.format_at_rest == DataFormat.ENCRYPTED and data.key_holder == KeyHolder.NOT_APPLICABLE:
        p.append(Problem("key_holder", "say who holds the keys for the encrypted data"))
    return p


def _dump(t: Transfer) -> dict[str, Any]:
    out: dict[str, Any] = {n: getattr(t, n) for n in _INPUT_FIELDS}
    for n in _LIST_FIELDS:
        out[n] = list(out[n] or [])
    out["reference"] = t.reference
    out["parent_id"] = t.parent_id
    out["status"] = t.status.value
    out["reassessment_needed"] = t.reassessment_needed
    out["owner_id"] = t.owner_id
    return out


def view(t: Transfer, *, with_onward: bool = True) -> TransferView:
    values: dict[str, Any] = {n: getattr(t, n) for n in _INPUT_FIELDS}
    for n in _LIST_FIELDS:
        values[n] = tuple(values[n] or ())
    return TransferView(
        **values,
        id=t.id,
        reference=t.reference,
        parent_id=t.parent_id,
        exporter_name=t.exporter.name,
        exporter_country=t.exporter.country,
        importer_name=t.importer.name,
        importer_country=t.importer.country,
        status=t.status,
        reassessment_needed=t.reassessment_needed,
        reassessment_reason=from_json(t.reassessment_reason, t.reassessment_message),
        next_review=t.next_review,
        owner_id=t.owner_id,
        owner_name=_owner_name(t),
        row_version=t.row_version,
        created_at=t.created_at,
        updated_at=t.updated_at,
        onward=tuple(view(c) for c in t.onward) if with_onward else (),
    )


def _owner_name(t: Transfer) -> str:
    if t.owner is None:
        return ""
    return t.owner.display_name or t.owner.username


def _apply(t: Transfer, data: TransferInput, *, created: bool = False) -> None:
    assumed = list(still_assumed(None if created else t, data))
    for n in _INPUT_FIELDS:
        v = getattr(data, n)
        setattr(t, n, list(v) if n in _LIST_FIELDS else v)
    t.title = data.title.strip()
    t.assumed = assumed


def _check(session: Session, data: TransferInput) -> None:
    problems = validate_transfer(data)
    for role in ("exporter_id", "importer_id"):
        ident = getattr(data, role)
        if ident and session.get(Entity, ident) is None:
            problems.append(
                Problem(role, error_text("entity {0} does not exist; choose or create it first", ident))
            )
    if problems:
        raise ValidationError("The transfer cannot be saved as entered.", problems)


# Register references count the transfers actually stored: one more than the highest "TR-nnnnnn" in the
# table, never the row id (a PostgreSQL sequence skips a value on every rolled-back insert: a refused import,
# a failed copy), so the numbering has no gap an auditor would ask about. Transfers are not deleted from the
# app (only onward transfers, whose references hang off their parent's).
_REFERENCE_PREFIX = "TR-"
_REFERENCE_DIGITS = 6
# Any constant: the PostgreSQL transaction-level lock that serialises reference allocation (SQLite
# serialises writers already with BEGIN IMMEDIATE).
_REFERENCE_LOCK = 0x54522D30


def _lock_references(session: Session) -> None:
    """Until the transaction ends, no one else allocates a reference (PostgreSQL; SQLite's writers run
    one at a time): the highest number is read after the lock, so two people never take the same."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(_REFERENCE_LOCK)))


def _next_reference(session: Session) -> str:
    """The next register reference, allocated inside the transaction that stores the transfer."""
    _lock_references(session)
    pattern = _REFERENCE_PREFIX + "_" * _REFERENCE_DIGITS
    candidates = session.scalars(
        select(Transfer.reference).where(Transfer.reference.like(pattern)).order_by(Transfer.reference.desc())
    )
    highest = 0
    for ref in candidates:
        digits = ref[len(_REFERENCE_PREFIX) :]
        if digits.isascii() and digits.isdigit():  # digits sort before letters: the first is the highest
            highest = int(digits)
            break
    return f"{_REFERENCE_PREFIX}{highest + 1:0{_REFERENCE_DIGITS}d}"


def onward_reference(parent: Transfer) -> str:
    """The next sub-recipient's reference: one more than the highest number of the parent's onward
    transfers (counting them gave -02 again once -01 was removed, and that was refused as used). Read under
    the references' lock: two people adding one at once took the same number, and the second save failed
    on the unique reference (on PostgreSQL a database error)."""
    session = object_session(parent)
    if session is not None and parent.id is not None:
        _lock_references(session)
        session.refresh(parent, ["onward"])  # as committed now, not as read before the lock
    prefix = f"{parent.reference}-"
    numbers = [
        int(tail)
        for o in parent.onward
        if o.reference.startswith(prefix)
        and (tail := o.reference[len(prefix) :]).isascii()
        and tail.isdigit()
    ]
    return f"{prefix}{max(numbers, default=0) + 1:02d}"


def create_in(
    session: Session, actor: Actor, data: TransferInput, *, parent_id: int | None = None, reference: str = ""
) -> Transfer:
    _check(session, data)
    if len(reference) > MAX_REFERENCE or "\x00" in reference:
        raise ValidationError(
            "The transfer cannot be saved.",
            [
                Problem(
                    "reference", error_text("use at most {0} characters and no NUL character", MAX_REFERENCE)
                )
            ],
        )
    if reference and session.scalar(select(Transfer.id).where(Transfer.reference == reference)):
        raise ValidationError(
            "The transfer cannot be saved.",
            [Problem("reference", error_text("'{0}' is already used", reference))],
        )
    if not reference and parent_id is None:
        reference = _next_reference(session)
    t = Transfer(
        reference=reference or f"tmp-{id(data)}",
        parent_id=parent_id,
        created_by=actor.user_id,
        owner_id=actor.user_id,  # the creator is responsible until someone hands it over
    )
    _apply(t, data, created=True)
    session.add(t)
    session.flush()
    if not reference:  # an onward transfer without its parent's reference (not made by the app)
        t.reference = f"TR-{t.id:06d}"
        session.flush()
    audit.record(session, actor, "create", "transfer", t.id, None, _dump(t))
    # A new onward transfer of a transfer whose assessment is approved: that approval did not list it.
    approved_changes.flag_parent_if_approved(session, actor, parent_id)
    return t


def removed_meanwhile(what: str) -> str:
    """A save that named a party (or a parent transfer) someone else removed between its check and its
    write (on PostgreSQL; SQLite runs one writer at a time)."""
    return error_text(
        "A party or record that {0} names was removed by someone else at the same moment; nothing was "
        "saved. Choose the party again (or reload), then save.",
        what,
    )


@contextmanager
def _naming_what_exists(db: Database) -> Iterator[Session]:
    """A unit of work whose write failing on a foreign key (`removed_meanwhile`) is a conflict to explain,
    not a database error."""
    try:
        with db.unit_of_work() as s:
            yield s
    except IntegrityError as exc:
        if not foreign_key_violation(exc):
            raise
        raise ConflictError(removed_meanwhile("the transfer")) from exc


def create_transfer(db: Database, actor: Actor, data: TransferInput, reference: str = "") -> TransferView:
    require(actor, Action.EDIT_TRANSFERS)
    with _naming_what_exists(db) as s:
        t = create_in(s, actor, data, reference=reference)
        s.refresh(t)
        return view(t)


def add_onward_transfer(db: Database, actor: Actor, parent_id: int, data: TransferInput) -> TransferView:
    """A sub-recipient of the importer: a transfer too, with its own destination (product.md)."""
    require(actor, Action.EDIT_TRANSFERS)
    with _naming_what_exists(db) as s:
        parent = s.get(Transfer, parent_id)
        if parent is None:
            raise NotFound(error_text("Transfer {0} does not exist.", parent_id))
        # The reference is known before the row is written, so the create event records the real one.
        reference = onward_reference(parent)
        t = create_in(s, actor, data, parent_id=parent_id, reference=reference)
        s.refresh(t)
        return view(t)


def update_transfer(
    db: Database, actor: Actor, transfer_id: int, data: TransferInput, row_version: int
) -> TransferView:
    """Save changes; refused with ConflictError if someone saved since `row_version` was read."""
    require(actor, Action.EDIT_TRANSFERS)
    try:
        with _naming_what_exists(db) as s:
            return view(update_in(s, actor, transfer_id, data, row_version))
    except StaleDataError as exc:
        raise ConflictError(
            "The transfer was changed by someone else at the same moment; nothing was saved.", mine=data
        ) from exc


def update_in(
    session: Session,
    actor: Actor,
    transfer_id: int,
    data: TransferInput,
    row_version: int,
    *,
    read: TransferInput | None = None,
) -> Transfer:
    """`update_transfer` inside the caller's transaction (the caller checked the role). `read`: the
    details as the caller's screen read them at `row_version`; a row changed since only in what no screen
    edits (the responsible person, the register status) is no conflict."""
    t = session.get(Transfer, transfer_id)
    if t is None:
        raise NotFound(error_text("Transfer {0} no longer exists.", transfer_id))
    if t.row_version != row_version and (read is None or view(t, with_onward=False).as_input() != read):
        raise ConflictError(
            error_text(
                "{0} was changed by someone else after you opened it; nothing was saved. Compare "
                "the two versions and save again.",
                t.reference,
            ),
            mine=data,
            theirs=view(t),
        )
    _check(session, data)
    before = _dump(t)
    _apply(t, data)
    after = _dump(t)
    session.flush()
    audit.record(session, actor, "update", "transfer", t.id, before, after)
    # Changed after its assessment was approved: the approval no longer covers it (re-assessment flagged).
    approved_changes.flag_if_approved(session, actor, t, before, after)
    if approved_changes.onward_changed(before, after):  # what its parent's approval listed about it
        approved_changes.flag_parent_if_approved(session, actor, t.parent_id)
    # The parties it names now (the relationships still hold the ones before); `_check` read both.
    session.expire(t, ["exporter", "importer"])
    return t


def delete_transfer(db: Database, actor: Actor, transfer_id: int, row_version: int) -> None:
    require(actor, Action.EDIT_TRANSFERS)
    with db.unit_of_work() as s:
        t = s.get(Transfer, transfer_id)
        if t is None:
            raise NotFound(error_text("Transfer {0} no longer exists.", transfer_id))
        if t.row_version != row_version:
            raise ConflictError(
                error_text("{0} was changed by someone else; reload it before deleting.", t.reference)
            )
        if t.status in (TransferStatus.SUBMITTED, TransferStatus.APPROVED) or _has_approved_assessment(s, t):
            raise ValidationError(
                error_text("{0} has a submitted or approved assessment and cannot be deleted.", t.reference),
                [Problem("status", "suspend the transfer instead; approved assessments are kept as records")],
            )
        # Its onward transfers go with it, assessments and all: one awaiting review would leave the queue.
        in_review = [c.reference for c in t.onward if c.status is TransferStatus.SUBMITTED]
        if in_review:
            raise ValidationError(
                error_text(
                    "{0} cannot be deleted: its onward transfer {1} awaits review.", t.reference, in_review[0]
                ),
                [Problem("status", "suspend the transfer instead; a version awaiting review is not deleted")],
            )
        before = _dump(t)
        # An onward transfer removed from a transfer whose assessment is approved: that approval listed it.
        approved_changes.flag_parent_if_approved(s, actor, t.parent_id)
        for child in list(t.onward):
            audit.record(s, actor, "delete", "transfer", child.id, _dump(child), None)
        s.delete(t)
        audit.record(s, actor, "delete", "transfer", transfer_id, before, None)


MAX_ASSIGN = 10_000  # one hand-over; a larger selection is split by the caller


def assign_transfers(
    db: Database, actor: Actor, transfer_ids: Sequence[int], owner_id: int | None
) -> list[TransferView]:
    """Hand transfers over to `owner_id` (None: nobody), all or none, one audit event per change.

    Only an admin or a manager may; the new owner must be an active account."""
    require(actor, Action.ASSIGN_TRANSFERS)
    ids = list(dict.fromkeys(transfer_ids))
    if not ids:
        raise ValidationError(
            "Nothing was reassigned.", [Problem("transfers", "select at least one transfer")]
        )
    if len(ids) > MAX_ASSIGN:
        raise ValidationError(
            "Nothing was reassigned.",
            [
                Problem(
                    "transfers", error_text("select at most {0} transfers at once", format(MAX_ASSIGN, ","))
                )
            ],
        )
    with db.unit_of_work() as s:
        if owner_id is not None:
            user = s.get(User, owner_id)
            if user is None or not user.active:
                raise ValidationError(
                    "Nothing was reassigned.",
                    [Problem("owner", "choose an active user as the responsible person")],
                )
        found: dict[int, Transfer] = {}
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            found.update(
                (t.id, t) for t in s.execute(select(Transfer).where(Transfer.id.in_(part))).unique().scalars()
            )
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFound(
                error_text(
                    "Transfer {0} no longer exists; nothing was reassigned. Refresh the list.", missing[0]
                )
            )
        for i in ids:
            t = found[i]
            if t.owner_id == owner_id:
                continue
            before = {"owner_id": t.owner_id}
            t.owner_id = owner_id
            s.flush()
            audit.record(s, actor, "assign", "transfer", t.id, before, {"owner_id": owner_id})
        out = []
        for i in ids:
            s.refresh(found[i])
            out.append(view(found[i], with_onward=False))
        return out


def get_many(db: Database, ids: list[int], chunk: int = 500) -> Iterable[TransferView]:
    """Transfers in the order of `ids`, read in chunks in one session (exports of the whole register)."""
    with db.read() as s:
        for start in range(0, len(ids), chunk):
            part = ids[start : start + chunk]
            found = {
                t.id: t for t in s.execute(select(Transfer).where(Transfer.id.in_(part))).unique().scalars()
            }
            for i in part:
                if i in found:
                    yield view(found[i], with_onward=False)


def _has_approved_assessment(s: Session, t: Transfer) -> bool:
    # Approved versions are records the organisation must keep; deleting the transfer would cascade.
    from transfer_tool.storage.models.assessment import Assessment

    ids = [t.id, *(c.id for c in t.onward)]
    return bool(
        s.scalar(
            select(func.count())
            .select_from(Assessment)
            .where(Assessment.transfer_id.in_(ids), Assessment.status == "approved")
        )
    )


def find_by_reference(db: Database, reference: str) -> int | None:
    """The id of the transfer with exactly this reference (TR-000001), or None."""
    with db.read() as s:
        found: int | None = s.scalar(select(Transfer.id).where(Transfer.reference == reference))
        return found


def get_transfer(db: Database, transfer_id: int) -> TransferView:
    with db.read() as s:
        # The onward transfers (two levels) in the same statement: across offices each is a round trip.
        t = s.get(Transfer, transfer_id, options=[joinedload(Transfer.onward).joinedload(Transfer.onward)])
        if t is None:
            raise NotFound(error_text("Transfer {0} does not exist.", transfer_id))
        return view(t)


def set_status(
    session: Session,
    actor: Actor,
    transfer_id: int,
    status: TransferStatus,
    *,
    next_review: dt.date | None = None,
    clear_reassessment: bool = False,
) -> None:
    """Used by the assessment workflow to keep the register's status column current."""
    t = session.get(Transfer, transfer_id)
    if t is None:
        raise NotFound(error_text("Transfer {0} does not exist.", transfer_id))
    before = {
        "status": t.status.value,
        "next_review": t.next_review,
        "reassessment_needed": t.reassessment_needed,
    }
    t.status = status
    if next_review is not None:
        t.next_review = next_review
    if clear_reassessment:
        t.reassessment_needed = False
        t.reassessment_reason = ""
        t.reassessment_message = None
    session.flush()
    audit.record(
        session,
        actor,
        "status",
        "transfer",
        t.id,
        before,
        {
            "status": t.status.value,
            "next_review": t.next_review,
            "reassessment_needed": t.reassessment_needed,
        },
    )


def with_changes(view_: TransferView, **changes: Any) -> TransferInput:
    """Convenience for callers editing one or two fields of an existing transfer."""
    return replace(view_.as_input(), **changes)
