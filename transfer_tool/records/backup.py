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
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from transfer_tool.accounts.permissions import Actor
from transfer_tool.errors import StorageError, ValidationError
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.records import audit
from transfer_tool.runtime.config import DEFAULT_BACKUP_KEEP, Config, user_data_dir
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
        raise ValidationError(error_text("Keep at least one backup (asked to keep {0}).", keep))
    if label not in ROUTINE_LABELS:
        raise ValueError(
            error_text("backup label must be one of {0}, not {1}", sorted(ROUTINE_LABELS), repr(label))
        )
    db_file = _sqlite_file(config)
    if not db_file.is_file():
        raise StorageError(
            error_text("There is no database at {0} yet, so there is nothing to back up.", db_file)
        )
    try:
        target = _copy_to_backups(db_file, label)
    except sqlite3.Error as exc:
        raise StorageError(
            error_text(
                "The database at {0} could not be copied ({1}). Run `transfer-tool check` to see "
                "whether it is damaged.",
                db_file,
                exc,
            )
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
    return ValidationError(
        error_text("{0} cannot be restored: {1}. {2} Nothing was changed.", file.name, why, what_to_do)
    )


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


STAGING_SUFFIX = ".restoring"  # the restore's working copy, beside the database (same file system)
RESTORE_STEPS = ("staged", "checked", "kept", "prepared", "swapped")


def staging_path(db_file: Path) -> Path:
    return db_file.with_name(db_file.name + STAGING_SUFFIX)


def _sidecars(path: Path) -> tuple[Path, ...]:
    return (path, *(Path(f"{path}{suffix}") for suffix in ("-journal", "-wal", "-shm")))


def discard_interrupted_restore(db_file: Path) -> bool:
    """Remove the working copy of a restore that was killed before its last step (the database then is
    the old one, untouched). Called by every restore and whenever the tool opens the database."""
    leftovers = [p for p in _sidecars(staging_path(db_file)) if p.exists()]
    for path in leftovers:
        path.unlink(missing_ok=True)
    return bool(leftovers)


_REFERENCE_OBJECTS: dict[str, frozenset[tuple[str, str]]] = {}


def _schema_objects(conn: sqlite3.Connection) -> frozenset[tuple[str, str]]:
    rows = conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    return frozenset((str(t), str(n)) for t, n in rows)


def _reference_objects(revision: str, config: Config) -> frozenset[tuple[str, str]]:
    """The tables and indexes the tool's migrations create up to `revision` (built once per process)."""
    if revision not in _REFERENCE_OBJECTS:
        import tempfile

        with tempfile.TemporaryDirectory(prefix="tt-schema-") as folder:
            ref = Database(f"sqlite:///{Path(folder) / 'reference.sqlite3'}")
            try:
                migrate.upgrade_to(ref, revision)
            finally:
                ref.dispose()
            with closing(sqlite3.connect(str(Path(folder) / "reference.sqlite3"))) as conn:
                _REFERENCE_OBJECTS[revision] = _schema_objects(conn)
    return _REFERENCE_OBJECTS[revision]


def _check_schema_objects(staged: Path, revision: str, config: Config, original: Path) -> None:
    """Refuse a backup holding objects the tool's schema does not define: a trigger could rewrite rows
    or delete audit events later, a view or an extra table is nothing the tool made."""
    with closing(sqlite3.connect(str(staged))) as conn:
        found = _schema_objects(conn)
    extra = sorted(found - _reference_objects(revision, config))
    if extra:
        named = ", ".join(f"{kind} {name}" for kind, name in extra[:10])
        raise _refuse(
            original,
            f"it holds objects this tool's schema does not define ({named}); someone added them outside "
            "the tool",
            "Choose a backup the tool made.",
        )


def _check_audit(staged: Path, original: Path, accept_broken: bool) -> str:
    """The backup's audit chain, verified before anything is replaced. "" when intact; the failure when
    broken and the admin accepted it (the restore event records it); refused otherwise."""
    db = Database(f"sqlite:///{staged}")
    try:
        report = audit.verify(db)
    finally:
        db.dispose()
    if report.ok:
        return ""
    if not accept_broken:
        raise _refuse(
            original,
            f"its audit log does not verify ({report.summary()})",
            "Choose an older backup, or restore it anyway with --accept-broken-audit (the restore is "
            "then recorded with the break).",
        )
    return report.summary()


def _prepare(
    staged: Path, config: Config, file: Path, revision: str, before: Path | None, broken_chain: str
) -> None:
    """Bring the working copy to the current schema and record the restore in its own audit log, so the
    database that lands is complete with its event."""
    db = Database(f"sqlite:///{staged}")
    try:
        migrate.upgrade(db, backup_dir=backup_dir(), sqlite_path=staged)
        with db.unit_of_work() as s:
            if broken_chain:
                _reanchor_head(s)
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
                    "audit_chain": f"BROKEN, restored with --accept-broken-audit: {broken_chain}"
                    if broken_chain
                    else "verified",
                },
            )
    finally:
        db.dispose()


def _reanchor_head(session: Any) -> None:
    """After an accepted broken chain: point a missing or wrong head at the last event, so the restore
    event is chained after what the backup holds (the break itself stays visible to `audit verify`)."""
    from sqlalchemy import select

    from transfer_tool.storage.models.core import AuditEvent, AuditHead

    last = session.execute(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).scalar_one_or_none()
    head = session.get(AuditHead, 1)
    if head is None:
        head = AuditHead(id=1, last_seq=0, last_hash=audit.GENESIS)
        session.add(head)
    if last is not None:
        head.last_seq, head.last_hash = last.seq, last.hash
    session.flush()


def _copy_in(source: Path, db_file: Path) -> None:
    """Copy the prepared database into the live file with SQLite's backup API: one write transaction
    on the destination, so a process killed during the copy leaves the old database (its journal rolls
    the half-written pages back) and connections already open see the new content."""
    if db_file.exists() and not _writable_database(db_file):
        # Not a database any more (overwritten, header lost): its bytes are in the pre-restore copy,
        # so start from an empty file rather than refuse the one way out.
        for path in _sidecars(db_file):
            path.unlink(missing_ok=True)
    if not db_file.exists():
        db_file.parent.mkdir(parents=True, exist_ok=True)
        _create_private(db_file)
    _online_copy(source, db_file)
    with closing(sqlite3.connect(str(db_file))) as conn:
        conn.execute("PRAGMA journal_mode=WAL")  # how the tool runs it (storage.database)


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
    """Whether SQLite can open the file as a database, even one with bad pages."""
    try:
        with closing(sqlite3.connect(str(db_file))) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlite3.DatabaseError:
        return False


def restore(
    config: Config,
    file: Path,
    *,
    accept_broken_audit: bool = False,
    on_step: Callable[[str], None] | None = None,
) -> Path | None:
    """Replace the SQLite database with a backup, after checking everything about the backup first.

    Order: the backup is copied to a working file beside the database and checked there (SQLite
    integrity and foreign keys, the tool's tables and a known schema version, no object the schema does
    not define, the audit chain); only then is the current database copied to the backups folder
    (label `before-restore`: restoring that copy undoes the restore); the working copy is upgraded and
    gets its `restore` event; and SQLite's backup API copies it into the live file in one transaction. A restore killed at any point
    leaves the old database or the new one, complete with its event; a working file left by a killed
    restore is removed by the next restore or the next start of the tool. `on_step` is told each
    step's name (RESTORE_STEPS) as it completes. Returns the pre-restore copy (None when there was no
    database)."""
    step = on_step or (lambda _name: None)
    db_file = _sqlite_file(config)
    file = Path(file)
    discard_interrupted_restore(db_file)
    if not file.is_file():
        raise ValidationError(error_text("There is no file at {0}. Nothing was changed.", file))
    if db_file.exists() and file.resolve() == db_file.resolve():
        raise _refuse(file, "it is the database in use itself")
    if not _looks_like_sqlite(file):
        raise _refuse(file, "it is not an SQLite database, so it is not a backup made by this tool")
    db_file.parent.mkdir(parents=True, exist_ok=True)
    staged = staging_path(db_file)
    try:
        _create_private(staged)
        try:
            _online_copy(file, staged, read_only_source=True)
            _seal(staged)
        except sqlite3.DatabaseError as exc:
            raise _refuse(
                file, f"the file is damaged or not a database ({exc})", "Choose an older backup."
            ) from exc
        step("staged")
        revision = _tool_revision(staged, file)
        _check_known(revision, config, file)
        _check_schema_objects(staged, revision, config, file)
        broken_chain = _check_audit(staged, file, accept_broken_audit)
        step("checked")
        before = _keep_current(db_file)
        step("kept")
        _prepare(staged, config, file, revision, before, broken_chain)
        failed = [c for c in sqlite_checks(staged) if not c.ok]
        if failed:
            raise StorageError(
                error_text(
                    "The restored copy failed its check ({0}: {1}); the database was not replaced.",
                    failed[0].name,
                    failed[0].detail,
                )
            )
        step("prepared")
        _copy_in(staged, db_file)  # the one step that changes the live database: one transaction
        step("swapped")
    except sqlite3.Error as exc:
        raise StorageError(
            error_text("Restoring {0} failed ({1}); the database was not replaced.", file.name, exc)
        ) from exc
    finally:
        for leftover in _sidecars(staged):
            leftover.unlink(missing_ok=True)
    return before
