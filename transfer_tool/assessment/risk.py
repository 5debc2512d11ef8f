"""Optional quantified risk of prohibited lawful access (legal-reference §3, §8.5) — a [reconstruction].

Per problematic law i, the probability p_i is the product of its factors (a chain of degrees of conviction).
Two input modes, because the source is ambiguous about what a factor chain means (§8.5):

* PER_YEAR: p_i is a yearly probability. Over N years:
      P = 1 − Π_i (1 − p_i)^N
  the combined yearly probability is y = 1 − Π_i (1 − p_i), and "once every X years" is X = 1 / y.
* PER_PERIOD: p_i is already the probability over the whole period of N years. Then
      P = 1 − Π_i (1 − p_i)
  and the yearly equivalent is y = 1 − (1 − P)^(1/N), X = 1 / y.

P is compared with the organisation's threshold (a probability over the period): above → not acceptable.
The sensitivity table recomputes P with each factor doubled (capped at 1) and halved.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from transfer_tool.assessment.record import LawRisk, RiskFactor, RiskInputMode, RiskInputs
from transfer_tool.errors import Problem, ValidationError
from transfer_tool.i18n.engine_text import engine_text

DEFAULT_PERIOD_YEARS = 5


@dataclass(frozen=True)
class FactorDef:
    key: str
    label: str
    question: str


def default_factor_set() -> tuple[FactorDef, ...]:
    """The default chain (legal-reference §3 step 3); an organisation may configure its own."""
    return (
        FactorDef("in_scope", "in scope", "Are the data and the importer within the law's scope?"),
        FactorDef(
            "authorities_want",
            "authorities want this data",
            "Do the authorities have a case in which they want this kind of data?",
        ),
        FactorDef(
            "approach_importer",
            "approach this importer",
            "Would they approach this importer rather than other sources?",
        ),
        FactorDef(
            "importer_cannot_resist",
            "importer can't resist",
            "Would the importer fail to resist or challenge?",
        ),
        FactorDef(
            "safeguards_fail",
            "safeguards don't prevent",
            "Would the technical and organisational safeguards fail to prevent access?",
        ),
    )


def blank_law_risk(law_key: str, law_name: str, factors: Sequence[FactorDef] | None = None) -> LawRisk:
    """An empty factor chain for a problematic law, ready for the assessor to fill."""
    defs = default_factor_set() if factors is None else tuple(factors)
    return LawRisk(law_key, law_name, tuple(RiskFactor(f.key, f.label) for f in defs))


@dataclass(frozen=True)
class LawResult:
    law_key: str
    law_name: str
    probability: float  # p_i: per year or per period, as the mode says


@dataclass(frozen=True)
class SensitivityRow:
    law_key: str
    factor_key: str
    factor_label: str
    base: float
    doubled: float  # the factor doubled, capped at 1
    p_doubled: float  # P over the period with that factor doubled
    halved: float
    p_halved: float


@dataclass(frozen=True)
class RiskResult:
    mode: RiskInputMode
    period_years: int
    laws: tuple[LawResult, ...]
    yearly_probability: float  # combined probability of at least one access in a year
    period_probability: float  # P over the assessment period
    once_every_years: float | None  # None when the probability is zero
    threshold: float | None
    above_threshold: bool | None  # None without a threshold
    sensitivity: tuple[SensitivityRow, ...]
    formula: str


def _validate(inputs: RiskInputs) -> None:
    problems: list[Problem] = []
    if inputs.period_years < 1:
        problems.append(Problem("risk.period_years", "the assessment period must be at least 1 year"))
    if inputs.threshold is not None and not 0.0 <= inputs.threshold <= 1.0:
        problems.append(Problem("risk.threshold", "the threshold must be a probability between 0 and 1"))
    if not inputs.laws:
        problems.append(Problem("risk.laws", "add at least one problematic law to compute a risk"))
    for law in inputs.laws:
        if not law.factors:
            problems.append(Problem(f"risk.{law.law_key}", "the law has no factors"))
        for f in law.factors:
            where = f"risk.{law.law_key}.{f.key}"
            if f.probability is None:
                problems.append(Problem(where, engine_text("enter a probability for '{0}'", f.label)))
            elif not 0.0 <= f.probability <= 1.0:
                problems.append(
                    Problem(
                        where,
                        engine_text("'{0}' must be between 0 and 1 (found {1})", f.label, f.probability),
                    )
                )
    if problems:
        raise ValidationError("The risk cannot be computed yet.", problems)


def _chain(factors: Sequence[float]) -> float:
    return math.prod(factors)


def _period_probability(law_ps: Sequence[float], mode: RiskInputMode, years: int) -> float:
    survive = math.prod(1.0 - p for p in law_ps)
    if mode is RiskInputMode.PER_YEAR:
        return 1.0 - survive**years
    return 1.0 - survive


def _yearly_probability(law_ps: Sequence[float], mode: RiskInputMode, years: int) -> float:
    survive = math.prod(1.0 - p for p in law_ps)
    if mode is RiskInputMode.PER_YEAR:
        return 1.0 - survive
    return 1.0 - survive ** (1.0 / years)


def _formula(mode: RiskInputMode, years: int) -> str:
    if mode is RiskInputMode.PER_YEAR:
        return engine_text(
            "pᵢ = product of the factors (per year); P = 1 − Π(1 − pᵢ)^{0}; once every X "
            "years, X = 1 / (1 − Π(1 − pᵢ))",
            years,
        )
    return engine_text(
        "pᵢ = product of the factors (over {0} years); P = 1 − Π(1 − pᵢ); yearly y = 1 − "
        "(1 − P)^(1/{1}); once every X years, X = 1 / y",
        years,
        years,
    )


def compute_risk(inputs: RiskInputs) -> RiskResult:
    """The quantified risk; raises ValidationError listing what is missing or out of range."""
    _validate(inputs)
    mode, years = inputs.mode, inputs.period_years
    values = [[f.probability or 0.0 for f in law.factors] for law in inputs.laws]
    law_ps = [_chain(v) for v in values]
    period = _period_probability(law_ps, mode, years)
    yearly = _yearly_probability(law_ps, mode, years)
    rows: list[SensitivityRow] = []
    for li, law in enumerate(inputs.laws):
        for fi, factor in enumerate(law.factors):
            base = values[li][fi]
            out = []
            for changed in (min(1.0, base * 2.0), base / 2.0):
                trial = list(law_ps)
                chain = list(values[li])
                chain[fi] = changed
                trial[li] = _chain(chain)
                out.append((changed, _period_probability(trial, mode, years)))
            rows.append(
                SensitivityRow(
                    law.law_key, factor.key, factor.label, base, out[0][0], out[0][1], out[1][0], out[1][1]
                )
            )
    threshold = inputs.threshold
    return RiskResult(
        mode=mode,
        period_years=years,
        laws=tuple(
            LawResult(law.law_key, law.law_name, p) for law, p in zip(inputs.laws, law_ps, strict=True)
        ),
        yearly_probability=yearly,
        period_probability=period,
        once_every_years=(1.0 / yearly) if yearly > 0 else None,
        threshold=threshold,
        above_threshold=None if threshold is None else period > threshold,
        sensitivity=tuple(rows),
        formula=_formula(mode, years),
    )


def missing_justifications(inputs: RiskInputs) -> tuple[tuple[LawRisk, RiskFactor], ...]:
    """Factors without a justification text (each factor needs one)."""
    return tuple((law, f) for law in inputs.laws for f in law.factors if not f.justification.strip())
