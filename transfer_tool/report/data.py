"""The `ReportData` value: everything the TIA PDF shows, as plain frozen dataclasses (no ORM).

The builder (not here) resolves a stored assessment into this value. Texts the user typed are `str` and
are shown as typed in either language; texts that exist in several languages are `Translatable` and are
read in the report's language at render time: data that carries its own English and Japanese (catalogue
labels, country names) as `Localized`, the report's and the engine's sentences as catalogue messages
(`transfer_tool.i18n.message`), enum values through the terminology (terms.po).
Dates stay `datetime.date` so each language formats them its own way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from transfer_tool.countries.model import RegimeEntry
from transfer_tool.domain import (
    AssessmentStatus,
    Conclusion,
    DataFormat,
    Frequency,
    KeyHolder,
    PartyRole,
)
from transfer_tool.i18n.message import Translatable

MeasureKind = Literal["technical", "contractual", "organisational"]
MeasureStatus = Literal["in_place", "planned"]
ActionStatus = Literal["open", "in_progress", "done"]
ReviewAction = Literal["created", "submitted", "returned", "approved"]


@dataclass(frozen=True)
class Localized(Translatable):
    """A text the data gives in English and Japanese; Japanese falls back to English when missing."""

    en: str
    ja: str = ""

    def get(self, lang: str) -> str:
        return self.ja if lang == "ja" and self.ja else self.en


Text = str | Translatable


def localize(value: Text, lang: str) -> str:
    return value.get(lang) if isinstance(value, Translatable) else value


@dataclass(frozen=True)
class Party:
    """One party as SCC Annex I.A lists it."""

    name: str
    country: Localized
    role: PartyRole
    address: str = ""
    registration_no: str = ""
    contact_name: str = ""
    contact_position: str = ""
    contact_details: str = ""
    activities: str = ""
    recipient_type: Text = ""  # policy §9 type, for the importer
    signatory: str = ""
    signature_date: dt.date | None = None


@dataclass(frozen=True)
class PolicyItem:
    """A catalogue entry with its privacy-policy reference, e.g. ("Contact information", "§4-1")."""

    label: Text
    section: str = ""
    sensitive: bool = False


@dataclass(frozen=True)
class OnwardTransfer:
    recipient: str
    country: Localized
    purpose: Text = ""
    safeguard: Text = ""


@dataclass(frozen=True)
class TransferDescription:
    """SCC Annex I.B."""

    data_subjects: tuple[Text, ...]
    data_categories: tuple[PolicyItem, ...]
    purposes: tuple[PolicyItem, ...]
    frequency: Frequency
    nature: str = ""
    legal_basis: tuple[PolicyItem, ...] = ()
    sensitive_data: Text = ""
    sensitive_restrictions: Text = ""
    volume: Text = ""
    retention: Text = ""
    storage_location: Text = ""
    remote_access: Text = ""
    format_in_transit: DataFormat = DataFormat.ENCRYPTED
    format_at_rest: DataFormat = DataFormat.CLEAR
    key_holder: KeyHolder = KeyHolder.NOT_APPLICABLE
    onward_transfers: tuple[OnwardTransfer, ...] = ()


@dataclass(frozen=True)
class RegimeTool:
    """The transfer tool chosen under one regime."""

    regime: str
    tool: Text
    justification: Text = ""  # typed by the assessor, or the engine's reason when no tool is chosen
    warnings: tuple[Text, ...] = ()
    scope: tuple[Text, ...] = ()  # each scope limit of the adequacy decision: the question and the answer
    conditions_met: tuple[Text, ...] = ()  # the derogation's conditions the assessor confirmed
    conditions_open: tuple[Text, ...] = ()  # the derogation's conditions not confirmed (never left out)
    exception_reason: str = ""  # why a derogation used for a continuous transfer stays an exception
    adequacy_conditions: tuple[str, ...] = ()  # partial adequacy: the conditions the assessor confirmed


@dataclass(frozen=True)
class LawFinding:
    """A government-access law of the destination and the assessor's finding for this transfer."""

    name: Text
    problematic: bool
    applies: bool | None  # None: the assessor has not answered (printed "Not answered", never "No")
    reasoning: str = ""
    sources: tuple[Text, ...] = ()


@dataclass(frozen=True)
class LawAndPractice:
    laws: tuple[LawFinding, ...] = ()
    practical_experience: str = ""
    experience_sources: tuple[Text, ...] = ()  # sources as typed; research ones labelled in the language
    step_conclusion: Text = ""


@dataclass(frozen=True)
class Measure:
    """A supplementary measure (SCC Annex II)."""

    name: Text
    kind: MeasureKind | None  # None: not known (a measure no longer in the catalogue)
    status: MeasureStatus
    description: Text = ""
    owner: str = ""
    due: dt.date | None = None
    use_case: Text = ""


@dataclass(frozen=True)
class ActionItem:
    action: Text
    status: ActionStatus
    owner: str = ""
    due: dt.date | None = None


@dataclass(frozen=True)
class RiskFactor:
    label: Text
    probability: float  # 0..1
    justification: str = ""


@dataclass(frozen=True)
class RiskLaw:
    """One problematic law: its factor chain and the engine's resulting probabilities."""

    law: Text
    factors: tuple[RiskFactor, ...]
    per_year: float  # 0..1
    over_period: float  # 0..1


@dataclass(frozen=True)
class SensitivityRow:
    label: Text
    over_period: float


@dataclass(frozen=True)
class QuantifiedRisk:
    period_years: int
    laws: tuple[RiskLaw, ...]
    total_over_period: float  # P(at least one prohibited access in the period)
    threshold: float
    once_every_years: float | None = None  # None when the probability is zero
    sensitivity: tuple[SensitivityRow, ...] = ()
    method: Text = ""


@dataclass(frozen=True)
class ConclusionInfo:
    recommended: Conclusion | None  # None: the tool has none yet (step 3 has no conclusion)
    chosen: Conclusion | None  # None: the assessor has reached none yet (a draft never shows a default)
    reason: Text = ""
    procedural_steps: str = ""
    reevaluation_date: dt.date | None = None
    # No date yet (a version before approval): approval will set it this many months ahead, as the
    # wizard's conclusion step says.
    reevaluation_months: int | None = None
    grounds: Text = ""  # per regime, the recommendation's reasons (EU/UK/CH, APPI and LGPD differ)


def conclusion_key(value: Conclusion | None, missing: str) -> str:
    """The terminology key of a conclusion, or of `missing` (`none_yet`, `not_reached`) when there is none."""
    return "conclusion." + (value.value if value is not None else missing)


@dataclass(frozen=True)
class AppiConsentInfo:
    """What the principal must be told under APPI Art. 28(2) / PPC Rules Art. 17."""

    country_name: Translatable
    protection_system: Text
    recipient_measures: Text
    notes: Text = ""


@dataclass(frozen=True)
class ReviewEvent:
    who: str
    when: dt.datetime
    action: ReviewAction
    comment: Text = ""  # section tags shown by the section's name, never "[law_practice]"


@dataclass(frozen=True)
class ReviewCommentLine:
    """A comment the reviewer returned a version with, and who dealt with it and when: the report states
    how the four eyes' loop was closed, not only that the version went back and forth."""

    version: int  # the version the reviewer commented on
    comment: Text  # the section's name, then the reviewer's words
    reviewer: str
    made_at: dt.datetime
    dealt_with_by: str = ""
    dealt_with_at: dt.datetime | None = None  # None: not dealt with yet (a version not yet resubmitted)


@dataclass(frozen=True)
class SignOff:
    approver_name: str = ""
    approver_role: Text = ""
    # The approval's moment, printed in UTC and saying so: a bare UTC date read as local was a day early
    # for an approval made before 09:00 in Tokyo.
    at: dt.datetime | None = None
    single_user_mode: bool = False
    # What the approver confirms (the approval's attestations, keys of the terminology's "signoff.confirm."):
    # as confirmed for an approved version, as to be confirmed before.
    confirmations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Evidence:
    label: str
    filename: str
    sha256: str


@dataclass(frozen=True)
class Answer:
    """A yes/no question and the assessor's reasoning; `value` None: not answered (never printed "No")."""

    value: bool | None = None
    reasoning: str = ""


@dataclass(frozen=True)
class Acceptance:
    """What a DPO needs beyond the six steps (issue 18, point 7); "" and None print "Not answered"."""

    anonymisation: str = ""
    performed_by: str = ""
    framework: str = ""
    framework_basis: Text = ""  # the country data's summary of the destination's system, when there is one
    redress: str = ""
    tool_enforceable: Answer = field(default_factory=Answer)
    uk_test: Answer | None = None  # only when the UK GDPR applies
    # GDPR and UK GDPR Art. 49(3): the exporter acts as a public authority in its public powers (only when
    # either applies; its value None prints "Not answered").
    public_powers: Answer | None = None
    supervisory_authority: str = ""
    importer_sign_off_wanted: bool = False
    importer_signatory: str = ""
    importer_signed_on: dt.date | None = None


@dataclass(frozen=True)
class ReportData:
    """Everything one TIA PDF shows."""

    reference: str
    version: int
    status: AssessmentStatus
    title: str
    created: dt.date
    updated: dt.date
    organisation: str
    assessor: str
    exporter: Party
    importer: Party
    destination: Localized
    destination_code: str
    transfer: TransferDescription
    regimes: tuple[str, ...]
    destination_status: tuple[RegimeEntry, ...]
    country_data_version: int
    tools: tuple[RegimeTool, ...]
    law_and_practice: LawAndPractice
    conclusion: ConclusionInfo
    country_data_verified: dt.date | None = None  # the oldest check date of the entries relied on
    country_data_unverified: tuple[str, ...] = ()  # regimes whose entry nobody checked (never "verified")
    measures: tuple[Measure, ...] = ()
    action_plan: tuple[ActionItem, ...] = ()
    risk: QuantifiedRisk | None = None
    risk_unfinished: bool = False  # a quantified assessment was started but its level cannot be stated yet
    appi_consent: AppiConsentInfo | None = None
    review_history: tuple[ReviewEvent, ...] = ()
    review_comments: tuple[ReviewCommentLine, ...] = ()
    sign_off: SignOff = field(default_factory=SignOff)
    evidence: tuple[Evidence, ...] = ()
    keywords: tuple[Text, ...] = ()  # the file's properties, each in the report's language
    # issue #23: the assessment this one was copied from (reference and version), "" / 0 when none
    derived_from: str = ""
    derived_from_version: int = 0
    acceptance: Acceptance = field(default_factory=Acceptance)
    # the country data's names of the regimes the report names (a regime the terminology does not name)
    regime_names: dict[str, Localized] = field(default_factory=dict)
    # the facts nobody gave (a register import left them blank: the roles, frequency, forms of the data, key
    # holder, sensitive data): printed "Not answered", never as the default that stood in for them
    assumed: tuple[str, ...] = ()  # (a tuple: its repr, which `reading_digest` hashes, has one order)
