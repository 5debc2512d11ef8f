"""Saving a page of the assessment wizard (issue #20): one use case, one transaction.

A save stores what the screen holds: the transfer as typed (created the first time it is storable, updated
when it changed), the assessment's first version when there is none yet, and the draft with the page to
resume on. The draft's step 1 facts are set here from the transfer as stored, in the same transaction: the
transfer's columns are the one source of truth for them (the destination included), and a screen never has
to keep the two in step. While the transfer typed breaks a rule it is not stored, and the draft's facts
follow the stored one.

Optimistic locking as everywhere: the request names the row versions the screen last stored or read
(`SaveBase`); someone else's save in between raises `ConflictError` and nothing of this save is stored.
The result carries the versions the screen's next save expects. On PostgreSQL the usual save (only the
draft changes) is the draft's one-statement save (`draft_statement`): two round trips across offices.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from transfer_tool.accounts.permissions import Action, Actor, require
from transfer_tool.assessment import drafting
from transfer_tool.assessment.record import AssessmentRecord
from transfer_tool.assessment.versions import (
    AssessmentView,
    _load_viewable,
    _view,
    _writing,
    get_assessment,
)
from transfer_tool.countries import store as country_store
from transfer_tool.countries.shipped import CountryDataset
from transfer_tool.errors import ConflictError, NotFound
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.register import transfers
from transfer_tool.register.transfers import TransferInput, TransferView, validate_transfer
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment
from transfer_tool.storage.models.core import Transfer


@dataclass(frozen=True)
class SaveBase:
    """What a screen last stored or read: the rows and the row versions its next save expects."""

    transfer_id: int | None = None
    transfer_row_version: int = 0
    stored_input: TransferInput | None = None  # the transfer's input as last stored or read
    assessment_id: int | None = None
    assessment_row_version: int = 0

    @classmethod
    def of(cls, transfer: TransferView | None, assessment: AssessmentView | None) -> SaveBase:
        """The base of a screen that has just read `transfer` and its latest `assessment`."""
        return cls(
            transfer.id if transfer else None,
            transfer.row_version if transfer else 0,
            transfer.as_input() if transfer else None,
            assessment.id if assessment else None,
            assessment.row_version if assessment else 0,
        )


@dataclass(frozen=True)
class PageSave:
    """One save of the wizard: what it shows now and the base it was read at."""

    base: SaveBase
    transfer_input: TransferInput
    record: AssessmentRecord | None  # None: the record the draft starts with (or has)
    page: str


@dataclass(frozen=True)
class PageSaved:
    """What the database holds after the save, and the base of the screen's next save."""

    base: SaveBase
    transfer: TransferView | None = None  # the transfer when this save wrote it (created, changed, status)
    assessment: AssessmentView | None = None  # the draft as stored; None while there is no transfer yet
    created: bool = False  # the transfer or the assessment was created by this save
    at: dt.datetime | None = None


def save_wizard_page(db: Database, actor: Actor, request: PageSave) -> PageSaved:
    """Store the page (see the module's text); `ConflictError` when someone else saved first."""
    require(actor, Action.ASSESS)
    base, data = request.base, request.transfer_input
    storable = not validate_transfer(data)
    writes_transfer = storable and (base.transfer_id is None or data != base.stored_input)
    if base.transfer_id is None and not storable:
        return PageSaved(base)  # nothing can be stored yet: the screen keeps it (ui/wizard/recovery.py)
    if writes_transfer:
        require(actor, Action.EDIT_TRANSFERS)
    # The country data is read before the write transaction (on SQLite a second connection would wait
    # for it); across offices only when the draft starts or its regimes or laws may follow a new exporter
    # or destination, else on the rare need (a draft whose facts lag behind its transfer).
    ds: CountryDataset | None = None
    if db.dialect != "postgresql" or _may_refit(base, data):
        ds = country_store.cached_dataset(db)
    known = ds

    def dataset() -> CountryDataset:
        return known if known is not None else country_store.cached_dataset(db)

    if not writes_transfer and base.assessment_id is not None:
        # The usual save: the draft alone (on PostgreSQL read in autocommit, then one statement).
        return _draft_only(db, actor, request, base.assessment_id, dataset)
    try:
        return _in_one_transaction(db, actor, request, writes_transfer, dataset)
    except ConflictError as exc:
        if exc.theirs is not None:
            raise
        raise _with_theirs(db, request, exc) from exc


def _with_theirs(db: Database, request: PageSave, exc: ConflictError) -> ConflictError:
    """A save that lost to another at the very same instant (on PostgreSQL a row changed between this
    save's read and its write) carried nothing to compare: the screen's comparison showed no other version
    and "keep theirs" kept nothing. Now it carries the version that won, read again, as any conflict does."""
    base = request.base
    if base.transfer_id is not None and request.transfer_input != base.stored_input:
        try:
            transfer = transfers.get_transfer(db, base.transfer_id)
        except NotFound:
            return exc
        if transfer.row_version != base.transfer_row_version:
            return ConflictError(exc.message, mine=request.transfer_input, theirs=transfer)
    if base.assessment_id is not None:
        try:
            assessment = get_assessment(db, base.assessment_id)
        except NotFound:
            return exc
        if assessment.row_version != base.assessment_row_version:
            return ConflictError(exc.message, mine=request.record, theirs=assessment)
    return exc


def _may_refit(base: SaveBase, data: TransferInput) -> bool:
    """Whether the save may need the country data: the draft starts, or its exporter or destination
    changes."""
    stored = base.stored_input
    return (
        base.assessment_id is None
        or stored is None
        or (data.exporter_id, data.destination) != (stored.exporter_id, stored.destination)
    )


def _draft_only(
    db: Database, actor: Actor, request: PageSave, assessment_id: int, dataset: Callable[[], CountryDataset]
) -> PageSaved:
    base = request.base
    record = request.record
    if record is None:  # nothing of the draft on screen yet: its page and facts are saved as stored
        record = get_assessment(db, assessment_id).record
    saved = drafting.save_draft(
        db,
        actor,
        assessment_id,
        record,
        base.assessment_row_version,
        request.page,
        follow=_follower(dataset),
    )
    return PageSaved(
        dataclasses.replace(base, assessment_row_version=saved.row_version),
        assessment=saved,
        at=saved.updated_at,
    )


def _in_one_transaction(
    db: Database,
    actor: Actor,
    request: PageSave,
    writes_transfer: bool,
    dataset: Callable[[], CountryDataset],
) -> PageSaved:
    """The transfer written or the assessment started, and the draft saved: all or nothing."""
    base, data = request.base, request.transfer_input
    created = False
    with _writing(db, "the transfer") as s:
        written: Transfer | None = None
        if base.transfer_id is None:
            written = transfers.create_in(s, actor, data)
            created = True
        elif writes_transfer:
            written = transfers.update_in(
                s, actor, base.transfer_id, data, base.transfer_row_version, read=base.stored_input
            )
        transfer = written or s.get(Transfer, base.transfer_id)
        if transfer is None:
            raise NotFound(error_text("Transfer {0} no longer exists.", base.transfer_id))
        read_at = transfer.row_version
        assessment_id, assessment_version = base.assessment_id, base.assessment_row_version
        if assessment_id is None:
            _refuse_started_meanwhile(s, transfer, request.record)
            started = drafting.start_in(s, actor, transfer.id, dataset())
            assessment_id, assessment_version = started.id, started.row_version
            created = True
        saved = drafting.save_draft_in(
            s, actor, assessment_id, request.record, assessment_version, request.page, _follower(dataset)
        )
        changed = written is not None or transfer.row_version != read_at
        # Starting sets the register status (a new row version). It is adopted when the screen had the
        # version before it, so that someone else's change to the transfer still conflicts with the next.
        adopt = written is not None or read_at == base.transfer_row_version
        next_base = SaveBase(
            transfer.id,
            transfer.row_version if adopt else base.transfer_row_version,
            data if written is not None else base.stored_input,
            assessment_id,
            saved.row_version,
        )
        return PageSaved(
            next_base,
            transfers.view(transfer) if changed else None,
            saved,
            created,
            saved.updated_at,
        )


def _refuse_started_meanwhile(session: Session, transfer: Transfer, mine: AssessmentRecord | None) -> None:
    """The screen opened the transfer before it had an assessment, and someone else started one since: a
    conflict with their draft (the screen shows both and keeps what the person chooses), not a refusal
    that leaves the answers typed on this screen with nowhere to go. A version no longer open for changes
    is left to `start_in`'s refusal."""
    latest = session.scalar(
        select(Assessment.id)
        .where(Assessment.transfer_id == transfer.id)
        .order_by(Assessment.version_no.desc())
        .limit(1)
    )
    if latest is None:
        return
    row, parts, _ = _load_viewable(session, latest)
    theirs = _view(session, row, parts)
    if theirs.editable:
        raise ConflictError(
            error_text(
                "Someone else started the assessment of {0} after you opened it; nothing was saved. "
                "Compare the two versions and choose which to keep.",
                transfer.reference,
            ),
            mine=mine,
            theirs=theirs,
        )


def _follower(dataset: Callable[[], CountryDataset]) -> drafting.FollowTransfer:
    """The draft's facts following the stored transfer (loaded with its parties and onward ones)."""
    return drafting.following(dataset)
