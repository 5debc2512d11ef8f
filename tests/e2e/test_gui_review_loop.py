"""The review loop and the Escape case, played in the real app process (issue 18).

Like tests/e2e/test_gui_e2e.py part 2: a driver script written next to the database creates the
QApplication, queues a timer that plays the user, then calls `ui.launcher.main([... "gui"])` (sign-in
dialog, main window, threaded worker, autosave). Each run prints one `STATE` line of JSON and exits; the
test reads it and the database.

1. Escape: a new transfer with a typed title; Escape on a country completer closes only the popup; Escape
   on the wizard asks (nothing closes); Escape on the question keeps editing; Discard then closes and
   nothing is stored.
2. Return with comments: the manager returns the submitted assessment from the Review screen (comments on
   the personal data and on step 3).
3. The assessor opens the transfer: the summary lists both comments, the steps list marks their pages; a
   comment leads to its page; each is marked dealt with (still shown, struck through); step 3 is changed;
   the resubmission is version 2 and the overview says "submitted".
4. The manager sees version 2 in the queue and what changed since version 1.
5. Crash: a new transfer typed (not complete, so not storable) and the process SIGKILLed; the next
   "New transfer" brings the typed fields back (ui/wizard/recovery.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from tests.conftest import PASSWORD
from tests.ui.review_support import submitted_assessment
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.domain import AssessmentStatus
from transfer_tool.register import register_search
from transfer_tool.storage.database import Database

ROOT = Path(__file__).resolve().parents[2]
# Each run has its own 2-minute limit that prints where it stopped; the test as a whole runs five of them.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

DRIVER = r'''
"""The scripted user for tests/e2e/test_gui_review_loop.py (run instead of `python -m ui.launcher`)."""
import json, sys
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from tests.e2e.driver_steps import find, open_transfer, sign_in, type_text

database, user, password, mode, transfer_id = sys.argv[1:6]
transfer_id = int(transfer_id)
app = QApplication(sys.argv[:1])
out = {}


def escape(widget):
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier))


def main_ready():
    window = find("MainWindow")
    return window is not None and window.is_ready


def wizard():
    return find("AssessmentWizard")


def wizard_ready():
    w = wizard()
    return w is not None and w.loaded and w.state.ready


def done():
    print("STATE " + json.dumps(out, ensure_ascii=False), flush=True)
    QApplication.exit(0)
    return True


# ---- 1. Escape ---------------------------------------------------------------------------------------


def new_transfer():
    find("MainWindow").new_action.trigger()
    return True


def type_title():
    parties = wizard().page_for("transfer.parties")
    type_text(parties.title_edit, "Payroll to India 給与")
    parties.exporter.new_button.click()
    return True


def completer_popup():
    dialog = wizard().page_for("transfer.parties").exporter.dialog
    if dialog is None or not dialog.isVisible():
        return False
    dialog.activateWindow()
    type_text(dialog.country.edit, "Ind")
    return True


def escape_on_popup():
    dialog = wizard().page_for("transfer.parties").exporter.dialog
    popup = dialog.country.completer.popup()
    if not popup.isVisible():
        return False
    out["popup_shown"] = True
    escape(popup)
    return True


def after_popup():
    dialog = wizard().page_for("transfer.parties").exporter.dialog
    if dialog.country.completer.popup().isVisible():
        return False
    out["after_popup"] = {"dialog": dialog.isVisible(), "wizard": wizard() is not None}
    dialog.reject()
    return True


def escape_on_wizard():
    escape(wizard().page_for("transfer.parties").title_edit)
    return True


def question_shown():
    w = wizard()
    box = w.close_question if w is not None else None
    if box is None or not box.isVisible():
        return False
    out["question"] = {"text": box.text(), "wizard_open": w.isVisible()}
    escape(box)
    return True


def kept_editing():
    w = wizard()
    if w is None or w.close_question is not None:
        return False
    out["kept"] = w.page_for("transfer.parties").title_edit.text()
    QTimer.singleShot(0, lambda: wizard().close())
    return True


def discard():
    w = wizard()
    if w is None or w.close_question is None or not w.close_question.isVisible():
        return False
    w.close_question.button(QMessageBox.StandardButton.Discard).click()
    return True


def closed():
    if wizard() is not None:
        return False
    out["closed"] = True
    return True


# ---- 2. the manager returns it ---------------------------------------------------------------------------


def open_review():
    find("MainWindow").review_action.trigger()
    return True


def review_ready():
    review = find("ReviewWindow")
    return review is not None and review.model.rowCount() == 1 and review._current is not None


def return_it():
    review = find("ReviewWindow")
    panel = review.comments
    panel.section.setCurrentIndex(panel.section.findData("personal_data"))
    panel.text.setPlainText("Say which health data the tickets hold.")
    panel.add_button.click()
    panel.section.setCurrentIndex(panel.section.findData("law_practice"))
    panel.text.setPlainText("Explain the step 3 conclusion further.")
    panel.return_button.click()
    return True


def returned():
    review = find("ReviewWindow")
    if not review.comments.message.text():
        return False
    out["message"] = review.comments.message.text()
    out["queue_after"] = review.model.rowCount()
    return True


# ---- 3. the assessor answers ------------------------------------------------------------------------------


def summary_listed():
    w = wizard()
    w.go_to("summary")
    summary = w.summary
    out["listed"] = [text for _page, text in summary.open_comment_items()]
    out["marked"] = [t for t in w.steps_model.stringList() if t.endswith("✎")]
    out["title"] = w.windowTitle()
    out["complete"] = summary.complete_label.text()
    row = next(i for i, (page, _t) in enumerate(summary.open_comment_items()) if page == "transfer.data")
    summary.open_comments.activated.emit(summary.open_comments_model.index(row, 0))
    return True


def on_data_page():
    w = wizard()
    if w.current_key() != "transfer.data":
        return False
    out["jumped_to"] = w.current_key()
    page = w.page_for("transfer.data")
    out["data_comments"] = page.comments.texts()
    next(iter(page.comments.buttons.values())).click()
    return True


def data_dealt_with():
    page = wizard().page_for("transfer.data")
    if not page.comments.struck_out():
        return False
    out["struck"] = page.comments.struck_out()
    w = wizard()
    w.go_to("law_practice")
    law = w.page_for("law_practice")
    law.conclusion_reasoning.setFocus()
    type_text(law.conclusion_reasoning, " FISA 702 reaches Cloud Desk as a remote computing service.", append=True)
    next(iter(law.comments.buttons.values())).click()
    return True


def law_dealt_with():
    w = wizard()
    law = w.page_for("law_practice")
    if not law.comments.struck_out() or w.autosaver.pending:
        return False
    w.go_to("summary")
    w.summary.submit_button.click()
    return True


def submitted():
    w = wizard()
    a = w.state.assessment
    if a is None or a.status.value != "submitted":
        return False
    out["overview"] = w.summary.overview.text().splitlines()[0]
    out["listed_after"] = [text for _page, text in w.summary.open_comment_items()]
    return True


# ---- 4. the manager compares ------------------------------------------------------------------------------


def compared():
    review = find("ReviewWindow")
    if review is None or not review.changes.rows():
        return False
    out["queue_version"] = review.model.index(0, 2).data()
    out["tab"] = review.decisions.tabText(2)
    out["changes"] = [list(r) for r in review.changes.rows()]
    return True


# ---- 5. a new transfer typed, then the process killed ---------------------------------------------------


def type_and_wait_kept():
    w = wizard()
    parties = w.page_for("transfer.parties")
    if not parties.title_edit.text():
        type_text(parties.title_edit, "Payroll to India 給与")
        return False
    if w.recovery.take() is None:
        return False
    print("KEPT", flush=True)  # the app keeps running; the test kills it
    return True


def restored():
    w = wizard()
    if not w.restored:
        return False
    out["title"] = w.page_for("transfer.parties").title_edit.text()
    out["status"] = w.save_status.text()
    return True


PLANS = {
    "escape": [
        main_ready, new_transfer, wizard_ready, type_title, completer_popup, escape_on_popup, after_popup,
        escape_on_wizard, question_shown, kept_editing, discard, closed, done,
    ],
    "return": [main_ready, open_review, review_ready, return_it, returned, done],
    "answer": [
        lambda: open_transfer(transfer_id), wizard_ready, summary_listed, on_data_page, data_dealt_with,
        law_dealt_with, submitted, done,
    ],
    "compare": [main_ready, open_review, compared, done],
    "kill": [main_ready, new_transfer, wizard_ready, type_and_wait_kept],
    "restore": [main_ready, new_transfer, wizard_ready, restored, done],
}
plan = [lambda: sign_in(user, password)] + PLANS[mode]
state = {"ticks": 0}


def tick():
    state["ticks"] += 1
    if state["ticks"] > 2400:  # 2 min: the first report preview renders on the same worker, under load
        name = getattr(plan[0], "__name__", "?")
        review = find("ReviewWindow")
        if review is not None:
            out["review"] = {"message": review.comments.message.text(), "rows": review.model.rowCount()}
        print("TIMEOUT at " + name + " " + json.dumps(out, ensure_ascii=False), flush=True)
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


def _command(tmp_path: Path, db_url: str, user: str, mode: str, transfer_id: int) -> list[str]:
    driver = tmp_path / "scripted_user.py"
    driver.write_text(DRIVER, encoding="utf-8")
    return [sys.executable, str(driver), db_url, user, PASSWORD, mode, str(transfer_id)]


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


def _run(tmp_path: Path, db_url: str, user: str, mode: str, transfer_id: int = 0) -> dict[str, Any]:
    env = _env(tmp_path)
    done = subprocess.run(
        _command(tmp_path, db_url, user, mode, transfer_id),
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, f"{mode}: {done.stdout}\n{done.stderr}"
    line = next(x for x in done.stdout.splitlines() if x.startswith("STATE "))
    state: dict[str, Any] = json.loads(line[len("STATE ") :])
    return state


def test_escape_never_discards_and_the_return_with_comments_loop(
    qapp: QWidget, db_url: str, db: Database, legal: Actor, manager: Actor, tmp_path: Path
) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("the process test shares a database file")

    # 1. Escape.
    escape = _run(tmp_path, db_url, "lena", "escape")
    assert escape["popup_shown"] is True
    assert escape["after_popup"] == {"dialog": True, "wizard": True}  # Escape closed only the popup
    assert escape["question"] == {"text": "This new transfer cannot be saved yet.", "wizard_open": True}
    assert escape["kept"] == "Payroll to India 給与"  # Escape on the question: still editing
    assert escape["closed"] is True  # Discard closes
    assert register_search.search(db) == []

    # 2. The manager returns the submitted assessment from the Review screen.
    t, v1 = submitted_assessment(db, legal)
    back = _run(tmp_path, db_url, "max", "return")
    assert "returned to the assessor" in back["message"]
    assert service.get_assessment(db, v1.id).status is AssessmentStatus.RETURNED

    # 3. The assessor answers in the wizard.
    answer = _run(tmp_path, db_url, "lena", "answer", t.id)
    assert answer["listed"] == [
        "✎ 1 Personal data — Say which health data the tickets hold.",
        "✎ 3 Law and practice — Explain the step 3 conclusion further.",
    ]
    assert answer["marked"] == ["1 Personal data ✎", "3 Law and practice ✎"]
    assert " · version 2 · " in answer["title"]
    assert answer["complete"].startswith("Nothing is missing. 2 reviewer comment(s) above are still open")
    assert answer["jumped_to"] == "transfer.data"
    assert answer["data_comments"] == ["Say which health data the tickets hold."]
    assert answer["struck"] == ["Say which health data the tickets hold."]
    assert answer["overview"] == f"{t.reference}, version 2 — submitted for review"
    assert answer["listed_after"] == []
    v2 = service.latest_for_transfer(db, t.id)
    assert v2 is not None and v2.version_no == 2 and v2.status is AssessmentStatus.SUBMITTED
    dealt = service.comments_for(db, v2.id, open_only=False)
    assert [(c.resolved_by, c.version_no) for c in dealt] == [("Lena Legal", 1), ("Lena Legal", 1)]

    # 4. The manager compares version 2 with version 1.
    compare = _run(tmp_path, db_url, "max", "compare")
    assert compare["queue_version"] == "v2"
    assert compare["tab"] == "What changed since v1 (1)"
    assert compare["changes"] == [
        [
            "Law and practice (step 3)",
            "Step 3 reasoning",
            "",
            "FISA 702 reaches the importer as a cloud provider.",
            "FISA 702 reaches the importer as a cloud provider. FISA 702 reaches Cloud Desk as a remote "
            "computing service.",
        ]
    ]


def test_a_new_transfer_typed_before_the_process_is_killed_comes_back(
    qapp: QWidget, db_url: str, db: Database, legal: Actor, tmp_path: Path
) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("the process test shares a database file")
    proc = subprocess.Popen(
        _command(tmp_path, db_url, "lena", "kill", 0),
        cwd=ROOT,
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()  # blocks until the driver saw the copy kept (or the process ends)
        assert line.strip() == "KEPT", f"{line}{proc.stdout.read()}"
    finally:
        proc.kill()  # SIGKILL: no close handler, no flush
        proc.communicate(timeout=30)
    assert proc.returncode == -9
    assert register_search.search(db) == []  # never complete, so never in the register

    back = _run(tmp_path, db_url, "lena", "restore")
    assert back["title"] == "Payroll to India 給与"
    assert back["status"].startswith("Restored what you typed before the app closed.")
