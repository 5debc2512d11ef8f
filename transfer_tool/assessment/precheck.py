"""The pre-check: is this a transfer under each regime, which regimes apply, is a full assessment needed.

Follows the three cumulative criteria (EDPB / CNIL pre-TIA checks; ICO 2026 restricted-transfer test):
the exporter is governed by the regime; the importer is a separate entity; the data goes outside the
regime's own area (or is accessed remotely / stored outside it). Adequacy routes and occasional
derogations need only a short record and monitoring (legal-reference §1.1 step 2, §2 pre-TIA check 2).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from transfer_tool.assessment import public_powers
from transfer_tool.assessment.adequacy_conditions import (
    ScopeLimitCheck,
    condition_confirmed,
    scope_limit_checks,
    scope_limits_for,
)
from transfer_tool.assessment.reason import Reason
from transfer_tool.assessment.record import (
    AddedRegime,
    ConditionConfirmation,
    RegimeSelection,
    ScopeAnswer,
    ToolChoice,
    TransferFacts,
)
from transfer_tool.assessment.tool_catalog import FrequencyLimit, ToolCatalog, ToolDef, ToolKind
from transfer_tool.countries.model import Destination, Regime, RegimeEntry
from transfer_tool.domain import AdequacyStatus, Frequency, PartyRole
from transfer_tool.errors import Problem, ValidationError
from transfer_tool.i18n.engine_text import engine_list, engine_text, error_text

__all__ = [
    "PrecheckResult",
    "Reason",
    "RegimeCheck",
    "Route",
    "ScopeLimitCheck",
    "condition_confirmed",
    "precheck",
    "scope_limit_checks",
    "scope_limits_for",
    "select_regimes",
]


class Route(StrEnum):
    """How the destination stands under one regime, for this importer."""

    NOT_A_TRANSFER = "not_a_transfer"
    ADEQUACY = "adequacy"
    PARTIAL_CONFIRMED = "partial_confirmed"  # partial adequacy and its condition is met
    PARTIAL_UNCONFIRMED = "partial_unconfirmed"
    NO_ADEQUACY = "no_adequacy"
    UNKNOWN_STATUS = "unknown_status"  # no status recorded: treated as not adequate


@dataclass(frozen=True)
class RegimeCheck:
    regime: str
    regime_name: str
    is_transfer: bool
    route: Route
    full_assessment_needed: bool
    entry: RegimeEntry | None = None
    reasons: tuple[Reason, ...] = ()
    # Where the data really goes (importer, storage, remote access) that is neither inside the area nor
    # adequate: each needs an assessment of its own laws and tool.
    destinations_to_assess: tuple[str, ...] = ()
    # The judged destination is not where the data goes outside the area: assess this one instead.
    judge_instead: str = ""
    scope_limits: tuple[ScopeLimitCheck, ...] = ()

    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.reasons)


@dataclass(frozen=True)
class PrecheckResult:
    checks: tuple[RegimeCheck, ...]

    @property
    def transfer_regimes(self) -> tuple[str, ...]:
        """The regimes under which this is a transfer (the applicable regimes from here on)."""
        return tuple(c.regime for c in self.checks if c.is_transfer)

    @property
    def is_transfer(self) -> bool:
        return any(c.is_transfer for c in self.checks)

    @property
    def full_assessment_needed(self) -> bool:
        return any(c.full_assessment_needed for c in self.checks)

    def check_for(self, regime: str) -> RegimeCheck | None:
        return next((c for c in self.checks if c.regime == regime), None)


def regimes_for_exporter(exporter_country: str, regimes: Iterable[Regime]) -> tuple[str, ...]:
    """The regimes that govern an exporter established in this country (admin mapping)."""
    return tuple(r.code for r in regimes if exporter_country in r.exporter_countries)


def select_regimes(
    exporter_country: str, regimes: Iterable[Regime], added: Sequence[AddedRegime] = ()
) -> RegimeSelection:
    """The exporter's regimes, widened by the assessor; every added regime needs a known code and a reason."""
    known = {r.code: r for r in regimes}
    applied = regimes_for_exporter(exporter_country, known.values())
    problems: list[Problem] = []
    for i, extra in enumerate(added):
        where = f"regimes.added[{i}]"
        if extra.regime not in known:
            problems.append(
                Problem(
                    where,
                    engine_text("unknown regime {0}; pick one of {1}", repr(extra.regime), sorted(known)),
                )
            )
        if not extra.reason.strip():
            problems.append(
                Problem(
                    where,
                    engine_text("say why {0} applies although the exporter is not in its area", extra.regime),
                )
            )
    if problems:
        raise ValidationError("An added regime cannot be accepted.", problems)
    return RegimeSelection(applied=applied, added=tuple(a for a in added if a.regime not in applied))


def check_regime(
    regime: Regime,
    facts: TransferFacts,
    destination: Destination,
    catalog: ToolCatalog,
    *,
    added_reason: str = "",
    confirmations: Sequence[ConditionConfirmation] = (),
    chosen: ToolChoice | None = None,
    answers: Sequence[ScopeAnswer] = (),
    destinations: Mapping[str, Destination] | None = None,
) -> RegimeCheck:
    """The pre-check for one regime."""
    name = regime.name_en
    reasons: list[Reason] = []

    def stop(route: Route = Route.NOT_A_TRANSFER) -> RegimeCheck:
        return RegimeCheck(regime.code, name, False, route, False, None, tuple(reasons))

    if facts.exporter_country in regime.exporter_countries:
        reasons.append(
            Reason(
                "exporter_governed",
                engine_text("The exporter ({0}) is governed by the {1}.", facts.exporter_country, name),
            )
        )
    elif added_reason.strip():
        reasons.append(
            Reason(
                "regime_added", engine_text("The assessor applied the {0}: {1}", name, added_reason.strip())
            )
        )
    else:
        reasons.append(
            Reason(
                "exporter_not_governed",
                engine_text("The exporter ({0}) is not governed by the {1}.", facts.exporter_country, name),
            )
        )
        return stop()

    if not facts.importer_separate_entity:
        reasons.append(
            Reason(
                "same_entity",
                "The importer is the same legal entity as the exporter, so no data is disclosed to "
                "another entity: not a transfer.",
            )
        )
        return stop()
    reasons.append(Reason("separate_entity", "The importer is a separate legal entity."))

    if (
        regime.code == "UK"
        and facts.returning_to_controller
        and facts.exporter_role is PartyRole.PROCESSOR
        and facts.importer_role is PartyRole.CONTROLLER
    ):
        reasons.append(
            Reason(
                "uk_processor_returns_to_controller",
                "The exporter is a UK processor returning the data to the controller that gave it: under the "
                "ICO's guidance the processor does not initiate a restricted transfer, so the UK transfer rules "
                "do not apply to it (the controller's own duties remain).",
            )
        )
        return stop()

    known: Mapping[str, Destination] = destinations if destinations is not None else {}

    def lookup(code: str) -> Destination | None:
        # `destination` for its own code: a submitted or approved version is judged against the version of
        # the destination it relied on (as its status under each regime is, above and in the report), not
        # against a later edit of the live data; the country data's entry for any other code. Looked up
        # one code at a time: the country data may be read on demand (countries/on_demand.py).
        return destination if code == destination.code else known.get(code)

    def named(codes: Sequence[str]) -> str:  # countries by name, each translated (never "CN")
        return engine_list(", ", [d.name_en if (d := lookup(c)) else c for c in codes])

    def inside(code: str) -> bool:
        if code in regime.home_area:
            return True
        d = lookup(code)
        e = d.status_under(regime.code) if d else None
        return e is not None and e.status is AdequacyStatus.INSIDE

    legs: list[str] = []
    for code in _where_data_goes(regime.code, facts, destination.code):
        if code and code not in legs and not inside(code):
            legs.append(code)
    appi_elsewhere = _appi_storage_or_access_abroad(regime.code, facts, inside)
    if appi_elsewhere:
        reasons.append(
            Reason(
                "appi_recipient_decides",
                engine_text(
                    "The data is stored in or accessed from {0}, but under the APPI a provision to a third "
                    "party in a foreign country depends on where the recipient is, not on where the servers "
                    "are (PPC Q&A 12-3, 12-4): storage or access there is not such a provision. The business "
                    "operator that keeps the data there must still know that country's system as part of its "
                    "security measures (APPI Art. 23) and make those measures known on request (Art. "
                    "32(1)(iv)); if the operator of the servers abroad handles the data, it is a recipient of "
                    "its own: record that provision as a transfer.",
                    ", ".join(appi_elsewhere),
                ),
            )
        )
    if not legs:
        # Under the APPI the country named is the recipient's, whatever destination the assessor judged.
        recipient = lookup(facts.importer_country) if regime.code == "JP" and facts.importer_country else None
        here = recipient.name_en if recipient else destination.name_en
        reasons.append(
            Reason(
                "destination_inside",
                engine_text("{0} is inside the area of the {1}: not a transfer.", here, name),
            )
        )
        return stop()
    if facts.importer_gdpr_art3_2 and regime.code == "EU":
        reasons.append(
            Reason(
                "importer_subject_to_gdpr_still_transfer",
                "The importer's processing is itself subject to the GDPR under Art. 3(2); it is still a "
                "transfer (EDPB Guidelines 05/2021), so Chapter V applies.",
            )
        )
    outside_access = tuple(c for c in facts.remote_access_countries if c in legs)
    outside_storage = tuple(c for c in facts.storage_countries if c in legs)
    judged_inside = inside(destination.code)
    if outside_access:
        reasons.append(
            Reason(
                "remote_access_outside",
                engine_text(
                    "The data is accessed remotely from {0}, outside the regime's area; remote access "
                    "counts as a transfer to that country.",
                    named(outside_access),
                ),
            )
        )
    if outside_storage:
        reasons.append(
            Reason(
                "storage_outside",
                engine_text(
                    "The data is stored in {0}, outside the regime's area; storage there counts as a "
                    "transfer to that country.",
                    named(outside_storage),
                ),
            )
        )

    def leg_route(code: str) -> tuple[Route, bool, list[Reason]]:
        d = lookup(code)
        why: list[Reason] = []
        if d is None:
            return Route.UNKNOWN_STATUS, True, why
        return (
            *_route(regime, d, facts, catalog, confirmations, d.status_under(regime.code), why, answers),
            why,
        )

    entry = destination.status_under(regime.code)
    to_assess: list[str] = []
    judge_instead = ""
    if judged_inside:
        # The importer is inside the area: the countries where the data really goes are what is assessed.
        worst: tuple[str, Route, bool, list[Reason]] | None = None
        for code in legs:
            route, full, why = leg_route(code)
            if full:
                to_assess.append(code)
                if worst is None:
                    worst = (code, route, full, why)
        if worst is None:
            reasons.append(
                Reason(
                    "where_data_goes_adequate",
                    engine_text(
                        "Every country where the data is stored or accessed ({0}) is adequate under this "
                        "regime: no full assessment; keep a short record.",
                        ", ".join(legs),
                    ),
                )
            )
            return RegimeCheck(regime.code, name, True, Route.ADEQUACY, False, entry, tuple(reasons))
        judge_instead = worst[0]
        reasons.append(
            Reason(
                "destination_to_assess",
                engine_text(
                    "The importer is inside the regime's area, but the data goes to {0}: that country "
                    "is the destination to assess (its status, its laws and the tool), not the "
                    "importer's.",
                    worst[0],
                ),
            )
        )
        route, full = worst[1], True
        return RegimeCheck(
            regime.code, name, True, route, full, entry, tuple(reasons), tuple(to_assess), judge_instead
        )

    reasons.append(
        Reason(
            "destination_outside",
            engine_text("{0} is outside the area of the {1}.", destination.name_en, name),
        )
    )
    tool = catalog.get(chosen.tool) if chosen else None
    route, full = _route(regime, destination, facts, catalog, confirmations, entry, reasons, answers)
    if full:
        to_assess.append(destination.code)
    for code in legs:
        if code == destination.code:
            continue
        _, other_full, _ = leg_route(code)
        if other_full:
            to_assess.append(code)
            reasons.append(
                Reason(
                    "other_destination_to_assess",
                    engine_text(
                        "The data also goes to {0} (stored or accessed there), which has no adequacy "
                        "under this regime: assess that country as well, with its own laws and tool.",
                        named((code,)),
                    ),
                )
            )
            if not full:
                judge_instead = code
    if full and tool is not None and tool.kind is ToolKind.DEROGATION and chosen is not None:
        misfit = derogation_misfit(tool, facts, chosen)
        if misfit:
            reasons.append(
                Reason(
                    "derogation_does_not_fit",
                    engine_text(
                        "{0} cannot carry this transfer ({1}): it needs a transfer tool such as SCCs and "
                        "a full assessment.",
                        tool.name_en,
                        misfit,
                    ),
                )
            )
            tool = None
    if full and tool is not None and tool.kind in (ToolKind.DEROGATION, ToolKind.CONSENT):
        full = False
        if tool.kind is ToolKind.DEROGATION:
            reasons.append(
                Reason(
                    "derogation_short_record",
                    engine_text(
                        "The transfer relies on a derogation ({0}): no full assessment, a short record "
                        "and monitoring. The derogation's conditions must each be met and documented.",
                        tool.name_en,
                    ),
                )
            )
        else:
            reasons.append(
                Reason(
                    "consent_short_record",
                    engine_text(
                        "The transfer relies on the data subject's informed consent ({0}): no full "
                        "assessment; give the required information when obtaining consent.",
                        tool.name_en,
                    ),
                )
            )
    if regime.code == "JP" and (
        route in (Route.ADEQUACY, Route.PARTIAL_CONFIRMED)
        or (tool is not None and tool.kind is ToolKind.EQUIVALENT_MEASURES)
    ):
        # Art. 28(1) excludes these recipients from "a third party in a foreign country"; the provision is
        # then one to an ordinary third party, which Art. 27 governs (Art. 28(1) disapplies it only otherwise).
        reasons.append(
            Reason(
                "appi_art27_still_applies",
                "The recipient is in a PPC-recognised country or has a system of equivalent measures, so APPI "
                "Art. 28 does not restrict this provision; it is a provision to a third party under Art. 27 "
                "like one in Japan: it needs the data subject's consent, an Art. 27(1) item, the opt-out of "
                "Art. 27(2), or one of the cases of Art. 27(5) (entrustment, business succession, joint use).",
            )
        )
    if judge_instead:
        full = True
    return RegimeCheck(
        regime.code,
        name,
        True,
        route,
        full,
        entry,
        tuple(reasons),
        tuple(to_assess),
        judge_instead,
        scope_limit_checks(regime.code, entry, facts, answers),
    )


def _where_data_goes(regime: str, facts: TransferFacts, judged: str) -> tuple[str, ...]:
    """The countries whose status decides the transfer under this regime.

    Under the GDPR, the UK GDPR, the FADP and the LGPD, storage in or remote access from a country is a
    transfer to it (docs/legal-notes.md #16, 1.3). Under the APPI only the recipient's country counts: storing
    on a server abroad that its operator does not handle is no provision to a third party in a foreign country,
    and a foreign operator handling the data is one even with its servers in Japan (PPC Q&A 12-3, 12-4)."""
    if regime == "JP":
        return (facts.importer_country or judged,)
    return (facts.importer_country, judged, *facts.storage_countries, *facts.remote_access_countries)


def _appi_storage_or_access_abroad(
    regime: str, facts: TransferFacts, inside: Callable[[str], bool]
) -> tuple[str, ...]:
    """Under the APPI, the countries of storage or remote access outside Japan that are not the recipient's."""
    if regime != "JP":
        return ()
    out: list[str] = []
    for code in (*facts.storage_countries, *facts.remote_access_countries):
        if code and code != facts.importer_country and code not in out and not inside(code):
            out.append(code)
    return tuple(out)


def derogation_misfit(tool: ToolDef, facts: TransferFacts, chosen: ToolChoice) -> str:
    """Why the derogation's text does not allow this transfer ("" when it may): EDPB Guidelines 2/2018."""
    continuous = facts.frequency is Frequency.CONTINUOUS
    limit = tool.frequency_limit
    if limit in (FrequencyLimit.OCCASIONAL, FrequencyLimit.NOT_REPETITIVE) and continuous:
        return "continuous, not occasional"
    if limit is FrequencyLimit.NOT_REPETITIVE and facts.large_volume:
        return "not a limited number of data subjects"
    if limit is FrequencyLimit.EXCEPTIONAL and continuous and not chosen.systematic_reason.strip():
        return "systematic use without a recorded reason"
    return public_powers.MISFIT if public_powers.closes(facts, tool) else ""


def _route(
    regime: Regime,
    destination: Destination,
    facts: TransferFacts,
    catalog: ToolCatalog,
    confirmations: Sequence[ConditionConfirmation],
    entry: RegimeEntry | None,
    reasons: list[Reason],
    answers: Sequence[ScopeAnswer] = (),
) -> tuple[Route, bool]:
    name = regime.name_en
    if entry is None:
        reasons.append(
            Reason(
                "status_unknown",
                engine_text(
                    "No status of {0} under the {1} is recorded; it is treated as not adequate until "
                    "the country data is completed. A full assessment is needed.",
                    destination.name_en,
                    name,
                ),
            )
        )
        return Route.UNKNOWN_STATUS, True
    ref = engine_text(" ({0})", entry.instrument) if entry.instrument else ""
    if entry.status is AdequacyStatus.ADEQUATE:
        reasons.append(
            Reason(
                "adequate",
                engine_text(
                    "{0} is adequate under the {1}{2}: no full assessment is needed; keep a short "
                    "record and monitor the decision.",
                    destination.name_en,
                    name,
                    ref,
                ),
            )
        )
        return Route.ADEQUACY, False
    if entry.status is AdequacyStatus.PARTIAL:
        ok, why = condition_confirmed(regime.code, destination, facts, confirmations, catalog, answers)
        reasons.append(why)
        if ok:
            reasons.append(
                Reason(
                    "partial_adequacy_applies",
                    engine_text(
                        "The partial adequacy{0} covers this importer: no full assessment is needed; keep "
                        "a short record and monitor the decision and the importer's status.",
                        ref,
                    ),
                )
            )
            return Route.PARTIAL_CONFIRMED, False
        reasons.append(
            Reason(
                "full_assessment_needed",
                engine_text(
                    "Without the adequacy route, the transfer needs a transfer tool under the {0} and "
                    "a full assessment.",
                    name,
                ),
            )
        )
        return Route.PARTIAL_UNCONFIRMED, True
    reasons.append(
        Reason(
            "not_adequate",
            engine_text(
                "{0} is not adequate under the {1}: the transfer needs a transfer tool and a full "
                "assessment.",
                destination.name_en,
                name,
            ),
        )
    )
    return Route.NO_ADEQUACY, True


def precheck(
    facts: TransferFacts,
    destination: Destination,
    regimes: Iterable[Regime],
    selection: RegimeSelection,
    catalog: ToolCatalog,
    *,
    confirmations: Sequence[ConditionConfirmation] = (),
    tools: Sequence[ToolChoice] = (),
    answers: Sequence[ScopeAnswer] = (),
    destinations: Mapping[str, Destination] | None = None,
) -> PrecheckResult:
    """Run the pre-check for every selected regime (in selection order)."""
    known = {r.code: r for r in regimes}
    added = {a.regime: a.reason for a in selection.added}
    checks: list[RegimeCheck] = []
    for code in selection.codes():
        regime = known.get(code)
        if regime is None:
            raise ValidationError(
                error_text(
                    "The regime {0} is selected but not known in the country data; ask an admin to "
                    "add it or remove it from the assessment.",
                    repr(code),
                )
            )
        chosen = next((t for t in tools if t.regime == code), None)
        checks.append(
            check_regime(
                regime,
                facts,
                destination,
                catalog,
                added_reason=added.get(code, ""),
                confirmations=confirmations,
                chosen=chosen,
                answers=answers,
                destinations=destinations,
            )
        )
    return PrecheckResult(tuple(checks))
