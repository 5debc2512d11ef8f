"""The assessment record's JSON form: exact round trip and clear refusals."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from transfer_tool.assessment.record import (
    AddedRegime,
    AssessmentRecord,
    ChosenMeasure,
    ConclusionRecord,
    ConditionConfirmation,
    Evidence,
    LawAssessment,
    LawPracticeStep,
    LawRisk,
    MeasureStatus,
    OnwardTransfer,
    RegimeSelection,
    ReviewAction,
    ReviewEvent,
    RiskFactor,
    RiskInputMode,
    RiskInputs,
    StepConclusion,
    ToolChoice,
    TransferFacts,
    from_json,
    to_json,
)
from transfer_tool.domain import (
    AssessmentStatus,
    Conclusion,
    DataFormat,
    Frequency,
    KeyHolder,
    PartyRole,
    UserId,
)
from transfer_tool.errors import ValidationError


def full_record() -> AssessmentRecord:
    """Every field set to a non-default value, including Japanese text and nested tuples."""
    facts = TransferFacts(
        exporter_country="JP",
        importer_country="US",
        destination="US",
        importer_separate_entity=True,
        exporter_role=PartyRole.PROCESSOR,
        importer_role=PartyRole.CONTROLLER,
        importer_group_company=True,
        importer_certifications=("EU-US DPF", "APEC CBPR"),
        frequency=Frequency.ONE_OFF,
        data_subjects_count=1_000_000,
        large_volume=True,
        data_categories=("氏名", "email"),
        sensitive_data=True,
        format_in_transit=DataFormat.PSEUDONYMISED,
        format_at_rest=DataFormat.ENCRYPTED,
        key_holder=KeyHolder.EXPORTER,
        storage_countries=("US", "IE"),
        remote_access_countries=("IN",),
        importer_needs_clear_data=False,
        onward_transfers=(OnwardTransfer("Sub Inc.", "CA", "hosting"),),
    )
    return AssessmentRecord(
        facts=facts,
        regimes=RegimeSelection(("JP",), (AddedRegime("EU", "offers goods to EU customers (Art. 3(2))"),)),
        confirmed_conditions=(ConditionConfirmation("EU", "checked on the DPF List 2026-11-01"),),
        tools=(ToolChoice("JP", "jp_equivalent_measures", "intra-group rules"),),
        law_practice=LawPracticeStep(
            laws=(LawAssessment("fisa702", True, "ECSP"), LawAssessment("eo12333", None, "")),
            practical_experience="no requests in 5 years",
            practical_sources=("transparency report 2025",),
            conclusion=StepConclusion.NOT_APPLIED_IN_PRACTICE,
            conclusion_reasoning="documented",
        ),
        measures=(
            ChosenMeasure("tech_pseudonymisation", MeasureStatus.PLANNED, "IT", dt.date(2027, 1, 31), "n"),
        ),
        procedural_notes="none",
        risk=RiskInputs(
            enabled=True,
            mode=RiskInputMode.PER_PERIOD,
            period_years=3,
            threshold=0.01,
            laws=(LawRisk("fisa702", "FISA 702", (RiskFactor("in_scope", "in scope", 0.25, "ECSP"),)),),
        ),
        conclusion=ConclusionRecord(Conclusion.PROCEED, Conclusion.PROCEED_WITH_MEASURES, "be careful"),
        reevaluation_date=dt.date(2027, 11, 26),
        appi_check_due=dt.date(2027, 11, 26),
        evidence=(Evidence("DPA", "signed", "dpa.pdf", "a" * 64),),
        destination_version=7,
        status=AssessmentStatus.APPROVED,
        version=3,
        assessor=UserId(4),
        approved_by=UserId(5),
        approved_at=dt.datetime(2026, 11, 26, 9, 30, 15, tzinfo=dt.UTC),
        history=(
            ReviewEvent(
                ReviewAction.APPROVED, UserId(5), dt.datetime(2026, 11, 26, 9, 30, tzinfo=dt.UTC), "ok"
            ),
        ),
    )


def test_round_trip_is_exact() -> None:
    rec = full_record()
    text = to_json(rec)
    back = from_json(text)
    assert back == rec
    assert to_json(back) == text
    assert "氏名" in text  # stored as typed, not escaped


def test_default_record_round_trips() -> None:
    rec = AssessmentRecord(TransferFacts("DE", "US", "US"))
    assert from_json(to_json(rec)) == rec


def test_json_uses_enum_values_and_iso_dates() -> None:
    data = json.loads(to_json(full_record()))
    assert data["format"] == "transfer-tool/assessment" and data["schema_version"] == 1
    r = data["record"]
    assert r["facts"]["exporter_role"] == "processor"
    assert r["measures"][0]["due"] == "2027-01-31"
    assert r["approved_at"] == "2026-11-26T09:30:15+00:00"


def test_wrong_value_is_refused_with_its_location() -> None:
    data = json.loads(to_json(full_record()))
    data["record"]["facts"]["frequency"] = "sometimes"
    with pytest.raises(ValidationError) as exc:
        from_json(json.dumps(data))
    assert exc.value.problems[0].location == "record.facts.frequency"


def test_unknown_field_and_other_format_are_refused() -> None:
    data = json.loads(to_json(full_record()))
    data["record"]["surprise"] = 1
    with pytest.raises(ValidationError):
        from_json(json.dumps(data))
    with pytest.raises(ValidationError, match="not a stored assessment record"):
        from_json(json.dumps({"format": "other"}))
    with pytest.raises(ValidationError, match="schema version"):
        from_json(json.dumps({"format": "transfer-tool/assessment", "schema_version": 99}))
    with pytest.raises(ValidationError, match="not valid JSON"):
        from_json("{")
