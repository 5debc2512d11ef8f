"""Issue #16's rules, each through `transfer-tool assess` over the shipped country data, citing its source.

Every scenario is built from a case in the EDPB Recommendations 01/2020 (Annex 2), EDPB Guidelines 05/2021 and
2/2018, the ICO's transfer guidance or the adequacy decision named; docs/legal-notes.md (#16) has the readings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.unit.assess_support import codes, facts, one, regime, warning_codes

US_LAWS_APPLY = {
    "laws": [
        {"law_key": "fisa702", "applies": True, "reasoning": "the importer is a cloud provider (ECSP)"},
        {"law_key": "eo12333", "applies": True, "reasoning": "data in transit"},
        {"law_key": "nsl", "applies": False, "reasoning": "no subscriber records"},
    ],
    "conclusion": "measures_needed",
    "conclusion_reasoning": "FISA 702 reaches the importer",
}


def _missing_fields(result: dict[str, Any]) -> list[str]:
    return [m["field"] for m in result["missing"]]


# ---- 1.1 Art. 49 derogations: exceptions, per their own text ------------------------------------------


def test_contract_derogation_for_a_continuous_transfer_is_refused_and_blocks(tmp_path: Path) -> None:
    """GDPR Art. 49(1)(b), recital 111; EDPB Guidelines 2/2018 §2.2: "occasional" transfers only."""
    tool = {
        "regime": "EU",
        "tool": "eu_derog_contract",
        "justification": "hotel bookings",
        "conditions_met": ["necessary_for_contract"],
    }
    result = one(
        tmp_path, {"facts": facts("FR", "US", frequency="continuous", large_volume=True), "tools": [tool]}
    )
    eu = regime(result, "EU")
    assert eu["full_assessment_needed"] and "derogation_does_not_fit" in codes(eu["reasons"])
    assert warning_codes(result, blocking=True) == ["derogation_not_occasional"]
    assert result["recommendation"]["conclusion"] != "proceed"
    # Occasional, with its condition confirmed: a short record, nothing blocks.
    ok = one(tmp_path, {"facts": facts("FR", "US", frequency="one_off"), "tools": [tool]})
    assert not ok["full_assessment_needed"] and warning_codes(ok, blocking=True) == []
    assert ok["recommendation"]["conclusion"] == "proceed"


def test_explicit_consent_for_systematic_transfers_needs_a_reason_the_reviewer_sees(tmp_path: Path) -> None:
    """Art. 49(1)(a) has no "occasional" in its text, but EDPB Guidelines 2/2018 §1: derogations must not
    become the rule; §2.1.3: consent only after being informed of the risks of the transfer."""
    base = {"regime": "EU", "tool": "eu_derog_explicit_consent", "justification": "members agree"}
    t = {"facts": facts("FR", "US", frequency="continuous"), "tools": [base]}
    result = one(tmp_path, t)
    assert set(warning_codes(result, blocking=True)) == {
        "derogation_systematic_unjustified",
        "derogation_condition_unconfirmed",
    }
    unconfirmed = [w["text"] for w in result["warnings"] if w["code"] == "derogation_condition_unconfirmed"]
    assert any("informed of the possible risks" in w for w in unconfirmed)

    reason = "a patient registry abroad the members join individually; no SCC partner exists"
    justified = dict(base, systematic_reason=reason, conditions_met=["explicit", "informed_of_risks"])
    result = one(tmp_path, dict(t, tools=[justified]))
    assert warning_codes(result, blocking=True) == []
    shown = [w for w in result["warnings"] if w["code"] == "derogation_systematic_justified"]
    assert len(shown) == 1 and reason in shown[0]["text"] and not shown[0]["blocks_submission"]
    assert not result["full_assessment_needed"]


def test_compelling_interests_only_for_a_limited_number_of_people(tmp_path: Path) -> None:
    """Art. 49(1) second subparagraph: not repetitive, a limited number of data subjects."""
    tool = {"regime": "EU", "tool": "eu_derog_compelling_interests", "justification": "one-off"}
    result = one(
        tmp_path, {"facts": facts("FR", "US", frequency="one_off", large_volume=True), "tools": [tool]}
    )
    assert "derogation_not_limited" in warning_codes(result, blocking=True)
    assert "derogation_does_not_fit" in codes(regime(result, "EU")["reasons"])


def test_compelling_interests_are_the_last_resort_and_that_is_confirmed_too(tmp_path: Path) -> None:
    """GDPR Art. 49(1) second subparagraph (https://eur-lex.europa.eu/eli/reg/2016/679/oj): only "where a
    transfer could not be based on a provision in Article 45 or 46, including the provisions on binding
    corporate rules, and none of the derogations for a specific situation referred to in the first
    subparagraph of this paragraph is applicable"; EDPB Guidelines 2/2018 §2.8 (a last resort). UK GDPR
    Art. 49(1) keeps the same subparagraph."""
    others = [
        "not_repetitive",
        "limited_subjects",
        "compelling_interests",
        "safeguards_assessed",
        "authority_informed",
        "subjects_informed",
    ]
    for reg, exporter, code in (
        ("EU", "FR", "eu_derog_compelling_interests"),
        ("UK", "GB", "uk_derog_compelling_interests"),
    ):
        tool = {"regime": reg, "tool": code, "justification": "a one-off transfer", "conditions_met": others}
        t = {"facts": facts(exporter, "US", frequency="one_off", data_subjects_count=3), "tools": [tool]}
        result = one(tmp_path, t)
        unconfirmed = [
            w["text"] for w in result["warnings"] if w["code"] == "derogation_condition_unconfirmed"
        ]
        assert len(unconfirmed) == 1 and "last resort" in unconfirmed[0]
        assert warning_codes(result, blocking=True) == ["derogation_condition_unconfirmed"]
        confirmed = dict(tool, conditions_met=["no_other_route", *others])
        assert warning_codes(one(tmp_path, dict(t, tools=[confirmed])), blocking=True) == []


def test_lgpd_and_fadp_consent_are_not_limited_to_occasional_transfers(tmp_path: Path) -> None:
    """LGPD Art. 33(VIII) and FADP Art. 17(1)(a) set no frequency limit (unlike GDPR recital 111)."""
    br = one(
        tmp_path,
        {
            "facts": facts("BR", "US", frequency="continuous"),
            "tools": [
                {
                    "regime": "BR",
                    "tool": "br_derog_consent",
                    "justification": "app users",
                    "conditions_met": ["specific_highlighted"],
                }
            ],
        },
    )
    assert warning_codes(br, blocking=True) == [] and not br["full_assessment_needed"]
    ch = one(
        tmp_path,
        {
            "facts": facts("CH", "US", frequency="continuous"),
            "tools": [
                {
                    "regime": "CH",
                    "tool": "ch_derog_consent",
                    "justification": "members",
                    "conditions_met": ["express_consent"],
                }
            ],
        },
    )
    assert warning_codes(ch, blocking=True) == [] and not ch["full_assessment_needed"]
    assert "derogation_short_record" in codes(regime(ch, "CH")["reasons"])


# ---- 1.2 adequacy scope limits as data -----------------------------------------------------------------


def _jp(tmp_path: Path, exporter: str, answer: bool | None) -> dict[str, Any]:
    reg = "EU" if exporter == "DE" else "UK"
    t: dict[str, Any] = {"facts": facts(exporter, "JP", importer_role="controller")}
    if answer is not None:
        t["scope_answers"] = [{"regime": reg, "limit": "appi_pihbo", "answer": answer}]
    t["tools"] = [{"regime": reg, "tool": f"{reg.lower()}_adequacy", "justification": "Japan decision"}]
    return one(tmp_path, t)


def test_japan_is_adequate_only_for_appi_business_operators(tmp_path: Path) -> None:
    """(EU) 2019/419 Art. 1(1)-(2), recital 10; DPA 2018 Sch. 21 para 5(2)(m), 5(3): business operators
    under the APPI only, not public bodies or academia acting for academic purposes."""
    for exporter, reg in (("DE", "EU"), ("GB", "UK")):
        open_ = _jp(tmp_path, exporter, None)
        check = regime(open_, reg)
        assert check["route"] == "partial_unconfirmed" and check["full_assessment_needed"]
        assert [s["limit"] for s in check["scope_limits"]] == ["appi_pihbo"]
        assert "personal information handling business operator" in check["scope_limits"][0]["question"]
        assert "scope_limit_unanswered" in codes(check["reasons"])
        assert "partial_condition_unconfirmed" in warning_codes(open_, blocking=True)

        yes = _jp(tmp_path, exporter, True)
        assert regime(yes, reg)["route"] == "partial_confirmed" and not yes["full_assessment_needed"]
        assert warning_codes(yes, blocking=True) == []

        no = _jp(tmp_path, exporter, False)  # a Japanese university receiving data for research
        assert "scope_limit_not_met" in codes(regime(no, reg)["reasons"])
        assert regime(no, reg)["full_assessment_needed"]
        assert "partial_condition_unconfirmed" in warning_codes(no, blocking=True)


def test_dpf_certification_must_cover_hr_data(tmp_path: Path) -> None:
    """(EU) 2023/1795 Annex I, Supplemental Principle 9: HR data only under an HR-scope certification."""
    hr = facts("FR", "US", data_categories=["hr_records"], importer_certifications=["EU-US DPF"])
    open_ = one(tmp_path, {"facts": hr})
    assert "scope_limit_unanswered" in codes(regime(open_, "EU")["reasons"])
    no = one(
        tmp_path,
        {
            "facts": hr,
            "scope_answers": [
                {"regime": "EU", "limit": "dpf_hr_scope", "answer": False, "since": "2024-03-01"}
            ],
        },
    )
    assert regime(no, "EU")["route"] == "partial_unconfirmed"
    yes = one(
        tmp_path,
        {
            "facts": hr,
            "scope_answers": [
                {"regime": "EU", "limit": "dpf_hr_scope", "answer": True, "since": "2024-03-01"}
            ],
        },
    )
    assert regime(yes, "EU")["route"] == "partial_confirmed"
    customers = one(tmp_path, {"facts": facts("FR", "US", importer_certifications=["EU-US DPF"])})
    assert regime(customers, "EU")["route"] == "partial_confirmed"  # no HR data: no HR question
    assert regime(customers, "EU")["scope_limits"] == []


def test_korea_israel_canada_scope_limits_decide_the_route(tmp_path: Path) -> None:
    """(EU) 2022/254 Art. 1 (PIPA, carve-outs); 2011/61/EU Art. 1 (automated processing); 2002/2/EC Art. 1
    (PIPEDA)."""
    for dest, limit in (("KR", "pipa_scope"), ("IL", "automated_processing"), ("CA", "pipeda_applies")):
        open_ = one(tmp_path, {"facts": facts("FR", dest)})
        assert regime(open_, "EU")["route"] == "partial_unconfirmed", dest
        yes = one(
            tmp_path,
            {"facts": facts("FR", dest), "scope_answers": [{"regime": "EU", "limit": limit, "answer": True}]},
        )
        assert regime(yes, "EU")["route"] == "partial_confirmed", dest


def test_korea_under_the_uk_asks_only_whether_the_importer_is_subject_to_the_pipa(tmp_path: Path) -> None:
    """SI 2022/1213 reg. 2(2): adequacy for a transfer to a person in the Republic of Korea subject to the PIPA;
    unlike (EU) 2022/254 Art. 1(2), no religious, political or credit-information carve-out."""
    open_ = one(tmp_path, {"facts": facts("GB", "KR")})
    uk = regime(open_, "UK")
    assert uk["route"] == "partial_unconfirmed" and uk["full_assessment_needed"]
    [limit] = uk["scope_limits"]
    assert limit["limit"] == "pipa_person" and "missionary" not in limit["question"].split("(")[0]
    answer = {"regime": "UK", "limit": "pipa_person", "answer": True}
    yes = one(tmp_path, {"facts": facts("GB", "KR"), "scope_answers": [answer]})
    assert regime(yes, "UK")["route"] == "partial_confirmed"
    no = one(tmp_path, {"facts": facts("GB", "KR"), "scope_answers": [dict(answer, answer=False)]})
    assert regime(no, "UK")["full_assessment_needed"]


# ---- 1.3 where the data really goes -------------------------------------------------------------------


def test_importer_inside_the_eea_storing_in_a_third_country_assesses_that_country(tmp_path: Path) -> None:
    """EDPB Guidelines 05/2021 (example of an EEA processor using a third-country sub-processor) and
    Recommendations 01/2020 para 13: storage and remote access abroad are transfers to that country."""
    t = {"facts": facts("DE", "FR", importer_role="processor", storage_countries=["IN"])}
    result = one(tmp_path, t)
    eu = regime(result, "EU")
    assert result["is_transfer"] and eu["full_assessment_needed"]
    assert eu["destinations_to_assess"] == ["IN"] and "destination_to_assess" in codes(eu["reasons"])
    assert "facts.destination" in _missing_fields(result)
    # Judged as the destination it is: India's status and laws, no gap about the destination.
    judged = one(tmp_path, {"facts": dict(t["facts"], destination="IN")})
    assert judged["destination"] == "IN" and "facts.destination" not in _missing_fields(judged)
    assert regime(judged, "EU")["route"] == "no_adequacy"


def test_storage_inside_the_area_or_in_an_adequate_country_needs_no_full_assessment(tmp_path: Path) -> None:
    """Réunion is an EU outermost region (inside the EEA); Switzerland is adequate (2000/518/EC)."""
    inside = one(tmp_path, {"facts": facts("DE", "FR", storage_countries=["RE"])})
    assert not inside["is_transfer"]
    adequate = one(tmp_path, {"facts": facts("DE", "FR", storage_countries=["CH"])})
    eu = regime(adequate, "EU")
    assert adequate["is_transfer"] and not eu["full_assessment_needed"] and eu["route"] == "adequacy"
    assert "where_data_goes_adequate" in codes(eu["reasons"])
    why = [p["why"] for p in adequate["proposed_tools"] if p["tool"] == "eu_adequacy"]
    assert why and "France" not in why[0]  # the importer's own country is not what is adequate here


def test_remote_access_from_another_third_country_is_assessed_too(tmp_path: Path) -> None:
    """ICO guidance (making personal information accessible is a transfer); EDPB Recs 01/2020 para 13."""
    t = facts("FR", "US", importer_certifications=["EU-US DPF"], remote_access_countries=["IN"])
    result = one(tmp_path, {"facts": t})
    eu = regime(result, "EU")
    assert eu["route"] == "partial_confirmed" and eu["full_assessment_needed"]
    assert eu["destinations_to_assess"] == ["IN"]
    assert "other_destination_to_assess" in codes(eu["reasons"])
    assert "facts.destination" in _missing_fields(result)


def test_under_the_appi_the_recipients_country_decides_not_where_the_servers_are(tmp_path: Path) -> None:
    """APPI Art. 28(1); PPC Q&A 12-3 (https://www.ppc.go.jp/all_faq_index/faq1-q12-3/): storing personal data
    on a server abroad whose operator does not handle it is no provision to a third party in a foreign country
    (Art. 23 security measures, with knowledge of that country's system, still apply); Q&A 12-4
    (https://www.ppc.go.jp/all_faq_index/faq1-q12-4): a foreign operator handling the data is a foreign third
    party even with its servers in Japan. Unlike the GDPR's reading (the tests above), storage or access abroad
    does not make the APPI's transfer."""
    stored = one(
        tmp_path, {"facts": facts("JP", "JP", storage_countries=["US"], remote_access_countries=["IN"])}
    )
    jp = regime(stored, "JP")
    assert not jp["is_transfer"] and not jp["full_assessment_needed"] and jp["destinations_to_assess"] == []
    assert codes(jp["reasons"])[-2:] == ["appi_recipient_decides", "destination_inside"]
    told = next(r["text"] for r in jp["reasons"] if r["code"] == "appi_recipient_decides")
    assert "US, IN" in told and "Art. 23" in told
    # Judged against the storage country, the APPI still names the recipient's country, not the servers'.
    judged_us = one(tmp_path, {"facts": facts("JP", "JP", storage_countries=["US"], destination="US")})
    inside = next(r["text"] for r in regime(judged_us, "JP")["reasons"] if r["code"] == "destination_inside")
    assert inside.startswith("Japan is inside") and not regime(judged_us, "JP")["is_transfer"]
    # A recipient in the UK (PPC-recognised) storing in the US: the UK decides, so no full assessment.
    uk = regime(one(tmp_path, {"facts": facts("JP", "GB", storage_countries=["US"])}), "JP")
    assert uk["is_transfer"] and uk["route"] == "adequacy" and not uk["full_assessment_needed"]
    # A US recipient whose servers are in Japan: still a provision to a third party in a foreign country.
    us = regime(one(tmp_path, {"facts": facts("JP", "US", storage_countries=["JP"])}), "JP")
    assert us["is_transfer"] and us["route"] == "no_adequacy" and us["full_assessment_needed"]
    assert "appi_recipient_decides" not in codes(us["reasons"])
    # The EU reading is unchanged: a French exporter's importer in Japan storing in the US assesses the US.
    eu = regime(one(tmp_path, {"facts": facts("FR", "FR", storage_countries=["US"])}), "EU")
    assert eu["full_assessment_needed"] and eu["destinations_to_assess"] == ["US"]


# ---- 1.4 EDPB use cases 1-7 -----------------------------------------------------------------------------


def test_use_cases_2_to_5_are_reachable_from_the_facts(tmp_path: Path) -> None:
    """EDPB Recommendations 01/2020 Annex 2, use cases 2 (paras 85-89), 3 (90-91), 4 (92-93), 5 (94-95)."""
    pseud = {"importer_needs_clear_data": False, "format_at_rest": "pseudonymised", "key_holder": "exporter"}
    for extra, case in (
        (pseud, 2),
        ({"transit_only": True, "importer_needs_clear_data": False}, 3),
        ({"importer_protected_recipient": True}, 4),
        ({"split_processing": True}, 5),
    ):
        result = one(tmp_path, {"facts": facts("FR", "US", **extra)})
        assert result["use_cases"] == [case] and result["use_case_source"] == "derived"
    # Use case 2 with pseudonymisation in place: an effective measure, so proceed despite FISA 702.
    result = one(
        tmp_path,
        {
            "facts": facts("FR", "US", **pseud),
            "law_practice": US_LAWS_APPLY,
            "measures": [{"code": "tech_pseudonymisation", "status": "in_place"}],
        },
    )
    assert result["recommendation"]["conclusion"] == "proceed"
    assert codes(result["recommendation"]["reasons"]) == ["effective_measures"]


def test_an_open_use_case_is_picked_by_the_assessor_with_a_reason(tmp_path: Path) -> None:
    """Where the facts leave it open (pseudonymised data, the importer holds what re-identifies)."""
    f = facts(
        "FR", "US", importer_needs_clear_data=False, format_at_rest="pseudonymised", key_holder="importer"
    )
    open_ = one(tmp_path, {"facts": f, "law_practice": US_LAWS_APPLY})
    assert open_["use_cases"] == [] and "use_case_choice" in _missing_fields(open_)
    picked = one(
        tmp_path,
        {
            "facts": f,
            "law_practice": US_LAWS_APPLY,
            "use_case_choice": {"case": 6, "reason": "the importer re-identifies for support"},
        },
    )
    assert picked["use_cases"] == [6] and picked["use_case_source"] == "assessor"
    assert "use_case_choice" not in _missing_fields(picked)
    no_reason = one(tmp_path, {"facts": f, "law_practice": US_LAWS_APPLY, "use_case_choice": {"case": 6}})
    assert "use_case_choice.reason" in _missing_fields(no_reason)


# ---- 1.5 the refusal rule per regime ----------------------------------------------------------------------


def test_schrems_ii_refusal_is_eu_doctrine_appi_and_lgpd_have_their_own_logic(tmp_path: Path) -> None:
    """EU: CJEU C-311/18 and EDPB Recs 01/2020 use case 6 → do not transfer. APPI: PPC Rules Art. 16, 18
    (yearly check, stop when implementation becomes difficult). LGPD: Art. 33 with Resolution 19/2024."""
    eu = one(tmp_path, {"facts": facts("FR", "US", importer_role="processor"), "law_practice": US_LAWS_APPLY})
    assert eu["recommendation"]["conclusion"] == "do_not_transfer"
    assert "use_case_6_7_no_effective_measure" in codes(eu["recommendation"]["reasons"])

    jp_tool = [{"regime": "JP", "tool": "jp_equivalent_measures", "justification": "DPA with the APPI items"}]
    jp = one(
        tmp_path,
        {
            "facts": facts("JP", "US", importer_role="processor"),
            "tools": jp_tool,
            "law_practice": US_LAWS_APPLY,
        },
    )
    assert jp["recommendation"]["conclusion"] == "proceed"
    assert codes(jp["recommendation"]["reasons"]) == ["appi_foreign_system_monitored"]
    stop = one(
        tmp_path,
        {
            "facts": facts("JP", "US", importer_role="processor"),
            "tools": jp_tool,
            "law_practice": dict(US_LAWS_APPLY, appi_implementation_difficult=True),
        },
    )
    assert stop["recommendation"]["conclusion"] == "do_not_transfer"
    assert codes(stop["recommendation"]["reasons"]) == ["appi_stop_provision"]

    br = one(tmp_path, {"facts": facts("BR", "US", importer_role="processor"), "law_practice": US_LAWS_APPLY})
    assert br["recommendation"]["conclusion"] == "proceed"
    assert codes(br["recommendation"]["per_regime"][0]["reasons"]) == ["lgpd_access_risk_recorded"]


# ---- 1.6 a UK processor returning data to its controller -------------------------------------------------


def test_uk_processor_returning_data_to_its_controller_is_not_a_restricted_transfer(tmp_path: Path) -> None:
    """ICO, "Are we making a restricted transfer?" (guidance of 15 January 2026): the exporter must be
    initiating the transfer; a processor returning data to its controller is not. The EU view differs: the
    EDPB treats it as a transfer (SCC Module 4 exists for it)."""
    back = {"exporter_role": "processor", "importer_role": "controller", "returning_to_controller": True}
    uk = one(tmp_path, {"facts": facts("GB", "US", **back)})
    assert not uk["is_transfer"]
    assert "uk_processor_returns_to_controller" in codes(regime(uk, "UK")["reasons"])
    eu = one(tmp_path, {"facts": facts("FR", "US", **back)})
    assert eu["is_transfer"] and [p["tool"] for p in eu["proposed_tools"] if p["preferred"]] == ["eu_scc_m4"]


# ---- 1.7 an importer itself subject to the GDPR ------------------------------------------------------------


def test_importer_under_gdpr_art_3_2_is_still_a_transfer_and_the_scc_caveat_is_shown(tmp_path: Path) -> None:
    """EDPB Guidelines 05/2021 (criterion 3, example 5): still a transfer; Decision (EU) 2021/914 recital 7
    and the Commission's SCC Q&A: the 2021 SCCs are not designed for such importers."""
    t = {
        "facts": facts("FR", "US", importer_gdpr_art3_2=True),
        "tools": [{"regime": "EU", "tool": "eu_scc_m2", "justification": "SaaS contract"}],
    }
    result = one(tmp_path, t)
    assert result["is_transfer"]
    assert "importer_subject_to_gdpr_still_transfer" in codes(regime(result, "EU")["reasons"])
    assert "importer_subject_to_gdpr" in codes(result["notes"])
    assert warning_codes(result, blocking=False)[:1] == ["scc_not_designed_for_art3_2_importer"]
    assert "scc_not_designed_for_art3_2_importer" not in warning_codes(result, blocking=True)


# ---- 2. government access for every destination; the quantified-risk route -----------------------------


def test_no_profile_and_no_research_is_a_blocking_gap_not_a_proceed(tmp_path: Path) -> None:
    """EDPB Recommendations 01/2020 paras 43-44 and Annex 3: the assessment of the destination's laws rests on
    documented sources; a destination the country data does not profile (here Kenya) cannot be
    cleared by "no problematic law" alone."""
    no_law = {"conclusion": "no_problematic_law", "conclusion_reasoning": "none known"}
    result = one(tmp_path, {"facts": facts("FR", "KE"), "law_practice": no_law})
    assert "law_practice.research_sources" in _missing_fields(result)
    researched = one(
        tmp_path,
        {
            "facts": facts("FR", "KE"),
            "law_practice": dict(
                no_law,
                research_sources=[
                    "Data Protection Act 2019 (No. 24 of 2019), Kenya Gazette Supplement No. 181"
                ],
            ),
        },
    )
    assert "law_practice.research_sources" not in _missing_fields(researched)


def test_the_assessor_adds_a_law_with_its_source_and_it_counts(tmp_path: Path) -> None:
    law = {
        "key": "ke_cybercrimes",
        "name": "Computer Misuse and Cybercrimes Act 2018, s.52",
        "problematic": True,
        "applies": True,
        "reasoning": "production orders to service providers",
        "sources": [],
    }
    lp = {"added_laws": [law], "conclusion": "no_problematic_law", "conclusion_reasoning": "x"}
    result = one(tmp_path, {"facts": facts("FR", "KE"), "law_practice": lp})
    fields = _missing_fields(result)
    assert "law_practice.added_laws[0].sources" in fields  # an added law needs its official source
    assert "law_practice.research_sources" not in fields
    assert "law_practice.conclusion" in fields  # "no problematic law" contradicts the added law


def test_risk_below_threshold_needs_documented_sources_in_use_case_6(tmp_path: Path) -> None:
    """EDPB Recommendations 01/2020 paras 43.3, 46-47: practice counts only on objective, documented sources."""
    factors = [
        {"key": k, "label": k, "probability": p, "justification": "transparency report"}
        for k, p in (("a", 0.5), ("b", 0.1), ("c", 0.2), ("d", 0.5), ("e", 1.0))
    ]
    risk = {"enabled": True, "threshold": 0.1, "laws": [{"law_key": "fisa702", "factors": factors}]}
    t = {"facts": facts("FR", "US", importer_role="processor"), "law_practice": US_LAWS_APPLY, "risk": risk}
    bare = one(tmp_path, t)
    assert bare["recommendation"]["conclusion"] == "do_not_transfer"
    assert "risk_route_without_sources" in codes(bare["recommendation"]["reasons"])
    sourced = one(
        tmp_path, dict(t, law_practice=dict(US_LAWS_APPLY, practical_sources=["Transparency report"]))
    )
    assert sourced["recommendation"]["conclusion"] == "proceed"
    assert codes(sourced["recommendation"]["reasons"]) == ["risk_below_threshold", "risk_route_caveat"]


# ---- 2. more transfer tools ---------------------------------------------------------------------------------


def test_swiss_sccs_are_checked_against_the_roles_module(tmp_path: Path) -> None:
    """FADP Art. 16(2)(d) with the FDPIC's recognition of the 2021 SCCs: the module must fit the roles, as in the EU."""
    base = facts("CH", "IN", importer_role="processor")
    wrong = one(
        tmp_path,
        {"facts": base, "tools": [{"regime": "CH", "tool": "ch_scc_swiss_m1", "justification": "x"}]},
    )
    assert "scc_module_mismatch" in warning_codes(wrong, blocking=True)
    right = one(
        tmp_path,
        {"facts": base, "tools": [{"regime": "CH", "tool": "ch_scc_swiss_m2", "justification": "x"}]},
    )
    assert "scc_module_mismatch" not in warning_codes(right)
    assert [p["tool"] for p in right["proposed_tools"] if p["preferred"]] == ["ch_scc_swiss_m2"]


def test_lgpd_bases_beyond_clauses_and_consent(tmp_path: Path) -> None:
    """LGPD Art. 33(II)(d), (IV), (V), (IX): certification, life, ANPD authorisation, Art. 7 bases."""
    t = {
        "facts": facts("BR", "IN", frequency="continuous"),
        "tools": [
            {
                "regime": "BR",
                "tool": "br_contract",
                "justification": "customer orders",
                "conditions_met": ["contract_with_subject"],
            }
        ],
    }
    result = one(tmp_path, t)
    assert warning_codes(result, blocking=True) == [] and not result["full_assessment_needed"]


def test_ad_hoc_clauses_are_proposed_for_an_art_3_2_importer(tmp_path: Path) -> None:
    """Decision (EU) 2021/914 recital 7: the SCCs do not fit; Art. 46(3)(a) ad hoc clauses do."""
    result = one(tmp_path, {"facts": facts("FR", "IN", importer_gdpr_art3_2=True)})
    assert "eu_ad_hoc" in [p["tool"] for p in result["proposed_tools"]]


# ---- 2. APPI details ------------------------------------------------------------------------------------


def test_appi_art_27_exceptions_set_no_frequency_limit_but_need_their_item_confirmed(tmp_path: Path) -> None:
    """APPI Art. 28(1) lifts the consent duty "in the cases listed in the items of [Art. 27(1)]"; items (i)-(vii)
    (laws and regulations; life, body or property when consent is difficult; public health or children; cooperation
    with public bodies; academic research) each set their own conditions and none speaks of frequency (read in the
    e-Gov text, docs/legal-notes.md #16, session 8). A continuous provision required by law is not refused; an
    exception whose item is not confirmed is not made out."""
    tool = {"regime": "JP", "tool": "jp_art27_exception", "justification": "item (i): a statutory report"}
    unconfirmed = one(tmp_path, {"facts": facts("JP", "US", frequency="continuous"), "tools": [tool]})
    assert warning_codes(unconfirmed, blocking=True) == ["derogation_condition_unconfirmed"]
    confirmed = dict(tool, conditions_met=["art27_item"])
    result = one(tmp_path, {"facts": facts("JP", "US", frequency="continuous"), "tools": [confirmed]})
    assert warning_codes(result, blocking=True) == [] and not result["full_assessment_needed"]
    reasons = codes(regime(result, "JP")["reasons"])
    assert "derogation_short_record" in reasons and "derogation_does_not_fit" not in reasons


def test_appi_consent_when_the_country_or_the_measures_cannot_be_given(tmp_path: Path) -> None:
    """PPC Rules Art. 17(3): the country cannot be identified — say so, why, and what serves as a reference;
    Art. 17(4): the recipient's measures cannot be described — say so and why."""
    tool = [{"regime": "JP", "tool": "jp_consent", "justification": "sign-up form"}]
    t = {
        "facts": facts("JP", "US"),
        "tools": tool,
        "appi_consent": {"country_unknown": True, "measures_unknown": True},
    }
    result = one(tmp_path, t)
    fields = _missing_fields(result)
    assert (
        "appi_consent.country_unknown_reason" in fields and "appi_consent.measures_unknown_reason" in fields
    )
    t["appi_consent"] = {
        "country_unknown": True,
        "country_unknown_reason": "the cloud region is chosen later",
        "reference_information": "a country with a CBPR system",
        "measures_unknown": True,
        "measures_unknown_reason": "the recipient is chosen by tender next year",
    }
    result = one(tmp_path, t)
    info = result["appi_consent_information"]
    assert info["country"] == {
        "not_identified": True,
        "reason": "the cloud region is chosen later",
        "reference_information": "a country with a CBPR system",
    }
    assert info["recipient_measures"]["not_available"] is True
    assert not [f for f in _missing_fields(result) if f.startswith("appi_consent")]


def test_appi_equivalent_measures_list_what_to_tell_on_request(tmp_path: Path) -> None:
    """PPC Rules Art. 18(3): the items the exporter provides to the data subject on request."""
    result = one(tmp_path, {"facts": facts("JP", "US", importer_role="processor")})
    notes = [n["text"] for n in result["notes"] if n["code"] == "appi_request_items"]
    assert len(notes) == 1 and "Art. 18(3)" in notes[0] and "name of the foreign country" in notes[0]


def test_appi_recognised_country_and_equivalent_measures_still_need_an_art_27_basis(tmp_path: Path) -> None:
    """APPI Art. 28(1) (https://laws.e-gov.go.jp/law/415AC0000000057): a recipient in a PPC-recognised country
    or with a system of equivalent measures is excluded from "a third party in a foreign country", and only
    for the others does Art. 28(1) disapply Art. 27 ("この場合においては、同条の規定は、適用しない"). So on those
    two routes the provision is an ordinary third-party provision under Art. 27 (consent, an Art. 27(1) item,
    opt-out, or entrustment / succession / joint use under Art. 27(5)); "no full assessment" is not "lawful"."""
    uk = regime(one(tmp_path, {"facts": facts("JP", "GB", importer_role="controller")}), "JP")
    assert uk["route"] == "adequacy" and "appi_art27_still_applies" in codes(uk["reasons"])
    measures = [
        {"regime": "JP", "tool": "jp_equivalent_measures", "justification": "DPA with the APPI items"}
    ]
    us = regime(one(tmp_path, {"facts": facts("JP", "US"), "tools": measures}), "JP")
    assert "appi_art27_still_applies" in codes(us["reasons"])
    # Consent to a provision to a third party in a foreign country: Art. 28(1) applies and Art. 27 does not.
    consent = [{"regime": "JP", "tool": "jp_consent", "justification": "sign-up form"}]
    by_consent = regime(one(tmp_path, {"facts": facts("JP", "US"), "tools": consent}), "JP")
    assert "appi_art27_still_applies" not in codes(by_consent["reasons"])
    # Not an APPI rule elsewhere: an EU exporter's transfer to the UK gets no such reason.
    eu = regime(one(tmp_path, {"facts": facts("FR", "GB")}), "EU")
    assert "appi_art27_still_applies" not in codes(eu["reasons"])
