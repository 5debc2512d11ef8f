"""Shared fixtures. Every database test runs on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Password hashes at a throw-away database's cost (argon2id, 8 KiB, one pass) through the setting a
# deployment uses (transfer_tool.runtime.config.ENV_PASSWORD_HASH); set here so the commands tests start inherit it.
os.environ.setdefault("TRANSFER_TOOL_PASSWORD_HASH", "time_cost=1,memory_cost=8,parallelism=1")
# The font cache of this test run, never the user's (~/.cache/transfer-tool); shared by its tests and its
# worker processes (they inherit the variable). Removed by the process that made it: each run left 4 MB in
# /tmp, and every worker an empty folder besides (the argument of a setdefault is made even when unused).
if "TRANSFER_TOOL_CACHE_DIR" not in os.environ:
    os.environ["TRANSFER_TOOL_CACHE_DIR"] = tempfile.mkdtemp(prefix="tt-test-cache-")
    atexit.register(shutil.rmtree, os.environ["TRANSFER_TOOL_CACHE_DIR"], True)

from sqlalchemy import Connection, create_engine, make_url, text

import ui  # noqa: F401  (applies ui/qt_workarounds.py before pytest-qt makes its QApplication)
from tests.db_snapshots import restore_tables
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.domain import Role
from transfer_tool.runtime.bootstrap import _seeders
from transfer_tool.storage import migrate
from transfer_tool.storage.database import Database

pytest_plugins = ["tests.qt_hygiene", "pytester"]

PG_URL = os.environ.get("TEST_DATABASE_URL", "")
PASSWORD = "correct horse battery"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    kept, dropped = [], []
    for item in items:
        if {"qtbot", "qapp"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)
            # A screen behaves the same on either database: its PostgreSQL run would repeat the SQLite one.
            # A GUI test about the database itself says so and runs on both.
            params = getattr(getattr(item, "callspec", None), "params", {})
            if params.get("backend") == "postgres" and not item.get_closest_marker("both_databases"):
                dropped.append(item)
                continue
        kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
    # Longest files first (scripts/test.sh passes --no-loadscope-reorder, so pytest-xdist hands files out in
    # this order): a long file handed out last would keep one process busy while the other idles.
    rank = {path: i for i, path in enumerate(LONGEST_FILES)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))


# Measured with --durations=0 (December 2026), longest first; the rest keep their collection order.
LONGEST_FILES = (
    "tests/e2e/test_crash_import.py",
    "tests/e2e/test_bundle.py",
    "tests/e2e/test_gui_crash.py",
    "tests/e2e/test_install.py",
    "tests/e2e/test_install_wheel.py",
    "tests/unit/test_notice.py",
    "tests/unit/test_roles_matrix.py",
    "tests/ui/test_conflicts.py",
    "tests/unit/test_bad_inputs.py",
    "tests/unit/test_country_store.py",
    "tests/unit/test_team_database.py",
    "tests/unit/test_approval_binding.py",
    "tests/ui/test_wizard_autosave.py",
    "tests/unit/test_cli_imports.py",
    "tests/unit/test_audit_coverage.py",
    "tests/unit/test_trust.py",
    "tests/unit/test_assessment_service.py",
    "tests/unit/test_cli_reports.py",
    "tests/ui/test_wizard_summary.py",
    "tests/ui/test_teamwork.py",
    "tests/unit/test_bulk_reassessment.py",
    "tests/unit/test_cli_core.py",
    "tests/ui/test_wizard_rechecks.py",
    "tests/unit/test_text_catalogue.py",
    "tests/ui/test_review_screenshots.py",
    "tests/unit/test_direct_edits.py",
    "tests/ui/test_verify.py",
    "tests/unit/test_copy_transfer.py",
    "tests/ui/test_i18n.py",
    "tests/ui/test_wizard_steps.py",
)


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # Never touch the real user's data folder or settings.
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("TRANSFER_TOOL_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "share"))
    monkeypatch.delenv("TRANSFER_TOOL_DATABASE_URL", raising=False)


def _seed(db: Database) -> None:
    with db.unit_of_work() as s:
        for seeder in _seeders():
            seeder(s)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = Database(f"sqlite:///{path}")
    migrate.upgrade(db)
    _seed(db)
    db.dispose()
    return path


def _worker_database(base_url: str) -> str:
    """This pytest process's own database on the test server: parallel workers (pytest-xdist) never share
    state. The database named in TEST_DATABASE_URL serves a run without workers."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not worker:
        return base_url
    url = make_url(base_url)
    name = f"{url.database}_{worker}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_migrated() -> str:
    if not PG_URL:
        pytest.skip("TEST_DATABASE_URL not set: PostgreSQL run skipped")
    url = _worker_database(PG_URL)
    db = Database(url)
    with db.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    migrate.upgrade(db)
    _snapshot_seed(db)
    db.dispose()
    return url


# The seeded rows (country data, catalogues, the seed's audit events) are made once per process and copied
# back before each PostgreSQL test, as the SQLite tests copy a seeded template file: seeding anew took about
# 0.35 s a test, over a minute of each run.
_SEED_COPY = "tt_test_seed"


def _public_tables(conn: Connection) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            text(
                "SELECT tablename FROM pg_tables WHERE schemaname='public' AND tablename <> 'alembic_version'"
            )
        )
    ]


def _snapshot_seed(db: Database) -> None:
    _truncate_pg(db)
    _seed(db)
    with db.engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {_SEED_COPY} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {_SEED_COPY}"))
        for name in _public_tables(conn):
            conn.execute(text(f'CREATE TABLE {_SEED_COPY}."{name}" AS SELECT * FROM public."{name}"'))


def _truncate_pg(db: Database) -> None:
    with db.engine.begin() as conn:
        names = _public_tables(conn)
        if names:
            conn.execute(text("TRUNCATE " + ", ".join(f'"{n}"' for n in names) + " RESTART IDENTITY CASCADE"))


def _restore_seed(db: Database) -> None:
    restore_tables(db, _SEED_COPY)


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgres" and not PG_URL:
        pytest.skip("TEST_DATABASE_URL not set: PostgreSQL run skipped")
    return str(request.param)


@pytest.fixture
def db_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if backend == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        path = tmp_path / "test.sqlite3"
        shutil.copyfile(template, path)
        return f"sqlite:///{path}"
    url: str = request.getfixturevalue("pg_migrated")
    return url


@pytest.fixture
def db(db_url: str, backend: str) -> Iterator[Database]:
    database = Database(db_url)
    if backend == "postgres":
        _restore_seed(database)
    yield database
    database.dispose()


@pytest.fixture
def admin(db: Database) -> Actor:
    return users.create_first_admin(db, "admin", "Ada Admin", PASSWORD).actor()


@pytest.fixture
def legal(db: Database, admin: Actor) -> Actor:
    return users.create_user(db, admin, "lena", "Lena Legal", PASSWORD, Role.LEGAL).actor()


@pytest.fixture
def manager(db: Database, admin: Actor) -> Actor:
    return users.create_user(db, admin, "max", "Max Manager 山田", PASSWORD, Role.MANAGER).actor()
