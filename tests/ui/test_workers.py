"""The database worker: one background thread, results and errors back on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from transfer_tool.errors import NotFound
from transfer_tool.storage.database import Database
from ui.workers import DatabaseHandle, DbWorker


@pytest.fixture
def handle() -> Iterator[DatabaseHandle]:
    """The database the worker hands to each call; these calls never open it."""
    db = Database("sqlite://")
    yield db
    db.dispose()


def test_calls_run_off_the_gui_thread_in_order_and_results_come_back_on_it(
    qtbot: QtBot, handle: DatabaseHandle
) -> None:
    worker = DbWorker(handle)
    seen: list[tuple[tuple[DatabaseHandle, int, bool], bool]] = []
    gui = threading.get_ident()
    try:
        for n in range(3):

            def call(db: DatabaseHandle, n: int = n) -> tuple[DatabaseHandle, int, bool]:
                return db, n, threading.get_ident() != gui

            worker.submit(call, lambda result: seen.append((result, threading.get_ident() == gui)))
        qtbot.waitUntil(lambda: len(seen) == 3, timeout=3000)
    finally:
        worker.shutdown()
    assert [result[1] for result, _ in seen] == [0, 1, 2]  # in order
    assert all(result[0] is handle and result[2] for result, _ in seen)  # ran on the worker thread
    assert all(on_gui for _, on_gui in seen)  # callbacks ran on the GUI thread


def test_errors_go_to_on_error_or_to_unhandled_error(qtbot: QtBot, handle: DatabaseHandle) -> None:
    worker = DbWorker(handle, synchronous=True)
    caught: list[BaseException] = []

    def fail(_db: object) -> None:
        raise NotFound("Transfer 9 does not exist.")

    worker.submit(fail, on_error=caught.append)
    assert [str(e) for e in caught] == ["Transfer 9 does not exist."]
    with qtbot.waitSignal(worker.unhandled_error) as blocker:
        worker.submit(fail)
    assert isinstance(blocker.args[0], NotFound)


def test_results_for_a_deleted_owner_or_a_cancelled_job_are_dropped(
    qtbot: QtBot, handle: DatabaseHandle
) -> None:
    worker = DbWorker(handle)
    got: list[int] = []
    try:
        owner = QObject()
        gate = threading.Event()
        worker.submit(lambda _db: gate.wait(2), None)  # hold the thread
        worker.submit(lambda _db: 1, got.append, owner=owner)
        job = worker.submit(lambda _db: 2, got.append)
        job.cancel()
        worker.submit(lambda _db: 3, got.append)
        owner.deleteLater()
        qtbot.wait(20)  # the owner is deleted before its result arrives
        gate.set()
        qtbot.waitUntil(lambda: got == [3], timeout=3000)
    finally:
        worker.shutdown()
    assert not worker.busy


def test_busy_changes_around_work(qtbot: QtBot, handle: DatabaseHandle) -> None:
    worker = DbWorker(handle, synchronous=True)
    states: list[bool] = []
    worker.busy_changed.connect(states.append)
    worker.submit(lambda _db: 1)
    assert states == [True, False]


def test_a_delivered_job_holds_no_callback_so_the_worker_thread_never_frees_a_widget(
    qtbot: QtBot, handle: DatabaseHandle
) -> None:
    worker = DbWorker(handle)
    try:
        owner = QObject()
        got: list[int] = []
        job = worker.submit(lambda _db: 1, got.append, owner=owner)
        qtbot.waitUntil(lambda: job.finished, timeout=3000)
        assert got == [1]
        assert job.fn is None and job.on_done is None and job.on_error is None and job.owner is None
    finally:
        worker.shutdown()


def test_background_tasks_reach_live_owners_only_and_on_the_gui_thread(qtbot: QtBot) -> None:
    from ui.tasks import run_task, wait_for_tasks

    gui = threading.get_ident()
    seen: list[tuple[str, bool]] = []
    alive, doomed = QObject(), QObject()
    gate = threading.Event()
    first = run_task(lambda: threading.get_ident(), lambda t: seen.append(("alive", t != gui)), owner=alive)
    run_task(lambda: gate.wait(2), lambda _r: seen.append(("doomed", True)), owner=doomed)
    cancelled = run_task(lambda: 3, lambda _r: seen.append(("cancelled", True)), owner=alive)
    cancelled.cancel()
    failing = run_task(
        lambda: 1 / 0, lambda _r: None, lambda e: seen.append((type(e).__name__, True)), owner=alive
    )
    doomed.deleteLater()
    qtbot.wait(20)  # the owner is deleted before its task ends
    gate.set()
    assert wait_for_tasks(5)
    qtbot.waitUntil(lambda: first.finished and failing.finished, timeout=3000)
    qtbot.wait(20)
    assert sorted(seen) == [("ZeroDivisionError", True), ("alive", True)]  # threads end in any order
    assert first.on_done is None and first.owner is None  # released on the GUI thread


def test_a_failed_call_keeps_no_frame_so_the_window_that_asked_dies_with_its_caller(
    qtbot: QtBot, handle: DatabaseHandle
) -> None:
    # The suite's crash: an error kept on a job held the caller's frames, and with them a dialog built
    # inline, in a cycle that only the cycle collector freed, later, while Qt still used the dialog.
    import gc
    import weakref

    from PySide6.QtWidgets import QDialog

    worker = DbWorker(handle, synchronous=True)
    errors: list[BaseException] = []
    seen: dict[str, weakref.ref[QDialog]] = {}

    class Asking(QDialog):
        def __init__(self) -> None:
            super().__init__()
            worker.submit(lambda _db: dict[str, int]()["missing"], None, errors.append, owner=self)

    def caller() -> None:
        dialog = Asking()
        seen["dialog"] = weakref.ref(dialog)

    collecting = gc.isenabled()
    gc.disable()
    try:
        caller()
        assert seen["dialog"]() is None  # freed by its last reference, with no collection
    finally:
        if collecting:
            gc.enable()
    assert isinstance(errors[0], KeyError) and errors[0].__traceback__ is None
    # A bug keeps where it happened, as text: the error box's details and the log show it.
    assert "Traceback" in errors[0].__notes__[0] and "missing" in errors[0].__notes__[0]


def test_a_user_correctable_error_travels_without_frames_or_notes(
    qtbot: QtBot, handle: DatabaseHandle
) -> None:
    worker = DbWorker(handle, synchronous=True)
    caught: list[BaseException] = []

    def fail(_db: object) -> None:
        try:
            raise OSError("disk")
        except OSError as exc:
            raise NotFound("Transfer 9 does not exist.") from exc

    worker.submit(fail, on_error=caught.append)
    error = caught[0]
    assert isinstance(error, NotFound) and error.__traceback__ is None
    assert error.__cause__ is not None and error.__cause__.__traceback__ is None
    assert not getattr(error, "__notes__", None)
