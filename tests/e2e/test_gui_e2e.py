"""End to end through the desktop app, in two parts.

1. In process, with the real threaded database worker (not the synchronous one the UI tests use): from the
   main window, New transfer (Ctrl+N) → every step typed and chosen, Japanese included → submit → PDF.

2. As a process, for crash safety. `python -m ui.launcher --database sqlite:///… gui` is started (the real
   entry point: sign-in dialog, main window, wizard factory, threaded worker, autosave timer). The app has
   no scripting hook; the "user" is a small driver this test writes next to the database and runs
   *instead of* `python -m ui.launcher`: it creates the QApplication, queues a timer that plays the user
   (fills the sign-in dialog and clicks Sign in, selects the transfer in the register and presses Open,
   goes to the law-and-practice page, types), then calls `ui.launcher.main([... "gui"])` — the same
   function the command runs. The test polls the database through the services until the draft is saved,
   SIGKILLs the process (no close handler runs), starts it again in "inspect" mode and checks the wizard
   reopens on the same page with the text. A plain `python -m ui.launcher … gui --screenshot` run checks
   the real command starts on that database too.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from tests import factories
from tests.conftest import PASSWORD
from tests.ui.test_wizard_support import answer_everything, choose, click_next, type_text
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.countries import store
from transfer_tool.domain import AssessmentStatus, Conclusion, PartyRole
from transfer_tool.register import entities, register_search
from transfer_tool.storage.database import Database
from ui import app as app_module
from ui.main_window import MainWindow
from ui.services import Services
from ui.settings import Settings
from ui.wizard import AssessmentWizard
from ui.wizard.state import PAGE_DATA, PAGE_HANDLING, PAGE_LAW, PAGE_PRECHECK, PAGE_SUMMARY
from ui.wizard.transfer import DataPage, HandlingPage, PartiesPage
from ui.workers import DbWorker

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow, pytest.mark.both_databases]  # the real app, on either database


# ---- 1. the whole journey in process, with the threaded worker ---------------------------------------------


def _wizards() -> list[AssessmentWizard]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, AssessmentWizard) and w.isVisible()]


def test_journey_from_new_transfer_to_pdf_with_the_threaded_worker(
    qtbot: QtBot,
    db: Database,
    legal: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    factories.entity(db, legal, "Cloud Desk Inc.", "US", certifications=("APEC CBPR",))
    worker = DbWorker(db)  # a real background thread, as in the app
    services = Services(
        worker=worker, settings=settings, actor=legal, language="ja", country_names=store.names()
    )
    window = MainWindow(services, wizard_factory=app_module.wizard_factory())
    qtbot.addWidget(window)
    window.save_on_close = False
    window.show()
    qtbot.waitUntil(lambda: window.is_ready, timeout=10_000)
    try:
        window.new_action.trigger()
        wizard = _wizards()[0]
        qtbot.waitUntil(lambda: wizard.state.ready, timeout=10_000)
        parties = wizard.page_for("transfer.parties")
        assert isinstance(parties, PartiesPage)
        parties.exporter.new_button.click()
        dialog = parties.exporter.dialog
        assert dialog is not None
        type_text(dialog.name, "Maison Client SAS")
        type_text(dialog.country.edit, "フランス")
        assert dialog.country.code() == "FR"
        dialog.group_company.setChecked(True)
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
        importer = next(e for e in entities.list_entities(db) if e.name == "Cloud Desk Inc.")
        choose(parties.importer.combo, importer.id)
        choose(parties.importer_role, PartyRole.PROCESSOR.value)
        type_text(parties.title_edit, "顧客サポート窓口の委託 (support desk)")
        assert parties.picker.current_code() == "US"
        click_next(qtbot, wizard)
        data = wizard.page_for(PAGE_DATA)
        assert isinstance(data, DataPage)
        data.categories.toggle("contact")
        data.purposes.toggle("respond_requests")
        data.subjects.toggle("customers")
        data.volume.setValue(12_000)
        click_next(qtbot, wizard)
        handling = wizard.page_for(PAGE_HANDLING)
        assert isinstance(handling, HandlingPage)
        type_text(handling.storage, "米国")
        type_text(handling.retention, "契約期間終了後1年")
        click_next(qtbot, wizard)
        qtbot.waitUntil(lambda: wizard.current_key() == PAGE_PRECHECK, timeout=10_000)
        rows = register_search.search(db)
        assert [r.title for r in rows] == ["顧客サポート窓口の委託 (support desk)"]

        answer_everything(qtbot, wizard, conclusion=Conclusion.PROCEED_WITH_MEASURES)
        click_next(qtbot, wizard)
        assert wizard.current_key() == PAGE_SUMMARY
        assert wizard.summary.missing_items() == []
        qtbot.mouseClick(wizard.summary.submit_button, Qt.MouseButton.LeftButton)
        a = service.latest_for_transfer(db, rows[0].id)
        assert a is not None
        qtbot.waitUntil(
            lambda: service.get_assessment(db, a.id).status is AssessmentStatus.SUBMITTED, timeout=10_000
        )

        target = tmp_path / "tia.pdf"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
        with qtbot.waitSignal(wizard.summary.pdf_saved, timeout=60_000):
            qtbot.mouseClick(wizard.summary.pdf_button, Qt.MouseButton.LeftButton)
        text = "".join(
            "".join(p.extract_text() for p in PdfReader(io.BytesIO(target.read_bytes())).pages).split()
        )
        for typed in (
            "顧客サポート窓口の委託",
            "契約期間終了後1年",
            "管理者から処理者へ",
            "Maison Client SAS",
        ):
            assert "".join(typed.split()) in text, typed
        wizard.close()
    finally:
        worker.shutdown()


# ---- 2. the app as a process: autosave survives SIGKILL, and the wizard resumes -------------------------

DRIVER = r'''
"""The scripted user for tests/e2e/test_gui_e2e.py (written there, run instead of `python -m ui.launcher`)."""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from tests.e2e.driver_steps import find, open_transfer as _open, sign_in as _sign_in, type_text as _type

database, user, password, transfer_id, mode, text = sys.argv[1:7]
transfer_id = int(transfer_id)
app = QApplication(sys.argv[:1])
steps = []
state = {"deadline": 0}


def type_text(widget, typed):
    _type(widget, typed, append=False)


def sign_in():
    return _sign_in(user, password)


def open_transfer():
    return _open(transfer_id)


def wizard_ready():
    wizard = find("AssessmentWizard")
    return wizard is not None and wizard.loaded and wizard.state.ready


def act():
    wizard = find("AssessmentWizard")
    if mode == "edit":
        wizard.go_to("law_practice")
        type_text(wizard.page_for("law_practice").experience, text)
        print("TYPED", flush=True)  # the app keeps running; the test kills it
    else:
        page = wizard.page_for("law_practice")
        print("STATE " + json.dumps({"page": wizard.current_key(), "experience": page.experience.toPlainText()}),
              flush=True)
        QApplication.exit(0)
    return True


plan = [sign_in, open_transfer, wizard_ready, act]


def tick():
    state["deadline"] += 1
    if state["deadline"] > 600:  # 30 s
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


def _start(
    driver: Path, db_url: str, transfer_id: int, mode: str, text: str, env: dict[str, str]
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(driver), db_url, "lena", PASSWORD, str(transfer_id), mode, text],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(check: Callable[[], bool], timeout: float, what: str, proc: subprocess.Popen[str]) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return
        if proc.poll() is not None:
            out, err = proc.communicate()
            raise AssertionError(f"the app exited ({proc.returncode}) before {what}:\n{out}\n{err}")
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def test_the_app_process_saves_drafts_that_survive_sigkill_and_resumes_on_the_same_page(
    qapp: QWidget, db_url: str, db: Database, legal: Actor, tmp_path: Path
) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("the process test shares a database file")
    t = factories.transfer(db, legal, "US", title="Support desk")
    driver = tmp_path / "scripted_user.py"
    driver.write_text(DRIVER, encoding="utf-8")
    env = _env(tmp_path)
    typed = "要請の実績なし (no requests since 2019)"

    proc = _start(driver, db_url, t.id, "edit", typed, env)
    try:

        def draft_saved() -> bool:
            a = service.latest_for_transfer(db, t.id)
            return (
                a is not None and a.record.law_practice.practical_experience == typed and a.page == PAGE_LAW
            )

        _wait_for(draft_saved, 60, "the draft was autosaved", proc)
        assert proc.poll() is None  # still running: the save happened without closing anything
    finally:
        proc.kill()  # SIGKILL: no close handler, no flush
        proc.communicate(timeout=30)
    assert proc.returncode == -9

    again = _start(driver, db_url, t.id, "inspect", "", env)
    out, err = again.communicate(timeout=90)
    assert again.returncode == 0, f"{out}\n{err}"
    line = next(x for x in out.splitlines() if x.startswith("STATE "))
    shown = json.loads(line[len("STATE ") :])
    assert shown == {"page": PAGE_LAW, "experience": typed}

    # The plain command (no driver) starts on this database too: check mode signs in and grabs the window.
    shot = tmp_path / "main.png"
    env_shot = {**env, "TRANSFER_TOOL_USER": "lena", "TRANSFER_TOOL_PASSWORD": PASSWORD}
    plain = subprocess.run(
        [sys.executable, "-m", "ui.launcher", "--database", db_url, "gui", "--screenshot", str(shot)],
        cwd=ROOT,
        env=env_shot,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert plain.returncode == 0, plain.stderr
    assert (QImage(str(shot)).width(), QImage(str(shot)).height()) == (1280, 800)
