"""The record's step 1 facts following the transfer they describe (the wizard's live, unsaved input too).

`facts_from_transfer` is step 1 as the register prefills a new assessment; `facts_from_input` derives the
same facts from a transfer's input, keeping what the assessor answered in the assessment itself;
`refit_record` puts new facts into a record and lets the exporter's regimes and the destination's
government-access laws follow them; `fit_to_transfer` is the one rule both the page save (against the
transfer as stored: `page_save`) and the wizard's preview of unsaved input apply. All are pure: the caller
hands in the entities and the country data.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from transfer_tool.assessment.precheck import regimes_for_exporter
from transfer_tool.assessment.record import (
    AssessmentRecord,
    LawAssessment,
    OnwardTransfer,
    RegimeSelection,
    TransferFacts,
)
from transfer_tool.countries.model import Destination, Regime
from transfer_tool.countries.shipped import CountryDataset
from transfer_tool.domain import DataFormat, KeyHolder
from transfer_tool.register.entities import EntityView
from transfer_tool.register.transfers import TransferInput, TransferView

# Facts the assessor states in the assessment (the register does not hold them); kept when the transfer changes.
ASSESSMENT_ONLY_FACTS = (
    "large_volume",
    "returning_to_controller",
    "importer_gdpr_art3_2",
    "transit_only",
    "importer_protected_recipient",
    "split_processing",
    "exporter_public_powers",
)


# A transfer field an import may leave blank → the fact it gives, where their names differ.
FACT_OF_FIELD = {"special_categories": "sensitive_data"}


def facts_from_transfer(t: TransferView, importer: EntityView) -> TransferFacts:
    """Step 1 prefilled from the register: the wizard shows these for the assessor to confirm."""
    # Data the exporter encrypts or pseudonymises, keeping the keys (the additional information), is unreadable
    # to the importer (EDPB use cases 1 and 2).
    protected = t.format_at_rest in (DataFormat.ENCRYPTED, DataFormat.PSEUDONYMISED)
    clear_needed = not (protected and t.key_holder is KeyHolder.EXPORTER)
    return TransferFacts(
        exporter_country=t.exporter_country,
        importer_country=t.importer_country,
        destination=t.destination,
        importer_separate_entity=t.exporter_id != t.importer_id,
        exporter_role=t.exporter_role,
        importer_role=t.importer_role,
        importer_group_company=importer.is_group_company,
        importer_certifications=tuple(importer.certifications),
        frequency=t.frequency,
        data_subjects_count=t.volume,
        data_categories=tuple(t.data_categories),
        sensitive_data=t.special_categories,
        format_in_transit=t.format_in_transit,
        format_at_rest=t.format_at_rest,
        key_holder=t.key_holder,
        storage_countries=tuple(t.storage_countries),
        remote_access_countries=tuple(t.remote_access_countries),
        importer_needs_clear_data=clear_needed,
        onward_transfers=tuple(
            OnwardTransfer(o.importer_name, o.destination, o.title or ", ".join(o.purposes)) for o in t.onward
        ),
        assumed=tuple(FACT_OF_FIELD.get(n, n) for n in t.assumed),
    )


def facts_from_input(
    data: TransferInput,
    entities: Mapping[int, EntityView],
    onward: Sequence[TransferView],
    previous: TransferFacts | None,
) -> TransferFacts:
    """Step 1 facts as the core derives them from a transfer (the live, unsaved input included)."""
    exporter = entities.get(data.exporter_id)
    # An importer not chosen yet reads as an entity with no name, country or certification.
    importer = entities.get(data.importer_id) or EntityView(name="", country="")
    values: dict[str, Any] = {f.name: getattr(data, f.name) for f in dataclasses.fields(TransferInput)}
    view = TransferView(
        **values,
        exporter_country=exporter.country if exporter else "",
        importer_country=importer.country,
        onward=tuple(onward),
    )
    facts = facts_from_transfer(view, importer)
    if previous is not None:
        # What the assessor answered in the assessment itself (not kept in the register) stays.
        facts = dataclasses.replace(
            facts, **{name: getattr(previous, name) for name in ASSESSMENT_ONLY_FACTS}
        )
    return facts


def refit_record(
    record: AssessmentRecord,
    facts: TransferFacts,
    regimes: Sequence[Regime],
    destination: Destination | None,
) -> AssessmentRecord:
    """The record with new facts: the exporter's regimes and the destination's laws follow them."""
    applied = regimes_for_exporter(facts.exporter_country, regimes)
    # A regime the assessor added by hand stays, unless the exporter's country now applies it anyway.
    selection = RegimeSelection(
        applied=applied, added=tuple(a for a in record.regimes.added if a.regime not in applied)
    )
    law_practice = record.law_practice
    if destination is not None and (facts.destination != record.facts.destination or not law_practice.laws):
        # One answer per law of the (new) destination; an answer to a law it shares with the old one is kept.
        answers = {a.law_key: a for a in law_practice.laws}
        law_practice = dataclasses.replace(
            law_practice,
            laws=tuple(answers.get(law.key, LawAssessment(law.key)) for law in destination.access_laws),
        )
    return dataclasses.replace(record, facts=facts, regimes=selection, law_practice=law_practice)


def fit_to_transfer(
    record: AssessmentRecord,
    data: TransferInput,
    entities: Mapping[int, EntityView],
    onward: Sequence[TransferView],
    dataset: Callable[[], CountryDataset],
) -> AssessmentRecord:
    """The record following the transfer `data` describes: its facts derived from the transfer (the
    assessor's own answers kept) and, when the exporter's country or the destination changed, its regimes
    and laws refitted. `dataset` is asked only then (across offices the country data costs a round trip)."""
    facts = facts_from_input(data, entities, onward, record.facts)
    if facts == record.facts:
        return record
    before = record.facts
    if (
        facts.exporter_country == before.exporter_country
        and facts.destination == before.destination
        and record.law_practice.laws
    ):
        return dataclasses.replace(record, facts=facts)  # the regimes and the laws stay as they are
    ds = dataset()
    return refit_record(record, facts, tuple(ds.regimes.values()), ds.destinations.get(facts.destination))
