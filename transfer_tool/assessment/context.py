"""The reference data an assessment is judged against, and one call that runs every rule over a record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from transfer_tool.assessment.conclusion import Recommendation, recommend
from transfer_tool.assessment.measures import (
    ActionPlan,
    MeasureCatalog,
    action_plan,
    chosen_use_cases,
    use_case_warnings,
)
from transfer_tool.assessment.precheck import PrecheckResult, Reason, precheck
from transfer_tool.assessment.record import AssessmentRecord, StepConclusion
from transfer_tool.assessment.risk import RiskResult, compute_risk
from transfer_tool.assessment.safeguards import ToolProposals, ToolWarning, check_tool_choices, propose_tools
from transfer_tool.assessment.tool_catalog import ToolCatalog
from transfer_tool.countries.model import Destination, Regime
from transfer_tool.errors import ValidationError


@dataclass(frozen=True)
class AssessmentContext:
    destination: Destination
    regimes: tuple[Regime, ...]
    tools: ToolCatalog
    measures: MeasureCatalog
    # Every destination by code, to judge where the data is stored or accessed from (empty: only `destination`).
    destinations: Mapping[str, Destination] = field(default_factory=dict)


@dataclass(frozen=True)
class Evaluation:
    """Everything the wizard and the report show that is derived (never stored) from a record."""

    precheck: PrecheckResult
    proposals: ToolProposals
    tool_warnings: tuple[ToolWarning, ...]
    use_cases: tuple[int, ...]
    use_case_source: str  # "derived" from the facts, or "assessor" (picked with a reason)
    measure_warnings: tuple[Reason, ...]
    action_plan: ActionPlan
    risk: RiskResult | None
    risk_error: ValidationError | None  # why the risk could not be computed (if enabled)
    recommendation: Recommendation


def run_precheck(record: AssessmentRecord, ctx: AssessmentContext) -> PrecheckResult:
    return precheck(
        record.facts,
        ctx.destination,
        ctx.regimes,
        record.regimes,
        ctx.tools,
        confirmations=record.confirmed_conditions,
        tools=record.tools,
        answers=record.scope_answers,
        destinations=ctx.destinations,
    )


def evaluate(record: AssessmentRecord, ctx: AssessmentContext, today: dt.date) -> Evaluation:
    pre = run_precheck(record, ctx)
    risk: RiskResult | None = None
    risk_error: ValidationError | None = None
    if record.risk.enabled:
        try:
            risk = compute_risk(record.risk)
        except ValidationError as exc:
            risk_error = exc
    problematic = record.law_practice.conclusion is StepConclusion.MEASURES_NEEDED
    cases, source = chosen_use_cases(record.facts, record.use_case_choice)
    return Evaluation(
        precheck=pre,
        proposals=propose_tools(record.facts, ctx.destination, pre, ctx.tools),
        tool_warnings=check_tool_choices(
            record.facts,
            ctx.destination,
            pre,
            record.tools,
            ctx.tools,
            {r.code: r.name_en for r in ctx.regimes},
        ),
        use_cases=cases,
        use_case_source=source,
        measure_warnings=use_case_warnings(
            record.facts, record.measures, ctx.measures, problematic_law_applies=problematic, cases=cases
        ),
        action_plan=action_plan(record.measures, ctx.measures, today),
        risk=risk,
        risk_error=risk_error,
        recommendation=recommend(
            pre, record.facts, record.law_practice, record.measures, ctx.measures, risk, use_cases=cases
        ),
    )
