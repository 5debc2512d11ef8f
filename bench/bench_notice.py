"""Benchmark: the privacy notice's transfer section (issue #24) over a large register.

Builds `--transfers N` transfers (bulk, tests/ui/seed.py) and gives every one the register marks approved an
approved assessment version (a real approved record, made once through the services, copied with that
transfer's destination, regime and tool). Times `notice.service.preview` for the JP and EU regimes (reading
the register, the country data, building and writing the notice), `generate` (the same plus storing it) and
the Word file. Floor: the bare sqlite3 driver reading the same rows (transfers joined with their assessment
versions) and decoding every stored record's JSON, the reading the notice cannot avoid. Prints figures and
ratios; asserts nothing. Measured (December 2026, 2 cores under load 5): preview 2.7–3.6 s over 20,000
transfers (14–18× the floor), the Word file of 3,300 entries 13 s.

Run: PYTHONPATH=. python bench/bench_notice.py [--transfers N]
"""

from __future__ import annotations

import argparse
import copy
import json
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from sqlalchemy import insert, select

from tests.ui.seed import bulk_register
from tests.unit.notice_support import TODAY, approve_transfer
from transfer_tool.accounts import users
from transfer_tool.countries import store as country_store
from transfer_tool.domain import AssessmentStatus, Role, TransferStatus
from transfer_tool.notice import service
from transfer_tool.notice.docx_writer import to_docx
from transfer_tool.register import entities, transfers
from transfer_tool.runtime.bootstrap import open_database
from transfer_tool.runtime.config import Config
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment
from transfer_tool.storage.models.core import Entity, Transfer

TOOLS = {
    "EU": "eu_scc_m2",
    "UK": "uk_idta",
    "CH": "ch_scc_swiss",
    "JP": "jp_equivalent_measures",
    "BR": "br_anpd_scc",
}


def median_s(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def build(db: Database, count: int) -> int:
    admin = users.create_first_admin(db, "admin", "Admin", "bench-password-1").actor()
    legal = users.create_user(db, admin, "legal", "Legal", "bench-password-1", Role.LEGAL).actor()
    manager = users.create_user(db, admin, "mgr", "Manager", "bench-password-1", Role.MANAGER).actor()
    exp = entities.create_entity(
        db, legal, entities.EntityInput("Bench Exporter KK", "JP", is_group_company=True)
    )
    imp = entities.create_entity(db, legal, entities.EntityInput("Bench Importer Inc.", "US"))
    from tests import factories

    t = transfers.create_transfer(db, legal, factories.transfer_input(exp.id, imp.id, "US", volume=10))
    template = approve_transfer(db, legal, manager, t.id, {"JP": "jp_equivalent_measures"})
    with db.read() as s:
        record = s.get_one(Assessment, template.id).record
    bulk_register(db, count)
    dataset = country_store.cached_dataset(db)
    with db.unit_of_work() as s:
        countries: dict[int, str] = {i: c for i, c in s.execute(select(Entity.id, Entity.country))}
        rows = s.execute(
            select(Transfer.id, Transfer.exporter_id, Transfer.destination).where(
                Transfer.status == TransferStatus.APPROVED, Transfer.id != t.id
            )
        ).all()
        batch = []
        for tid, exporter_id, dest in rows:
            regimes = [
                r.code
                for r in dataset.regimes.values()
                if countries[exporter_id] in r.exporter_countries and dest not in r.home_area
            ]
            if not regimes:
                continue
            rec = copy.deepcopy(record)
            body = rec["record"]
            body["facts"]["destination"] = body["facts"]["importer_country"] = dest
            body["facts"]["exporter_country"] = countries[exporter_id]
            body["regimes"] = {"applied": regimes, "added": []}
            body["tools"] = [{"regime": r, "tool": TOOLS[r], "justification": "bench"} for r in regimes]
            batch.append(
                {
                    "transfer_id": tid,
                    "version_no": 1,
                    "status": AssessmentStatus.APPROVED,
                    "record": rec,
                    "frozen": True,
                    "row_version": 1,
                    "approved_at": template.approved_at,
                    "appi_check_date": template.appi_check_date,
                }
            )
        for start in range(0, len(batch), 2000):
            s.execute(insert(Assessment), batch[start : start + 2000])
    return len(batch) + 1


def floor(path: Path) -> None:
    con = sqlite3.connect(path)
    try:
        rows = con.execute(
            "SELECT t.id, t.reference, t.destination, t.purposes, t.data_categories, e.name, e.country, a.record "
            "FROM transfer t JOIN entity e ON e.id = t.importer_id LEFT JOIN assessment a ON a.transfer_id = t.id"
        ).fetchall()
        for r in rows:
            json.loads(r[3])
            json.loads(r[4])
            if r[7] is not None:
                json.loads(r[7])
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--transfers", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        db = open_database(Config(f"sqlite:///{path}"))
        start = time.perf_counter()
        approved = build(db, args.transfers)
        print(
            f"set-up: {args.transfers:,} transfers, {approved:,} approved versions ({time.perf_counter() - start:.1f} s)"
        )
        base = median_s(lambda: floor(path), args.runs)
        print(f"floor (bare sqlite3 read + JSON decode):  {base * 1000:8.0f} ms")
        for regime in ("JP", "EU"):
            p = service.preview(db, regime, "en", today=TODAY)
            took = median_s(partial(service.preview, db, regime, "en", today=TODAY), args.runs)
            print(
                f"preview {regime} en ({len(p.entries):,} listed, {len(p.planned):,} planned): "
                f"{took * 1000:8.0f} ms  ({took / base:.1f}× floor)"
            )
        admin = users.authenticate(db, "admin", "bench-password-1").actor()
        took = median_s(lambda: service.generate(db, admin, "JP", "ja", today=TODAY), max(1, args.runs // 2))
        print(f"generate JP ja (stored):                 {took * 1000:8.0f} ms  ({took / base:.1f}× floor)")
        doc = service.preview(db, "JP", "ja", today=TODAY).document
        took = median_s(lambda: to_docx(doc), max(1, args.runs // 2))
        print(f"Word file of that notice:                {took * 1000:8.0f} ms")
        db.dispose()


if __name__ == "__main__":
    main()
