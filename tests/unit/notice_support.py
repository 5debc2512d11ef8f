"""A register of several regimes and routes for the privacy-notice tests (issue #24), made through the
real services: entities, transfers, assessments filled, submitted and approved (with a signed stand-in).

| ref | exporter | destination | regime: tool | recipient shown by |
|---|---|---|---|---|
| eu_us | DE | US | EU: SCC module 2 | category (confidential name) |
| eu_jp | DE | JP | EU: adequacy | name (group company) |
| eu_in | DE | IN | EU: planned (draft) | name |
| uk_in | GB | IN | UK: IDTA | name |
| ch_gb | CH | GB | CH: adequacy (two tests un-tick the entry to see it marked unverified) | category |
| jp_us | JP | US | JP: equivalent measures (APEC CBPR) | category (confidential name) |
| jp_sg | JP | SG | JP: consent | omitted (confidential name) |
| jp_de | JP | DE | JP: PPC-recognised country | name (group company) |
| jp_in | JP | IN | JP: planned (no assessment) | name |
| br_de | BR | DE | BR: adequacy | name (group company) |
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from tests import approval_support, factories
from tests.unit.test_assessment_fixtures import COMPLETE_ACCEPTANCE
from transfer_tool.accounts.permissions import Actor
from transfer_tool.assessment import service
from transfer_tool.assessment.record import (
    AddedRegime,
    ChosenMeasure,
    ConclusionRecord,
    ConditionConfirmation,
    LawAssessment,
    LawPracticeStep,
    MeasureStatus,
    ScopeAnswer,
    StepConclusion,
    ToolChoice,
)
from transfer_tool.countries import store as countries
from transfer_tool.domain import Conclusion, NoticeName, PartyRole
from transfer_tool.notice import service as notice
from transfer_tool.register import transfers
from transfer_tool.storage.database import Database

TODAY = dt.date(2026, 12, 1)
CONFIDENTIAL = ("Cloud Desk Inc.", "Singapore Payroll Pte. Ltd.")
NAMED = ("Bangalore Dev Pvt Ltd", "Net Japan Co., Ltd.", "Net Japan Europe GmbH")


@dataclass
class Register:
    refs: dict[str, str]  # short key -> transfer reference
    ids: dict[str, int]  # short key -> transfer id
    entity_ids: dict[str, int]  # entity name -> id


def _scope_answers(db: Database, code: str, tools: dict[str, str]) -> tuple[ScopeAnswer, ...]:
    """'Yes' to each question that decides a scope limit of the destination's adequacy (e.g. the importer
    is a business operator under the APPI), so an adequacy route stays open for these notice tests."""
    destination = countries.get_destination(db, code)
    return tuple(
        ScopeAnswer(regime, limit.code, True)
        for regime in tools
        if (entry := destination.status_under(regime)) is not None
        for limit in entry.scope_limits
    )


def approve_transfer(
    db: Database,
    legal: Actor,
    manager: Actor,
    transfer_id: int,
    tools: dict[str, str],
    conclusion: Conclusion | None = None,
) -> service.AssessmentView:
    """Start, answer, submit and approve an assessment choosing `tools` (regime -> tool code), concluding
    the tool's recommendation unless `conclusion` is given."""
    a = service.latest_for_transfer(db, transfer_id) or service.start_assessment(db, legal, transfer_id)
    laws = tuple(
        LawAssessment(x.law_key, False, "Does not reach this importer or this data.")
        for x in a.record.law_practice.laws
    )
    regimes = a.record.regimes
    missing_regimes = tuple(AddedRegime(r, "The importer passes on the exporter's data.") for r in tools)
    regimes = dataclasses.replace(
        regimes, added=regimes.added + tuple(x for x in missing_regimes if x.regime not in regimes.codes())
    )  # a sub-recipient's exporter (the importer) is under no regime of its own
    record = dataclasses.replace(
        a.record,
        regimes=regimes,
        tools=tuple(ToolChoice(r, t, "Chosen for the notice tests.") for r, t in tools.items()),
        confirmed_conditions=tuple(ConditionConfirmation(r, "Condition confirmed.") for r in tools),
        scope_answers=_scope_answers(db, a.record.facts.destination, tools),
        law_practice=LawPracticeStep(
            laws=laws,
            conclusion=StepConclusion.NO_PROBLEMATIC_LAW,
            conclusion_reasoning="No problematic law reaches the importer.",
        ),
        measures=(ChosenMeasure("tech_transport_e2e_encryption", MeasureStatus.IN_PLACE, "IT"),),
        # a UK exporter's data protection test too (the register has one)
        acceptance=dataclasses.replace(
            COMPLETE_ACCEPTANCE, uk_test_met=True, uk_test_reasoning="The IDTA and the measures keep it."
        ),
    )
    a = service.save_draft(db, legal, a.id, record, a.row_version)
    ev = service.evaluate_assessment(db, a.id, TODAY)
    chosen = ConclusionRecord(chosen=ev.recommendation)
    if conclusion is not None and conclusion is not ev.recommendation:
        chosen = ConclusionRecord(chosen=conclusion, reason="The exporter decided otherwise for the test.")
    record = dataclasses.replace(a.record, conclusion=chosen)
    a = service.save_draft(db, legal, a.id, record, a.row_version)
    missing = service.evaluate_assessment(db, a.id, TODAY).missing
    assert not missing, [str(g) for g in missing]
    a = service.submit(db, legal, a.id, TODAY)
    return approval_support.approve(db, manager, a.id, TODAY)


def build_register(db: Database, admin: Actor, legal: Actor, manager: Actor) -> Register:
    def entity(name: str, country: str, mode: NoticeName, **kw: object) -> int:
        e = factories.entity(db, legal, name, country, **kw)
        if mode is not NoticeName.CATEGORY:
            notice.set_notice_name(db, admin, e.id, mode)
        return e.id

    ent = {
        "jp": entity("Net Japan Co., Ltd.", "JP", NoticeName.NAME, is_group_company=True),
        "de": entity("Net Japan Europe GmbH", "DE", NoticeName.NAME, is_group_company=True),
        "gb": entity("Net Japan UK Ltd", "GB", NoticeName.NAME, is_group_company=True),
        "ch": entity("Net Japan Schweiz AG", "CH", NoticeName.NAME, is_group_company=True),
        "br": entity("Net Japan Brasil Ltda", "BR", NoticeName.NAME, is_group_company=True),
        "us": entity("Cloud Desk Inc.", "US", NoticeName.CATEGORY, certifications=("APEC CBPR",)),
        "in": entity("Bangalore Dev Pvt Ltd", "IN", NoticeName.NAME),
        "sg": entity("Singapore Payroll Pte. Ltd.", "SG", NoticeName.OMITTED),
        "uk_host": entity("London Hosting Ltd", "GB", NoticeName.CATEGORY),
    }
    plan = {
        # key: (exporter, importer, destination, recipient type, purposes, tools or None = planned)
        "eu_us": ("de", "us", "US", "subcontractor", ("respond_requests",), {"EU": "eu_scc_m2"}),
        "eu_jp": ("de", "jp", "JP", "group_company", ("manage_contracts",), {"EU": "eu_adequacy"}),
        "eu_in": ("de", "in", "IN", "subcontractor", ("respond_requests",), "draft"),
        "uk_in": ("gb", "in", "IN", "subcontractor", ("respond_requests",), {"UK": "uk_idta"}),
        "ch_gb": ("ch", "uk_host", "GB", "subcontractor", ("manage_contracts",), {"CH": "ch_adequacy"}),
        "jp_us": ("jp", "us", "US", "subcontractor", ("respond_requests",), {"JP": "jp_equivalent_measures"}),
        "jp_sg": ("jp", "sg", "SG", "subcontractor", ("manage_contracts",), {"JP": "jp_consent"}),
        "jp_de": ("jp", "de", "DE", "group_company", ("manage_contracts",), {"JP": "jp_recognised_country"}),
        "jp_in": ("jp", "in", "IN", "subcontractor", ("respond_requests",), None),
        "br_de": ("br", "de", "DE", "group_company", ("manage_contracts",), {"BR": "br_adequacy"}),
    }
    refs: dict[str, str] = {}
    ids: dict[str, int] = {}
    for key, (exp, imp, dest, rtype, purposes, tools) in plan.items():
        t = transfers.create_transfer(
            db,
            legal,
            factories.transfer_input(
                ent[exp],
                ent[imp],
                dest,
                title=f"Notice test {key}",
                recipient_type=rtype,
                purposes=purposes,
                volume=1000,
                exporter_role=PartyRole.CONTROLLER,
                importer_role=PartyRole.PROCESSOR,
            ),
        )
        refs[key], ids[key] = t.reference, t.id
        if tools == "draft":
            service.start_assessment(db, legal, t.id)
        elif isinstance(tools, dict):
            approve_transfer(db, legal, manager, t.id, tools)
    names = {
        "Net Japan Co., Ltd.": ent["jp"],
        "Cloud Desk Inc.": ent["us"],
        "Bangalore Dev Pvt Ltd": ent["in"],
        "Singapore Payroll Pte. Ltd.": ent["sg"],
    }
    return Register(refs, ids, names)
