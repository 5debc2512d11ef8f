"""The manager's dashboard lists what waits for their review, and a line opens the review screen on it.

The walk of session 12: with an assessment submitted, the manager's dashboard said "Your transfers that
need you (0)" and nothing else asked for them; the queue was only under Review → Review queue."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QListView
from pytestqt.qtbot import QtBot

from tests.ui import languages
from tests.ui.review_support import submitted_assessment
from transfer_tool.accounts.permissions import Actor
from transfer_tool.storage.database import Database
from ui.app import dashboard_sources, screen_factories
from ui.dashboard_review import awaiting_review
from ui.i18n import format_date
from ui.main_window import MainWindow
from ui.review import ReviewWindow

language = languages.language


def _section(window: MainWindow, title_start: str) -> tuple[QGroupBox, QListView]:
    for box in window.dashboard.findChildren(QGroupBox):
        if box.title().startswith(title_start):
            view = box.findChild(QListView)
            assert view is not None
            return box, view
    raise AssertionError([b.title() for b in window.dashboard.findChildren(QGroupBox)])


def test_a_submitted_assessment_waits_on_the_managers_dashboard_and_opens_its_review(
    qtbot: QtBot,
    language: str,
    db: Database,
    legal: Actor,
    manager: Actor,
    make_window: Callable[..., MainWindow],
) -> None:
    t, a = submitted_assessment(db, legal)
    window = make_window(
        manager, language=language, screens=screen_factories(), dashboard_sources=[awaiting_review(manager)]
    )
    with qtbot.waitSignal(window.dashboard.loaded, timeout=10000):
        window.tabs.setCurrentWidget(window.dashboard)
    title = {"en": "Awaiting your review", "ja": "レビュー待ち"}[language]
    box, view = _section(window, title)
    assert box.title() == {"en": "Awaiting your review (1)", "ja": "レビュー待ち（1件）"}[language]
    assert a.submitted_at is not None
    when = format_date(a.submitted_at.date(), language)
    assert (
        view.model().index(0, 0).data()
        == {
            "en": f"{t.reference} v1 — Support desk, submitted {when} by Lena Legal",
            "ja": f"{t.reference} 第1版 — Support desk（{when}提出、提出者: Lena Legal）",
        }[language]
    )

    # The line is longer than the list is wide: it ends in "…" with its whole text in the tooltip, and no
    # scroll bar covers it (the list is one line tall).
    assert view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert view.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == view.model().index(0, 0).data()
    assert not view.horizontalScrollBar().isVisible()

    view.activated.emit(view.model().index(0, 0))
    review = window.findChild(ReviewWindow)
    assert review is not None and review.isVisible()
    qtbot.waitUntil(lambda: review._current is not None)
    assert review._current is not None and review._current.assessment_id == a.id
    review.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    review.close()


def test_the_app_gives_the_review_section_to_a_role_that_reviews_only(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    from transfer_tool.accounts import users

    def names(actor: Actor) -> list[str]:
        assert actor.user_id is not None
        return [
            source.__qualname__.split(".")[0]
            for source in dashboard_sources(users.get_user(db, actor.user_id))
        ]

    assert names(manager)[0] == "awaiting_review"  # first: what only this person can move on
    assert "awaiting_review" not in names(legal)


def test_a_line_for_an_assessment_gone_from_the_queue_says_so(
    qtbot: QtBot,
    db: Database,
    legal: Actor,
    manager: Actor,
    make_window: Callable[..., MainWindow],
) -> None:
    """Another reviewer returned it after the dashboard was read: the review screen says so instead of
    silently showing another assessment."""
    from PySide6.QtWidgets import QMessageBox

    from transfer_tool.assessment import service

    _t, gone = submitted_assessment(db, legal, "Gone meanwhile")
    submitted_assessment(db, legal, "Still waiting")
    window = make_window(manager, screens=screen_factories(), dashboard_sources=[awaiting_review(manager)])
    with qtbot.waitSignal(window.dashboard.loaded, timeout=10000):
        window.tabs.setCurrentWidget(window.dashboard)
    service.return_with_comments(db, manager, gone.id, [("general", "Returned by another reviewer.")])
    _box, view = _section(window, "Awaiting your review")
    view.activated.emit(view.model().index(0, 0))  # the line read before the return
    review = window.findChild(ReviewWindow)
    assert review is not None
    notes = [b for b in review.findChildren(QMessageBox) if b.isVisible()]
    assert [b.text() for b in notes] == [
        "The assessment you chose is no longer awaiting review: another reviewer approved or returned it "
        "meanwhile."
    ]
    assert review.model.rowCount() == 1
    for b in notes:
        b.close()
    review.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    review.close()
