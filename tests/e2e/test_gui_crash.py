"""Crash safety of the wizard as a real process: 10 SIGKILLs at random moments, restarting each time.

The app is started as in tests/e2e/test_gui_e2e.py: a driver script written next to the database creates
the QApplication, queues a timer that plays the user, then calls `ui.launcher.main([... "gui"])` (the real
entry point: sign-in dialog, main window, threaded worker, autosave timer). Here the user signs in, opens
the transfer, and then keeps typing into two wizard fields (law and practice, procedural steps) in bursts
with pauses, switching between their pages. Each time the autosaver reports a save (`Autosaver.saved`,
emitted only after the worker's transaction committed) the driver prints an `ACK` line, flushed, with the
values the database returned. The test SIGKILLs the process at a random moment (seeded RNG), then checks
the database: integrity_check ok, foreign_key_check empty, the audit chain verifies, every acknowledged
value is there (text only grows, so the stored text starts with the last acknowledged one), and the next
start resumes on the stored page with the stored text.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests import factories
from tests.conftest import PASSWORD
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.records import audit
from transfer_tool.storage.database import Database

ROOT = Path(__file__).resolve().parents[2]
KILLS = 10
SEED = 20261126
pytestmark = pytest.mark.slow

DRIVER = r'''
"""The scripted user for tests/e2e/test_gui_crash.py: sign in, open the transfer, type until killed."""
import json, random, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from tests.e2e.driver_steps import find, open_transfer as _open, sign_in as _sign_in, type_text as _type

database, user, password, transfer_id, run, seed, mode = sys.argv[1:8]
transfer_id, run = int(transfer_id), int(run)
rng = random.Random(int(seed))
app = QApplication(sys.argv[:1])
FIELDS = {"law_practice": "experience", "conclusion": "procedural"}
state = {"ticks": 0, "n": 0}


def say(kind, payload):
    print(kind + " " + json.dumps(payload, ensure_ascii=False), flush=True)


def type_text(widget, typed):
    _type(widget, typed, append=True)


def sign_in():
    return _sign_in(user, password)


def open_transfer():
    return _open(transfer_id)


def texts(wizard):
    return {key: getattr(wizard.page_for(key), name).toPlainText() for key, name in FIELDS.items()}


def on_saved(result):
    a = result.assessment
    if a is not None:
        say("ACK", {"page": a.page, "law_practice": a.record.law_practice.practical_experience,
                    "conclusion": a.record.procedural_notes})


def ready():
    wizard = find("AssessmentWizard")
    if wizard is None or not (wizard.loaded and wizard.state.ready):
        return False
    say("RESUMED", {"page": wizard.current_key(), **texts(wizard)})
    if mode == "inspect":
        QApplication.exit(0)
        return True
    wizard.autosaver.saved.connect(on_saved)
    QTimer.singleShot(0, lambda: act(wizard))
    return True


def act(wizard):
    # A burst of typing, sometimes on the other page, then a pause: a save follows pauses over 0.8 s.
    key = wizard.current_key()
    if key not in FIELDS or rng.random() < 0.25:
        key = rng.choice([k for k in FIELDS if k != key] if key in FIELDS else list(FIELDS))
        wizard.go_to(key)
        say("GO", {"page": key})
    state["n"] += 1
    type_text(getattr(wizard.page_for(key), FIELDS[key]), f" r{run}n{state['n']}決")
    QTimer.singleShot(rng.choice([80, 150, 1000, 1000, 1200]), lambda: act(wizard))


plan = [sign_in, open_transfer, ready]


def tick():
    state["ticks"] += 1
    if state["ticks"] > 1200:  # 60 s
        print("TIMEOUT at " + plan[0].__name__, flush=True)
        QApplication.exit(5)
        return
    if plan and plan[0]():
        plan.pop(0)
    if plan:
        QTimer.singleShot(50, tick)


QTimer.singleShot(50, tick)
from ui.launcher import main
sys.exit(main(["--database", database, "gui"]))
'''


@dataclass
class Run:
    """One start of the app: its process and the lines it printed, read by a thread as they come."""

    proc: subprocess.Popen[str]
    stderr: Path  # a file, not a pipe: a full pipe would stall the app
    lines: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    reader: threading.Thread | None = None

    def read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            kind, _, payload = raw.rstrip("\n").partition(" ")
            if kind in ("ACK", "RESUMED", "GO"):
                self.lines.append((kind, json.loads(payload)))
            elif kind == "TIMEOUT":
                self.lines.append((kind, {"at": payload}))

    def first(self, kind: str) -> dict[str, Any] | None:
        return next((p for k, p in list(self.lines) if k == kind), None)

    def acks(self) -> list[dict[str, Any]]:
        return [p for k, p in list(self.lines) if k == "ACK"]


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TRANSFER_TOOL_", "QT_"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        TRANSFER_TOOL_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "share"),
    )
    return env


def _start(driver: Path, db_url: str, transfer_id: int, run: int, mode: str, env: dict[str, str]) -> Run:
    errors = driver.parent / f"stderr-{run}.txt"
    with errors.open("w", encoding="utf-8") as err_file:
        proc = subprocess.Popen(
            [
                sys.executable,
                str(driver),
                db_url,
                "lena",
                PASSWORD,
                str(transfer_id),
                str(run),
                str(SEED + run),
                mode,
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=err_file,
            text=True,
            encoding="utf-8",
        )
    r = Run(proc, errors)
    r.reader = threading.Thread(target=r.read, daemon=True)
    r.reader.start()
    return r


def _wait_resumed(run: Run, timeout: float = 60) -> dict[str, Any]:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        resumed = run.first("RESUMED")
        if resumed is not None:
            return resumed
        if run.proc.poll() is not None:
            break
        time.sleep(0.05)
    run.proc.kill()
    run.proc.wait(timeout=30)
    err = run.stderr.read_text(encoding="utf-8", errors="replace")
    raise AssertionError(f"the app did not reach the wizard (exit {run.proc.returncode}): {run.lines}\n{err}")


def _sqlite_checks(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


@pytest.fixture
def sqlite_path(db_url: str) -> Iterator[Path]:
    if not db_url.startswith("sqlite:///"):
        pytest.skip("the process test shares a SQLite database file")
    yield Path(db_url.removeprefix("sqlite:///"))


def test_ten_sigkills_in_the_wizard_lose_nothing_saved(
    db_url: str, db: Database, legal: Actor, tmp_path: Path, sqlite_path: Path
) -> None:
    t = factories.transfer(db, legal, "US", title="Support desk")
    service.start_assessment(db, legal, t.id)
    db.dispose()  # the app is the only writer from here on
    driver = tmp_path / "scripted_user.py"
    driver.write_text(DRIVER, encoding="utf-8")
    env = _env(tmp_path)
    rng = random.Random(SEED)
    survived, acked_total = 0, 0
    expected_resume: dict[str, Any] | None = None  # what the database held after the previous kill
    started = time.monotonic()

    for run_no in range(1, KILLS + 1):
        run = _start(driver, db_url, t.id, run_no, "edit", env)
        resumed = _wait_resumed(run)
        if expected_resume is not None:
            assert resumed == expected_resume, f"run {run_no} did not resume where the database was"
        time.sleep(rng.uniform(1.0, 5.0))  # a random moment: typing, waiting for the pause, or saving
        run.proc.kill()  # SIGKILL: no close handler, no flush
        run.proc.wait(timeout=30)
        assert run.reader is not None
        run.reader.join(timeout=10)
        assert run.proc.returncode == -9, f"run {run_no} ended by itself: {run.lines}"

        _sqlite_checks(sqlite_path)
        check = Database(db_url)
        try:
            report = audit.verify(check)
            assert report.ok, report.summary()
            stored = service.latest_for_transfer(check, t.id)
        finally:
            check.dispose()
        assert stored is not None
        held = {
            "page": stored.page,
            "law_practice": stored.record.law_practice.practical_experience,
            "conclusion": stored.record.procedural_notes,
        }
        acks = run.acks()
        acked_total += len(acks)
        if acks:
            last = acks[-1]
            # Saved before the kill means still there: a later save may have committed after the last
            # ACK was printed, but text only grows, so the acknowledged text is a prefix of the stored.
            for key in ("law_practice", "conclusion"):
                assert held[key].startswith(last[key]), (run_no, key, last[key], held[key])
        expected_resume = held
        survived += 1

    # The start after the last kill resumes on the stored page with the stored text.
    final = _start(driver, db_url, t.id, KILLS + 1, "inspect", env)
    final.proc.wait(timeout=90)
    assert final.reader is not None
    final.reader.join(timeout=10)
    assert final.proc.returncode == 0, final.stderr.read_text(encoding="utf-8", errors="replace")
    assert final.first("RESUMED") == expected_resume
    assert acked_total >= KILLS  # the kills did land among real saves, not only before the first one
    print(
        f"\nwizard crash test: {survived} of {KILLS} SIGKILLs survived, {acked_total} acknowledged saves checked, "
        f"{time.monotonic() - started:.0f} s"
    )
    assert survived == KILLS
