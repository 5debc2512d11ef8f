"""Crash safety: a real process imports (a country-data export with many changes; a CSV register of a few
thousand rows) or autosaves in a loop, and is SIGKILLed at random moments (seeded) from early to late in
its work. After each kill the database is reopened: SQLite's integrity_check and foreign_key_check pass,
the audit chain verifies, an import is there whole or not at all (compared with the state a complete run
leaves), and every autosave the child acknowledged after its commit is there.
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e import crash_helpers as ch
from transfer_tool.accounts import users
from transfer_tool.assessment import service
from transfer_tool.countries import store as country_store
from transfer_tool.domain import Role
from transfer_tool.register import register_import, register_search
from transfer_tool.runtime.bootstrap import _seeders
from transfer_tool.storage import migrate
from transfer_tool.storage.database import Database

pytestmark = pytest.mark.slow

SEED = 20261126
IMPORT_KILLS = {"countries": 10, "csv": 10}  # 20 kills of imports per backend
AUTOSAVE_KILLS = 6
CSV_ROWS = {"sqlite": 3000, "postgres": 1000}
FLIPPED = ("AD", "AR", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "KR", "NZ", "UY")  # EU-adequate today
CSV_HEADER = (
    "reference,title,exporter,exporter_country,importer,importer_country,destination,"
    "data_categories,purposes,retention,volume\n"
)


def _csv(rows: list[str]) -> bytes:
    return (CSV_HEADER + "".join(rows)).encode("utf-8")


def _flaggable_register() -> bytes:
    """French exporters' transfers to the destinations the country file changes (so it flags them)."""
    return _csv(
        [
            f"FR-{code}-{i:02d},Shared service {i},Maison Client SAS,FR,Partner {code} {i},{code},{code},"
            f"contact,respond_requests,1 year,{100 + i}\n"
            for code in FLIPPED
            for i in range(20)
        ]
    )


def _big_register(n: int) -> bytes:
    dests = ("US", "IN", "CN", "SG", "PH", "BR")
    return _csv(
        [
            f"BULK-{i:05d},Support line {i},Net Japan Co.,JP,Importer {i % 97},{dests[i % 6]},{dests[i % 6]},"
            f"contact;financial,respond_requests,1 year,{100 + i}\n"
            for i in range(n)
        ]
    )


def _country_changes(db: Database) -> bytes:
    """An export with every destination's regime notes reworded and 12 EU decisions withdrawn."""
    doc = json.loads(country_store.export_document(db))
    for d in doc["destinations"]:
        for code, entry in d.get("regimes", {}).items():
            entry["notes"] = (entry.get("notes", "") + f" Reviewed ({code}, crash test).").strip()
        if d["code"] in FLIPPED:
            d["regimes"]["EU"]["status"] = "not_adequate"
    doc["dataset_version"] = "2026.12-crash"
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def _set_up(db: Database, register: bytes) -> None:
    """The state every run starts from: seeded, two users, the register given, one draft."""
    with db.unit_of_work() as s:
        for seeder in _seeders():
            seeder(s)
    admin = users.create_first_admin(db, "admin", "Ada Admin", ch.PASSWORD).actor()
    lena = users.create_user(db, admin, "lena", "Lena Legal", ch.PASSWORD, Role.LEGAL).actor()
    register_import.import_csv(db, lena, register)
    service.start_assessment(db, lena, register_search.search(db)[0].id)


@dataclass
class Target:
    """A database the child works on, and how to put it back to the starting state."""

    backend: str
    url: str
    reset: Callable[[], None]
    sqlite_path: Path | None = None


MakeTarget = Callable[[bytes], Target]


@pytest.fixture
def make_target(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> MakeTarget:
    """A database in the starting state (holding `register`), on the backend under test."""

    def make(register: bytes) -> Target:
        if backend == "sqlite":
            pristine = tmp_path / "pristine.sqlite3"
            db = Database(f"sqlite:///{pristine}")
            migrate.upgrade(db)
            _set_up(db, register)
            db.dispose()
            work = tmp_path / "work.sqlite3"

            def reset_file() -> None:
                for suffix in ("", "-wal", "-shm", "-journal"):
                    Path(f"{work}{suffix}").unlink(missing_ok=True)
                shutil.copyfile(pristine, work)

            reset_file()
            return Target("sqlite", f"sqlite:///{work}", reset_file, work)

        from tests.conftest import _truncate_pg

        url: str = request.getfixturevalue("pg_migrated")

        def reset_pg() -> None:
            with ch.opened(url) as db:
                ch.pg_wait_idle(db)
                _truncate_pg(db)
                _set_up(db, register)

        reset_pg()
        return Target("postgres", url, reset_pg)

    return make


ONE_TRANSFER = _csv(
    ["ONE-1,Support desk,Net Japan Co.,JP,Desk Inc.,US,US,contact,respond_requests,1 year,10\n"]
)


def _after_restart_problems(t: Target) -> list[str]:
    problems = []
    if t.sqlite_path is not None:
        integrity, foreign = ch.sqlite_file_checks(t.sqlite_path)
        if integrity != "ok":
            problems.append(f"integrity_check: {integrity}")
        if foreign:
            problems.append(f"foreign_key_check: {foreign[:5]}")
    with ch.opened(t.url) as db:
        verdict = ch.audit_ok(db)
        if verdict != "ok":
            problems.append(verdict)
    return problems


def _moments(rng: random.Random, n: int) -> list[float]:
    """One moment in each of n equal slices of [0, 1.25] (1 = the end of the work): from the first
    instant to just after the commit (a kill then must find the whole import)."""
    return [1.25 * (i + rng.random()) / n for i in range(n)]


@dataclass(frozen=True)
class Kill:
    delay: float
    killed: bool
    outcome: str  # "none" | "all" | "partial"
    problems: tuple[str, ...]


def _import_kills(
    t: Target, mode: str, data: bytes, state: Callable[[Database], str], tmp: Path
) -> list[Kill]:
    file = tmp / f"{mode}.input"
    file.write_bytes(data)
    with ch.opened(t.url) as db:
        none = state(db)
    full = ch.run_child(mode, t.url, str(file), kill_after=None)
    assert full.finished, full.lines
    with ch.opened(t.url) as db:
        everything = state(db)
    assert everything != none, "the complete import changed nothing"
    # How long the work takes varies with the machine's load: each run that got to the end updates it.
    durations = [full.work_seconds]
    kills = []
    rng = random.Random(f"{SEED}-{mode}-{t.backend}")
    for moment in _moments(rng, IMPORT_KILLS[mode]):
        t.reset()
        delay = moment * statistics.median(durations)
        run = ch.run_child(mode, t.url, str(file), kill_after=delay)
        if run.done_at is not None:
            durations.append(run.work_seconds)
        problems = _after_restart_problems(t)
        with ch.opened(t.url) as db:
            now = state(db)
        outcome = "none" if now == none else "all" if now == everything else "partial"
        kills.append(Kill(delay, run.killed, outcome, tuple(problems)))
    t.reset()
    print(
        f"\n[crash] {t.backend} {mode} import ({statistics.median(durations):.2f} s of work): {len(kills)} runs, "
        f"{sum(k.killed for k in kills)} killed while running; "
        f"left nothing {sum(k.outcome == 'none' for k in kills)}, whole {sum(k.outcome == 'all' for k in kills)}, "
        f"partial {sum(k.outcome == 'partial' for k in kills)}; "
        f"damaged {sum(bool(k.problems) for k in kills)}"
    )
    return kills


def _assert_all_or_nothing(kills: list[Kill]) -> None:
    assert [k for k in kills if k.problems or k.outcome == "partial"] == []
    # The moments were spread over the import: many kills landed while it ran, and left nothing.
    interrupted = [k for k in kills if k.killed and k.outcome == "none"]
    assert len(interrupted) >= len(kills) // 3, kills
    assert all(k.outcome == "all" for k in kills if not k.killed)


@pytest.mark.timeout(240)
def test_a_killed_country_import_leaves_all_or_nothing(make_target: MakeTarget, tmp_path: Path) -> None:
    target = make_target(_flaggable_register())
    with ch.opened(target.url) as db:
        data = _country_changes(db)
    kills = _import_kills(target, "countries", data, ch.country_state, tmp_path)
    _assert_all_or_nothing(kills)


@pytest.mark.timeout(240)
def test_a_killed_csv_import_leaves_all_or_nothing(make_target: MakeTarget, tmp_path: Path) -> None:
    target = make_target(ONE_TRANSFER)
    # PostgreSQL takes about ten times longer per row (a round trip per statement): fewer rows there keep
    # ten spread kills within the time limit.
    rows = CSV_ROWS[target.backend]
    kills = _import_kills(target, "csv", _big_register(rows), ch.register_state, tmp_path)
    _assert_all_or_nothing(kills)


@pytest.mark.timeout(120)
def test_a_killed_autosave_loop_keeps_every_acknowledged_save(make_target: MakeTarget) -> None:
    target = make_target(ONE_TRANSFER)
    rng = random.Random(f"{SEED}-autosave-{target.backend}")
    with ch.opened(target.url) as db:
        draft = service.latest_for_transfer(db, register_search.search(db)[0].id)
    assert draft is not None
    results = []
    for moment in _moments(rng, AUTOSAVE_KILLS):
        target.reset()
        run = ch.run_child("autosave", target.url, str(draft.id), kill_after=0.1 + 1.2 * moment)
        assert run.killed
        problems = _after_restart_problems(target)
        with ch.opened(target.url) as db:
            stored = ch.autosaved_counter(db, draft.id)
        # Every acknowledged save is there; at most one more (committed, killed before its ack).
        results.append((run.last_ack, stored, problems))
    print(
        f"\n[crash] {target.backend} autosave: {len(results)} kills; acknowledged saves before each kill "
        f"{[r[0] for r in results]}, found after restart {[r[1] for r in results]}"
    )
    assert [r for r in results if r[2] or not r[0] <= r[1] <= r[0] + 1] == []
    assert sum(r[0] for r in results) > 0, "the child never acknowledged a save"
