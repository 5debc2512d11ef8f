"""Step 2, the transfer tool: propose the fitting tools per applicable regime and warn about misfits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from transfer_tool.assessment import public_powers
from transfer_tool.assessment.precheck import PrecheckResult, Reason, RegimeCheck, Route
from transfer_tool.assessment.record import ToolChoice, TransferFacts
from transfer_tool.assessment.tool_catalog import FrequencyLimit, ToolCatalog, ToolDef, ToolKind
from transfer_tool.countries import oecd
from transfer_tool.countries.model import Destination
from transfer_tool.domain import AdequacyStatus, Frequency, PartyRole
from transfer_tool.i18n.engine_text import engine_text

_MODULES = {
    (PartyRole.CONTROLLER, PartyRole.CONTROLLER): 1,
    (PartyRole.CONTROLLER, PartyRole.PROCESSOR): 2,
    (PartyRole.PROCESSOR, PartyRole.PROCESSOR): 3,
    (PartyRole.PROCESSOR, PartyRole.CONTROLLER): 4,
}
_CBPR = ("APEC CBPR", "Global CBPR")


def scc_module(exporter_role: PartyRole, importer_role: PartyRole) -> int:
    """EU SCC 2021/914 module from the two roles: C→C 1, C→P 2, P→P 3, P→C 4."""
    return _MODULES[(exporter_role, importer_role)]


@dataclass(frozen=True)
class Proposal:
    regime: str
    tool: str
    name_en: str
    name_ja: str
    why: str
    preferred: bool = False  # the first choice for this regime


@dataclass(frozen=True)
class ToolWarning:
    code: str
    regime: str
    text: str


@dataclass(frozen=True)
class ConsentInformation:
    """What to tell the data subject for APPI Art. 28(2) consent (PPC Rules Art. 17(2))."""

    country_name_en: str
    country_name_ja: str
    protection_system: str  # (ii) the country's system, with indicators
    indicators: tuple[str, ...]  # adequacy, CBPR participation, OECD-8 coverage
    affecting_systems: tuple[str, ...]  # localisation, government-cooperation duties
    recipient_measures: str  # (iii) to be filled from the importer; empty until known
    missing: tuple[str, ...]  # items the country data lacks (the consent text is incomplete)


@dataclass(frozen=True)
class ToolProposals:
    proposals: tuple[Proposal, ...]
    notes: tuple[Reason, ...] = ()
    consent_information: ConsentInformation | None = None

    def for_regime(self, regime: str) -> tuple[Proposal, ...]:
        return tuple(p for p in self.proposals if p.regime == regime)


def _propose(tool: ToolDef | None, regime: str, why: str, preferred: bool = False) -> list[Proposal]:
    if tool is None:
        return []
    return [Proposal(regime, tool.code, tool.name_en, tool.name_ja, why, preferred)]


def propose_tools(
    facts: TransferFacts, destination: Destination, pre: PrecheckResult, catalog: ToolCatalog
) -> ToolProposals:
    """The fitting tools for each regime under which this is a transfer, each with why."""
    out: list[Proposal] = []
    for check in pre.checks:
        if check.is_transfer:
            # Preferred tools first; otherwise the order the rules give.
            found = _proposals_for(check, facts, destination, pre, catalog)
            out.extend(sorted(found, key=lambda p: not p.preferred))
    notes = [
        Reason(
            "destination_export_regime",
            engine_text(
                "{0} has its own export regime ({1}): {2} (source: {3})",
                destination.name_en,
                e.name_en,
                e.note_en,
                e.source,
            ),
        )
        for e in catalog.export_regimes_of(destination.code)
    ]
    closed = public_powers.proposals_note(
        facts, (t for c in pre.checks if c.is_transfer for t in catalog.for_regime(c.regime))
    )
    if closed is not None:
        notes.append(Reason(public_powers.NOTE, closed))
    if facts.onward_transfers:
        notes.append(
            Reason(
                "onward_transfers",
                engine_text(
                    "{0} onward transfer(s) recorded; each is a transfer of its own and needs its own "
                    "tool and assessment.",
                    len(facts.onward_transfers),
                ),
            )
        )
    if facts.importer_gdpr_art3_2 and any(c.regime == "EU" and c.is_transfer for c in pre.checks):
        notes.append(
            Reason(
                "importer_subject_to_gdpr",
                "The importer is itself subject to the GDPR under Art. 3(2): the transfer still needs a Chapter V "
                "tool (EDPB Guidelines 05/2021), but the 2021 SCCs are not designed for this case (Commission SCC "
                "Q&A); record it and document the tool chosen.",
            )
        )
    if any(p.tool == "jp_equivalent_measures" for p in out):
        notes.append(
            Reason(
                "appi_request_items",
                "On the route of equivalent measures the exporter must, on the data subject's request, tell "
                "them without delay (PPC Rules Art. 18(3)): how the system was set up (contract, internal rules "
                "...); an outline of the importer's equivalent measures; how often and how the implementation "
                "is checked; the name of the foreign country; whether a system of that country may affect the "
                "measures, and its outline; whether there is any obstacle to the measures, and its outline; and "
                "the measures taken against it.",
            )
        )
    consent = None
    if any(p.tool == "jp_consent" for p in out):
        consent = appi_consent_information(destination)
    return ToolProposals(tuple(out), tuple(notes), consent)


def _proposals_for(
    check: RegimeCheck,
    facts: TransferFacts,
    destination: Destination,
    pre: PrecheckResult,
    catalog: ToolCatalog,
) -> list[Proposal]:
    regime = check.regime
    adequacy = catalog.adequacy_tool(regime)
    if (
        check.route is Route.ADEQUACY
        and check.entry is not None
        and check.entry.status is AdequacyStatus.INSIDE
    ):
        # The importer is inside the area; the countries where the data is stored or accessed are adequate.
        return _propose(
            adequacy,
            regime,
            engine_text(
                "Every country where the data is stored or accessed is adequate under {0}; no "
                "other tool is needed.",
                check.regime_name,
            ),
            preferred=True,
        )
    if check.route in (Route.ADEQUACY, Route.PARTIAL_CONFIRMED):
        ref = engine_text(" ({0})", check.entry.instrument) if check.entry and check.entry.instrument else ""
        return _propose(
            adequacy,
            regime,
            engine_text(
                "{0} is adequate under {1}{2} for this importer; no other tool is needed.",
                destination.name_en,
                check.regime_name,
                ref,
            ),
            preferred=True,
        )
    out: list[Proposal] = []
    module = scc_module(facts.exporter_role, facts.importer_role)
    roles = engine_text("{0} to {1}", facts.exporter_role.value, facts.importer_role.value)
    group = facts.importer_group_company
    if regime == "EU":
        out += _propose(
            catalog.get(f"eu_scc_m{module}"),
            regime,
            engine_text("The exporter and importer are {0}: EU SCC Module {1}.", roles, module),
            preferred=not group,
        )
        if facts.importer_gdpr_art3_2:
            out += _propose(
                catalog.get("eu_ad_hoc"),
                regime,
                "The importer is itself subject to the GDPR (Art. 3(2)) and the 2021 SCCs are not designed for "
                "it: clauses drafted for the case, authorised by the supervisory authority, fit it.",
            )
        if group:
            out += _propose(
                catalog.get("eu_intragroup"),
                regime,
                engine_text(
                    "The importer is a group company: an intra-group agreement incorporating SCC "
                    "Module {0} covers all group flows at once.",
                    module,
                ),
                preferred=True,
            )
            out += _propose(catalog.get("eu_bcr"), regime, "Group transfers can rest on approved BCRs.")
        for code in ("eu_code_of_conduct", "eu_certification"):
            out += _propose(
                catalog.get(code),
                regime,
                "Possible where the importer has made binding commitments under it.",
            )
    elif regime == "UK":
        eu_check = pre.check_for("EU")
        eu_too = eu_check is not None and eu_check.is_transfer
        out += _propose(
            catalog.get("uk_addendum"),
            regime,
            engine_text(
                "The EU SCCs (Module {0}) are used for the EU regime as well: add the UK Addendum.", module
            )
            if eu_too
            else engine_text(
                "Add the UK Addendum to EU SCC Module {0} if the parties use the EU SCCs anyway.", module
            ),
            preferred=eu_too,
        )
        out += _propose(
            catalog.get("uk_idta"),
            regime,
            "The UK IDTA is the stand-alone UK contract for this transfer.",
            preferred=not eu_too,
        )
        if group:
            out += _propose(catalog.get("uk_bcr"), regime, "Group transfers can rest on UK BCRs.")
    elif regime == "CH":
        out += _propose(
            catalog.get(f"ch_scc_swiss_m{module}") or catalog.get("ch_scc_swiss"),
            regime,
            engine_text(
                "{0} is not on the Swiss list for this importer: EU SCC Module {1} with the Swiss "
                "adaptation (FDPIC guidance).",
                destination.name_en,
                module,
            ),
            preferred=not group,
        )
        if group:
            out += _propose(
                catalog.get("ch_intragroup"),
                regime,
                "The importer is a group company: an intra-group agreement with the Swiss-adapted SCCs.",
                preferred=True,
            )
            out += _propose(catalog.get("ch_bcr"), regime, "Group transfers can rest on FDPIC-approved BCRs.")
    elif regime == "JP":
        certified = [c for c in _CBPR if c in facts.importer_certifications]
        why = (
            engine_text(
                "The importer holds {0} certification, which meets PPC Rules Art. 16(ii).",
                " and ".join(certified),
            )
            if certified
            else "Equivalent measures by contract or intra-group rules (PPC Rules Art. 16(i)); the importer is "
            "a group company, so the group's internal rules can serve."
            if group
            else "Equivalent measures by contract or intra-group rules (PPC Rules Art. 16(i))."
        )
        out += _propose(
            catalog.get("jp_equivalent_measures"),
            regime,
            engine_text(
                "{0} The exporter must check the measures and the foreign system about once a year.", why
            ),
            preferred=True,
        )
        out += _propose(
            catalog.get("jp_consent"),
            regime,
            "The data subject's prior consent, after being told the country name, its protection system "
            "and the recipient's measures.",
        )
    elif regime == "BR":
        out += _propose(
            catalog.get("br_anpd_scc"),
            regime,
            "The ANPD standard clauses, incorporated verbatim.",
            preferred=not group,
        )
        if group:
            out += _propose(
                catalog.get("br_global_corporate_rules"),
                regime,
                "Group transfers can rest on ANPD-approved global corporate rules.",
                preferred=True,
            )
        out += _propose(catalog.get("br_specific_clauses"), regime, "Clauses approved by the ANPD.")
        out += _propose(
            catalog.get("br_derog_consent"),
            regime,
            "The data subject's specific and highlighted consent, informed of the transfer's international "
            "character (LGPD Art. 33(VIII)); the LGPD does not limit it to occasional transfers.",
        )
    else:
        for tool in catalog.for_regime(regime):
            if tool.kind not in (ToolKind.ADEQUACY, ToolKind.DEROGATION):
                out += _propose(
                    tool, regime, engine_text("A transfer tool listed for {0}.", check.regime_name)
                )
    if facts.frequency is Frequency.ONE_OFF and not facts.large_volume:
        for tool in catalog.for_regime(regime):
            if tool.kind is ToolKind.DEROGATION and not public_powers.closes(facts, tool):
                out += _propose(
                    tool,
                    regime,
                    "Possible because the transfer is one-off and not large, if its condition is met.",
                )
    return out


def _derogation_warnings(facts: TransferFacts, choice: ToolChoice, tool: ToolDef) -> list[ToolWarning]:
    """A derogation used beyond what its text allows, and its conditions not (yet) confirmed."""
    regime = choice.regime
    out: list[ToolWarning] = []
    continuous = facts.frequency is Frequency.CONTINUOUS
    limit = tool.frequency_limit
    if limit in (FrequencyLimit.OCCASIONAL, FrequencyLimit.NOT_REPETITIVE) and continuous:
        out.append(
            ToolWarning(
                "derogation_not_occasional",
                regime,
                engine_text(
                    "{0} fits only occasional, non-repetitive transfers; this transfer is continuous. "
                    "Use a safeguard such as SCCs instead.",
                    tool.name_en,
                ),
            )
        )
    if limit is FrequencyLimit.NOT_REPETITIVE and facts.large_volume:
        out.append(
            ToolWarning(
                "derogation_not_limited",
                regime,
                engine_text(
                    "{0} covers only a limited number of data subjects; this transfer is large. Use a "
                    "safeguard such as SCCs instead.",
                    tool.name_en,
                ),
            )
        )
    elif limit is FrequencyLimit.OCCASIONAL and facts.large_volume and not continuous:
        out.append(
            ToolWarning(
                "derogation_large_volume",
                regime,
                engine_text(
                    "{0} is read restrictively; for a large transfer, check that every record sent is "
                    "necessary for the purpose the derogation names.",
                    tool.name_en,
                ),
            )
        )
    if limit is FrequencyLimit.EXCEPTIONAL and continuous:
        if choice.systematic_reason.strip():
            out.append(
                ToolWarning(
                    "derogation_systematic_justified",
                    regime,
                    engine_text(
                        "{0} is used for a continuous transfer; derogations must not become the rule. The "
                        "assessor's reason for the reviewer: {1}",
                        tool.name_en,
                        choice.systematic_reason.strip(),
                    ),
                )
            )
        else:
            out.append(
                ToolWarning(
                    "derogation_systematic_unjustified",
                    regime,
                    engine_text(
                        "{0} is used for a continuous transfer; derogations are exceptions and must not "
                        "become the rule. Use a safeguard such as SCCs, or record why this use stays "
                        "exceptional.",
                        tool.name_en,
                    ),
                )
            )
    for condition in tool.conditions:
        if condition.code not in choice.conditions_met:
            out.append(
                ToolWarning(
                    "derogation_condition_unconfirmed",
                    regime,
                    engine_text("Confirm this condition of {0}: {1}", tool.name_en, condition.text_en),
                )
            )
    return out


def appi_consent_information(destination: Destination) -> ConsentInformation:
    """The information items for APPI consent, from the destination's AppiInfo; lists what is missing."""
    info = destination.appi
    missing: list[str] = []
    if info is None:
        return ConsentInformation(
            destination.name_en,
            destination.name_ja,
            "",
            (),
            (),
            "",
            ("the country data has no APPI information for this destination",),
        )
    if info.has_protection_system is None:
        missing.append("whether the country has a personal-information protection system")
    if info.has_protection_system is False:
        system = "The country has no general personal-information protection system."
    else:
        system = info.system_summary
        if not system:
            missing.append("a summary of the country's protection system")
    indicators: list[str] = []
    if info.cbpr:
        indicators.append(engine_text("Cross-Border Privacy Rules (CBPR): {0}.", info.cbpr))
    if info.oecd_principles_covered:
        indicators.append(
            engine_text("OECD principles covered: {0}.", oecd.english_names(info.oecd_principles_covered))
        )
    if info.oecd_gaps:
        indicators.append(engine_text("Gaps against the OECD principles: {0}", info.oecd_gaps))
    if not info.cbpr and not info.oecd_principles_covered and not info.oecd_gaps:
        missing.append("the OECD eight principles coverage (or CBPR participation)")
    affecting = tuple(x for x in (info.localisation_duties, info.government_cooperation_duties) if x)
    if not info.verified:
        missing.append("verification of the APPI information (marked unverified)")
    return ConsentInformation(
        destination.name_en,
        destination.name_ja,
        system,
        tuple(indicators),
        affecting,
        "",
        tuple(missing),
    )


def check_tool_choices(
    facts: TransferFacts,
    destination: Destination,
    pre: PrecheckResult,
    choices: Sequence[ToolChoice],
    catalog: ToolCatalog,
    regime_names: Mapping[str, str] | None = None,
) -> tuple[ToolWarning, ...]:
    """Warnings where a chosen tool does not fit the transfer; regimes by `regime_names`, never by code."""
    warnings: list[ToolWarning] = []
    for choice in choices:
        warnings.extend(_check_one(facts, destination, pre, choice, catalog, regime_names or {}))
    return tuple(warnings)


def _check_one(
    facts: TransferFacts,
    destination: Destination,
    pre: PrecheckResult,
    choice: ToolChoice,
    catalog: ToolCatalog,
    names: Mapping[str, str],
) -> list[ToolWarning]:
    regime = choice.regime
    name = names.get(regime, regime)
    tool = catalog.get(choice.tool)
    if tool is None:
        return [
            ToolWarning(
                "unknown_tool",
                regime,
                "The chosen transfer tool is no longer in the catalogue.",  # its code is never shown
            )
        ]
    out: list[ToolWarning] = []
    check = pre.check_for(regime)
    if check is None or not check.is_transfer:
        out.append(
            ToolWarning(
                "regime_not_applicable",
                regime,
                engine_text(
                    "{0} was chosen for {1}, but {2} does not apply to this transfer (not a transfer "
                    "under it).",
                    tool.name_en,
                    name,
                    name,
                ),
            )
        )
    if tool.regime != regime:
        other = names.get(tool.regime, tool.regime)
        out.append(
            ToolWarning(
                "tool_of_other_regime",
                regime,
                engine_text("{0} is a tool of {1}, not of {2}.", tool.name_en, other, name),
            )
        )
    out.extend(_derogation_warnings(facts, choice, tool))
    closed = public_powers.choice_problem(facts, tool)
    if closed is not None:
        out.append(ToolWarning(closed[0], regime, closed[1]))
    if (
        facts.importer_gdpr_art3_2
        and tool.regime == "EU"
        and (tool.scc_module is not None or tool.code == "eu_intragroup")
    ):
        out.append(
            ToolWarning(
                "scc_not_designed_for_art3_2_importer",
                regime,
                engine_text(
                    "{0}: the 2021 SCCs are not designed for an importer whose processing is itself "
                    "subject to the GDPR under Art. 3(2) (Decision (EU) 2021/914, recital 7; "
                    "Commission SCC Q&A). Record this; until the Commission adopts the additional "
                    "clauses it announced for this case, keep a Chapter V tool (the 2021 SCCs, whose "
                    "Clause 2 allows nothing that contradicts them, or another Art. 46 tool) and "
                    "document why it was chosen.",
                    tool.name_en,
                ),
            )
        )
    if tool.kind is ToolKind.ADEQUACY:
        entry = destination.status_under(regime)
        if entry is None or entry.status is AdequacyStatus.NOT_ADEQUATE:
            out.append(
                ToolWarning(
                    "not_adequate",
                    regime,
                    engine_text(
                        "{0} is not adequate under {1}; the adequacy route is not available.",
                        destination.name_en,
                        name,
                    ),
                )
            )
        elif (
            entry.status is AdequacyStatus.PARTIAL
            and check is not None
            and (check.route is not Route.PARTIAL_CONFIRMED)
        ):
            cert = catalog.certification_for(destination.code, regime)
            if cert is not None:
                out.append(
                    ToolWarning(
                        "importer_not_certified",
                        regime,
                        engine_text(
                            "The adequacy route for {0} under {1} covers only organisations certified under "
                            "the {2}; the importer is not recorded as certified.",
                            destination.name_en,
                            name,
                            cert.certification,
                        ),
                    )
                )
            else:
                out.append(
                    ToolWarning(
                        "partial_condition_unconfirmed",
                        regime,
                        engine_text(
                            "{0} is adequate under {1} only if {2} holds; confirm the condition for this "
                            "importer or choose another tool.",
                            destination.name_en,
                            name,
                            entry.condition or "its condition",
                        ),
                    )
                )
    expected = scc_module(facts.exporter_role, facts.importer_role)
    if tool.scc_module is not None and tool.scc_module != expected:
        out.append(
            ToolWarning(
                "scc_module_mismatch",
                regime,
                engine_text(
                    "{0} does not match the roles ({1} to {2}); use Module {3}.",
                    tool.name_en,
                    facts.exporter_role.value,
                    facts.importer_role.value,
                    expected,
                ),
            )
        )
    return out
