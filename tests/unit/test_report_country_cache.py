"""Reports reuse the country data read for the previous report (a batch of 500 reads it once), yet a
country-data edit between two reports shows in the second one."""

from __future__ import annotations

import dataclasses

from tests.unit.test_assessment_service import TODAY, _filled, _fr_to_us
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.countries import store as country_store
from transfer_tool.countries.model import RegimeEntry
from transfer_tool.domain import AdequacyStatus
from transfer_tool.storage.database import Database


def test_a_draft_report_shows_a_country_edit_made_after_the_previous_report(
    db: Database, admin: Actor, legal: Actor
) -> None:
    t = _fr_to_us(db, legal)
    a = service.start_assessment(db, legal, t.id)
    a = service.save_draft(db, legal, a.id, _filled(a.record, conclusion=None), a.row_version)
    before = service.build_report_data(db, a.id, TODAY)
    again = service.build_report_data(db, a.id, TODAY)
    assert [e.status for e in again.destination_status] == [e.status for e in before.destination_status]
    assert AdequacyStatus.NOT_ADEQUATE not in [e.status for e in before.destination_status]

    us_now = country_store.get_destination(db, "US")
    changed = dataclasses.replace(
        us_now, regimes={**us_now.regimes, "EU": RegimeEntry("EU", AdequacyStatus.NOT_ADEQUATE)}
    )
    country_store.update_destination(
        db, admin, changed, reason="CJEU ruling", expected_version=us_now.version
    )

    after = service.build_report_data(db, a.id, TODAY)
    eu = [e for e in after.destination_status if e.regime == "EU"]
    assert [e.status for e in eu] == [AdequacyStatus.NOT_ADEQUATE]
    assert after.country_data_version == us_now.version + 1
