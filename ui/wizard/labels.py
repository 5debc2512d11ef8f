"""Display labels of the values the wizard offers, from the shared terminology list (ui.terms), so the
wizard, the other screens and the report name each value the same way."""

from __future__ import annotations

from transfer_tool.assessment.measures import Effectiveness, MeasureKind
from transfer_tool.assessment.precheck import Route
from transfer_tool.assessment.record import MeasureStatus, RiskInputMode, StepConclusion
from transfer_tool.domain import Conclusion, DataFormat, Frequency, KeyHolder, PartyRole
from ui.terms import term, value_key


def party_role(v: PartyRole) -> str:
    return term(value_key("role", v))


def frequency(v: Frequency) -> str:
    return term(value_key("frequency", v))


def data_format(v: DataFormat) -> str:
    return term(value_key("format", v))


def key_holder(v: KeyHolder) -> str:
    return term(value_key("keyholder", v))


def step_conclusion(v: StepConclusion) -> str:
    return term(value_key("law.conclusion", v))


def measure_status(v: MeasureStatus) -> str:
    return term(value_key("measure.status", v))


def measure_kind(v: MeasureKind) -> str:
    return term(value_key("measure.kind", v))


def effectiveness(v: Effectiveness | None) -> str:
    return term(value_key("measure.effectiveness", v if v is not None else "not_rated"))


def conclusion(v: Conclusion | None) -> str:
    return term(value_key("conclusion", v) if v is not None else "conclusion.none_yet")


def risk_mode(v: RiskInputMode) -> str:
    return term(value_key("risk.mode", v))


def route(v: Route) -> str:
    return term(value_key("route", v))


def yes_no(v: bool) -> str:
    return term("doc.yes" if v else "doc.no")
