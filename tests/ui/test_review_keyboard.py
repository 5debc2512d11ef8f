"""The review and verify windows as the walk of session 12 met them: Escape closes each as a dialog closes
(comments not sent are asked about first, Escape on that question keeps them), an empty queue says so, and
the report language cannot be changed once the signed report is on screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests import approval_support
from tests.ui import languages
from tests.ui.review_support import TODAY, submitted_assessment
from transfer_tool import signing
from transfer_tool.accounts.permissions import Actor
from transfer_tool.signing.testing import OfflinePki, make_test_pki
from transfer_tool.storage.database import Database
from ui.review import ReviewWindow
from ui.services import Services
from ui.verify import VerifyWindow

language = languages.language


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> OfflinePki:
    return make_test_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def shown(qtbot: QtBot) -> Callable[[QWidget], QWidget]:
    def show(window: QWidget) -> QWidget:
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return show


def test_escape_closes_the_review_window_but_asks_before_dropping_comments(
    qtbot: QtBot,
    db: Database,
    legal: Actor,
    manager: Actor,
    make_services: Callable[..., Services],
    shown: Callable[[QWidget], QWidget],
) -> None:
    submitted_assessment(db, legal)
    window = shown(ReviewWindow(make_services(manager)))
    assert isinstance(window, ReviewWindow)
    window.comments.text.setPlainText("Say who holds the keys.")
    window.comments.text.setFocus()
    qtbot.keyClick(
        window.comments.text, Qt.Key.Key_Escape
    )  # Escape from the comment being typed reaches the window
    box = window.discard_question
    assert isinstance(box, QMessageBox) and window.isVisible()
    print("A", flush=True)
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Escape on the question keeps editing
    print("B", flush=True)
    qtbot.waitUntil(lambda: window.discard_question is None)
    print("C", flush=True)
    assert window.isVisible() and window.comments.text.toPlainText() == "Say who holds the keys."

    print("D", flush=True)
    window.comments.reset()
    print("E", flush=True)
    qtbot.keyClick(window.table, Qt.Key.Key_Escape)
    print("F", flush=True)
    assert not window.isVisible()


def test_escape_closes_the_verify_window(
    qtbot: QtBot, legal: Actor, make_services: Callable[..., Services], shown: Callable[[QWidget], QWidget]
) -> None:
    window = shown(VerifyWindow(make_services(legal)))
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_an_empty_queue_says_nothing_waits_instead_of_asking_to_choose_from_it(
    language: str, manager: Actor, make_services: Callable[..., Services], shown: Callable[[QWidget], QWidget]
) -> None:
    window = shown(ReviewWindow(make_services(manager, language)))
    assert isinstance(window, ReviewWindow)
    assert window.model.rowCount() == 0
    assert (
        window.pdf.message()
        == {
            "en": "No assessment is waiting for your review.",
            "ja": "レビュー待ちの評価はありません。",
        }[language]
    )


def test_the_report_language_is_fixed_once_the_signed_report_is_shown(
    qtbot: QtBot,
    db: Database,
    legal: Actor,
    manager: Actor,
    pki: OfflinePki,
    make_services: Callable[..., Services],
    shown: Callable[[QWidget], QWidget],
) -> None:
    """After approving, the language list stayed enabled and choosing Japanese changed nothing."""
    submitted_assessment(db, legal)
    approval_support.register(db, manager, signing.export_certificate_pem(pki.signer_p12, pki.passphrase))
    window = shown(ReviewWindow(make_services(manager)))
    assert isinstance(window, ReviewWindow)
    assert window.lang.isEnabled()
    window.approve.use_file.setChecked(True)
    window.approve.file.setText(str(pki.signer_p12))
    window.approve.passphrase.setText(pki.passphrase)
    for box in window.approve.attestations.values():
        box.setChecked(True)
    with qtbot.waitSignal(window.approved, timeout=30000):
        window.approve.approve_button.click()
    assert not window.lang.isEnabled()


def test_tab_goes_from_the_report_to_the_decision_tabs_then_into_the_chosen_one(
    qtbot: QtBot,
    db: Database,
    legal: Actor,
    manager: Actor,
    make_services: Callable[..., Services],
    shown: Callable[[QWidget], QWidget],
) -> None:
    """The decision tabs came last in the Tab order: from the report, Tab went into the comment form and
    "Approve and sign" was reached only after every field of it."""
    submitted_assessment(db, legal)
    window = shown(ReviewWindow(make_services(manager)))
    assert isinstance(window, ReviewWindow)
    window.activateWindow()
    window.pdf.setFocus()
    qtbot.keyClick(window.pdf, Qt.Key.Key_Tab)
    bar = window.decisions.tabBar()
    assert window.focusWidget() is bar
    qtbot.keyClick(bar, Qt.Key.Key_Right)  # the keyboard chooses "Approve and sign"
    assert window.decisions.currentWidget() is window.approve
    qtbot.keyClick(bar, Qt.Key.Key_Tab)
    focused = window.focusWidget()
    assert focused is not None and window.approve.isAncestorOf(focused)


def test_remove_selected_is_offered_only_with_a_comment_chosen(
    db: Database,
    legal: Actor,
    manager: Actor,
    make_services: Callable[..., Services],
    shown: Callable[[QWidget], QWidget],
) -> None:
    """It was enabled with nothing chosen in the list, and pressing it did nothing."""
    submitted_assessment(db, legal)
    window = shown(ReviewWindow(make_services(manager)))
    assert isinstance(window, ReviewWindow)
    panel = window.comments
    panel.text.setPlainText("Say who holds the keys.")
    panel.add_button.click()
    assert panel.model.rowCount() == 1 and not panel.remove_button.isEnabled()
    panel.list.setCurrentIndex(panel.model.index(0, 0))
    assert panel.remove_button.isEnabled()
    panel.remove_button.click()
    assert panel.model.rowCount() == 0 and not panel.remove_button.isEnabled()


def test_the_approve_panel_says_what_is_missing_while_approve_is_disabled(
    language: str,
    db: Database,
    legal: Actor,
    manager: Actor,
    pki: OfflinePki,
    make_services: Callable[..., Services],
    shown: Callable[[QWidget], QWidget],
    tmp_path: Path,
) -> None:
    """The walk: "Approve and sign" stayed disabled with nothing saying why."""
    submitted_assessment(db, legal)
    window = shown(ReviewWindow(make_services(manager, language)))
    assert isinstance(window, ReviewWindow)
    window.decisions.setCurrentWidget(window.approve)
    panel = window.approve
    texts = {
        "en": (
            "To approve, choose your signing identity and tick each confirmation.",
            "To approve, tick each confirmation.",
            "To approve, choose your signing identity.",
            "There is no file {}: choose the signing identity again.",
        ),
        "ja": (
            "承認するには、署名用IDを選択し、各確認事項にチェックを入れてください。",
            "承認するには、各確認事項にチェックを入れてください。",
            "承認するには、署名用IDを選択してください。",
            "ファイル {} がありません。署名用IDを選択し直してください。",
        ),
    }[language]
    assert not panel.approve_button.isEnabled() and panel.hint.text() == texts[0]
    panel.use_file.setChecked(True)
    panel.file.setText(str(pki.signer_p12))
    assert panel.hint.text() == texts[1]
    for box in panel.attestations.values():
        box.setChecked(True)
    assert panel.approve_button.isEnabled() and panel.hint.text() == ""
    panel.file.clear()
    assert panel.hint.text() == texts[2]
    gone = tmp_path / "moved.p12"
    panel.file.setText(str(gone))
    assert not panel.approve_button.isEnabled() and panel.hint.text() == texts[3].format(gone)


def test_after_the_last_return_the_changes_tab_keeps_nothing_of_it(
    qtbot: QtBot,
    db: Database,
    legal: Actor,
    manager: Actor,
    make_services: Callable[..., Services],
    shown: Callable[[QWidget], QWidget],
) -> None:
    """The walk: with the queue empty after a return, the tab still read "What changed since v2 (0)"."""
    from transfer_tool.assessment import service
    from ui.review.window import CHANGES_TAB

    t, a = submitted_assessment(db, legal)
    service.return_with_comments(db, manager, a.id, [("general", "Once more.")])
    v2 = service.latest_for_transfer(db, t.id)
    assert v2 is not None
    service.submit(db, legal, v2.id, TODAY)
    window = shown(ReviewWindow(make_services(manager)))
    assert isinstance(window, ReviewWindow)
    assert window.decisions.tabText(CHANGES_TAB) == "What changed since v1 (0)"
    window.comments.text.setPlainText("And again.")
    with qtbot.waitSignal(window.returned, timeout=10000):
        window.comments.return_button.click()
    assert window.model.rowCount() == 0
    assert window.decisions.tabText(CHANGES_TAB) == "What changed"
    assert window.changes.rows() == [] and window.changes.comment_lines() == []
