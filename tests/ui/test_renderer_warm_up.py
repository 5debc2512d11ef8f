"""The app pays a process's first-render cost in the background once its main window is up (issue 21), so
the user's first "Generate PDF" is as fast as the second: `ui.app.warm_renderer` runs the renderer's warm-up
through `run_task` (never a raw thread), off the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from reportlab.pdfbase import pdfmetrics

from transfer_tool.report.fonts import FALLBACK_FONT, MAIN_FONT
from transfer_tool.runtime.config import ENV_CACHE_DIR
from ui.app import warm_renderer


def test_the_renderer_warms_up_on_a_background_task(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_CACHE_DIR, str(tmp_path / "cache"))
    owner = QWidget()
    qtbot.addWidget(owner)
    ran_on: list[threading.Thread] = []
    from transfer_tool.report import renderer

    real = renderer.warm_up

    def noting_the_thread() -> None:
        ran_on.append(threading.current_thread())
        real()

    monkeypatch.setattr(renderer, "warm_up", noting_the_thread)
    task = warm_renderer(owner)
    assert not task.finished  # the GUI thread went on at once
    qtbot.waitUntil(lambda: task.finished, timeout=60_000)
    assert task.error is None
    assert ran_on == [task.thread] and ran_on[0] is not threading.main_thread()
    assert {MAIN_FONT, FALLBACK_FONT} <= set(pdfmetrics.getRegisteredFontNames())
    owner.close()
