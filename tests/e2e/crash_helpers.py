"""Helpers for the crash tests: the child processes that get killed, and the parent's checks.

The child is `python -m tests.e2e.crash_helpers MODE DATABASE_URL ARG`. It opens the database, prints
`ready` (flushed), then does its work and prints `done`; the autosave mode instead saves a counter in a
loop and prints `ack N` after each commit. Modes:

- `countries FILE`: import a country-data file as the system (admin) actor;
- `csv FILE`: import a CSV register as the legal user `lena`;
- `autosave ASSESSMENT_ID`: save the draft's procedural notes as "autosave N", N = 1, 2, ... as `lena`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select, text

from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.records import audit
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment
from transfer_tool.storage.models.core import AuditEvent, Entity, OrgSetting, Transfer
from transfer_tool.storage.models.countries import DestinationRecord, DestinationVersion, ReassessmentFlag

# The child imports only what its mode needs (the assessment service pulls in the PDF renderer): a
# shorter start-up leaves more of each run to the work being killed.
DATASET_KEY = "country_data.dataset_version"  # transfer_tool.countries.store.DATASET_KEY

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"  # the test users' password (tests/conftest.py)
AUTOSAVE_PREFIX = "autosave "


# ---- the child ------------------------------------------------------------------------------------------


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _lena(db: Database) -> Actor:
    return users.authenticate(db, "lena", PASSWORD).actor()


def child_main(argv: list[str]) -> int:
    mode, url, arg = argv
    db = Database(url)
    if mode == "countries":
        from transfer_tool.countries import store as country_store

        raw = Path(arg).read_bytes()
        _say("ready")
        country_store.import_document(db, Actor.system(), raw, reason="crash test import")
    elif mode == "csv":
        from transfer_tool.register import register_import

        raw = Path(arg).read_bytes()
        actor = _lena(db)
        _say("ready")
        register_import.import_csv(db, actor, raw)
    elif mode == "autosave":
        from transfer_tool.assessment import service

        actor = _lena(db)
        a = service.get_assessment(db, int(arg))
        _say("ready")
        n = 0
        while True:
            n += 1
            record = dataclasses.replace(a.record, procedural_notes=f"{AUTOSAVE_PREFIX}{n}")
            a = service.save_draft(db, actor, a.id, record, a.row_version, page=f"page-{n % 7}")
            _say(f"ack {n}")
    else:
        raise SystemExit(f"unknown mode {mode}")
    _say("done")
    return 0


# ---- the parent: run a child and kill it ----------------------------------------------------------------


@dataclass
class ChildRun:
    lines: list[str] = field(default_factory=list)
    ready_at: float | None = None
    done_at: float | None = None
    killed: bool = False

    @property
    def work_seconds(self) -> float:
        """From `ready` to `done`: how long the work itself took."""
        assert self.ready_at is not None and self.done_at is not None
        return self.done_at - self.ready_at

    @property
    def finished(self) -> bool:
        return "done" in self.lines

    @property
    def last_ack(self) -> int:
        acks = [int(x.split()[1]) for x in self.lines if x.startswith("ack ")]
        return max(acks, default=0)


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_child(mode: str, url: str, arg: str, *, kill_after: float | None, timeout: float = 60.0) -> ChildRun:
    """Start the child; SIGKILL it `kill_after` seconds after it printed `ready` (None: let it finish)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.crash_helpers", mode, url, arg],
        cwd=ROOT,
        env=_child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    run = ChildRun()
    ready = threading.Event()
    assert proc.stdout is not None

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            run.lines.append(line.strip())
            if line.strip() == "ready":
                run.ready_at = time.monotonic()
                ready.set()
            elif line.strip() == "done":
                run.done_at = time.monotonic()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        if not ready.wait(timeout):
            raise AssertionError(f"{mode} child never got ready: {proc.stderr.read() if proc.stderr else ''}")
        if kill_after is None:
            proc.wait(timeout)
        else:
            deadline = (run.ready_at or time.monotonic()) + kill_after
            while proc.poll() is None and time.monotonic() < deadline:
                time.sleep(min(0.005, max(0.0, deadline - time.monotonic())))
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                run.killed = True
            proc.wait(timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    reader.join(timeout)
    err = proc.stderr.read() if proc.stderr else ""
    if not run.killed and proc.returncode != 0:
        raise AssertionError(f"{mode} child failed ({proc.returncode}): {err[-2000:]}")
    return run


# ---- the parent: what a database holds after a restart --------------------------------------------------


def sqlite_file_checks(path: Path) -> tuple[str, list[tuple[object, ...]]]:
    """`PRAGMA integrity_check` and `foreign_key_check`, on a fresh connection (which replays the WAL)."""
    conn = sqlite3.connect(path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        foreign = conn.execute("PRAGMA foreign_key_check").fetchall()
        return str(integrity), foreign
    finally:
        conn.close()


def _digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def country_state(db: Database) -> str:
    """Everything a country import changes (ids and timestamps left out: a rolled-back PostgreSQL
    transaction still uses up sequence numbers)."""
    with db.read() as s:
        dests = [(r.code, r.version, r.data) for r in s.execute(select(DestinationRecord)).scalars()]
        versions = s.scalar(select(func.count()).select_from(DestinationVersion))
        flags = sorted(
            (ref, f.destination, f.regime, f.kind, f.reason)
            for f, ref in s.execute(
                select(ReassessmentFlag, Transfer.reference).join(
                    Transfer, Transfer.id == ReassessmentFlag.transfer_id
                )
            )
        )
        flagged = sorted(
            s.execute(select(Transfer.reference).where(Transfer.reassessment_needed.is_(True))).scalars()
        )
        dataset = s.get(OrgSetting, DATASET_KEY)
        events = s.scalar(select(func.count()).select_from(AuditEvent))
        return _digest([sorted(dests), versions, flags, flagged, dataset.value if dataset else None, events])


def register_state(db: Database) -> str:
    """Everything a CSV import changes."""
    with db.read() as s:
        refs = sorted(s.execute(select(Transfer.reference)).scalars())
        names = sorted((n, c) for n, c in s.execute(select(Entity.name, Entity.country)))
        events = s.scalar(select(func.count()).select_from(AuditEvent))
        return _digest([refs, names, events])


def autosaved_counter(db: Database, assessment_id: int) -> int:
    """The counter in the stored draft's procedural notes, read straight from the row."""
    with db.read() as s:
        row = s.get(Assessment, assessment_id)
        assert row is not None
        notes = str(row.record.get("record", {}).get("procedural_notes", ""))
    return int(notes.removeprefix(AUTOSAVE_PREFIX)) if notes.startswith(AUTOSAVE_PREFIX) else 0


def audit_ok(db: Database) -> str:
    report = audit.verify(db)
    return "ok" if report.ok else report.summary()


@contextmanager
def opened(url: str) -> Iterator[Database]:
    db = Database(url)
    try:
        yield db
    finally:
        db.dispose()


def pg_wait_idle(db: Database, timeout: float = 20.0) -> None:
    """Wait until no other session of this database holds a transaction (the killed child's backend
    rolls back and exits once the server notices the closed connection)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with db.engine.connect() as c:
            busy = c.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND pid <> pg_backend_pid() AND xact_start IS NOT NULL"
                )
            ).scalar()
        if not busy:
            return
        time.sleep(0.05)
    raise AssertionError("a killed child's PostgreSQL session is still open")


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1:]))
