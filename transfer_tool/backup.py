"""Backups of the SQLite database and restoring one: online copies, owner-only, checked before and after.

A PostgreSQL database is backed up by its server (pg_dump); the tool says so and refuses rather than
pretend. Backups live in `user_data_dir()/backups` as `<db stem>-<label>-<UTC stamp>.sqlite3`, the same
names the start-up migration uses for its pre-upgrade copy. Routine copies (`daily`, `manual`) are
pruned to the newest `keep`; safety copies (taken before an upgrade or a restore) are never pruned,
because they are the only way to undo that step.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from transfer_tool import audit
from transfer_tool.config import DEFAULT_BACKUP_KEEP, Config, user_data_dir
from transfer_tool.errors import StorageError, ValidationError
from transfer_tool.permissions import Actor
from transfer_tool.storage import migrate
from transfer_tool.storage.database import Database

BACKUP_DIR_NAME = "backups"
DEFAULT_KEEP = DEFAULT_BACKUP_KEEP
DAILY = dt.timedelta(hours=24)
ROUTINE_LABELS = frozenset({"daily", "manual"})
PRE_RESTORE_LABEL = "before-restore"
SQLITE_MAGIC = b"SQLite format 3\x00"
# Tables every version of the tool's schema has (revision 0001 onwards): how a backup is recognised.
TOOL_TABLES = frozenset(
    {"alembic_version", "audit_event", "audit_head", "destination", "entity", "transfer", "user_account"}
)
_STAMP = "%Y%m%dT%H%M%S%fZ"
_STAMP_RE = r"\d{8}T\d{12}Z"
_CLOCK_SLACK = dt.timedelta(hours=1)  # a newest backup "from the future" means the clock moved: back up

POSTGRES_MESSAGE = (
    "This database is on a PostgreSQL server: backups and restores are the server's job (pg_dump and "
    "pg_restore, or the host's snapshots). The tool backs up only its own SQLite file; nothing was done."
)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file of the configured database."""

    path: Path
    label: str  # daily, manual, before-restore, before-<revision>
    created_at: dt.datetime  # UTC, from the file name (not the file's mtime, which copies change)
    size: int

    @property
    def routine(self) -> bool:
        return self.label in ROUTINE_LABELS


@dataclass(frozen=True)
class CheckResult:
    """One named check of a database: SQLite integrity_check, foreign_key_check, the audit chain."""

    name: str
    ok: bool
    detail: str


# ---- where and what -------------------------------------------------------------------------------


def backup_dir() -> Path:
    """The backups folder, created owner-only (the copies hold everything the database holds)."""
    path = user_data_dir() / BACKUP_DIR_NAME
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(0o700)
    return path


def _sqlite_file(config: Config) -> Path:
    if not config.is_sqlite:
        raise StorageError(POSTGRES_MESSAGE)
    path = config.sqlite_path
    if path is None:
        raise StorageError("An in-memory database has no file to back up or restore.")
    return path


def _name_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}-(?P<label>.+)-(?P<stamp>{_STAMP_RE})\.sqlite3$")


def _backups_of(db_file: Path) -> list[BackupInfo]:
    folder = user_data_dir() / BACKUP_DIR_NAME
    if not folder.is_dir():
        return []
    pattern = _name_pattern(db_file.stem)
    found = []
    for entry in folder.iterdir():
        m = pattern.match(entry.name)
        if m is None or not entry.is_file():
            continue
        created = dt.datetime.strptime(m["stamp"], _STAMP).replace(tzinfo=dt.UTC)
        found.append(BackupInfo(entry, m["label"], created, entry.stat().st_size))
    return sorted(found, key=lambda b: (b.created_at, b.path.name), reverse=True)


def list_backups(config: Config) -> list[BackupInfo]:
    """Every backup of the configured database, newest first (routine and safety copies)."""
    return _backups_of(_sqlite_file(config))


# ---- copying ----------------------------------------------------------------------------------------


def _create_private(path: Path) -> None:
    """Create an empty owner-only file, so the copy is never readable by others, not even briefly."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    path.chmod(0o600)  # explicit, whatever the umask


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=10)


def _online_copy(source: Path, target: Path, *, read_only_source: bool = False) -> None:
    """Copy a database that may be in use with SQLite's online backup API (a consistent snapshot)."""
    src = _read_only(source) if read_only_source else sqlite3.connect(str(source), timeout=10)
    with closing(src), closing(sqlite3.connect(str(target), timeout=10)) as dst:
        src.backup(dst)


def _seal(path: Path) -> None:
    """Make a copy self-contained (one file, no -wal sidecar) so it can be moved or mailed as it is."""
    with closing(sqlite3.connect(str(path))) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")


def _new_copy(db_file: Path, label: str) -> Path:
    folder = backup_dir()
    while True:
        stamp = dt.datetime.now(dt.UTC).strftime(_STAMP)
        target = folder / f"{db_file.stem}-{label}-{stamp}.sqlite3"
        try:
            _create_private(target)
        except FileExistsError:  # two copies in the same microsecond: take the next stamp
            continue
        return target


def _copy_to_backups(db_file: Path, label: str) -> Path:
    target = _new_copy(db_file, label)
    try:
        _online_copy(db_file, target)
        _seal(target)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


def _prune(db_file: Path, keep: int) -> list[Path]:
    routine = [b for b in _backups_of(db_file) if b.routine]
    removed = []
    for old in routine[keep:]:
        old.path.unlink(missing_ok=True)
        removed.append(old.path)
    return removed


def backup_now(config: Config, keep: int, *, label: str = "manual") -> Path:
    """Copy the live SQLite database into the backups folder; keep the newest `keep` routine copies."""
    if keep < 1:
        raise ValidationError(f"Keep at least one backup (asked to keep {keep}).")
    if label not in ROUTINE_LABELS:
        raise ValueError(f"backup label must be one of {sorted(ROUTINE_LABELS)}, not {label!r}")
    db_file = _sqlite_file(config)
    if not db_file.is_file():
        raise StorageError(f"There is no database at {db_file} yet, so there is nothing to back up.")
    try:
        target = _copy_to_backups(db_file, label)
    except sqlite3.Error as exc:
        raise StorageError(
            f"The database at {db_file} could not be copied ({exc}). Run `transfer-tool check` to see "
            "whether it is damaged."
        ) from exc
    _prune(db_file, keep)
    return target


def daily_backup_if_due(config: Config, keep: int, now: dt.datetime | None = None) -> Path | None:
    """At start-up: back up when the newest routine backup is a day old or there is none.

    Quietly does nothing for PostgreSQL (the server's job) or when no database file exists yet."""
    if not config.is_sqlite or config.sqlite_path is None or not config.sqlite_path.is_file():
        return None
    now = now or dt.datetime.now(dt.UTC)
    routine = [b for b in _backups_of(config.sqlite_path) if b.routine]
    if routine:
        age = now - routine[0].created_at
        if -_CLOCK_SLACK <= age < DAILY:
            return None
    return backup_now(config, keep, label="daily")


# ---- checking ----------------------------------------------------------------------------------------


def _integrity(conn: sqlite3.Connection) -> CheckResult:
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(20)")]
    except sqlite3.DatabaseError as exc:
        return CheckResult("integrity_check", False, str(exc))
    if rows == ["ok"]:
        return CheckResult("integrity_check", True, "ok")
    return CheckResult("integrity_check", False, "; ".join(rows[:5]) + (" ..." if len(rows) > 5 else ""))


def _foreign_keys(conn: sqlite3.Connection) -> CheckResult:
    try:
        rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return CheckResult("foreign_key_check", False, str(exc))
    if not rows:
        return CheckResult("foreign_key_check", True, "ok")
    table, rowid, parent, _ = rows[0]
    return CheckResult(
        "foreign_key_check",
        False,
        f"{len(rows)} row(s) point at missing rows; first: {table} row {rowid} -> {parent}",
    )


def sqlite_checks(path: Path) -> list[CheckResult]:
    """SQLite's integrity_check and foreign_key_check on a database file, read-only."""
    if not path.is_file():
        return [CheckResult("integrity_check", False, f"there is no database file at {path}")]
    try:
        conn = _read_only(path)
    except sqlite3.Error as exc:
        return [CheckResult("integrity_check", False, f"the file cannot be opened: {exc}")]
    with closing(conn):
        integrity = _integrity(conn)
        if not integrity.ok:
            return [integrity]  # foreign keys of a damaged file mean nothing
        return [integrity, _foreign_keys(conn)]


def check_database(config: Config) -> list[CheckResult]:
    """The storage checks that apply to the configured database (the audit chain is checked apart)."""
    if not config.is_sqlite:
        return [
            CheckResult(
                "storage",
                True,
                "PostgreSQL checks its own storage and enforces foreign keys; nothing to check here",
            )
        ]
    return sqlite_checks(_sqlite_file(config))


# ---- restoring ---------------------------------------------------------------------------------------


def _refuse(file: Path, why: str, what_to_do: str = "Choose another backup file.") -> ValidationError:
    return ValidationError(f"{file.name} cannot be restored: {why}. {what_to_do} Nothing was changed.")


def _looks_like_sqlite(file: Path) -> bool:
    with file.open("rb") as fh:
        return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def _tool_revision(staged: Path, original: Path) -> str:
    """The alembic revision of a staged copy, after checking it is the tool's database and sound."""
    with closing(sqlite3.connect(str(staged))) as conn:
        integrity = _integrity(conn)
        if not integrity.ok:
            raise _refuse(
                original,
                f"the file is damaged (SQLite integrity check: {integrity.detail})",
                "Choose an older backup.",
            )
        tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        missing = sorted(TOOL_TABLES - tables)
        if missing:
            raise _refuse(
                original,
                f"it is an SQLite database but not one of this tool's (it lacks the tables {', '.join(missing)})",
            )
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None:
            raise _refuse(original, "it is not one of this tool's databases (it records no schema version)")
        keys = _foreign_keys(conn)
        if not keys.ok:
            raise _refuse(
                original, f"its rows do not hang together ({keys.detail})", "Choose an older backup."
            )
        return str(row[0])


def _check_known(revision: str, config: Config, original: Path) -> None:
    db = Database(config.database_url)  # only for the migration scripts' location; never connected
    try:
        known = migrate.known_revisions(db)
    finally:
        db.dispose()
    if revision not in known:
        raise _refuse(
            original,
            f"it was written by a newer version of the transfer tool (schema {revision})",
            "Install that version to restore it.",
        )


@contextmanager
def _staged(file: Path) -> Iterator[Path]:
    """A private copy of the file to restore: checked, then copied in, so what is checked is what lands."""
    staged = backup_dir() / f".restore-staging-{dt.datetime.now(dt.UTC).strftime(_STAMP)}.sqlite3"
    _create_private(staged)
    try:
        try:
            _online_copy(file, staged, read_only_source=True)
            _seal(staged)
        except sqlite3.DatabaseError as exc:
            raise _refuse(
                file, f"the file is damaged or not a database ({exc})", "Choose an older backup."
            ) from exc
        yield staged
    finally:
        for leftover in (staged, Path(f"{staged}-journal"), Path(f"{staged}-wal"), Path(f"{staged}-shm")):
            leftover.unlink(missing_ok=True)


def _keep_current(db_file: Path) -> Path | None:
    """Copy the database about to be replaced. A damaged one cannot be read page by page: copy its bytes."""
    if not db_file.is_file():
        return None
    try:
        return _copy_to_backups(db_file, PRE_RESTORE_LABEL)
    except sqlite3.DatabaseError:
        target = _new_copy(db_file, PRE_RESTORE_LABEL)
        shutil.copyfile(db_file, target)
        wal = Path(f"{db_file}-wal")
        if wal.is_file():
            shutil.copyfile(wal, Path(f"{target}-wal"))
            Path(f"{target}-wal").chmod(0o600)
        return target


def _writable_database(db_file: Path) -> bool:
    """Whether the backup API can write into the file: an SQLite database, even one with bad pages."""
    try:
        with closing(sqlite3.connect(str(db_file))) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlite3.DatabaseError:
        return False


def _copy_in(source: Path, db_file: Path) -> None:
    if db_file.exists() and not _writable_database(db_file):
        # Not a database any more (overwritten, header lost): its bytes are in the pre-restore copy,
        # so start from an empty file rather than refuse the one way out.
        for path in (db_file, *(Path(f"{db_file}{s}") for s in ("-wal", "-shm", "-journal"))):
            path.unlink(missing_ok=True)
    if not db_file.exists():
        db_file.parent.mkdir(parents=True, exist_ok=True)
        _create_private(db_file)
    _online_copy(source, db_file)
    with closing(sqlite3.connect(str(db_file))) as conn:
        conn.execute("PRAGMA journal_mode=WAL")  # how the tool runs it (storage.database)


def _record_restore(config: Config, file: Path, revision: str, before: Path | None) -> None:
    db = Database(config.database_url)
    try:
        migrate.upgrade(db, backup_dir=backup_dir(), sqlite_path=config.sqlite_path)
        with db.unit_of_work() as s:
            audit.record(
                s,
                Actor.system(),
                "restore",
                "database",
                "*",
                None,
                {
                    "restored_from": str(file),
                    "schema": revision,
                    "pre_restore_copy": str(before) if before else None,
                    "os_user": getpass.getuser(),
                },
            )
    finally:
        db.dispose()


def restore(config: Config, file: Path) -> Path | None:
    """Replace the SQLite database with a backup, after checking the backup is the tool's and sound.

    The current database is first copied to the backups folder (label `before-restore`): restoring that
    copy undoes the restore. Returns that copy, or None when there was no database to replace. The
    restore is recorded in the (restored) audit log, and an older schema is upgraded on the spot."""
    db_file = _sqlite_file(config)
    file = Path(file)
    if not file.is_file():
        raise ValidationError(f"There is no file at {file}. Nothing was changed.")
    if db_file.exists() and file.resolve() == db_file.resolve():
        raise _refuse(file, "it is the database in use itself")
    if not _looks_like_sqlite(file):
        raise _refuse(file, "it is not an SQLite database, so it is not a backup made by this tool")
    with _staged(file) as staged:
        revision = _tool_revision(staged, file)
        _check_known(revision, config, file)
        before = _keep_current(db_file)
        try:
            _copy_in(staged, db_file)
        except sqlite3.Error as exc:
            kept = f"The database from before is kept at {before}." if before else ""
            raise StorageError(f"Copying {file.name} into {db_file} failed ({exc}). {kept}") from exc
    failed = [c for c in sqlite_checks(db_file) if not c.ok]
    if failed:
        if before is not None:
            _online_copy(before, db_file)
        put_back = (
            f"the previous database was put back (copy at {before})" if before else "nothing to put back"
        )
        raise StorageError(
            f"The restored database failed its check ({failed[0].name}: {failed[0].detail}); {put_back}."
        )
    _record_restore(config, file, revision, before)
    return before
