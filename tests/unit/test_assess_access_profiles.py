"""Issue #16, 2: the government-access profiles added for TW, PH, VN, TH, MY, ID, MX and SA, through `transfer-tool
assess` over the shipped country data.

Each scenario follows EDPB Recommendations 01/2020: step 3 assesses whether a law of the destination that fails
the European Essential Guarantees reaches this importer and this data (paras 43-44, Annex 3); use case 6 (a
processor needing the data in the clear, Annex 2) has no effective supplementary measure when such a law applies,
so an EU exporter must not transfer (CJEU C-311/18). Under the APPI the same law is a matter for the yearly check
of PPC Rules Art. 18(1). Each case names the provision it rests on; docs/legal-notes.md (#16) has the readings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.unit.assess_support import codes, facts, one

# destination -> (the problematic law that reaches a cloud or communications processor, why, its provision,
#                 an importer type it does not reach and why)
CASES: dict[str, tuple[str, str, str, str]] = {
    "TW": (
        "cssa_art7",
        "a hosting provider whose users include foreign targets of the national intelligence agency",
        "Communication Security and Surveillance Act Art. 7 (law.moj.gov.tw, pcode K0060044)",
        "a payroll bureau offering no communications service",
    ),
    "PH": (
        "ra11479",
        "an internet service provider that can be ordered to produce customer information",
        "Anti-Terrorism Act of 2020 (RA 11479) s.16-17 (officialgazette.gov.ph)",
        "a manufacturer's own HR department, not a telecommunications or internet service provider",
    ),
    "VN": (
        "cyber2018_26",
        "a cloud provider serving users in Vietnam, bound to give user information on the police's written request",
        "Law on Cybersecurity No. 24/2018/QH14 Art. 26(2)(a) (vbpl.vn)",
        "",
    ),
    "TH": (
        "cca2550",
        "a data-storage service provider that must hand over traffic data without a court order",
        "Computer-Related Crime Act B.E. 2550 s.18(1)-(3) (ratchakitcha.soc.go.th)",
        "",
    ),
    "MY": (
        "cma252",
        "an applications service provider whose communications the Public Prosecutor may have intercepted",
        "Communications and Multimedia Act 1998 s.252 (lom.agc.gov.my)",
        "",
    ),
    "ID": (
        "kominfo5_2020",
        "a private electronic system operator that must open its systems to ministries and the police",
        "MOCI Regulation 5/2020 Art. 21 and 36(5) (jdih.kominfo.go.id)",
        "",
    ),
    "MX": (
        "telecom_collab",
        "an application provider bound to comply with every written, reasoned order of the competent authority",
        "Ley en Materia de Telecomunicaciones y Radiodifusión 2025, Art. 182 (diputados.gob.mx)",
        "",
    ),
    "SA": (
        "pdpl_public",
        "a controller that must disclose data to a public entity for security purposes",
        "Personal Data Protection Law Art. 15(3) (laws.boe.gov.sa)",
        "",
    ),
}


def _problematic_keys(result: dict[str, Any]) -> list[str]:
    return sorted(
        m["field"].split(".")[1]
        for m in result["missing"]
        if m["field"].startswith("law_practice.") and m["field"].endswith(".applies")
    )


def _answers(code: str, applies: bool) -> list[dict[str, Any]]:
    key, why, _, _ = CASES[code]
    return [{"law_key": key, "applies": applies, "reasoning": why}]


@pytest.mark.parametrize("code", sorted(CASES))
def test_the_profile_asks_about_its_laws_instead_of_documented_research(tmp_path: Path, code: str) -> None:
    """EDPB Recs 01/2020 paras 43-44: with a profile, the assessor answers whether each problematic law reaches
    the importer; "no problematic law" alone no longer needs the research sources of an unprofiled country."""
    no_law = {"conclusion": "no_problematic_law", "conclusion_reasoning": "none known"}
    result = one(tmp_path, {"facts": facts("FR", code, importer_role="processor"), "law_practice": no_law})
    fields = [m["field"] for m in result["missing"]]
    assert "law_practice.research_sources" not in fields
    assert CASES[code][0] in _problematic_keys(result)


@pytest.mark.parametrize("code", sorted(CASES))
def test_a_law_reaching_a_processor_in_the_clear_means_do_not_transfer_under_the_gdpr(
    tmp_path: Path, code: str
) -> None:
    """EDPB Recs 01/2020 Annex 2 use case 6 and CJEU C-311/18: the law named in CASES reaches the importer, the
    data is in the clear, no supplementary measure is effective."""
    lp = {
        "laws": _answers(code, True),
        "conclusion": "measures_needed",
        "conclusion_reasoning": CASES[code][2],
    }
    result = one(tmp_path, {"facts": facts("FR", code, importer_role="processor"), "law_practice": lp})
    assert result["recommendation"]["conclusion"] == "do_not_transfer"
    assert "use_case_6_7_no_effective_measure" in codes(result["recommendation"]["reasons"])


@pytest.mark.parametrize("code", sorted(CASES))
def test_under_the_appi_the_same_law_is_for_the_yearly_check(tmp_path: Path, code: str) -> None:
    """APPI Art. 28(3), PPC Rules Art. 16 and 18(1): under equivalent measures the exporter checks the foreign
    system each year and stops when implementation becomes difficult; the law is recorded, not a refusal."""
    lp = {
        "laws": _answers(code, True),
        "conclusion": "measures_needed",
        "conclusion_reasoning": CASES[code][2],
    }
    tools = [{"regime": "JP", "tool": "jp_equivalent_measures", "justification": "DPA with the APPI items"}]
    result = one(
        tmp_path,
        {"facts": facts("JP", code, importer_role="processor"), "tools": tools, "law_practice": lp},
    )
    assert result["recommendation"]["conclusion"] == "proceed"
    assert codes(result["recommendation"]["reasons"]) == ["appi_foreign_system_monitored"]


@pytest.mark.parametrize("code", [c for c, case in sorted(CASES.items()) if case[3]])
def test_a_law_that_does_not_reach_the_importer_type_leaves_the_transfer_open(
    tmp_path: Path, code: str
) -> None:
    """EDPB Recs 01/2020 para 43.1: only the laws that apply to *this* importer and data count; here each
    problematic law of the profile is answered with why it does not reach the importer type."""
    first = one(tmp_path, {"facts": facts("FR", code, importer_role="processor")})
    reason = CASES[code][3]
    lp = {
        "laws": [{"law_key": k, "applies": False, "reasoning": reason} for k in _problematic_keys(first)],
        "conclusion": "no_problematic_law",
        "conclusion_reasoning": reason,
    }
    tools = [{"regime": "EU", "tool": "eu_scc_m2", "justification": "processing agreement"}]
    result = one(
        tmp_path,
        {"facts": facts("FR", code, importer_role="processor"), "tools": tools, "law_practice": lp},
    )
    assert result["recommendation"]["conclusion"] == "proceed"
    assert codes(result["recommendation"]["reasons"]) == ["no_problematic_law"]
    assert not [m for m in result["missing"] if m["field"].startswith("law_practice.")]
