"""Python's cycle collector never destroys a widget on a worker thread (ui/collector.py).

The suite used to die about once in seven runs inside Qt's event processing, after a test that ran the
threaded database worker. The cause shown here: with automatic collection on, a collection that a worker
thread's allocations trigger destroys a closed window that sits in a reference cycle, on that thread.
Each case runs in its own process, since destroying a widget off the GUI thread damages the heap.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from ui.collector import INTERVAL_MS

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import gc, sys, threading
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from ui.collector import GuiThreadCollector, collect_due

app = QApplication([])
gc.disable()
gc.collect()
guarded = sys.argv[1] == "guarded"
collector = GuiThreadCollector(app) if guarded else None
destroyed_on = []


class Dialog(QDialog):
    def __del__(self):  # runs on the thread that destroys the window
        destroyed_on.append(threading.current_thread().name)


def closed_window():
    dialog = Dialog()
    QPushButton("OK", dialog)
    dialog.actions_by_key = {"ok": dialog.accept}  # the window holds its own bound method: a cycle
    dialog.show()
    app.processEvents()
    dialog.close()


for _ in range(20):
    closed_window()
if not guarded:
    gc.enable()  # as the app had it after start-up


def work():  # what the database worker does: allocate, a lot
    junk = [[i] for i in range(200_000)]
    del junk


thread = threading.Thread(target=work, name="db-worker")
thread.start()
thread.join()
if guarded:
    assert not destroyed_on, destroyed_on
    gc.set_threshold(1)  # a collection is due at once
    collect_due()
print(sorted(set(destroyed_on)), len(destroyed_on))
"""


def _run(mode: str, tmp_path: Path) -> str:
    script = tmp_path / "collect.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(script), mode], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_automatic_collection_destroys_widgets_on_whichever_thread_allocates(tmp_path: Path) -> None:
    assert _run("automatic", tmp_path) == "['db-worker'] 20"


def test_with_the_collector_widgets_die_on_the_gui_thread_only(tmp_path: Path) -> None:
    assert _run("guarded", tmp_path) == "['MainThread'] 20"


def test_the_collector_refuses_to_run_off_the_gui_thread(qtbot: QtBot) -> None:
    import threading

    from ui.collector import collect_due

    errors: list[BaseException] = []

    def off_thread() -> None:
        try:
            collect_due()
        except RuntimeError as exc:
            errors.append(exc)

    thread = threading.Thread(target=off_thread)
    thread.start()
    thread.join()
    assert errors and "GUI thread only" in str(errors[0])


def test_after_start_up_collection_is_the_gui_timer_s_job(qtbot: QtBot) -> None:
    import gc

    from ui import app as app_module

    was_enabled = gc.isenabled()
    gc.enable()  # as if the entry point had not paused it: start-up must still turn it off
    try:
        app_module.startup_finished()
        collector = app_module._collector
        assert collector is not None and not gc.isenabled()
        assert collector._timer.isActive() and collector._timer.interval() == INTERVAL_MS
    finally:
        if app_module._collector is not None:
            app_module._collector.stop()
            app_module._collector.deleteLater()
            app_module._collector = None
        gc.unfreeze()
        (gc.enable if was_enabled else gc.disable)()
