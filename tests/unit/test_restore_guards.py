"""Restore refuses what it cannot vouch for, and a killed restore leaves a complete database (issue 17,
point 5). Real SQLite files; the killed restores are real processes killed with SIGKILL at each step."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from tests import factories
from transfer_tool.accounts.permissions import Actor
from transfer_tool.cli import main
from transfer_tool.errors import ValidationError
from transfer_tool.records import audit, backup
from transfer_tool.runtime.config import Config
from transfer_tool.storage.database import Database


def _path(config: Config) -> Path:
    assert config.sqlite_path is not None
    return config.sqlite_path


def _refs(path: Path) -> list[str]:
    with closing(sqlite3.connect(str(path))) as conn:
        return [r[0] for r in conn.execute("SELECT reference FROM transfer ORDER BY reference")]


def _last_action(path: Path) -> str:
    with closing(sqlite3.connect(str(path))) as conn:
        return str(conn.execute("SELECT action FROM audit_event ORDER BY seq DESC LIMIT 1").fetchone()[0])


def _edited_backup(config: Config, tmp_path: Path, statements: list[str]) -> Path:
    saved = backup.backup_now(config, keep=5)
    bad = tmp_path / "edited.sqlite3"
    shutil.copyfile(saved, bad)
    with closing(sqlite3.connect(str(bad))) as conn:
        for sql in statements:
            conn.execute(sql)
        conn.commit()
    return bad


PLANTED = {
    "trigger": "CREATE TRIGGER keep_approved AFTER UPDATE ON transfer BEGIN "
    "UPDATE transfer SET status = 'approved' WHERE id = NEW.id; DELETE FROM audit_event; END",
    "view": "CREATE VIEW everything AS SELECT * FROM user_account",
    "table": "CREATE TABLE notes (x TEXT)",
    "index": "CREATE INDEX ix_sneaky ON transfer (title)",
}


@pytest.mark.parametrize("kind", sorted(PLANTED))
def test_a_backup_with_objects_the_schema_does_not_define_is_refused(
    config: Config, live: Database, boss: Actor, tmp_path: Path, kind: str
) -> None:
    factories.transfer(live, boss)
    bad = _edited_backup(config, tmp_path, [PLANTED[kind]])
    factories.transfer(live, boss, destination="IN")
    before = _path(config).read_bytes()
    with pytest.raises(ValidationError, match="objects this tool's schema does not define") as refused:
        backup.restore(config, bad)
    assert kind in str(refused.value) and "Nothing was changed" in str(refused.value)
    assert _path(config).read_bytes() == before
    assert not backup.staging_path(_path(config)).exists()
    assert not [b for b in backup.list_backups(config) if b.label == backup.PRE_RESTORE_LABEL]


def test_a_backup_with_a_broken_audit_chain_is_refused_unless_accepted_and_then_recorded(
    config: Config, live: Database, boss: Actor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    t = factories.transfer(live, boss)
    bad = _edited_backup(config, tmp_path, ["UPDATE audit_event SET actor_name = 'mallory' WHERE seq = 2"])
    factories.transfer(live, boss, destination="IN")
    before = _path(config).read_bytes()
    url = config.database_url
    assert main(["--database", url, "restore", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "audit log does not verify" in err and "--accept-broken-audit" in err
    assert _path(config).read_bytes() == before

    assert main(["--database", url, "restore", str(bad), "--accept-broken-audit"]) == 0
    assert _refs(_path(config)) == [t.reference]
    with closing(sqlite3.connect(str(_path(config)))) as conn:
        after = conn.execute("SELECT after FROM audit_event ORDER BY seq DESC LIMIT 1").fetchone()[0]
    assert "BROKEN, restored with --accept-broken-audit" in after and "event 2" in after
    assert not audit.verify(live).ok  # the break stays visible; it is not papered over


def test_a_backup_without_its_audit_head_is_refused_before_anything_is_replaced(
    config: Config, live: Database, boss: Actor, tmp_path: Path
) -> None:
    t = factories.transfer(live, boss)
    headless = _edited_backup(config, tmp_path, ["DELETE FROM audit_head"])
    factories.transfer(live, boss, destination="IN")
    before = _path(config).read_bytes()
    with pytest.raises(ValidationError, match="audit head"):
        backup.restore(config, headless)
    assert _path(config).read_bytes() == before
    # Accepted: restored, the head re-anchored on the last event and the restore chained after it.
    backup.restore(config, headless, accept_broken_audit=True)
    assert _refs(_path(config)) == [t.reference] and _last_action(_path(config)) == "restore"
    assert audit.verify(live).ok


_KILLED_RESTORE = """
import os, signal, sys
from pathlib import Path
from transfer_tool.records import backup
from transfer_tool.runtime.config import Config

target = sys.argv[3]
def step(name):
    if name == target:
        os.kill(os.getpid(), signal.SIGKILL)
backup.restore(Config(sys.argv[1]), Path(sys.argv[2]), on_step=step)
"""


@pytest.mark.slow
@pytest.mark.timeout(600)
@pytest.mark.parametrize("at", backup.RESTORE_STEPS)
def test_a_restore_killed_at_each_step_leaves_one_complete_database_and_no_staging_file(
    config: Config, live: Database, boss: Actor, tmp_path: Path, at: str
) -> None:
    old = factories.transfer(live, boss)
    saved = backup.backup_now(config, keep=5)
    newer = factories.transfer(live, boss, destination="IN")
    live.dispose()
    done = subprocess.run(
        [sys.executable, "-c", _KILLED_RESTORE, config.database_url, str(saved), at],
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == -9, done.stderr
    path = _path(config)
    refs = _refs(path)
    if at == "swapped":  # killed after the copy: the restored database, with its event
        assert refs == [old.reference] and _last_action(path) == "restore"
    else:  # killed before: the old database as it was
        assert refs == [old.reference, newer.reference] and _last_action(path) != "restore"
    # The next start of the tool removes a killed restore's working copy; the database checks out.
    assert main(["--database", config.database_url, "check"]) == 0
    assert not any(p.exists() for p in backup._sidecars(backup.staging_path(path)))
