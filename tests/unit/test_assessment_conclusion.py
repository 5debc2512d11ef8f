"""Recommended conclusion and the completeness list."""

from __future__ import annotations

import dataclasses

import pytest

from tests.unit.test_assessment_fixtures import (
    TODAY,
    complete_fr_us_record,
    context,
    fr_to_us_facts,
    germany,
    japan,
    us,
)
from transfer_tool.assessment.completeness import missing_items
from transfer_tool.assessment.conclusion import choose_conclusion
from transfer_tool.assessment.context import evaluate
from transfer_tool.assessment.record import (
    AcceptanceItems,
    AssessmentRecord,
    ChosenMeasure,
    ConclusionRecord,
    Evidence,
    LawAssessment,
    LawPracticeStep,
    LawRisk,
    MeasureStatus,
    RegimeSelection,
    RiskFactor,
    RiskInputs,
    StepConclusion,
    ToolChoice,
    TransferFacts,
)
from transfer_tool.assessment.risk import blank_law_risk
from transfer_tool.domain import Conclusion, DataFormat, KeyHolder
from transfer_tool.errors import ValidationError


def recommended(record: AssessmentRecord) -> Conclusion | None:
    return evaluate(record, context(us()), TODAY).recommendation.conclusion


def backup_record(*measures: ChosenMeasure) -> AssessmentRecord:
    facts = fr_to_us_facts(
        importer_needs_clear_data=False, format_at_rest=DataFormat.ENCRYPTED, key_holder=KeyHolder.EXPORTER
    )
    return dataclasses.replace(complete_fr_us_record(), facts=facts, measures=measures)


def test_adequacy_recommends_proceed() -> None:
    rec = AssessmentRecord(TransferFacts("FR", "JP", "JP"), RegimeSelection(("EU",)))
    assert evaluate(rec, context(japan()), TODAY).recommendation.conclusion is Conclusion.PROCEED


def test_effective_measures_in_place_proceed_planned_proceed_with_measures() -> None:
    enc = ChosenMeasure("tech_encryption_exporter_keys", MeasureStatus.IN_PLACE, "IT")
    assert recommended(backup_record(enc)) is Conclusion.PROCEED
    planned = dataclasses.replace(enc, status=MeasureStatus.PLANNED)
    assert recommended(backup_record(planned)) is Conclusion.PROCEED_WITH_MEASURES


def test_no_problematic_law_or_not_applied_in_practice_proceeds() -> None:
    base = complete_fr_us_record()
    for c in (StepConclusion.NO_PROBLEMATIC_LAW, StepConclusion.NOT_APPLIED_IN_PRACTICE):
        lp = dataclasses.replace(base.law_practice, conclusion=c)
        assert recommended(dataclasses.replace(base, law_practice=lp, measures=())) is Conclusion.PROCEED


def test_use_case_6_with_problematic_law_and_no_effective_measure_is_do_not_transfer() -> None:
    ev = evaluate(complete_fr_us_record(), context(us()), TODAY)
    assert ev.recommendation.conclusion is Conclusion.DO_NOT_TRANSFER
    assert ev.recommendation.reasons[0].code == "use_case_6_7_no_effective_measure"


def test_risk_above_threshold_is_do_not_transfer_even_with_effective_measures() -> None:
    enc = ChosenMeasure("tech_encryption_exporter_keys", MeasureStatus.IN_PLACE, "IT")
    factors = tuple(RiskFactor(k, k, 0.9, "why") for k in "abcde")
    risk = RiskInputs(enabled=True, threshold=0.01, laws=(LawRisk("fisa702", "FISA 702", factors),))
    rec = dataclasses.replace(backup_record(enc), risk=risk)
    assert recommended(rec) is Conclusion.DO_NOT_TRANSFER


def test_step3_open_gives_no_recommendation() -> None:
    rec = dataclasses.replace(complete_fr_us_record(), law_practice=LawPracticeStep())
    assert recommended(rec) is None


def test_other_conclusion_than_recommended_needs_a_reason() -> None:
    rec = evaluate(complete_fr_us_record(), context(us()), TODAY).recommendation
    with pytest.raises(ValidationError, match="Say why"):
        choose_conclusion(rec, Conclusion.PROCEED)
    chosen = choose_conclusion(rec, Conclusion.PROCEED, "board accepted the residual risk")
    assert chosen == ConclusionRecord(
        Conclusion.DO_NOT_TRANSFER, Conclusion.PROCEED, "board accepted the residual risk"
    )


def test_complete_record_has_no_gaps_and_empty_one_lists_them_by_step() -> None:
    assert missing_items(complete_fr_us_record(), context(us()), TODAY) == ()
    empty = AssessmentRecord(TransferFacts("FR", "US", "US"), RegimeSelection(("EU",)))
    gaps = missing_items(empty, context(us()), TODAY)
    texts = [str(g) for g in gaps]
    assert "Step 1: choose at least one data category" in texts
    assert "Step 2: no transfer tool chosen for EU GDPR" in texts
    assert "Step 3: say whether FISA Section 702 applies to this importer and data" in texts
    assert "Step 3: reach the step conclusion" in texts
    assert "Step 7: choose a conclusion" in texts
    assert [g.step for g in gaps] == sorted(g.step for g in gaps)
    assert not any("CLOUD Act" in t for t in texts)  # unproblematic laws need no answer


def test_an_unanswered_question_the_conclusion_rests_on_is_a_missing_item() -> None:
    """Issue 18, point 2: the pre-TIA gates and the DPO's questions of point 7 (could the data be anonymised
    or minimised instead, who performs the assessment, the destination's framework and redress, whether the
    tool is enforceable there, the UK data protection test for a UK exporter) and whether each problematic
    law applies: left unanswered, each is missing, on the step whose page asks it."""
    base = complete_fr_us_record()
    ctx = context(us())
    unanswered = dataclasses.replace(base, acceptance=AcceptanceItems())
    gaps = {g.field: g for g in missing_items(unanswered, ctx, TODAY)}
    assert set(gaps) == {
        "acceptance.anonymisation",
        "acceptance.performed_by",
        "acceptance.framework",
        "acceptance.redress",
        "acceptance.tool_enforceable",
    }
    assert {g.step for g in gaps.values()} == {7}  # the conclusion page asks them
    assert str(gaps["acceptance.tool_enforceable"]) == (
        "Step 7: say whether the transfer tool is enforceable at the destination"
    )
    # White space is no answer; "No" is one.
    blank = dataclasses.replace(base.acceptance, anonymisation="  ", tool_enforceable=False)
    fields = [g.field for g in missing_items(dataclasses.replace(base, acceptance=blank), ctx, TODAY)]
    assert fields == ["acceptance.anonymisation"]
    # The UK data protection test is asked of a UK exporter only.
    uk = dataclasses.replace(base, regimes=RegimeSelection(("EU", "UK")))
    assert "acceptance.uk_test_met" in {g.field for g in missing_items(uk, ctx, TODAY)}
    met = dataclasses.replace(uk, acceptance=dataclasses.replace(base.acceptance, uk_test_met=True))
    assert "acceptance.uk_test_met" not in {g.field for g in missing_items(met, ctx, TODAY)}
    # A problematic law whose application is left open.
    laws = tuple(
        dataclasses.replace(a, applies=None) if a.law_key == "fisa702" else a for a in base.law_practice.laws
    )
    open_law = dataclasses.replace(base, law_practice=dataclasses.replace(base.law_practice, laws=laws))
    assert "law_practice.fisa702.applies" in {g.field for g in missing_items(open_law, ctx, TODAY)}


def test_an_adequacy_route_asks_no_transfer_impact_questions() -> None:
    """No full assessment (an adequate destination): the TIA's own questions are not asked."""
    record = AssessmentRecord(
        fr_to_us_facts(importer_country="JP", destination="JP", storage_countries=("JP",)),
        RegimeSelection(("EU",)),
        tools=(ToolChoice("EU", "eu_adequacy", "Japan's adequacy decision covers the importer"),),
    )
    assert not evaluate(record, context(japan()), TODAY).precheck.full_assessment_needed
    fields = {g.field for g in missing_items(record, context(japan()), TODAY)}
    assert not any(f.startswith("acceptance.") for f in fields), fields


def test_factor_without_justification_blocks_completeness() -> None:
    law = blank_law_risk("fisa702", "FISA 702")
    law = dataclasses.replace(
        law,
        factors=tuple(
            dataclasses.replace(
                f, probability=0.5, justification="" if f.key == "approach_importer" else "documented"
            )
            for f in law.factors
        ),
    )
    rec = dataclasses.replace(
        complete_fr_us_record(), risk=RiskInputs(enabled=True, threshold=0.05, laws=(law,))
    )
    gaps = missing_items(rec, context(us()), TODAY)
    assert [str(g) for g in gaps] == [
        "Step 6: factor 'approach this importer' for FISA 702 has no justification"
    ]
    assert gaps[0].field == "risk.fisa702.approach_importer.justification"


def test_inconsistent_and_undocumented_answers_are_gaps() -> None:
    base = complete_fr_us_record()
    lp = dataclasses.replace(base.law_practice, conclusion=StepConclusion.NO_PROBLEMATIC_LAW)
    gaps = [str(g) for g in missing_items(dataclasses.replace(base, law_practice=lp), context(us()), TODAY)]
    assert any("contradicts the answers (FISA Section 702 applies)" in g for g in gaps)
    lp2 = dataclasses.replace(base.law_practice, conclusion=StepConclusion.NOT_APPLIED_IN_PRACTICE)
    gaps2 = [
        g.field for g in missing_items(dataclasses.replace(base, law_practice=lp2), context(us()), TODAY)
    ]
    assert "law_practice.practical_experience" in gaps2 and "law_practice.practical_sources" in gaps2


def test_wrong_tool_planned_measure_and_bad_evidence_are_gaps() -> None:
    rec = dataclasses.replace(
        complete_fr_us_record(),
        tools=(ToolChoice("EU", "eu_adequacy", "DPF"),),
        measures=(ChosenMeasure("org_regular_audits", MeasureStatus.PLANNED),),
        evidence=(Evidence("DPA", filename="dpa.pdf", sha256="xyz"),),
    )
    fields = {g.field: g.step for g in missing_items(rec, context(us()), TODAY)}
    assert fields["tools.EU"] == 2
    assert fields["measures.org_regular_audits"] == 5
    assert fields["evidence[0].sha256"] == 7


def test_a_tool_without_a_justification_is_asked_for_by_its_name_never_its_code() -> None:
    """The missing justification names the tool as people read it, in English and in Japanese."""
    from transfer_tool.i18n.stored_text import translate

    def message(code: str) -> str:
        rec = dataclasses.replace(complete_fr_us_record(), tools=(ToolChoice("EU", code, " "),))
        gaps = missing_items(rec, context(us()), TODAY)
        return next(g.message for g in gaps if g.field == "tools.EU.justification")

    scc = message("eu_scc_m2")
    assert "EU SCCs 2021/914, Module 2" in scc and "eu_scc_m2" not in scc
    assert "eu_scc_m2" not in translate(scc, "ja") and "EU標準契約条項" in translate(scc, "ja")
    gone = message("eu_tool_no_longer_shipped")
    assert "the chosen tool" in gone and "eu_tool_no_longer_shipped" not in gone
    assert "選択した移転手段" in translate(gone, "ja")


def test_no_transfer_needs_only_facts_and_conclusion() -> None:
    rec = AssessmentRecord(
        TransferFacts("DE", "DE", "DE", data_subjects_count=5, data_categories=("hr",)),
        RegimeSelection(("EU",)),
        conclusion=ConclusionRecord(Conclusion.PROCEED, Conclusion.PROCEED),
    )
    assert missing_items(rec, context(germany()), TODAY) == ()


def test_problematic_law_applying_must_appear_in_enabled_risk() -> None:
    base = complete_fr_us_record()
    lp = dataclasses.replace(
        base.law_practice, laws=(*base.law_practice.laws[:1], LawAssessment("eo12333", True, "cable taps"))
    )
    f = tuple(RiskFactor(k, k, 0.1, "why") for k in "abcde")
    rec = dataclasses.replace(
        base,
        law_practice=lp,
        risk=RiskInputs(enabled=True, threshold=0.1, laws=(LawRisk("fisa702", "FISA", f),)),
    )
    fields = [g.field for g in missing_items(rec, context(us()), TODAY)]
    assert [f for f in fields if f.startswith("risk")] == ["risk.eo12333"]
