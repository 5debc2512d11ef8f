"""Benchmark: `transfer-tool report --all` over 500 assessments, against single-process rendering.

Setup (not timed): a fresh SQLite database with the demo's parties; one assessment filled in and submitted
through the services; 499 more transfers and submitted assessments bulk-inserted with the same record JSON.
Then, in the same run:
  - single process: `render_batch(..., jobs=1)` over a sample (default 100) of the assessments;
  - parallel: the real command `report --all -o DIR` (one worker per core) over all of them.
Prints PDFs/s for each and the ratio. Target: 10 PDFs/s on 2 cores. Asserts nothing.

Run: PYTHONPATH=. python bench/bench_report_batch.py [--assessments 500] [--single 100] [--jobs N]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, select

from transfer_tool.accounts import users
from transfer_tool.cli import main as cli_main
from transfer_tool.cli.reports_impl import latest_assessments, render_batch
from transfer_tool.demo import create_demo_parties, create_demo_transfer, fill_and_submit
from transfer_tool.domain import Role
from transfer_tool.runtime.bootstrap import open_database
from transfer_tool.runtime.config import Config
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment
from transfer_tool.storage.models.core import Transfer

TODAY = dt.date(2026, 11, 26)
TARGET = 10.0  # PDFs per second on 2 cores


def build(db: Database, count: int) -> None:
    admin = users.create_first_admin(db, "admin", "Bench Admin", "bench-password-1").actor()
    assessor = users.create_user(
        db, admin, "assessor", "佐藤 花子 (Hanako Sato)", "bench-password-1", Role.LEGAL
    ).actor()
    parties = create_demo_parties(db, assessor)
    first, _ = create_demo_transfer(db, assessor, parties)
    template = fill_and_submit(db, assessor, first.id, TODAY)
    with db.unit_of_work() as s:
        t_cols = [c for c in Transfer.__table__.columns if c.name not in ("id", "reference", "title")]
        t_row = s.execute(select(*t_cols).where(Transfer.id == first.id)).one()._asdict()
        a_cols = [c for c in Assessment.__table__.columns if c.name not in ("id", "transfer_id")]
        a_row = s.execute(select(*a_cols).where(Assessment.id == template.id)).one()._asdict()
        transfers = [
            {**t_row, "reference": f"BENCH-{i:05d}", "title": f"Customer support line {i}"}
            for i in range(1, count)
        ]
        ids = s.execute(insert(Transfer).returning(Transfer.id), transfers).scalars().all()
        s.execute(insert(Assessment), [{**a_row, "transfer_id": tid} for tid in ids])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    p.add_argument("--assessments", type=int, default=500)
    p.add_argument("--single", type=int, default=100, help="assessments rendered by the single process")
    p.add_argument("--jobs", type=int, default=0, help="worker processes (default: one per core)")
    args = p.parse_args()
    cores = os.cpu_count() or 1
    jobs = args.jobs or cores
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        os.environ["TRANSFER_TOOL_DATA_DIR"] = str(root / "data")  # never the real user's folder
        url = f"sqlite:///{root / 'bench.sqlite3'}"
        start = time.perf_counter()
        db = open_database(Config(url))
        build(db, args.assessments)
        items = latest_assessments(db)
        db.dispose()
        print(f"setup: {len(items)} submitted assessments in {time.perf_counter() - start:.1f} s")

        sample = items[: args.single]
        cpu = time.process_time()
        single = render_batch(url, sample, root / "single", today=TODAY, jobs=1)
        single_cpu = time.process_time() - cpu
        single_rate = len(single.files) / single.seconds
        print(
            f"single process:  {len(single.files)} PDFs in {single.seconds:6.1f} s = {single_rate:5.2f} PDFs/s"
            f"  ({1000 * single.seconds / len(single.files):.0f} ms per PDF, build + render + write; "
            f"{1000 * single_cpu / len(single.files):.0f} ms CPU per PDF)"
        )

        err = io.StringIO()
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = cli_main(
                ["--database", url, "report", "--all", "--jobs", str(jobs), "-o", str(root / "all")]
            )
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        worker_cpu = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
        written = len(list((root / "all").glob("*.pdf")))
        rate = written / seconds
        if code != 0:
            print(err.getvalue(), file=sys.stderr)
        print(
            f"report --all:    {written} PDFs in {seconds:6.1f} s = {rate:5.2f} PDFs/s  "
            f"({jobs} worker processes on {cores} cores; includes starting the workers)"
        )
        print(
            f"workers: {1000 * worker_cpu / max(written, 1):.0f} ms CPU per PDF; {worker_cpu / seconds:.2f} "
            f"cores busy on average (of {min(jobs, cores)}: less means other programs took the rest)"
        )
        print(f"ratio parallel / single: {rate / single_rate:.2f}x (ideal {min(jobs, cores)}x)")
        bound = min(jobs, cores) * written / max(worker_cpu, 1e-9)
        print(f"CPU-bound estimate with {min(jobs, cores)} free cores: {bound:.1f} PDFs/s")
        verdict = "meets" if rate >= TARGET else "misses"
        print(f"target {TARGET:.0f} PDFs/s on 2 cores: {verdict} ({rate:.2f} PDFs/s)")


if __name__ == "__main__":
    main()
