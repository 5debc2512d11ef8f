"""Drafts save themselves: every change is stored within `DELAY_MS` (well under two seconds).

Each save is one call of the core use case `page_save.save_wizard_page` on the serial database worker: one
transaction that creates or updates the transfer, starts its assessment when there is none and saves the
draft, its facts set from the stored transfer. The versions a save expects (`SaveBase`) are the GUI's own,
updated when a save's result comes back. A save queued while an earlier one is still running takes its base
from that one's result when it runs: `_Handoff`, written and read on the database thread only. So queued
saves follow each other without waiting for the GUI, and closing the wizard only has to queue one last one.
A `ConflictError` (someone else saved first) stops saving until the user chooses whose version to keep.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.assessment.page_save import PageSave, PageSaved, SaveBase, save_wizard_page
from transfer_tool.errors import ConflictError, ToolError
from transfer_tool.register.transfers import TransferInput, TransferView
from transfer_tool.runtime.bootstrap import DatabaseHandle
from ui.wizard.state import WizardState
from ui.workers import DbWorker

DELAY_MS = 800
T = TypeVar("T")

__all__ = ["DELAY_MS", "Autosaver", "PageSaved", "SaveBase"]


class _Handoff:
    """What one queued call (a save, or a change to the draft's evidence) leaves for the call queued after
    it (database thread only)."""

    def __init__(self) -> None:
        self.base: SaveBase | None = None
        self.failed = False


def _base_after(previous: _Handoff | None, base: SaveBase) -> SaveBase | None:
    """The base a queued call starts from: the earlier call's, or None when a save before it failed."""
    if previous is None:
        return base
    if previous.failed or previous.base is None:
        return None
    return previous.base


def _adopted(base: SaveBase, assessment_id: int, authored: int | None) -> SaveBase:
    """`base` after a call on the draft `assessment_id` that made the user an author: it moved the row
    version by one (`authored`) although nobody saved the draft. Held the version before it, the screen
    takes the new one; held an older one, someone else saved meanwhile, and the next save says so."""
    if (
        authored is not None
        and base.assessment_id == assessment_id
        and base.assessment_row_version == authored - 1
    ):
        return dataclasses.replace(base, assessment_row_version=authored)
    return base


def store(
    db: DatabaseHandle, actor: Actor, request: PageSave, previous: _Handoff | None, handoff: _Handoff
) -> PageSaved | None:
    """Run in the worker: one save; None when skipped because the save before it failed."""
    base = _base_after(previous, request.base)
    if base is None:
        handoff.failed = True
        return None
    try:
        saved = save_wizard_page(
            db, actor, PageSave(base, request.transfer_input, request.record, request.page)
        )
    except BaseException:
        handoff.failed = True
        raise
    handoff.base = saved.base
    return saved


class Autosaver(QObject):
    """Debounced saving of the wizard's state through the worker."""

    saved = Signal(object)  # PageSaved
    unstorable = Signal(object)  # TransferInput: a new transfer that cannot be stored yet (kept elsewhere)
    failed = Signal(object)  # the exception
    status = Signal(str)  # a short text for the status line

    def __init__(self, state: WizardState, worker: DbWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.worker = worker
        self.delay_ms = DELAY_MS
        self.base = SaveBase()  # what the database holds, as the last delivered save or load said
        self.conflicted = False  # someone else saved first: no save until the user has chosen
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._save)
        self._in_flight = 0
        self._handoff: _Handoff | None = None  # the last queued save's, while any is in flight
        self._queued_input: TransferInput | None = None  # the transfer input of the last queued save
        self._dirty = False
        self.saves = 0  # completed saves (tests and the status line)
        state.edited.connect(self.schedule)

    def load(self, transfer: TransferView | None, assessment: service.AssessmentView | None) -> None:
        """The wizard (re)read the transfer and its latest assessment."""
        self.base = SaveBase.of(transfer, assessment)
        self.conflicted = False

    @property
    def pending(self) -> bool:
        """Changes not yet stored (waiting for the pause, or being saved)."""
        return self._dirty or self._in_flight > 0

    @property
    def transfer_stored(self) -> bool:
        """The transfer is in the register, or a queued save stores it."""
        if self.base.transfer_id is not None:
            return True
        return self._in_flight > 0 and self._queued_input is not None

    def stored_input(self) -> TransferInput | None:
        """The transfer input as stored, or as the last queued save stores it."""
        if self._in_flight > 0 and self._queued_input is not None:
            return self._queued_input
        return self.base.stored_input

    def schedule(self) -> None:
        self._dirty = True
        self._timer.start(self.delay_ms)
        if not self.state.transfer_valid and not self.transfer_stored:
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
        if not st.editable or self.conflicted:
            return  # after a conflict the user's choice saves the whole state again
        if st.record is None and not st.transfer_valid and not self.transfer_stored:
            # Nothing can be stored yet (the core refuses an incomplete transfer): the wizard keeps a
            # copy outside the database instead (ui/wizard/recovery.py).
            self.unstorable.emit(st.transfer_input)
            return
        request = PageSave(self.base, st.transfer_input, st.record, st.page)
        previous = self._handoff if self._in_flight else None
        handoff = _Handoff()
        self._handoff = handoff
        if st.transfer_valid:
            self._queued_input = st.transfer_input
        actor = st.services.actor
        self._in_flight += 1
        self.status.emit(self.tr("Saving…"))
        self.worker.submit(
            lambda db: store(db, actor, request, previous, handoff),
            self._done,
            self._failed,
            owner=self,
            label="autosave",
        )

    def after_saves(self, call: Callable[[DatabaseHandle, SaveBase], T]) -> Callable[[DatabaseHandle], T]:
        """A database call run after the queued saves, given the base they left (refused when one failed)."""
        previous = self._handoff if self._in_flight else None
        base, conflicted = self.base, self.conflicted

        def run(db: DatabaseHandle) -> T:
            after = _base_after(previous, base)
            if conflicted or after is None or after.assessment_id is None:
                raise ToolError(
                    "Resolve the saving conflict first (keep yours or theirs), then submit again."
                )
            return call(db, after)

        return run

    def in_line(
        self,
        assessment_id: int,
        call: Callable[[DatabaseHandle], tuple[T, int | None]],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
        *,
        label: str,
    ) -> None:
        """Run `call` on the draft in line with the saves: after those queued, and the saves queued after it
        start from what it left. `call` returns its result and the row version it left when it made the
        user an author of the draft (attaching or removing evidence does): the screen adopts it instead of
        taking its own next save for someone else's (`_adopted`). A failing call stops no save."""
        previous = self._handoff if self._in_flight else None
        handoff = _Handoff()
        self._handoff = handoff
        self._in_flight += 1
        start = self.base

        def run(db: DatabaseHandle) -> tuple[T, int | None]:
            base = _base_after(previous, start)
            handoff.failed = base is None  # a save before it failed: the saves after it wait for the user
            handoff.base = base
            result, authored = call(db)
            if base is not None:
                handoff.base = _adopted(base, assessment_id, authored)
            return result, authored

        def done(outcome: tuple[T, int | None]) -> None:
            self._in_flight -= 1
            result, authored = outcome
            self.base = _adopted(self.base, assessment_id, authored)
            on_done(result)

        def failed(exc: BaseException) -> None:
            self._in_flight -= 1
            on_error(exc)

        # Delivered to the autosaver (the wizard's, as the calling page is): its count of calls in flight
        # must come down whatever happened to the page.
        self.worker.submit(run, done, failed, owner=self, label=label)

    def adopt(self, assessment: service.AssessmentView) -> None:
        """Another call on the draft (submitting) gave it a new row version."""
        if assessment.id == self.base.assessment_id:
            self.base = SaveBase(
                self.base.transfer_id,
                self.base.transfer_row_version,
                self.base.stored_input,
                assessment.id,
                assessment.row_version,
            )

    def _done(self, result: PageSaved | None) -> None:
        self._in_flight -= 1
        if result is None:
            return  # skipped: the save before it failed, and the user is choosing
        self.base = result.base
        self.saves += 1
        self.saved.emit(result)
        if not self.pending:
            # The time the database stored (the register and the conflict dialog show it), not the clock
            # read again when the answer arrived: another minute at a minute's edge.
            when = (result.at.astimezone() if result.at is not None else dt.datetime.now()).strftime(
                "%H:%M:%S"
            )
            if not self.state.transfer_valid and self.base.transfer_id is not None:
                self.status.emit(
                    self.tr(
                        "Saved (%1), except the transfer itself: fix the fields marked ✖ in step 1."
                    ).replace("%1", when)
                )
            else:
                self.status.emit(self.tr("All changes saved (%1).").replace("%1", when))

    def _failed(self, exc: BaseException) -> None:
        self._in_flight -= 1
        self.refused(exc)

    def refused(self, exc: BaseException) -> None:
        """A save, or a call after the saves (submitting), refused: a conflict stops saving until the user
        chooses whose version to keep (the wizard shows both)."""
        if isinstance(exc, ConflictError):
            self.conflicted = True
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

    def _their_base(self, theirs: object) -> None:
        b = self.base
        if isinstance(theirs, service.AssessmentView):
            # Their version's id too: it may be the assessment they started after this screen opened.
            self.base = SaveBase(
                b.transfer_id, b.transfer_row_version, b.stored_input, theirs.id, theirs.row_version
            )
        elif isinstance(theirs, TransferView):
            self.base = SaveBase(
                theirs.id, theirs.row_version, theirs.as_input(), b.assessment_id, b.assessment_row_version
            )
        self.conflicted = False

    def keep_mine(self, exc: ConflictError) -> None:
        """Store my version over theirs: save again on their row version."""
        self._their_base(exc.theirs)
        self._dirty = True
        self.flush()

    def keep_theirs(self, exc: ConflictError) -> None:
        """Drop my unsaved changes and continue from their version."""
        theirs = exc.theirs
        self._their_base(theirs)
        self._timer.stop()
        self._dirty = False
        if isinstance(theirs, service.AssessmentView):
            self.state.set_stored(None, theirs)
            self.state.replace_record(theirs.record)
            if self.state.transfer_input != self.base.stored_input:
                self._dirty = True  # my change to the transfer was refused with it: it is still to store
        elif isinstance(theirs, TransferView):
            self.state.set_stored(theirs, None)
            self.state.replace_transfer_input(theirs.as_input())
            self._dirty = True  # the draft, its facts set from their transfer by the save
        self.flush()
        self.status.emit(self.tr("Their version is shown; your unsaved changes were dropped."))
