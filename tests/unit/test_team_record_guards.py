"""Team mode on PostgreSQL: the records around an assessment version (its evidence, its signed report, the
transfer's approved status, the reviewer's comments, stored file content) are guarded by the database as
the version itself is (migration 0023, transfer_tool/storage/team_record_guards.py).

Found by attacking the team database with one person's own sign-in from psql: before 0023 a legal user
could remove the evidence of an approved version or delete a transfer with its approved assessment, and a
manager could store any PDF as another approval's signed report. As in test_team_database.py, every test
connects AS the people (their own login roles) with plain SQL; the DBA's sign-in only prepares data.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

import psycopg
from sqlalchemy import make_url

from tests import approval_support
from tests.conftest import PASSWORD, _seed
from tests.unit import teamwork_support
from tests.unit.test_team_admin_functions import _security_state, own_database
from tests.unit.test_team_database import Team, dba, refused, rows_changed, submitted_by, team
from transfer_tool import demo
from transfer_tool.accounts import login_roles, users
from transfer_tool.assessment import evidence, service
from transfer_tool.domain import Role
from transfer_tool.records import audit, audit_drift
from transfer_tool.storage import migrate
from transfer_tool.storage.database import Database

__all__ = ["dba", "own_database", "team"]  # the fixtures, shared with test_team_database.py

_COPY_EVIDENCE = (
    "INSERT INTO evidence_file (assessment_id, label, filename, sha256, size, added_by, added_at) "
    "SELECT %s, 'Forged', 'x.pdf', sha256, size, 'lena', now() FROM evidence_file WHERE assessment_id = %s"
)


def _approved(team: Team) -> teamwork_support.Approved:
    return teamwork_support.approved_transfer(team.dba, team.admin, team.legal, team.manager, eu=False)


def _count(team: Team, sql: str, *params: object) -> int:
    with team.dba.engine.connect() as conn:
        return int(conn.exec_driver_sql(sql, tuple(params)).scalar() or 0)


def test_the_evidence_of_a_submitted_or_approved_version_does_not_change(team: Team) -> None:
    ok = _approved(team)
    a = ok.assessment.id
    lena = team.sql("lena")
    assert "evidence" in refused(lena, "DELETE FROM evidence_file WHERE assessment_id = %s", (a,))
    assert "evidence" in refused(lena, _COPY_EVIDENCE, (a, a))
    assert _count(team, "SELECT count(*) FROM evidence_file WHERE assessment_id = %s", a) == 1
    # A submitted version neither: it is what the reviewer is reading.
    sub = submitted_by(team, team.legal)
    assert "evidence" in refused(lena, _COPY_EVIDENCE, (sub.id, a))
    assert audit.verify(team.dba).ok


def test_evidence_added_in_psql_makes_its_adder_an_author_of_the_draft(team: Team) -> None:
    ok = _approved(team)
    draft = service.new_version(team.dba, team.legal, ok.assessment.id)
    assert team.other.user_id not in service.authors_of(team.dba, draft.id)
    mia = team.sql("mia")
    assert rows_changed(mia, _COPY_EVIDENCE, (draft.id, ok.assessment.id)) == 1
    # Four eyes counts evidence as an edit: Mia may no longer approve this version.
    assert team.other.user_id in service.authors_of(team.dba, draft.id)
    service.submit(team.dba, team.legal, draft.id, teamwork_support.TODAY)
    assert "four-eyes" in refused(mia, "SELECT tt_sec.transition(%s, 'approved')", (draft.id,))


def test_a_transfer_with_a_submitted_or_approved_assessment_is_not_deleted(team: Team) -> None:
    ok = _approved(team)
    sub = submitted_by(team, team.legal)
    lena = team.sql("lena")
    for transfer_id in (ok.transfer.id, sub.transfer_id):
        assert "cannot be deleted" in refused(lena, "DELETE FROM transfer WHERE id = %s", (transfer_id,))
    assert _count(team, "SELECT count(*) FROM assessment WHERE status IN ('approved', 'submitted')") == 2
    assert _count(team, "SELECT count(*) FROM signed_report") == 1
    # A transfer whose versions are drafts is deleted as before, with them.
    t, _ = demo.create_demo_transfer(team.dba, team.legal, ok.parties, title="Only a draft")
    service.start_assessment(team.dba, team.legal, t.id)
    assert rows_changed(lena, "DELETE FROM transfer WHERE id = %s", (t.id,)) == 1
    assert audit.verify(team.dba).ok


def test_a_signed_report_is_stored_only_by_the_approval_it_signs(team: Team) -> None:
    ok = _approved(team)
    copy = (
        "INSERT INTO signed_report (assessment_id, version_no, sha256, signer_name, signed_at, lang, "
        "rendering_sha256, rendering_size) SELECT assessment_id, version_no, %s, 'Mia', now(), lang, "
        "rendering_sha256, rendering_size FROM signed_report WHERE assessment_id = %s"
    )
    pdf = b"%PDF-1.7 anything Mia likes"
    digest = hashlib.sha256(pdf).hexdigest()
    for who in ("mia", "max", "admin"):
        conn = team.sql(who)
        conn.execute(
            "INSERT INTO blob (sha256, size, content, created_at) VALUES (%s, %s, %s, now()) "
            "ON CONFLICT DO NOTHING",
            (digest, len(pdf), pdf),
        )
        assert "signed report" in refused(conn, copy, (digest, ok.assessment.id)), who
    assert evidence.signed_report(team.dba, ok.assessment.id) != pdf
    assert _count(team, "SELECT count(*) FROM signed_report") == 1


def test_a_transfer_is_marked_approved_only_by_the_approval_of_its_assessment(team: Team) -> None:
    sub = submitted_by(team, team.legal)
    lena, mia = team.sql("lena"), team.sql("mia")
    for conn in (lena, mia):
        for status in ("approved", "suspended"):
            assert "approval" in refused(
                conn, "UPDATE transfer SET status = %s WHERE id = %s", (status, sub.transfer_id)
            )
    assert _count(team, "SELECT count(*) FROM transfer WHERE status IN ('approved', 'suspended')") == 0


def test_a_review_comment_keeps_its_words_and_its_author(team: Team) -> None:
    sub = submitted_by(team, team.legal)
    returned = service.return_with_comments(team.dba, team.other, sub.id, [("risk", "Explain the 10 %.")])
    lena, max_sql = team.sql("lena"), team.sql("max")
    for conn in (lena, max_sql):
        assert "permission denied" in refused(conn, "UPDATE review_comment SET comment = 'Fine as it is.'")
        assert "permission denied" in refused(conn, "UPDATE review_comment SET author_name = 'Max'")
    # The assessor still marks a comment dealt with.
    assert rows_changed(lena, "UPDATE review_comment SET resolved_at = now(), resolved_by_name = 'Lena'") == 1
    # A comment is written in one's own name.
    assert "your own name" in refused(
        max_sql,
        "INSERT INTO review_comment (assessment_id, section, comment, author_id, author_name, created_at, "
        "resolved_by_name) VALUES (%s, 'risk', 'Approve it.', %s, 'Mia Manager', now(), '')",
        (returned.id, team.other.user_id),
    )
    assert audit.verify(team.dba).ok


def test_file_content_is_stored_only_under_its_own_digest(team: Team) -> None:
    lena = team.sql("lena")
    real = b"%PDF-1.4 the SCC the team will sign next week"
    squat = "INSERT INTO blob (sha256, size, content, created_at) VALUES (%s, %s, %s, now())"
    assert "digest" in refused(lena, squat, (hashlib.sha256(real).hexdigest(), 4, b"junk"))
    assert rows_changed(lena, squat, (hashlib.sha256(real).hexdigest(), len(real), real)) == 1


def test_a_team_database_of_0022_upgrades_to_0023_and_back(own_database: tuple[str, str]) -> None:
    url, name = own_database
    db = Database(url)
    plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        migrate.upgrade(db)
        with psycopg.connect(plain) as conn:
            fresh = _security_state(conn, name)
        _seed(db)
        admin = users.create_first_admin(db, "admin", "Ada Admin", PASSWORD).actor()
        legal = users.create_user(db, admin, "lena", "Lena Legal", PASSWORD, Role.LEGAL).actor()
        manager = users.create_user(db, admin, "nils", "Nils Manager", PASSWORD, Role.MANAGER).actor()
        ok = teamwork_support.approved_transfer(db, admin, legal, manager, eu=False)
        migrate.downgrade(db, "0022")
        with psycopg.connect(plain) as conn:
            at_0022 = _security_state(conn, name)
        triggers = {r[2] for r in at_0022 if r[0] == "trigger"}
        assert not triggers & {
            "tt_evidence",
            "tt_keep_record",
            "tt_review",
            "tt_signed_report",
            "tt_approval_signed",
        }
        # What 0022 released: the whole review comment was the groups' to update.
        legal_group = login_roles.names_for(db).legal.replace(name, "")
        assert ("table", legal_group, "review_comment", "UPDATE") in {r[:4] for r in at_0022}
        migrate.upgrade(db)
        assert migrate.current_revision(db) == migrate.head_revision(db)
        with psycopg.connect(plain) as conn:
            assert _security_state(conn, name) == fresh
        server = make_url(url)
        lena = psycopg.connect(
            host=server.host,
            port=server.port,
            dbname=server.database,
            user=login_roles.names_for(db).login("lena"),
            password=PASSWORD,
        )
        with lena:
            assert "evidence" in refused(
                lena, "DELETE FROM evidence_file WHERE assessment_id = %s", (ok.assessment.id,)
            )
            assert "cannot be deleted" in refused(
                lena, "DELETE FROM transfer WHERE id = %s", (ok.transfer.id,)
            )
        report = audit.verify(db)
        assert report.ok, report.summary()
        assert audit_drift.drift(db) == []
    finally:
        db.dispose()


def test_a_re_assessment_flag_is_cleared_only_by_an_approval(team: Team) -> None:
    ok = _approved(team)
    teamwork_support.flag_transfers(team.dba, [ok.transfer.id], "APPI")
    lena, mia = team.sql("lena"), team.sql("mia")
    for conn in (lena, mia):
        assert "approval" in refused(
            conn, "UPDATE transfer SET reassessment_needed = false WHERE id = %s", (ok.transfer.id,)
        )
        assert "approval" in refused(conn, "UPDATE reassessment_flag SET cleared_at = now()")
        assert "approval" in refused(
            conn, "UPDATE transfer SET next_review = '2099-01-01' WHERE id = %s", (ok.transfer.id,)
        )
    assert _count(team, "SELECT count(*) FROM reassessment_flag WHERE cleared_at IS NULL") == 1
    assert _count(team, "SELECT count(*) FROM transfer WHERE reassessment_needed") == 1
    # Other edits of a flagged transfer stay everyone's.
    assert (
        rows_changed(lena, "UPDATE transfer SET title = 'Support desk' WHERE id = %s", (ok.transfer.id,)) == 1
    )
    # The tool's re-assessment, signed in as the people, clears them with its approval.
    approval_support.register(team.dba, team.manager)
    lena_db, max_db = team.signed_in("lena"), team.signed_in("max")
    draft = service.new_version(lena_db, team.legal, ok.assessment.id)
    service.submit(lena_db, team.legal, draft.id, teamwork_support.TODAY)
    approval_support.approve(max_db, team.manager, draft.id, teamwork_support.TODAY)
    assert _count(team, "SELECT count(*) FROM reassessment_flag WHERE cleared_at IS NULL") == 0
    assert _count(team, "SELECT count(*) FROM transfer WHERE reassessment_needed") == 0
    assert _count(team, "SELECT count(*) FROM signed_report") == 2
    report = audit.verify(team.dba)
    assert report.ok, report.summary()
    assert audit_drift.drift(team.dba) == []


_APPROVE = (
    "UPDATE assessment SET status = 'approved', frozen = true, approver_id = %s, approved_at = now(), "
    "single_user_approval = false, record = jsonb_set(jsonb_set(jsonb_set(jsonb_set(record::jsonb, "
    "'{record,status}', '\"approved\"'), '{record,approved_by}', to_jsonb(%s::int)), '{record,history}', "
    "(record::jsonb #> '{record,history}') || jsonb_build_object('at', now(), 'by', %s::int, "
    "'action', 'approved', 'comment', '')), '{record,procedural_notes}', to_jsonb(%s::text))::json WHERE id = %s"
)


def test_a_reviewer_approves_in_their_own_name_and_never_rewrites_what_they_approve(team: Team) -> None:
    a = submitted_by(team, team.legal)
    notes = service.get_assessment(team.dba, a.id).record.procedural_notes
    mia = team.sql("mia")
    mia_id, max_id = team.other.user_id, team.manager.user_id

    def approve(approver: int | None, by: int | None, text: str) -> str:
        mia.execute("SELECT tt_sec.transition(%s, 'approved')", (a.id,))
        return refused(mia, _APPROVE, (approver, by, by, text, a.id))

    # Approving with another manager's name as the approver, or rewriting the answers while approving.
    assert "own name" in approve(max_id, max_id, notes)
    assert "own name" in approve(max_id, mia_id, notes)
    assert "review changes only" in approve(mia_id, mia_id, "rewritten while approving")
    # Returning rewrites nothing either.
    mia.execute("SELECT tt_sec.transition(%s, 'returned')", (a.id,))
    assert "review changes only" in refused(
        mia,
        "UPDATE assessment SET status = 'returned', frozen = true, record = jsonb_set(jsonb_set(record::jsonb, "
        "'{record,status}', '\"returned\"'), '{record,procedural_notes}', '\"rewritten\"')::json WHERE id = %s",
        (a.id,),
    )
    assert service.get_assessment(team.dba, a.id).status.value == "submitted"
    # Her own approval of the answers as submitted, with the signed report it stores (whose PDF the
    # database cannot judge: SECURITY.md), is what the database accepts.
    mia.execute("SELECT tt_sec.transition(%s, 'approved')", (a.id,))
    assert "signed report" in refused(mia, _APPROVE, (mia_id, mia_id, mia_id, notes, a.id))
    pdf = b"%PDF-1.7 signed by Mia"
    mia.execute("SELECT tt_sec.transition(%s, 'approved')", (a.id,))
    mia.execute(
        "INSERT INTO blob (sha256, size, content, created_at) VALUES (%s, %s, %s, now())",
        (hashlib.sha256(pdf).hexdigest(), len(pdf), pdf),
    )
    mia.execute(
        "INSERT INTO signed_report (assessment_id, version_no, sha256, signer_name, signed_at, lang) "
        "SELECT id, version_no, %s, 'Mia Manager', now(), 'en' FROM assessment WHERE id = %s",
        (hashlib.sha256(pdf).hexdigest(), a.id),
    )
    assert rows_changed(mia, _APPROVE, (mia_id, mia_id, mia_id, notes, a.id)) == 1
    assert service.get_assessment(team.dba, a.id).status.value == "approved"


def test_the_reviewer_who_returned_a_version_with_evidence_approves_the_next(team: Team) -> None:
    # The return copies the evidence into the next version on the reviewer's sign-in: a copy, not an edit.
    approval_support.register(team.dba, team.manager)
    lena_db, max_db = team.signed_in("lena"), team.signed_in("max")
    parties = demo.create_demo_parties(lena_db, team.legal)
    t, _ = demo.create_demo_transfer(lena_db, team.legal, parties, title="Evidence round")
    a = service.start_assessment(lena_db, team.legal, t.id)
    evidence.add_evidence(lena_db, team.legal, a.id, "scc.pdf", b"%PDF-1.4 signed SCC", "Signed SCC")
    ev = service.evaluate_assessment(lena_db, a.id, teamwork_support.TODAY)
    a = service.get_assessment(lena_db, a.id)
    record = demo.demo_record(a.record, ev.destination, teamwork_support.TODAY)
    a = service.save_draft(lena_db, team.legal, a.id, record, a.row_version)
    ev = service.evaluate_assessment(lena_db, a.id, teamwork_support.TODAY)
    assert ev.recommendation is not None
    record = replace(a.record, conclusion=replace(a.record.conclusion, chosen=ev.recommendation))
    a = service.save_draft(lena_db, team.legal, a.id, record, a.row_version)
    a = service.submit(lena_db, team.legal, a.id, teamwork_support.TODAY)
    returned = service.return_with_comments(max_db, team.manager, a.id, [("risk", "Explain the 10 %.")])
    assert team.manager.user_id not in service.authors_of(team.dba, returned.id)
    assert _count(team, "SELECT count(*) FROM evidence_file WHERE assessment_id = %s", returned.id) == 1
    service.submit(lena_db, team.legal, returned.id, teamwork_support.TODAY)
    approved = approval_support.approve(max_db, team.manager, returned.id, teamwork_support.TODAY)
    assert approved.status.value == "approved"
    report = audit.verify(team.dba)
    assert report.ok, report.summary()
    assert audit_drift.drift(team.dba) == []


_OPEN_REVISION = (
    "INSERT INTO assessment (transfer_id, version_no, status, record, page, country_data_version, assessor_id, "
    "frozen, single_user_approval, attestations, author_ids, row_version, created_at, updated_at) "
    "SELECT transfer_id, version_no + 1, 'returned', jsonb_set(jsonb_set(jsonb_set(record::jsonb, "
    "'{record,status}', '\"returned\"'), '{record,version}', to_jsonb(version_no + 1)), "
    "'{record,procedural_notes}', to_jsonb(%s::text))::json, page, country_data_version, assessor_id, false, "
    "false, '[]', author_ids, 1, now(), now() FROM assessment WHERE id = %s"
)
_RETURN = (
    "UPDATE assessment SET status = 'returned', frozen = true, record = jsonb_set(jsonb_set(record::jsonb, "
    "'{record,status}', '\"returned\"'), '{record,history}', (record::jsonb #> '{record,history}') || "
    "jsonb_build_object('at', now(), 'by', %s::int, 'action', 'returned', 'comment', 'Say why.'))::json "
    "WHERE id = %s"
)


def test_the_version_a_return_opens_holds_the_returned_answers(team: Team) -> None:
    # Else the reviewer could open it with answers of their own, stay no author of it, and approve them.
    a = submitted_by(team, team.legal)
    notes = service.get_assessment(team.dba, a.id).record.procedural_notes
    max_sql = team.sql("max")

    def open_revision(text: str) -> None:
        max_sql.execute("SELECT tt_sec.transition(%s, 'returned')", (a.id,))
        max_sql.execute(_RETURN, (team.manager.user_id, a.id))
        max_sql.execute(_OPEN_REVISION, (text, a.id))

    try:
        open_revision("the reviewer's own answers")
        raise AssertionError("the database accepted a revision with other answers")
    except psycopg.Error as exc:
        max_sql.rollback()
        assert "returned version's answers" in str(exc.diag.message_primary)
    open_revision(notes)
    max_sql.commit()
    assert _count(team, "SELECT count(*) FROM assessment WHERE status = 'returned'") == 2


def test_a_review_comment_is_made_on_the_submitted_version_it_returns(team: Team) -> None:
    ok = _approved(team)
    max_sql = team.sql("max")
    assert "submitted version" in refused(
        max_sql,
        "INSERT INTO review_comment (assessment_id, section, comment, author_id, author_name, created_at, "
        "resolved_by_name) VALUES (%s, 'risk', 'Too late.', %s, 'Max', now(), '')",
        (ok.assessment.id, team.manager.user_id),
    )


def test_only_a_manager_or_an_admin_hands_a_transfer_over(team: Team) -> None:
    sub = submitted_by(team, team.legal)
    lena, max_sql = team.sql("lena"), team.sql("max")
    for sql in (
        "UPDATE transfer SET owner_id = %s WHERE id = %s",
        "UPDATE transfer SET created_by = %s WHERE id = %s",
    ):
        assert "hands it over" in refused(lena, sql, (team.legal.user_id, sub.transfer_id))
    assert (
        rows_changed(
            max_sql, "UPDATE transfer SET owner_id = %s WHERE id = %s", (team.legal.user_id, sub.transfer_id)
        )
        == 1
    )
    # A transfer is recorded in one's own name.
    with team.dba.engine.connect() as conn:
        columns = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'transfer' "
                "AND column_name NOT IN ('id', 'reference', 'owner_id', 'created_by') ORDER BY ordinal_position"
            )
        ]
    listed = ", ".join(columns)
    copy = (
        f"INSERT INTO transfer (reference, owner_id, created_by, {listed}) "
        f"SELECT 'TR-COPY', %s, %s, {listed} FROM transfer WHERE id = %s"
    )
    mine, other = team.legal.user_id, team.other.user_id
    assert "own name" in refused(lena, copy, (other, mine, sub.transfer_id))
    assert "own name" in refused(lena, copy, (mine, other, sub.transfer_id))
    assert rows_changed(lena, copy, (mine, mine, sub.transfer_id)) == 1


def test_a_transfer_in_a_review_round_is_deleted_with_its_versions_and_their_evidence(team: Team) -> None:
    # The cascade reaches the returned version's evidence as the owner: the assessment's guard decided.
    parties = demo.create_demo_parties(team.dba, team.admin)
    t, _ = demo.create_demo_transfer(team.dba, team.legal, parties, title="Round to delete")
    a = demo.fill_and_submit(team.dba, team.legal, t.id, teamwork_support.TODAY)
    returned = service.return_with_comments(team.dba, team.other, a.id, [("risk", "Say why.")])
    evidence.add_evidence(team.dba, team.legal, returned.id, "dpa.pdf", b"%PDF-1.4 DPA", "DPA")
    service.submit(team.dba, team.legal, returned.id, teamwork_support.TODAY)
    service.return_with_comments(team.dba, team.other, returned.id, [("risk", "And the DPA?")])
    lena = team.sql("lena")
    assert "evidence" in refused(lena, "DELETE FROM evidence_file WHERE assessment_id = %s", (returned.id,))
    assert rows_changed(lena, "DELETE FROM transfer WHERE id = %s", (t.id,)) == 1
    assert _count(team, "SELECT count(*) FROM assessment WHERE transfer_id = %s", t.id) == 0
    assert audit.verify(team.dba).ok


def test_a_legal_user_changing_an_approved_transfer_flags_it_signed_in_as_themselves(team: Team) -> None:
    """The flag a change after approval raises is written by the person's own sign-in (their role may add a
    flag and mark the transfer; only an approval clears them), and the database's audit chain holds."""
    from transfer_tool.countries import store
    from transfer_tool.register import transfers

    ok = _approved(team)
    lena = team.signed_in("lena")
    t = transfers.get_transfer(lena, ok.transfer.id)
    after = transfers.update_transfer(
        lena, team.legal, t.id, transfers.with_changes(t, purposes=(*t.purposes, "marketing")), t.row_version
    )
    assert after.reassessment_needed and "the purposes" in after.reassessment_reason
    assert [f.kind for f in store.open_flags(team.dba, t.id)] == ["transfer"]
    assert audit.verify(team.dba).ok
