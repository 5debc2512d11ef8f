"""The record's step 1 facts following the transfer they describe (the wizard's live, unsaved input too).

`facts_from_input` derives the facts from a transfer's input the way the register prefills a new assessment
(`drafting.facts_from_transfer`), keeping what the assessor answered in the assessment itself;
`refit_record` puts new facts into a record and lets the exporter's regimes and the destination's
government-access laws follow them. Both are pure: the caller hands in the entities and the country data.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from transfer_tool.assessment.drafting import facts_from_transfer
from transfer_tool.assessment.precheck import regimes_for_exporter
from transfer_tool.assessment.record import AssessmentRecord, LawAssessment, RegimeSelection, TransferFacts
from transfer_tool.countries.model import Destination, Regime
from transfer_tool.entities import EntityView
from transfer_tool.transfers import TransferInput, TransferView

# Facts the assessor states in the assessment (the register does not hold them); kept when the transfer changes.
ASSESSMENT_ONLY_FACTS = (
    "large_volume",
    "returning_to_controller",
    "importer_gdpr_art3_2",
    "transit_only",
    "importer_protected_recipient",
    "split_processing",
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
