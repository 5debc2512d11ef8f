"""Schema migrations at start-up: refuse a newer database, back up an SQLite file, upgrade to head."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from transfer_tool.errors import StorageError
from transfer_tool.storage.database import Database

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

log = logging.getLogger("transfer_tool.storage")
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(db: Database) -> AlembicConfig:
    from alembic.config import Config as AlembicConfig  # heavy: load on first use

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def head_revision(db: Database) -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(db)).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return str(row[0]) if row else None


def known_revisions(db: Database) -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(alembic_config(db)).walk_revisions()}


def check_not_newer(db: Database) -> None:
    current = current_revision(db)
    if current is not None and current not in known_revisions(db):
        raise StorageError(
            f"This database was written by a newer version of the transfer tool (schema {current}). "
            "Install the newer version to open it; nothing was changed."
        )


def backup_sqlite(source: Path, backup_dir: Path, label: str) -> Path:
    """Copy a live SQLite file with the online backup API (consistent even while in use)."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_dir / f"{source.stem}-{label}-{stamp}.sqlite3"
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    target.chmod(0o600)
    return target


def upgrade(db: Database, *, backup_dir: Path | None = None, sqlite_path: Path | None = None) -> Path | None:
    """Bring the schema to head. Returns the backup made before upgrading an existing SQLite file."""
    check_not_newer(db)
    current = current_revision(db)
    head = head_revision(db)
    if current == head:
        return None
    backup: Path | None = None
    if current is not None and sqlite_path is not None and sqlite_path.exists() and backup_dir is not None:
        backup = backup_sqlite(sqlite_path, backup_dir, f"before-{head}")
        log.info("backed up %s to %s before upgrading", sqlite_path, backup)
    from alembic import command

    cfg = alembic_config(db)
    try:
        with db.engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            conn.commit()
    except Exception as exc:
        hint = f" A copy of the database from before the upgrade is at {backup}." if backup else ""
        raise StorageError(f"Upgrading the database schema failed: {exc}.{hint}") from exc
    return backup


def downgrade(db: Database, revision: str) -> None:
    from alembic import command

    cfg = alembic_config(db)
    with db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
        conn.commit()
