"""The pre-check: is this a transfer under each regime, which regimes apply, is a full assessment needed.

Follows the three cumulative criteria (EDPB / CNIL pre-TIA checks; ICO 2026 restricted-transfer test):
the exporter is governed by the regime; the importer is a separate entity; the data goes outside the
regime's own area (or is accessed remotely / stored outside it). Adequacy routes and occasional
derogations need only a short record and monitoring (legal-reference §1.1 step 2, §2 pre-TIA check 2).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from transfer_tool.assessment.record import (
    AddedRegime,
    ConditionConfirmation,
    RegimeSelection,
    ToolChoice,
    TransferFacts,
)
from transfer_tool.assessment.tool_catalog import ToolCatalog, ToolKind
from transfer_tool.countries.model import Destination, Regime, RegimeEntry
from transfer_tool.domain import AdequacyStatus
from transfer_tool.errors import Problem, ValidationError


class Route(StrEnum):
    """How the destination stands under one regime, for this importer."""

    NOT_A_TRANSFER = "not_a_transfer"
    ADEQUACY = "adequacy"
    PARTIAL_CONFIRMED = "partial_confirmed"  # partial adequacy and its condition is met
    PARTIAL_UNCONFIRMED = "partial_unconfirmed"
    NO_ADEQUACY = "no_adequacy"
    UNKNOWN_STATUS = "unknown_status"  # no status recorded: treated as not adequate


@dataclass(frozen=True)
class Reason:
    """A readable English sentence plus a stable machine code (for tests, filters and translation)."""

    code: str
    text: str


@dataclass(frozen=True)
class RegimeCheck:
    regime: str
    regime_name: str
    is_transfer: bool
    route: Route
    full_assessment_needed: bool
    entry: RegimeEntry | None = None
    reasons: tuple[Reason, ...] = ()

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
            problems.append(Problem(where, f"unknown regime {extra.regime!r}; pick one of {sorted(known)}"))
        if not extra.reason.strip():
            problems.append(
                Problem(where, f"say why {extra.regime} applies although the exporter is not in its area")
            )
    if problems:
        raise ValidationError("An added regime cannot be accepted.", problems)
    return RegimeSelection(applied=applied, added=tuple(a for a in added if a.regime not in applied))


def condition_confirmed(
    regime: str,
    destination: Destination,
    facts: TransferFacts,
    confirmations: Sequence[ConditionConfirmation],
    catalog: ToolCatalog,
) -> tuple[bool, Reason]:
    """Whether a partial-adequacy condition is met for this importer.

    A condition tied to a certification (the DPF variants) is met only when the importer holds it; any other
    condition (e.g. "PIPEDA applies") must be confirmed by the assessor with a text.
    """
    entry = destination.status_under(regime)
    condition = entry.condition if entry else ""
    cert = catalog.certification_for(destination.code, regime)
    if cert is not None:
        if cert.certification in facts.importer_certifications:
            return True, Reason(
                "condition_certified",
                f"The importer is certified under the {cert.certification}, which meets the condition "
                f"of the partial adequacy of {destination.name_en} under {regime}.",
            )
        return False, Reason(
            "condition_not_certified",
            f"{destination.name_en} is adequate under {regime} only for organisations certified under the "
            f"{cert.certification}; the importer is not recorded as certified.",
        )
    confirmed = next((c for c in confirmations if c.regime == regime and c.text.strip()), None)
    if confirmed is not None:
        return True, Reason(
            "condition_confirmed",
            f"The assessor confirmed the condition of the partial adequacy ({condition or 'as recorded'}): "
            f"{confirmed.text.strip()}",
        )
    return False, Reason(
        "condition_unconfirmed",
        f"{destination.name_en} is adequate under {regime} only on a condition "
        f"({condition or 'see the country data'}); it has not been confirmed for this importer.",
    )


def check_regime(
    regime: Regime,
    facts: TransferFacts,
    destination: Destination,
    catalog: ToolCatalog,
    *,
    added_reason: str = "",
    confirmations: Sequence[ConditionConfirmation] = (),
    chosen: ToolChoice | None = None,
) -> RegimeCheck:
    """The pre-check for one regime."""
    name = regime.name_en
    reasons: list[Reason] = []

    def stop(route: Route = Route.NOT_A_TRANSFER) -> RegimeCheck:
        return RegimeCheck(regime.code, name, False, route, False, None, tuple(reasons))

    if facts.exporter_country in regime.exporter_countries:
        reasons.append(
            Reason("exporter_governed", f"The exporter ({facts.exporter_country}) is governed by the {name}.")
        )
    elif added_reason.strip():
        reasons.append(Reason("regime_added", f"The assessor applied the {name}: {added_reason.strip()}"))
    else:
        reasons.append(
            Reason(
                "exporter_not_governed",
                f"The exporter ({facts.exporter_country}) is not governed by the {name}.",
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

    entry = destination.status_under(regime.code)
    inside = destination.code in regime.home_area or (
        entry is not None and entry.status is AdequacyStatus.INSIDE
    )
    outside_access = tuple(c for c in facts.remote_access_countries if c not in regime.home_area)
    outside_storage = tuple(c for c in facts.storage_countries if c not in regime.home_area)
    if inside:
        if not outside_access and not outside_storage:
            reasons.append(
                Reason(
                    "destination_inside",
                    f"{destination.name_en} is inside the area of the {name}: not a transfer.",
                )
            )
            return stop()
        if outside_access:
            reasons.append(
                Reason(
                    "remote_access_outside",
                    f"The importer is inside the area of the {name}, but the data is accessed remotely from "
                    f"{', '.join(outside_access)}; remote access counts as a transfer. Assess the "
                    "destination of that access as well.",
                )
            )
        if outside_storage:
            reasons.append(
                Reason(
                    "storage_outside",
                    f"The data is stored in {', '.join(outside_storage)}, outside the area of the {name}; "
                    "storage abroad counts as a transfer. Assess that country as well.",
                )
            )
        return RegimeCheck(regime.code, name, True, Route.UNKNOWN_STATUS, True, entry, tuple(reasons))

    reasons.append(Reason("destination_outside", f"{destination.name_en} is outside the area of the {name}."))
    tool = catalog.get(chosen.tool) if chosen else None
    route, full = _route(regime, destination, facts, catalog, confirmations, entry, reasons)
    if full and tool is not None and tool.kind in (ToolKind.DEROGATION, ToolKind.CONSENT):
        full = False
        if tool.kind is ToolKind.DEROGATION:
            reasons.append(
                Reason(
                    "derogation_short_record",
                    f"The transfer relies on a derogation ({tool.name_en}): no full assessment, a short "
                    "record and monitoring. Derogations fit only occasional, non-repetitive transfers.",
                )
            )
        else:
            reasons.append(
                Reason(
                    "consent_short_record",
                    f"The transfer relies on the data subject's informed consent ({tool.name_en}): no full "
                    "assessment; give the required information when obtaining consent.",
                )
            )
    return RegimeCheck(regime.code, name, True, route, full, entry, tuple(reasons))


def _route(
    regime: Regime,
    destination: Destination,
    facts: TransferFacts,
    catalog: ToolCatalog,
    confirmations: Sequence[ConditionConfirmation],
    entry: RegimeEntry | None,
    reasons: list[Reason],
) -> tuple[Route, bool]:
    name = regime.name_en
    if entry is None:
        reasons.append(
            Reason(
                "status_unknown",
                f"No status of {destination.name_en} under the {name} is recorded; it is treated as not "
                "adequate until the country data is completed. A full assessment is needed.",
            )
        )
        return Route.UNKNOWN_STATUS, True
    ref = f" ({entry.instrument})" if entry.instrument else ""
    if entry.status is AdequacyStatus.ADEQUATE:
        reasons.append(
            Reason(
                "adequate",
                f"{destination.name_en} is adequate under the {name}{ref}: no full assessment is needed; "
                "keep a short record and monitor the decision.",
            )
        )
        return Route.ADEQUACY, False
    if entry.status is AdequacyStatus.PARTIAL:
        ok, why = condition_confirmed(regime.code, destination, facts, confirmations, catalog)
        reasons.append(why)
        if ok:
            reasons.append(
                Reason(
                    "partial_adequacy_applies",
                    f"The partial adequacy{ref} covers this importer: no full assessment is needed; keep a "
                    "short record and monitor the decision and the importer's status.",
                )
            )
            return Route.PARTIAL_CONFIRMED, False
        reasons.append(
            Reason(
                "full_assessment_needed",
                f"Without the adequacy route, the transfer needs a transfer tool under the {name} and a "
                "full assessment.",
            )
        )
        return Route.PARTIAL_UNCONFIRMED, True
    reasons.append(
        Reason(
            "not_adequate",
            f"{destination.name_en} is not adequate under the {name}: the transfer needs a transfer tool "
            "and a full assessment.",
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
) -> PrecheckResult:
    """Run the pre-check for every selected regime (in selection order)."""
    known = {r.code: r for r in regimes}
    added = {a.regime: a.reason for a in selection.added}
    checks: list[RegimeCheck] = []
    for code in selection.codes():
        regime = known.get(code)
        if regime is None:
            raise ValidationError(
                f"The regime {code!r} is selected but not known in the country data; ask an admin to add "
                "it or remove it from the assessment."
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
            )
        )
    return PrecheckResult(tuple(checks))
