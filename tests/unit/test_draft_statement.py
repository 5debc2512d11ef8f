"""A wizard page's autosave on PostgreSQL as one statement (issue #19 point 5): the UPDATE guarded by the
row version and the audit event linked by the server (`tt_sec.record_event`) keep what the unit of work
gave: the conflict with both versions, the guard, the authors, the hash chain that `audit verify` and
`check` accept. Run as the people of a team database, signed in as the app does."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from sqlalchemy import select, text

from tests.unit import test_team_database as team_database
from tests.unit.test_team_database import Team, refused, submitted_by
from transfer_tool import demo
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import draft_statement, service
from transfer_tool.errors import ConflictError, StorageError, ValidationError
from transfer_tool.records import audit, audit_drift
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment
from transfer_tool.storage.models.core import AuditEvent

dba = team_database.dba
team = team_database.team


def _draft(team: Team, db: Database, by: Actor | None = None) -> service.AssessmentView:
    parties = demo.create_demo_parties(team.dba, team.admin)
    t, _ = demo.create_demo_transfer(team.dba, team.admin, parties, title="Payroll")
    return service.start_assessment(db, by or team.legal, t.id)


def _events(team: Team) -> list[tuple[str, str, str]]:
    with team.dba.read() as s:
        return [
            (action, record_id, actor)
            for action, record_id, actor in s.execute(
                select(AuditEvent.action, AuditEvent.record_id, AuditEvent.actor_name)
            )
        ]


def test_a_save_stores_the_page_the_author_and_an_event_the_chain_and_check_accept(team: Team) -> None:
    lena = team.signed_in("lena")
    draft = _draft(
        team, team.signed_in("admin"), team.admin
    )  # created by the admin: lena becomes an author by saving
    record = dataclasses.replace(draft.record, procedural_notes="notes by lena")
    saved = service.save_draft(lena, team.legal, draft.id, record, draft.row_version, page="measures")
    assert saved.row_version == draft.row_version + 1 and saved.page == "measures"
    assert saved.record.procedural_notes == "notes by lena"
    again = service.get_assessment(lena, draft.id)
    assert (again.row_version, again.updated_at, again.record) == (
        saved.row_version,
        saved.updated_at,
        saved.record,
    )
    with team.dba.read() as s:
        row = s.get(Assessment, draft.id)
        assert row is not None and team.legal.user_id in row.author_ids
        ev = s.execute(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).scalar_one()
        assert (ev.action, ev.actor_name, ev.record_id) == ("autosave", "lena", str(draft.id))
        assert ev.after["author_ids"] == row.author_ids and team.legal.user_id not in ev.before["author_ids"]
        assert ev.after["record_sha256"] == audit.content_digest(row.record)
        # Exactly one event for the save: the deferred trigger saw the tool's own event in the statement.
        assert s.execute(select(AuditEvent.action).where(AuditEvent.seq > ev.seq - 1)).scalars().all() == [
            "autosave"
        ]
    assert audit.verify(team.dba).ok
    assert audit_drift.drift(team.dba) == []


def test_an_unchanged_page_saves_nothing_and_writes_no_event(team: Team) -> None:
    lena = team.signed_in("lena")
    draft = _draft(team, lena)
    before = _events(team)
    same = service.save_draft(lena, team.legal, draft.id, draft.record, draft.row_version, page=draft.page)
    assert same.row_version == draft.row_version
    assert _events(team) == before


def test_a_stale_row_version_is_a_conflict_with_both_versions(team: Team) -> None:
    lena, elsewhere = team.signed_in("lena"), team.signed_in("lena")  # lena in two windows
    draft = _draft(team, lena)
    first = service.save_draft(
        elsewhere,
        team.legal,
        draft.id,
        dataclasses.replace(draft.record, procedural_notes="first"),
        draft.row_version,
    )
    mine = dataclasses.replace(draft.record, procedural_notes="second")
    with pytest.raises(ConflictError) as conflict:
        service.save_draft(lena, team.legal, draft.id, mine, draft.row_version)
    assert "saved by someone else after you opened it" in conflict.value.message
    assert "row version" not in conflict.value.message  # the lock's counters are not for people
    assert conflict.value.mine == mine
    assert isinstance(conflict.value.theirs, service.AssessmentView)
    assert conflict.value.theirs.record.procedural_notes == "first"
    assert conflict.value.theirs.row_version == first.row_version  # the screen's next save expects theirs


def test_a_save_between_the_read_and_the_write_is_a_conflict_and_writes_nothing(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone in another office saves the version after this save read it: the statement's row-version
    guard finds no row, so neither the change nor its event is written; the conflict shows theirs."""
    lena, other = team.signed_in("lena"), team.signed_in("lena")
    draft = _draft(team, lena)
    real_save = draft_statement.save

    def someone_saves_first(*args: Any, **kwargs: Any) -> Any:
        theirs = dataclasses.replace(draft.record, procedural_notes="theirs")
        monkeypatch.setattr(draft_statement, "save", real_save)  # their save goes the ordinary way
        service.save_draft(other, team.legal, draft.id, theirs, draft.row_version)
        return real_save(*args, **kwargs)

    monkeypatch.setattr(draft_statement, "save", someone_saves_first)
    before = len(_events(team))
    with pytest.raises(ConflictError) as conflict:
        service.save_draft(
            lena,
            team.legal,
            draft.id,
            dataclasses.replace(draft.record, procedural_notes="mine"),
            draft.row_version,
        )
    assert isinstance(conflict.value.theirs, service.AssessmentView)
    assert conflict.value.theirs.record.procedural_notes == "theirs"
    assert len(_events(team)) == before + 1  # their save's event only
    assert service.get_assessment(lena, draft.id).record.procedural_notes == "theirs"
    assert audit.verify(team.dba).ok


def test_a_version_submitted_between_the_read_and_the_write_is_refused_by_the_database(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    lena = team.signed_in("lena")
    draft = _draft(team, lena)
    real_save = draft_statement.save

    def submitted_meanwhile(db: Database, actor: Any, row: Assessment, expected: int, *rest: Any) -> Any:
        # Row-level security hides a submitted version from a legal user's UPDATE, even with the version read.
        with team.dba.engine.begin() as conn:
            conn.execute(text("UPDATE assessment SET status = 'submitted' WHERE id = :id"), {"id": row.id})
        with team.dba.read() as s:
            expected = s.execute(select(Assessment.row_version).where(Assessment.id == row.id)).scalar_one()
        return real_save(db, actor, row, expected, *rest)

    monkeypatch.setattr(draft_statement, "save", submitted_meanwhile)
    with pytest.raises(ValidationError, match="submitted for review"):
        service.save_draft(
            lena,
            team.legal,
            draft.id,
            dataclasses.replace(draft.record, procedural_notes="late"),
            draft.row_version,
        )
    assert service.get_assessment(lena, draft.id).record.procedural_notes != "late"


def test_a_submitted_version_is_not_saved(team: Team) -> None:
    a = submitted_by(team, team.legal)
    lena = team.signed_in("lena")
    with pytest.raises(ValidationError, match="submitted for review"):
        service.save_draft(lena, team.legal, a.id, a.record, a.row_version)


def test_a_deleted_audit_head_refuses_the_save_and_saves_nothing(team: Team) -> None:
    lena = team.signed_in("lena")
    draft = _draft(team, lena)
    with team.dba.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_head"))
    with pytest.raises(StorageError, match="head record"):
        service.save_draft(
            lena,
            team.legal,
            draft.id,
            dataclasses.replace(draft.record, procedural_notes="x"),
            draft.row_version,
        )
    assert service.get_assessment(lena, draft.id).row_version == draft.row_version


def test_the_server_hashes_only_the_text_of_the_event_it_stores(team: Team) -> None:
    lena = team.sql("lena")
    at = "2000-01-01T00:00:00.000000+00:00"
    call = "SELECT * FROM tt_sec.record_event(now(), %s, 'lena', 'note', 'transfer', '1', NULL, %s::json, %s)"
    hashed = f'"{at}",{team.legal.user_id},"lena","note","transfer","1",null,{{"a":1}}'
    assert "not the audit event" in refused(lena, call, (team.legal.user_id, '{"a":1}', hashed))
    assert "in your own name" in refused(
        lena, call.replace("'lena'", "'max'"), (team.manager.user_id, '{"a":1}', hashed)
    )
    # The text the client hashes is the event's own: then the server links it and verify accepts it.
    row = lena.execute(
        "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US') || '+00:00'"
    ).fetchone()
    assert row is not None
    good = f'"{row[0]}",{team.legal.user_id},"lena","note","transfer","1",null,{{"a":1}}'
    written = lena.execute(call, (team.legal.user_id, '{"a":1}', good)).fetchone()
    lena.commit()
    assert written is not None and len(written[2]) == 64
    assert audit.verify(team.dba).ok
