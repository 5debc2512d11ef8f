"""Schema migrations at start-up: refuse a newer database, back up an SQLite file, upgrade to head."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from transfer_tool.errors import StorageError
from transfer_tool.i18n.engine_text import error_text
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


_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*=\s*(?:['\"]([^'\"]+)['\"]|None)", re.MULTILINE)


def shipped_revisions() -> dict[str, str | None]:
    """revision -> down_revision, read from the shipped migration files without importing Alembic
    (it costs a quarter of a second, and start-up only needs to know whether the schema is current)."""
    out: dict[str, str | None] = {}
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        text_ = path.read_text(encoding="utf-8")
        rev, down = _REVISION.search(text_), _DOWN.search(text_)
        if rev:
            out[rev.group(1)] = down.group(1) if down else None
    return out


def head_revision(db: Database) -> str:
    revisions = shipped_revisions()
    heads = set(revisions) - {d for d in revisions.values() if d}
    if len(heads) != 1:
        raise StorageError(
            error_text("The shipped migrations have {0} heads; reinstall the tool.", len(heads))
        )
    return heads.pop()


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return str(row[0]) if row else None


def known_revisions(db: Database) -> set[str]:
    return set(shipped_revisions())


def check_not_newer(db: Database) -> None:
    current = current_revision(db)
    if current is not None and current not in known_revisions(db):
        raise StorageError(
            error_text(
                "This database was written by a newer version of the transfer tool (schema {0}). "
                "Install the newer version to open it; nothing was changed.",
                current,
            )
        )


def backup_sqlite(source: Path, backup_dir: Path, label: str) -> Path:
    """Copy a live SQLite file with the online backup API (consistent even while in use)."""
    backup_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_dir / f"{source.stem}-{label}-{stamp}.sqlite3"
    os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))  # private from the first byte
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
        raise StorageError(error_text("Upgrading the database schema failed: {0}.{1}", exc, hint)) from exc
    return backup


def upgrade_to(db: Database, revision: str) -> None:
    """Bring an empty database to `revision` (a reference schema to compare a backup with)."""
    from alembic import command

    cfg = alembic_config(db)
    with db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        conn.commit()


def downgrade(db: Database, revision: str) -> None:
    from alembic import command

    cfg = alembic_config(db)
    with db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
        conn.commit()
