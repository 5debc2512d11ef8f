"""The review screen's "What changed" panel as the walk of session 12 saw it: rows as tall as their
wrapped text, whenever the panel's tab is shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QTabWidget
from pytestqt.qtbot import QtBot

from tests.ui import languages
from tests.ui.review_support import TODAY, submitted_assessment
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.assessment.service import VersionChanges
from transfer_tool.assessment.version_diff import FieldChange, Shown
from transfer_tool.storage.database import Database
from ui.i18n import format_date
from ui.review import ReviewWindow
from ui.review.changes_panel import ChangesPanel
from ui.services import Services

language = languages.language

LONG = (
    "The data processing agreement is unmodified from the group template; no authorisation by a "
    "supervisory authority is needed. Keys are held by Net Japan in Tokyo."
)


def test_rows_fit_their_wrapped_text_once_the_tab_is_shown(qtbot: QtBot, language: str) -> None:
    """Filled while its tab was hidden, the rows kept heights for other column widths: far too tall, or
    too short with the text cut off (Japanese)."""
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QLabel("first"), "first")
    panel = ChangesPanel()
    tabs.addTab(panel, "changes")
    tabs.resize(500, 700)
    tabs.show()
    qtbot.waitExposed(tabs)
    changes = tuple(
        FieldChange(
            "measures",
            "procedural_steps",
            Shown(en="Transport and end-to-end encryption", ja="通信路及びエンドツーエンド暗号化"),
            Shown(en=LONG, ja=LONG),
            Shown(en=LONG[:40], ja=LONG[:40]),
        )
        for _ in range(3)
    )
    panel.set_changes(VersionChanges(3, 4, changes))
    tabs.setCurrentWidget(panel)
    qtbot.wait(20)
    table = panel.table
    for row in range(table.rowCount()):
        assert table.rowHeight(row) == table.sizeHintForRow(row), row
    tabs.resize(900, 700)
    qtbot.wait(20)
    for row in range(table.rowCount()):
        assert table.rowHeight(row) == table.sizeHintForRow(row), row


def test_a_re_assessment_is_compared_with_the_approved_version(qtbot: QtBot, language: str) -> None:
    panel = ChangesPanel()
    qtbot.addWidget(panel)
    change = FieldChange(
        "measures", "procedural_steps", None, Shown(en="old", ja="old"), Shown(en="new", ja="new")
    )
    panel.set_changes(VersionChanges(2, 3, (change,), previous_approved=True))
    assert (
        panel.summary.text()
        == {
            "en": "1 field(s) changed since version 2, the approved version this one would replace.",
            "ja": "承認済みの第2版（この版が置き換える版）から 1 項目が変更されています。",
        }[language]
    )
    header = panel.table.horizontalHeaderItem(1)
    assert (
        header is not None
        and header.text() == {"en": "Version 2 (approved)", "ja": "第2版（承認済み）"}[language]
    )
    panel.set_changes(VersionChanges(2, 3, (), previous_approved=True))
    assert (
        panel.summary.text()
        == {
            "en": "Nothing changed since version 2, the approved version.",
            "ja": "承認済みの第2版から変更はありません。",
        }[language]
    )


def test_the_summary_without_a_table_stays_at_the_top(qtbot: QtBot) -> None:
    """Alone in the panel, the sentence sat in the middle of an empty 600-pixel panel."""
    panel = ChangesPanel()
    qtbot.addWidget(panel)
    panel.resize(420, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_changes(None)
    image = panel.grab().toImage()
    inked = [
        y
        for y in range(image.height())
        if any(image.pixelColor(x, y).lightness() < 100 for x in range(0, 400, 2))
    ]
    assert inked and max(inked) < 60, (min(inked), max(inked))


def test_a_resubmission_shows_the_comments_it_was_returned_with_and_who_dealt_with_them(
    qtbot: QtBot,
    language: str,
    db: Database,
    legal: Actor,
    manager: Actor,
    make_services: Callable[..., Services],
) -> None:
    """The walk: comparing a resubmission, the reviewer saw what changed but not what they had asked for."""
    t, a = submitted_assessment(db, legal)
    service.return_with_comments(db, manager, a.id, [("law_practice", "Explain the step 3 conclusion.")])
    v2 = service.latest_for_transfer(db, t.id)
    assert v2 is not None
    service.submit(db, legal, v2.id, TODAY)
    window = ReviewWindow(make_services(manager, language))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.changes.comment_lines() != [], timeout=5000)
    [comment] = service.comments_for(db, v2.id, open_only=False)
    assert comment.resolved_at is not None
    when = format_date(comment.resolved_at.date(), language)
    assert window.changes.comment_lines() == [
        {
            "en": f"v1 · Law and practice (step 3): Explain the step 3 conclusion.\nDealt with: Lena Legal, {when}",
            "ja": f"第1版 · 移転先の法令と実務（ステップ3）: Explain the step 3 conclusion.\n対応済み: Lena Legal（{when}）",
        }[language]
    ]
    assert (
        window.changes.comments_title.text()
        == {
            "en": "Comments sent back to the assessor (1):",
            "ja": "評価者に差し戻したコメント（1件）:",
        }[language]
    )
    assert window.changes.comments_list.isVisibleTo(window.changes)
