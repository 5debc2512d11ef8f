"""Team mode on PostgreSQL (issue #19 point 2, migration 0021): accounts and roles, the trust list and
country data change only through the admins' SECURITY DEFINER functions.

As in test_team_database.py, every test connects AS the people (their own login roles) with plain SQL, as
from psql, or through the tool's services signed in as them; the DBA's sign-in only prepares data.
"""

from __future__ import annotations

import json
import os
from typing import Any

import psycopg
import pytest
from sqlalchemy import create_engine, make_url, text

from tests import approval_support
from tests.conftest import PASSWORD, PG_URL
from tests.unit.test_team_database import Team, dba, events_by, refused, rows_changed, team
from transfer_tool.accounts import login_roles, users
from transfer_tool.countries import store
from transfer_tool.domain import Role
from transfer_tool.errors import PermissionDenied, ValidationError
from transfer_tool.records import audit, audit_drift
from transfer_tool.signing import trust
from transfer_tool.storage import migrate
from transfer_tool.storage.database import Database
from transfer_tool.storage.team_roles import quote_ident, role_names

__all__ = ["dba", "team"]  # the fixtures, shared with test_team_database.py

_KR_EDIT = (
    "SELECT f.code FROM destination d, tt_sec.save_destination(%s, 'KR', d.row_version, d.version + 1, "
    "jsonb_set(jsonb_set(d.data::jsonb, '{regimes,CH,status}', '\"adequate\"'), '{version}', "
    "to_jsonb(d.version + 1))::json, 'checked in psql', '') f WHERE d.code = 'KR'"
)
_UK_EDIT = (
    "SELECT f.code FROM regime r, tt_sec.update_regime(%s, 'UK', r.row_version, "
    "jsonb_set(r.data::jsonb, '{source_url}', '\"https://example.org/uk\"')::json) f WHERE r.code = 'UK'"
)
_SET_ROLE = "SELECT f.id FROM user_account u, tt_sec.change_account(%s, u.id, u.row_version, %s, NULL, NULL, NULL) f WHERE u.username = %s"


def _pem(team: Team) -> str:
    cert = trust.parse_certificate(approval_support.certificate_of(team.manager))
    from cryptography.hazmat.primitives import serialization

    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")


def test_an_admin_in_psql_changes_accounts_trust_and_country_data_only_through_the_functions(
    team: Team,
) -> None:
    admin = team.sql("admin")
    for sql in (
        "UPDATE user_account SET role = 'admin' WHERE username = 'lena'",
        "UPDATE user_account SET active = false WHERE username = 'max'",
        "DELETE FROM user_account WHERE username = 'mia'",
        "INSERT INTO user_account (username, display_name, email, role, password_hash, active, language, "
        "failed_attempts, row_version, created_at) VALUES ('eve', 'E', '', 'admin', '', true, '', 0, 1, now())",
        "INSERT INTO trusted_certificate (label, pem, fingerprint_sha256, subject, not_after, added_by, "
        "added_at, active) VALUES ('mine', 'x', 'f', 's', now(), 'admin', now(), true)",
        "UPDATE trusted_certificate SET active = true",
        "UPDATE destination SET version = version + 1",
        "UPDATE regime SET updated_by = 'admin'",
        "INSERT INTO destination_version (code, version, data, changed_at, changed_by, reason, dataset_version) "
        "VALUES ('KR', 99, '{}', now(), 'admin', '', '')",
    ):
        assert "permission denied" in refused(admin, sql), sql
    # Preferences stay everyone's own: an admin's UPDATE does not even see another person's row.
    assert rows_changed(admin, "UPDATE user_account SET language = 'ja' WHERE username = 'admin'") == 1
    assert rows_changed(admin, "UPDATE user_account SET language = 'ja' WHERE username = 'lena'") == 0

    # Through the functions, in psql, without the tool's events: the database audits each change itself.
    assert admin.execute(_SET_ROLE, ("admin", "manager", "lena")).fetchall() == [(team.legal.user_id,)]
    pem = _pem(team)
    added = admin.execute(
        "SELECT id, fingerprint_sha256, added_by FROM tt_sec.add_certificate('admin', 'Max (psql)', %s, "
        "'CN=Max', now() + interval '1 year', %s)",
        (pem, team.manager.user_id),
    ).fetchone()
    assert added is not None
    assert added[1] == trust.fingerprint_of(trust.parse_certificate(pem.encode())) and added[2] == "admin"
    admin.commit()
    admin.execute("SELECT id FROM tt_sec.deactivate_certificate('admin', %s)", (added[0],))
    assert admin.execute(_KR_EDIT, ("admin",)).fetchall() == [("KR",)]
    assert admin.execute(_UK_EDIT, ("admin",)).fetchall() == [("UK",)]
    admin.commit()
    mine = [(e.action, e.table_name, e.record_id) for e in events_by(team.dba, "admin")]
    assert ("db_update", "user_account", str(team.legal.user_id)) in mine
    assert ("db_insert", "trusted_certificate", str(added[0])) in mine
    assert ("db_update", "destination", "KR") in mine and ("db_update", "regime", "UK") in mine
    assert store.get_destination(team.dba, "KR").version == 2
    assert [v.changed_by for v in store.history(team.dba, "KR")] == ["system", "admin"]
    assert users.get_user(team.dba, team.legal.user_id or 0).role is Role.MANAGER
    report = audit.verify(team.dba)
    assert report.ok, report.summary()
    assert audit_drift.drift(team.dba) == []


def test_legal_users_and_managers_calling_the_functions_are_refused(team: Team) -> None:
    calls = [
        (_SET_ROLE, ("{me}", "admin", "{me}")),
        ("SELECT * FROM tt_sec.add_account('{me}', 'eve', 'Eve', '', 'admin', '')", ()),
        ("SELECT * FROM tt_sec.add_certificate('{me}', 'mine', %s, 'CN=x', now(), NULL)", (_pem(team),)),
        (_KR_EDIT, ("{me}",)),
        (_UK_EDIT, ("{me}",)),
    ]
    names = login_roles.names_for(team.dba)
    for who in ("lena", "max"):
        conn = team.sql(who)
        for sql, params in calls:
            sql = sql.replace("{me}", who)
            given = tuple(p.replace("{me}", who) for p in params)
            assert "permission denied for function" in refused(conn, sql, given), (who, sql)
        # A DBA's stray grant of the admin group: the function still asks the account's role in the tool.
        with team.dba.engine.connect() as c:
            c.exec_driver_sql(f"GRANT {quote_ident(names.admin)} TO {quote_ident(team.login(who))}")
            c.commit()
        for sql, params in calls:
            sql = sql.replace("{me}", who)
            given = tuple(p.replace("{me}", who) for p in params)
            assert "only an administrator may change" in refused(conn, sql, given), (who, sql)
    # An admin writes in their own name only.
    admin = team.sql("admin")
    assert "in your own name" in refused(admin, _SET_ROLE, ("max", "admin", "lena"))
    assert "in your own name" in refused(admin, _UK_EDIT, ("system",))
    assert users.get_user(team.dba, team.legal.user_id or 0).role is Role.LEGAL
    assert audit.verify(team.dba).ok


def test_the_functions_keep_the_services_rules(team: Team) -> None:
    admin = team.sql("admin")
    # The last active admin keeps the role and stays active.
    assert "last active administrator" in refused(admin, _SET_ROLE, ("admin", "manager", "admin"))
    assert "last active administrator" in refused(
        admin,
        "SELECT f.id FROM user_account u, tt_sec.change_account('admin', u.id, u.row_version, NULL, false, NULL, "
        "NULL) f WHERE u.username = 'admin'",
    )
    # A stale row version is refused, as the tool's optimistic locking refuses it.
    assert "changed by someone else" in refused(
        admin,
        "SELECT f.id FROM user_account u, tt_sec.change_account('admin', u.id, u.row_version - 1, 'manager', "
        "NULL, NULL, NULL) f WHERE u.username = 'lena'",
    )
    assert "changed by someone else" in refused(
        admin, _KR_EDIT.replace("d.version + 1, jsonb", "d.version + 2, jsonb"), ("admin",)
    )
    assert "changed by someone else" in refused(
        admin, _UK_EDIT.replace("r.row_version,", "r.row_version + 1,"), ("admin",)
    )
    assert "says why" in refused(admin, _KR_EDIT.replace("'checked in psql'", "' '"), ("admin",))
    assert "not version" in refused(
        admin, _KR_EDIT.replace("to_jsonb(d.version + 1)", "to_jsonb(7)"), ("admin",)
    )
    assert "one PEM certificate" in refused(
        admin, "SELECT id FROM tt_sec.add_certificate('admin', 'x', 'not a certificate', 's', now(), NULL)"
    )
    assert "no active account" in refused(
        admin,
        "SELECT id FROM tt_sec.add_certificate('admin', 'x', %s, 's', now(), 424242)",
        (_pem(team),),
    )
    assert "user name" in refused(
        admin, "SELECT id FROM tt_sec.add_account('admin', 'a b', 'A', '', 'legal', '')"
    )
    assert audit.verify(team.dba).ok


def test_the_services_signed_in_as_an_admin_go_through_the_functions(team: Team) -> None:
    """users, trust and country data, signed in as Ada (admin): each change is the function's row and the
    service's own event (no second event from the database), and the rules' refusals read as before."""
    admin_db = team.signed_in("admin")
    kai = users.create_user(admin_db, team.admin, "kai", "Kai Kato", PASSWORD, Role.LEGAL)
    users.update_user(admin_db, team.admin, kai.id, role=Role.MANAGER, display_name="Kai K.")
    users.update_user(admin_db, team.admin, kai.id, password="another long password")
    with pytest.raises(ValidationError, match="last administrator"):
        users.update_user(admin_db, team.admin, team.admin.user_id or 0, role=Role.LEGAL)
    users.remove_user(admin_db, team.admin, kai.id)
    assert users.get_user(team.dba, kai.id).active is False

    pem = approval_support.certificate_of(team.manager)
    cert = trust.add_trusted(admin_db, team.admin, pem, "Max's signature", owner=team.manager.user_id)
    trust.remove_trusted(admin_db, team.admin, cert.id)
    again = trust.add_trusted(admin_db, team.admin, pem, "Max again", owner=team.manager.user_id)
    assert (again.id, again.active, again.added_by) == (cert.id, True, "admin")

    store.update_regime(
        admin_db, team.admin, "UK", exporter_countries=["GB", "GI"], reason="Gibraltar", expected_version=1
    )
    kr = store.get_destination(admin_db, "KR")
    edited = store.update_destination(admin_db, team.admin, kr, reason="nothing new", expected_version=1)
    assert edited.changes == []  # an unchanged destination makes no version
    doc = json.loads(store.export_document(admin_db))
    entry = next(d for d in doc["destinations"] if d["code"] == "KR")
    next(iter(entry["regimes"].values()))["notes"] = "Read again in December."
    store.import_document(admin_db, team.admin, json.dumps(doc).encode(), reason="name")
    assert store.get_destination(team.dba, "KR").version == 2

    events = [(e.action, e.table_name) for e in events_by(team.dba, "admin")]
    assert ("create", "user_account") in events and ("reactivate", "trusted_certificate") in events
    assert ("update", "regime") in events and ("update", "destination") in events
    assert not [e for e in events if e[0].startswith("db_") and e[1] != "destination_version"], events
    report = audit.verify(team.dba)
    assert report.ok, report.summary()
    assert audit_drift.drift(team.dba) == []
    # A legal user's sign-in is refused by the tool before the database is asked.
    lena_db = team.signed_in("lena")
    with pytest.raises(PermissionDenied):
        users.update_user(lena_db, team.legal, team.legal.user_id or 0, role=Role.ADMIN)


def test_country_data_edited_in_psql_is_audited_by_the_database_and_unaudited_edits_are_named(
    team: Team,
) -> None:
    """Destinations and regimes never changed in the tool start from the seed event's digests: an admin's
    edit in psql (through the functions, the only way there) gets the database's own events, so `check`
    finds the rows matching their trail; an edit by the installer's sign-in (which the triggers leave
    alone) is named. (Moved from test_team_database.py, where the admin edited the tables directly.)"""
    admin = team.sql("admin")
    admin.execute(_KR_EDIT, ("admin",))
    admin.execute(_UK_EDIT, ("admin",))
    admin.commit()
    assert [(e.action, e.table_name, e.record_id) for e in events_by(team.dba, "admin")][-3:] == [
        ("db_insert", "destination_version", str(_version_id(team, "KR", 2))),
        ("db_update", "destination", "KR"),
        ("db_update", "regime", "UK"),
    ]
    report = audit.verify(team.dba)
    assert report.ok, report.summary()
    assert audit_drift.drift(team.dba) == []
    with team.dba.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE destination SET data = jsonb_set(data::jsonb, '{regimes,EU,status}', "
            "'\"not_adequate\"')::json WHERE code = 'BR'"
        )
        conn.exec_driver_sql(
            "UPDATE regime SET data = jsonb_set(data::jsonb, '{name_en}', '\"GDPR\"')::json WHERE code = 'EU'"
        )
    assert [(d.table, d.record_id) for d in audit_drift.drift(team.dba)] == [
        ("destination", "BR"),
        ("regime", "EU"),
    ]


def _version_id(team: Team, code: str, version: int) -> int:
    with team.dba.engine.connect() as conn:
        found = conn.execute(
            text("SELECT id FROM destination_version WHERE code = :c AND version = :v"),
            {"c": code, "v": version},
        ).scalar_one()
        return int(found)


def test_a_stray_group_grant_does_not_make_someone_an_admin(team: Team) -> None:
    """Changes to accounts, the trust list and country data are checked against the account's role in the
    tool by the functions, and catalogues and settings by the guard trigger, not only by the database
    group a DBA may have granted by mistake. (Moved from test_team_database.py.)"""
    names = login_roles.names_for(team.dba)
    with team.dba.engine.connect() as conn:
        conn.exec_driver_sql(f'GRANT "{names.admin}" TO "{team.login("lena")}"')
        conn.commit()
    lena = team.sql("lena")
    assert "permission denied" in refused(
        lena, "UPDATE user_account SET role = 'admin' WHERE username = 'lena'"
    )
    assert "only an administrator may change accounts" in refused(lena, _SET_ROLE, ("lena", "admin", "lena"))
    assert "only an administrator may change country data" in refused(lena, _UK_EDIT, ("lena",))
    assert "only an administrator" in refused(lena, "UPDATE org_setting SET value = 'true'::json")
    # Her own preferences stay hers.
    assert rows_changed(lena, "UPDATE user_account SET language = 'ja' WHERE username = 'lena'") == 1
    admin = team.sql("admin")
    # Catalogues stay an admin's to edit directly (under the guard trigger).
    assert (
        rows_changed(
            admin,
            "UPDATE catalog_entry SET sort_order = sort_order + 1 WHERE kind = 'data_category' AND code = 'contact'",
        )
        == 1
    )
    assert admin.execute(_UK_EDIT, ("admin",)).fetchall() == [("UK",)]
    admin.commit()
    assert users.get_user(team.dba, team.legal.user_id or 0).role is Role.LEGAL
    assert audit.verify(team.dba).ok


def test_the_seam_reports_a_stale_row_and_a_refusal_as_the_tool_does(team: Team) -> None:
    """admin_writes turns the functions' refusals into the tool's errors: a row someone saved in between is
    a StaleDataError (as the ORM's optimistic locking raises), a refusal a PermissionDenied with the
    database's reason; nothing is saved either way."""
    from sqlalchemy.orm.exc import StaleDataError

    from transfer_tool.storage import admin_writes
    from transfer_tool.storage.models.core import User

    admin_db, max_db = team.signed_in("admin"), team.signed_in("max")
    with pytest.raises(StaleDataError, match="changed by someone else"), admin_db.unit_of_work() as s:
        lena = s.get(User, team.legal.user_id)
        assert lena is not None
        users.update_user(team.signed_in("admin"), team.admin, lena.id, display_name="Lena L.")
        admin_writes.change_account(s, "admin", lena, role=Role.MANAGER)
    refused_call = "The database refused the change: permission denied for function change_account"
    with pytest.raises(PermissionDenied, match=refused_call), max_db.unit_of_work() as s:
        lena = s.get(User, team.legal.user_id)
        assert lena is not None
        admin_writes.change_account(s, "max", lena, role=Role.MANAGER)
    account = users.get_user(team.dba, team.legal.user_id or 0)
    assert (account.role, account.display_name) == (Role.LEGAL, "Lena L.")


# ---- migration 0021 on a team database of 0020 ----------------------------------------------------------


def _security_state(conn: psycopg.Connection[Any], database: str) -> list[tuple[Any, ...]]:
    """What the team database grants, guards and runs, with the database's name taken out of role names."""
    queries = (
        "SELECT 'table', grantee, table_name, privilege_type FROM information_schema.role_table_grants "
        "WHERE table_schema = 'public' ORDER BY 2, 3, 4",
        "SELECT 'column', grantee, table_name, column_name, privilege_type FROM information_schema.column_privileges "
        "WHERE table_schema = 'public' ORDER BY 2, 3, 4, 5",
        "SELECT 'policy', tablename, policyname, roles::text, cmd, qual, with_check FROM pg_policies ORDER BY 2, 3",
        "SELECT 'function', proname, pg_get_function_identity_arguments(oid), prosecdef, proacl::text, "
        "md5(replace(prosrc, current_database(), '')) FROM pg_proc WHERE pronamespace = 'tt_sec'::regnamespace "
        "ORDER BY 2, 3",
        "SELECT 'trigger', tgrelid::regclass::text, tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 2, 3",
    )
    return [
        tuple(str(v).replace(database, "") for v in row)
        for q in queries
        for row in conn.execute(q).fetchall()
    ]


@pytest.fixture
def own_database() -> Any:
    """A database of this test's own on the test server (dropped after, with the roles named after it)."""
    if not PG_URL:
        pytest.skip("TEST_DATABASE_URL not set: PostgreSQL run skipped")
    url = make_url(PG_URL)
    name = f"{url.database}_upgrade_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    server = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield url.set(database=name).render_as_string(hide_password=False), name
    drop_team_database(name)
    server.dispose()


def drop_team_database(name: str, *more_roles: str) -> None:
    """Drop the test server's database `name` with the team roles named after it (and `more_roles`)."""
    assert PG_URL is not None
    url = make_url(PG_URL)
    names = role_names(name)
    inside = create_engine(url.set(database=name), isolation_level="AUTOCOMMIT")
    with inside.connect() as conn:
        roles = [
            r[0]
            for r in conn.execute(
                text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:g) OR starts_with(rolname, :p)"),
                {"g": [names.owner, *names.groups], "p": names.login_prefix},
            )
        ]
        roles += more_roles
        quoted = ", ".join(quote_ident(r) for r in roles)
        conn.execute(text(f"REASSIGN OWNED BY {quoted} TO CURRENT_USER"))
        conn.execute(text(f"DROP OWNED BY {quoted}"))
    inside.dispose()
    server = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        for r in roles:
            conn.execute(text(f"DROP ROLE IF EXISTS {quote_ident(r)}"))
    server.dispose()


def test_a_team_database_of_0020_upgrades_to_0021_and_back(own_database: tuple[str, str]) -> None:
    url, name = own_database
    db = Database(url)
    plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        migrate.upgrade(db)
        with psycopg.connect(plain) as conn:
            fresh = _security_state(conn, name)
        migrate.downgrade(db, "0020")
        with psycopg.connect(plain) as conn:
            at_0020 = _security_state(conn, name)
            admin_group = role_names(name).admin.replace(name, "")
            grants = {(r[2], r[3]) for r in at_0020 if r[0] == "table" and r[1] == admin_group}
            # What 0020 released: the admin group wrote accounts, the trust list and country data directly.
            assert {
                ("user_account", "DELETE"),
                ("trusted_certificate", "INSERT"),
                ("destination", "UPDATE"),
                ("destination_version", "INSERT"),
                ("regime", "UPDATE"),
            } <= grants
            assert not [
                r for r in at_0020 if r[0] == "function" and r[1] in ("change_account", "acting_admin")
            ]
            assert ("policy", "user_account", "admins_manage") in {r[:3] for r in at_0020}
        assert migrate.current_revision(db) == "0020"
        migrate.upgrade(db)
        assert migrate.current_revision(db) == migrate.head_revision(db)
        with psycopg.connect(plain) as conn:
            upgraded = _security_state(conn, name)
        assert upgraded == fresh
        grants = {(r[2], r[3]) for r in upgraded if r[0] == "table" and r[1] == admin_group}
        kept = ("user_account", "trusted_certificate", "regime", "destination", "destination_version")
        assert {(t, p) for t, p in grants if t in kept} == {(t, "SELECT") for t in kept}
        # The upgraded database works: its first admin is made through the function and signs in.
        users.create_first_admin(db, "admin", "Ada Admin", PASSWORD)
        person = Database(url, people_sign_in=True)
        try:
            ada = users.authenticate(person, "admin", PASSWORD).actor()
            users.create_user(person, ada, "lena", "Lena Legal", PASSWORD, Role.LEGAL)
            assert [u.username for u in users.list_users(person, ada)] == ["admin", "lena"]
        finally:
            person.dispose()
        assert audit.verify(db).ok
    finally:
        db.dispose()
