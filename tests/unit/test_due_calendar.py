"""Due dates as an iCalendar file: one event per re-evaluation, APPI yearly check and planned measure of the
latest approved versions, with the transfer's reference and title, and UIDs that stay the same between
exports (a calendar updates the event instead of adding a second)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from icalendar import Calendar
from sqlalchemy import update

from tests.unit.test_assessment_service import TODAY, _approve, _submitted
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import due_calendar
from transfer_tool.storage.database import Database
from transfer_tool.storage.models.assessment import Assessment


def _events(raw: bytes) -> list[dict[str, object]]:
    cal = Calendar.from_ical(raw)
    return [
        {
            "uid": str(e["uid"]),
            "summary": str(e["summary"]),
            "description": str(e["description"]),
            "start": e.decoded("dtstart"),
            "sequence": int(e.decoded("sequence")),
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
