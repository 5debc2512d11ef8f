"""Team mode on PostgreSQL (issue #19): the database itself enforces roles, four eyes and the audit log.

Every test here connects AS the people (their own login roles, SCRAM passwords) to a real PostgreSQL
server: with plain SQL through psycopg, as someone would from psql, and through the tool's services
signed in as them. The DBA's sign-in (the test server's superuser) only prepares data.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import psycopg
import pytest
from sqlalchemy import make_url, select

from tests import approval_support
from tests.conftest import PASSWORD, _seed, _truncate_pg
from tests.unit import test_roles_matrix as matrix
from transfer_tool import demo
from transfer_tool.accounts import login_roles, users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.domain import AssessmentStatus, Role
from transfer_tool.errors import AuthenticationFailed, PermissionDenied
from transfer_tool.records import audit, audit_drift
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment
from transfer_tool.storage.models.core import AuditEvent, User

TODAY = matrix.TODAY


@pytest.fixture
def dba(pg_migrated: str) -> Iterator[Database]:
    """The DBA's sign-in: prepares data, never the subject of a test."""
    db = Database(pg_migrated)
    _truncate_pg(db)
    _seed(db)
    yield db
    db.dispose()


class Team:
    """The people of one team database and ways to connect as each of them."""

    def __init__(self, dba: Database, url: str) -> None:
        self.dba, self.url = dba, url
        self.admin = users.create_first_admin(dba, "admin", "Ada Admin", PASSWORD).actor()
        self.legal = users.create_user(dba, self.admin, "lena", "Lena Legal", PASSWORD, Role.LEGAL).actor()
        self.manager = users.create_user(
            dba, self.admin, "max", "Max Manager 山田", PASSWORD, Role.MANAGER
        ).actor()
        self.other = users.create_user(dba, self.admin, "mia", "Mia Manager", PASSWORD, Role.MANAGER).actor()
        self._open: list[Database] = []
        self._conns: list[psycopg.Connection[Any]] = []

    def login(self, username: str) -> str:
        return login_roles.names_for(self.dba).login(username)

    def sql(self, username: str, password: str = PASSWORD) -> psycopg.Connection[Any]:
        """A plain psycopg connection as the person, as from psql (each statement's transaction is ours)."""
        url = make_url(self.url)
        conn = psycopg.connect(
            host=url.host, port=url.port, dbname=url.database, user=self.login(username), password=password
        )
        self._conns.append(conn)
        return conn

    def signed_in(self, username: str) -> Database:
        """The tool's services as the person, signed in the way the app and the command line do."""
        db = Database(self.url, people_sign_in=True)
        users.authenticate(db, username, PASSWORD)
        self._open.append(db)
        return db

    def close(self) -> None:
        for conn in self._conns:
            conn.close()
        for db in self._open:
            db.dispose()


@pytest.fixture
def team(dba: Database, pg_migrated: str) -> Iterator[Team]:
    t = Team(dba, pg_migrated)
    yield t
    t.close()


def refused(conn: psycopg.Connection[Any], sql: str, params: tuple[Any, ...] = ()) -> str:
    """Run `sql` expecting the database to refuse it; the reason (the transaction is rolled back)."""
    try:
        conn.execute(sql, params)
        conn.commit()
    except psycopg.Error as exc:
        conn.rollback()
        return str(exc.diag.message_primary)
    raise AssertionError(f"the database accepted: {sql}")


def rows_changed(conn: psycopg.Connection[Any], sql: str, params: tuple[Any, ...] = ()) -> int:
    """Run and commit `sql`; how many rows it changed (row-level security hides the rows a role may not
    touch, so such a statement changes none)."""
    cur = conn.execute(sql, params)
    conn.commit()
    return cur.rowcount


def submitted_by(team: Team, assessor: Actor) -> service.AssessmentView:
    parties = demo.create_demo_parties(team.dba, team.admin)
    t, _ = demo.create_demo_transfer(team.dba, team.admin, parties, title="Payroll to Tokyo")
    return demo.fill_and_submit(team.dba, assessor, t.id, TODAY)


def status_of(db: Database, assessment_id: int) -> AssessmentStatus:
    with db.read() as s:
        row = s.get(Assessment, assessment_id)
        assert row is not None
        return row.status


@dataclass(frozen=True)
class Event:
    action: str
    table_name: str
    record_id: str
    actor_id: int | None
    before: Any
    after: Any


def events_by(db: Database, actor_name: str) -> list[Event]:
    with db.read() as s:
        found = s.execute(
            select(AuditEvent).where(AuditEvent.actor_name == actor_name).order_by(AuditEvent.seq)
        )
        return [
            Event(e.action, e.table_name, e.record_id, e.actor_id, e.before, e.after) for e in found.scalars()
        ]


# ---- signing in --------------------------------------------------------------------------------------------


def test_each_person_signs_in_as_their_own_login_role_and_the_server_checks_the_password(team: Team) -> None:
    db = team.signed_in("lena")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT session_user").scalar() == team.login("lena")
    with pytest.raises(AuthenticationFailed, match="Wrong user name or password"):
        users.authenticate(Database(team.url, people_sign_in=True), "lena", "not the password")
    with pytest.raises(AuthenticationFailed, match="Wrong user name or password"):
        users.authenticate(Database(team.url, people_sign_in=True), "nobody", PASSWORD)
    # Removing an account drops its sign-in; the row stays for the audit log.
    assert team.legal.user_id is not None
    users.remove_user(team.dba, team.admin, team.legal.user_id)
    with pytest.raises(AuthenticationFailed):
        users.authenticate(Database(team.url, people_sign_in=True), "lena", PASSWORD)
    assert not login_roles.exists_by_name(team.dba, team.login("lena"))


def test_a_team_database_made_through_open_database_keeps_no_password_hash(team: Team) -> None:
    db = Database(team.url, people_sign_in=True)
    try:
        u = users.create_user(db, team.admin, "nora", "Nora New", PASSWORD, Role.LEGAL)
        with db.read() as s:
            account = s.get(User, u.id)
            assert account is not None and account.password_hash == users.PASSWORD_IN_POSTGRESQL
        users.authenticate(db, "nora", PASSWORD)
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT session_user").scalar() == team.login("nora")
    finally:
        db.dispose()


# ---- what a legal user cannot do with plain SQL ----------------------------------------------------------


def test_a_legal_user_in_psql_can_neither_escalate_approve_touch_trust_or_country_data_nor_the_audit_log(
    team: Team,
) -> None:
    a = submitted_by(team, team.other)
    lena = team.sql("lena")
    assert "permission denied" in refused(
        lena, "UPDATE user_account SET role = 'admin' WHERE username = 'lena'"
    )
    assert "permission denied" in refused(lena, "UPDATE user_account SET active = false")
    assert "permission denied" in refused(
        lena,
        "INSERT INTO user_account (username, display_name, email, role, password_hash, active, language, "
        "failed_attempts, row_version, created_at) VALUES ('evil', 'E', '', 'admin', '', true, '', 0, 1, now())",
    )
    # Row-level security: a legal user's UPDATE does not even see a submitted version.
    assert (
        rows_changed(lena, "UPDATE assessment SET status = 'approved', frozen = true WHERE id = %s", (a.id,))
        == 0
    )
    assert "may not approve" in refused(lena, "SELECT tt_sec.transition(%s, 'approved')", (a.id,))
    assert "permission denied" in refused(
        lena,
        "INSERT INTO trusted_certificate (label, pem, fingerprint_sha256, subject, not_after, added_by, "
        "added_at, active) VALUES ('mine', 'x', 'f', 's', now(), 'lena', now(), true)",
    )
    assert "permission denied" in refused(lena, "UPDATE trusted_certificate SET active = true")
    assert "permission denied" in refused(lena, "UPDATE destination SET version = version + 1")
    assert "permission denied" in refused(lena, "UPDATE regime SET updated_by = 'lena'")
    assert "permission denied" in refused(lena, "DELETE FROM destination_version")
    assert "permission denied" in refused(lena, "UPDATE audit_event SET actor_name = 'someone'")
    assert "permission denied" in refused(lena, "DELETE FROM audit_event")
    assert "permission denied" in refused(
        lena, "INSERT INTO audit_head (id, last_seq, last_hash) VALUES (2, 0, '')"
    )
    assert "permission denied" in refused(lena, "UPDATE audit_head SET last_seq = 0")
    assert "permission denied" in refused(lena, "TRUNCATE audit_event")
    assert "in your own name" in refused(
        lena,
        "SELECT tt_sec.append_event(1000, now(), %s, 'max', 'approve', 'assessment', '1', NULL, NULL, 'x', 'y')",
        (team.manager.user_id,),
    )
    assert "must be owner" in refused(lena, "ALTER TABLE audit_event DISABLE TRIGGER ALL")
    assert "permission denied" in refused(
        lena, "SET ROLE " + '"' + login_roles.names_for(team.dba).owner + '"'
    )
    assert status_of(team.dba, a.id) is AssessmentStatus.SUBMITTED
    assert audit.verify(team.dba).ok


def test_a_legal_user_edits_drafts_but_never_an_approved_version(team: Team) -> None:
    a = submitted_by(team, team.legal)
    approval_support.approve(team.dba, team.manager, a.id, TODAY)
    lena, max_sql = team.sql("lena"), team.sql("max")
    assert rows_changed(lena, "UPDATE assessment SET page = 'risk' WHERE id = %s", (a.id,)) == 0
    for conn in (lena, max_sql):
        assert (
            rows_changed(
                conn, "UPDATE assessment SET status = 'draft', frozen = false WHERE id = %s", (a.id,)
            )
            == 0
        )
    assert status_of(team.dba, a.id) is AssessmentStatus.APPROVED
    # A new version is a draft again, and legal edits it.
    draft = service.new_version(team.dba, team.legal, a.id)
    assert rows_changed(lena, "UPDATE assessment SET page = 'risk' WHERE id = %s", (draft.id,)) == 1
    assert "a new version starts as a draft" in refused(
        lena,
        "INSERT INTO assessment (transfer_id, version_no, status, record, page, country_data_version, frozen, "
        "single_user_approval, attestations, author_ids, row_version, created_at, updated_at) "
        "SELECT transfer_id, 9, 'approved', jsonb_set(record::jsonb, '{record,status}', '\"approved\"')::json, "
        "'', '', false, false, '[]', '[]', 1, now(), now() FROM assessment WHERE id = %s",
        (draft.id,),
    )
    # A "returned" version is opened only by the transaction that returns the one before it.
    assert "a new version starts as a draft" in refused(
        lena,
        "INSERT INTO assessment (transfer_id, version_no, status, record, page, country_data_version, frozen, "
        "single_user_approval, attestations, author_ids, row_version, created_at, updated_at) "
        "SELECT transfer_id, 9, 'returned', jsonb_set(record::jsonb, '{record,status}', '\"returned\"')::json, "
        "'', '', false, false, '[]', author_ids, 1, now(), now() FROM assessment WHERE id = %s",
        (draft.id,),
    )


# ---- four eyes ------------------------------------------------------------------------------------------


def test_a_manager_cannot_approve_a_version_they_edited(team: Team) -> None:
    a = submitted_by(team, team.legal)
    draft = service.return_with_comments(team.dba, team.other, a.id, [("risk", "Say why.")])
    # Max edits the returned version with plain SQL: the database makes him an author of the version.
    max_sql = team.sql("max")
    max_sql.execute(
        "UPDATE assessment SET record = jsonb_set(record::jsonb, '{record,procedural_notes}', '\"checked by Max\"')::json "
        "WHERE id = %s",
        (draft.id,),
    )
    max_sql.commit()
    assert team.manager.user_id in service.authors_of(team.dba, draft.id)
    # ... and cannot take himself out again.
    assert "cannot be removed" in refused(
        max_sql, "UPDATE assessment SET author_ids = '[]'::json WHERE id = %s", (draft.id,)
    )
    service.submit(team.dba, team.legal, draft.id, TODAY)
    assert "four-eyes" in refused(max_sql, "SELECT tt_sec.transition(%s, 'approved')", (draft.id,))
    assert "four-eyes" in refused(max_sql, "SELECT tt_sec.transition(%s, 'returned')", (draft.id,))
    assert "status changes only through" in refused(
        max_sql,
        "UPDATE assessment SET status = 'approved', frozen = true, approver_id = %s, "
        "record = jsonb_set(record::jsonb, '{record,status}', '\"approved\"')::json WHERE id = %s",
        (team.manager.user_id, draft.id),
    )
    assert status_of(team.dba, draft.id) is AssessmentStatus.SUBMITTED
    # Another manager may: the same door, no author of the version.
    mia_sql = team.sql("mia")
    mia_sql.execute("SELECT tt_sec.transition(%s, 'returned')", (draft.id,))
    mia_sql.rollback()


# ---- the audit log, written by the database ------------------------------------------------------------


def test_a_permitted_direct_change_is_audited_by_the_database_and_verifies(team: Team) -> None:
    parties = demo.create_demo_parties(team.dba, team.admin)
    t, _ = demo.create_demo_transfer(team.dba, team.admin, parties, title="CRM to Frankfurt")
    lena = team.sql("lena")
    lena.execute(
        "UPDATE transfer SET title = %s, notes = %s WHERE id = %s",
        ('顧客データ "CRM" — Tokyo\n2nd line\t✓', "1.5 € per row; 0.00001 % ratio", t.id),
    )
    lena.execute(
        "INSERT INTO entity (name, country, address, contact_name, contact_position, contact_email, "
        "is_group_company, registration_no, activities, certifications, notice_name, row_version, created_at, "
        "updated_at) VALUES ('Direct SQL KK', 'JP', '', '', '', '', false, '', '', '[\"APEC CBPR\", 1.25]', "
        "'category', 1, now(), now())"
    )
    lena.commit()
    mine = events_by(team.dba, "lena")
    assert [(e.action, e.table_name) for e in mine] == [("db_update", "transfer"), ("db_insert", "entity")]
    update = mine[0]
    assert update.record_id == str(t.id) and update.actor_id == team.legal.user_id
    assert update.after["title"].startswith("顧客データ") and update.before["title"] == "CRM to Frankfurt"
    report = audit.verify(team.dba)
    assert report.ok, report.summary()
    # `check` replays the row from its events, the database's included: no difference to report.
    assert audit_drift.drift(team.dba) == []
    # A change the tool records itself gets no second event from the database.
    lena_db = team.signed_in("lena")
    before = len(events_by(team.dba, "lena"))
    service.start_assessment(lena_db, team.legal, t.id)
    assert [e.action for e in events_by(team.dba, "lena")[before:]] == ["create", "status"]
    assert audit.verify(team.dba).ok


def test_a_forged_event_in_ones_own_name_breaks_the_chain_where_it_stands(team: Team) -> None:
    lena = team.sql("lena")
    head = lena.execute("SELECT last_seq, last_hash FROM tt_sec.lock_head()").fetchone()
    assert head is not None
    lena.execute(
        "SELECT tt_sec.append_event(%s, now(), %s, 'lena', 'note', 'transfer', '1', NULL, NULL, %s, %s)",
        (head[0] + 1, team.legal.user_id, head[1], "0" * 64),
    )
    lena.commit()
    report = audit.verify(team.dba)
    assert not report.ok and report.first_broken == head[0] + 1


# ---- the tool's own flows, signed in as each person -----------------------------------------------------


def test_the_review_story_works_signed_in_as_each_person(team: Team) -> None:
    for approver in (team.manager, team.admin):
        approval_support.register(team.dba, approver)
    lena_db, max_db, admin_db = team.signed_in("lena"), team.signed_in("max"), team.signed_in("admin")
    parties = demo.create_demo_parties(lena_db, team.legal)
    t, _ = demo.create_demo_transfer(lena_db, team.legal, parties, title="Support desk")
    a = demo.fill_and_submit(lena_db, team.legal, t.id, TODAY)
    returned = service.return_with_comments(max_db, team.manager, a.id, [("risk", "Explain the 10 %.")])
    # The return opens version 2 for Lena (issue 18): made on Max's sign-in, with Lena's authorship only.
    assert returned.status is AssessmentStatus.RETURNED and returned.version_no == a.version_no + 1
    again = service.submit(lena_db, team.legal, returned.id, TODAY)
    assert again.status is AssessmentStatus.SUBMITTED
    approved = approval_support.approve(max_db, team.manager, returned.id, TODAY)
    assert approved.status is AssessmentStatus.APPROVED
    draft = service.new_version(lena_db, team.legal, returned.id)
    users.update_user(admin_db, team.admin, team.legal.user_id or 0, display_name="Lena L.")
    users.set_language(lena_db, team.legal, "ja")
    assert draft.status is AssessmentStatus.DRAFT
    report = audit.verify(team.dba)
    assert report.ok, report.summary()
    # Every row the round wrote (the frozen returned version, the next one, the approval, the new draft,
    # the database's own events) matches its audit trail.
    assert audit_drift.drift(team.dba) == []


def test_changing_a_role_moves_the_login_role_between_groups(team: Team) -> None:
    names = login_roles.names_for(team.dba)
    admin_db = team.signed_in("admin")
    users.update_user(admin_db, team.admin, team.legal.user_id or 0, role=Role.MANAGER)
    assert login_roles.groups_of(team.dba, team.login("lena")) == [names.manager]
    users.update_user(admin_db, team.admin, team.legal.user_id or 0, active=False)
    with pytest.raises(AuthenticationFailed):
        users.authenticate(Database(team.url, people_sign_in=True), "lena", PASSWORD)


# ---- the role x function matrix, as the real roles ------------------------------------------------------


@pytest.mark.parametrize("role", ("legal", "manager", "admin"))
def test_the_role_matrix_holds_signed_in_as_the_real_roles(team: Team, role: str) -> None:
    """Every service function of tests/unit/test_roles_matrix.py, prepared on the DBA's sign-in and called
    on the person's own: allowed calls succeed under the database's privileges, denied ones change nothing."""
    assessor = users.create_user(team.dba, team.admin, "sam", "Sam Assessor", PASSWORD, Role.LEGAL).actor()
    reviewer = users.create_user(
        team.dba, team.admin, "rita", "Rita Reviewer", PASSWORD, Role.MANAGER
    ).actor()
    for approver in (reviewer, team.manager, team.admin):
        approval_support.register(team.dba, approver)
    actor = {"legal": team.legal, "manager": team.manager, "admin": team.admin}[role]
    person = team.signed_in(actor.username)
    w = matrix.World(team.dba, team.admin, assessor, reviewer)
    wrong = []
    for function in matrix.ROLE_POLICY:
        w.db = team.dba
        expected = "allowed" if role in matrix.ROLE_POLICY[function] else "denied"
        call = matrix.CASES[function](w)
        before = matrix.fingerprint(team.dba) if expected == "denied" else ""
        w.db = person
        try:
            call(actor)
        except PermissionDenied:
            got = "denied"
        except Exception as exc:
            got = f"error: {type(exc).__name__}: {exc}"
        else:
            got = "allowed"
        finally:
            w.db = team.dba
        if got != expected or (expected == "denied" and matrix.fingerprint(team.dba) != before):
            wrong.append((function, expected, got[:300]))
    print(f"\n[roles] postgres as the real role {role}: {len(matrix.ROLE_POLICY)} checks")
    assert wrong == []
    assert audit.verify(team.dba).ok


# ---- the command line -------------------------------------------------------------------------------------


def test_users_commands_create_regroup_and_drop_login_roles(
    team: Team, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from transfer_tool.cli import main

    names = login_roles.names_for(team.dba)
    monkeypatch.setenv("TRANSFER_TOOL_PASSWORD", PASSWORD)
    monkeypatch.setenv("TRANSFER_TOOL_NEW_PASSWORD", "another long password")

    def run(*args: str) -> int:
        return main(["--database", team.url, "--user", "admin", *args])

    assert run("users", "add", "kai", "--name", "Kai Kato", "--role", "legal") == 0
    assert login_roles.groups_of(team.dba, team.login("kai")) == [names.legal]
    kai = Database(team.url, people_sign_in=True)
    users.authenticate(kai, "kai", "another long password")
    kai.dispose()
    assert run("users", "set-role", "kai", "manager") == 0
    assert login_roles.groups_of(team.dba, team.login("kai")) == [names.manager]
    assert run("users", "remove", "kai") == 0
    assert not login_roles.exists_by_name(team.dba, team.login("kai"))
    # Signed in as a legal user, the command is refused by the tool before the database is asked.
    monkeypatch.setenv("TRANSFER_TOOL_PASSWORD", PASSWORD)
    assert main(["--database", team.url, "--user", "lena", "users", "set-role", "lena", "admin"]) != 0
    assert "may not manage users" in capsys.readouterr().err
    assert login_roles.groups_of(team.dba, team.login("lena")) == [names.legal]


def test_init_prints_what_the_dba_must_grant(team: Team, capsys: pytest.CaptureFixture[str]) -> None:
    from transfer_tool.cli import main

    installer = team.login("installer-without-rights")
    with team.dba.engine.connect() as conn:  # a sign-in that may connect and nothing more
        conn.exec_driver_sql(f"CREATE ROLE \"{installer}\" LOGIN PASSWORD '{PASSWORD}'")
        conn.commit()
    url = make_url(team.url).set(username=installer, password=PASSWORD).render_as_string(hide_password=False)
    assert main(["--database", url, "init"]) == 1
    err = capsys.readouterr().err
    assert f'ALTER ROLE "{installer}" CREATEROLE;' in err
    assert f'GRANT CREATE ON DATABASE "{make_url(team.url).database}"' in err


def test_the_app_opens_a_team_database_with_no_credential_of_its_own(team: Team) -> None:
    """No shared application credential: the configured URL names only the server and the database, and
    signing in connects as the person (what ui/app.py and the command line do through open_database)."""
    from transfer_tool.runtime.bootstrap import open_database
    from transfer_tool.runtime.config import Config

    bare = make_url(team.url).set(username="nobody-configured", password=None)
    db = open_database(Config(bare.render_as_string(hide_password=False)))
    try:
        assert db.people_sign_in and users.has_users(db)
        view = users.authenticate(db, "max", PASSWORD)
        assert view.role is Role.MANAGER
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT session_user").scalar() == team.login("max")
    finally:
        db.dispose()


def test_a_later_migration_can_install_the_security_again(team: Team) -> None:
    """A migration that adds tables calls team_security.install again: it must run over itself."""
    from transfer_tool.storage import team_security

    with team.dba.engine.begin() as conn:
        team_security.install(conn, login_roles.names_for(team.dba))
    lena = team.sql("lena")
    assert "permission denied" in refused(lena, "UPDATE user_account SET role = 'admin'")
    assert rows_changed(lena, "UPDATE transfer SET title = title || ' (checked)'") == 0  # no transfers yet


# ---- the privacy notice (issue #24) -------------------------------------------------------------------------

_NOTICE_ROW = (
    "INSERT INTO notice_generation (regime, lang, group_by, register_version, dataset_version, sources, "
    "entries, text, unverified, published, published_at, published_by, created_by, created_at, row_count) "
    "VALUES ('JP', 'en', 'recipient_type', 'v', 'd', '[]', '[]', 'Our notice', '[]', {published}, {at}, "
    "{by}, {creator}, now(), 0)"
)


def test_anyone_stores_a_notice_but_only_an_admin_publishes_it_and_a_published_one_stays(team: Team) -> None:
    """Signed in as the real roles: Lena (legal) stores a generation of the APPI notice, Ada (admin)
    publishes it through the tool; in psql nobody stores a row already published or in another's name, a
    manager (even with a stray admin group grant) cannot publish, and the published notice, which later
    diffs compare with, is not changed even by an admin."""
    from transfer_tool.notice import service as notice
    from transfer_tool.register import transfers

    names = login_roles.names_for(team.dba)
    a = submitted_by(team, team.legal)
    approval_support.register(team.dba, team.manager)
    approval_support.approve(team.dba, team.manager, a.id, TODAY)
    lena_db, admin_db = team.signed_in("lena"), team.signed_in("admin")
    preview, draft = notice.generate(lena_db, team.legal, "JP", "en", today=TODAY)
    assert [e.tool for e in preview.entries] == ["jp_equivalent_measures"] and draft.created_by == "lena"

    lena, max_sql = team.sql("lena"), team.sql("max")
    # Entities are Lena's to edit, but not whether the published notice may name one.
    importer = transfers.get_transfer(team.dba, a.transfer_id).importer_id
    assert rows_changed(lena, "UPDATE entity SET activities = 'Payroll' WHERE id = %s", (importer,)) == 1
    assert "only an administrator decides how the privacy notice names" in refused(
        lena, "UPDATE entity SET notice_name = 'name' WHERE id = %s", (importer,)
    )
    forged = _NOTICE_ROW.format(published="true", at="now()", by="'lena'", creator="'lena'")
    assert "an administrator publishes it" in refused(lena, forged)
    as_other = _NOTICE_ROW.format(published="false", at="NULL", by="''", creator="'admin'")
    assert "in your own name" in refused(lena, as_other)
    assert "permission denied" in refused(lena, "UPDATE notice_generation SET published = true")
    assert "permission denied" in refused(max_sql, "UPDATE notice_generation SET published = true")
    with team.dba.engine.connect() as conn:  # a DBA's mistake: the admin group for a manager
        conn.exec_driver_sql(f'GRANT "{names.admin}" TO "{team.login("max")}"')
        conn.commit()
    assert "only an administrator may publish" in refused(
        max_sql,
        "UPDATE notice_generation SET published = true, published_at = now(), published_by = 'max' "
        "WHERE id = %s",
        (draft.id,),
    )
    admin = team.sql("admin")
    assert "changes only its text" in refused(
        admin,
        "UPDATE notice_generation SET published = true, published_at = now(), published_by = 'admin', "
        "entries = '[]' WHERE id = %s",
        (draft.id,),
    )

    published = notice.publish(admin_db, team.admin, draft.id, accept_unverified=True, today=TODAY)
    assert published.published and published.published_by == "admin"
    assert notice.last_published(team.dba, "JP") == published
    assert "a published notice is not changed" in refused(
        admin, "UPDATE notice_generation SET text = 'Another text' WHERE id = %s", (draft.id,)
    )
    assert notice.preview(lena_db, "JP", "en", today=TODAY).diff_text.startswith("No change since")
    admins = [(e.action, e.table_name) for e in events_by(team.dba, "admin")]
    assert admins[-1] == ("publish", "notice_generation")
    lenas = [(e.action, e.table_name) for e in events_by(team.dba, "lena")]
    assert lenas[-2:] == [("generate", "notice_generation"), ("db_update", "entity")]  # her psql edit too
    report = audit.verify(team.dba)
    assert report.ok, report.summary()
