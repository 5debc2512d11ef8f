"""Open the configured database for use: refuse a newer schema, back up, migrate, seed shipped data."""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session

from transfer_tool import catalog
from transfer_tool.errors import StorageError
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.paths import data_file
from transfer_tool.runtime.config import Config, user_data_dir
from transfer_tool.storage import migrate
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import OrgSetting

log = logging.getLogger("transfer_tool.init")

# Rooms that ship data register a seeder here (called in one transaction after migrations).
Seeder = Callable[[Session], object]
SEED_MARKER = "shipped_data.seeded"  # org_setting key: digest of the shipped data last seeded


def _seeders() -> list[Seeder]:
    from transfer_tool.countries import store as country_store

    return [catalog.seed, country_store.seed]


def _reason(exc: OperationalError) -> str:
    """The driver's reason in one line for the sentence around it: psycopg adds a hint on a line of its
    own ("Is the server running on that host ...?"), which the sentence already gives."""
    lines = str(exc.orig).strip().splitlines() or [type(exc.orig).__name__]
    return lines[0].rstrip(" .")


def _create_private(path: Path) -> None:
    """Create the SQLite file owner-only before SQLite does it with the umask (e.g. world-readable)."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    except OSError as exc:  # a read-only folder or disk, a folder of someone else's
        raise StorageError(
            error_text(
                "Cannot create the database {0}: {1}. Choose a folder you may write to "
                "(--database or TRANSFER_TOOL_DATABASE_URL).",
                path,
                exc.strerror or exc,
            )
        ) from exc


# The opened database as the front end holds it: it names this type, never the storage layer's, and only
# hands it to service calls (ui.workers.DbWorker.submit).
DatabaseHandle = Database


def open_database(config: Config, *, seed: bool = True, daily_backup: bool = False) -> Database:
    """Migrate and seed; with `daily_backup` (the app and the CLI), keep a daily copy of an SQLite file."""
    if config.sqlite_path is not None:
        from transfer_tool.records import backup as backups

        if backups.discard_interrupted_restore(config.sqlite_path):
            log.warning("removed the working copy of an interrupted restore; the database is as before")
        if daily_backup and config.sqlite_path.is_file():
            from transfer_tool.records import backup

            try:
                backup.daily_backup_if_due(config, keep=backup.DEFAULT_KEEP)
            except Exception as exc:  # a failed routine copy must not keep anyone out of their data
                log.warning("daily backup failed: %s", exc)
        _create_private(config.sqlite_path)
    db = Database(config.database_url, people_sign_in=True)
    try:
        migrate.upgrade(db, backup_dir=user_data_dir() / "backups", sqlite_path=config.sqlite_path)
    except OperationalError as exc:
        if db.people_sign_in and password_refused(exc):
            # Team mode: this sign-in is nobody's; each person connects as themself when signing in, and
            # `users.authenticate` checks the schema then (the DBA runs `transfer-tool init` on upgrades).
            log.info("team database: connecting when someone signs in (%s)", exc.orig)
            return db
        db.dispose()
        if config.sqlite_path is not None and _not_writable(exc):
            # No server, URL or password here: SQLite could not open or write the file (or the journal
            # it keeps beside it), as in a read-only folder.
            raise StorageError(
                error_text(
                    "Cannot open the database file {0}: {1}. You must be able to write to the file and "
                    "to its folder (SQLite keeps its journal beside the file); check the path and its "
                    "permissions (--database or TRANSFER_TOOL_DATABASE_URL).",
                    config.sqlite_path,
                    _reason(exc),
                )
            ) from exc
        where = config.sqlite_path or config.database_url.rsplit("@", 1)[-1]
        raise StorageError(
            error_text(
                "Cannot open the database at {0}: {1}. Check that the server is running and the "
                "URL, user and password are right (--database or TRANSFER_TOOL_DATABASE_URL).",
                where,
                _reason(exc),
            )
        ) from exc
    if seed:
        try:
            _seed_unless_seeded(db)
        except ProgrammingError as exc:
            if not db.people_sign_in:
                raise
            # A person's own sign-in may not write the shipped catalogues; the installer's `init` does.
            log.warning("shipped data not seeded with this sign-in (run `transfer-tool init`): %s", exc.orig)
    return db


def set_up_mappers() -> None:
    """The ORM's one-off set-up of every mapper (about 25 ms; otherwise the process's first ORM statement
    pays it), for the app to do ahead of need while it waits for something else."""
    from sqlalchemy.orm import configure_mappers

    configure_mappers()


def _not_writable(exc: OperationalError) -> bool:
    message = str(exc.orig)
    return "unable to open database file" in message or "readonly database" in message


def password_refused(exc: Exception) -> bool:
    """The server wants a password this connection did not give (or refused the one given)."""
    message = str(getattr(exc, "orig", exc))
    return "no password supplied" in message or "password authentication failed" in message


def _shipped_digest() -> str:
    """Changes when an upgrade ships new catalogue entries (the country seed only fills an empty
    database). Hashing the small file's bytes costs far less than parsing it and comparing rows."""
    return hashlib.sha256(data_file("catalogs.json").read_bytes()).hexdigest()[:16]


def _seed_unless_seeded(db: Database) -> None:
    # Every start used to load the shipped JSON and compare it with the tables (and import the country
    # store and its validators to do so); one read of a marker says whether that can be skipped.
    digest = _shipped_digest()
    # On the table, not the mapped class: an ORM statement first sets up every mapper (about 30 ms), which
    # a command may not need before its own work starts (`verify` has its file checked meanwhile).
    setting = OrgSetting.__table__.c
    with db.read() as s:
        if s.scalar(select(setting.value).where(setting.key == SEED_MARKER)) == digest:
            return
    with db.unit_of_work() as s:
        for seeder in _seeders():
            seeder(s)
        marker = s.get(OrgSetting, SEED_MARKER)
        if marker is None:
            s.add(OrgSetting(key=SEED_MARKER, value=digest))
        else:
            marker.value = digest
