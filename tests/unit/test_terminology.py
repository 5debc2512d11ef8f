"""The shared terminology (terms.po) that the screens and the report both read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from transfer_tool.assessment import precheck, report_texts
from transfer_tool.assessment.record import StepConclusion
from transfer_tool.assessment.risk import default_factor_set
from transfer_tool.i18n.term import Term
from transfer_tool.i18n.terminology import Terminology

FIELD = re.compile(r"\{(\w+)\}")


@pytest.fixture(scope="module")
def terms() -> Terminology:
    return Terminology.load()


def test_every_entry_has_english_and_japanese(terms: Terminology) -> None:
    missing = [
        k for k, e in terms.entries.items() if not e.get("en", "").strip() or not e.get("ja", "").strip()
    ]
    assert missing == []
    unknown = [k for k, e in terms.entries.items() if set(e) - {"en", "ja", "en_ui"}]
    assert unknown == [], "an entry holds en, ja and optionally en_ui (the interface's English)"


def test_every_wording_of_an_entry_fills_the_same_fields(terms: Terminology) -> None:
    wrong = [
        k
        for k, e in terms.entries.items()
        if len({frozenset(FIELD.findall(text)) for text in e.values()}) > 1
    ]
    assert wrong == []
    assert terms.get("risk.once_every", "ja", n="400") == "400年に1回"


def test_the_appi_terms_are_the_commissions(terms: Terminology) -> None:
    expected = {
        "term.personal_information": "個人情報",
        "term.personal_data": "個人データ",
        "term.provision_to_third_party_in_foreign_country": "外国にある第三者への提供",
        "term.adequacy_decision": "十分性認定",
        "term.scc": "標準契約条項 (SCC)",
        "term.tia": "移転影響評価 (TIA)",
        "term.supplementary_measures": "補完的措置",
        "term.equivalent_measures": "相当措置",
        "term.consent_of_principal": "本人の同意",
        "term.business_operator": "個人情報取扱事業者",
        "term.sensitive_personal_information": "要配慮個人情報",
    }
    assert {k: terms.get(k, "ja") for k in expected} == expected


def test_one_word_for_the_controller_and_another_for_the_administrator(terms: Terminology) -> None:
    # 管理者 is the GDPR controller (the Commission's translation); the user role must not reuse it.
    assert terms.get("role.controller", "ja") == "管理者"
    assert terms.get("userrole.admin", "ja") != terms.get("role.controller", "ja")


def test_the_report_builders_own_wordings_agree_with_the_list(terms: Terminology) -> None:
    """Step conclusions and risk factors are worded by the report builder too; they must not drift."""
    for c in StepConclusion:
        assert report_texts.STEP_CONCLUSIONS[c].get("ja") == terms.get(f"law.conclusion.{c.value}", "ja")
    for f in default_factor_set():
        # The report names a factor by the list's entry itself, so only the engine's label can drift.
        assert f.label == terms.get(f"risk.factor.{f.key}", "en")
        assert report_texts.factor_name(f.key, f.label) == Term(f"risk.factor.{f.key}")


def test_reason_templates_are_for_codes_the_engine_gives(terms: Terminology) -> None:
    source = Path(precheck.__file__).read_text(encoding="utf-8")
    codes = set(re.findall(r'Reason\(\s*"(\w+)"', source))
    templates = {k.removeprefix("reason.") for k in terms.entries if k.startswith("reason.")}
    assert templates and templates <= codes


def test_an_unknown_key_shows_as_itself(terms: Terminology) -> None:
    assert terms.get("no.such.term", "ja") == "no.such.term"
