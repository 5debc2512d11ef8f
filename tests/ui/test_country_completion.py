"""Typing a country offers the best match first: exact code or name, then names starting with the text.

Qt's own completer kept an alphabetical list: "India" offered British Indian Ocean Territory first and
"IN" listed Argentina before India (issue 18).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.test_wizard_support import type_text
from transfer_tool.accounts.permissions import Actor
from transfer_tool.countries.names import load_country_names
from ui.main_window import MainWindow
from ui.wizard.inputs import CountryCombo

NAMES = load_country_names()


def _active(qtbot: QtBot, window: QWidget) -> None:
    # A line edit follows its completer only while it has the keyboard focus, as when a person types.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def _typed(qtbot: QtBot, combo: CountryCombo, text: str) -> list[str]:
    combo.edit.clear()
    type_text(combo.edit, text)
    return combo.completer.suggestions()


@pytest.mark.parametrize(
    ("language", "typed", "first"),
    [
        ("en", "India", "India (IN)"),
        ("en", "IN", "India (IN)"),
        ("en", "in", "India (IN)"),
        ("en", "Ind", "India (IN)"),
        ("en", "US", "United States (US)"),
        ("ja", "インド", "インド (IN)"),
        ("ja", "米国", "米国 (US)"),
        ("en", "Korea", "South Korea (KR)"),
    ],
)
def test_the_exact_match_comes_first_then_prefixes(
    qtbot: QtBot, language: str, typed: str, first: str
) -> None:
    combo = CountryCombo(NAMES, language)
    qtbot.addWidget(combo)
    combo.show()
    offered = _typed(qtbot, combo, typed)
    assert offered[0] == first.replace("United States", NAMES.name("US", "en")).replace(
        "South Korea", NAMES.name("KR", "en")
    )
    if typed == "India":
        assert offered.index(f"{NAMES.name('IO', 'en')} (IO)") > 0
    if typed == "IN":
        assert "Argentina (AR)" not in offered[:2]
    popup = combo.completer.popup()
    assert popup is not None
    popup.hide()


def test_choosing_a_completion_sets_the_country(qtbot: QtBot) -> None:
    combo = CountryCombo(NAMES, "en")
    qtbot.addWidget(combo)
    combo.show()
    qtbot.waitExposed(combo)
    _active(qtbot, combo)
    offered = _typed(qtbot, combo, "ind")
    popup = combo.completer.popup()
    assert popup is not None and popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert combo.edit.text() == offered[0] == "India (IN)"
    assert combo.code() == "IN"
    assert not popup.isVisible()


def test_the_register_s_destination_filter_ranks_and_applies_the_choice(
    qtbot: QtBot, make_window: Callable[..., MainWindow], admin: Actor
) -> None:
    window = make_window(admin)
    _active(qtbot, window)
    panel = window.register
    edit = panel.destination.lineEdit()
    assert edit is not None
    edit.clear()
    type_text(edit, "IN")
    offered = panel.destination_completer.suggestions()
    assert offered[0] == "India (IN)" and offered.index("Argentina (AR)") > 1
    popup = panel.destination_completer.popup()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert panel.destination.currentData() == "IN"
    assert panel.query().country == "IN"
