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

DRIVER = r'''
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


plan = [shown] if mode == "sign-in" else [
    lambda: sign_in(user, password), lambda: open_transfer(int(transfer_id)), wizard_ready
]


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
'''


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
