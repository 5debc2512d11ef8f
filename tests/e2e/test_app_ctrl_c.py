"""Ctrl-C in the terminal that started the app (SIGINT, as a terminal sends it) closes the app as File >
Quit does and ends it with code 130: no traceback, and text typed in the wizard a moment before is saved
(the wizard saves as it closes), before its autosave pause had passed. A real app process, played by a
driver script as in tests/e2e/test_gui_crash.py."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import factories
from tests.conftest import PASSWORD
from tests.e2e.test_gui_crash import _env
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.storage.database import Database

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow
TYPED = " typed just before Ctrl-C 決"
ASKS = "transfer-tool: a window asks something before it closes: answer it in the app, or press Ctrl-C again"

DRIVER = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from tests.e2e.driver_steps import find, open_transfer, sign_in, type_text

database, user, password, transfer_id, mode, typed = sys.argv[1:7]
app = QApplication(sys.argv[:1])


def say(word):
    print(word, flush=True)


def shown():
    return find("SignInDialog") is not None


def wizard_ready():
    wizard = find("AssessmentWizard")
    if wizard is None or not (wizard.loaded and wizard.state.ready):
        return False
    wizard.go_to("law_practice")
    type_text(wizard.page_for("law_practice").experience, typed, append=True)
    return True


def main_ready():
    window = find("MainWindow")
    if window is None or not window.is_ready:
        return False
    window.new_action.trigger()
    return True


def new_wizard_typed():
    wizard = find("AssessmentWizard")
    if wizard is None or not (wizard.loaded and wizard.state.ready):
        return False
    type_text(wizard.page_for("transfer.parties").title_edit, typed)  # not storable yet: closing asks
    return True


plans = {
    "sign-in": [shown],
    "wizard": [lambda: sign_in(user, password), lambda: open_transfer(int(transfer_id)), wizard_ready],
    "new": [lambda: sign_in(user, password), main_ready, new_wizard_typed],
}
plan = plans[mode]


def tick():
    if plan and plan[0]():
        plan.pop(0)
    if plan:
        QTimer.singleShot(50, tick)
    else:
        say("READY")


QTimer.singleShot(50, tick)
from ui.launcher import main
sys.exit(main(["--database", database, "gui"]))
"""


def _interrupted_app(tmp_path: Path, db_url: str, mode: str, transfer_id: int = 0) -> tuple[int, str]:
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    errors = tmp_path / "stderr.txt"
    with errors.open("w", encoding="utf-8") as err_file:
        proc = subprocess.Popen(
            [sys.executable, str(driver), db_url, "lena", PASSWORD, str(transfer_id), mode, TYPED],
            cwd=ROOT,
            env=_env(tmp_path),
            stdout=subprocess.PIPE,
            stderr=err_file,
            text=True,
            encoding="utf-8",
            start_new_session=True,  # its own process group, as a terminal's foreground job
        )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()  # READY, or nothing if the app ended
        assert line == "READY\n", errors.read_text(encoding="utf-8")
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole group
        if mode == "new":  # the wizard asks before it drops the new transfer: Ctrl-C again ends the app
            deadline = time.monotonic() + 30
            while ASKS not in errors.read_text(encoding="utf-8") and time.monotonic() < deadline:
                assert proc.poll() is None, errors.read_text(encoding="utf-8")
                time.sleep(0.05)
            os.killpg(proc.pid, signal.SIGINT)
        code = proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
    time.sleep(0.1)
    return code, errors.read_text(encoding="utf-8")


def test_ctrl_c_at_sign_in_ends_the_app_with_130(tmp_path: Path, db_url: str, db: Database) -> None:
    db.dispose()
    code, err = _interrupted_app(tmp_path, db_url, "sign-in")
    assert code == 130, err
    assert "transfer-tool: interrupted: closing the app as File > Quit does" in err
    assert "Traceback" not in err


def test_ctrl_c_in_the_wizard_saves_what_was_typed(
    tmp_path: Path, db_url: str, db: Database, legal: Actor
) -> None:
    if not db_url.startswith("sqlite:///"):
        pytest.skip("the process test shares a SQLite database file")
    t = factories.transfer(db, legal, "US", title="Support desk")
    service.start_assessment(db, legal, t.id)
    db.dispose()  # the app is the only writer from here on
    code, err = _interrupted_app(tmp_path, db_url, "wizard", t.id)
    assert code == 130, err
    assert "Traceback" not in err
    check = Database(db_url)
    try:
        stored = service.latest_for_transfer(check, t.id)
    finally:
        check.dispose()
    assert stored is not None
    assert stored.record.law_practice.practical_experience.endswith(TYPED)


def test_a_second_ctrl_c_ends_the_app_while_a_window_asks(
    tmp_path: Path, db_url: str, db: Database, legal: Actor
) -> None:
    """A new transfer that cannot be stored yet asks before it is dropped: the first Ctrl-C says so on the
    terminal and leaves the question to the person; a second one ends the app."""
    db.dispose()
    code, err = _interrupted_app(tmp_path, db_url, "new")
    assert code == 130, err
    assert ASKS in err and "transfer-tool: interrupted again: the app ends now" in err
    assert "Traceback" not in err
