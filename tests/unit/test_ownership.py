"""Issue #23, point 3: every transfer has a responsible person; the register filters by it; an admin or
a manager hands transfers over, all or none, each change in the audit log."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tests import factories
from tests.conftest import PASSWORD
from tests.unit.teamwork_support import approved_transfer, flag_transfers
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.cli import main
from transfer_tool.domain import Role
from transfer_tool.errors import NotFound, PermissionDenied, ValidationError
from transfer_tool.register import activity, register_search, transfers
from transfer_tool.register.register_search import TransferQuery
from transfer_tool.runtime.bootstrap import open_database
from transfer_tool.runtime.config import resolve_config
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.core import AuditEvent


def _assign_events(db: Database) -> list[tuple[str, str, object, object]]:
    """(record id, actor, before, after) of every hand-over in the audit log."""
    stmt = select(AuditEvent).where(AuditEvent.action == "assign").order_by(AuditEvent.seq)
    with db.read() as s:
        return [(e.record_id, e.actor_name, e.before, e.after) for e in s.scalars(stmt)]


def test_the_creator_is_responsible_by_default(db: Database, legal: Actor) -> None:
    t = factories.transfer(db, legal)
    assert t.owner_id == legal.user_id
    assert t.owner_name == (legal.display_name or legal.username)
    row = register_search.search(db, TransferQuery(owner_id=legal.user_id))[0]
    assert row.id == t.id and row.owner == t.owner_name


def test_the_register_filters_mine_unassigned_and_by_person(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    mine = factories.transfer(db, legal)
    theirs = factories.transfer(db, manager)
    nobody = factories.transfer(db, Actor.system())
    assert register_search.search_ids(db, TransferQuery(owner_id=legal.user_id)) == [mine.id]
    assert register_search.search_ids(db, TransferQuery(owner_id=manager.user_id)) == [theirs.id]
    assert register_search.search_ids(db, TransferQuery(unassigned=True)) == [nobody.id]
    assert register_search.search(db, TransferQuery(unassigned=True))[0].owner == ""
    assert sorted(register_search.search_ids(db)) == sorted([mine.id, theirs.id, nobody.id])


def test_a_manager_hands_many_over_and_each_change_is_audited(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    a, b = factories.transfer(db, legal), factories.transfer(db, legal)
    c = factories.transfer(db, manager)
    assert manager.user_id is not None
    out = transfers.assign_transfers(db, manager, [a.id, b.id, c.id], manager.user_id)
    assert [v.owner_id for v in out] == [manager.user_id] * 3
    assert register_search.search_ids(db, TransferQuery(owner_id=legal.user_id)) == []
    events = _assign_events(db)
    # c already was the manager's: no change, no event
    assert events == [
        (str(a.id), manager.username, {"owner_id": legal.user_id}, {"owner_id": manager.user_id}),
        (str(b.id), manager.username, {"owner_id": legal.user_id}, {"owner_id": manager.user_id}),
    ]
    transfers.assign_transfers(db, admin, [a.id], None)
    assert register_search.search_ids(db, TransferQuery(unassigned=True)) == [a.id]


def test_a_legal_user_may_not_reassign_and_nothing_changes(
    db: Database, legal: Actor, manager: Actor
) -> None:
    t = factories.transfer(db, legal)
    with pytest.raises(PermissionDenied):
        transfers.assign_transfers(db, legal, [t.id], manager.user_id)
    assert transfers.get_transfer(db, t.id).owner_id == legal.user_id
    assert _assign_events(db) == []


def test_all_or_none_a_missing_transfer_or_an_inactive_owner_changes_nothing(
    db: Database, admin: Actor, legal: Actor
) -> None:
    t = factories.transfer(db, legal)
    gone = users.create_user(db, admin, "gone", "Gone Person", PASSWORD, Role.LEGAL)
    users.update_user(db, admin, gone.id, active=False)
    with pytest.raises(ValidationError) as err:
        transfers.assign_transfers(db, admin, [t.id], gone.id)
    assert err.value.problems[0].message == "choose an active user as the responsible person"
    with pytest.raises(NotFound):
        transfers.assign_transfers(db, admin, [t.id, 999_999], admin.user_id)
    with pytest.raises(ValidationError):
        transfers.assign_transfers(db, admin, [], admin.user_id)
    assert transfers.get_transfer(db, t.id).owner_id == legal.user_id
    assert _assign_events(db) == []


def test_the_command_line_assigns_and_lists_by_owner(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRANSFER_TOOL_PASSWORD", PASSWORD)
    monkeypatch.delenv("TRANSFER_TOOL_USER", raising=False)
    url = f"sqlite:///{tmp_path / 'register.sqlite3'}"

    def run(*args: str, user: str = "admin") -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["--database", url, "--user", user, *args])
        out, err = capsys.readouterr()
        return code, out, err

    assert run("init", "--admin", "admin")[0] == 0
    monkeypatch.setenv("TRANSFER_TOOL_NEW_PASSWORD", PASSWORD)
    assert run("users", "add", "lee", "--name", "Lee Legal", "--role", "legal")[0] == 0
    db = open_database(resolve_config(url))
    try:
        admin = users.find_person(db, "admin")
        actor = Actor(admin.id, "admin", Role.ADMIN)
        a, b = factories.transfer(db, actor), factories.transfer(db, actor)
    finally:
        db.dispose()
    code, out, err = run("transfers", "assign", a.reference, b.reference, "--to", "lee")
    assert (code, err) == (0, "")
    assert out == f"2 transfer(s) now with Lee Legal: {a.reference}, {b.reference}\n"
    code, out, _ = run("transfers", "list", "--mine", user="lee")
    assert a.reference in out and b.reference in out and out.endswith("2 transfer(s)\n")
    assert run("transfers", "list", "--mine")[1].endswith("0 transfer(s)\n")
    assert "responsible:   Lee Legal" in run("transfers", "show", a.reference)[1]
    # a legal user may not hand over; nothing changes
    code, _, err = run("transfers", "assign", a.reference, "--to", "admin", user="lee")
    assert code == 2 and "may not hand transfers over" in err
    code, _, err = run("transfers", "assign", a.reference, "--to", "nobody-such")
    assert code == 2 and "No active user 'nobody-such'" in err
    assert run("transfers", "assign", a.reference, "--to", "nobody")[0] == 0
    code, out, _ = run("transfers", "list", "--unassigned")
    assert a.reference in out and b.reference not in out


def test_since_you_last_signed_in_lists_what_happened_to_your_transfers(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    assert legal.user_id is not None
    first = users.note_sign_in(db, legal.user_id)
    assert first is None
    assert activity.since_last_sign_in(db, legal.user_id, first) == []
    src = approved_transfer(db, admin, legal, manager, eu=False)  # lena's, approved by max
    handed = factories.transfer(db, admin)
    transfers.assign_transfers(db, manager, [handed.id], legal.user_id)
    regime = src.assessment.record.regimes.codes()[0]
    flag_transfers(db, [src.transfer.id], regime)
    theirs = factories.transfer(db, manager)  # not lena's: never listed
    transfers.assign_transfers(db, admin, [theirs.id], manager.user_id)
    second = users.note_sign_in(db, legal.user_id)
    assert second is not None
    items = activity.since_last_sign_in(db, legal.user_id, second)
    got = {(i.reference, i.what) for i in items}
    assert got == {
        (src.transfer.reference, activity.Happened.APPROVED),
        (src.transfer.reference, activity.Happened.FLAGGED),
        (handed.reference, activity.Happened.REASSIGNED),
    }
    third = users.note_sign_in(db, legal.user_id)
    assert activity.since_last_sign_in(db, legal.user_id, third) == []


def test_a_transfer_flagged_twice_is_listed_once_at_its_latest_flag(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    """The list since the last sign-in is ordered newest first by these times; the transfer's time was the
    flag the database returned first."""
    import datetime as dt

    from transfer_tool.storage.models.countries import ReassessmentFlag

    assert legal.user_id is not None
    src = approved_transfer(db, admin, legal, manager, eu=False)
    since = users.note_sign_in(db, legal.user_id) or dt.datetime.now(dt.UTC)
    regime = src.assessment.record.regimes.codes()[0]
    earlier, later = since + dt.timedelta(hours=1), since + dt.timedelta(hours=2)
    with db.unit_of_work() as s:
        for at in (earlier, later):
            s.add(
                ReassessmentFlag(
                    transfer_id=src.transfer.id,
                    destination="US",
                    regime=regime,
                    kind="status",
                    reason="x",
                    created_at=at,
                )
            )
    flagged = [
        i
        for i in activity.since_last_sign_in(db, legal.user_id, since)
        if i.what is activity.Happened.FLAGGED
    ]
    assert [(i.reference, i.at) for i in flagged] == [(src.transfer.reference, later)]
