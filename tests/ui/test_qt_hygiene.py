"""The GUI-test hygiene guard (tests/qt_hygiene.py) fails a test that leaves a window or a thread behind.

Each case runs a small test file in its own pytest process with the guard as its only plugin, so the
failure it provokes stays there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CONFTEST = """
import pytest
pytest_plugins = ["tests.qt_hygiene"]

def pytest_collection_modifyitems(items):
    for item in items:
        if "qtbot" in item.fixturenames:
            item.add_marker(pytest.mark.gui)
"""


@pytest.fixture(autouse=True)
def _import_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))


def _run(pytester: pytest.Pytester, body: str) -> pytest.RunResult:
    pytester.makeconftest(CONFTEST)
    pytester.makeini("[pytest]\nqt_api = pyside6\n")
    pytester.makepyfile(test_case=body)
    return pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")


def test_a_window_left_open_fails_the_test_naming_it(pytester: pytest.Pytester) -> None:
    result = _run(
        pytester,
        """
from PySide6.QtWidgets import QDialog

KEEP = []

def test_leaves_a_dialog(qtbot):
    dialog = QDialog()
    dialog.setObjectName("forgottenDialog")
    dialog.show()
    KEEP.append(dialog)

def test_closes_its_window(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.show()
""",
    )
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(
        ["*test_leaves_a_dialog did not clean up: windows left alive: QDialog forgottenDialog (visible)*"]
    )


def test_a_window_kept_on_purpose_is_allowed(pytester: pytest.Pytester) -> None:
    result = _run(
        pytester,
        """
import pytest
from PySide6.QtWidgets import QWidget

KEEP = []

@pytest.mark.keeps_windows
def test_keeps(qtbot):
    KEEP.append(QWidget())
""",
    )
    result.assert_outcomes(passed=1)


def test_a_thread_left_running_fails_the_test(pytester: pytest.Pytester) -> None:
    result = _run(
        pytester,
        """
import threading, time
import tests.qt_hygiene as hygiene

hygiene._JOIN_SECONDS = 0.2
STOP = threading.Event()

def test_starts_a_thread(qtbot):
    threading.Thread(target=STOP.wait, args=(30,), name="runaway", daemon=True).start()

def test_after(qtbot):
    STOP.set()
""",
    )
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(["*test_starts_a_thread did not clean up: threads still running: runaway*"])
