"""Benchmark: loading the country data and the impact pass of a status change.

(a) Seeding the shipped set (251 destinations) into a fresh SQLite database, and `import_document` of
    the full export with one change (dry run and applied), against a floor: a bare sqlite3 executemany
    of the same number of JSON rows into the same two tables (current + version). Target < 1 s.
(b) The impact pass over 100,000 transfers: `update_destination` US under EU -> not_adequate (as after
    Schrems II), which flags every transfer to the US from an EU-regime exporter, against a floor: the
    same INSERT ... SELECT and UPDATE in bare sqlite3 on a copy of the database. Target < 1 s.

Prints figures and ratios; asserts nothing.
Run: PYTHONPATH=. python bench/bench_countries.py [--transfers N] [--postgres URL]
(`--postgres` runs (b) on that database instead of a temporary SQLite file: its schema is DROPPED first.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sqlite3
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench_register import TRANSFERS, fresh_database, populate
from sqlalchemy import func, select

from transfer_tool import catalog
from transfer_tool.accounts.permissions import Actor
from transfer_tool.countries import serialize, store
from transfer_tool.countries.shipped import load_shipped_dataset
from transfer_tool.countries.validate import validate_countries_document
from transfer_tool.domain import AdequacyStatus
from transfer_tool.storage import migrate
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import Entity, Transfer

RUNS = 5


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def median(values: list[float]) -> float:
    return statistics.median(values)


def floor_seed(template: Path, rows: list[dict[str, object]]) -> float:
    """Bare sqlite3: serialise the same rows to JSON and executemany them into both tables, one commit."""
    conn = sqlite3.connect(template)
    conn.execute("DELETE FROM destination_version")
    conn.execute("DELETE FROM destination")
    conn.commit()
    start = time.perf_counter()
    now = "2026-01-01 00:00:00.000000"
    conn.executemany(
        "INSERT INTO destination (code, version, data, updated_at, updated_by, row_version) VALUES (?, 1, ?, ?, ?, 1)",
        [(r["code"], json.dumps(r), now, "system") for r in rows],
    )
    conn.executemany(
        "INSERT INTO destination_version (code, version, data, changed_at, changed_by, reason, dataset_version) "
        "VALUES (?, 1, ?, ?, 'system', 'shipped', '')",
        [(r["code"], json.dumps(r), now) for r in rows],
    )
    conn.commit()
    took = _ms(start)
    conn.close()
    return took


def bench_loading(folder: Path) -> None:
    print("(a) loading the shipped country data (SQLite)")
    template = folder / "template.sqlite3"
    tdb = Database(f"sqlite:///{template}")
    migrate.upgrade(tdb)
    with tdb.unit_of_work() as s:
        catalog.seed(s)
    tdb.dispose()

    seeds: list[float] = []
    for run in range(RUNS):
        path = folder / f"seed{run}.sqlite3"
        shutil.copyfile(template, path)
        db = Database(f"sqlite:///{path}")
        start = time.perf_counter()
        with db.unit_of_work() as s:
            n = store.seed(s)
        seeds.append(_ms(start))
        db.dispose()
    shipped = load_shipped_dataset()
    rows = [serialize.destination_to_dict(d) for d in shipped.destinations.values()]
    floors = [floor_seed(folder / f"seed{run}.sqlite3", rows) for run in range(RUNS)]
    load = [0.0] * RUNS
    for run in range(RUNS):
        start = time.perf_counter()
        load_shipped_dataset()
        load[run] = _ms(start)
    seed_ms, floor_ms = median(seeds[1:]), median(floors)
    print(f"  seed {n} destinations: first run {seeds[0]:.0f} ms, median of the rest {seed_ms:.0f} ms")
    print(f"    of which reading and checking the shipped files: {median(load):.0f} ms")
    print(
        f"  floor (bare executemany of {2 * n} JSON rows): {floor_ms:.1f} ms; ratio {seed_ms / floor_ms:.0f}x"
    )

    db = Database(f"sqlite:///{folder / 'seed0.sqlite3'}")
    with db.unit_of_work() as s:
        s.execute(select(func.count()).select_from(Entity))  # warm the connection
    admin = Actor.system()
    raw = store.export_document(db)
    doc = json.loads(raw)
    us = next(d for d in doc["destinations"] if d["code"] == "US")
    us["regimes"]["EU"].update(status="not_adequate", condition="")
    edited = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    start = time.perf_counter()
    store.export_document(db)
    export_ms = _ms(start)
    dry = []
    for _ in range(RUNS):
        start = time.perf_counter()
        preview = store.import_document(db, admin, edited, dry_run=True)
        dry.append(_ms(start))
    checks = []
    for _ in range(RUNS):
        start = time.perf_counter()
        validate_countries_document(edited, known_codes=store.names().codes, known_regimes=store.regimes(db))
        checks.append(_ms(start))
    start = time.perf_counter()
    applied = store.import_document(db, admin, edited, reason="bench")
    apply_ms = _ms(start)
    start = time.perf_counter()
    store.import_document(db, admin, edited, reason="bench")  # now identical: nothing to do
    noop_ms = _ms(start)
    db.dispose()
    print(f"  export of {len(doc['destinations'])} destinations: {export_ms:.0f} ms ({len(raw) // 1024} KiB)")
    print(
        f"  import of the full export with one change: dry run median {median(dry):.0f} ms "
        f"({len(preview.changes)} changed), applied {apply_ms:.0f} ms ({len(applied.changes)} changed), "
        f"unchanged file {noop_ms:.0f} ms (target < 1000 ms)"
    )
    print(
        f"    of which checking the file (validate.py: JSON Schema + meaning): median {median(checks):.0f} ms"
    )
    print(
        f"    ratio to the floor: dry run {median(dry) / floor_ms:.0f}x, applied {apply_ms / floor_ms:.0f}x"
    )


def floor_impact(path: Path, exporter_countries: list[str]) -> float:
    """Bare sqlite3: the same flag rows and the same UPDATE, one transaction."""
    conn = sqlite3.connect(path)
    marks = ",".join("?" * len(exporter_countries))
    affected = (
        f"SELECT id FROM transfer WHERE destination = 'US' AND exporter_id IN "
        f"(SELECT id FROM entity WHERE country IN ({marks}))"
    )
    start = time.perf_counter()
    conn.execute(
        "INSERT INTO reassessment_flag (transfer_id, destination, regime, kind, reason, version_before, "
        f"version_after, created_at) SELECT id, 'US', 'EU', 'withdrawn', 'floor', 1, 2, '2026-01-01 00:00:00' "
        f"FROM transfer WHERE id IN ({affected})",
        exporter_countries,
    )
    n = conn.execute(
        f"UPDATE transfer SET reassessment_needed = 1, reassessment_reason = 'floor' WHERE id IN ({affected})",
        exporter_countries,
    ).rowcount
    conn.commit()
    took = _ms(start)
    conn.close()
    assert n > 0
    return took


def bench_impact(folder: Path, n: int, postgres: str | None) -> None:
    db = fresh_database(postgres, folder)
    print(f"(b) impact pass over {n:,} transfers ({db.dialect})")
    start = time.perf_counter()
    counts = populate(db, n)
    print(
        f"  set-up: bulk insert in {time.perf_counter() - start:.1f} s; {counts.get('US', 0):,} go to the US"
    )
    copy = folder / "floor.sqlite3"
    if db.dialect == "sqlite":
        db.dispose()
        shutil.copyfile(folder / "bench.sqlite3", copy)
    admin = Actor.system()
    start = time.perf_counter()
    affected = store.transfers_affected(db, "US", "EU")
    count_ms = _ms(start)
    us = store.get_destination(db, "US")
    annulled = replace(
        us,
        regimes={
            **us.regimes,
            "EU": replace(us.regimes["EU"], status=AdequacyStatus.NOT_ADEQUATE, condition=""),
        },
    )
    start = time.perf_counter()
    result = store.update_destination(
        db, admin, annulled, reason="bench: Schrems II", expected_version=us.version
    )
    update_ms = _ms(start)
    with db.read() as s:
        flagged_rows = s.scalar(
            select(func.count()).select_from(Transfer).where(Transfer.reassessment_needed)
        )
    print(f"  transfers_affected (the editor's warning): {affected:,} in {count_ms:.0f} ms")
    print(
        f"  update_destination US EU -> not_adequate: {result.flagged:,} flagged ({flagged_rows:,} rows marked) "
        f"in {update_ms:.0f} ms (target < 1000 ms)"
    )
    if db.dialect == "sqlite":
        eu = sorted(store.regimes(db)["EU"].exporter_countries)
        floor_ms = floor_impact(copy, eu)
        print(
            f"  floor (bare INSERT ... SELECT + UPDATE in sqlite3): {floor_ms:.0f} ms; ratio {update_ms / floor_ms:.1f}x"
        )
    start = time.perf_counter()
    expired = store.check_expiries(db, admin, dt.date(2040, 1, 1))
    print(
        f"  check_expiries over every destination (GB and BR entries expired): {expired:,} flagged in {_ms(start):.0f} ms"
    )
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transfers", type=int, default=TRANSFERS)
    parser.add_argument(
        "--postgres", metavar="URL", help="a scratch PostgreSQL database (its schema is dropped)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench_loading(Path(tmp))
        bench_impact(Path(tmp), args.transfers, args.postgres)


if __name__ == "__main__":
    main()
