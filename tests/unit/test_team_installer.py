"""Team set-up as docs/team-setup.md gives it: an installer sign-in that is no superuser (CREATEROLE, owner of
the database) runs `transfer-tool init`. On PostgreSQL 15 and later schema `public` no longer gives CREATE
to everyone, and giving the tool's tables to its owner role was refused ("permission denied for schema
public"); found by following the guide on a fresh server (session 12)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import URL, create_engine, make_url, text

from tests.conftest import PASSWORD, PG_URL
from tests.unit.test_team_admin_functions import drop_team_database
from transfer_tool.storage.team_roles import quote_ident, role_names

ROOT = Path(__file__).resolve().parents[2]
INSTALLER_PASSWORD = "installer-pw-2026"


@pytest.fixture
def installer_database() -> Iterator[tuple[str, str, str]]:
    """A database owned by an installer role that is no superuser; dropped after, with every role made."""
    if not PG_URL:
        pytest.skip("TEST_DATABASE_URL not set: PostgreSQL run skipped")
    url = make_url(PG_URL)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name, installer = f"{url.database}_installer_{worker}", f"tt_installer_{worker}"
    server = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f"DROP ROLE IF EXISTS {quote_ident(installer)}"))
        conn.execute(
            text(f"CREATE ROLE {quote_ident(installer)} LOGIN PASSWORD '{INSTALLER_PASSWORD}' CREATEROLE")
        )
        conn.execute(text(f'CREATE DATABASE "{name}" OWNER {quote_ident(installer)}'))
        superuser = conn.execute(
            text(f"SELECT rolsuper FROM pg_roles WHERE rolname = '{installer}'")
        ).scalar()
        assert superuser is False
    as_installer = URL.create(
        url.drivername, installer, None, url.host, url.port, name
    )  # PGPASSWORD gives it
    yield as_installer.render_as_string(hide_password=False), name, installer
    server.dispose()
    drop_team_database(name, installer)


def _tool(url: str, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "transfer_tool", "--database", url, *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_an_installer_that_is_no_superuser_sets_up_the_team_database_as_the_guide_says(
    installer_database: tuple[str, str, str], tmp_path: Path
) -> None:
    url, name, _installer = installer_database
    env = {
        "PGPASSWORD": INSTALLER_PASSWORD,
        "TRANSFER_TOOL_PASSWORD": PASSWORD,
        "TRANSFER_TOOL_DATA_DIR": str(tmp_path),
    }
    done = _tool(url, "init", "--admin", "ada", "--name", "Ada Admin", env=env)
    assert done.returncode == 0, done.stderr
    assert "permission denied" not in done.stderr
    assert "admin account created: ada" in done.stdout
    # Ada signs in as her own login role and works.
    given = make_url(url)
    ada = URL.create(given.drivername, None, None, given.host, given.port, given.database).render_as_string()
    listed = _tool(
        ada,
        "--user",
        "ada",
        "users",
        "list",
        env={"PGPASSWORD": PASSWORD, "TRANSFER_TOOL_PASSWORD": PASSWORD},
    )
    assert listed.returncode == 0, listed.stderr
    assert "Ada Admin" in listed.stdout
    # The tables are the owner role's, as on a database a superuser set up.
    owner = role_names(name).owner
    inside = create_engine(make_url(PG_URL or "").set(database=name))
    with inside.connect() as conn:
        owners = set(
            conn.execute(
                text("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")
            ).scalars()
        )
    inside.dispose()
    assert owners == {owner}


def test_an_installer_that_cannot_give_the_owner_role_the_tables_is_told_the_grant_first(
    installer_database: tuple[str, str, str], tmp_path: Path
) -> None:
    """An installer that is not the database's owner, given CREATE on it and on `public` without the right
    to pass that on: init names the grant it lacks and sets nothing up (before, the schema's set-up failed
    half-way with "permission denied for schema public")."""
    url, name, installer = installer_database
    assert PG_URL is not None
    server = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{name}" OWNER TO CURRENT_USER'))
        conn.execute(text(f'GRANT CREATE ON DATABASE "{name}" TO {quote_ident(installer)}'))
    server.dispose()
    inside = create_engine(make_url(PG_URL).set(database=name), isolation_level="AUTOCOMMIT")
    with inside.connect() as conn:
        conn.execute(text(f"GRANT CREATE ON SCHEMA public TO {quote_ident(installer)}"))
        before = conn.execute(text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).scalar()
    env = {
        "PGPASSWORD": INSTALLER_PASSWORD,
        "TRANSFER_TOOL_PASSWORD": PASSWORD,
        "TRANSFER_TOOL_DATA_DIR": str(tmp_path),
    }
    done = _tool(url, "init", "--admin", "ada", "--name", "Ada Admin", env=env)
    assert done.returncode != 0
    said = done.stdout + done.stderr
    assert f"GRANT CREATE ON SCHEMA public TO {quote_ident(installer)} WITH GRANT OPTION;" in said, said
    assert "permission denied" not in said and "Traceback" not in said
    with inside.connect() as conn:
        assert (
            conn.execute(text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).scalar()
            == before
        )
        conn.execute(text(f"GRANT CREATE ON SCHEMA public TO {quote_ident(installer)} WITH GRANT OPTION"))
    inside.dispose()
    done = _tool(url, "init", "--admin", "ada", "--name", "Ada Admin", env=env)
    assert done.returncode == 0, done.stdout + done.stderr
