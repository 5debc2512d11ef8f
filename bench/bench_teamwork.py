"""Benchmark: working the register as a team (issue #23): copying a transfer, and starting 1,000
re-assessments of flagged transfers.

Builds a temporary SQLite file with one approved assessment made through the services (the demo support
transfer with its onward transfer and an evidence file), then `--count` more transfers with that approved
version (rows as stored). Times (a) `copying.copy_transfer` of the approved transfer, repeated (per copy:
the new transfer, its onward transfer, the derived draft, the evidence link, audit events); (b)
`reassessment.reassess_many` over every flagged transfer (per item and whole operation). Floor: the bare
sqlite3 driver writing the same rows in the same number of transactions (a transfer row and an assessment
row with the same JSON per copy; an assessment row per re-assessment, committed one by one). Prints figures
and ratios; asserts nothing.

Run: PYTHONPATH=. python bench/bench_teamwork.py [--count 1000] [--copies 50]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from tests.conftest import PASSWORD
from tests.unit.teamwork_support import approved_transfer
from transfer_tool.accounts import users
from transfer_tool.assessment import copying, reassessment
from transfer_tool.assessment.record import to_dict
from transfer_tool.domain import AssessmentStatus, Role
from transfer_tool.runtime.bootstrap import open_database
from transfer_tool.runtime.config import Config
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment
from transfer_tool.storage.models.core import Transfer
from transfer_tool.storage.models.countries import ReassessmentFlag


def clones(db: Database, source: int, n: int, regime: str) -> list[int]:
    with db.unit_of_work() as s:
        t = s.get(Transfer, source)
        a = s.scalars(select(Assessment).where(Assessment.transfer_id == source)).one()
        skip = {"id", "reference", "row_version", "created_at", "updated_at"}
        columns = [c.key for c in Transfer.__table__.columns if c.key not in skip]
        ids = []
        for i in range(n):
            clone = Transfer(reference=f"BENCH-{i:05d}", **{c: getattr(t, c) for c in columns})
            clone.reassessment_needed = True
            s.add(clone)
            s.flush()
            s.add(
                Assessment(
                    transfer_id=clone.id,
                    version_no=1,
                    status=AssessmentStatus.APPROVED,
                    record=a.record,
                    frozen=True,
                )
            )
            s.add(
                ReassessmentFlag(
                    transfer_id=clone.id, destination="US", regime=regime, kind="status", reason="x"
                )
            )
            ids.append(clone.id)
    return ids


def floor(path: Path, record: object, rows: int, per_item: int) -> float:
    """Seconds for `rows` commits of `per_item` INSERTs each (JSON text of the record) in bare sqlite3."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, a TEXT, b TEXT)")
    text = json.dumps(record)
    start = time.perf_counter()
    for _ in range(rows):
        con.execute("BEGIN IMMEDIATE")
        for _ in range(per_item):
            con.execute("INSERT INTO t (a, b) VALUES (?, ?)", ("x" * 40, text))
        con.execute("COMMIT")
    took = time.perf_counter() - start
    con.close()
    return took


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--copies", type=int, default=50)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Config(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"))
        admin = users.create_first_admin(db, "admin", "Admin", PASSWORD).actor()
        legal = users.create_user(db, admin, "lee", "Lee Legal", PASSWORD, Role.LEGAL).actor()
        manager = users.create_user(db, admin, "max", "Max Manager", PASSWORD, Role.MANAGER).actor()
        src = approved_transfer(db, admin, legal, manager, eu=False)
        record = src.assessment.record
        regime = record.regimes.codes()[0]

        times = []
        for _ in range(args.copies):
            start = time.perf_counter()
            copying.copy_transfer(db, legal, src.transfer.id)
            times.append(time.perf_counter() - start)
        copy_ms = statistics.median(times) * 1000
        # a copy writes two transfers, one assessment, one evidence link, about six audit events
        copy_floor_ms = (
            floor(Path(tmp) / "floor1.sqlite3", json.loads("{}") or {"r": 1}, args.copies, 10) * 1000
        )
        copy_floor_ms /= args.copies
        print(
            f"copy a transfer: {copy_ms:.1f} ms median over {args.copies} "
            f"(floor {copy_floor_ms:.2f} ms, {copy_ms / copy_floor_ms:.0f}x)"
        )

        ids = clones(db, src.transfer.id, args.count, regime)
        start = time.perf_counter()
        out = reassessment.reassess_many(db, legal, ids)
        whole = time.perf_counter() - start
        started = sum(o.result == reassessment.STARTED for o in out)
        bare = floor(Path(tmp) / "floor2.sqlite3", to_dict(record), args.count, 3)
        print(
            f"start {args.count} re-assessments: {whole:.2f} s whole, {whole / args.count * 1000:.1f} ms per "
            f"transfer, {started} started (floor {bare:.2f} s, {whole / bare:.0f}x)"
        )
        db.dispose()


if __name__ == "__main__":
    main()
