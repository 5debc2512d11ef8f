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
from transfer_tool.i18n.engine_text import engine_list, engine_text, error_text


@dataclass(frozen=True)
class RegimeRecommendation:
    """What one regime's rules recommend, and why (the regimes differ: EU/UK/CH, APPI, LGPD)."""

    regime: str
    conclusion: Conclusion | None
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Recommendation:
    conclusion: Conclusion | None  # None while step 3 has no conclusion
    reasons: tuple[Reason, ...]
    per_regime: tuple[RegimeRecommendation, ...] = ()


_SEVERITY = {Conclusion.PROCEED: 0, Conclusion.PROCEED_WITH_MEASURES: 1, Conclusion.DO_NOT_TRANSFER: 2}
# The regimes whose rules follow Schrems II (CJEU C-311/18): a problematic law and data the importer reads in
# the clear, with no effective measure, means the transfer must not take place. Regimes not named below
# (an admin-added one) are judged by this strictest reading too.
_APPI, _LGPD = "JP", "BR"


def _pct(x: float) -> str:
    return f"{x * 100:.2f} %"


def recommend(
    pre: PrecheckResult,
    facts: TransferFacts,
    law: LawPracticeStep,
    measures: Sequence[ChosenMeasure],
    catalog: MeasureCatalog,
    risk: RiskResult | None = None,
    *,
    use_cases: Sequence[int] | None = None,
) -> Recommendation:
    """Proceed / proceed once the listed measures are in place / do not transfer: per regime, then the strictest."""
    if not pre.is_transfer:
        return Recommendation(
            Conclusion.PROCEED,
            (
                Reason(
                    "not_a_transfer", "This is not a transfer under any applicable regime; nothing to assess."
                ),
            ),
        )
    short = tuple(
        RegimeRecommendation(
            c.regime,
            Conclusion.PROCEED,
            (
                Reason(
                    "regime_short_record",
                    engine_text(
                        "Under the {0} the transfer is covered by adequacy, a derogation or consent: keep "
                        "the short record and monitor.",
                        c.regime_name,
                    ),
                ),
            ),
        )
        for c in pre.checks
        if c.is_transfer and not c.full_assessment_needed
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
            short,
        )
    if law.conclusion is None:
        return Recommendation(
            None, (Reason("step3_open", "Step 3 (law and practice) has no conclusion yet."),), short
        )
    cases = tuple(use_cases) if use_cases is not None else use_cases_for(facts)
    full: list[RegimeRecommendation] = []
    for check in pre.checks:
        if not (check.is_transfer and check.full_assessment_needed):
            continue
        if check.regime == _APPI:
            conclusion, why = _appi(law, measures, catalog)
        elif check.regime == _LGPD:
            conclusion, why = _lgpd(law, measures, catalog)
        else:
            conclusion, why = _essential_equivalence(law, measures, catalog, risk, cases)
        full.append(RegimeRecommendation(check.regime, conclusion, why))
    worst = max(full, key=lambda r: _SEVERITY[r.conclusion] if r.conclusion else -1)
    reasons: list[Reason] = []
    for r in full:
        if r.conclusion is worst.conclusion:
            reasons.extend(x for x in r.reasons if x.code not in {y.code for y in reasons})
    return Recommendation(worst.conclusion, tuple(reasons), tuple(full) + short)


def _names(measures: Sequence[ChosenMeasure], catalog: MeasureCatalog) -> str:
    """The measures as the catalogue names them (never their codes); "; " because names hold commas."""
    found = [catalog.get(m.code) for m in measures]
    gone = engine_text("a measure no longer in the catalogue")
    return engine_list("; ", [d.name_en if d is not None else gone for d in found])


def _with_planned(
    reason: Reason, measures: Sequence[ChosenMeasure], catalog: MeasureCatalog
) -> tuple[Conclusion, tuple[Reason, ...]]:
    planned = [m for m in measures if m.status is MeasureStatus.PLANNED]
    if planned:
        names = _names(planned, catalog)
        return Conclusion.PROCEED_WITH_MEASURES, (
            reason,
            Reason(
                "measures_planned",
                engine_text("Proceed once these planned measures are in place: {0}.", names),
            ),
        )
    return Conclusion.PROCEED, (reason,)


def _no_law_reason(law: LawPracticeStep) -> Reason | None:
    if law.conclusion is StepConclusion.NO_PROBLEMATIC_LAW:
        return Reason("no_problematic_law", "No problematic law applies to this importer and data.")
    if law.conclusion is StepConclusion.NOT_APPLIED_IN_PRACTICE:
        return Reason(
            "not_applied_in_practice",
            "A problematic law applies on paper but is documented as not applied in practice to this "
            "transfer.",
        )
    return None


def _appi(
    law: LawPracticeStep, measures: Sequence[ChosenMeasure], catalog: MeasureCatalog
) -> tuple[Conclusion, tuple[Reason, ...]]:
    """APPI Art. 28(3), PPC Rules Art. 18: keep the equivalent measures under a yearly check; stop only when
    their continued implementation becomes difficult (not the EU refusal rule)."""
    if law.appi_implementation_difficult:
        return Conclusion.DO_NOT_TRANSFER, (
            Reason(
                "appi_stop_provision",
                "Under the APPI the importer can no longer be ensured to implement the equivalent measures "
                "continuously: stop providing the data (PPC Rules Art. 18(1)(ii)).",
            ),
        )
    reason = _no_law_reason(law) or Reason(
        "appi_foreign_system_monitored",
        "Under the APPI a foreign system that may affect the importer's equivalent measures does not by itself "
        "bar the provision: check it and the measures about once a year (PPC Rules Art. 18(1)(i)), take "
        "necessary and appropriate measures, and stop if continued implementation becomes difficult "
        "(Art. 18(1)(ii)).",
    )
    return _with_planned(reason, measures, catalog)


def _lgpd(
    law: LawPracticeStep, measures: Sequence[ChosenMeasure], catalog: MeasureCatalog
) -> tuple[Conclusion, tuple[Reason, ...]]:
    """LGPD Art. 33 and Resolution CD/ANPD 19/2024: the mechanism carries the transfer; no refusal rule of its
    own for the destination's access laws (a risk to record and to meet with the clauses' duties)."""
    reason = _no_law_reason(law) or Reason(
        "lgpd_access_risk_recorded",
        "Under the LGPD the transfer rests on the chosen mechanism (Art. 33; Resolution CD/ANPD 19/2024); the "
        "destination's access laws are a risk to record and to meet with the clauses' duties on requests from "
        "public authorities, not a bar of their own.",
    )
    return _with_planned(reason, measures, catalog)


def _essential_equivalence(
    law: LawPracticeStep,
    measures: Sequence[ChosenMeasure],
    catalog: MeasureCatalog,
    risk: RiskResult | None,
    cases: Sequence[int],
) -> tuple[Conclusion, tuple[Reason, ...]]:
    """EU GDPR, UK GDPR, Swiss FADP: Schrems II and EDPB Recommendations 01/2020."""
    no_law = _no_law_reason(law)
    if no_law is not None:
        return _with_planned(no_law, measures, catalog)
    # A problematic law applies: supplementary measures are needed.
    if risk is not None and risk.above_threshold:
        return Conclusion.DO_NOT_TRANSFER, (
            Reason(
                "risk_above_threshold",
                engine_text(
                    "The risk of prohibited access over {0} years is {1}, above the threshold of {2}.",
                    risk.period_years,
                    _pct(risk.period_probability),
                    _pct(risk.threshold or 0.0),
                ),
            ),
        )
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
        return Conclusion.DO_NOT_TRANSFER, (why,)
    if effective:
        reason = Reason(
            "effective_measures",
            engine_text("Effective supplementary measures chosen: {0}.", _names(effective, catalog)),
        )
        return _with_planned(reason, measures, catalog)
    assert risk is not None
    below = Reason(
        "risk_below_threshold",
        engine_text(
            "The risk of prohibited access over {0} years is {1}, not above the threshold of {2}.",
            risk.period_years,
            _pct(risk.period_probability),
            _pct(risk.threshold or 0.0),
        ),
    )
    if not any(src.strip() for src in law.practical_sources):
        # EDPB Recommendations 01/2020 paras 43.3, 46-47: practice counts only on documented, objective sources.
        return Conclusion.DO_NOT_TRANSFER, (
            below,
            Reason(
                "risk_route_without_sources",
                "The risk figure alone cannot carry the transfer: with no effective measure, going ahead on the "
                "risk of access needs objective, reliable and documented sources on the practice (EDPB "
                "Recommendations 01/2020, paras 43.3 and 46-47). Record them in step 3.",
            ),
        )
    conclusion, reasons = _with_planned(below, measures, catalog)
    caveat = Reason(
        "risk_route_caveat",
        "No effective measure: the transfer rests on the assessed risk of access, documented by the sources "
        "in step 3 (EDPB Recommendations 01/2020, paras 43.3 and 46-47); the figure is an estimate to be "
        "re-checked at every re-evaluation, not a legal test.",
    )
    return conclusion, (*reasons, caveat)


def choose_conclusion(recommended: Recommendation, chosen: Conclusion, reason: str = "") -> ConclusionRecord:
    """Record the assessor's conclusion; a different one than recommended needs a reason."""
    if recommended.conclusion is not None and chosen is not recommended.conclusion and not reason.strip():
        raise ValidationError(
            "Say why you chose another conclusion than the recommended one.",
            [
                Problem(
                    "conclusion.reason",
                    error_text(
                        "recommended '{0}', chosen '{1}': a reason is required",
                        recommended.conclusion.value,
                        chosen.value,
                    ),
                )
            ],
        )
    return ConclusionRecord(recommended.conclusion, chosen, reason.strip())
