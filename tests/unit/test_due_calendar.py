"""Due dates as an iCalendar file: one event per re-evaluation, APPI yearly check and planned measure of the
latest approved versions, with the transfer's reference and title, and UIDs that stay the same between
exports (a calendar updates the event instead of adding a second)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from icalendar import Calendar
from sqlalchemy import update

from tests.conftest import PASSWORD
from tests.unit.test_assessment_service import TODAY, _approve, _submitted
from transfer_tool.accounts import users
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import due_calendar, service
from transfer_tool.assessment.record import MeasureStatus
from transfer_tool.domain import Conclusion, Role
from transfer_tool.runtime.bootstrap import open_database
from transfer_tool.runtime.config import resolve_config
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment


def _ics(db: Database, actor: Actor) -> list[dict[str, object]]:
    return _events(due_calendar.ics_bytes(due_calendar.due_items(db, actor, cancelled=True)))


def _events(raw: bytes) -> list[dict[str, object]]:
    cal = Calendar.from_ical(raw)
    return [
        {
            "uid": str(e["uid"]),
            "summary": str(e["summary"]),
            "description": str(e["description"]),
            "start": e.decoded("dtstart"),
            "sequence": int(e.decoded("sequence")),
            "status": str(e.get("status", "")),
        }
        for e in cal.walk("VEVENT")
    ]


def test_each_due_date_is_one_event_with_reference_and_title(
    db: Database, legal: Actor, manager: Actor
) -> None:
    t, a = _submitted(db, legal)
    approved = _approve(db, manager, a.id)
    with db.unit_of_work() as s:  # the APPI route's yearly check, as an approval of that route sets it
        s.execute(
            update(Assessment).where(Assessment.id == a.id).values(appi_check_date=dt.date(2027, 11, 1))
        )
    items = due_calendar.due_items(db, legal)
    assert [(i.kind, i.due) for i in items] == [
        ("action", TODAY + dt.timedelta(days=60)),
        ("appi_yearly_check", dt.date(2027, 11, 1)),
        ("reevaluation", approved.re_evaluation_date),
    ]
    events = _events(due_calendar.ics_bytes(items))
    assert len(events) == 3 and len({e["uid"] for e in events}) == 3
    for e in events:
        assert t.reference in str(e["summary"]) and "Support desk" in str(e["summary"])
        assert t.reference in str(e["description"])
        assert "_" not in str(e["summary"])  # no internal code on anyone's screen
    action = next(e for e in events if "Measure due" in str(e["summary"]))
    assert action["start"] == TODAY + dt.timedelta(days=60)
    assert "Ops team" in str(action["description"])
    ja = _events(due_calendar.ics_bytes(items, "ja"))
    assert any("再評価期限" in str(e["summary"]) for e in ja)


def test_uids_are_stable_so_a_second_import_updates(db: Database, legal: Actor, manager: Actor) -> None:
    _, a = _submitted(db, legal)
    _approve(db, manager, a.id)
    first = _events(due_calendar.ics_bytes(due_calendar.due_items(db, legal)))
    second = _events(due_calendar.ics_bytes(due_calendar.due_items(db, legal)))
    assert [e["uid"] for e in first] == [e["uid"] for e in second]
    item = due_calendar.due_items(db, legal)[0]
    newer = dataclasses.replace(item, version_no=2, due=item.due + dt.timedelta(days=30))
    assert newer.uid == item.uid  # a new version moves the event (SEQUENCE 2 wins over 1)
    assert _events(due_calendar.ics_bytes([newer]))[0]["sequence"] == 2


def test_nothing_approved_gives_an_empty_calendar(db: Database, legal: Actor) -> None:
    assert due_calendar.due_items(db, legal) == []
    assert Calendar.from_ical(due_calendar.ics_bytes([])).walk("VEVENT") == []


def test_open_actions_are_the_planned_measures_of_a_persons_own_transfers(
    db: Database, legal: Actor, manager: Actor
) -> None:
    """Issue #23: the dashboard shows each person the open actions of the transfers they are responsible
    for: planned measures with a due date, in approved versions; nobody else's."""
    t, a = _submitted(db, legal)  # legal created it: legal is responsible
    _approve(db, manager, a.id)
    assert legal.user_id is not None and manager.user_id is not None
    mine = due_calendar.open_actions(db, legal, legal.user_id)
    assert [(i.kind, i.due, i.transfer_id, i.owner) for i in mine] == [
        ("action", TODAY + dt.timedelta(days=60), t.id, "Ops team")
    ]
    assert due_calendar.open_actions(db, manager, manager.user_id) == []


def test_a_measure_no_longer_in_the_catalogue_is_named_as_such_never_by_its_code(
    db: Database, legal: Actor, manager: Actor
) -> None:
    _, a = _submitted(db, legal)
    _approve(db, manager, a.id)
    with db.unit_of_work() as s:  # a later release dropped the measure from the catalogue
        row = s.get(Assessment, a.id)
        assert row is not None
        inner = dict(row.record["record"])
        inner["measures"] = [{**m, "code": "retired_measure_x"} for m in inner["measures"]]
        row.record = {**row.record, "record": inner}
    (action,) = [i for i in due_calendar.due_items(db, legal) if i.kind == "action"]
    assert action.measure_en == "a measure that is no longer in the catalogue"
    assert action.measure_ja == "カタログに存在しなくなった措置"
    for lang in ("en", "ja"):
        for e in _events(due_calendar.ics_bytes([action], lang)):
            assert "retired_measure_x" not in str(e["summary"]) + str(e["description"])


def test_a_date_the_newer_approval_no_longer_has_comes_as_a_cancelled_event(
    db: Database, legal: Actor, manager: Actor
) -> None:
    """The planned measure of version 1 is in place by version 2: importing the newer file must update the
    old "Measure due" event (same UID, higher SEQUENCE, RFC 5545 STATUS:CANCELLED), not leave it due."""
    t, a = _submitted(db, legal)
    _approve(db, manager, a.id)
    (before,) = [e for e in _ics(db, legal) if "Measure due" in str(e["summary"])]
    v2 = service.new_version(db, legal, a.id)
    done = tuple(dataclasses.replace(m, status=MeasureStatus.IN_PLACE, due=None) for m in v2.record.measures)
    chosen = dataclasses.replace(v2.record.conclusion, chosen=Conclusion.PROCEED)  # as now recommended
    v2 = service.save_draft(
        db, legal, v2.id, dataclasses.replace(v2.record, measures=done, conclusion=chosen), v2.row_version
    )
    _approve(db, manager, service.submit(db, legal, v2.id, TODAY).id)

    events = _ics(db, legal)
    (gone,) = [e for e in events if e["uid"] == before["uid"]]
    assert (gone["status"], gone["sequence"], gone["start"]) == ("CANCELLED", 2, before["start"])
    assert str(gone["summary"]).startswith("No longer due: Measure due: " + t.reference)
    assert "approved version 2 does not have this date" in str(gone["description"])
    assert [e["status"] for e in events if e["uid"] != before["uid"]] == [""]  # the re-evaluation, moved
    ja = _events(due_calendar.ics_bytes(due_calendar.due_items(db, legal, cancelled=True), "ja"))
    assert any(str(e["summary"]).startswith("取消済み：") for e in ja)
    # The listing, the dashboard's open actions: what is still due, only.
    assert all(not i.cancelled for i in due_calendar.due_items(db, legal))
    assert legal.user_id is not None and due_calendar.open_actions(db, legal, legal.user_id) == []


def test_two_registers_with_the_same_reference_give_different_events(
    db: Database, legal: Actor, manager: Actor, tmp_path: Path
) -> None:
    """Two registers (two group companies, or the demo beside the real one) both number from TR-000001:
    the same calendar fed from both must keep both sets of dates."""
    _, a = _submitted(db, legal)
    _approve(db, manager, a.id)
    other = open_database(
        resolve_config(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    )  # made as the app makes it
    o_admin = users.create_first_admin(other, "admin", "Ada Admin", PASSWORD).actor()
    o_legal = users.create_user(other, o_admin, "lena", "Lena Legal", PASSWORD, Role.LEGAL).actor()
    o_manager = users.create_user(other, o_admin, "max", "Max Manager 山田", PASSWORD, Role.MANAGER).actor()
    _, b = _submitted(other, o_legal)
    _approve(other, o_manager, b.id)
    ours, theirs = _ics(db, legal), _ics(other, o_legal)
    assert [e["summary"] for e in ours] == [e["summary"] for e in theirs]  # the same references
    assert not {e["uid"] for e in ours} & {e["uid"] for e in theirs}
    assert [e["uid"] for e in _ics(db, legal)] == [e["uid"] for e in ours]  # and stable in each
    other.dispose()
