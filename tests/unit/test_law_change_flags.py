"""Issue 18, point 5: a change to a government-access law flags each transfer whose current assessment
relied on it, with the reason; a re-assessment then marks the law-and-practice step to confirm."""

from __future__ import annotations

import dataclasses
from typing import Any

from tests.unit.teamwork_support import approved_transfer
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import derivation, reassessment, service
from transfer_tool.countries import store
from transfer_tool.countries.impact import law_changes
from transfer_tool.countries.model import AccessLaw, Destination
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database


def _with_law(dest: Destination, key: str, **changes: Any) -> Destination:
    laws = tuple(dataclasses.replace(law, **changes) if law.key == key else law for law in dest.access_laws)
    return dataclasses.replace(dest, access_laws=laws)


def _save(db: Database, admin: Actor, dest: Destination, why: str) -> store.UpdateResult:
    current = store.get_destination(db, dest.code)
    return store.update_destination(db, admin, dest, reason=why, expected_version=current.version)


def test_making_the_cloud_act_problematic_flags_the_approved_transfer_that_records_it(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    cloud = next(a for a in src.assessment.record.law_practice.laws if a.law_key == "cloud_act")
    assert cloud.applies is True  # the approved assessment records that it applies
    us = store.get_destination(db, "US")
    assert not next(law for law in us.access_laws if law.key == "cloud_act").problematic

    result = _save(db, admin, _with_law(us, "cloud_act", problematic=True), "New reading of the CLOUD Act")

    assert result.flagged == 1
    flags = store.open_flags(db, src.transfer.id)
    assert [(f.kind, f.destination) for f in flags] == [(store.LAW_FLAG_KIND, "US")]
    reason = flags[0].reason
    assert "CLOUD Act" in reason and "now judged problematic" in reason, reason
    assert "New reading of the CLOUD Act" in reason and "cloud_act" not in reason
    assert transfers.get_transfer(db, src.transfer.id).reassessment_needed

    # The re-assessment marks the law-and-practice step to confirm, keeping the tool.
    outcome = reassessment.start_reassessment(db, legal, src.transfer.id)
    assert outcome.result == reassessment.STARTED and outcome.assessment_id is not None
    draft = service.get_assessment(db, outcome.assessment_id)
    assert derivation.LAW_PRACTICE in draft.record.to_confirm
    assert draft.record.tools == src.assessment.record.tools


def test_a_law_no_assessment_answered_flags_nothing_and_a_new_law_flags_every_assessed_transfer(
    db: Database, admin: Actor, legal: Actor, manager: Actor
) -> None:
    src = approved_transfer(db, admin, legal, manager, eu=False)
    us = store.get_destination(db, "US")
    # Only the sources changed: not a change of the law.
    fisa = next(law for law in us.access_laws if law.key == "fisa702")
    result = _save(
        db, admin, _with_law(us, "fisa702", sources=(*fisa.sources, "https://example.org/x")), "src"
    )
    assert result.flagged == 0
    # A new law: the approved assessment never considered it.
    us = store.get_destination(db, "US")
    added = AccessLaw("ssa", "Stored Surveillance Act", True, "fails guarantee A", ("https://example.org",))
    result = _save(db, admin, dataclasses.replace(us, access_laws=(*us.access_laws, added)), "new law")
    assert result.flagged == 1
    assert (
        "Stored Surveillance Act: added to the government-access laws"
        in store.open_flags(db, src.transfer.id)[0].reason
    )


def test_law_changes_name_what_changed_in_words() -> None:
    law = AccessLaw("nsl", "National Security Letters", True, "fails A", (), "telecom providers")
    before = Destination("US", "United States", "米国", access_laws=(law,))
    rescoped = dataclasses.replace(before, access_laws=(dataclasses.replace(law, scope="any provider"),))
    relaxed = dataclasses.replace(before, access_laws=(dataclasses.replace(law, problematic=False),))
    gone = dataclasses.replace(before, access_laws=())
    assert [c.reason for c in law_changes(before, rescoped)] == [
        "National Security Letters: its profile changed (what it reaches or why)"
    ]
    assert [c.reason for c in law_changes(before, relaxed)] == [
        "National Security Letters: no longer judged problematic"
    ]
    assert [c.reason for c in law_changes(before, gone)] == [
        "National Security Letters: removed from the government-access laws"
    ]
    assert law_changes(before, before) == []
