"""GDPR and UK GDPR Art. 49(3), through `transfer-tool assess` over the shipped data, citing the source.

"Points (a), (b) and (c) of the first subparagraph of paragraph 1 and the second subparagraph thereof shall not
apply to activities carried out by public authorities in the exercise of their public powers."
(Regulation (EU) 2016/679 Art. 49(3), https://eur-lex.europa.eu/eli/reg/2016/679/oj; UK GDPR Art. 49(3),
https://www.legislation.gov.uk/eur/2016/679/article/49, same words.) docs/legal-notes.md, "Session 11:
Art. 49(3)", has the reading. Each scenario fails on the rule before session 11, which offered every
derogation to every exporter.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from tests.unit.assess_support import codes, facts, one, regime, warning_codes
from transfer_tool.assessment import public_powers
from transfer_tool.assessment.record import from_json, to_json
from transfer_tool.assessment.tool_catalog import load_tool_catalog

# The derogations Art. 49(3) names, and those it leaves (points (d) to (g)), per regime.
CLOSED = {
    "EU": {
        "eu_derog_explicit_consent",
        "eu_derog_contract",
        "eu_derog_contract_third_party",
        "eu_derog_compelling_interests",
    },
    "UK": {
        "uk_derog_explicit_consent",
        "uk_derog_contract",
        "uk_derog_contract_third_party",
        "uk_derog_compelling_interests",
    },
}
OPEN = {
    "EU": {
        "eu_derog_public_interest",
        "eu_derog_legal_claims",
        "eu_derog_vital_interests",
        "eu_derog_public_register",
    },
    "UK": {
        "uk_derog_public_interest",
        "uk_derog_legal_claims",
        "uk_derog_vital_interests",
        "uk_derog_public_register",
    },
}
EXPORTER = {"EU": "FR", "UK": "GB"}
CONSENT = {"EU": "eu_derog_explicit_consent", "UK": "uk_derog_explicit_consent"}


def _proposed(result: dict[str, Any], reg: str) -> set[str]:
    return {p["tool"] for p in result["proposed_tools"] if p["regime"] == reg}


@pytest.mark.parametrize("reg", ["EU", "UK"])
def test_a_public_authority_is_not_offered_the_derogations_art_49_3_closes(tmp_path: Path, reg: str) -> None:
    """Art. 49(3): (a), (b), (c) and the second subparagraph closed; (d) to (g) stay (EDPB Guidelines 2/2018
    §2.4: the public-interest derogation is the one mainly meant for public authorities)."""
    one_off = facts(EXPORTER[reg], "US", frequency="one_off", data_subjects_count=3)
    private = one(tmp_path, {"facts": dict(one_off, exporter_public_powers=False)})
    assert CLOSED[reg] | OPEN[reg] <= _proposed(private, reg)
    assert public_powers.NOTE not in codes(private["notes"])

    authority = one(tmp_path, {"facts": dict(one_off, exporter_public_powers=True)})
    offered = _proposed(authority, reg)
    assert not CLOSED[reg] & offered and OPEN[reg] <= offered
    note = [n["text"] for n in authority["notes"] if n["code"] == public_powers.NOTE]
    assert len(note) == 1 and "Art. 49(3)" in note[0] and "Points (d) to (g)" in note[0]


@pytest.mark.parametrize("reg", ["EU", "UK"])
def test_consent_chosen_by_a_public_authority_is_not_available_and_blocks(tmp_path: Path, reg: str) -> None:
    """A record that chose explicit consent (every condition confirmed) while the exporter acts in its public
    powers: the tool is not available, as an inadequate adequacy route is; a full assessment is needed."""
    tool = {
        "regime": reg,
        "tool": CONSENT[reg],
        "justification": "the citizens agreed",
        "conditions_met": ["explicit", "informed_of_risks"],
    }
    one_off = facts(EXPORTER[reg], "US", frequency="one_off", data_subjects_count=3)
    authority = one(tmp_path, {"facts": dict(one_off, exporter_public_powers=True), "tools": [tool]})
    assert warning_codes(authority, blocking=True) == [public_powers.CLOSED]
    text = next(w["text"] for w in authority["warnings"] if w["code"] == public_powers.CLOSED)
    assert "not available" in text and "Art. 49(3)" in text and "public powers" in text
    assert "derogation_does_not_fit" in codes(regime(authority, reg)["reasons"])
    assert authority["full_assessment_needed"]
    assert authority["recommendation"]["conclusion"] != "proceed"
    assert any(m["step"] == 2 and "Art. 49(3)" in m["message"] for m in authority["missing"])

    private = one(tmp_path, {"facts": dict(one_off, exporter_public_powers=False), "tools": [tool]})
    assert warning_codes(private, blocking=True) == [] and not private["full_assessment_needed"]
    assert private["recommendation"]["conclusion"] == "proceed"


def test_the_public_interest_derogation_stays_for_a_public_authority(tmp_path: Path) -> None:
    """Art. 49(1)(d) is not among the points Art. 49(3) names; Art. 49(4): a public interest recognised in
    Union or Member State law."""
    tool = {
        "regime": "EU",
        "tool": "eu_derog_public_interest",
        "justification": "mutual assistance under a treaty the EU is party to",
        "conditions_met": ["public_interest_in_law"],
    }
    t = {"facts": facts("FR", "US", frequency="one_off", exporter_public_powers=True), "tools": [tool]}
    result = one(tmp_path, t)
    assert public_powers.CLOSED not in warning_codes(result)
    assert public_powers.UNANSWERED not in warning_codes(result)


def test_unanswered_the_derogation_stays_and_the_question_is_put(tmp_path: Path) -> None:
    """A record saved before the question (or not answered yet) reads as "no": nothing blocks, but the
    assessor and the reviewer read that Art. 49(3) would close the chosen derogation."""
    tool = {
        "regime": "EU",
        "tool": "eu_derog_contract",
        "justification": "a booking",
        "conditions_met": ["necessary_for_contract"],
    }
    t = {"facts": facts("FR", "US", frequency="one_off"), "tools": [tool]}
    result = one(tmp_path, t)
    assert warning_codes(result, blocking=True) == []
    art_49_3 = [c for c in warning_codes(result) if c in (public_powers.UNANSWERED, public_powers.CLOSED)]
    assert art_49_3 == [public_powers.UNANSWERED]
    assert public_powers.UNANSWERED in warning_codes(result, blocking=False)
    assert "eu_derog_contract" in _proposed(result, "EU")


def test_fadp_has_no_like_rule_and_keeps_consent_for_a_public_authority(tmp_path: Path) -> None:
    """FADP Art. 17(1) (https://www.fedlex.admin.ch/eli/cc/2022/491/en) lists its exceptions with no
    exclusion of public bodies; the same exporter under the GDPR loses consent."""
    tool = {
        "regime": "CH",
        "tool": "ch_derog_consent",
        "justification": "members",
        "conditions_met": ["express_consent"],
    }
    ch = one(tmp_path, {"facts": facts("CH", "US", exporter_public_powers=True), "tools": [tool]})
    assert warning_codes(ch, blocking=True) == [] and not ch["full_assessment_needed"]
    assert not {public_powers.CLOSED, public_powers.UNANSWERED} & set(warning_codes(ch))
    assert public_powers.NOTE not in codes(ch["notes"])


def test_the_reason_reads_in_japanese(tmp_path: Path) -> None:
    """The sentences Art. 49(3) adds are in the engine catalogue: the Japanese output has no English left."""
    from tests.unit.assess_support import assess

    tool = {"regime": "EU", "tool": "eu_derog_explicit_consent", "justification": "同意"}
    t = {"facts": facts("FR", "US", frequency="one_off", exporter_public_powers=True), "tools": [tool]}
    result = assess(tmp_path, t, lang="ja")[0]
    texts = [w["text"] for w in result["warnings"] if w["code"] == public_powers.CLOSED]
    texts += [n["text"] for n in result["notes"] if n["code"] == public_powers.NOTE]
    texts += [r["text"] for r in regime(result, "EU")["reasons"] if r["code"] == "derogation_does_not_fit"]
    assert len(texts) == 3
    for text in texts:
        assert "第49条第3項" in text and "public powers" not in text, text


# A record saved before session 11: its facts have no `exporter_public_powers` (as stored by then).
_SAVED_BEFORE = {
    "format": "transfer-tool/assessment",
    "schema_version": 1,
    "record": {
        "facts": {
            "exporter_country": "FR",
            "importer_country": "US",
            "destination": "US",
            "importer_separate_entity": True,
            "exporter_role": "controller",
            "importer_role": "processor",
            "importer_group_company": False,
            "importer_certifications": [],
            "frequency": "one_off",
            "data_subjects_count": 3,
            "large_volume": False,
            "data_categories": ["customer_contact"],
            "sensitive_data": False,
            "format_in_transit": "encrypted",
            "format_at_rest": "clear",
            "key_holder": "not_applicable",
            "storage_countries": [],
            "remote_access_countries": [],
            "importer_needs_clear_data": True,
            "onward_transfers": [],
            "returning_to_controller": False,
            "importer_gdpr_art3_2": False,
            "transit_only": False,
            "importer_protected_recipient": False,
            "split_processing": False,
        },
        "tools": [
            {
                "regime": "EU",
                "tool": "eu_derog_explicit_consent",
                "justification": "members agree",
                "conditions_met": ["explicit", "informed_of_risks"],
                "systematic_reason": "",
            }
        ],
    },
}


def test_a_record_saved_before_loads_as_not_answered_and_keeps_its_derogation() -> None:
    record = from_json(json.dumps(_SAVED_BEFORE))
    assert record.facts.exporter_public_powers is None
    tool = load_tool_catalog().get("eu_derog_explicit_consent")
    assert tool is not None and tool.closed_to_public_powers
    assert not public_powers.closes(record.facts, tool)
    problem = public_powers.choice_problem(record.facts, tool)
    assert problem is not None and problem[0] == public_powers.UNANSWERED
    # The answer, once given, is stored and read back.
    answered = dataclasses.replace(
        record, facts=dataclasses.replace(record.facts, exporter_public_powers=True)
    )
    again = from_json(to_json(answered))
    assert again.facts.exporter_public_powers is True and public_powers.closes(again.facts, tool)


def test_the_catalogue_closes_exactly_the_points_art_49_3_names() -> None:
    catalog = load_tool_catalog()
    closed = {t.code for t in catalog.tools if t.closed_to_public_powers}
    assert closed == CLOSED["EU"] | CLOSED["UK"]
