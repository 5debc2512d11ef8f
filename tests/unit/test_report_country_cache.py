"""A report reads the country data as it stands when it is built (a country-data edit between two reports
shows in the second one), and only the destinations its transfer needs: the transfer's destination and the
countries where the data is stored or accessed from, each read when the engine looks it up
(countries/on_demand.py), not all 251 (about 40 ms of a `report` process)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from sqlalchemy import event

from tests.unit.test_assessment_service import TODAY, _filled, _fr_to_us
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import reporting, service
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


def test_a_report_reads_only_its_transfers_destinations_and_says_what_the_whole_data_would(
    db: Database, legal: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Stored in India, looked at from Japan: the pre-check asks about US, IN and JP (and the exporter's FR
    # is inside the EU's area, which the regime itself says).
    t = _fr_to_us(db, legal, remote_access_countries=("JP",))
    a = service.start_assessment(db, legal, t.id)
    a = service.save_draft(db, legal, a.id, _filled(a.record, conclusion=None), a.row_version)
    facts = dataclasses.replace(a.record.facts, storage_countries=("US", "IN"))
    a = service.save_draft(db, legal, a.id, dataclasses.replace(a.record, facts=facts), a.row_version)

    # This process holds no country data of the database (on PostgreSQL every test's database has the same
    # address, and an earlier test's batch or preview may have left it held): the report reads on demand.
    monkeypatch.setattr(country_store, "_DATASETS", {})
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        on_demand = service.build_report_data(db, a.id, TODAY)
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    destination_reads = [q for q in statements if "FROM destination" in q]
    assert destination_reads, "the report read no destination at all"
    assert all("WHERE" in q for q in destination_reads), destination_reads  # one code each, not the table
    assert len(destination_reads) == 1  # US, IN and JP in one statement (a round trip across offices)

    # The same report from the whole country data, as before on-demand reading.
    monkeypatch.setattr(reporting, "dataset_on_demand", country_store.dataset)
    assert service.build_report_data(db, a.id, TODAY) == on_demand
