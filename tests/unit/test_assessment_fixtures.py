"""Hand-built country data and records for the assessment tests (no shipped country data is read).

Kept in a test_* module because the assessment helper owns only those names; it holds no tests itself.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from transfer_tool.assessment.context import AssessmentContext
from transfer_tool.assessment.measures import MeasureCatalog, load_measure_catalog
from transfer_tool.assessment.precheck import PrecheckResult, RegimeCheck
from transfer_tool.assessment.record import (
    AcceptanceItems,
    AssessmentRecord,
    ChosenMeasure,
    ConclusionRecord,
    LawAssessment,
    LawPracticeStep,
    MeasureStatus,
    RegimeSelection,
    StepConclusion,
    ToolChoice,
    TransferFacts,
)
from transfer_tool.assessment.tool_catalog import ToolCatalog, load_tool_catalog
from transfer_tool.countries.model import AccessLaw, AppiInfo, Destination, Regime, RegimeEntry
from transfer_tool.domain import AdequacyStatus, Conclusion, DataFormat, KeyHolder, PartyRole

EEA = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
        "IS",
        "LI",
        "NO",
    ]
)
A, P, N, IN = (
    AdequacyStatus.ADEQUATE,
    AdequacyStatus.PARTIAL,
    AdequacyStatus.NOT_ADEQUATE,
    AdequacyStatus.INSIDE,
)


def regimes() -> tuple[Regime, ...]:
    return (
        Regime("EU", "EU GDPR", "EU一般データ保護規則", EEA, EEA),
        Regime("UK", "UK GDPR", "英国GDPR", frozenset({"GB"}), frozenset({"GB"})),
        Regime("CH", "Swiss FADP", "スイス連邦データ保護法", frozenset({"CH"}), frozenset({"CH"})),
        Regime("JP", "Japan APPI", "個人情報保護法", frozenset({"JP"}), frozenset({"JP"})),
        Regime("BR", "Brazil LGPD", "ブラジルLGPD", frozenset({"BR"}), frozenset({"BR"})),
    )


FISA = AccessLaw(
    "fisa702", "FISA Section 702", True, "B and D fail for non-US persons", ("https://example.org/fisa",)
)
EO = AccessLaw("eo12333", "EO 12333", True, "bulk collection outside the US", ())
CLOUD = AccessLaw("cloud_act", "CLOUD Act", False, "warrant-based, challengeable", ())


def us(**changes: Any) -> Destination:
    dpf = "DPF-certified organisations only"
    return Destination(
        code="US",
        name_en="United States",
        name_ja="米国",
        regimes={
            "EU": RegimeEntry("EU", P, condition=dpf, instrument="(EU) 2023/1795"),
            "UK": RegimeEntry("UK", P, condition="UK Extension participants only", instrument="SI 2023/1028"),
            "CH": RegimeEntry("CH", P, condition="Swiss-US DPF only", instrument="AS 2024 435"),
            "JP": RegimeEntry("JP", N),
            "BR": RegimeEntry("BR", N),
        },
        access_laws=(FISA, EO, CLOUD),
        appi=AppiInfo(
            has_protection_system=True,
            system_summary="No comprehensive federal law; sectoral laws and state laws (e.g. California CCPA).",
            oecd_principles_covered=("security safeguards", "openness"),
            oecd_gaps="No general purpose-limitation duty at federal level.",
            cbpr="APEC CBPR",
            government_cooperation_duties="FISA 702 directives to electronic communication service providers.",
            sources=("https://www.ppc.go.jp/enforcement/infoprovision/laws/offshore_report_america/",),
        ),
        version=7,
        **changes,
    )


def japan() -> Destination:
    return Destination(
        code="JP",
        name_en="Japan",
        name_ja="日本",
        regimes={
            "EU": RegimeEntry("EU", A, instrument="(EU) 2019/419"),
            "UK": RegimeEntry("UK", A, instrument="DPA 2018 Sch. 21 para 5(2)(m)"),
            "CH": RegimeEntry("CH", N, notes="not on DPO Annex 1"),
            "JP": RegimeEntry("JP", IN),
        },
        access_laws=(AccessLaw("jp_cco", "Code of Criminal Procedure (warrants)", False, "court warrants"),),
    )


def japan_adequate_under_ch() -> Destination:
    d = japan()
    regs = dict(d.regimes)
    regs["CH"] = RegimeEntry("CH", A, instrument="hypothetical future listing")
    return Destination(d.code, d.name_en, d.name_ja, regimes=regs, access_laws=d.access_laws)


def china() -> Destination:
    return Destination(
        code="CN",
        name_en="China",
        name_ja="中国",
        regimes={"EU": RegimeEntry("EU", N), "JP": RegimeEntry("JP", N), "CH": RegimeEntry("CH", N)},
        access_laws=(
            AccessLaw(
                "nil", "National Intelligence Law Art. 7", True, "duty to support intelligence work; A-D fail"
            ),
        ),
        appi=AppiInfo(
            has_protection_system=True,
            system_summary="PIPL (2021) is a comprehensive personal-information law.",
            oecd_principles_covered=("collection limitation", "purpose specification"),
            localisation_duties="CIIOs and large processors must store data in China.",
            government_cooperation_duties="National Intelligence Law Art. 7.",
        ),
    )


def germany() -> Destination:
    return Destination(
        code="DE",
        name_en="Germany",
        name_ja="ドイツ",
        regimes={"EU": RegimeEntry("EU", IN), "JP": RegimeEntry("JP", A), "CH": RegimeEntry("CH", A)},
    )


def tool_catalog() -> ToolCatalog:
    return load_tool_catalog()


def measure_catalog() -> MeasureCatalog:
    return load_measure_catalog()


def context(destination: Destination) -> AssessmentContext:
    return AssessmentContext(destination, regimes(), tool_catalog(), measure_catalog())


def fr_to_us_facts(**changes: Any) -> TransferFacts:
    base = TransferFacts(
        exporter_country="FR",
        importer_country="US",
        destination="US",
        exporter_role=PartyRole.CONTROLLER,
        importer_role=PartyRole.PROCESSOR,
        data_subjects_count=12_000,
        data_categories=("customer_contact", "purchase_history"),
        format_in_transit=DataFormat.ENCRYPTED,
        format_at_rest=DataFormat.CLEAR,
        key_holder=KeyHolder.IMPORTER,
        storage_countries=("US",),
        importer_needs_clear_data=True,
    )
    import dataclasses

    return dataclasses.replace(base, **changes)


# Issue 18: the DPO's and the pre-TIA questions a full assessment's conclusion rests on, answered.
COMPLETE_ACCEPTANCE = AcceptanceItems(
    anonymisation="Support needs the customer's identity; only the ticket fields are sent.",
    performed_by="Legal with the DPO; the importer answered the questionnaire.",
    framework="No general federal data-protection law; the FTC enforces sector rules.",
    redress="Courts and the FTC; the DPF Redress Mechanism for EU data subjects.",
    tool_enforceable=True,
    tool_enforceability="The SCCs are a contract enforceable in US courts.",
)


def complete_fr_us_record() -> AssessmentRecord:
    """A complete FR → US (uncertified processor) assessment with measures in place."""
    return AssessmentRecord(
        facts=fr_to_us_facts(),
        regimes=RegimeSelection(applied=("EU",)),
        tools=(ToolChoice("EU", "eu_scc_m2", "controller to processor; importer not DPF-certified"),),
        law_practice=LawPracticeStep(
            laws=(
                LawAssessment("fisa702", True, "importer is an electronic communication service provider"),
                LawAssessment(
                    "eo12333", False, "no transit through cables abroad; data stays in US data centres"
                ),
            ),
            conclusion=StepConclusion.MEASURES_NEEDED,
            conclusion_reasoning="FISA 702 reaches the importer",
        ),
        measures=(
            ChosenMeasure("contract_transparency", MeasureStatus.IN_PLACE, "Legal", None),
            ChosenMeasure("org_data_minimisation", MeasureStatus.IN_PLACE, "IT", None),
        ),
        conclusion=ConclusionRecord(Conclusion.DO_NOT_TRANSFER, Conclusion.DO_NOT_TRANSFER),
        acceptance=COMPLETE_ACCEPTANCE,
    )


TODAY = dt.date(2026, 11, 26)
NOW = dt.datetime(2026, 11, 26, 10, 0, tzinfo=dt.UTC)


def checked(pre: PrecheckResult, regime: str) -> RegimeCheck:
    """The pre-check of this regime, which the test expects to be there."""
    check = pre.check_for(regime)
    assert check is not None, f"no pre-check for {regime}"
    return check
