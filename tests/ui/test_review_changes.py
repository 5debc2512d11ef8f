"""The review screen's "What changed" panel as the walk of session 12 saw it: rows as tall as their
wrapped text, whenever the panel's tab is shown."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget
from pytestqt.qtbot import QtBot

from tests.ui import languages
from transfer_tool.assessment.service import VersionChanges
from transfer_tool.assessment.version_diff import FieldChange, Shown
from ui.review.changes_panel import ChangesPanel

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
