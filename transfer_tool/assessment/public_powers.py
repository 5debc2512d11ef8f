"""GDPR and UK GDPR Art. 49(3): the derogations closed to a public authority acting in its public powers.

"Points (a), (b) and (c) of the first subparagraph of paragraph 1 and the second subparagraph thereof shall not
apply to activities carried out by public authorities in the exercise of their public powers" (Regulation (EU)
2016/679 and the UK GDPR, Art. 49(3)). Which tools that closes is data (`closed_to_public_powers` in
data/transfer_tools.json); the reading and its sources are in docs/legal-notes.md, "Session 11: Art. 49(3)".
The record's fact is `TransferFacts.exporter_public_powers`: None (not answered) reads as "no", as a record
saved before the question was asked always did.
"""

from __future__ import annotations

from collections.abc import Iterable

from transfer_tool.assessment.record import TransferFacts
from transfer_tool.assessment.tool_catalog import ToolDef
from transfer_tool.i18n.engine_text import EngineText, engine_text

# The chosen derogation is closed to this exporter: the choice is wrong (it blocks submission).
CLOSED = "derogation_closed_to_public_authority"
# The question that decides it is not answered: the assessor and the reviewer are asked to look (no block).
UNANSWERED = "public_powers_unanswered"
# The proposals' note: which derogations are left out, and why.
NOTE = "derogations_closed_to_public_authority"

# Why the derogation cannot carry the transfer (the pre-check's "does not fit" reason names it).
MISFIT = "Art. 49(3) excludes it for a public authority acting in the exercise of its public powers"


def closes(facts: TransferFacts, tool: ToolDef) -> bool:
    """Whether Art. 49(3) takes `tool` away from this exporter for this transfer."""
    return tool.closed_to_public_powers and facts.exporter_public_powers is True


def choice_problem(facts: TransferFacts, tool: ToolDef) -> tuple[str, EngineText] | None:
    """What is wrong with choosing `tool` for this exporter (a warning's code and sentence), or None."""
    if not tool.closed_to_public_powers or facts.exporter_public_powers is False:
        return None
    if facts.exporter_public_powers is None:
        return UNANSWERED, engine_text(
            "Say whether the exporter acts as a public authority in the exercise of its public powers "
            "for this transfer: if it does, Art. 49(3) excludes {0}.",
            tool.name_en,
        )
    return CLOSED, engine_text(
        "{0} is not available for this transfer: the exporter acts as a public authority in the exercise "
        "of its public powers, and Art. 49(3) excludes this derogation for such activities. Use an "
        "appropriate safeguard (Art. 46) or another derogation (Art. 49(1) points (d) to (g)).",
        tool.name_en,
    )


def proposals_note(facts: TransferFacts, tools: Iterable[ToolDef]) -> EngineText | None:
    """Why the proposals leave out some derogations (`tools`: those of the regimes it is a transfer under)."""
    if not any(closes(facts, tool) for tool in tools):
        return None
    return engine_text(
        "The exporter acts as a public authority in the exercise of its public powers: explicit consent, "
        "the two contract derogations and compelling legitimate interests are not available to it "
        "(Art. 49(3) of the GDPR and of the UK GDPR). Points (d) to (g) of Art. 49(1) remain."
    )
