"""Fixtures of the backup and restore tests (test_backup.py, test_restore_guards.py): a live SQLite database in its
own folder, and its admin."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PASSWORD
from transfer_tool import users
from transfer_tool.config import Config
from transfer_tool.permissions import Actor
from transfer_tool.storage.database import Database


@pytest.fixture
def config(sqlite_template: Path, tmp_path: Path) -> Config:
    path = tmp_path / "live" / "transfer-tool.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(sqlite_template, path)
    return Config(f"sqlite:///{path}")


@pytest.fixture
def live(config: Config) -> Iterator[Database]:
    db = Database(config.database_url)
    yield db
    db.dispose()


@pytest.fixture
def boss(live: Database) -> Actor:
    return users.create_first_admin(live, "admin", "Ada Admin", PASSWORD).actor()
