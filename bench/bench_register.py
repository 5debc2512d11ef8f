"""Benchmark: the register's search over 100,000 transfers (what the UI runs on each keystroke).

Times `register_search.search_ids` with no filter, a text filter and a country filter, and `fetch_rows` of the
100 ids a screen shows, against a floor: the same id query through the bare driver (sqlite3, psycopg). Prints
figures and ratios; asserts nothing. Target: 100 ms per keystroke (search_ids + fetch_rows).

Run: PYTHONPATH=. python bench/bench_register.py [--transfers N] [--postgres URL]
(`--postgres` runs on that database instead of a temporary SQLite file: its schema is DROPPED first.)
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text

from transfer_tool.domain import PartyRole
from transfer_tool.register import register_search
from transfer_tool.runtime.bootstrap import _seeders
from transfer_tool.storage import migrate
from transfer_tool.storage.base import utcnow
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import Entity, Transfer

RUNS = 15
TRANSFERS = 100_000
EXPORTER_COUNTRIES = ("JP", "DE", "FR", "NL", "IE", "GB", "CH", "BR", "US", "SG")
DESTINATIONS = ("US", "US", "US", "IN", "CN", "SG", "PH", "VN", "AU", "CA", "GB", "BR", "KR", "MX", "ZA")
PURPOSES = ("Customer support", "Payroll", "CRM hosting", "Marketing analytics", "Recruiting", "IT helpdesk")


def median_ms(fn: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def fresh_database(postgres_url: str | None, folder: Path) -> Database:
    """A migrated, seeded, empty register (catalogues and country data loaded)."""
    if postgres_url:
        db = Database(postgres_url)
        with db.engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    else:
        db = Database(f"sqlite:///{folder / 'bench.sqlite3'}")
    migrate.upgrade(db)
    with db.unit_of_work() as s:
        for seeder in _seeders():
            seeder(s)
    return db


def populate(db: Database, n: int = TRANSFERS, seed: int = 7) -> dict[str, int]:
    """Insert `n` transfers with bulk inserts (no per-row audit: this is set-up, not the thing measured).

    Exporters are group companies in EXPORTER_COUNTRIES; importers sit in DESTINATIONS (the US is 1 in 5).
    Returns how many transfers go to each destination.
    """
    rnd = random.Random(seed)
    now = utcnow()
    with db.unit_of_work() as s:
        exporter_names = [(c, f"Net Group {c} {i}") for c in EXPORTER_COUNTRIES for i in range(3)]
        brands = ("Acme", "Pacific", "Northwind", "Globex")
        importer_names = [
            (d, f"{rnd.choice(brands)} {d} {i}") for d in sorted(set(DESTINATIONS)) for i in range(12)
        ]
        s.execute(
            insert(Entity),
            [
                {
                    "name": name,
                    "country": c,
                    "is_group_company": (c, name) in exporter_names,
                    "certifications": [],
                }
                for c, name in exporter_names + importer_names
            ],
        )
        ids: dict[tuple[str, str], int] = {
            (r.country, r.name): r.id for r in s.execute(text("SELECT id, country, name FROM entity"))
        }
        exporter_ids = [ids[key] for key in exporter_names]
        importers_by_country: dict[str, list[int]] = {}
        for key in importer_names:
            importers_by_country.setdefault(key[0], []).append(ids[key])
        counts: dict[str, int] = {}
        batch: list[dict[str, object]] = []
        for i in range(1, n + 1):
            dest = rnd.choice(DESTINATIONS)
            counts[dest] = counts.get(dest, 0) + 1
            batch.append(
                {
                    "reference": f"TR-{i:06d}",
                    "title": f"{rnd.choice(PURPOSES)} {i}",
                    "exporter_id": rnd.choice(exporter_ids),
                    "importer_id": rnd.choice(importers_by_country[dest]),
                    "exporter_role": PartyRole.CONTROLLER,
                    "importer_role": PartyRole.PROCESSOR,
                    "destination": dest,
                    "data_categories": ["contact", "financial"],
                    "purposes": ["respond_requests"],
                    "retention": "Contract term plus 1 year",
                    "created_at": now,
                    "updated_at": now,
                }
            )
            if len(batch) == 10_000:
                s.execute(insert(Transfer), batch)
                batch = []
        if batch:
            s.execute(insert(Transfer), batch)
    if db.dialect == "postgresql":
        with db.engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    return counts


def floor_query(
    db: Database, folder: Path, where: str = "", args: tuple[object, ...] = ()
) -> Callable[[], object]:
    """The same id query (joins, order by reference) through the bare driver (sqlite3 or psycopg), no SQLAlchemy:
    what the database alone costs. `where` uses ? placeholders and LIKE (ILIKE on PostgreSQL)."""
    sql = (
        "SELECT t.id FROM transfer t JOIN entity e ON e.id = t.exporter_id "
        f"JOIN entity i ON i.id = t.importer_id {where} ORDER BY t.reference, t.id"
    )
    if db.dialect == "sqlite":
        lite = sqlite3.connect(folder / "bench.sqlite3")
        return lambda: lite.execute(sql, args).fetchall()
    import psycopg

    pg = psycopg.connect(db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False))
    pg_sql = sql.replace("?", "%s").replace(" LIKE ", " ILIKE ")
    return lambda: pg.execute(pg_sql, args).fetchall()


def suggested_ids(db: Database, text_: str) -> list[int]:
    """A text search shaped for speed, for comparison: no joins, entity names matched through an id
    sub-select, LIKE on SQLite (already case-insensitive for ASCII; ILIKE compiles to lower() on both sides
    there), onward transfers included (the register leaves them out)."""
    from sqlalchemy import or_, select

    like = f"%{text_}%"

    def match(col: Any) -> Any:
        return col.like(like) if db.dialect == "sqlite" else col.ilike(like)

    names = select(Entity.id).where(match(Entity.name))
    stmt = (
        select(Transfer.id)
        .where(
            or_(
                match(Transfer.reference),
                match(Transfer.title),
                Transfer.exporter_id.in_(names),
                Transfer.importer_id.in_(names),
                Transfer.destination == text_.upper(),
            )
        )
        .order_by(Transfer.reference, Transfer.id)
    )
    with db.read() as s:
        return list(s.connection().execute(stmt).scalars())


def explain(db: Database, q: register_search.TransferQuery) -> str:
    from sqlalchemy import select

    stmt = register_search._filtered(q, select(Transfer.id), db.dialect)
    compiled = stmt.compile(db.engine, compile_kwargs={"literal_binds": True})
    prefix = "EXPLAIN QUERY PLAN " if db.dialect == "sqlite" else "EXPLAIN "
    with db.engine.connect() as conn:
        rows = conn.execute(text(prefix + str(compiled))).fetchall()
    return "\n".join("    " + str(r[-1] if db.dialect == "sqlite" else r[0]) for r in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transfers", type=int, default=TRANSFERS)
    parser.add_argument(
        "--postgres", metavar="URL", help="a scratch PostgreSQL database (its schema is dropped)"
    )
    parser.add_argument("--explain", action="store_true", help="print the query plans")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = fresh_database(args.postgres, folder)
        start = time.perf_counter()
        counts = populate(db, args.transfers)
        print(
            f"set-up: {args.transfers:,} transfers bulk-inserted in {time.perf_counter() - start:.1f} s ({db.dialect})"
        )

        queries = {
            "no filter": register_search.TransferQuery(),
            "text 'acme'": register_search.TransferQuery(text="acme"),
            "text 'TR-0421'": register_search.TransferQuery(text="TR-0421"),
            "country US": register_search.TransferQuery(country="US"),
            "country US + text 'payroll'": register_search.TransferQuery(country="US", text="payroll"),
        }
        floors = {
            "no filter": ("", ()),
            "text 'acme'": (
                "WHERE t.reference LIKE ? OR t.title LIKE ? OR e.name LIKE ? OR i.name LIKE ? OR t.destination = ?",
                ("%acme%",) * 4 + ("ACME",),
            ),
            "text 'TR-0421'": (
                "WHERE t.reference LIKE ? OR t.title LIKE ? OR e.name LIKE ? OR i.name LIKE ? OR t.destination = ?",
                ("%TR-0421%",) * 4 + ("TR-0421",),
            ),
            "country US": ("WHERE t.destination = ?", ("US",)),
            "country US + text 'payroll'": (
                "WHERE t.destination = ? AND (t.reference LIKE ? OR t.title LIKE ? OR e.name LIKE ? OR i.name LIKE ?)",
                ("US",) + ("%payroll%",) * 4,
            ),
        }
        print(f"transfers to the US: {counts.get('US', 0):,}")
        print(f"{'query':<30}{'rows':>9}{'search_ids':>13}{'floor':>10}{'ratio':>8}")
        ids_no_filter: list[int] = []
        for name, q in queries.items():
            ids = register_search.search_ids(db, q)
            if name == "no filter":
                ids_no_filter = ids
            took = median_ms(partial(register_search.search_ids, db, q))
            floor = median_ms(floor_query(db, folder, *floors[name]))
            floor_text, ratio_text = f"{floor:.1f} ms", f"{took / floor:.1f}x"
            print(f"{name:<30}{len(ids):>9,}{took:>10.1f} ms{floor_text:>10}{ratio_text:>8}")
            if args.explain:
                print(explain(db, q))

        for word in ("acme", "TR-0421"):
            same = sorted(suggested_ids(db, word)) == sorted(
                register_search.search_ids(db, register_search.TransferQuery(text=word))
            )
            took = median_ms(partial(suggested_ids, db, word))
            print(f"  suggested shape, text '{word}': {took:.1f} ms (same ids: {same})")

        page = ids_no_filter[50_000:50_100] if len(ids_no_filter) > 50_100 else ids_no_filter[:100]
        fetch = median_ms(lambda: register_search.fetch_rows(db, page))
        print(f"fetch_rows of 100 ids: {fetch:.1f} ms")
        keystroke = median_ms(
            lambda: register_search.fetch_rows(
                db, register_search.search_ids(db, queries["text 'acme'"])[:100]
            )
        )
        print(
            f"one keystroke (search_ids text + fetch_rows of the first 100): {keystroke:.1f} ms (target 100 ms)"
        )
        db.dispose()


if __name__ == "__main__":
    main()
