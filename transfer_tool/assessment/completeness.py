"""What is still missing before an assessment can be submitted, step by step.

Step numbers (the wizard's order): 1 know your transfer and the pre-check · 2 transfer tool · 3 law and
practice · 4 supplementary measures · 5 action plan and procedural steps · 6 quantified risk (when enabled)
· 7 conclusion, re-evaluation and evidence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from transfer_tool.assessment.context import AssessmentContext, evaluate
from transfer_tool.assessment.derivation import copied_items
from transfer_tool.assessment.measures import use_cases_for
from transfer_tool.assessment.record import AssessmentRecord, StepConclusion
from transfer_tool.countries.model import AccessLaw
from transfer_tool.domain import Conclusion, DataFormat, KeyHolder, RegimeCode
from transfer_tool.errors import Problem
from transfer_tool.i18n.engine_text import engine_list, engine_text

STEP_TITLES = {
    1: "Know your transfer",
    2: "Transfer tool",
    3: "Law and practice",
    4: "Supplementary measures",
    5: "Action plan and procedural steps",
    6: "Quantified risk",
    7: "Conclusion and re-evaluation",
}
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
# Tool warnings that make the choice wrong, not merely questionable.
_BLOCKING_TOOL_WARNINGS = frozenset(
    {
        "unknown_tool",
        "regime_not_applicable",
        "tool_of_other_regime",
        "not_adequate",
        "importer_not_certified",
        "partial_condition_unconfirmed",
        "scc_module_mismatch",
        "derogation_not_occasional",
        "derogation_not_limited",
        "derogation_systematic_unjustified",
        "derogation_condition_unconfirmed",
        "derogation_closed_to_public_authority",  # GDPR and UK GDPR Art. 49(3)
    }
)


def blocking_tool_warning(code: str) -> bool:
    """Whether a tool warning makes the choice wrong (it blocks submission), not merely questionable."""
    return code in _BLOCKING_TOOL_WARNINGS


# A conclusion as the report names it (the terminology (terms.po) "conclusion.*"), never its code (issue 18).
_WORDS = {
    Conclusion.PROCEED: "Proceed with the transfer",
    Conclusion.PROCEED_WITH_MEASURES: "Proceed once the measures are in place",
    Conclusion.DO_NOT_TRANSFER: "Do not transfer (suspend)",
}


ASSUMED = "assumed."  # gaps of facts nobody gave: "assumed.<fact name>"
# What each fact an import may leave blank is, in the gap's words.
ASSUMED_FACTS = {
    "exporter_role": engine_text("the exporter's role"),
    "importer_role": engine_text("the importer's role"),
    "frequency": engine_text("how often the data is sent"),
    "format_in_transit": engine_text("the form of the data in transit"),
    "format_at_rest": engine_text("the form of the data at rest"),
    "key_holder": engine_text("who holds the keys"),
    "sensitive_data": engine_text("whether sensitive data is included"),
}


@dataclass(frozen=True)
class Gap:
    """One missing or contradictory item: the step, the record field it belongs to, and what to do."""

    step: int
    field: str
    message: str

    def __str__(self) -> str:
        return engine_text("Step {0}: {1}", self.step, self.message)

    def to_problem(self) -> Problem:
        return Problem(
            engine_text("Step {0} ({1}) · {2}", self.step, STEP_TITLES[self.step], self.field), self.message
        )


def missing_items(record: AssessmentRecord, ctx: AssessmentContext, today: dt.date) -> tuple[Gap, ...]:
    """Everything that blocks submission, in step order; empty when the record is complete."""
    gaps: list[Gap] = []
    f = record.facts
    dest = ctx.destination
    regime_names = {r.code: r.name_en for r in ctx.regimes}

    for name, value in (
        ("exporter_country", f.exporter_country),
        ("importer_country", f.importer_country),
        ("destination", f.destination),
    ):
        if not value.strip():
            gaps.append(Gap(1, f"facts.{name}", engine_text("enter the {0}", name.replace("_", " "))))
    if f.destination and f.destination != dest.code:
        gaps.append(
            Gap(
                1,
                "facts.destination",
                engine_text(
                    "the destination {0} does not match the country data {1}", f.destination, dest.code
                ),
            )
        )
    if not f.data_categories:
        gaps.append(Gap(1, "facts.data_categories", "choose at least one data category"))
    if f.data_subjects_count is None and not f.large_volume:
        gaps.append(Gap(1, "facts.data_subjects_count", "enter the number of data subjects (volume)"))
    if f.format_at_rest is DataFormat.ENCRYPTED and f.key_holder is KeyHolder.NOT_APPLICABLE:
        gaps.append(Gap(1, "facts.key_holder", "the data is encrypted at rest: say who holds the keys"))
    # A register import left these blank and the default stood in: nobody gave the answer the report would
    # state, so it is missing until the assessor chooses one or confirms the one shown.
    for name in f.assumed:
        what = ASSUMED_FACTS.get(name)
        if what is not None:
            gaps.append(
                Gap(
                    1,
                    f"{ASSUMED}{name}",
                    engine_text(
                        "{0} was not given in the imported file, and the answer shown was assumed: choose "
                        "the right one, or confirm it",
                        what,
                    ),
                )
            )
    if not record.regimes.codes():
        gaps.append(Gap(1, "regimes", "no regime applies to the exporter; add one with a reason"))
    for i, added in enumerate(record.regimes.added):
        if not added.reason.strip():
            gaps.append(
                Gap(1, f"regimes.added[{i}].reason", engine_text("say why {0} was added", added.regime))
            )
    if gaps and not record.regimes.codes():
        return tuple(gaps)

    ev = evaluate(record, ctx, today)
    pre = ev.precheck
    if pre.is_transfer:
        for check in pre.checks:
            if not check.is_transfer:
                continue
            label = regime_names.get(check.regime, check.regime)
            if check.judge_instead and check.judge_instead != dest.code:
                gaps.append(
                    Gap(
                        1,
                        "facts.destination",
                        engine_text(
                            "under {0} the data goes to {1}, which needs a full assessment: assess {2} as the "
                            "destination (its laws and tool)",
                            label,
                            check.judge_instead,
                            check.judge_instead,
                        ),
                    )
                )
            choice = record.tool_for(check.regime)
            if choice is None:
                gaps.append(
                    Gap(2, f"tools.{check.regime}", engine_text("no transfer tool chosen for {0}", label))
                )
            elif not choice.justification.strip():
                # The tool by its name, which the catalogue translates; never by its code.
                tool = ctx.tools.get(choice.tool)
                name = tool.name_en if tool else engine_text("the chosen tool")
                gaps.append(
                    Gap(
                        2,
                        f"tools.{check.regime}.justification",
                        engine_text("say why {0} fits for {1}", name, label),
                    )
                )
        for w in ev.tool_warnings:
            if w.code in _BLOCKING_TOOL_WARNINGS:
                gaps.append(Gap(2, f"tools.{w.regime}", w.text))
        jp = record.tool_for("JP")
        consent = record.appi_consent
        if jp is not None and jp.tool == "jp_consent":
            if consent.country_unknown and not consent.country_unknown_reason.strip():
                gaps.append(
                    Gap(
                        2,
                        "appi_consent.country_unknown_reason",
                        "the country cannot be named when consent is obtained: say why (PPC Rules Art. 17(3))",
                    )
                )
            if consent.measures_unknown and not consent.measures_unknown_reason.strip():
                gaps.append(
                    Gap(
                        2,
                        "appi_consent.measures_unknown_reason",
                        "the recipient's measures cannot be described: say why (PPC Rules Art. 17(4))",
                    )
                )

    if pre.full_assessment_needed:
        gaps.extend(_law_gaps(record, ctx))
        gaps.extend(_use_case_gaps(record, ev.use_cases))
        lp = record.law_practice
        if lp.conclusion is StepConclusion.MEASURES_NEEDED and not record.measures:
            gaps.append(Gap(4, "measures", "a problematic law applies: choose supplementary measures"))
        for i, m in enumerate(record.measures):
            if ctx.measures.get(m.code) is None:
                gaps.append(
                    Gap(
                        4,
                        f"measures[{i}].code",
                        "a chosen measure is no longer in the catalogue: choose a current one",
                    )
                )
        for item in ev.action_plan.incomplete:
            gaps.append(
                Gap(
                    5,
                    f"measures.{item.measure.code}",
                    engine_text(
                        "planned measure '{0}' has no {1}", item.name_en, " and no ".join(item.incomplete)
                    ),
                )
            )
        gaps.extend(_risk_gaps(record, ctx))
        gaps.extend(_acceptance_gaps(record))

    c = record.conclusion
    rec = ev.recommendation.conclusion
    if c.chosen is None:
        gaps.append(Gap(7, "conclusion.chosen", "choose a conclusion"))
    elif rec is not None and c.chosen is not rec and not c.reason.strip():
        gaps.append(
            Gap(
                7,
                "conclusion.reason",
                engine_text(
                    "the chosen conclusion ({0}) differs from the recommendation ({1}): say why",
                    _WORDS[c.chosen],
                    _WORDS[rec],
                ),
            )
        )
    for i, e in enumerate(record.evidence):
        if not e.label.strip():
            gaps.append(Gap(7, f"evidence[{i}].label", "give the evidence a label"))
        if e.filename and not _SHA256.match(e.sha256):
            gaps.append(
                Gap(
                    7,
                    f"evidence[{i}].sha256",
                    engine_text("the file {0} has no valid SHA-256 digest", e.filename),
                )
            )
    # Issue #23: answers copied from another assessment count as missing until the assessor confirms them.
    gaps.extend(Gap(c.step, f"to_confirm.{c.key}", c.message) for c in copied_items(record, regime_names))
    return tuple(sorted(gaps, key=lambda g: g.step))


def _acceptance_gaps(record: AssessmentRecord) -> list[Gap]:
    """What a DPO needs before accepting a full assessment (issue 18, points 2 and 7): the pre-TIA gates
    (CNIL TIA guide 2025: could the data be anonymised or minimised instead; who performs the assessment),
    the destination's framework and redress and whether the tool is enforceable there (EDPB Recommendations
    01/2020, step 3), and for a UK exporter the data protection test (UK GDPR Art. 46(1A)). The conclusion
    rests on each, so an unanswered one is missing. The supervisory authority (SCC Annex I.C) and the
    importer's co-adoption complete the record without deciding it: the report says "Not answered"."""
    a = record.acceptance
    gaps: list[Gap] = []
    if not a.anonymisation.strip():
        gaps.append(
            Gap(
                7,
                "acceptance.anonymisation",
                "say whether the data could be anonymised or minimised instead (and why not)",
            )
        )
    if not a.performed_by.strip():
        gaps.append(Gap(7, "acceptance.performed_by", "say who performs the assessment"))
    if not a.framework.strip():
        gaps.append(
            Gap(7, "acceptance.framework", "describe the destination's general data-protection framework")
        )
    if not a.redress.strip():
        gaps.append(
            Gap(7, "acceptance.redress", "describe the redress data subjects have at the destination")
        )
    if a.tool_enforceable is None:
        gaps.append(
            Gap(
                7,
                "acceptance.tool_enforceable",
                "say whether the transfer tool is enforceable at the destination",
            )
        )
    if RegimeCode.UK in record.regimes.codes() and a.uk_test_met is None:
        gaps.append(
            Gap(
                7,
                "acceptance.uk_test_met",
                "say whether the UK data protection test is met (protection not materially lower)",
            )
        )
    return gaps


def _use_case_gaps(record: AssessmentRecord, cases: tuple[int, ...]) -> list[Gap]:
    choice = record.use_case_choice
    derived = use_cases_for(record.facts)
    if choice is not None:
        if not choice.reason.strip():
            return [
                Gap(
                    4,
                    "use_case_choice.reason",
                    engine_text("say why EDPB use case {0} fits this transfer", choice.case),
                )
            ]
        if derived and choice.case not in derived:
            found = ", ".join(str(c) for c in derived)
            return [
                Gap(
                    4,
                    "use_case_choice.case",
                    engine_text(
                        "the facts point to EDPB use case {0}, not {1}: correct the facts or the choice",
                        found,
                        choice.case,
                    ),
                )
            ]
    if not cases and record.law_practice.conclusion is StepConclusion.MEASURES_NEEDED:
        return [
            Gap(
                4,
                "use_case_choice",
                "the facts leave the EDPB use case open: pick the use case that fits, with a reason",
            )
        ]
    return []


def _law_gaps(record: AssessmentRecord, ctx: AssessmentContext) -> list[Gap]:
    gaps: list[Gap] = []
    lp = record.law_practice
    answers = {a.law_key: a for a in lp.laws}
    applying = []
    for law in ctx.destination.access_laws:
        if not law.problematic:
            continue
        a = answers.get(law.key)
        if a is None or a.applies is None:
            gaps.append(
                Gap(
                    3,
                    f"law_practice.{law.key}.applies",
                    engine_text("say whether {0} applies to this importer and data", law.name),
                )
            )
            continue
        if not a.reasoning.strip():
            gaps.append(
                Gap(
                    3,
                    f"law_practice.{law.key}.reasoning",
                    engine_text("give the reasoning for {0}", law.name),
                )
            )
        if a.applies:
            applying.append(law)
    for i, added in enumerate(lp.added_laws):
        where = f"law_practice.added_laws[{i}]"
        label = added.name.strip() or added.key
        if not added.name.strip():
            gaps.append(Gap(3, f"{where}.name", "name the law you added"))
        if not any(x.strip() for x in added.sources):
            gaps.append(Gap(3, f"{where}.sources", engine_text("give the official source of {0}", label)))
        if added.applies is None:
            gaps.append(
                Gap(
                    3,
                    f"{where}.applies",
                    engine_text("say whether {0} applies to this importer and data", label),
                )
            )
        elif not added.reasoning.strip():
            gaps.append(Gap(3, f"{where}.reasoning", engine_text("give the reasoning for {0}", label)))
        if added.problematic and added.applies:
            applying.append(AccessLaw(added.key, label, True, added.reasoning))
    if (
        not ctx.destination.access_laws
        and not lp.added_laws
        and not any(x.strip() for x in lp.research_sources)
    ):
        gaps.append(
            Gap(
                3,
                "law_practice.research_sources",
                engine_text(
                    "the country data has no government-access profile for {0}: research its laws "
                    "(EDPB Recommendations 01/2020, Annex 3 sources), add each law with its source, "
                    "or record the sources that show none applies",
                    ctx.destination.name_en,
                ),
            )
        )
    if lp.conclusion is None:
        gaps.append(Gap(3, "law_practice.conclusion", "reach the step conclusion"))
    else:
        if not lp.conclusion_reasoning.strip():
            gaps.append(Gap(3, "law_practice.conclusion_reasoning", "explain the step conclusion"))
        if lp.conclusion is StepConclusion.NO_PROBLEMATIC_LAW and applying:
            names = engine_list(", ", [law.name for law in applying])
            gaps.append(
                Gap(
                    3,
                    "law_practice.conclusion",
                    engine_text("'no problematic law applies' contradicts the answers ({0} applies)", names),
                )
            )
        if (
            lp.conclusion is not StepConclusion.NO_PROBLEMATIC_LAW
            and not applying
            and not any(a.applies for a in lp.laws)
        ):
            gaps.append(
                Gap(
                    3,
                    "law_practice.conclusion",
                    "the conclusion says a problematic law applies, but none is marked as applying",
                )
            )
        if lp.conclusion is StepConclusion.NOT_APPLIED_IN_PRACTICE:
            if not lp.practical_experience.strip():
                gaps.append(
                    Gap(
                        3,
                        "law_practice.practical_experience",
                        "document the practical experience (requests received)",
                    )
                )
            if not lp.practical_sources:
                gaps.append(
                    Gap(
                        3,
                        "law_practice.practical_sources",
                        "corroborate the practical experience with objective sources",
                    )
                )
    return gaps


def _risk_gaps(record: AssessmentRecord, ctx: AssessmentContext) -> list[Gap]:
    risk = record.risk
    if not risk.enabled:
        return []
    gaps: list[Gap] = []
    if risk.period_years < 1:
        gaps.append(Gap(6, "risk.period_years", "the assessment period must be at least 1 year"))
    if risk.threshold is None:
        gaps.append(Gap(6, "risk.threshold", "set the organisation's acceptance threshold"))
    if not risk.laws:
        gaps.append(Gap(6, "risk.laws", "add the problematic laws to the risk calculation"))
    for law in risk.laws:
        name = law.law_name or law.law_key
        for factor in law.factors:
            where = f"risk.{law.law_key}.{factor.key}"
            if factor.probability is None:
                gaps.append(
                    Gap(
                        6,
                        f"{where}.probability",
                        engine_text("factor '{0}' for {1} has no probability", factor.label, name),
                    )
                )
            elif not 0.0 <= factor.probability <= 1.0:
                gaps.append(
                    Gap(
                        6,
                        f"{where}.probability",
                        engine_text("factor '{0}' for {1} is not between 0 and 1", factor.label, name),
                    )
                )
            if not factor.justification.strip():
                gaps.append(
                    Gap(
                        6,
                        f"{where}.justification",
                        engine_text("factor '{0}' for {1} has no justification", factor.label, name),
                    )
                )
    problematic = {law.key for law in ctx.destination.access_laws if law.problematic}
    applying = {a.law_key for a in record.law_practice.laws if a.applies and a.law_key in problematic}
    applying |= {a.key for a in record.law_practice.added_laws if a.problematic and a.applies}
    for key in sorted(applying - {law.law_key for law in risk.laws}):
        gaps.append(
            Gap(
                6,
                f"risk.{key}",
                engine_text("the applying law {0} is missing from the risk calculation", key),
            )
        )
    return gaps
