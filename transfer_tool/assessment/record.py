"""The assessment record: everything the six EDPB steps capture for one transfer, as plain values.

The record is stored as JSON (`to_json` / `from_json`, an exact round trip). Edits make a new value with
`dataclasses.replace`; `workflow.edit` refuses edits once a version is approved.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import types
import typing
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from typing import Any, Union

from transfer_tool.domain import (
    AssessmentStatus,
    Conclusion,
    DataFormat,
    Frequency,
    KeyHolder,
    PartyRole,
    UserId,
)
from transfer_tool.errors import Problem, ValidationError
from transfer_tool.i18n.engine_text import error_text

RECORD_FORMAT = "transfer-tool/assessment"
RECORD_SCHEMA_VERSION = 1


class StepConclusion(StrEnum):
    """The three-way conclusion of the law-and-practice step (EDPB step 3)."""

    NO_PROBLEMATIC_LAW = "no_problematic_law"  # no problematic law applies to this importer/data
    NOT_APPLIED_IN_PRACTICE = "not_applied_in_practice"  # applies on paper, documented as not applied
    MEASURES_NEEDED = "measures_needed"  # problematic law applies: supplementary measures needed


class MeasureStatus(StrEnum):
    IN_PLACE = "in_place"
    PLANNED = "planned"


class RiskInputMode(StrEnum):
    """How the factor probabilities are meant (legal-reference §8.5: both readings exist)."""

    PER_YEAR = "per_year"  # each factor chain gives a yearly probability; compounded over the period
    PER_PERIOD = "per_period"  # each factor chain gives the probability over the whole period


class ReviewAction(StrEnum):
    SUBMITTED = "submitted"
    RESUBMITTED = "resubmitted"
    RETURNED = "returned"
    APPROVED = "approved"


@dataclass(frozen=True)
class OnwardTransfer:
    """A sub-recipient: each onward transfer is a transfer too and gets its own assessment."""

    recipient: str
    country: str
    purpose: str = ""


@dataclass(frozen=True)
class TransferFacts:
    """Step 1, know your transfer: the facts the rules read."""

    exporter_country: str
    importer_country: str
    destination: str  # the destination code the country data is looked up by (usually = importer_country)
    importer_separate_entity: bool = True
    exporter_role: PartyRole = PartyRole.CONTROLLER
    importer_role: PartyRole = PartyRole.PROCESSOR
    importer_group_company: bool = False
    # e.g. "EU-US DPF", "UK Extension", "Swiss-US DPF", "APEC CBPR", "Global CBPR"
    importer_certifications: tuple[str, ...] = ()
    frequency: Frequency = Frequency.CONTINUOUS
    data_subjects_count: int | None = None
    large_volume: bool = False
    data_categories: tuple[str, ...] = ()
    sensitive_data: bool = False
    format_in_transit: DataFormat = DataFormat.ENCRYPTED
    format_at_rest: DataFormat = DataFormat.CLEAR
    key_holder: KeyHolder = KeyHolder.NOT_APPLICABLE
    storage_countries: tuple[str, ...] = ()
    remote_access_countries: tuple[str, ...] = ()
    importer_needs_clear_data: bool = True
    onward_transfers: tuple[OnwardTransfer, ...] = ()
    # A processor sending the data back to the controller that gave it to it (ICO: the UK processor does not
    # initiate a restricted transfer then; the EU view differs).
    returning_to_controller: bool = False
    # The importer's own processing is subject to the GDPR under Art. 3(2) (EDPB Guidelines 05/2021).
    importer_gdpr_art3_2: bool = False
    # The facts that decide the EDPB Annex 2 use cases 3-5 (Recommendations 01/2020, paras 90-95).
    transit_only: bool = False  # the data only passes through the third country, encrypted end to end
    importer_protected_recipient: bool = (
        False  # the importer's law shields the data (e.g. professional secrecy)
    )
    split_processing: bool = False  # split between independent processors; no one can re-identify alone
    # The exporter, for this transfer, is a public authority acting in the exercise of its public powers
    # (GDPR and UK GDPR Art. 49(3) close derogations (a), (b), (c) and compelling interests to it). None: not
    # answered (a record saved before the question read so), which the rules treat as "no".
    exporter_public_powers: bool | None = None
    # The facts nobody gave (a register import left them blank; `TransferInput.assumed`, by fact name): each
    # a missing item until the assessor states it.
    assumed: tuple[str, ...] = ()


@dataclass(frozen=True)
class AddedRegime:
    """A regime the assessor added beyond the exporter's country mapping (e.g. GDPR Art. 3(2))."""

    regime: str
    reason: str


@dataclass(frozen=True)
class RegimeSelection:
    applied: tuple[str, ...] = ()  # from the exporter's country (Regime.exporter_countries)
    added: tuple[AddedRegime, ...] = ()

    def codes(self) -> tuple[str, ...]:
        extra = tuple(a.regime for a in self.added if a.regime not in self.applied)
        return self.applied + extra


@dataclass(frozen=True)
class ConditionConfirmation:
    """The assessor confirms a partial-adequacy condition is met (e.g. "importer is on the DPF List")."""

    regime: str
    text: str


@dataclass(frozen=True)
class ScopeAnswer:
    """The assessor's answer to the question that decides a scope limit of an adequacy decision.

    E.g. "Is the importer a personal information handling business operator under the APPI?" (Japan under
    the EU and UK regimes), or "Does the importer's DPF certification cover HR data?"."""

    regime: str
    limit: str  # ScopeLimit.code in the country data
    answer: bool | None = None  # None = not answered yet
    since: dt.date | None = None  # e.g. on the DPF List since
    note: str = ""


@dataclass(frozen=True)
class ToolChoice:
    """Step 2: the transfer tool chosen for one regime, with why."""

    regime: str
    tool: str  # a code from data/transfer_tools.json
    justification: str = ""
    conditions_met: tuple[str, ...] = ()  # the derogation's conditions the assessor confirms (codes)
    systematic_reason: str = ""  # why a derogation used for a continuous transfer stays an exception


@dataclass(frozen=True)
class AppiConsentFacts:
    """The APPI consent route where an item cannot be given (PPC Rules Art. 17(3) and (4))."""

    country_unknown: bool = False  # the foreign country cannot be identified when consent is obtained
    country_unknown_reason: str = ""  # Art. 17(3)(i): why
    reference_information: str = ""  # Art. 17(3)(ii): what can serve as a reference instead (if any)
    measures_unknown: bool = False  # the recipient's measures cannot be described (Art. 17(4))
    measures_unknown_reason: str = ""  # Art. 17(4): why


@dataclass(frozen=True)
class UseCaseChoice:
    """The EDPB Annex 2 use case the assessor picked where the facts leave it open, with why."""

    case: int
    reason: str = ""


@dataclass(frozen=True)
class LawAssessment:
    """Step 3, one government-access law of the destination judged for this importer and data."""

    law_key: str  # AccessLaw.key
    applies: bool | None = None  # None = not answered yet
    reasoning: str = ""


@dataclass(frozen=True)
class AddedLaw:
    """A government-access law the assessor researched for a destination the country data does not profile
    (or profiles incompletely), with its sources (EDPB Recommendations 01/2020, Annex 3)."""

    key: str
    name: str
    problematic: bool
    applies: bool | None = None
    reasoning: str = ""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class LawPracticeStep:
    laws: tuple[LawAssessment, ...] = ()
    practical_experience: str = ""  # requests received (or none) over a representative period
    practical_sources: tuple[str, ...] = ()
    conclusion: StepConclusion | None = None
    conclusion_reasoning: str = ""
    # APPI (PPC Rules Art. 18(1)(ii)): a foreign system makes it difficult for the importer to keep
    # implementing the equivalent measures: the exporter must stop the provision.
    appi_implementation_difficult: bool = False
    added_laws: tuple[AddedLaw, ...] = ()
    # Sources consulted on the destination's laws (EDPB Recommendations 01/2020, Annex 3): what "no problematic
    # law" rests on where the country data has no profile of the destination.
    research_sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChosenMeasure:
    """Step 4/5: a supplementary measure from the catalogue and its place in the action plan."""

    code: str
    status: MeasureStatus = MeasureStatus.PLANNED
    owner: str = ""
    due: dt.date | None = None
    notes: str = ""


@dataclass(frozen=True)
class RiskFactor:
    key: str
    label: str
    probability: float | None = None  # 0..1
    justification: str = ""


@dataclass(frozen=True)
class LawRisk:
    """The factor chain for one problematic law."""

    law_key: str
    law_name: str = ""
    factors: tuple[RiskFactor, ...] = ()


@dataclass(frozen=True)
class RiskInputs:
    enabled: bool = False
    mode: RiskInputMode = RiskInputMode.PER_YEAR
    period_years: int = 5
    threshold: float | None = None  # the organisation's acceptance threshold over the period (0..1)
    laws: tuple[LawRisk, ...] = ()


@dataclass(frozen=True)
class ConclusionRecord:
    recommended: Conclusion | None = None
    chosen: Conclusion | None = None
    reason: str = ""  # required when chosen differs from recommended


@dataclass(frozen=True)
class Evidence:
    label: str
    text: str = ""
    filename: str = ""
    sha256: str = ""


@dataclass(frozen=True)
class ReviewEvent:
    action: ReviewAction
    by: UserId
    at: dt.datetime
    comment: str = ""


@dataclass(frozen=True)
class AcceptanceItems:
    """What a DPO needs to accept the TIA beyond the six steps (issue 18): the pre-TIA gates (CNIL TIA guide,
    2025), the destination's general data-protection framework and redress and whether the tool is
    enforceable there (EDPB Recommendations 01/2020, step 3), the UK data protection test (UK GDPR
    Art. 46(1A), (6)), the competent supervisory authority (SCC Annex I.C) and the importer's co-adoption."""

    anonymisation: str = ""  # could the data be anonymised or minimised instead; why not, what was minimised
    performed_by: str = ""  # who performs the TIA (people, roles; the importer's part)
    framework: str = ""  # the destination's general data-protection law and its independent authority
    redress: str = ""  # the redress data subjects have there (courts, authority, against public bodies)
    tool_enforceable: bool | None = None  # can the chosen tool be enforced at the destination
    tool_enforceability: str = ""
    uk_test_met: bool | None = None  # "not materially lower" (only asked when the UK GDPR applies)
    uk_test_reasoning: str = ""
    supervisory_authority: str = ""  # SCC Annex I.C, Clause 13
    importer_signatory: str = ""  # the importer's co-adoption, where the organisation wants it
    importer_signed_on: dt.date | None = None


@dataclass(frozen=True)
class DerivedFrom:
    """The assessment a copied draft started from (issue #23: "New transfer from this one")."""

    assessment_id: int
    transfer_id: int
    reference: str  # TR-000123
    version: int


@dataclass(frozen=True)
class AssessmentRecord:
    facts: TransferFacts
    regimes: RegimeSelection = field(default_factory=RegimeSelection)
    confirmed_conditions: tuple[ConditionConfirmation, ...] = ()
    scope_answers: tuple[ScopeAnswer, ...] = ()
    tools: tuple[ToolChoice, ...] = ()
    use_case_choice: UseCaseChoice | None = None
    appi_consent: AppiConsentFacts = field(default_factory=AppiConsentFacts)
    law_practice: LawPracticeStep = field(default_factory=LawPracticeStep)
    measures: tuple[ChosenMeasure, ...] = ()
    procedural_notes: str = ""  # EDPB step 5 (e.g. SA authorisation if the SCCs were modified)
    risk: RiskInputs = field(default_factory=RiskInputs)
    conclusion: ConclusionRecord = field(default_factory=ConclusionRecord)
    reevaluation_date: dt.date | None = None
    appi_check_due: dt.date | None = None  # yearly check of the APPI equivalent-measures route
    evidence: tuple[Evidence, ...] = ()
    destination_version: int | None = None  # the country-data version relied on
    status: AssessmentStatus = AssessmentStatus.DRAFT
    version: int = 1
    assessor: UserId | None = None
    approved_by: UserId | None = None
    approved_at: dt.datetime | None = None
    history: tuple[ReviewEvent, ...] = ()
    # Issue #23 (additive): where a copied draft came from, and the copied answers the assessor has not
    # confirmed yet (item keys of `assessment.derivation`; each one is a missing item until confirmed).
    derived_from: DerivedFrom | None = None
    to_confirm: tuple[str, ...] = ()
    # Issue 18 (additive): what a DPO needs to accept the TIA.
    acceptance: AcceptanceItems = field(default_factory=AcceptanceItems)

    def tool_for(self, regime: str) -> ToolChoice | None:
        return next((t for t in self.tools if t.regime == regime), None)


# --- JSON ------------------------------------------------------------------------------------------


def to_dict(record: AssessmentRecord) -> dict[str, Any]:
    return {"format": RECORD_FORMAT, "schema_version": RECORD_SCHEMA_VERSION, "record": _encode(record)}


def to_json(record: AssessmentRecord) -> str:
    return json.dumps(to_dict(record), ensure_ascii=False, sort_keys=True, indent=1)


def from_dict(data: dict[str, Any]) -> AssessmentRecord:
    if data.get("format") != RECORD_FORMAT:
        raise ValidationError(
            "This is not a stored assessment record (the 'format' field is missing or different)."
        )
    version = data.get("schema_version")
    if version != RECORD_SCHEMA_VERSION:
        raise ValidationError(
            error_text(
                "The assessment record has schema version {0}; this tool reads version {1}. "
                "Update the tool to open it.",
                repr(version),
                RECORD_SCHEMA_VERSION,
            )
        )
    decoded = _decode(AssessmentRecord, data.get("record"), "record")
    assert isinstance(decoded, AssessmentRecord)
    return decoded


def from_json(text: str) -> AssessmentRecord:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(error_text("The assessment record is not valid JSON ({0}).", exc)) from exc
    if not isinstance(data, dict):
        raise ValidationError("The assessment record must be a JSON object.")
    return from_dict(data)


def _encode(value: object) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    return value


def _bad(where: str, expected: str, raw: object) -> ValidationError:
    return ValidationError(
        "The assessment record cannot be read.",
        [Problem(where, error_text("expected {0}, found {1}", expected, repr(raw)))],
    )


@functools.cache
def _type_hints(tp: type) -> dict[str, Any]:
    """A dataclass's resolved field types, once per class (resolving them is most of a record's decoding)."""
    return typing.get_type_hints(tp)


def decode_value(tp: Any, raw: object, where: str) -> Any:
    """One value of the record's types from JSON; ValidationError naming `where` when it does not fit."""
    return _decode(tp, raw, where)


def _decode(tp: Any, raw: object, where: str) -> Any:
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        args = typing.get_args(tp)
        if raw is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _decode(inner[0], raw, where)
    if origin is tuple:
        if not isinstance(raw, list):
            raise _bad(where, "a list", raw)
        item_tp = typing.get_args(tp)[0]
        return tuple(_decode(item_tp, v, f"{where}[{i}]") for i, v in enumerate(raw))
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        if not isinstance(raw, dict):
            raise _bad(where, f"an object ({tp.__name__})", raw)
        hints = _type_hints(tp)
        kwargs = {}
        for f in dataclasses.fields(tp):
            if f.name in raw:
                kwargs[f.name] = _decode(hints[f.name], raw[f.name], f"{where}.{f.name}")
        unknown = set(raw) - {f.name for f in dataclasses.fields(tp)}
        if unknown:
            raise _bad(where, "known fields only", sorted(unknown))
        try:
            return tp(**kwargs)
        except TypeError as exc:
            raise _bad(where, "all required fields", str(exc)) from exc
    if isinstance(tp, type) and issubclass(tp, Enum):
        try:
            return tp(raw)
        except ValueError as exc:
            raise _bad(where, f"one of {[m.value for m in tp]}", raw) from exc
    if tp is dt.datetime:
        if not isinstance(raw, str):
            raise _bad(where, "a date-time", raw)
        try:
            return dt.datetime.fromisoformat(raw)
        except ValueError as exc:
            raise _bad(where, "a date-time (YYYY-MM-DDTHH:MM:SS)", raw) from exc
    if tp is dt.date:
        if not isinstance(raw, str):
            raise _bad(where, "a date", raw)
        try:
            return dt.date.fromisoformat(raw)
        except ValueError as exc:
            raise _bad(where, "a date (YYYY-MM-DD)", raw) from exc
    if tp is bool:
        if not isinstance(raw, bool):
            raise _bad(where, "true or false", raw)
        return raw
    if tp is float:
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise _bad(where, "a number", raw)
        return float(raw)
    if tp is int or getattr(tp, "__supertype__", None) is int:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise _bad(where, "a whole number", raw)
        return raw
    if tp is str:
        if not isinstance(raw, str):
            raise _bad(where, "text", raw)
        return raw
    raise TypeError(error_text("unsupported type in the assessment record: {0} at {1}", repr(tp), where))


# The parts of a record the service keeps as stored whatever a save sends (`drafting._draft_change`): who
# started and approved it, its status, version and history, the country data it relied on, its origin.
# Nobody chooses them on a page, so a comparison of two people's versions leaves them out.
SERVICE_KEPT: tuple[str, ...] = (
    "status",
    "version",
    "assessor",
    "approved_by",
    "approved_at",
    "history",
    "destination_version",
    "derived_from",
)
