"""Named end-to-end scenarios over the pure assessment rules (hand-built country data)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import pytest

from tests.unit.test_assessment_fixtures import (
    NOW,
    TODAY,
    checked,
    china,
    complete_fr_us_record,
    context,
    fr_to_us_facts,
    germany,
    japan,
    japan_adequate_under_ch,
    regimes,
    tool_catalog,
    us,
)
from transfer_tool.assessment.completeness import missing_items
from transfer_tool.assessment.context import evaluate
from transfer_tool.assessment.precheck import PrecheckResult, Route, precheck, select_regimes
from transfer_tool.assessment.record import (
    AssessmentRecord,
    LawRisk,
    RiskFactor,
    RiskInputs,
    ToolChoice,
    TransferFacts,
)
from transfer_tool.assessment.risk import compute_risk
from transfer_tool.assessment.safeguards import propose_tools
from transfer_tool.assessment.workflow import approve, submit
from transfer_tool.countries.model import Destination
from transfer_tool.domain import AssessmentStatus, Conclusion, DataFormat, PartyRole, UserId


def _pre(facts: TransferFacts, dest: Destination, tools: Sequence[ToolChoice] = ()) -> PrecheckResult:
    sel = select_regimes(facts.exporter_country, regimes())
    return precheck(facts, dest, regimes(), sel, tool_catalog(), tools=tools)


def test_jp_exporter_to_us_processor_gets_appi_routes_and_no_eu_regime() -> None:
    facts = TransferFacts("JP", "US", "US", importer_role=PartyRole.PROCESSOR, data_subjects_count=500)
    pre = _pre(facts, us())
    assert pre.transfer_regimes == ("JP",)
    assert pre.check_for("EU") is None  # the EU GDPR does not govern a Japanese exporter
    check = pre.check_for("JP")
    assert check is not None and check.route is Route.NO_ADEQUACY and check.full_assessment_needed

    props = propose_tools(facts, us(), pre, tool_catalog())
    codes = [p.tool for p in props.proposals]
    assert codes[:2] == ["jp_equivalent_measures", "jp_consent"]
    assert not any(c.startswith("eu_") for c in codes)
    info = props.consent_information
    assert info is not None and info.country_name_en == "United States"
    assert "APEC CBPR" in " ".join(info.indicators)
    assert any("FISA" in s for s in info.affecting_systems)


def test_jp_consent_route_needs_only_a_short_record() -> None:
    facts = TransferFacts("JP", "US", "US", data_subjects_count=500)
    pre = _pre(facts, us(), tools=(ToolChoice("JP", "jp_consent", "customers consent at sign-up"),))
    assert not pre.full_assessment_needed
    assert "consent_short_record" in checked(pre, "JP").codes()


def test_de_group_company_to_jp_group_company_is_adequate_short_record() -> None:
    facts = TransferFacts(
        "DE",
        "JP",
        "JP",
        exporter_role=PartyRole.CONTROLLER,
        importer_role=PartyRole.CONTROLLER,
        importer_group_company=True,
        data_subjects_count=300,
    )
    pre = _pre(facts, japan())
    check = pre.check_for("EU")
    assert check is not None and check.is_transfer and check.route is Route.ADEQUACY
    assert not pre.full_assessment_needed
    assert "adequate" in check.codes()
    props = propose_tools(facts, japan(), pre, tool_catalog())
    assert [p.tool for p in props.proposals] == ["eu_adequacy"]
    ev = evaluate(
        AssessmentRecord(facts, pre_sel := select_regimes("DE", regimes())), context(japan()), TODAY
    )
    assert pre_sel.codes() == ("EU",)
    assert ev.recommendation.conclusion is Conclusion.PROCEED


def test_fr_controller_to_uncertified_us_processor_needs_full_tia_scc2_measures_and_risk() -> None:
    facts = fr_to_us_facts()
    pre = _pre(facts, us())
    check = pre.check_for("EU")
    assert check is not None and check.route is Route.PARTIAL_UNCONFIRMED and check.full_assessment_needed
    assert "condition_not_certified" in check.codes()
    props = propose_tools(facts, us(), pre, tool_catalog())
    preferred = [p for p in props.proposals if p.preferred]
    assert [p.tool for p in preferred] == ["eu_scc_m2"]

    record = complete_fr_us_record()
    ev = evaluate(record, context(us()), TODAY)
    # FISA 702 applies, the processor needs data in the clear (use case 6), no effective measure, no risk figure.
    assert ev.use_cases == (6,)
    assert ev.recommendation.conclusion is Conclusion.DO_NOT_TRANSFER
    assert any(w.code == "use_case_6_7_clear_data" for w in ev.measure_warnings)

    # With a quantified risk below the threshold the recommendation becomes proceed.
    factors = tuple(
        RiskFactor(k, k, p, "see the importer's transparency report")
        for k, p in (("a", 0.5), ("b", 0.1), ("c", 0.2), ("d", 0.5), ("e", 1.0))
    )
    risk = RiskInputs(enabled=True, threshold=0.1, laws=(LawRisk("fisa702", "FISA Section 702", factors),))
    result = compute_risk(risk)
    assert result.laws[0].probability == pytest.approx(0.005)  # 0.5 × 0.1 × 0.2 × 0.5 × 1.0
    assert result.period_probability == pytest.approx(1 - 0.995**5)  # ≈ 2.48 %
    # EDPB Recommendations 01/2020 paras 43.3, 46-47: only on objective, documented sources on the practice.
    ev1 = evaluate(dataclasses.replace(record, risk=risk), context(us()), TODAY)
    assert ev1.recommendation.conclusion is Conclusion.DO_NOT_TRANSFER
    assert [r.code for r in ev1.recommendation.reasons] == [
        "risk_below_threshold",
        "risk_route_without_sources",
    ]
    sourced = dataclasses.replace(
        record.law_practice, practical_sources=("Importer's transparency reports 2020-2025",)
    )
    ev2 = evaluate(dataclasses.replace(record, risk=risk, law_practice=sourced), context(us()), TODAY)
    assert ev2.recommendation.conclusion is Conclusion.PROCEED
    assert [r.code for r in ev2.recommendation.reasons] == ["risk_below_threshold", "risk_route_caveat"]


def test_us_dpf_certified_importer_takes_the_adequacy_route() -> None:
    facts = fr_to_us_facts(importer_certifications=("EU-US DPF",))
    pre = _pre(facts, us())
    assert checked(pre, "EU").route is Route.PARTIAL_CONFIRMED
    assert not pre.full_assessment_needed


def test_jp_to_cn_group_company_hr_data_appi_route_and_pipl_note() -> None:
    facts = TransferFacts(
        "JP",
        "CN",
        "CN",
        exporter_role=PartyRole.CONTROLLER,
        importer_role=PartyRole.CONTROLLER,
        importer_group_company=True,
        data_categories=("employee_hr",),
        data_subjects_count=80,
    )
    pre = _pre(facts, china())
    assert pre.transfer_regimes == ("JP",)
    props = propose_tools(facts, china(), pre, tool_catalog())
    assert props.for_regime("JP")[0].tool == "jp_equivalent_measures"
    assert "group company" in props.for_regime("JP")[0].why
    notes = [n for n in props.notes if n.code == "destination_export_regime"]
    assert len(notes) == 1 and "PIPL" in notes[0].text
    assert "back" in notes[0].text  # the way back from China is governed by the PIPL


def test_ch_to_jp_uses_swiss_status_from_destination_and_swiss_scc() -> None:
    facts = TransferFacts(
        "CH",
        "JP",
        "JP",
        importer_role=PartyRole.CONTROLLER,
        importer_group_company=False,
        data_subjects_count=40,
    )
    pre = _pre(facts, japan())
    assert pre.transfer_regimes == ("CH",)
    assert checked(pre, "CH").route is Route.NO_ADEQUACY
    props = propose_tools(facts, japan(), pre, tool_catalog())
    assert props.for_regime("CH")[0].tool == "ch_scc_swiss_m1"  # the Swiss SCCs per module, like the EU ones
    assert "Module 1" in props.for_regime("CH")[0].why

    # The status comes from the passed-in destination, not from code: if listed, adequacy is proposed.
    pre2 = _pre(facts, japan_adequate_under_ch())
    assert checked(pre2, "CH").route is Route.ADEQUACY
    assert [
        p.tool for p in propose_tools(facts, japan_adequate_under_ch(), pre2, tool_catalog()).proposals
    ] == ["ch_adequacy"]


def test_de_to_de_is_not_a_transfer() -> None:
    facts = TransferFacts("DE", "DE", "DE", data_subjects_count=10)
    pre = _pre(facts, germany())
    assert not pre.is_transfer
    assert "destination_inside" in checked(pre, "EU").codes()
    assert propose_tools(facts, germany(), pre, tool_catalog()).proposals == ()


def test_de_to_de_with_remote_access_from_india_is_a_transfer() -> None:
    facts = TransferFacts("DE", "DE", "DE", remote_access_countries=("IN",), format_at_rest=DataFormat.CLEAR)
    pre = _pre(facts, germany())
    assert pre.is_transfer and pre.full_assessment_needed
    assert "remote_access_outside" in checked(pre, "EU").codes()


def test_full_fr_us_cycle_submit_and_approve_once_complete() -> None:
    record = dataclasses.replace(complete_fr_us_record(), assessor=UserId(1))
    assert missing_items(record, context(us()), TODAY) == ()
    submitted = submit(record, context(us()), by=UserId(1), now=NOW)
    approved = approve(submitted, by=UserId(2), now=NOW)
    assert approved.status is AssessmentStatus.APPROVED
    assert approved.reevaluation_date is not None and approved.reevaluation_date.year == 2027


# --- the review cycle on the FR → US story ---------------------------------------------------------


def test_scenario_incomplete_submit_is_refused_with_the_list() -> None:
    from transfer_tool.assessment.record import LawPracticeStep
    from transfer_tool.errors import ValidationError

    rec = dataclasses.replace(complete_fr_us_record(), tools=(), law_practice=LawPracticeStep())
    with pytest.raises(ValidationError) as exc:
        submit(rec, context(us()), by=UserId(1), now=NOW)
    messages = [str(p) for p in exc.value.problems]
    assert any("no transfer tool chosen for EU GDPR" in m for m in messages)
    assert any("FISA Section 702" in m for m in messages)


def test_scenario_self_approval_refused_and_approved_version_frozen() -> None:
    from transfer_tool.assessment.workflow import edit, new_version
    from transfer_tool.errors import PermissionDenied, ValidationError

    rec = submit(complete_fr_us_record(), context(us()), by=UserId(1), now=NOW)
    with pytest.raises(PermissionDenied):
        approve(rec, by=UserId(1), now=NOW)
    approved = approve(rec, by=UserId(2), now=NOW)
    with pytest.raises(ValidationError, match="new version"):
        edit(approved, procedural_notes="x")
    assert new_version(approved, by=UserId(1)).version == 2


def test_scenario_factor_without_justification_blocks_submission() -> None:
    from transfer_tool.errors import ValidationError

    factors = tuple(
        RiskFactor(k, label, 0.5, "" if k == "approach_importer" else "documented")
        for k, label in (
            ("in_scope", "in scope"),
            ("authorities_want", "authorities want this data"),
            ("approach_importer", "approach this importer"),
            ("importer_cannot_resist", "importer can't resist"),
            ("safeguards_fail", "safeguards don't prevent"),
        )
    )
    risk = RiskInputs(enabled=True, threshold=0.01, laws=(LawRisk("fisa702", "FISA 702", factors),))
    rec = dataclasses.replace(complete_fr_us_record(), risk=risk)
    with pytest.raises(ValidationError) as exc:
        submit(rec, context(us()), by=UserId(1), now=NOW)
    assert [p.message for p in exc.value.problems] == [
        "factor 'approach this importer' for FISA 702 has no justification"
    ]
