"""Fixtures of the backup and restore tests (test_backup.py, test_restore_guards.py): a live SQLite database in its
own folder, and its admin."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from tests.conftest import PASSWORD, PG_URL
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.runtime.config import Config
from transfer_tool.storage.database import Database


@pytest.fixture
def config(sqlite_template: Path, tmp_path: Path) -> Config:
    path = tmp_path / "live" / "transfer-tool.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(sqlite_template, path)
    return Config(f"sqlite:///{path}")


@pytest.fixture
def live(config: Config) -> Iterator[Database]:
    db = Database(config.database_url)
    yield db
    db.dispose()


@pytest.fixture
def boss(live: Database) -> Actor:
    return users.create_first_admin(live, "admin", "Ada Admin", PASSWORD).actor()


@pytest.fixture(scope="session", autouse=True)
def _drop_team_roles() -> Iterator[None]:
    """Roles are cluster-wide: at the end, drop the ones this process's database made (migration 0020's
    owner and groups, the people's login roles), all named after that database (team_roles.role_names)."""
    yield
    if not PG_URL:
        return
    from transfer_tool.storage.team_roles import quote_ident, role_names

    url = make_url(PG_URL)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    database = f"{url.database}_{worker}" if worker else str(url.database)
    names = role_names(database)
    engine = create_engine(url.set(database=database), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            found = [
                r[0]
                for r in conn.execute(
                    text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:g) OR starts_with(rolname, :p)"),
                    {"g": [names.owner, *names.groups], "p": names.login_prefix or "\x00"},
                )
            ]
            if found:
                quoted = ", ".join(quote_ident(r) for r in found)
                conn.execute(text(f"REASSIGN OWNED BY {quoted} TO CURRENT_USER"))
                conn.execute(text(f"DROP OWNED BY {quoted}"))
                for role in found:
                    conn.execute(text(f"DROP ROLE {quote_ident(role)}"))
    finally:
        engine.dispose()
