"""Errors become dialogs in one place: user errors show their message, bugs a traceback under details."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from transfer_tool.errors import Problem, ValidationError
from ui.errors import install_excepthook, show_exception


def test_a_validation_error_shows_each_problem(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box = show_exception(
        parent, ValidationError("The transfer cannot be saved.", [Problem("retention", "say how long")])
    )
    assert box.isVisible()
    assert box.text() == "The transfer cannot be saved.\n  - retention: say how long"
    assert box.detailedText() == ""
    box.close()


def test_an_uncaught_exception_is_logged_and_shown_with_its_traceback(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    previous = install_excepthook(lambda: parent)
    try:
        try:
            raise RuntimeError("boom in a slot")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = previous
    [box] = [b for b in parent.findChildren(QMessageBox) if b.isVisible()]
    assert "this is a bug" in box.text()
    assert "boom in a slot" in box.detailedText()
    assert any("uncaught exception" in r.message for r in caplog.records)
    box.close()
