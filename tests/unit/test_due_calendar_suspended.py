"""A transfer whose approved assessment concluded "do not transfer" provides no data abroad: no APPI
yearly check of the recipient's equivalent measures falls due (PPC Rules Art. 18(1) applies to a provision
that continues), neither in the calendar file nor in the report's action plan; its re-evaluation stays."""

from __future__ import annotations

from icalendar import Calendar

from tests import factories
from tests.unit.notice_support import TODAY, approve_transfer
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import due_calendar, service
from transfer_tool.assessment.report_texts import YEARLY_CHECK
from transfer_tool.domain import Conclusion, TransferStatus
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database


def _kinds(db: Database, actor: Actor, transfer_id: int) -> list[str]:
    reference = transfers.get_transfer(db, transfer_id).reference
    return sorted(i.kind for i in due_calendar.due_items(db, actor) if i.transfer_reference == reference)


def test_no_yearly_check_falls_due_for_a_transfer_that_does_not_happen(
    db: Database, legal: Actor, manager: Actor
) -> None:
    going = factories.transfer(db, legal, "US", title="Support desk", volume=1000)
    stopped = factories.transfer(db, legal, "US", title="Marketing analytics", volume=1000)
    approve_transfer(db, legal, manager, going.id, {"JP": "jp_equivalent_measures"})
    view = approve_transfer(
        db, legal, manager, stopped.id, {"JP": "jp_equivalent_measures"}, Conclusion.DO_NOT_TRANSFER
    )
    assert transfers.get_transfer(db, stopped.id).status is TransferStatus.SUSPENDED
    assert _kinds(db, legal, going.id) == ["appi_yearly_check", "reevaluation"]
    assert _kinds(db, legal, stopped.id) == ["reevaluation"]
    assert view.record.appi_check_due is None
    events = Calendar.from_ical(due_calendar.ics_bytes(due_calendar.due_items(db, legal), "ja")).walk(
        "VEVENT"
    )
    checks = [str(e["summary"]) for e in events if "APPI年次確認期限" in str(e["summary"])]
    assert len(checks) == 1 and "Marketing" not in checks[0]
    plan = service.build_report_data(db, view.id, TODAY).action_plan
    assert YEARLY_CHECK not in [a.action for a in plan]
    going_version = service.latest_for_transfer(db, going.id)
    assert going_version is not None
    going_plan = service.build_report_data(db, going_version.id, TODAY).action_plan
    assert YEARLY_CHECK in [a.action for a in going_plan]  # the check above could fail
