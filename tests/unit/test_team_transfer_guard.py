"""Team mode on PostgreSQL: a transfer whose assessment is approved is not changed behind the flag
(migration 0024, transfer_tool/storage/team_transfer_guard.py).

The tool flags a transfer changed after approval for re-assessment (test_transfer_changed_after_approval.py).
Before 0024 a legal user's own sign-in could change the approved transfer's row from psql and nothing was
flagged: the register, the privacy notice and the calendar then stated a transfer the approval never
covered. As in test_team_database.py, the tests connect AS the people with plain SQL.
"""

from __future__ import annotations

import dataclasses

import psycopg
from sqlalchemy import make_url

from tests.conftest import PASSWORD, _seed
from tests.unit import teamwork_support
from tests.unit.test_team_admin_functions import own_database
from tests.unit.test_team_database import Team, dba, refused, rows_changed, submitted_by, team
from transfer_tool.accounts import login_roles, users
from transfer_tool.countries import store
from transfer_tool.domain import Role
from transfer_tool.records import audit
from transfer_tool.register import transfers
from transfer_tool.register.approved_changes import ASSESSED_FIELDS
from transfer_tool.storage import migrate, team_transfer_guard
from transfer_tool.storage.database import Database
from transfer_tool.storage.team_roles import quote_ident, role_names

__all__ = ["dba", "own_database", "team"]  # the fixtures, shared with test_team_database.py

_FLAG = (
    "INSERT INTO reassessment_flag (transfer_id, destination, regime, kind, reason, created_at) "
    "VALUES (%s, 'US', '', 'transfer', 'Changed after its assessment was approved: the purposes.', now())"
)


def _approved(team: Team) -> teamwork_support.Approved:
    return teamwork_support.approved_transfer(team.dba, team.admin, team.legal, team.manager, eu=False)


def test_an_approved_transfer_changed_from_psql_without_a_flag_is_refused(team: Team) -> None:
    ok = _approved(team)
    lena = team.sql("lena")
    tid = ok.transfer.id
    for change in (
        'purposes = \'["support", "marketing"]\'',
        "destination = 'CN'",
        "retention = 'Ten years'",
        "special_categories = NOT special_categories",
        'storage_countries = \'["US", "CN"]\'',
    ):
        reason = refused(lena, f"UPDATE transfer SET {change} WHERE id = %s", (tid,))
        assert "flags the transfer for re-assessment" in reason, change
    assert transfers.get_transfer(team.dba, tid) == ok.transfer
    # The register's own fields (the title, the notes) are not what the approval read.
    assert rows_changed(
        lena, "UPDATE transfer SET title = 'Support desk (US)', notes = 'x' WHERE id = %s", (tid,)
    )
    # The same data written again in another JSON spelling is no change.
    assert rows_changed(
        lena, "UPDATE transfer SET purposes = purposes::jsonb::text::json WHERE id = %s", (tid,)
    )
    assert audit.verify(team.dba).ok


def test_a_change_from_psql_with_its_flag_in_the_same_transaction_commits(team: Team) -> None:
    ok = _approved(team)
    lena = team.sql("lena")
    tid = ok.transfer.id
    lena.execute(_FLAG, (tid,))
    lena.execute("UPDATE transfer SET reassessment_needed = true WHERE id = %s", (tid,))
    lena.execute('UPDATE transfer SET purposes = \'["support", "marketing"]\' WHERE id = %s', (tid,))
    lena.commit()
    assert [f.kind for f in store.open_flags(team.dba, tid)] == ["transfer"]
    # While that flag is open the transfer is already due for re-assessment: a further change commits.
    assert rows_changed(lena, "UPDATE transfer SET retention = 'Ten years' WHERE id = %s", (tid,)) == 1
    assert audit.verify(team.dba).ok


def test_the_tools_own_change_after_approval_commits_under_the_guard(team: Team) -> None:
    ok = _approved(team)
    lena = team.signed_in("lena")
    t = transfers.get_transfer(lena, ok.transfer.id)
    after = transfers.update_transfer(
        lena, team.legal, t.id, transfers.with_changes(t, destination="CN"), t.row_version
    )
    assert after.destination == "CN" and after.reassessment_needed
    assert audit.verify(team.dba).ok


def test_a_transfer_awaiting_review_is_not_changed_from_psql(team: Team) -> None:
    sub = submitted_by(team, team.legal)
    lena = team.sql("lena")
    reason = refused(lena, "UPDATE transfer SET purposes = '[]' WHERE id = %s", (sub.transfer_id,))
    assert "awaiting review" in reason
    # Nor by adding a flag first: the version under review cannot answer the change.
    lena.execute(_FLAG, (sub.transfer_id,))
    assert "awaiting review" in refused(
        lena, "UPDATE transfer SET purposes = '[]' WHERE id = %s", (sub.transfer_id,)
    )


def test_a_draft_in_progress_answers_the_change(team: Team) -> None:
    from transfer_tool.assessment import service

    ok = _approved(team)
    service.new_version(team.dba, team.legal, ok.assessment.id)
    lena = team.sql("lena")
    assert rows_changed(lena, "UPDATE transfer SET destination = 'CN' WHERE id = %s", (ok.transfer.id,)) == 1
    assert store.open_flags(team.dba, ok.transfer.id) == []


def test_the_guard_reads_the_services_list_of_assessed_details() -> None:
    sql = team_transfer_guard.function_sql(role_names("tia"))
    for column in ASSESSED_FIELDS:
        assert f"OLD.{quote_ident(column)}" in sql and f"NEW.{quote_ident(column)}" in sql, column
    assert "notes" not in sql
    # The title is the register's own for a transfer's approval, but what its parent's lists of an onward one.
    own, onward = sql.split("ROW(", 2)[1], sql.split("ROW(", 3)[3]
    assert "title" not in own and f"OLD.{quote_ident('title')}" in onward
    assert (
        f"OLD.{quote_ident('purposes')}::jsonb" in sql and f"OLD.{quote_ident('retention')}::jsonb" not in sql
    )


def test_a_team_database_of_0023_upgrades_to_0024_and_back(own_database: tuple[str, str]) -> None:
    url, _name = own_database
    db = Database(url)
    server = make_url(url)
    try:
        migrate.upgrade(db)
        _seed(db)
        admin = users.create_first_admin(db, "admin", "Ada Admin", PASSWORD).actor()
        legal = users.create_user(db, admin, "lena", "Lena Legal", PASSWORD, Role.LEGAL).actor()
        manager = users.create_user(db, admin, "nils", "Nils Manager", PASSWORD, Role.MANAGER).actor()
        ok = teamwork_support.approved_transfer(db, admin, legal, manager, eu=False)
        change = "UPDATE transfer SET retention = %s WHERE id = %s"

        def lena() -> psycopg.Connection[object]:
            login = login_roles.names_for(db).login("lena")
            return psycopg.connect(
                host=server.host, port=server.port, dbname=server.database, user=login, password=PASSWORD
            )

        migrate.downgrade(db, "0023")
        with lena() as conn:  # what 0023 allowed
            assert rows_changed(conn, change, ("Five years", ok.transfer.id)) == 1
        migrate.upgrade(db)
        assert migrate.current_revision(db) == migrate.head_revision(db) >= "0024"
        with lena() as conn:
            assert "re-assessment" in refused(conn, change, ("Ten years", ok.transfer.id))
        assert audit.verify(db).ok
    finally:
        db.dispose()


def test_a_flag_row_that_leaves_the_transfer_unmarked_is_not_enough(team: Team) -> None:
    """The register, the dashboard and the re-assessment list read the transfer's own mark
    (`reassessment_needed`), which only an approval takes off: a flag row without it would leave the
    changed transfer shown as approved and due for nothing."""
    from transfer_tool.assessment import reassessment

    ok = _approved(team)
    lena = team.sql("lena")
    tid = ok.transfer.id
    lena.execute(_FLAG, (tid,))
    reason = refused(
        lena, 'UPDATE transfer SET purposes = \'["support", "marketing"]\' WHERE id = %s', (tid,)
    )
    assert "flags the transfer for re-assessment" in reason
    assert transfers.get_transfer(team.dba, tid) == ok.transfer
    # With the transfer marked as well, as the tool marks it, the change commits and is listed.
    lena.execute(_FLAG, (tid,))
    lena.execute("UPDATE transfer SET reassessment_needed = true WHERE id = %s", (tid,))
    lena.execute('UPDATE transfer SET purposes = \'["support", "marketing"]\' WHERE id = %s', (tid,))
    lena.commit()
    assert transfers.get_transfer(team.dba, tid).reassessment_needed
    assert tid in reassessment.flagged_transfer_ids(team.dba)
    assert audit.verify(team.dba).ok


def _copy_of(child_id: int, reference: str, user_id: int) -> tuple[str, tuple[object, ...]]:
    """An INSERT, as from psql, of another onward transfer beside `child_id` (in the person's own name)."""
    from transfer_tool.storage.models.core import Transfer

    skip = {"id", "reference", "created_by", "owner_id"}
    names = [c.name for c in Transfer.__table__.columns if c.name not in skip]
    listed = ", ".join(names)
    sql = (
        f"INSERT INTO transfer (reference, created_by, owner_id, {listed}) "
        f"SELECT %s, %s, %s, {listed} FROM transfer WHERE id = %s"
    )
    return sql, (reference, user_id, user_id, child_id)


def test_an_approved_transfers_onward_transfers_do_not_change_from_psql_unflagged(team: Team) -> None:
    """The parent's approved assessment lists its onward transfers (recipient, country, purpose): a new one,
    a changed one or a removed one is a change to what it read (session 13's review)."""
    ok = _approved(team)
    (child,) = ok.transfer.onward  # the demo's Manila helpdesk
    lena = team.sql("lena")
    assert team.legal.user_id is not None
    sql, params = _copy_of(child.id, f"{ok.transfer.reference}-09", team.legal.user_id)
    assert "re-assessment" in refused(lena, sql, params)
    assert "re-assessment" in refused(
        lena, "UPDATE transfer SET destination = 'IN' WHERE id = %s", (child.id,)
    )
    assert "re-assessment" in refused(
        lena, "UPDATE transfer SET title = 'Billing' WHERE id = %s", (child.id,)
    )
    assert "re-assessment" in refused(lena, "DELETE FROM transfer WHERE id = %s", (child.id,))
    # What the parent's assessment does not list of it: its notes, its retention (its own approval's).
    assert rows_changed(lena, "UPDATE transfer SET notes = 'night shift' WHERE id = %s", (child.id,)) == 1
    assert not transfers.get_transfer(team.dba, ok.transfer.id).reassessment_needed
    # The tool's own way flags the parent in the same transaction, signed in as the person.
    db = team.signed_in("lena")
    t = transfers.get_transfer(db, child.id)
    transfers.update_transfer(
        db, team.legal, t.id, transfers.with_changes(t, destination="IN"), t.row_version
    )
    parent = transfers.get_transfer(team.dba, ok.transfer.id)
    assert parent.reassessment_needed and "the onward transfers" in parent.reassessment_reason
    assert audit.verify(team.dba).ok


def test_a_party_of_an_approved_transfer_keeps_what_the_approval_read_unless_flagged(team: Team) -> None:
    """The importer's certifications (APEC CBPR here, the APPI route the approval rests on), its country and
    group membership, and the exporter's country: changed from psql, every approved transfer naming the
    party must be flagged (session 13)."""
    ok = _approved(team)
    lena = team.sql("lena")
    importer, exporter = ok.parties.importer.id, ok.parties.exporter.id
    for sql, entity in (
        ("UPDATE entity SET certifications = '[]' WHERE id = %s", importer),
        ("UPDATE entity SET country = 'CA' WHERE id = %s", importer),
        ("UPDATE entity SET is_group_company = NOT is_group_company WHERE id = %s", importer),
        ("UPDATE entity SET country = 'SG' WHERE id = %s", exporter),
    ):
        assert "re-assessment" in refused(lena, sql, (entity,)), sql
    # Its name, address and contact are the register's own: the approval's analysis does not rest on them.
    assert rows_changed(lena, "UPDATE entity SET address = 'Suite 1300' WHERE id = %s", (importer,)) == 1
    # The exporter's certifications are not what an assessment reads (only the importer's).
    assert (
        rows_changed(lena, "UPDATE entity SET certifications = '[\"ISO 27001\"]' WHERE id = %s", (exporter,))
        == 1
    )
    # The tool's own way flags the transfer in the same transaction, signed in as the person.
    from transfer_tool.register import entities

    db = team.signed_in("lena")
    e = entities.get_entity(db, importer)
    entities.update_entity(db, team.legal, importer, dataclasses.replace(e, certifications=()), e.row_version)
    t = transfers.get_transfer(team.dba, ok.transfer.id)
    assert t.reassessment_needed and "the importer's certifications" in t.reassessment_reason
    assert audit.verify(team.dba).ok
