"""Date fields that may be empty: typing a date works, and the calendar opens on today (issue 18).

Before: typing into an empty due date edited the placeholder's letters ("ate20270331") and the calendar
opened on January 2000, the hidden "not set" value.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.wizard.inputs import OptionalDateEdit

# The field's "today", fixed: the last day of a month, where a date typed over it is hardest to get right,
# and where the real clock moved on to another month between the field's reading and the test's.
TODAY = QDate(2031, 1, 31)


def _field(qtbot: QtBot) -> OptionalDateEdit:
    field = OptionalDateEdit("no date")
    field.today = lambda: TODAY
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    field.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is field, timeout=3000)
    field.setFocus()
    return field


@pytest.mark.parametrize("typed", ["2027-03-31", "2027/03/31", "20270331", "2027.03.31"])
def test_typing_a_date_into_an_empty_field_gives_that_date(qtbot: QtBot, typed: str) -> None:
    field = _field(qtbot)
    assert field.value() is None and field.text() == "no date"
    qtbot.keyClicks(field, typed)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.value() == dt.date(2027, 3, 31)


def test_a_set_date_can_be_retyped(qtbot: QtBot) -> None:
    field = _field(qtbot)
    field.set_value(dt.date(2026, 1, 5))
    field.setSelectedSection(OptionalDateEdit.Section.YearSection)
    qtbot.keyClicks(field, "2028-11-09")
    assert field.value() == dt.date(2028, 11, 9)


def test_the_calendar_of_an_empty_field_opens_on_today(qtbot: QtBot) -> None:
    field = _field(qtbot)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(field.width() - 8, field.height() // 2))
    calendar = field.calendarWidget()
    qtbot.waitUntil(calendar.isVisible, timeout=3000)
    assert (calendar.yearShown(), calendar.monthShown()) == (TODAY.year(), TODAY.month())
    assert field.value() is None  # opening the calendar chooses nothing
    calendar.window().close()


@pytest.mark.parametrize("value", [None, dt.date(2027, 3, 31)])
def test_tab_leaves_a_date_field(qtbot: QtBot, value: dt.date | None) -> None:
    """Empty ("not set"), Qt's date edit kept Tab for ever: the wizard's conclusion page trapped the keyboard.
    A date set is stepped through section by section, then left."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    field = OptionalDateEdit("no date", window)
    after = QLineEdit(window)
    layout.addWidget(field)
    layout.addWidget(after)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    field.set_value(value)
    field.setFocus()
    for _ in range(3):
        if after.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert after.hasFocus()
    assert field.value() == value
