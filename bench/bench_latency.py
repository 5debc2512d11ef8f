"""Benchmark: a team across offices (issue #19 point 5): round trips and wall time of each user action
against PostgreSQL through a proxy that adds a fixed round-trip time.

The proxy (asyncio, in `tests/latency_proxy.py`, which the round-trip tests use too) sits between the
tool and the server and delays every chunk by half the round-trip time in each direction, keeping order.
It counts round trips as the server sees them: each time the client speaks again after the server
answered is one. The actions run the app's own service calls, signed in as the person's login role (team
mode), on a database with `--transfers` transfers:

- sign-in to the register painted: `users.authenticate` (connects as the person), `note_sign_in`, the
  register's ids with its first page of rows (`register_search.search_page`); then the status counts and the
  people list (the rest of what the main window shows);
- open an assessment: the version, its comments, evidence and evaluation (the wizard's first page);
- open it in the wizard: what the app's wizard reads when it opens (`ui.wizard.wizard.load_for_wizard`:
  country data, catalogues, entities, the transfer, its latest version, comments, evidence);
- save a wizard page: `service.save_draft` of a changed answer;
- filter keystroke: `register_search.search_page` of a text (the ids and the first page of rows);
- approve: the version rendered, signed with the approver's identity and stored (`approve_and_sign`).

Prints round trips and milliseconds per action at each `--rtt` value; with `--trace`, what the client
said at each round trip (the statements, at the first `--rtt`). Asserts nothing. The database given with
`--postgres` is dropped and re-made (a scratch database on a server where you may create roles).

Run: PYTHONPATH=. python bench/bench_latency.py --postgres postgresql+psycopg://postgres:PW@127.0.0.1:5432/tia_bench
     [--rtt 0 50 200] [--transfers 2000]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import create_engine, make_url, text

from tests import approval_support
from tests.conftest import PASSWORD
from tests.latency_proxy import LatencyProxy
from transfer_tool import demo
from transfer_tool.accounts import users
from transfer_tool.assessment import service
from transfer_tool.domain import Role
from transfer_tool.register import register_search
from transfer_tool.runtime.bootstrap import _seeders
from transfer_tool.storage import migrate
from transfer_tool.storage.database import Database

TODAY = dt.date(2026, 12, 6)
PAGE = 100  # rows the register fetches for the visible part of the table


def _prepare(url: str, count: int) -> dict[str, Any]:
    """A fresh team database: the people, `count` transfers, a submitted and a draft assessment."""
    u = make_url(url)
    admin = create_engine(u.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{u.database}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{u.database}"'))
    admin.dispose()
    dba = Database(url)
    migrate.upgrade(dba)
    with dba.unit_of_work() as s:
        for seeder in _seeders():
            seeder(s)
    boss = users.create_first_admin(dba, "admin", "Ada Admin", PASSWORD).actor()
    lena = users.create_user(dba, boss, "lena", "Lena Legal", PASSWORD, Role.LEGAL).actor()
    max_ = users.create_user(dba, boss, "max", "Max Manager", PASSWORD, Role.MANAGER).actor()
    approval_support.register(dba, max_)
    parties = demo.create_demo_parties(dba, boss)
    for i in range(count):
        demo.create_demo_transfer(dba, lena, parties, title=f"Transfer {i} payroll")
    t, _ = demo.create_demo_transfer(dba, lena, parties, title="Review me")
    submitted = demo.fill_and_submit(dba, lena, t.id, TODAY)
    t2, _ = demo.create_demo_transfer(dba, lena, parties, title="Draft me")
    draft = service.start_assessment(dba, lena, t2.id)
    dba.dispose()
    return {"lena": lena, "max": max_, "submitted": submitted.id, "draft": draft.id, "draft_transfer": t2.id}


def _actions(world: dict[str, Any]) -> dict[str, Callable[[Database], object]]:
    lena, max_ = world["lena"], world["max"]

    def sign_in(db: Database) -> object:
        users.authenticate(db, "lena", PASSWORD)
        users.note_sign_in(db, lena.user_id)
        return register_search.search_page(db, register_search.TransferQuery(), PAGE)

    def rest_of_window(db: Database) -> object:
        register_search.count_by_status(db)
        return users.people(db)

    def open_assessment(db: Database) -> object:
        a = service.get_assessment(db, world["draft"])
        service.comments_for(db, a.id)
        service.evidence_for(db, a.id)
        world["opened"] = a
        return service.evaluate_record(db, a.record, TODAY)

    def open_in_wizard(db: Database) -> object:
        from ui.wizard.wizard import load_for_wizard  # the app's own load, without a window

        return load_for_wizard(db, lena, world["draft_transfer"])

    def save_page(db: Database) -> object:
        a = world["opened"]  # the wizard holds the version it opened
        record = dataclasses.replace(a.record, procedural_notes=f"note {time.monotonic()}")
        world["saved"] = service.save_draft(db, lena, a.id, record, a.row_version, page="measures")
        return world["saved"]

    def keystroke(db: Database) -> object:
        return register_search.search_page(db, register_search.TransferQuery(text="payroll 1"), PAGE)

    def approve(db: Database) -> object:
        users.authenticate(db, "max", PASSWORD)
        return approval_support.approve(db, max_, world["submitted"], TODAY)

    return {
        "sign-in: register painted": sign_in,
        "+ status counts, people": rest_of_window,
        "open an assessment": open_assessment,
        "open it in the wizard": open_in_wizard,
        "save a wizard page": save_page,
        "filter keystroke": keystroke,
        "approve (render, sign, store)": approve,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postgres", required=True, help="a scratch database (dropped and re-made)")
    parser.add_argument("--rtt", type=float, nargs="+", default=[0, 50, 200], help="round-trip times, ms")
    parser.add_argument("--transfers", type=int, default=2000)
    parser.add_argument("--trace", action="store_true", help="print each round trip's statements (first RTT)")
    args = parser.parse_args()
    url = make_url(args.postgres)
    proxy = LatencyProxy(url.host or "127.0.0.1", url.port or 5432)
    results: dict[str, dict[float, tuple[int, float]]] = {}
    for rtt in args.rtt:
        world = _prepare(args.postgres, args.transfers)  # the approval happens once per database
        through = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
        proxy.set_rtt(rtt)
        db = Database(through, people_sign_in=True)
        for name, action in _actions(world).items():
            if name.startswith("approve"):
                db.dispose()
                db = Database(through, people_sign_in=True)
            proxy.round_trips = 0
            proxy.trace = [] if args.trace and rtt == args.rtt[0] else None
            start = time.perf_counter()
            action(db)
            results.setdefault(name, {})[rtt] = (proxy.round_trips, (time.perf_counter() - start) * 1000)
            if proxy.trace is not None:
                print(f"\n{name}:")
                for i, said in enumerate(proxy.trace, 1):
                    print(f"  {i:3}  {said}")
        db.dispose()
    head = "".join(f"{f'{r:g} ms RTT':>22}" for r in args.rtt)
    print(f"\n{'action':<32}{head}")
    print(f"{'':<32}" + "".join(f"{'round trips':>12}{'ms':>10}" for _ in args.rtt))
    for name, by_rtt in results.items():
        print(f"{name:<32}" + "".join(f"{by_rtt[r][0]:>12}{by_rtt[r][1]:>10.0f}" for r in args.rtt))


if __name__ == "__main__":
    main()
