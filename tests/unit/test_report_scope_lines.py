"""The PDF shows the scope limit of an adequacy decision (question, answer, source) and the derogation
conditions the assessor confirmed (issue #16, 1.1 and 1.2), in English and Japanese."""

from __future__ import annotations

import dataclasses
import io

import pytest
from pypdf import PdfReader

from tests.unit.test_assessment_service import TODAY
from tests.unit.test_report_builder import _fr_us_record, _sources
from transfer_tool.assessment.context import AssessmentContext, evaluate
from transfer_tool.assessment.measures import load_measure_catalog
from transfer_tool.assessment.record import ScopeAnswer, ToolChoice, TransferFacts
from transfer_tool.assessment.report_builder import report_data_from
from transfer_tool.assessment.report_sources import ReportSources
from transfer_tool.assessment.tool_catalog import load_tool_catalog
from transfer_tool.countries.shipped import load_shipped_dataset
from transfer_tool.domain import Frequency, PartyRole
from transfer_tool.report.data import Localized, localize
from transfer_tool.report.renderer import render_report


def _text(pdf: bytes) -> str:
    return " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages).replace("\n", " ")


@pytest.fixture(scope="module")
def japan_sources() -> ReportSources:
    ds = load_shipped_dataset()
    ctx = AssessmentContext(
        ds.destination("JP"),
        tuple(ds.regimes.values()),
        load_tool_catalog(),
        load_measure_catalog(),
        ds.destinations,
    )
    facts = TransferFacts("FR", "JP", "JP", importer_role=PartyRole.CONTROLLER, data_subjects_count=300)
    record = dataclasses.replace(
        _fr_us_record(),
        facts=facts,
        scope_answers=(ScopeAnswer("EU", "appi_pihbo", True),),
        tools=(ToolChoice("EU", "eu_adequacy", "Japan decision, importer is an APPI business operator"),),
    )
    return _sources(
        record,
        destination=ctx.destination,
        regimes={r.code: r for r in ctx.regimes},
        evaluation=evaluate(record, ctx, TODAY),
    )


def test_the_scope_question_and_its_answer_are_printed(japan_sources: ReportSources) -> None:
    data = report_data_from(japan_sources)
    eu = next(t for t in data.tools if t.regime == "EU")
    assert len(eu.scope) == 1
    scope = localize(eu.scope[0], "en")
    assert "personal information handling business operator" in scope and "Answer: yes" in scope
    assert "eur-lex.europa.eu/eli/dec_impl/2019/419" in scope
    en = _text(render_report(data, "en"))
    assert "Scope of the adequacy decision:" in en and "business operator" in en
    ja = _text(render_report(data, "ja"))
    assert "十分性認定の適用範囲" in ja and "個人情報取扱事業者" in ja and "はい" in ja


def test_the_derogation_conditions_confirmed_are_printed() -> None:
    facts = dataclasses.replace(_fr_us_record().facts, frequency=Frequency.ONE_OFF)
    record = _fr_us_record(
        facts=facts,
        tools=(
            ToolChoice(
                "EU",
                "eu_derog_explicit_consent",
                "one customer asked for it",
                conditions_met=("explicit", "informed_of_risks"),
            ),
        ),
    )
    data = report_data_from(_sources(record))
    eu = next(t for t in data.tools if t.regime == "EU")
    assert [c.en.split(" ")[0] for c in eu.conditions_met if isinstance(c, Localized)] == ["The", "Before"]
    en = _text(render_report(data, "en"))
    assert "Condition confirmed: Before consenting, the data subject was informed of the possible risks" in en


def test_an_entry_nobody_checked_never_prints_verified() -> None:
    """Issue #16, 3: the entry relied on (the US under the EU GDPR, here without a check date) reads
    "unverified" in the table, and the "last verified" line names it instead of giving a date."""
    data = report_data_from(_sources(_fr_us_record()))
    assert data.country_data_unverified == ("EU",) and data.country_data_verified is None
    en = _text(render_report(data, "en"))
    assert "Country data last verified — unverified: EU GDPR" in en
    assert f" {en} ".count(" verified ") == 1  # the line's own label only: no entry reads "verified"


def test_adoption_and_entry_into_force_are_both_printed() -> None:
    ds = load_shipped_dataset()
    entry = ds.destination("US").status_under("CH")
    assert entry is not None and entry.adopted != entry.in_force
    src = _sources(_fr_us_record())
    data = dataclasses.replace(report_data_from(src), destination_status=(entry,), regimes=("CH",))
    en = _text(render_report(data, "en"))
    assert "in force 15 September 2024" in en or "in force 2024" in en


def test_laws_the_assessor_added_and_the_research_are_printed() -> None:
    from transfer_tool.assessment.record import AddedLaw

    base = _fr_us_record()
    lp = dataclasses.replace(
        base.law_practice,
        added_laws=(
            AddedLaw(
                "added_x", "Cybercrime Prevention Act s.14", True, True, "orders", ("https://x.example",)
            ),
        ),
        research_sources=("Data Privacy Act of 2012",),
    )
    data = report_data_from(_sources(dataclasses.replace(base, law_practice=lp)))
    names = [localize(f.name, "en") for f in data.law_and_practice.laws]
    assert "Cybercrime Prevention Act s.14 (added by the assessor)" in names
    assert any(
        "Data Privacy Act of 2012" in localize(x, "en") for x in data.law_and_practice.experience_sources
    )


def test_the_grounds_of_each_regime_are_printed_where_they_differ() -> None:
    """Issue #16, 1.5: EU do-not-transfer (Schrems II), APPI monitored equivalent measures — both shown."""
    from transfer_tool.assessment.record import AddedRegime, RegimeSelection

    base = _fr_us_record()
    record = dataclasses.replace(
        base,
        regimes=RegimeSelection(applied=("EU",), added=(AddedRegime("JP", "Japanese customers' data too"),)),
        tools=(*base.tools, ToolChoice("JP", "jp_equivalent_measures", "DPA with the APPI items")),
    )
    src = _sources(record)
    assert [r.regime for r in src.evaluation.recommendation.per_regime] == ["EU", "JP"]
    data = report_data_from(src)
    grounds = data.conclusion.grounds
    assert "use case 6/7" in localize(grounds, "en") and "PPC Rules Art. 18(1)(i)" in localize(grounds, "en")
    en = _text(render_report(data, "en"))
    assert "Grounds per regime" in en
    ja = _text(render_report(data, "ja"))
    assert "法制度ごとの根拠" in ja


def test_a_scope_answer_is_labelled_as_the_answer() -> None:
    """Korea's question ends with the categories the decision does not cover ("Not covered, …: (a) … (c) …"):
    "… Credit Information Act. — yes" read as "yes, not covered"; the answer is named as such."""
    ds = load_shipped_dataset()
    ctx = AssessmentContext(
        ds.destination("KR"),
        tuple(ds.regimes.values()),
        load_tool_catalog(),
        load_measure_catalog(),
        ds.destinations,
    )
    facts = TransferFacts("FR", "KR", "KR", importer_role=PartyRole.CONTROLLER, data_subjects_count=300)
    record = dataclasses.replace(
        _fr_us_record(),
        facts=facts,
        scope_answers=(ScopeAnswer("EU", "pipa_scope", True),),
        tools=(ToolChoice("EU", "eu_adequacy", "Korea decision; the importer is subject to PIPA"),),
    )
    sources = _sources(
        record,
        destination=ctx.destination,
        regimes={r.code: r for r in ctx.regimes},
        evaluation=evaluate(record, ctx, TODAY),
    )
    [scope] = next(t for t in report_data_from(sources).tools if t.regime == "EU").scope
    assert "Credit Information Act. Answer: yes. Source:" in localize(scope, "en"), localize(scope, "en")
    assert "回答：はい。出典：" in localize(scope, "ja"), localize(scope, "ja")
