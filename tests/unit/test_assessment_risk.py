"""Quantified lawful-access risk: figures checked against hand computation (see each comment)."""

from __future__ import annotations

import dataclasses

import pytest

from transfer_tool.assessment.record import LawRisk, RiskFactor, RiskInputMode, RiskInputs
from transfer_tool.assessment.risk import (
    blank_law_risk,
    compute_risk,
    default_factor_set,
    missing_justifications,
)
from transfer_tool.errors import ValidationError

KEYS = [f.key for f in default_factor_set()]


def _law(key: str, values: tuple[float, ...], why: str = "documented") -> LawRisk:
    return LawRisk(
        key, key.upper(), tuple(RiskFactor(k, k, v, why) for k, v in zip(KEYS, values, strict=True))
    )


# p_A = 0.5 × 0.2 × 0.1 × 0.5 × 0.4 = 0.002 ; p_B = 1 × 0.1 × 0.1 × 0.5 × 1 = 0.005
LAW_A = _law("fisa702", (0.5, 0.2, 0.1, 0.5, 0.4))
LAW_B = _law("eo12333", (1.0, 0.1, 0.1, 0.5, 1.0))


def test_default_factor_chain_has_the_five_documented_factors() -> None:
    assert KEYS == [
        "in_scope",
        "authorities_want",
        "approach_importer",
        "importer_cannot_resist",
        "safeguards_fail",
    ]
    blank = blank_law_risk("fisa702", "FISA 702")
    assert [f.probability for f in blank.factors] == [None] * 5


def test_per_year_mode_matches_hand_computation() -> None:
    r = compute_risk(RiskInputs(enabled=True, period_years=5, threshold=0.05, laws=(LAW_A, LAW_B)))
    assert [law.probability for law in r.laws] == pytest.approx([0.002, 0.005])
    # yearly: 1 − 0.998 × 0.995 = 1 − 0.99301 = 0.00699
    assert r.yearly_probability == pytest.approx(0.00699)
    # five years: 1 − 0.99301^5 = 0.0344648
    assert r.period_probability == pytest.approx(0.0344648, abs=1e-7)
    # once every 1 / 0.00699 = 143.06 years
    assert r.once_every_years == pytest.approx(143.0615, abs=1e-3)
    assert r.above_threshold is False  # 3.45 % ≤ 5 %
    assert "^5" in r.formula


def test_per_period_mode_matches_hand_computation() -> None:
    r = compute_risk(
        RiskInputs(
            enabled=True, mode=RiskInputMode.PER_PERIOD, period_years=5, threshold=0.005, laws=(LAW_A, LAW_B)
        )
    )
    # over the period: 1 − 0.998 × 0.995 = 0.00699 (no compounding)
    assert r.period_probability == pytest.approx(0.00699)
    # yearly equivalent: 1 − 0.99301^(1/5) = 0.00140193 ; once every 713.3 years
    assert r.yearly_probability == pytest.approx(0.00140193, abs=1e-8)
    assert r.once_every_years == pytest.approx(713.30, abs=0.01)
    assert r.above_threshold is True  # 0.699 % > 0.5 %


def test_assessment_period_changes_the_result() -> None:
    one = compute_risk(RiskInputs(enabled=True, period_years=1, laws=(LAW_A,)))
    ten = compute_risk(RiskInputs(enabled=True, period_years=10, laws=(LAW_A,)))
    assert one.period_probability == pytest.approx(0.002)
    assert ten.period_probability == pytest.approx(1 - 0.998**10)
    assert one.threshold is None and one.above_threshold is None


def test_sensitivity_doubles_and_halves_each_factor_capped_at_one() -> None:
    r = compute_risk(RiskInputs(enabled=True, period_years=5, laws=(LAW_A, LAW_B)))
    assert len(r.sensitivity) == 10
    row = next(s for s in r.sensitivity if s.law_key == "fisa702" and s.factor_key == "authorities_want")
    # doubled 0.2 → 0.4: p_A = 0.004, P = 1 − (0.996 × 0.995)^5 = 0.0441008
    assert row.doubled == 0.4 and row.p_doubled == pytest.approx(0.0441008, abs=1e-7)
    # halved 0.2 → 0.1: p_A = 0.001, P = 1 − (0.999 × 0.995)^5 = 0.0296177
    assert row.halved == 0.1 and row.p_halved == pytest.approx(0.0296177, abs=1e-7)
    capped = next(s for s in r.sensitivity if s.law_key == "eo12333" and s.factor_key == "in_scope")
    assert capped.doubled == 1.0 and capped.p_doubled == pytest.approx(r.period_probability)


def test_zero_probability_gives_no_recurrence_figure() -> None:
    r = compute_risk(RiskInputs(enabled=True, laws=(_law("x", (0.0, 1, 1, 1, 1)),)))
    assert r.period_probability == 0.0 and r.once_every_years is None


def test_missing_or_out_of_range_probabilities_are_refused_with_locations() -> None:
    bad = dataclasses.replace(
        LAW_A,
        factors=(
            RiskFactor("in_scope", "in scope", 1.5, "x"),
            RiskFactor("approach_importer", "approach", None),
        ),
    )
    with pytest.raises(ValidationError) as exc:
        compute_risk(RiskInputs(enabled=True, period_years=0, threshold=2.0, laws=(bad,)))
    where = {p.location for p in exc.value.problems}
    assert where == {
        "risk.period_years",
        "risk.threshold",
        "risk.fisa702.in_scope",
        "risk.fisa702.approach_importer",
    }


def test_missing_justifications_are_listed() -> None:
    law = _law("fisa702", (0.5, 0.2, 0.1, 0.5, 0.4))
    law = dataclasses.replace(
        law, factors=(*law.factors[:2], dataclasses.replace(law.factors[2], justification=" "))
    )
    missing = missing_justifications(RiskInputs(enabled=True, laws=(law,)))
    assert [(lr.law_key, f.key) for lr, f in missing] == [("fisa702", "approach_importer")]
