"""Transfer tools: the catalogue, proposals per regime and warnings on misfits."""

from __future__ import annotations

import pytest

from tests.unit.test_assessment_fixtures import (
    china,
    fr_to_us_facts,
    germany,
    japan,
    regimes,
    tool_catalog,
    us,
)
from transfer_tool.assessment.precheck import PrecheckResult, precheck, select_regimes
from transfer_tool.assessment.record import AddedRegime, ToolChoice, TransferFacts
from transfer_tool.assessment.safeguards import (
    appi_consent_information,
    check_tool_choices,
    propose_tools,
    scc_module,
)
from transfer_tool.assessment.tool_catalog import ToolKind, parse_tool_catalog
from transfer_tool.countries.model import Destination
from transfer_tool.domain import Frequency, PartyRole
from transfer_tool.errors import ValidationError

C, P = PartyRole.CONTROLLER, PartyRole.PROCESSOR


def pre(facts: TransferFacts, dest: Destination, added: tuple[AddedRegime, ...] = ()) -> PrecheckResult:
    return precheck(
        facts, dest, regimes(), select_regimes(facts.exporter_country, regimes(), added), tool_catalog()
    )


def warn_codes(facts: TransferFacts, dest: Destination, *choices: ToolChoice) -> list[str]:
    return [w.code for w in check_tool_choices(facts, dest, pre(facts, dest), choices, tool_catalog())]


@pytest.mark.parametrize(("exp", "imp", "module"), [(C, C, 1), (C, P, 2), (P, P, 3), (P, C, 4)])
def test_scc_module_from_roles(exp: PartyRole, imp: PartyRole, module: int) -> None:
    assert scc_module(exp, imp) == module
    facts = fr_to_us_facts(exporter_role=exp, importer_role=imp)
    props = propose_tools(facts, us(), pre(facts, us()), tool_catalog())
    assert props.for_regime("EU")[0].tool == f"eu_scc_m{module}"


def test_shipped_catalogue_covers_every_regime_with_names_in_both_languages() -> None:
    cat = tool_catalog()
    for regime in ("EU", "UK", "CH", "JP", "BR"):
        assert cat.adequacy_tool(regime) is not None
    assert all(t.name_en and t.name_ja and t.source for t in cat.tools)
    assert {t.code for t in cat.for_regime("JP")} >= {
        "jp_recognised_country",
        "jp_equivalent_measures",
        "jp_consent",
    }
    equivalent = cat.get("jp_equivalent_measures")
    assert equivalent is not None and equivalent.yearly_check
    # "Occasional" only where the law says so (GDPR recital 111; EDPB Guidelines 2/2018, section 1): not the
    # Swiss FADP Art. 17 exceptions, not LGPD Art. 33(VIII) consent, not the APPI Art. 27(1) items (none speaks
    # of frequency), not every GDPR Art. 49 point alike.
    occasional = {t.code for t in cat.tools if t.occasional_only}
    assert {"eu_derog_contract", "eu_derog_legal_claims", "eu_derog_compelling_interests"} <= occasional
    assert not occasional & {
        "eu_derog_explicit_consent",
        "ch_derog_consent",
        "ch_derog_contract",
        "br_derog_consent",
        "jp_art27_exception",
    }
    assert all(t.conditions for t in cat.tools if t.kind is ToolKind.DEROGATION)
    assert {e.destination for e in cat.export_regimes} >= {"CN", "KR", "VN", "IN", "TR"}


def test_broken_catalogue_is_refused_with_the_entry() -> None:
    data = {
        "format": "transfer-tool/transfer-tools",
        "tools": [{"code": "x", "regime": "EU", "kind": "magic"}],
    }
    with pytest.raises(ValidationError) as exc:
        parse_tool_catalog(data)
    assert "tools[0]" in exc.value.problems[0].location


def test_uk_exporter_gets_idta_first_and_addendum_when_eu_also_applies() -> None:
    gb = TransferFacts("GB", "US", "US", importer_role=P)
    assert propose_tools(gb, us(), pre(gb, us()), tool_catalog()).for_regime("UK")[0].tool == "uk_idta"
    both = pre(gb, us(), (AddedRegime("EU", "EU establishment also exports"),))
    props = propose_tools(gb, us(), both, tool_catalog())
    assert [p.tool for p in props.for_regime("UK") if p.preferred] == ["uk_addendum"]
    assert [p.tool for p in props.for_regime("EU") if p.preferred] == ["eu_scc_m2"]


def test_derogations_are_proposed_only_for_occasional_small_transfers() -> None:
    cont = fr_to_us_facts()
    one_off = fr_to_us_facts(frequency=Frequency.ONE_OFF)

    def kinds(f: TransferFacts) -> set[ToolKind]:
        props = propose_tools(f, us(), pre(f, us()), tool_catalog()).proposals
        return {t.kind for p in props if (t := tool_catalog().get(p.tool)) is not None}

    assert ToolKind.DEROGATION not in kinds(cont)
    assert ToolKind.DEROGATION in kinds(one_off)


def test_warning_derogation_for_continuous_or_large_transfer() -> None:
    assert "derogation_not_occasional" in warn_codes(
        fr_to_us_facts(), us(), ToolChoice("EU", "eu_derog_contract")
    )
    met = ("necessary_for_contract",)
    # A private exporter (Art. 49(3) leaves it every derogation), so only the frequency rules speak.
    big = fr_to_us_facts(frequency=Frequency.ONE_OFF, large_volume=True, exporter_public_powers=False)
    # Recital 111's "occasional" is about how often, not how much: a large one-off transfer is a caution.
    assert warn_codes(big, us(), ToolChoice("EU", "eu_derog_contract", conditions_met=met)) == [
        "derogation_large_volume"
    ]
    small = fr_to_us_facts(frequency=Frequency.ONE_OFF, exporter_public_powers=False)
    assert warn_codes(small, us(), ToolChoice("EU", "eu_derog_contract", conditions_met=met)) == []
    # Without the condition confirmed, the derogation is not made out.
    assert warn_codes(small, us(), ToolChoice("EU", "eu_derog_contract")) == [
        "derogation_condition_unconfirmed"
    ]


@pytest.mark.parametrize(
    ("exporter", "regime", "cert"),
    [("FR", "EU", "EU-US DPF"), ("GB", "UK", "UK Extension"), ("CH", "CH", "Swiss-US DPF")],
)
def test_warning_us_adequacy_for_uncertified_importer(exporter: str, regime: str, cert: str) -> None:
    facts = TransferFacts(exporter, "US", "US")
    assert warn_codes(facts, us(), ToolChoice(regime, f"{regime.lower()}_adequacy")) == [
        "importer_not_certified"
    ]
    certified = TransferFacts(exporter, "US", "US", importer_certifications=(cert,))
    assert warn_codes(certified, us(), ToolChoice(regime, f"{regime.lower()}_adequacy")) == []


def test_warning_partial_condition_unconfirmed_without_certification_rule() -> None:
    from transfer_tool.countries.model import RegimeEntry
    from transfer_tool.domain import AdequacyStatus

    ca = Destination(
        "CA", "Canada", "カナダ", regimes={"EU": RegimeEntry("EU", AdequacyStatus.PARTIAL, "PIPEDA")}
    )
    facts = TransferFacts("FR", "CA", "CA")
    assert warn_codes(facts, ca, ToolChoice("EU", "eu_adequacy")) == ["partial_condition_unconfirmed"]


def test_warning_tool_for_regime_that_does_not_apply_and_other_misfits() -> None:
    facts = fr_to_us_facts()
    assert "regime_not_applicable" in warn_codes(facts, us(), ToolChoice("UK", "uk_idta"))
    assert "tool_of_other_regime" in warn_codes(facts, us(), ToolChoice("EU", "uk_idta"))
    assert "scc_module_mismatch" in warn_codes(facts, us(), ToolChoice("EU", "eu_scc_m1"))
    assert "not_adequate" in warn_codes(
        TransferFacts("FR", "CN", "CN"), china(), ToolChoice("EU", "eu_adequacy")
    )
    assert "unknown_tool" in warn_codes(facts, us(), ToolChoice("EU", "nope"))
    assert "regime_not_applicable" in warn_codes(
        TransferFacts("DE", "DE", "DE"), germany(), ToolChoice("EU", "eu_scc_m2")
    )


def test_appi_consent_information_from_country_data_and_its_gaps() -> None:
    info = appi_consent_information(us())
    assert info.country_name_ja == "米国" and "sectoral" in info.protection_system
    assert info.missing == ()
    none = appi_consent_information(japan())  # no AppiInfo in the fixture
    assert none.missing and "no APPI information" in none.missing[0]


def test_the_oecd_principles_are_named_not_keyed_in_english_and_japanese() -> None:
    """Issue 18, point 3: the country data keeps the principles as keys; the sentence a person reads (on
    the tool page, in the report) names them."""
    import dataclasses

    from transfer_tool.i18n.stored_text import translate

    dest = us()
    assert dest.appi is not None
    keyed = dataclasses.replace(
        dest, appi=dataclasses.replace(dest.appi, oecd_principles_covered=("security_safeguards", "openness"))
    )
    info = appi_consent_information(keyed)
    (sentence,) = [x for x in info.indicators if x.startswith("OECD principles covered")]
    assert sentence == "OECD principles covered: security safeguards, openness."
    assert (
        translate(sentence, "ja")
        == "OECDプライバシーガイドライン8原則のうち対応しているもの：安全保護の原則、公開の原則。"
    )


def test_group_company_gets_intra_group_routes() -> None:
    facts = fr_to_us_facts(importer_group_company=True)
    props = propose_tools(facts, us(), pre(facts, us()), tool_catalog())
    assert [p.tool for p in props.for_regime("EU") if p.preferred] == ["eu_intragroup"]
    assert "eu_bcr" in [p.tool for p in props.for_regime("EU")]
