"""Open the configured database for use: refuse a newer schema, back up, migrate, seed shipped data."""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy.orm import Session

from transfer_tool import catalog
from transfer_tool.config import Config, user_data_dir
from transfer_tool.storage import migrate
from transfer_tool.storage.database import Database

log = logging.getLogger("transfer_tool.init")

# Rooms that ship data register a seeder here (called in one transaction after migrations).
Seeder = Callable[[Session], object]


def _seeders() -> list[Seeder]:
    from transfer_tool.countries import store as country_store

    return [catalog.seed, country_store.seed]


def open_database(config: Config, *, seed: bool = True) -> Database:
    db = Database(config.database_url)
    migrate.upgrade(db, backup_dir=user_data_dir() / "backups", sqlite_path=config.sqlite_path)
    if seed:
        with db.unit_of_work() as s:
            for seeder in _seeders():
                seeder(s)
    return db
