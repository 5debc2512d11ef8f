"""The engine headless: a transfer described in JSON in, the evaluation as JSON out (`transfer-tool assess`).

The input's shape is `data/schemas/assess-input.schema.json` (field names and values of the assessment
record); the output names every rule's outcome by a stable code, with the English (or translated) text beside
it. Pure: the caller passes the country data, the catalogues and the date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from transfer_tool.assessment.completeness import blocking_tool_warning, missing_items
from transfer_tool.assessment.context import AssessmentContext, Evaluation, evaluate
from transfer_tool.assessment.measures import MeasureCatalog
from transfer_tool.assessment.precheck import Reason, select_regimes
from transfer_tool.assessment.record import (
    AcceptanceItems,
    AddedRegime,
    AppiConsentFacts,
    AssessmentRecord,
    ChosenMeasure,
    ConditionConfirmation,
    LawPracticeStep,
    RiskInputs,
    ScopeAnswer,
    ToolChoice,
    TransferFacts,
    UseCaseChoice,
    decode_value,
)
from transfer_tool.assessment.tool_catalog import ToolCatalog
from transfer_tool.countries.model import Destination, Regime
from transfer_tool.errors import Problem, ValidationError
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.paths import data_file

INPUT_FORMAT = "transfer-tool/assess-input"
OUTPUT_FORMAT = "transfer-tool/assess-result"
OUTPUT_VERSION = 1
SCHEMA_FILE = "schemas/assess-input.schema.json"

Translate = Callable[[str], str]


@dataclass(frozen=True)
class TransferInput:
    label: str
    record: AssessmentRecord
    where: str  # where it stands in the input ("" for a single transfer, "transfers[2]")


def _schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(data_file(SCHEMA_FILE).read_text(encoding="utf-8"))
    return loaded


def _path(where: str, parts: Sequence[object]) -> str:
    out = where
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(the whole input)"


def _check_schema(data: object, where: str) -> None:
    import jsonschema  # loaded on use: the command line stays light

    schema = _schema()
    sub = {"$defs": schema["$defs"], "$ref": "#/$defs/transfer"}
    validator = jsonschema.Draft202012Validator(sub)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        raise ValidationError(
            "The input does not describe a transfer the engine can read; correct the named fields.",
            [Problem(_path(where, list(e.absolute_path)), e.message) for e in errors[:20]],
        )


def parse_input(text: str) -> tuple[TransferInput, ...]:
    """The transfers in the input; ValidationError naming every wrong field (nothing is evaluated then)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            "The input is not valid JSON.",
            [Problem(error_text("line {0}, column {1}", exc.lineno, exc.colno), exc.msg)],
        ) from exc
    if isinstance(data, dict) and "transfers" in data:
        problems = []
        if data.get("format", INPUT_FORMAT) != INPUT_FORMAT:
            problems.append(Problem("format", error_text("expected {0}", repr(INPUT_FORMAT))))
        if data.get("version", 1) != 1:
            problems.append(Problem("version", "this tool reads version 1"))
        unknown = sorted(set(data) - {"format", "version", "transfers"})
        if unknown:
            problems.append(Problem("(top level)", error_text("unknown fields {0}", unknown)))
        items = data["transfers"]
        if not isinstance(items, list) or not items:
            problems.append(Problem("transfers", "expected a non-empty list of transfers"))
        if problems:
            raise ValidationError("The input cannot be read.", problems)
        located = [(f"transfers[{i}]", item) for i, item in enumerate(items)]
    else:
        located = [("", data)]
    for where, item in located:
        _check_schema(item, where)
    return tuple(_to_input(item, where, i) for i, (where, item) in enumerate(located))


def _field(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def _to_input(raw: dict[str, Any], where: str, index: int) -> TransferInput:
    facts_raw = dict(raw["facts"])
    facts_raw.setdefault("destination", facts_raw["importer_country"])
    facts = decode_value(TransferFacts, facts_raw, _field(where, "facts"))
    added = decode_value(
        tuple[AddedRegime, ...], raw.get("regimes_added", []), _field(where, "regimes_added")
    )
    record = AssessmentRecord(
        facts=facts,
        regimes=dataclasses.replace(AssessmentRecord(facts).regimes, added=added),
        confirmed_conditions=decode_value(
            tuple[ConditionConfirmation, ...],
            raw.get("confirmed_conditions", []),
            _field(where, "confirmed_conditions"),
        ),
        scope_answers=decode_value(
            tuple[ScopeAnswer, ...], raw.get("scope_answers", []), _field(where, "scope_answers")
        ),
        tools=decode_value(tuple[ToolChoice, ...], raw.get("tools", []), _field(where, "tools")),
        use_case_choice=decode_value(
            UseCaseChoice | None, raw.get("use_case_choice"), _field(where, "use_case_choice")
        ),
        law_practice=decode_value(
            LawPracticeStep, raw.get("law_practice", {}), _field(where, "law_practice")
        ),
        measures=decode_value(tuple[ChosenMeasure, ...], raw.get("measures", []), _field(where, "measures")),
        risk=decode_value(RiskInputs, {"mode": "per_period", **raw.get("risk", {})}, _field(where, "risk")),
        appi_consent=decode_value(
            AppiConsentFacts, raw.get("appi_consent", {}), _field(where, "appi_consent")
        ),
        acceptance=decode_value(AcceptanceItems, raw.get("acceptance", {}), _field(where, "acceptance")),
    )
    return TransferInput(str(raw.get("id", f"#{index + 1}")), record, where)


def prepare(
    item: TransferInput,
    destinations: Mapping[str, Destination],
    regimes: Sequence[Regime],
    tools: ToolCatalog,
    measures: MeasureCatalog,
) -> tuple[AssessmentRecord, AssessmentContext]:
    """The record with its regimes selected, and the context it is judged in; ValidationError on unknown codes."""
    facts = item.record.facts
    where = _field(item.where, "facts")
    problems = [
        Problem(f"{where}.{name}", error_text("{0} is not a known destination code", repr(code)))
        for name, code in (
            ("exporter_country", facts.exporter_country),
            ("importer_country", facts.importer_country),
            ("destination", facts.destination),
        )
        if code not in destinations
    ]
    for name in ("storage_countries", "remote_access_countries"):
        for i, code in enumerate(getattr(facts, name)):
            if code not in destinations:
                problems.append(
                    Problem(
                        f"{where}.{name}[{i}]", error_text("{0} is not a known destination code", repr(code))
                    )
                )
    if problems:
        raise ValidationError("The input names countries the country data does not know.", problems)
    selection = select_regimes(facts.exporter_country, regimes, item.record.regimes.added)
    record = dataclasses.replace(item.record, regimes=selection)
    ctx = AssessmentContext(destinations[facts.destination], tuple(regimes), tools, measures, destinations)
    return record, ctx


def _reason(r: Reason, tr: Translate) -> dict[str, str]:
    return {"code": r.code, "text": tr(r.text)}


def result(
    label: str, record: AssessmentRecord, ctx: AssessmentContext, today: dt.date, tr: Translate = str
) -> dict[str, Any]:
    """The evaluation of one transfer as plain JSON values (the output's `results[]` item)."""
    ev: Evaluation = evaluate(record, ctx, today)
    pre = ev.precheck
    regimes = []
    for check in pre.checks:
        regimes.append(
            {
                "regime": check.regime,
                "is_transfer": check.is_transfer,
                "route": check.route.value,
                "full_assessment_needed": check.full_assessment_needed,
                "destinations_to_assess": list(check.destinations_to_assess),
                "scope_limits": [
                    {
                        "limit": s.code,
                        "question": tr(s.question_en),
                        "answer": s.answer,
                        "source": s.source,
                    }
                    for s in check.scope_limits
                ],
                "reasons": [_reason(r, tr) for r in check.reasons],
            }
        )
    rec = ev.recommendation
    gaps = missing_items(record, ctx, today)
    return {
        "id": label,
        "destination": ctx.destination.code,
        "is_transfer": pre.is_transfer,
        "full_assessment_needed": pre.full_assessment_needed,
        "regimes": regimes,
        "proposed_tools": [
            {"regime": p.regime, "tool": p.tool, "preferred": p.preferred, "why": tr(p.why)}
            for p in ev.proposals.proposals
        ],
        "notes": [_reason(n, tr) for n in ev.proposals.notes],
        "warnings": [
            {
                "code": w.code,
                "regime": w.regime,
                "text": tr(w.text),
                "blocks_submission": blocking_tool_warning(w.code),
            }
            for w in ev.tool_warnings
        ]
        + [
            {"code": r.code, "regime": None, "text": tr(r.text), "blocks_submission": False}
            for r in ev.measure_warnings
        ],
        "appi_consent_information": _consent(ev, record, tr),
        "use_cases": list(ev.use_cases),
        "use_case_source": ev.use_case_source,
        "risk": None
        if ev.risk is None
        else {
            "period_probability": ev.risk.period_probability,
            "yearly_probability": ev.risk.yearly_probability,
            "threshold": ev.risk.threshold,
            "above_threshold": ev.risk.above_threshold,
        },
        "missing": [{"step": g.step, "field": g.field, "message": tr(g.message)} for g in gaps],
        "recommendation": {
            "conclusion": rec.conclusion.value if rec.conclusion else None,
            "reasons": [_reason(r, tr) for r in rec.reasons],
            "per_regime": [
                {
                    "regime": r.regime,
                    "conclusion": r.conclusion.value if r.conclusion else None,
                    "reasons": [_reason(x, tr) for x in r.reasons],
                }
                for r in rec.per_regime
            ],
        },
    }


def _consent(ev: Evaluation, record: AssessmentRecord, tr: Translate) -> dict[str, Any] | None:
    """APPI Art. 28(2), PPC Rules Art. 17(2)-(4): what to tell the data subject before consent."""
    info = ev.proposals.consent_information
    if info is None:
        return None
    facts = record.appi_consent
    choice = record.tool_for("JP")
    country: dict[str, Any] = {"name_en": info.country_name_en, "name_ja": info.country_name_ja}
    if facts.country_unknown:
        country = {
            "not_identified": True,
            "reason": facts.country_unknown_reason,
            "reference_information": facts.reference_information,
        }
    measures: dict[str, Any] = {"description": choice.justification if choice else ""}
    if facts.measures_unknown:
        measures = {"not_available": True, "reason": facts.measures_unknown_reason}
    return {
        "country": country,
        "protection_system": tr(info.protection_system),
        "indicators": [tr(x) for x in info.indicators],
        "affecting_systems": [tr(x) for x in info.affecting_systems],
        "recipient_measures": measures,
        "missing_from_country_data": [tr(x) for x in info.missing],
    }


def assess_document(
    text: str,
    destinations: Mapping[str, Destination],
    regimes: Sequence[Regime],
    tools: ToolCatalog,
    measures: MeasureCatalog,
    today: dt.date,
    *,
    dataset_version: str = "",
    tr: Translate = str,
) -> dict[str, Any]:
    """The whole output document; ValidationError (naming the fields) before anything is evaluated."""
    items = parse_input(text)
    prepared = [prepare(item, destinations, regimes, tools, measures) for item in items]
    return {
        "format": OUTPUT_FORMAT,
        "version": OUTPUT_VERSION,
        "assessed_on": today.isoformat(),
        "country_data_version": dataset_version,
        "results": [
            result(item.label, record, ctx, today, tr)
            for item, (record, ctx) in zip(items, prepared, strict=True)
        ],
    }
