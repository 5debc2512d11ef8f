"""UI fixtures: a synchronous worker over the test database, settings in a temporary INI file, services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.ui.seed import realistic_register
from transfer_tool.accounts.permissions import Actor
from transfer_tool.countries import store
from transfer_tool.storage.database import Database
from ui.main_window import MainWindow
from ui.services import Services
from ui.settings import Settings
from ui.workers import DbWorker

TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_settings(settings_path: Path) -> Callable[[], Settings]:
    """A new Settings object on the same file each call (what a restart of the app would read)."""

    def make() -> Settings:
        return Settings(QSettings(str(settings_path), QSettings.Format.IniFormat))

    return make


@pytest.fixture
def settings(make_settings: Callable[[], Settings]) -> Settings:
    return make_settings()


@pytest.fixture
def worker(db: Database, qapp: object) -> Iterator[DbWorker]:
    w = DbWorker(db, synchronous=True)
    yield w
    w.shutdown()


@pytest.fixture
def make_services(worker: DbWorker, settings: Settings) -> Callable[..., Services]:
    def make(actor: Actor, language: str = "en", settings_: Settings | None = None) -> Services:
        return Services(
            worker=worker,
            settings=settings_ or settings,
            actor=actor,
            language=language,
            country_names=store.names(),
            today=lambda: TODAY,
        )

    return make


@pytest.fixture
def seeded(db: Database, admin: Actor) -> list[int]:
    """30 transfers with varied statuses (see tests/ui/seed.py)."""
    return realistic_register(db, admin, 30)


@pytest.fixture
def make_window(qtbot: QtBot, make_services: Callable[..., Services]) -> Callable[..., MainWindow]:
    def make(actor: Actor, **kw: Any) -> MainWindow:  # settings, language, and MainWindow's own
        settings_ = kw.pop("settings", None)
        language = str(kw.pop("language", "en"))
        services = make_services(actor, language, settings_)
        window = MainWindow(services, **kw)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make
