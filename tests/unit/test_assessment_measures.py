"""Supplementary measures: the shipped catalogue, use cases 6/7 warnings and the action plan."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest

from tests.unit.test_assessment_fixtures import TODAY, fr_to_us_facts, measure_catalog
from transfer_tool.assessment.measures import (
    Effectiveness,
    MeasureKind,
    action_plan,
    effective_measures,
    parse_measure_catalog,
    use_case_warnings,
    use_cases_for,
)
from transfer_tool.assessment.record import ChosenMeasure, MeasureStatus
from transfer_tool.domain import DataFormat, KeyHolder, PartyRole
from transfer_tool.errors import ValidationError
from transfer_tool.paths import data_file


def test_shipped_catalogue_matches_its_schema_and_covers_all_use_cases() -> None:
    data = json.loads(data_file("measures.json").read_text(encoding="utf-8"))
    schema = json.loads(data_file("schemas/measures.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    cat = measure_catalog()
    assert [u.number for u in cat.use_cases] == [1, 2, 3, 4, 5, 6, 7]
    assert {m.kind for m in cat.measures} == set(MeasureKind)
    for n in range(1, 8):
        assert cat.for_use_case(n), f"no measure says anything about use case {n}"
    # The EDPB found no effective measure for 6 and 7: the catalogue must not claim one.
    for m in cat.measures:
        assert m.effectiveness_for(6) is not Effectiveness.EFFECTIVE
        assert m.effectiveness_for(7) is not Effectiveness.EFFECTIVE
        assert all(n.note_ja for n in m.use_cases)


def test_malformed_catalogue_is_refused() -> None:
    with pytest.raises(ValidationError):
        parse_measure_catalog(
            {"format": "transfer-tool/measures", "use_cases": [], "measures": [{"code": "x"}]}
        )


@pytest.mark.parametrize(
    ("changes", "cases"),
    [
        ({"importer_role": PartyRole.PROCESSOR}, (6,)),
        ({"importer_role": PartyRole.CONTROLLER}, (7,)),
        (
            {
                "importer_needs_clear_data": False,
                "format_at_rest": DataFormat.ENCRYPTED,
                "key_holder": KeyHolder.EXPORTER,
            },
            (1,),
        ),
        # EDPB Recommendations 01/2020 para 85 (use case 2): the additional information stays with the exporter.
        (
            {
                "importer_needs_clear_data": False,
                "format_at_rest": DataFormat.PSEUDONYMISED,
                "key_holder": KeyHolder.EXPORTER,
            },
            (2,),
        ),
        # Pseudonymised, but the importer holds what re-identifies: the facts leave the case open.
        ({"importer_needs_clear_data": False, "format_at_rest": DataFormat.PSEUDONYMISED}, ()),
        # Paras 90-95 (use cases 3-5) follow from what the assessor states.
        ({"transit_only": True, "importer_needs_clear_data": False}, (3,)),
        ({"importer_protected_recipient": True}, (4,)),
        ({"split_processing": True}, (5,)),
    ],
)
def test_use_cases_from_facts(changes: dict[str, object], cases: tuple[int, ...]) -> None:
    assert use_cases_for(fr_to_us_facts(**changes)) == cases


def test_data_in_clear_warns_that_technical_measures_alone_cannot_fix_it() -> None:
    chosen = (ChosenMeasure("tech_encryption_exporter_keys", MeasureStatus.IN_PLACE),)
    warnings = use_case_warnings(fr_to_us_facts(), chosen, measure_catalog(), problematic_law_applies=True)
    codes = [w.code for w in warnings]
    assert codes == ["use_case_6_7_clear_data", "measure_not_effective_here"]
    assert "Technical measures alone cannot fix this" in warnings[0].text
    assert "do not transfer" in warnings[0].text
    assert effective_measures(chosen, (6,), measure_catalog()) == ()


def test_encryption_with_exporter_keys_is_effective_for_backup_use_case() -> None:
    facts = fr_to_us_facts(
        importer_needs_clear_data=False, format_at_rest=DataFormat.ENCRYPTED, key_holder=KeyHolder.EXPORTER
    )
    chosen = (ChosenMeasure("tech_encryption_exporter_keys", MeasureStatus.IN_PLACE),)
    assert effective_measures(chosen, use_cases_for(facts), measure_catalog()) == chosen
    assert use_case_warnings(facts, chosen, measure_catalog(), problematic_law_applies=True) == ()


def test_action_plan_flags_incomplete_and_overdue_items() -> None:
    chosen = (
        ChosenMeasure("contract_transparency", MeasureStatus.IN_PLACE),
        ChosenMeasure("org_regular_audits", MeasureStatus.PLANNED, owner="", due=None),
        ChosenMeasure(
            "org_data_minimisation", MeasureStatus.PLANNED, owner="IT", due=TODAY - dt.timedelta(days=1)
        ),
        ChosenMeasure("org_request_records", MeasureStatus.PLANNED, owner="Legal", due=TODAY),
    )
    plan = action_plan(chosen, measure_catalog(), TODAY)
    assert [i.measure.code for i in plan.incomplete] == ["org_regular_audits"]
    assert plan.incomplete[0].incomplete == ("owner", "due date")
    assert [i.measure.code for i in plan.overdue] == ["org_data_minimisation"]  # due today is not overdue
    assert len(plan.planned) == 3 and not plan.all_in_place
    assert action_plan(chosen[:1], measure_catalog(), TODAY).all_in_place
