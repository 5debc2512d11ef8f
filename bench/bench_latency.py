"""Benchmark: a team across offices (issue #19 point 5): round trips and wall time of each user action
against PostgreSQL through a proxy that adds a fixed round-trip time.

The proxy (asyncio, in this file) sits between the tool and the server and delays every chunk by half
the round-trip time in each direction, keeping order. It counts round trips as the server sees them: each
time the client speaks again after the server answered is one. The actions run the app's own service
calls, signed in as the person's login role (team mode), on a database with `--transfers` transfers:

- sign-in: `users.authenticate` (connects as the person), `note_sign_in`, the register's ids and its first
  page of rows, the status counts and the people list (what the main window needs to paint);
- open an assessment: the version, its comments, evidence and evaluation (the wizard's first page);
- save a wizard page: `service.save_draft` of a changed answer;
- filter keystroke: `transfers.search_ids` of a text plus the first page of rows;
- approve: the version rendered, signed with the approver's identity and stored (`approve_and_sign`).

Prints round trips and milliseconds per action at each `--rtt` value. Asserts nothing. The database given
with `--postgres` is dropped and re-made (a scratch database on a server where you may create roles).

Run: PYTHONPATH=. python bench/bench_latency.py --postgres postgresql+psycopg://postgres:PW@127.0.0.1:5432/tia_bench
     [--rtt 0 50 200] [--transfers 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import create_engine, make_url, text

from tests import approval_support
from tests.conftest import PASSWORD
from transfer_tool import demo, transfers, users
from transfer_tool.assessment import service
from transfer_tool.bootstrap import _seeders
from transfer_tool.domain import Role
from transfer_tool.storage import migrate
from transfer_tool.storage.database import Database

TODAY = dt.date(2026, 12, 6)
PAGE = 100  # rows the register fetches for the visible part of the table


class LatencyProxy:
    """A TCP proxy adding `rtt_ms / 2` each way; `round_trips` counts client turns."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.delay = 0.0
        self.round_trips = 0
        self.port = 0
        self._loop = asyncio.new_event_loop()
        ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(ready,), daemon=True)
        self._thread.start()
        ready.wait()

    def _run(self, ready: threading.Event) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(asyncio.start_server(self._client, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        ready.set()
        self._loop.run_forever()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection(*self.target)
        turn = {"server_spoke": True}
        await asyncio.gather(
            self._pipe(reader, up_writer, turn, from_client=True),
            self._pipe(up_reader, writer, turn, from_client=False),
        )

    async def _pipe(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        turn: dict[str, bool],
        *,
        from_client: bool,
    ) -> None:
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

        async def deliver() -> None:
            while True:
                due, chunk = await queue.get()
                if not chunk:
                    break
                wait = due - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                writer.write(chunk)
                await writer.drain()
            writer.close()

        sender = asyncio.create_task(deliver())
        try:
            while chunk := await reader.read(65536):
                if from_client and turn["server_spoke"]:
                    self.round_trips += 1
                turn["server_spoke"] = not from_client
                await queue.put((time.monotonic() + self.delay, chunk))
        except ConnectionError:
            pass
        await queue.put((0.0, b""))
        await sender

    def set_rtt(self, rtt_ms: float) -> None:
        self.delay = rtt_ms / 2000


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
    return {"lena": lena, "max": max_, "submitted": submitted.id, "draft": draft.id}


def _actions(world: dict[str, Any]) -> dict[str, Callable[[Database], object]]:
    lena, max_ = world["lena"], world["max"]

    def sign_in(db: Database) -> object:
        users.authenticate(db, "lena", PASSWORD)
        users.note_sign_in(db, lena.user_id)
        ids = transfers.search_ids(db)
        transfers.fetch_rows(db, ids[:PAGE])
        transfers.count_by_status(db)
        return users.people(db)

    def open_assessment(db: Database) -> object:
        a = service.get_assessment(db, world["draft"])
        service.comments_for(db, a.id)
        service.evidence_for(db, a.id)
        return service.evaluate_assessment(db, a.id, TODAY)

    def save_page(db: Database) -> object:
        a = service.get_assessment(db, world["draft"])
        record = dataclasses.replace(a.record, procedural_notes=f"note {time.monotonic()}")
        world["saved"] = service.save_draft(db, lena, a.id, record, a.row_version, page="measures")
        return world["saved"]

    def keystroke(db: Database) -> object:
        ids = transfers.search_ids(db, transfers.TransferQuery(text="payroll 1"))
        return transfers.fetch_rows(db, ids[:PAGE])

    def approve(db: Database) -> object:
        users.authenticate(db, "max", PASSWORD)
        return approval_support.approve(db, max_, world["submitted"], TODAY)

    return {
        "sign-in to the register": sign_in,
        "open an assessment": open_assessment,
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
            start = time.perf_counter()
            action(db)
            results.setdefault(name, {})[rtt] = (proxy.round_trips, (time.perf_counter() - start) * 1000)
        db.dispose()
    head = "".join(f"{f'{r:g} ms RTT':>22}" for r in args.rtt)
    print(f"\n{'action':<32}{head}")
    print(f"{'':<32}" + "".join(f"{'round trips':>12}{'ms':>10}" for _ in args.rtt))
    for name, by_rtt in results.items():
        print(f"{name:<32}" + "".join(f"{by_rtt[r][0]:>12}{by_rtt[r][1]:>10.0f}" for r in args.rtt))


if __name__ == "__main__":
    main()
