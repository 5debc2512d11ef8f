"""What the legal user's walk through the real app found (session 12): each screen says what happened and
what to do next."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.unit.teamwork_support import approved_transfer, flag_transfers
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import reassessment
from transfer_tool.storage.database import Database
from ui.main_window import MainWindow

MakeWindow = Callable[..., MainWindow]


def test_a_reassessment_that_starts_nothing_says_why(
    qtbot: QtBot, make_window: MakeWindow, db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    regime = src.assessment.record.regimes.codes()[0]
    flag_transfers(db, [src.transfer.id], regime)
    # Someone already started its new version: the run skips it (and said only "0 new version(s) started").
    assert reassessment.start_reassessment(db, legal, src.transfer.id).result == reassessment.STARTED
    window = make_window(legal)
    box = window.confirm_reassessment([src.transfer.id])
    assert box is not None
    ended: list[tuple[int, int]] = []
    original = window.start_reassessment

    def start(ids: list[int]) -> object:
        run = original(ids)
        run.finished.connect(lambda started, done: ended.append((started, done)))
        return run

    window.start_reassessment = start  # type: ignore[method-assign]
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(ended), timeout=10_000)
    assert ended == [(0, 1)]
    assert window.statusBar().currentMessage() == (
        "0 new version(s) started. 1 skipped: no approved version, or a newer version is already in "
        "progress (open it from the register)."
    )
