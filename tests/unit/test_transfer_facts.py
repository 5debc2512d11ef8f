"""Issue #20: the record's facts follow the transfer (the wizard's live input) by core rules, tested
without Qt against the shipped country data."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from transfer_tool.assessment.record import (
    AddedRegime,
    AssessmentRecord,
    LawAssessment,
    LawPracticeStep,
    RegimeSelection,
)
from transfer_tool.assessment.transfer_facts import (
    ASSESSMENT_ONLY_FACTS,
    facts_from_input,
    fit_to_transfer,
    refit_record,
)
from transfer_tool.countries.model import AccessLaw, Destination
from transfer_tool.countries.shipped import CountryDataset, load_shipped_dataset
from transfer_tool.domain import DataFormat, KeyHolder
from transfer_tool.register.entities import EntityView
from transfer_tool.register.transfers import TransferInput, TransferView

EXPORTER = EntityView(name="Acme GmbH", country="DE", id=1)
IMPORTER = EntityView(name="Acme Inc.", country="US", id=2, is_group_company=True, certifications=("DPF",))
JP_EXPORTER = EntityView(name="Acme KK", country="JP", id=3)
ENTITIES = {e.id: e for e in (EXPORTER, IMPORTER, JP_EXPORTER)}


@pytest.fixture(scope="module")
def data() -> CountryDataset:
    return load_shipped_dataset()


def test_facts_come_from_the_input_and_the_parties_it_names() -> None:
    onward = TransferView(
        exporter_id=2, importer_id=4, destination="IN", importer_name="Support Ltd", title="Tier 2"
    )
    data = TransferInput(exporter_id=1, importer_id=2, destination="US", storage_countries=("US", "IE"))
    facts = facts_from_input(data, ENTITIES, (onward,), None)
    assert (facts.exporter_country, facts.importer_country, facts.destination) == ("DE", "US", "US")
    assert facts.importer_group_company and facts.importer_certifications == ("DPF",)
    assert facts.importer_separate_entity
    assert facts.storage_countries == ("US", "IE")
    assert [(o.recipient, o.country, o.purpose) for o in facts.onward_transfers] == [
        ("Support Ltd", "IN", "Tier 2")
    ]


def test_parties_not_chosen_yet_give_empty_countries() -> None:
    facts = facts_from_input(TransferInput(exporter_id=0, importer_id=0, destination=""), ENTITIES, (), None)
    assert (facts.exporter_country, facts.importer_country, facts.destination) == ("", "", "")
    assert facts.importer_certifications == ()


def test_data_encrypted_with_the_exporter_holding_the_key_is_not_needed_in_clear() -> None:
    base = TransferInput(exporter_id=1, importer_id=2, destination="US", format_at_rest=DataFormat.ENCRYPTED)
    assert facts_from_input(base, ENTITIES, (), None).importer_needs_clear_data
    own_key = dataclasses.replace(base, key_holder=KeyHolder.EXPORTER)
    assert not facts_from_input(own_key, ENTITIES, (), None).importer_needs_clear_data


def test_what_the_assessor_answered_in_the_assessment_survives_a_change_of_the_transfer() -> None:
    data = TransferInput(exporter_id=1, importer_id=2, destination="US")
    answered: dict[str, Any] = {name: True for name in ASSESSMENT_ONLY_FACTS}  # TransferFacts' yes/no answers
    previous = dataclasses.replace(
        facts_from_input(data, ENTITIES, (), None),
        **answered,
        importer_country="XX",  # a register fact: re-derived, not kept
    )
    facts = facts_from_input(dataclasses.replace(data, destination="CN"), ENTITIES, (), previous)
    assert all(getattr(facts, name) is True for name in ASSESSMENT_ONLY_FACTS)
    assert facts.importer_country == "US" and facts.destination == "CN"
    assert not any(getattr(facts_from_input(data, ENTITIES, (), None), n) for n in ASSESSMENT_ONLY_FACTS)


def _record(data: CountryDataset, destination: str = "US") -> AssessmentRecord:
    facts = facts_from_input(
        TransferInput(exporter_id=1, importer_id=2, destination=destination), ENTITIES, (), None
    )
    dest = data.destinations[destination]
    laws = tuple(
        LawAssessment(law.key, applies=True, reasoning=f"answer {law.key}") for law in dest.access_laws
    )
    return AssessmentRecord(
        facts=facts,
        regimes=RegimeSelection(applied=("EU",), added=(AddedRegime("JP", "APPI: Japanese data subjects"),)),
        law_practice=LawPracticeStep(laws=laws, practical_experience="no requests"),
    )


def test_the_exporters_regimes_follow_its_country_and_an_added_one_now_applied_is_dropped(
    data: CountryDataset,
) -> None:
    record = _record(data)
    regimes = tuple(data.regimes.values())
    same = refit_record(record, record.facts, regimes, data.destinations["US"])
    assert same.regimes == record.regimes
    facts = facts_from_input(
        TransferInput(exporter_id=3, importer_id=2, destination="US"), ENTITIES, (), record.facts
    )
    moved = refit_record(record, facts, regimes, data.destinations["US"])
    assert moved.regimes == RegimeSelection(applied=("JP",), added=())
    assert moved.facts == facts


def test_a_new_destination_brings_its_own_laws_unanswered(data: CountryDataset) -> None:
    record = _record(data)
    cn = data.destinations["CN"]
    facts = dataclasses.replace(record.facts, destination="CN", importer_country="CN")
    refitted = refit_record(record, facts, tuple(data.regimes.values()), cn)
    assert refitted.law_practice.laws == tuple(LawAssessment(law.key) for law in cn.access_laws)
    assert refitted.law_practice.practical_experience == "no requests"  # the rest of step 3 stays


def test_the_same_destination_keeps_every_answer(data: CountryDataset) -> None:
    record = _record(data)
    refitted = refit_record(record, record.facts, tuple(data.regimes.values()), data.destinations["US"])
    assert refitted.law_practice == record.law_practice


def test_an_answer_to_a_law_both_destinations_share_is_kept(data: CountryDataset) -> None:
    record = _record(data)
    shared = data.destinations["US"].access_laws[0]
    other = Destination(
        "XY", "Elsewhere", "どこか", access_laws=(shared, AccessLaw("local", "Local Act", False, ""))
    )
    facts = dataclasses.replace(record.facts, destination="XY")
    laws = refit_record(record, facts, tuple(data.regimes.values()), other).law_practice.laws
    assert laws == (record.law_practice.laws[0], LawAssessment("local"))


def test_a_destination_without_country_data_leaves_the_laws_alone(data: CountryDataset) -> None:
    record = _record(data)
    facts = dataclasses.replace(record.facts, destination="ZZ")
    refitted = refit_record(record, facts, tuple(data.regimes.values()), None)
    assert refitted.facts.destination == "ZZ"
    assert refitted.law_practice == record.law_practice


def test_a_record_without_laws_gets_the_destinations_laws(data: CountryDataset) -> None:
    record = dataclasses.replace(_record(data), law_practice=LawPracticeStep())
    us = data.destinations["US"]
    refitted = refit_record(record, record.facts, tuple(data.regimes.values()), us)
    assert [a.law_key for a in refitted.law_practice.laws] == [law.key for law in us.access_laws]


def test_fit_to_transfer_asks_for_the_country_data_only_when_exporter_or_destination_change(
    data: CountryDataset,
) -> None:
    record = _record(data)
    asked: list[int] = []

    def dataset() -> CountryDataset:
        asked.append(1)
        return data

    same = TransferInput(exporter_id=1, importer_id=2, destination="US")
    fitted = fit_to_transfer(record, same, ENTITIES, (), dataset)
    start = dataclasses.replace(record, facts=fitted.facts)  # the record as the transfer describes it
    assert fit_to_transfer(start, same, ENTITIES, (), dataset) is start  # nothing to follow
    asked.clear()
    bigger = fit_to_transfer(start, dataclasses.replace(same, volume=5000), ENTITIES, (), dataset)
    assert bigger.facts.data_subjects_count == 5000 and not asked
    assert (bigger.regimes, bigger.law_practice) == (start.regimes, start.law_practice)
    moved = fit_to_transfer(start, dataclasses.replace(same, destination="CN"), ENTITIES, (), dataset)
    assert asked and moved.facts.destination == "CN"
    assert {law.law_key for law in moved.law_practice.laws} == {
        law.key for law in data.destinations["CN"].access_laws
    }
