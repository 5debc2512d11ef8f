"""Display labels of the values the wizard offers (literal `translate()` calls so lupdate finds them)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from transfer_tool.assessment.measures import Effectiveness, MeasureKind
from transfer_tool.assessment.precheck import Route
from transfer_tool.assessment.record import MeasureStatus, RiskInputMode, StepConclusion
from transfer_tool.domain import Conclusion, DataFormat, Frequency, KeyHolder, PartyRole


def _t(text: str) -> str:
    return QCoreApplication.translate("WizardLabels", text)


def party_role(v: PartyRole) -> str:
    return {PartyRole.CONTROLLER: _t("Controller"), PartyRole.PROCESSOR: _t("Processor")}[v]


def frequency(v: Frequency) -> str:
    return {Frequency.ONE_OFF: _t("One-off"), Frequency.CONTINUOUS: _t("Continuous or repeated")}[v]


def data_format(v: DataFormat) -> str:
    return {
        DataFormat.CLEAR: _t("In the clear"),
        DataFormat.PSEUDONYMISED: _t("Pseudonymised"),
        DataFormat.ENCRYPTED: _t("Encrypted"),
    }[v]


def key_holder(v: KeyHolder) -> str:
    return {
        KeyHolder.NOT_APPLICABLE: _t("Not applicable (not encrypted at rest)"),
        KeyHolder.EXPORTER: _t("The exporter only"),
        KeyHolder.IMPORTER: _t("The importer"),
        KeyHolder.THIRD_PARTY: _t("A third party"),
    }[v]


def step_conclusion(v: StepConclusion) -> str:
    return {
        StepConclusion.NO_PROBLEMATIC_LAW: _t("No problematic law applies to this importer and data"),
        StepConclusion.NOT_APPLIED_IN_PRACTICE: _t(
            "A problematic law applies on paper, but is documented as not applied in practice"
        ),
        StepConclusion.MEASURES_NEEDED: _t("A problematic law applies: supplementary measures are needed"),
    }[v]


def measure_status(v: MeasureStatus) -> str:
    return {MeasureStatus.IN_PLACE: _t("In place"), MeasureStatus.PLANNED: _t("Planned")}[v]


def measure_kind(v: MeasureKind) -> str:
    return {
        MeasureKind.TECHNICAL: _t("Technical"),
        MeasureKind.CONTRACTUAL: _t("Contractual"),
        MeasureKind.ORGANISATIONAL: _t("Organisational"),
    }[v]


def effectiveness(v: Effectiveness | None) -> str:
    if v is None:
        return _t("Not rated for this use case")
    return {
        Effectiveness.EFFECTIVE: _t("Effective"),
        Effectiveness.SUPPORTING: _t("Supporting only"),
        Effectiveness.NOT_EFFECTIVE: _t("Not effective"),
    }[v]


def conclusion(v: Conclusion | None) -> str:
    if v is None:
        return _t("None yet (law and practice has no conclusion)")
    return {
        Conclusion.PROCEED: _t("Proceed"),
        Conclusion.PROCEED_WITH_MEASURES: _t("Proceed once the planned measures are in place"),
        Conclusion.DO_NOT_TRANSFER: _t("Do not transfer (suspend)"),
    }[v]


def risk_mode(v: RiskInputMode) -> str:
    return {
        RiskInputMode.PER_YEAR: _t("Each factor chain gives a yearly probability"),
        RiskInputMode.PER_PERIOD: _t("Each factor chain gives the probability over the whole period"),
    }[v]


def route(v: Route) -> str:
    return {
        Route.NOT_A_TRANSFER: _t("Not a transfer"),
        Route.ADEQUACY: _t("Adequacy"),
        Route.PARTIAL_CONFIRMED: _t("Partial adequacy, condition met"),
        Route.PARTIAL_UNCONFIRMED: _t("Partial adequacy, condition not confirmed"),
        Route.NO_ADEQUACY: _t("No adequacy"),
        Route.UNKNOWN_STATUS: _t("Status unknown (treated as not adequate)"),
    }[v]


def yes_no(v: bool) -> str:
    return _t("Yes") if v else _t("No")
