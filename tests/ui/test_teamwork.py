"""Issue #23 in the register: the responsible-person filter, "New transfer from this one…" (detail panel and
context menu) with another exporter, and reassigning a multi-row selection (admins and managers only)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QFileDialog, QGroupBox, QListView, QMessageBox, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.factories import transfer
from tests.ui import test_wizard_support as wizard_support
from tests.ui.conftest import TODAY
from tests.ui.test_wizard_support import MakeWizard
from tests.unit.teamwork_support import approved_transfer, clone_approved, flag_transfers
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import copying, service
from transfer_tool.register import register_search, transfers
from transfer_tool.register.register_search import TransferQuery
from transfer_tool.storage.database import Database
from ui.dashboard import my_work, since_last_sign_in
from ui.main_window import MainWindow
from ui.services import Services
from ui.teamwork import BulkReassessment, CopyDialog, ReassignDialog
from ui.widgets.register_panel import OWNER_MINE, OWNER_NOBODY
from ui.wizard.state import PAGE_SUMMARY

MakeWindow = Callable[..., MainWindow]


def _shown(window: MainWindow) -> set[int]:
    model = window.register.model
    return {model.transfer_id(r) for r in range(model.rowCount())}


def test_the_owner_filter_shows_mine_unassigned_and_one_person(
    qtbot: QtBot, make_window: MakeWindow, db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    mine = transfer(db, legal)
    theirs = transfer(db, manager)
    nobody = transfer(db, Actor.system())
    window = make_window(legal)
    qtbot.waitUntil(lambda: _shown(window) == {mine.id, theirs.id, nobody.id}, timeout=2000)
    panel = window.register
    panel.show_owner(OWNER_MINE)
    qtbot.waitUntil(lambda: _shown(window) == {mine.id}, timeout=2000)
    panel.show_owner(OWNER_NOBODY)
    qtbot.waitUntil(lambda: _shown(window) == {nobody.id}, timeout=2000)
    assert manager.user_id is not None
    panel.show_owner(manager.user_id)
    qtbot.waitUntil(lambda: _shown(window) == {theirs.id}, timeout=2000)
    assert panel.owner.currentText() == (manager.display_name or manager.username)
    panel.clear_filters()
    qtbot.waitUntil(lambda: len(_shown(window)) == 3, timeout=2000)
    # the details pane names the responsible person
    panel.select_transfer(mine.id)
    qtbot.waitUntil(lambda: "Responsible" in panel.details.text(), timeout=2000)
    assert (legal.display_name or legal.username) in panel.details.text()


@pytest.mark.both_databases
def test_new_transfer_from_this_one_with_another_exporter_opens_the_copied_draft(
    qtbot: QtBot, make_window: MakeWindow, db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=True)
    opened: list[int | None] = []

    def factory(parent: QWidget, services: Services, transfer_id: int | None) -> QWidget:
        opened.append(transfer_id)
        return QWidget(parent, Qt.WindowType.Window)

    window = make_window(legal, wizard_factory=factory)
    panel = window.register
    qtbot.waitUntil(lambda: panel.select_transfer(src.transfer.id), timeout=2000)
    assert panel.copy_button.isEnabled()
    menu = panel.row_menu()
    assert [a.text() for a in menu.actions()] == [
        "Open assessment…",
        "New transfer from this one…",
        "Export 1 transfer(s)…",
        "Start re-assessment of 1 transfer(s)…",
    ]
    menu.deleteLater()
    with qtbot.waitSignal(panel.copy_requested):
        qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(CopyDialog, "copyTransferDialog")
    assert dialog is not None and dialog.isVisible()
    assert src.transfer.reference in dialog.intro.text()
    exporter = dialog.exporter
    assert exporter.currentData() == src.parties.eu_subsidiary.id
    exporter.setCurrentIndex(exporter.findData(src.parties.exporter.id))
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=3000)
    new_id = opened[0]
    assert new_id is not None and new_id != src.transfer.id
    new = transfers.get_transfer(db, new_id)
    assert new.exporter_id == src.parties.exporter.id and new.owner_id == legal.user_id
    draft = service.latest_for_transfer(db, new_id)
    assert draft is not None and draft.record.tools == ()  # the EU tool stayed behind
    assert draft.record.derived_from is not None
    assert "not copied" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: new_id in _shown(window), timeout=2000)


@pytest.mark.both_databases
def test_a_manager_reassigns_a_multi_row_selection_and_legal_staff_cannot(
    qtbot: QtBot, make_window: MakeWindow, db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    a, b, c = (transfer(db, manager) for _ in range(3))
    legal_window = make_window(legal)
    qtbot.waitUntil(lambda: legal_window.register.select_transfer(a.id), timeout=2000)
    menu = legal_window.register.row_menu()
    assert not any(x.text().startswith("Reassign") for x in menu.actions())
    menu.deleteLater()
    assert legal_window.reassign([a.id]) is None
    legal_window.close()

    window = make_window(manager)
    panel = window.register
    qtbot.waitUntil(lambda: panel.select_transfer(a.id), timeout=2000)
    selection = panel.table.selectionModel()
    row = panel.model.row_of(c.id)
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.select(panel.model.index(row, 0), flags)  # ctrl-click on a second row
    assert sorted(panel.selected_transfer_ids()) == sorted([a.id, c.id])
    assert panel.current_transfer_id() is None and not panel.copy_button.isEnabled()
    menu = panel.row_menu()
    (reassign,) = [x for x in menu.actions() if x.text().startswith("Reassign")]
    assert reassign.text() == "Reassign 2 transfer(s)…"
    with qtbot.waitSignal(panel.reassign_requested):
        reassign.trigger()
    menu.deleteLater()
    dialog = window.findChild(ReassignDialog, "reassignDialog")
    assert dialog is not None and dialog.isVisible()
    assert "2 selected transfer(s)" in dialog.intro.text()
    assert legal.user_id is not None
    dialog.choose(legal.user_id)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Reassigned 2 transfer(s)", timeout=2000)
    assert sorted(register_search.search_ids(db, TransferQuery(owner_id=legal.user_id))) == sorted(
        [a.id, c.id]
    )
    assert transfers.get_transfer(db, b.id).owner_id == manager.user_id


@pytest.mark.both_databases
def test_bulk_reassessment_of_200_flagged_with_cancel_half_way(
    qtbot: QtBot,
    make_window: MakeWindow,
    db: Database,
    admin: Actor,
    legal: Actor,
    manager: Actor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    regime = src.assessment.record.regimes.codes()[0]
    ids = [src.transfer.id, *clone_approved(db, src.transfer.id, 199)]
    flag_transfers(db, ids, regime)
    window = make_window(legal)
    panel = window.register
    panel.show_only(reassessment=True)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 200, timeout=3000)
    panel.table.setFocus()
    panel.table.selectAll()  # Ctrl+A: every transfer matching the filter
    assert len(panel.selected_transfer_ids()) == 200
    menu = panel.row_menu()
    (action,) = [a for a in menu.actions() if a.text().startswith("Start re-assessment")]
    assert action.text() == "Start re-assessment of 200 transfer(s)…"
    with qtbot.waitSignal(panel.reassess_requested):
        action.trigger()
    menu.deleteLater()
    box = window.findChild(QMessageBox, "reassessConfirm")
    assert box is not None and "200 selected transfer(s)" in box.text()
    progress: list[int] = []
    ended: list[tuple[int, int]] = []

    # Cancel in the progress dialog once 100 are done (the worker runs synchronously in tests).
    def watch(done: int, _total: int) -> None:
        progress.append(done)
        if done == 100:
            dialog = window.findChild(QProgressDialog, "reassessProgress")
            assert dialog is not None
            dialog.cancel()

    original_init = BulkReassessment.__init__

    def init(self: BulkReassessment, *a: Any, **kw: Any) -> None:  # BulkReassessment's own arguments
        original_init(self, *a, **kw)
        self.progressed.connect(watch)
        self.finished.connect(lambda started, done: ended.append((started, done)))

    with monkeypatch.context() as patched:
        patched.setattr(BulkReassessment, "__init__", init)
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    # The run takes a transaction per transfer, one per turn of the event loop: it ends when it says so
    # (a busy machine took over 5 s for the 100); the long limit only stops a run that never ends.
    qtbot.waitUntil(lambda: bool(ended), timeout=120_000)
    assert ended == [(100, 100)]
    assert window.statusBar().currentMessage() == "100 new version(s) started"
    assert progress[-1] == 100
    versions = {}
    for tid in ids:
        latest = service.latest_for_transfer(db, tid)
        assert latest is not None
        versions[tid] = latest.version_no
    # those started are complete (a new draft each), the rest untouched (still their approved version)
    assert sum(v == 2 for v in versions.values()) == 100 and sum(v == 1 for v in versions.values()) == 100


def test_the_dashboard_lists_my_own_transfers_that_need_me(
    qtbot: QtBot, make_window: MakeWindow, db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    returned = transfer(db, legal)
    flagged = transfer(db, legal)
    due = transfer(db, legal)
    other = transfer(db, manager)
    with db.unit_of_work() as s:
        from transfer_tool.domain import TransferStatus
        from transfer_tool.storage.models.core import Transfer

        for tid, change in (
            (returned.id, {"status": TransferStatus.RETURNED}),
            (flagged.id, {"reassessment_needed": True}),
            (due.id, {"next_review": TODAY}),
            (other.id, {"status": TransferStatus.RETURNED}),
        ):
            row = s.get(Transfer, tid)
            assert row is not None
            for k, v in change.items():
                setattr(row, k, v)
    from tests.unit.test_assessment_service import _approve, _submitted

    acted, submitted = _submitted(db, legal)  # approved with a measure planned for TODAY + 60 days
    _approve(db, manager, submitted.id)
    window = make_window(legal, dashboard_sources=[my_work(legal.user_id, actor=legal)])
    window.tabs.setCurrentIndex(1)
    box = None

    def found() -> bool:
        nonlocal box
        box = next(
            (
                b
                for b in window.dashboard.findChildren(QGroupBox)
                if "Your transfers that need you" in b.title()
            ),
            None,
        )
        return box is not None

    qtbot.waitUntil(found, timeout=3000)
    assert box is not None
    view = box.findChild(QListView)
    assert view is not None
    texts = [view.model().index(r, 0).data() for r in range(view.model().rowCount())]
    assert texts[:3] == [
        f"{returned.reference} — returned to you",
        f"{flagged.reference} — flagged for re-assessment",
        f"{due.reference} — re-evaluation due 2026-11-26",
    ]
    assert not any(other.reference in t for t in texts)
    assert texts[-1].startswith(f"{acted.reference} — open action: ")  # after what needs them first
    assert texts[-1].endswith(", due 2027-01-25")


def test_the_dashboard_says_what_happened_since_the_last_sign_in(
    qtbot: QtBot, make_window: MakeWindow, db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    assert legal.user_id is not None
    assert users.note_sign_in(db, legal.user_id) is None  # an earlier session
    handed = transfer(db, admin)
    transfers.assign_transfers(db, manager, [handed.id], legal.user_id)
    window = make_window(legal, dashboard_sources=[since_last_sign_in(legal.user_id)])
    window.tabs.setCurrentIndex(1)
    box = None

    def found() -> bool:
        nonlocal box
        box = next(
            (b for b in window.dashboard.findChildren(QGroupBox) if "Since you last signed in" in b.title()),
            None,
        )
        return box is not None

    qtbot.waitUntil(found, timeout=3000)
    assert box is not None
    view = box.findChild(QListView)
    assert view is not None
    texts = [view.model().index(r, 0).data() for r in range(view.model().rowCount())]
    assert texts == [f"{handed.reference} — reassigned to you"]


def test_export_writes_only_the_selected_rows(
    qtbot: QtBot,
    make_window: MakeWindow,
    db: Database,
    admin: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b, c = (transfer(db, admin) for _ in range(3))
    target = tmp_path / "selection.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    window = make_window(admin)
    panel = window.register
    qtbot.waitUntil(lambda: panel.select_transfer(a.id), timeout=2000)
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    panel.table.selectionModel().select(panel.model.index(panel.model.row_of(c.id), 0), flags)
    menu = panel.row_menu()
    (export,) = [x for x in menu.actions() if x.text().startswith("Export")]
    assert export.text() == "Export 2 transfer(s)…"
    export.trigger()
    menu.deleteLater()
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 3 and {lines[1].split(",")[0], lines[2].split(",")[0]} == {a.reference, c.reference}
    assert b.reference not in target.read_text(encoding="utf-8-sig")


make_wizard = wizard_support.make_wizard


def test_the_wizard_lists_the_copied_answers_until_the_assessor_confirms_them(
    qtbot: QtBot, make_wizard: MakeWizard, db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    out = copying.copy_transfer(db, legal, src.transfer.id)
    wizard = make_wizard(legal, out.transfer.id)
    wizard.go_to(PAGE_SUMMARY)
    summary = wizard.summary
    copied = [
        t for _p, t in summary.missing_items() if f"copied from {src.transfer.reference} version 1" in t
    ]
    assert copied and summary.confirm_copied.isVisible()
    qtbot.mouseClick(summary.confirm_copied, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not summary.confirm_copied.isVisible(), timeout=2000)
    assert not any("copied from" in t for _p, t in summary.missing_items())
    wizard.autosaver.flush()
    saved = service.latest_for_transfer(db, out.transfer.id)
    assert saved is not None and saved.record.to_confirm == () and saved.record.derived_from is not None
    wizard.close()
