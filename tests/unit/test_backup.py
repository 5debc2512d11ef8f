"""Backups and restore of the SQLite database, and `transfer-tool backup/restore/check`, on real files."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import stat
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from tests import factories
from transfer_tool.accounts.permissions import Actor
from transfer_tool.cli import main
from transfer_tool.errors import StorageError, ValidationError
from transfer_tool.records import audit, backup
from transfer_tool.register import register_search, transfer_csv
from transfer_tool.runtime.config import Config, user_data_dir
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import AuditEvent, AuditHead


def _refs(db: Database) -> list[str]:
    return [r.reference for r in register_search.search(db)]


def _refs_in(path: Path) -> list[str]:
    with closing(sqlite3.connect(str(path))) as conn:
        return [r[0] for r in conn.execute("SELECT reference FROM transfer ORDER BY reference")]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _db_path(config: Config) -> Path:
    assert config.sqlite_path is not None
    return config.sqlite_path


# ---- backing up -------------------------------------------------------------------------------------


def test_a_backup_is_an_owner_only_self_contained_copy_in_the_data_folder(
    config: Config, live: Database, boss: Actor
) -> None:
    t = factories.transfer(live, boss)
    path = backup.backup_now(config, keep=3)
    assert path.parent == user_data_dir() / "backups"
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700
    assert _refs_in(path) == [t.reference]
    assert not Path(f"{path}-wal").exists()
    with closing(sqlite3.connect(str(path))) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert [b.path for b in backup.list_backups(config)] == [path]


def test_a_backup_taken_during_an_open_write_holds_only_committed_data(
    config: Config, live: Database, boss: Actor
) -> None:
    """The online backup API gives a consistent snapshot; a file copy could catch a half-written change."""
    t = factories.transfer(live, boss)
    writer = sqlite3.connect(str(_db_path(config)), isolation_level=None, timeout=10)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE transfer SET title = 'half-written' WHERE id = ?", (t.id,))
        path = backup.backup_now(config, keep=3)
        writer.execute("COMMIT")
    finally:
        writer.close()
    with closing(sqlite3.connect(str(path))) as conn:
        assert conn.execute("SELECT title FROM transfer").fetchone()[0] == "Customer support platform"


def test_routine_backups_are_pruned_to_keep_but_safety_copies_stay(config: Config, live: Database) -> None:
    first = backup.backup_now(config, keep=2)
    safety = backup._copy_to_backups(_db_path(config), backup.PRE_RESTORE_LABEL)
    second = backup.backup_now(config, keep=2)
    third = backup.backup_now(config, keep=2)
    assert [b.path for b in backup.list_backups(config)] == [third, second, safety]  # newest first
    assert not first.exists()


def test_keep_must_be_at_least_one(config: Config) -> None:
    with pytest.raises(ValidationError, match="at least one"):
        backup.backup_now(config, keep=0)


def test_daily_backup_runs_once_a_day(config: Config, live: Database) -> None:
    first = backup.daily_backup_if_due(config, keep=5)
    assert first is not None and "-daily-" in first.name
    assert backup.daily_backup_if_due(config, keep=5) is None
    later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=23)
    assert backup.daily_backup_if_due(config, keep=5, now=later) is None
    next_day = dt.datetime.now(dt.UTC) + dt.timedelta(hours=25)
    second = backup.daily_backup_if_due(config, keep=5, now=next_day)
    assert second is not None and second != first
    assert len(backup.list_backups(config)) == 2


def test_daily_backup_after_the_clock_went_back(config: Config, live: Database) -> None:
    assert backup.daily_backup_if_due(config, keep=5) is not None
    two_days_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=2)
    assert backup.daily_backup_if_due(config, keep=5, now=two_days_ago) is not None


def test_daily_backup_does_nothing_without_a_file_or_on_postgres(tmp_path: Path) -> None:
    assert backup.daily_backup_if_due(Config(f"sqlite:///{tmp_path / 'none.sqlite3'}"), keep=3) is None
    assert backup.daily_backup_if_due(Config("postgresql+psycopg://u:p@127.0.0.1/x"), keep=3) is None
    assert not (user_data_dir() / "backups").exists()


def test_postgres_backups_are_the_servers_job() -> None:
    pg = Config("postgresql+psycopg://u:p@127.0.0.1:5432/x")
    for call in (
        lambda: backup.backup_now(pg, keep=3),
        lambda: backup.list_backups(pg),
        lambda: backup.restore(pg, Path("whatever.sqlite3")),
    ):
        with pytest.raises(StorageError, match="pg_dump") as err:
            call()
        assert "server's job" in str(err.value)


def test_backup_of_a_missing_database_says_so(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="no database"):
        backup.backup_now(Config(f"sqlite:///{tmp_path / 'missing.sqlite3'}"), keep=3)


# ---- restoring ---------------------------------------------------------------------------------------


def test_restore_brings_back_the_backup_and_can_be_undone(
    config: Config, live: Database, boss: Actor
) -> None:
    a = factories.transfer(live, boss)
    saved = backup.backup_now(config, keep=5)
    b = factories.transfer(live, boss, destination="IN")
    assert _refs(live) == [a.reference, b.reference]

    before = backup.restore(config, saved)

    assert _refs(live) == [a.reference]  # the open Database sees the restored file
    assert before is not None and backup.PRE_RESTORE_LABEL in before.name
    assert _mode(before) == 0o600
    assert _refs_in(before) == [a.reference, b.reference]
    report = audit.verify(live)
    assert report.ok
    with live.read() as s:
        last = s.execute(select(AuditEvent).order_by(AuditEvent.seq.desc())).scalars().first()
        assert last is not None and last.action == "restore"
        assert last.after["restored_from"] == str(saved)
        assert last.after["pre_restore_copy"] == str(before)

    undo = backup.restore(config, before)
    assert undo is not None
    assert _refs(live) == [a.reference, b.reference]
    assert audit.verify(live).ok


def test_restore_onto_a_new_machine_with_no_database(config: Config, live: Database, tmp_path: Path) -> None:
    saved = backup.backup_now(config, keep=5)
    fresh = Config(f"sqlite:///{tmp_path / 'new-laptop' / 'transfer-tool.sqlite3'}")
    assert backup.restore(fresh, saved) is None
    path = _db_path(fresh)
    assert [c.ok for c in backup.sqlite_checks(path)] == [True, True]
    assert _mode(path) == 0o600


@pytest.mark.parametrize("damage", ["pages", "garbage"])
def test_restore_replaces_a_damaged_database_and_keeps_its_bytes(
    config: Config, live: Database, boss: Actor, damage: str
) -> None:
    """The case restore exists for: the live file is damaged (bad pages) or no database at all."""
    t = factories.transfer(live, boss)
    saved = backup.backup_now(config, keep=5)
    live.dispose()
    path = _db_path(config)
    for side in ("-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)
    data = bytearray(path.read_bytes())
    if damage == "pages":
        for n in range(3, 40):
            data[n * 4096 : n * 4096 + 64] = b"\xa5" * 64
    else:
        data = bytearray(b"\x13\x37" * 50_000)
    path.write_bytes(bytes(data))
    assert not all(c.ok for c in backup.sqlite_checks(path))

    before = backup.restore(config, saved)

    assert before is not None and before.read_bytes() == bytes(data)  # the damaged file, kept as it was
    assert [c.ok for c in backup.sqlite_checks(path)] == [True, True]
    assert _refs(live) == [t.reference]
    assert audit.verify(live).ok


def _snapshot(db: Database) -> tuple[str, int]:
    return transfer_csv.export_csv(db, Actor.system()), audit.verify(db).checked


def _sqlite_with(path: Path, statements: list[str]) -> Path:
    with closing(sqlite3.connect(str(path))) as conn:
        for sql in statements:
            conn.execute(sql)
        conn.commit()
    return path


def _tool_copy(config: Config, tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copyfile(backup.backup_now(config, keep=9), target)
    return target


def _not_sqlite(config: Config, tmp_path: Path) -> Path:
    path = tmp_path / "notes.sqlite3"
    path.write_text("transfer register, exported by hand\n", encoding="utf-8")
    return path


def _empty(config: Config, tmp_path: Path) -> Path:
    path = tmp_path / "empty.sqlite3"
    path.write_bytes(b"")
    return path


def _other_app(config: Config, tmp_path: Path) -> Path:
    return _sqlite_with(tmp_path / "other.sqlite3", ["CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)"])


def _no_revision(config: Config, tmp_path: Path) -> Path:
    return _sqlite_with(_tool_copy(config, tmp_path, "norev.sqlite3"), ["DELETE FROM alembic_version"])


def _newer(config: Config, tmp_path: Path) -> Path:
    return _sqlite_with(
        _tool_copy(config, tmp_path, "newer.sqlite3"),
        ["UPDATE alembic_version SET version_num='9999_future'"],
    )


def _broken_links(config: Config, tmp_path: Path) -> Path:
    return _sqlite_with(
        _tool_copy(config, tmp_path, "fk.sqlite3"),
        ["PRAGMA foreign_keys=OFF", "UPDATE transfer SET exporter_id = 99999"],
    )


def _corrupt(config: Config, tmp_path: Path) -> Path:
    path = _tool_copy(config, tmp_path, "corrupt.sqlite3")
    data = bytearray(path.read_bytes())
    page = 4096
    for n in range(3, min(40, len(data) // page)):  # scribble over many b-tree pages, keep the header
        data[n * page : n * page + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))
    return path


def _truncated(config: Config, tmp_path: Path) -> Path:
    path = _tool_copy(config, tmp_path, "cut.sqlite3")
    path.write_bytes(path.read_bytes()[: 4096 * 5 + 100])
    return path


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (_not_sqlite, "not an SQLite database"),
        (_empty, "not an SQLite database"),
        (_other_app, "not one of this tool's"),
        (_no_revision, "records no schema version"),
        (_newer, "newer version of the transfer tool (schema 9999_future)"),
        (_broken_links, "do not hang together"),
        (_corrupt, "damaged"),
        (_truncated, "damaged"),
    ],
)
def test_restore_refuses_what_is_not_a_sound_tool_database(
    config: Config,
    live: Database,
    boss: Actor,
    tmp_path: Path,
    make: Callable[[Config, Path], Path],
    words: str,
) -> None:
    factories.transfer(live, boss)
    bad = make(config, tmp_path)
    before = _snapshot(live)
    with pytest.raises(ValidationError) as err:
        backup.restore(config, bad)
    assert words in str(err.value)
    assert "Nothing was changed" in str(err.value)
    assert _snapshot(live) == before
    assert not [b for b in backup.list_backups(config) if b.label == backup.PRE_RESTORE_LABEL]
    assert not backup.staging_path(_db_path(config)).exists()


def test_restore_refuses_the_database_itself_and_a_missing_file(config: Config, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="the database in use itself"):
        backup.restore(config, _db_path(config))
    with pytest.raises(ValidationError, match="There is no file"):
        backup.restore(config, tmp_path / "nope.sqlite3")


# ---- checks and the command line --------------------------------------------------------------------


def test_sqlite_checks_name_what_is_wrong(
    config: Config, live: Database, boss: Actor, tmp_path: Path
) -> None:
    factories.transfer(live, boss)
    assert [(c.name, c.ok) for c in backup.sqlite_checks(_db_path(config))] == [
        ("integrity_check", True),
        ("foreign_key_check", True),
    ]
    assert [(c.name, c.ok) for c in backup.sqlite_checks(_broken_links(config, tmp_path))] == [
        ("integrity_check", True),
        ("foreign_key_check", False),
    ]
    corrupt = backup.sqlite_checks(_corrupt(config, tmp_path))
    assert [(c.name, c.ok) for c in corrupt] == [("integrity_check", False)]


def test_cli_backup_list_restore(
    config: Config, live: Database, boss: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    a = factories.transfer(live, boss)
    assert main(["--database", config.database_url, "backup", "--keep", "3"]) == 0
    out = capsys.readouterr().out
    assert "backup written:" in out and "readable by your account only" in out
    saved = backup.list_backups(config)[0].path
    assert str(saved) in out

    assert main(["--database", config.database_url, "backup", "--list"]) == 0
    assert str(saved) in capsys.readouterr().out

    factories.transfer(live, boss, destination="IN")
    assert main(["--database", config.database_url, "restore", str(saved)]) == 0
    out = capsys.readouterr().out
    pre = next(b for b in backup.list_backups(config) if b.label == backup.PRE_RESTORE_LABEL)
    assert f"restored {_db_path(config)} from {saved}" in out
    assert str(pre.path) in out and "to undo" in out
    assert _refs(live) == [a.reference]


def test_cli_restore_of_a_bad_file_exits_2_with_the_reason(
    config: Config, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", config.database_url, "restore", str(_not_sqlite(config, tmp_path))]) == 2
    assert "not an SQLite database" in capsys.readouterr().err


def test_cli_check_passes_and_prints_the_audit_head(
    config: Config, live: Database, boss: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    factories.transfer(live, boss)
    assert main(["--database", config.database_url, "check"]) == 0
    out = capsys.readouterr().out
    assert "integrity_check: ok" in out and "foreign_key_check: ok" in out
    with closing(sqlite3.connect(str(_db_path(config)))) as conn:
        n, head = conn.execute("SELECT last_seq, last_hash FROM audit_head").fetchone()
    assert f"head {n}:{head}" in out
    assert "check passed" in out


def test_cli_check_fails_on_a_tampered_audit_event(
    config: Config, live: Database, boss: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    factories.transfer(live, boss)
    _sqlite_with(_db_path(config), ["UPDATE audit_event SET actor_name = 'mallory' WHERE seq = 2"])
    assert main(["--database", config.database_url, "check"]) == 1
    captured = capsys.readouterr()
    assert "FAILED  audit chain" in captured.out and "event 2" in captured.out
    assert "check FAILED: audit chain" in captured.err


def test_cli_check_fails_on_broken_foreign_keys(
    config: Config, live: Database, boss: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    factories.transfer(live, boss)
    _sqlite_with(_db_path(config), ["PRAGMA foreign_keys=OFF", "UPDATE transfer SET importer_id = 4242"])
    assert main(["--database", config.database_url, "check"]) == 1
    captured = capsys.readouterr()
    assert "FAILED  foreign_key_check" in captured.out and "transfer row" in captured.out
    assert "check FAILED: foreign_key_check" in captured.err


def _rewrite_history(db: Database, seq: int, actor_name: str) -> None:
    """What an admin with write access can do: edit an event and recompute every hash after it."""
    with db.unit_of_work() as s:
        events = s.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars().all()
        prev = audit.GENESIS
        for ev in events:
            if ev.seq == seq:
                ev.actor_name = actor_name
            ev.prev_hash = prev
            ev.hash = audit.event_hash(
                seq=ev.seq,
                at=ev.at,
                actor_id=ev.actor_id,
                actor_name=ev.actor_name,
                action=ev.action,
                table_name=ev.table_name,
                record_id=ev.record_id,
                before=ev.before,
                after=ev.after,
                prev_hash=prev,
            )
            prev = ev.hash
        head = s.get(AuditHead, 1)
        assert head is not None
        head.last_hash = prev


def test_a_recorded_head_detects_a_consistent_rewrite_that_the_chain_alone_misses(
    config: Config, live: Database, boss: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    factories.transfer(live, boss)
    with closing(sqlite3.connect(str(_db_path(config)))) as conn:
        n, head = conn.execute("SELECT last_seq, last_hash FROM audit_head").fetchone()
    anchor = f"{n}:{head}"
    factories.transfer(live, boss, destination="IN")  # later, legitimate changes keep the anchor valid
    assert main(["--database", config.database_url, "check", "--expect-head", anchor]) == 0
    assert "audit anchor: event" in capsys.readouterr().out

    _rewrite_history(live, 2, "someone-else")
    assert audit.verify(live).ok  # the limit SECURITY.md states: a full rewrite verifies
    assert main(["--database", config.database_url, "check"]) == 0
    capsys.readouterr()
    assert main(["--database", config.database_url, "check", "--expect-head", anchor]) == 1
    captured = capsys.readouterr()
    assert f"event {n} has a different hash" in captured.out
    assert "check FAILED: audit anchor" in captured.err


def test_check_refuses_a_malformed_anchor(config: Config, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", config.database_url, "check", "--expect-head", "abc"]) == 2
    assert "N:HASH" in capsys.readouterr().err


def test_cli_check_on_either_backend(
    db: Database, db_url: str, admin: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    factories.transfer(db, admin)
    assert main(["--database", db_url, "check"]) == 0
    out = capsys.readouterr().out
    assert "audit chain: " in out and "events verified" in out and "check passed" in out
