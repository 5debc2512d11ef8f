"""Pre-check: transfer or not, which regimes, full assessment or short record."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from tests.unit.test_assessment_fixtures import (
    checked,
    fr_to_us_facts,
    germany,
    japan,
    regimes,
    tool_catalog,
    us,
)
from transfer_tool.assessment.precheck import (
    PrecheckResult,
    Route,
    precheck,
    regimes_for_exporter,
    select_regimes,
)
from transfer_tool.assessment.record import (
    AddedRegime,
    ConditionConfirmation,
    RegimeSelection,
    ToolChoice,
    TransferFacts,
)
from transfer_tool.countries.model import Destination, RegimeEntry
from transfer_tool.domain import AdequacyStatus, Frequency
from transfer_tool.errors import ValidationError


def run(
    facts: TransferFacts,
    dest: Destination,
    sel: RegimeSelection | None = None,
    *,
    confirmations: Sequence[ConditionConfirmation] = (),
    tools: Sequence[ToolChoice] = (),
) -> PrecheckResult:
    sel = sel or select_regimes(facts.exporter_country, regimes())
    return precheck(facts, dest, regimes(), sel, tool_catalog(), confirmations=confirmations, tools=tools)


def test_regimes_follow_the_exporter_country() -> None:
    assert regimes_for_exporter("FR", regimes()) == ("EU",)
    assert regimes_for_exporter("GB", regimes()) == ("UK",)
    assert regimes_for_exporter("AU", regimes()) == ()


def test_assessor_can_widen_regimes_only_with_a_reason() -> None:
    sel = select_regimes(
        "JP", regimes(), (AddedRegime("EU", "GDPR Art. 3(2): offers goods to EU residents"),)
    )
    assert sel.codes() == ("JP", "EU")
    with pytest.raises(ValidationError) as exc:
        select_regimes("JP", regimes(), (AddedRegime("EU", " "), AddedRegime("XX", "why")))
    assert [p.location for p in exc.value.problems] == ["regimes.added[0]", "regimes.added[1]"]


def test_added_regime_is_applied_with_its_reason() -> None:
    facts = TransferFacts("JP", "US", "US")
    sel = select_regimes("JP", regimes(), (AddedRegime("EU", "Art. 3(2) targeting"),))
    pre = run(facts, us(), sel)
    eu = pre.check_for("EU")
    assert eu is not None and eu.is_transfer and "regime_added" in eu.codes()
    assert "Art. 3(2) targeting" in eu.reasons[0].text


def test_same_entity_is_not_a_transfer() -> None:
    pre = run(fr_to_us_facts(importer_separate_entity=False), us())
    assert not pre.is_transfer and "same_entity" in pre.checks[0].codes()


def test_partial_adequacy_needs_the_certification_or_a_confirmation() -> None:
    assert run(fr_to_us_facts(), us()).full_assessment_needed
    assert not run(fr_to_us_facts(importer_certifications=("EU-US DPF",)), us()).full_assessment_needed
    # The UK needs the UK Extension; EU DPF alone does not carry over.
    gb = TransferFacts("GB", "US", "US", importer_certifications=("EU-US DPF",))
    assert checked(run(gb, us()), "UK").route is Route.PARTIAL_UNCONFIRMED
    # A condition without a certification rule (Canada, PIPEDA) is met only by the assessor's confirmation.
    canada = Destination(
        "CA", "Canada", "カナダ", regimes={"EU": RegimeEntry("EU", AdequacyStatus.PARTIAL, "PIPEDA")}
    )
    facts = TransferFacts("FR", "CA", "CA")
    assert checked(run(facts, canada), "EU").route is Route.PARTIAL_UNCONFIRMED
    confirmed = run(
        facts, canada, confirmations=(ConditionConfirmation("EU", "importer is subject to PIPEDA"),)
    )
    assert checked(confirmed, "EU").route is Route.PARTIAL_CONFIRMED


def test_derogation_means_short_record() -> None:
    facts = fr_to_us_facts(frequency=Frequency.ONE_OFF)
    pre = run(facts, us(), tools=(ToolChoice("EU", "eu_derog_legal_claims", "court case"),))
    assert not pre.full_assessment_needed
    assert "derogation_short_record" in checked(pre, "EU").codes()
    # GDPR recital 111: the legal-claims derogation is for occasional transfers; a continuous one needs a tool.
    pre = run(fr_to_us_facts(), us(), tools=(ToolChoice("EU", "eu_derog_legal_claims", "court case"),))
    assert pre.full_assessment_needed
    assert "derogation_does_not_fit" in checked(pre, "EU").codes()


def test_missing_status_is_treated_as_not_adequate() -> None:
    pre = run(TransferFacts("FR", "AQ", "AQ"), Destination("AQ", "Antarctica", "南極"))
    c = pre.check_for("EU")
    assert c is not None and c.route is Route.UNKNOWN_STATUS and c.full_assessment_needed


def test_unknown_selected_regime_is_refused() -> None:
    with pytest.raises(ValidationError, match="not known"):
        run(TransferFacts("FR", "US", "US"), us(), RegimeSelection(("EU", "KR")))


def test_storage_abroad_counts_as_transfer() -> None:
    pre = run(TransferFacts("DE", "DE", "DE", storage_countries=("US",)), germany())
    assert "storage_outside" in checked(pre, "EU").codes()


def test_adequate_destination_reasons_are_readable_sentences() -> None:
    pre = run(TransferFacts("FR", "JP", "JP"), japan())
    texts = [r.text for r in pre.checks[0].reasons]
    assert any("Japan is adequate under the EU GDPR ((EU) 2019/419)" in t for t in texts)
    assert all(t.endswith(".") for t in texts)
