"""A report built from the country data read on demand (countries/on_demand.py) is the report the whole
country data gives, and the one the held copy gives (reporting.py `_report_data`): for a draft whose data
is stored or accessed from other countries (some inside the regime's area, one the country data does not
hold), and for a submitted version reported against the destination version it relied on after the live
one changed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Callable

import pytest

from tests import factories
from tests.unit.test_assessment_service import TODAY, _filled, _fr_to_us
from transfer_tool import demo
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import reporting, service
from transfer_tool.assessment.precheck import precheck, select_regimes
from transfer_tool.assessment.record import TransferFacts
from transfer_tool.assessment.tool_catalog import load_tool_catalog
from transfer_tool.countries import store as country_store
from transfer_tool.countries.model import Destination, RegimeEntry
from transfer_tool.countries.on_demand import dataset_on_demand
from transfer_tool.domain import AdequacyStatus, PartyRole
from transfer_tool.register import transfers
from transfer_tool.report.data import ReportData
from transfer_tool.storage.database import Database


def _three_ways(db: Database, monkeypatch: pytest.MonkeyPatch, build: Callable[[], ReportData]) -> ReportData:
    monkeypatch.setattr(country_store, "_DATASETS", {})  # this process holds none: read on demand
    assert country_store.held_dataset(db) is None
    on_demand = build()
    with monkeypatch.context() as m:  # the whole country data, as before on-demand reading
        m.setattr(reporting, "dataset_on_demand", country_store.dataset)
        whole = build()
    country_store.cached_dataset(db)  # the copy the app and a batch hold
    assert country_store.held_dataset(db) is not None
    held = build()
    country_store._DATASETS.clear()  # the next build reads on demand again
    assert on_demand == whole
    assert held == whole
    return on_demand


@pytest.mark.parametrize(
    ("storage", "remote"),
    [
        (("US",), ()),
        (("US", "IN"), ("JP",)),
        (("DE", "IE"), ("NO", "CH")),  # inside the EU's area (and EEA), and Switzerland
        (("US",), ("XK", "ZZ")),  # a code the country data may not hold
    ],
)
def test_a_drafts_report_is_the_same_read_on_demand_held_or_whole(
    db: Database,
    legal: Actor,
    monkeypatch: pytest.MonkeyPatch,
    storage: tuple[str, ...],
    remote: tuple[str, ...],
) -> None:
    t = _fr_to_us(db, legal)
    a = service.start_assessment(db, legal, t.id)
    a = service.save_draft(db, legal, a.id, _filled(a.record, conclusion=None), a.row_version)
    facts = dataclasses.replace(a.record.facts, storage_countries=storage, remote_access_countries=remote)
    a = service.save_draft(db, legal, a.id, dataclasses.replace(a.record, facts=facts), a.row_version)
    aid = a.id
    data = _three_ways(db, monkeypatch, lambda: service.build_report_data(db, aid, TODAY))
    assert data.destination_status


def test_a_transfer_inside_the_area_with_access_from_outside_is_reported_the_same(
    db: Database, legal: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    exp = factories.entity(db, legal, "Werk GmbH", "DE")
    imp = factories.entity(db, legal, "Rechenzentrum AG", "DE")
    data = factories.transfer_input(
        exp.id, imp.id, "DE", storage_countries=("DE",), remote_access_countries=("IN",)
    )
    t = transfers.create_transfer(db, legal, data)
    a = service.start_assessment(db, legal, t.id)
    _three_ways(db, monkeypatch, lambda: service.build_report_data(db, a.id, TODAY))


def test_a_submitted_version_is_reported_against_its_destination_version_the_same_way(
    db: Database, admin: Actor, legal: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    parties = demo.create_demo_parties(db, admin)
    t, _ = demo.create_demo_transfer(db, legal, parties)
    submitted = demo.fill_and_submit(db, legal, t.id, dt.date(2026, 12, 6))
    relied = _three_ways(db, monkeypatch, lambda: service.build_report_data(db, submitted.id, TODAY))

    us_now = country_store.get_destination(db, "US")
    changed = dataclasses.replace(
        us_now, regimes={**us_now.regimes, "JP": RegimeEntry("JP", AdequacyStatus.ADEQUATE)}
    )
    country_store.update_destination(
        db, admin, changed, reason="a test edit", expected_version=us_now.version
    )
    after = _three_ways(db, monkeypatch, lambda: service.build_report_data(db, submitted.id, TODAY))
    assert after.destination_status == relied.destination_status  # still the version it relied on
    assert after == relied  # the whole report: nothing of it follows the live edit


def test_the_pre_check_judges_the_same_from_codes_read_on_demand_as_from_the_whole_data(db: Database) -> None:
    """Over the shipped data: the importer's country, storage and access inside and outside each regime's
    area, codes the data lacks, and a destination (as a submitted version relied on it) that differs from
    the live one; the whole data, the data read on demand, none and an empty mapping."""
    whole = country_store.dataset(db)
    regimes = list(whole.regimes.values())
    catalog = load_tool_catalog()
    rnd = random.Random(19)
    pool = ["DE", "FR", "IE", "NO", "CH", "GB", "US", "JP", "CN", "IN", "KR", "BR", "PH", "ZZ", "de", ""]
    for _ in range(150):
        code = rnd.choice(["US", "JP", "CN", "CH", "GB", "DE", "IN", "BR"])
        facts = TransferFacts(
            rnd.choice(["DE", "FR", "JP", "CH", "GB", "CN", "KR"]),
            rnd.choice([code, code, *pool]),
            code,
            importer_role=rnd.choice(list(PartyRole)),
            importer_certifications=tuple(
                rnd.sample(["EU-US DPF", "UK Extension", "APEC CBPR"], rnd.randint(0, 2))
            ),
            storage_countries=tuple(rnd.sample(pool, rnd.randint(0, 3))),
            remote_access_countries=tuple(rnd.sample(pool, rnd.randint(0, 2))),
        )
        live = whole.destinations[code]
        relied = dataclasses.replace(live, regimes=whole.destinations[rnd.choice(pool[:13])].regimes)
        selection = select_regimes(facts.exporter_country, regimes)
        for destination in (live, relied):
            expected = precheck(
                facts, destination, regimes, selection, catalog, destinations=whole.destinations
            )
            read = dataset_on_demand(db).destinations
            assert precheck(facts, destination, regimes, selection, catalog, destinations=read) == expected
            alone = precheck(facts, destination, regimes, selection, catalog, destinations=None)
            assert precheck(facts, destination, regimes, selection, catalog, destinations={}) == alone


def test_a_destination_is_judged_inside_or_outside_on_the_version_relied_on_not_a_later_live_edit(
    db: Database,
) -> None:
    """Whether the judged destination is inside a regime's area (then there is no transfer to it, and the
    pre-check looks at where the data really goes instead: EDPB Guidelines 05/2021) is read from the
    destination the version is judged against. For a submitted or approved version that is the destination
    version it relied on, as its status under each regime is (the report states the country data it
    relied on), never a later edit of the live data, e.g. an entry that has since become or stopped being
    "inside the area" (a state joining or leaving the EEA). Drafts are judged on the live data, which is
    then the same destination."""
    whole = country_store.dataset(db)
    regimes = list(whole.regimes.values())
    catalog = load_tool_catalog()
    live = whole.destinations["US"]
    facts = TransferFacts("FR", "DE", "US", importer_role=PartyRole.PROCESSOR, storage_countries=("US",))
    selection = select_regimes(facts.exporter_country, regimes)
    for relied_status, live_status in (
        (AdequacyStatus.INSIDE, AdequacyStatus.NOT_ADEQUATE),
        (AdequacyStatus.NOT_ADEQUATE, AdequacyStatus.INSIDE),
    ):

        def with_eu(status: AdequacyStatus) -> Destination:
            entry = RegimeEntry("EU", status, source_url="https://example.org")
            return dataclasses.replace(live, regimes={**live.regimes, "EU": entry})

        relied = with_eu(relied_status)
        as_relied = precheck(
            facts, relied, regimes, selection, catalog, destinations={**whole.destinations, "US": relied}
        )
        after_edit = {**whole.destinations, "US": with_eu(live_status)}
        assert precheck(facts, relied, regimes, selection, catalog, destinations=after_edit) == as_relied
        eu = next(c for c in as_relied.checks if c.regime == "EU")
        assert eu.is_transfer == (relied_status is not AdequacyStatus.INSIDE), eu
