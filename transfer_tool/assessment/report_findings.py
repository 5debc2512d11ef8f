"""The report's findings from an assessment: law and practice (step 3), measures and the action plan
(step 4), the quantified risk, the conclusion and the APPI consent information (pure: no database).

The engine's sentences and the country data's prose are stored English (`Stored`); the report's own
sentences are catalogue messages (`report_texts`), so every piece is read in the report's language.
"""

from __future__ import annotations

from collections.abc import Sequence

from transfer_tool.assessment.precheck import Reason
from transfer_tool.assessment.record import AssessmentRecord, MeasureStatus, RiskInputMode
from transfer_tool.assessment.report_sources import ReportSources
from transfer_tool.assessment.report_texts import (
    ADOPTED,
    DEPARTED,
    EFFECTIVENESS,
    LAW_UNVERIFIED,
    METHOD,
    NO_CONCLUSION,
    NOT_RECOMMENDED_YET,
    SEMICOLON_SEPARATOR,
    STEP_CONCLUSIONS,
    UNKNOWN_MEASURE,
    YEARLY_CHECK,
    factor_name,
    labelled,
    report_text,
    sentences,
)
from transfer_tool.assessment.risk import RiskResult
from transfer_tool.assessment.safeguards import ConsentInformation, appi_consent_information
from transfer_tool.domain import AssessmentStatus, Conclusion
from transfer_tool.i18n.message import Joined, Stored, Translatable
from transfer_tool.i18n.regime_names import UNNAMED
from transfer_tool.i18n.term import Term
from transfer_tool.report import data as rd
from transfer_tool.report.data import Localized


def stored(text: str) -> rd.Text:
    """Engine or country-data English, read through the catalogue in the report's language."""
    return Stored(text) if text else text


def law_and_practice(src: ReportSources) -> rd.LawAndPractice:
    lp = src.record.law_practice
    answers = {a.law_key: a for a in lp.laws}
    findings = []
    for law in src.destination.access_laws:
        a = answers.get(law.key)
        sources: tuple[rd.Text, ...] = tuple(law.sources)
        if "[unverified" in law.reason:
            sources += (LAW_UNVERIFIED,)
        findings.append(
            rd.LawFinding(
                stored(law.name),
                law.problematic,
                a.applies if a else None,
                a.reasoning if a else "",
                sources,
            )
        )
    for added in lp.added_laws:  # researched by the assessor, with its official sources
        findings.append(
            rd.LawFinding(
                report_text("{name} (added by the assessor)", name=added.name),
                added.problematic,
                added.applies,
                added.reasoning,
                tuple(added.sources),
            )
        )
    experience_sources: tuple[rd.Text, ...] = tuple(lp.practical_sources)
    research = report_text("Research on the laws")  # in the report's language only
    experience_sources += tuple(labelled(research, x) for x in lp.research_sources)
    step: rd.Text = ""
    if lp.conclusion is not None:
        label = STEP_CONCLUSIONS[lp.conclusion]
        why = lp.conclusion_reasoning.strip()
        step = Joined((label, why)) if why else label
    return rd.LawAndPractice(tuple(findings), lp.practical_experience, experience_sources, step)


def measures(src: ReportSources) -> tuple[rd.Measure, ...]:
    cases = src.evaluation.use_cases
    use_case_names = {u.number: u for u in src.measures.use_cases}
    out = []
    for m in src.record.measures:
        d = src.measures.get(m.code)
        if d is None:
            out.append(rd.Measure(UNKNOWN_MEASURE, None, m.status.value, m.notes, m.owner, m.due))
            continue
        use_case: rd.Text = ""
        for n in cases:
            eff = d.effectiveness_for(n)
            uc = use_case_names.get(n)
            if eff is not None and uc is not None:
                use_case = report_text(
                    "Use case {n}: {name} — {rating}",
                    n=n,
                    name=Localized(uc.name_en, uc.name_ja),
                    rating=EFFECTIVENESS[eff],
                )
                break
        # The assessor's notes as typed, then the catalogue's description in the report's language.
        typed = m.notes.strip()
        shipped = d.description_en
        description: rd.Text = typed
        if shipped:
            description = Joined((typed, Stored(shipped))) if typed else Stored(shipped)
        out.append(
            rd.Measure(
                Localized(d.name_en, d.name_ja),
                d.kind.value,
                m.status.value,
                description,
                m.owner,
                m.due,
                use_case,
            )
        )
    return tuple(out)


def action_plan(src: ReportSources) -> tuple[rd.ActionItem, ...]:
    r = src.record
    out = []
    for item in src.evaluation.action_plan.items:
        if item.measure.status is not MeasureStatus.PLANNED:
            continue
        note = f" ({item.measure.notes.strip()})" if item.measure.notes.strip() else ""
        d = src.measures.get(item.measure.code)
        name: rd.Text = (
            Localized(item.name_en, d.name_ja or item.name_en) if d is not None else UNKNOWN_MEASURE
        )
        action = report_text("Put in place: {name}{note}", name=name, note=note)
        out.append(rd.ActionItem(action, "open", item.measure.owner, item.measure.due))
    yearly = r.appi_check_due is not None or any(t.tool == "jp_equivalent_measures" for t in r.tools)
    if yearly and r.conclusion.chosen is not Conclusion.DO_NOT_TRANSFER:  # no provision, nothing to check
        out.append(rd.ActionItem(YEARLY_CHECK, "open", "", r.appi_check_due))
    return tuple(out)


def risk(result: RiskResult | None, r: AssessmentRecord) -> rd.QuantifiedRisk | None:
    if result is None or result.threshold is None:
        return None
    years = result.period_years
    laws = []
    for law_in, law_out in zip(r.risk.laws, result.laws, strict=True):
        p = law_out.probability
        if result.mode is RiskInputMode.PER_YEAR:
            per_year, over = p, 1.0 - (1.0 - p) ** years
        else:
            per_year, over = 1.0 - (1.0 - p) ** (1.0 / years), p
        factors = tuple(
            rd.RiskFactor(factor_name(f.key, f.label), f.probability or 0.0, f.justification)
            for f in law_in.factors
        )
        laws.append(rd.RiskLaw(stored(law_out.law_name or law_out.law_key), factors, per_year, over))
    sensitivity = []
    for row in result.sensitivity:
        law_name = next(
            (x.law_name or x.law_key for x in result.laws if x.law_key == row.law_key), row.law_key
        )
        law, factor = Stored(law_name), factor_name(row.factor_key, row.factor_label)
        doubled = report_text(
            "{law}: '{factor}' doubled ({base:g} → {changed:g})",
            law=law,
            factor=factor,
            base=row.base,
            changed=row.doubled,
        )
        if row.doubled < row.base * 2:  # the engine stops a probability at 1: 0.6 → 1 is not "doubled"
            doubled = report_text(
                "{law}: '{factor}' raised to 1, its maximum ({base:g} → {changed:g})",
                law=law,
                factor=factor,
                base=row.base,
                changed=row.doubled,
            )
        halved = report_text(
            "{law}: '{factor}' halved ({base:g} → {changed:g})",
            law=law,
            factor=factor,
            base=row.base,
            changed=row.halved,
        )
        # A factor already at 1 cannot be raised: no row that says "raised to 1 (1 → 1)" beside an unchanged P.
        if row.doubled > row.base:
            sensitivity.append(rd.SensitivityRow(doubled, row.p_doubled))
        sensitivity.append(rd.SensitivityRow(halved, row.p_halved))
    return rd.QuantifiedRisk(
        period_years=years,
        laws=tuple(laws),
        total_over_period=result.period_probability,
        threshold=result.threshold,
        once_every_years=result.once_every_years,
        sensitivity=tuple(sensitivity),
        method=METHOD[result.mode],
    )


def conclusion(src: ReportSources) -> rd.ConclusionInfo:
    r, ev = src.record, src.evaluation
    live = ev.recommendation.conclusion
    editable = src.meta.status in (AssessmentStatus.DRAFT, AssessmentStatus.RETURNED)
    # A submitted or approved version shows the recommendation frozen at submission; a draft the tool's
    # own on its answers now (one stored earlier, e.g. copied from the approved version, may be stale).
    recommended = live if editable else (r.conclusion.recommended or live)
    chosen = r.conclusion.chosen
    reason: rd.Text = r.conclusion.reason.strip()
    if chosen is None:  # shown as not reached: a default would read as the assessor's conclusion
        reason = NO_CONCLUSION
    elif not reason:
        reason = narrative(ev.recommendation.reasons, adopted=chosen == recommended, none=recommended is None)
    lines = []
    for rr in ev.recommendation.per_regime:
        regime = src.regimes.get(rr.regime)
        name: rd.Text = Localized(regime.name_en, regime.name_ja) if regime else Term(UNNAMED)
        lines.append(labelled(name, sentences(tuple(Stored(x.text) for x in rr.reasons))))
    grounds: rd.Text = Joined(tuple(lines)) if len(lines) > 1 else ""
    return rd.ConclusionInfo(
        recommended=recommended,
        chosen=chosen,
        reason=reason,
        procedural_steps=r.procedural_notes,
        reevaluation_date=r.reevaluation_date,
        reevaluation_months=(
            src.meta.reevaluation_months
            if r.reevaluation_date is None and src.meta.status is not AssessmentStatus.APPROVED
            else None
        ),
        grounds=grounds,
    )


def narrative(reasons: Sequence[Reason], *, adopted: bool, none: bool = False) -> rd.Text:
    """The conclusion in sentences whenever the assessor wrote none (a DPO never reads "—"): whether the
    recommendation was adopted (`none`: there is none yet, so nothing to adopt or depart from), then its
    grounds, each in the report's language."""
    opening = NOT_RECOMMENDED_YET if none else ADOPTED if adopted else DEPARTED
    return Joined((opening, *(Stored(x.text) for x in reasons)))


def appi_consent(src: ReportSources) -> rd.AppiConsentInfo | None:
    choice = next((t for t in src.record.tools if t.tool == "jp_consent"), None)
    if choice is None:
        return None
    info: ConsentInformation = src.evaluation.proposals.consent_information or appi_consent_information(
        src.destination
    )
    parts = [x for x in (info.protection_system, *info.indicators, *info.affecting_systems) if x]
    system: rd.Text = Joined(tuple(Stored(x) for x in parts)) if parts else ""
    notes: rd.Text = ""
    if info.missing:
        notes = report_text(
            "The country data lacks: {missing}. Complete it before using this text.",
            missing=Joined(tuple(Stored(x) for x in info.missing), SEMICOLON_SEPARATOR),
        )
    facts = src.record.appi_consent
    country: Translatable = Localized(info.country_name_en, info.country_name_ja)
    if facts.country_unknown:  # PPC Rules Art. 17(3)
        given = facts.reference_information.strip()
        reference = report_text(" Reference: {text}", text=facts.reference_information) if given else ""
        country = report_text(
            "Not yet identified: {reason}.{reference}",
            reason=facts.country_unknown_reason.strip().rstrip(".。"),  # the sentence ends it once
            reference=reference,
        )
    # Information a data subject consents on: a blank (a dash) would read as "the recipient takes none".
    measures_text: rd.Text = info.recipient_measures or choice.justification or Term("doc.not_answered")
    if facts.measures_unknown:  # PPC Rules Art. 17(4)
        measures_text = labelled(report_text("Cannot be provided"), facts.measures_unknown_reason)
    return rd.AppiConsentInfo(
        country_name=country,
        protection_system=system,
        recipient_measures=measures_text,
        notes=notes,
    )
