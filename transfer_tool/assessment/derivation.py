"""A draft derived from another transfer's assessment ("New transfer from this one", issue #23). Pure.

The copy carries the assessor's answers that still fit the new transfer and marks each one "copied from
TR-… version n, confirm": a missing item (completeness) until the assessor confirms it. Facts and regimes
are never copied: they are read afresh from the new transfer's register data and its exporter's country,
so an answer that belongs to a regime the new exporter is not under (an EU tool for a Japanese exporter)
is left behind, and the law-and-practice answers and risk figures come along only for the same
destination (they judge that country's laws).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from transfer_tool.assessment.record import AssessmentRecord, DerivedFrom
from transfer_tool.i18n.engine_text import engine_text

# Item keys of AssessmentRecord.to_confirm, with the wizard step each belongs to.
ADDED_REGIMES = "regimes.added"
CONDITIONS = "confirmed_conditions"
TOOL_PREFIX = "tools."
LAW_PRACTICE = "law_practice"
MEASURES = "measures"
PROCEDURAL_NOTES = "procedural_notes"
RISK = "risk"
EVIDENCE = "evidence"
_STEP = {
    ADDED_REGIMES: 1,
    CONDITIONS: 2,
    LAW_PRACTICE: 3,
    MEASURES: 4,
    PROCEDURAL_NOTES: 5,
    RISK: 6,
    EVIDENCE: 7,
}


@dataclass(frozen=True)
class CopiedItem:
    """One copied answer awaiting the assessor's confirmation."""

    key: str  # e.g. "tools.EU_GDPR"
    step: int
    message: str


def derive_record(source: AssessmentRecord, fresh: AssessmentRecord, origin: DerivedFrom) -> AssessmentRecord:
    """`fresh` (the new transfer's initial record: its facts, regimes, laws, settings and assessor) with
    the answers of `source` that fit it, each marked for confirmation."""
    regimes = set(fresh.regimes.codes())
    marks: list[str] = []
    added = tuple(a for a in source.regimes.added if a.regime not in fresh.regimes.applied)
    if added:
        marks.append(ADDED_REGIMES)
        regimes |= {a.regime for a in added}
    # Only answers given under a regime of the source that also governs the new transfer come along.
    shared = regimes & set(source.regimes.codes())
    conditions = tuple(c for c in source.confirmed_conditions if c.regime in shared)
    same_destination = source.facts.destination == fresh.facts.destination
    if conditions and same_destination:
        marks.append(CONDITIONS)
    else:
        conditions = ()  # a condition of one country's partial adequacy says nothing about another's
    tools = tuple(t for t in source.tools if t.regime in shared)
    marks += [f"{TOOL_PREFIX}{t.regime}" for t in tools]
    law_practice = fresh.law_practice
    risk = fresh.risk
    if same_destination:
        answers = {a.law_key: a for a in source.law_practice.laws}
        laws = tuple(answers.get(law.law_key, law) for law in fresh.law_practice.laws)
        law_practice = dataclasses.replace(source.law_practice, laws=laws)
        if law_practice != fresh.law_practice:
            marks.append(LAW_PRACTICE)
        if source.risk.enabled:
            risk = dataclasses.replace(source.risk, threshold=fresh.risk.threshold)
            marks.append(RISK)
    if source.measures:
        marks.append(MEASURES)
    if source.procedural_notes.strip():
        marks.append(PROCEDURAL_NOTES)
    if source.evidence:
        marks.append(EVIDENCE)
    return dataclasses.replace(
        fresh,
        regimes=dataclasses.replace(fresh.regimes, added=added),
        confirmed_conditions=conditions,
        tools=tools,
        law_practice=law_practice,
        measures=source.measures,
        procedural_notes=source.procedural_notes,
        risk=risk,
        evidence=source.evidence,
        derived_from=origin,
        to_confirm=tuple(marks),
    )


def step_of(key: str) -> int:
    return 2 if key.startswith(TOOL_PREFIX) else _STEP.get(key, 1)


def copied_items(record: AssessmentRecord, regime_names: Mapping[str, str]) -> tuple[CopiedItem, ...]:
    """The copied answers still to confirm, with what to do, in step order (regimes by their names)."""
    origin = record.derived_from
    if origin is None or not record.to_confirm:
        return ()
    ref, version = origin.reference, origin.version
    out = []
    for key in record.to_confirm:
        if key.startswith(TOOL_PREFIX):
            code = key[len(TOOL_PREFIX) :]
            # never the code: a regime the live data no longer holds is said so
            regime = regime_names.get(code) or engine_text("a regime not named in the country data")
            message = engine_text(
                "the transfer tool for {0} was copied from {1} version {2}: check and confirm it",
                regime,
                ref,
                version,
            )
        elif key == ADDED_REGIMES:
            message = engine_text(
                "the regimes added by hand were copied from {0} version {1}: check and confirm them",
                ref,
                version,
            )
        elif key == CONDITIONS:
            message = engine_text(
                "the confirmed conditions were copied from {0} version {1}: check and confirm them",
                ref,
                version,
            )
        elif key == LAW_PRACTICE:
            message = engine_text(
                "the law-and-practice answers were copied from {0} version {1}: check and confirm them",
                ref,
                version,
            )
        elif key == MEASURES:
            message = engine_text(
                "the measures were copied from {0} version {1}: check and confirm them", ref, version
            )
        elif key == PROCEDURAL_NOTES:
            message = engine_text(
                "the procedural steps were copied from {0} version {1}: check and confirm them", ref, version
            )
        elif key == RISK:
            message = engine_text(
                "the risk figures were copied from {0} version {1}: check and confirm them", ref, version
            )
        else:
            message = engine_text(
                "the evidence was copied from {0} version {1}: check and confirm it", ref, version
            )
        out.append(CopiedItem(key, step_of(key), message))
    return tuple(sorted(out, key=lambda i: i.step))


def confirm(record: AssessmentRecord, *keys: str) -> AssessmentRecord:
    """The assessor confirmed these copied answers (all of them when no key is given)."""
    remaining = () if not keys else tuple(k for k in record.to_confirm if k not in keys)
    return dataclasses.replace(record, to_confirm=remaining)


# ---- re-assessment after a country-data change (issue #23, point 2) ---------------------------------------

# Flag kinds (countries.impact.ChangeKind and "expired") whose change makes the regime's tool choice void:
# the adequacy status itself changed, so the tool is reset and must be chosen again. Public: the wizard
# highlights what these reset.
TOOL_RESET_KINDS = frozenset({"withdrawn", "granted", "status"})
CONDITION_KINDS = frozenset({"condition"})


def reset_for_flags(
    record: AssessmentRecord, flags: Sequence[tuple[str, str]], origin: DerivedFrom
) -> AssessmentRecord:
    """A new version's record (pre-filled from the approved one) with the parts a country-data change
    touches reset or marked: `flags` are (regime, kind) pairs. A changed adequacy status resets the
    regime's tool; a changed condition resets the confirmed condition and the answers to the condition's
    scope questions (they decided who the old condition covered) and marks the tool; any other change
    (instrument, expiry) marks the tool; the law-and-practice step is marked whenever a tool is touched."""
    status_regimes = {r for r, k in flags if k in TOOL_RESET_KINDS}
    condition_regimes = {r for r, k in flags if k in CONDITION_KINDS}
    touched = {r for r, _k in flags}
    tools = tuple(t for t in record.tools if t.regime not in status_regimes)
    conditions = tuple(c for c in record.confirmed_conditions if c.regime not in condition_regimes)
    scope_answers = tuple(a for a in record.scope_answers if a.regime not in condition_regimes)
    marks = [k for k in record.to_confirm]
    marks += [f"{TOOL_PREFIX}{t.regime}" for t in tools if t.regime in touched]
    if touched:
        marks.append(LAW_PRACTICE)
    return dataclasses.replace(
        record,
        tools=tools,
        confirmed_conditions=conditions,
        scope_answers=scope_answers,
        derived_from=origin,
        to_confirm=tuple(dict.fromkeys(marks)),
    )
