"""A partial or limited adequacy decision for this importer: the decision's scope limits that the data
makes relevant, the assessor's answers to them, and whether the decision's condition is met (a
certification the importer holds, or a confirmation the assessor wrote)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from transfer_tool.assessment.reason import Reason
from transfer_tool.assessment.record import ConditionConfirmation, ScopeAnswer, TransferFacts
from transfer_tool.assessment.tool_catalog import ToolCatalog
from transfer_tool.countries.model import Destination, RegimeEntry, ScopeLimit
from transfer_tool.i18n.engine_text import engine_text


@dataclass(frozen=True)
class ScopeLimitCheck:
    """A scope limit of the destination's decision under one regime, with the assessor's answer."""

    code: str
    question_en: str
    question_ja: str
    source: str
    answer: bool | None


def scope_limits_for(entry: RegimeEntry | None, facts: TransferFacts) -> tuple[ScopeLimit, ...]:
    """The entry's scope limits that this transfer's data makes relevant."""
    if entry is None:
        return ()
    return tuple(
        s
        for s in entry.scope_limits
        if not s.only_for_categories or set(s.only_for_categories) & set(facts.data_categories)
    )


def scope_limit_checks(
    regime: str, entry: RegimeEntry | None, facts: TransferFacts, answers: Sequence[ScopeAnswer]
) -> tuple[ScopeLimitCheck, ...]:
    out = []
    for limit in scope_limits_for(entry, facts):
        answer = next((a for a in answers if a.regime == regime and a.limit == limit.code), None)
        out.append(
            ScopeLimitCheck(
                limit.code,
                limit.question_en,
                limit.question_ja,
                limit.source,
                answer.answer if answer else None,
            )
        )
    return tuple(out)


def condition_confirmed(
    regime: str,
    destination: Destination,
    facts: TransferFacts,
    confirmations: Sequence[ConditionConfirmation],
    catalog: ToolCatalog,
    answers: Sequence[ScopeAnswer] = (),
) -> tuple[bool, Reason]:
    """Whether a partial-adequacy condition is met for this importer.

    A condition tied to a certification (the DPF variants) is met only when the importer holds it; a condition
    the country data states as scope limits (questions) is met when every relevant question is answered yes;
    any other condition (e.g. "PIPEDA applies") must be confirmed by the assessor with a text.
    """
    entry = destination.status_under(regime)
    condition = entry.condition if entry else ""
    cert = catalog.certification_for(destination.code, regime)
    limits = scope_limit_checks(regime, entry, facts, answers)
    refused = [c for c in limits if c.answer is False]
    if refused:
        return False, Reason(
            "scope_limit_not_met",
            engine_text(
                "{0} is adequate under {1} only within a limited scope; for this importer the "
                "answer is no: {2} The adequacy route is refused.",
                destination.name_en,
                regime,
                refused[0].question_en,
            ),
        )
    open_limits = [c for c in limits if c.answer is None]
    if cert is not None and cert.certification not in facts.importer_certifications:
        pass  # the certification test below says why
    elif open_limits:
        return False, Reason(
            "scope_limit_unanswered",
            engine_text(
                "{0} is adequate under {1} only within a limited scope; answer first: {2}",
                destination.name_en,
                regime,
                open_limits[0].question_en,
            ),
        )
    elif limits and cert is None:
        return True, Reason(
            "scope_limit_met",
            engine_text(
                "The importer is within the scope of the adequacy decision for {0} under {1} ({2}).",
                destination.name_en,
                regime,
                condition,
            ),
        )
    if cert is not None:
        if cert.certification in facts.importer_certifications:
            return True, Reason(
                "condition_certified",
                engine_text(
                    "The importer is certified under the {0}, which meets the condition of the "
                    "partial adequacy of {1} under {2}.",
                    cert.certification,
                    destination.name_en,
                    regime,
                ),
            )
        return False, Reason(
            "condition_not_certified",
            engine_text(
                "{0} is adequate under {1} only for organisations certified under the {2}; the "
                "importer is not recorded as certified.",
                destination.name_en,
                regime,
                cert.certification,
            ),
        )
    confirmed = next((c for c in confirmations if c.regime == regime and c.text.strip()), None)
    if confirmed is not None:
        return True, Reason(
            "condition_confirmed",
            engine_text(
                "The assessor confirmed the condition of the partial adequacy ({0}): {1}",
                condition or "as recorded",
                confirmed.text.strip(),
            ),
        )
    return False, Reason(
        "condition_unconfirmed",
        engine_text(
            "{0} is adequate under {1} only on a condition ({2}); it has not been confirmed "
            "for this importer.",
            destination.name_en,
            regime,
            condition or "see the country data",
        ),
    )
