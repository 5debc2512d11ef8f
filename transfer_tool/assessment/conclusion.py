"""Step 7: the recommended conclusion from the steps, and the assessor's choice (a reason if it differs)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from transfer_tool.assessment.measures import MeasureCatalog, effective_measures, use_cases_for
from transfer_tool.assessment.precheck import PrecheckResult, Reason
from transfer_tool.assessment.record import (
    ChosenMeasure,
    ConclusionRecord,
    LawPracticeStep,
    MeasureStatus,
    StepConclusion,
    TransferFacts,
)
from transfer_tool.assessment.risk import RiskResult
from transfer_tool.domain import Conclusion
from transfer_tool.errors import Problem, ValidationError


@dataclass(frozen=True)
class Recommendation:
    conclusion: Conclusion | None  # None while step 3 has no conclusion
    reasons: tuple[Reason, ...]


def _pct(x: float) -> str:
    return f"{x * 100:.2f} %"


def recommend(
    pre: PrecheckResult,
    facts: TransferFacts,
    law: LawPracticeStep,
    measures: Sequence[ChosenMeasure],
    catalog: MeasureCatalog,
    risk: RiskResult | None = None,
) -> Recommendation:
    """Proceed / proceed once the listed measures are in place / do not transfer."""
    planned = [m for m in measures if m.status is MeasureStatus.PLANNED]

    def with_planned(reason: Reason) -> Recommendation:
        if planned:
            codes = ", ".join(m.code for m in planned)
            return Recommendation(
                Conclusion.PROCEED_WITH_MEASURES,
                (
                    reason,
                    Reason("measures_planned", f"Proceed once these planned measures are in place: {codes}."),
                ),
            )
        return Recommendation(Conclusion.PROCEED, (reason,))

    if not pre.is_transfer:
        return Recommendation(
            Conclusion.PROCEED,
            (
                Reason(
                    "not_a_transfer", "This is not a transfer under any applicable regime; nothing to assess."
                ),
            ),
        )
    if not pre.full_assessment_needed:
        return Recommendation(
            Conclusion.PROCEED,
            (
                Reason(
                    "no_full_assessment",
                    "Every applicable regime is covered by adequacy, a derogation or consent: proceed, keep the "
                    "short record and monitor.",
                ),
            ),
        )
    if law.conclusion is None:
        return Recommendation(
            None, (Reason("step3_open", "Step 3 (law and practice) has no conclusion yet."),)
        )
    if law.conclusion is StepConclusion.NO_PROBLEMATIC_LAW:
        return with_planned(
            Reason("no_problematic_law", "No problematic law applies to this importer and data.")
        )
    if law.conclusion is StepConclusion.NOT_APPLIED_IN_PRACTICE:
        return with_planned(
            Reason(
                "not_applied_in_practice",
                "A problematic law applies on paper but is documented as not applied in practice to this "
                "transfer.",
            )
        )
    # A problematic law applies: supplementary measures are needed.
    if risk is not None and risk.above_threshold:
        return Recommendation(
            Conclusion.DO_NOT_TRANSFER,
            (
                Reason(
                    "risk_above_threshold",
                    f"The risk of prohibited access over {risk.period_years} years is "
                    f"{_pct(risk.period_probability)}, above the threshold of {_pct(risk.threshold or 0.0)}.",
                ),
            ),
        )
    cases = use_cases_for(facts)
    effective = effective_measures(measures, cases, catalog)
    risk_ok = risk is not None and risk.above_threshold is False
    if not effective and not risk_ok:
        if any(c in (6, 7) for c in cases):
            why = Reason(
                "use_case_6_7_no_effective_measure",
                "The importer needs the data in the clear (EDPB use case 6/7) and a problematic law applies: no "
                "effective measure exists and the risk has not been shown to be below the threshold. Do not "
                "transfer (suspend).",
            )
        else:
            why = Reason(
                "no_effective_measure",
                "A problematic law applies and no chosen supplementary measure is effective for this transfer. "
                "Do not transfer (suspend) until an effective measure is in place.",
            )
        return Recommendation(Conclusion.DO_NOT_TRANSFER, (why,))
    if effective:
        reason = Reason(
            "effective_measures",
            f"Effective supplementary measures chosen: {', '.join(m.code for m in effective)}.",
        )
    else:
        assert risk is not None
        reason = Reason(
            "risk_below_threshold",
            f"The risk of prohibited access over {risk.period_years} years is {_pct(risk.period_probability)}, "
            f"not above the threshold of {_pct(risk.threshold or 0.0)}.",
        )
    return with_planned(reason)


def choose_conclusion(recommended: Recommendation, chosen: Conclusion, reason: str = "") -> ConclusionRecord:
    """Record the assessor's conclusion; a different one than recommended needs a reason."""
    if recommended.conclusion is not None and chosen is not recommended.conclusion and not reason.strip():
        raise ValidationError(
            "Say why you chose another conclusion than the recommended one.",
            [
                Problem(
                    "conclusion.reason",
                    f"recommended '{recommended.conclusion.value}', chosen '{chosen.value}': a reason is required",
                )
            ],
        )
    return ConclusionRecord(recommended.conclusion, chosen, reason.strip())
