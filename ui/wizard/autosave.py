"""Drafts save themselves: every change is stored within `DELAY_MS` (well under two seconds).

Each save is one job on the serial database worker: update the transfer when its input is valid (or create
it, and start its assessment, the first time it is), then `save_draft` with the current page key. The row
versions a job expects are read from `SaveChain` *when the job runs*, so queued jobs follow each other
without waiting for the GUI to hear back, and closing the wizard only has to queue one last job.
A `ConflictError` (someone else saved first) stops the chain until the user chooses whose version to keep.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from transfer_tool import transfers
from transfer_tool.assessment import service
from transfer_tool.assessment.record import AssessmentRecord
from transfer_tool.bootstrap import DatabaseHandle
from transfer_tool.errors import ConflictError
from transfer_tool.permissions import Actor
from transfer_tool.transfers import TransferInput, TransferView
from ui.wizard.state import WizardState
from ui.workers import DbWorker

DELAY_MS = 800


@dataclass
class SaveChain:
    """What the worker thread last stored (mutated only inside jobs, and by conflict resolution)."""

    transfer_id: int | None = None
    transfer_row_version: int = 0
    saved_input: TransferInput | None = None
    assessment_id: int | None = None
    row_version: int = 0
    conflicted: bool = False


@dataclass(frozen=True)
class Snapshot:
    transfer_input: TransferInput
    input_valid: bool
    record: AssessmentRecord | None
    page: str


@dataclass(frozen=True)
class SaveResult:
    transfer: TransferView | None
    assessment: service.AssessmentView | None
    created: bool = False  # a new transfer or assessment was created by this save
    at: dt.datetime | None = None


def store(db: DatabaseHandle, actor: Actor, chain: SaveChain, snap: Snapshot) -> SaveResult:
    """Run in the worker: store the snapshot; returns what the database now holds."""
    if chain.conflicted:
        return SaveResult(None, None)
    view: TransferView | None = None
    created = False
    try:
        if snap.input_valid:
            if chain.transfer_id is None:
                view = transfers.create_transfer(db, actor, snap.transfer_input)
                chain.transfer_id, chain.transfer_row_version = view.id, view.row_version
                chain.saved_input = snap.transfer_input
                created = True
            elif snap.transfer_input != chain.saved_input:
                view = transfers.update_transfer(
                    db, actor, chain.transfer_id, snap.transfer_input, chain.transfer_row_version
                )
                chain.transfer_row_version, chain.saved_input = view.row_version, snap.transfer_input
        if chain.transfer_id is None:
            return SaveResult(view, None)
        started: service.AssessmentView | None = None
        if chain.assessment_id is None:
            before = transfers.get_transfer(db, chain.transfer_id).row_version
            started = service.start_assessment(db, actor, chain.transfer_id)
            chain.assessment_id, chain.row_version = started.id, started.row_version
            created = True
            # Starting sets the transfer's register status (a new row version of it). Adopt that version
            # only if nobody else had changed the transfer meanwhile, so their change still conflicts.
            if before == chain.transfer_row_version:
                chain.transfer_row_version = transfers.get_transfer(db, chain.transfer_id).row_version
        record = snap.record
        if record is None:
            record = (started or service.get_assessment(db, chain.assessment_id)).record
        saved = service.save_draft(db, actor, chain.assessment_id, record, chain.row_version, page=snap.page)
        chain.row_version = saved.row_version
        return SaveResult(view, saved, created, saved.updated_at)
    except ConflictError:
        chain.conflicted = True
        raise


class Autosaver(QObject):
    """Debounced saving of the wizard's state through the worker."""

    saved = Signal(object)  # SaveResult
    unstorable = Signal(object)  # TransferInput: a new transfer that cannot be stored yet (kept elsewhere)
    failed = Signal(object)  # the exception
    status = Signal(str)  # a short text for the status line

    def __init__(
        self, state: WizardState, worker: DbWorker, chain: SaveChain, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.worker = worker
        self.chain = chain
        self.delay_ms = DELAY_MS
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._save)
        self._in_flight = 0
        self._dirty = False
        self.saves = 0  # completed saves (tests and the status line)
        state.edited.connect(self.schedule)

    @property
    def pending(self) -> bool:
        """Changes not yet stored (waiting for the pause, or being saved)."""
        return self._dirty or self._in_flight > 0

    def schedule(self) -> None:
        self._dirty = True
        self._timer.start(self.delay_ms)
        if not self.state.transfer_valid and self.chain.transfer_id is None:
            self.status.emit(
                self.tr("Not saved yet: this new transfer is stored once its required fields are filled.")
            )
        else:
            self.status.emit(self.tr("Changes not saved yet…"))

    def flush(self) -> None:
        """Queue the pending changes now (before closing, submitting or rendering)."""
        if self._dirty:
            self._timer.stop()
            self._save()

    def discard(self) -> None:
        """Forget the changes not yet queued (the user chose Discard on closing)."""
        self._timer.stop()
        self._dirty = False

    def save_now(self) -> None:
        """Save at once even without a change (creates the transfer or the assessment when due)."""
        self._timer.stop()
        self._save()

    def _save(self) -> None:
        self._dirty = False
        st = self.state
        if not st.editable:
            return
        snap = Snapshot(st.transfer_input, st.transfer_valid, st.record_to_store(), st.page)
        if snap.record is None and not snap.input_valid and self.chain.transfer_id is None:
            # Nothing can be stored yet (the service refuses an incomplete transfer): the wizard keeps a
            # copy outside the database instead (ui/wizard/recovery.py).
            self.unstorable.emit(snap.transfer_input)
            return
        actor, chain = self.state.services.actor, self.chain
        self._in_flight += 1
        self.status.emit(self.tr("Saving…"))
        self.worker.submit(
            lambda db: store(db, actor, chain, snap), self._done, self._failed, owner=self, label="autosave"
        )

    def _done(self, result: SaveResult) -> None:
        self._in_flight -= 1
        self.saves += 1
        self.saved.emit(result)
        if not self.pending:
            if result.assessment is None and self.chain.conflicted:
                return
            when = dt.datetime.now().strftime("%H:%M:%S")
            if not self.state.transfer_valid and self.chain.transfer_id is not None:
                self.status.emit(
                    self.tr(
                        "Saved (%1), except the transfer itself: fix the fields marked ✖ in step 1."
                    ).replace("%1", when)
                )
            else:
                self.status.emit(self.tr("All changes saved (%1).").replace("%1", when))

    def _failed(self, exc: BaseException) -> None:
        self._in_flight -= 1
        self.failed.emit(exc)
        if isinstance(exc, ConflictError):
            self.status.emit(
                self.tr("Not saved: someone else saved this first. Choose which version to keep.")
            )
        else:
            self.status.emit(
                self.tr("Not saved: %1").replace("%1", str(exc).splitlines()[0] if str(exc) else "")
            )

    # ---- conflicts -------------------------------------------------------------------------------------

    def keep_mine(self, exc: ConflictError) -> None:
        """Store my version over theirs: adopt their row version, then save again."""
        theirs = exc.theirs
        if isinstance(theirs, service.AssessmentView):
            self.chain.row_version = theirs.row_version
        elif isinstance(theirs, TransferView):
            self.chain.transfer_row_version = theirs.row_version
            self.chain.saved_input = None
        self.chain.conflicted = False
        self._dirty = True
        self.flush()

    def keep_theirs(self, exc: ConflictError) -> None:
        """Drop my unsaved changes and continue from their version."""
        theirs = exc.theirs
        self.chain.conflicted = False
        self._timer.stop()
        self._dirty = False
        if isinstance(theirs, service.AssessmentView):
            self.chain.row_version = theirs.row_version
            self.state.set_stored(None, theirs)
            self.state.replace_record(theirs.record)
        elif isinstance(theirs, TransferView):
            self.chain.transfer_row_version = theirs.row_version
            self.chain.saved_input = theirs.as_input()
            self.state.set_stored(theirs, None)
            self.state.replace_transfer_input(theirs.as_input())
            self._dirty = True  # the facts in the record follow their transfer
            self.flush()
        self.status.emit(self.tr("Their version is shown; your unsaved changes were dropped."))
