"""The few fields of a stored assessment record that the privacy notice reads (destination, regimes,
tools, measures, the law-and-practice conclusion), read straight from the stored JSON when it is of the
current format: over the whole register, decoding every record would cost about 40 times more."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from transfer_tool.assessment.record import (
    RECORD_FORMAT,
    RECORD_SCHEMA_VERSION,
    AssessmentRecord,
    MeasureStatus,
    StepConclusion,
    from_dict,
)


@dataclass(frozen=True)
class ApprovedRecord:
    """The few fields of a stored assessment record the notice reads."""

    destination: str
    regimes: tuple[str, ...]
    tools: dict[str, str]
    destination_version: int | None
    in_place: tuple[str, ...]
    planned: tuple[tuple[str, dt.date | None], ...]
    laws_applying: tuple[str, ...]
    measures_needed: bool


def read_approved(raw: Any) -> ApprovedRecord:
    """Read straight from the stored JSON (decoding a whole record costs ~40× more); a record of another
    format or schema goes through `record.from_dict`, which says what is wrong with it."""
    current = (
        isinstance(raw, dict)
        and raw.get("format") == RECORD_FORMAT
        and raw.get("schema_version") == RECORD_SCHEMA_VERSION
    )
    if not current:
        return _decoded(from_dict(raw))
    try:
        body = raw["record"]
        applied = tuple(str(r) for r in body["regimes"]["applied"])
        added = tuple(str(a["regime"]) for a in body["regimes"]["added"] if a["regime"] not in applied)
        measures = body.get("measures") or []
        laws = body.get("law_practice", {}).get("laws") or []
        return ApprovedRecord(
            destination=str(body["facts"]["destination"]),
            regimes=applied + added,
            tools={str(t["regime"]): str(t["tool"]) for t in body.get("tools") or []},
            destination_version=body.get("destination_version"),
            in_place=tuple(
                str(m["code"]) for m in measures if m.get("status") == MeasureStatus.IN_PLACE.value
            ),
            planned=tuple(
                (str(m["code"]), dt.date.fromisoformat(m["due"]) if m.get("due") else None)
                for m in measures
                if m.get("status") == MeasureStatus.PLANNED.value
            ),
            laws_applying=tuple(str(a["law_key"]) for a in laws if a.get("applies") is True),
            measures_needed=body.get("law_practice", {}).get("conclusion")
            == StepConclusion.MEASURES_NEEDED.value,
        )
    except (AttributeError, KeyError, TypeError, ValueError):
        return _decoded(from_dict(raw))


def _decoded(record: AssessmentRecord) -> ApprovedRecord:
    return ApprovedRecord(
        destination=record.facts.destination,
        regimes=record.regimes.codes(),
        tools={c.regime: c.tool for c in record.tools},
        destination_version=record.destination_version,
        in_place=tuple(m.code for m in record.measures if m.status is MeasureStatus.IN_PLACE),
        planned=tuple((m.code, m.due) for m in record.measures if m.status is MeasureStatus.PLANNED),
        laws_applying=tuple(a.law_key for a in record.law_practice.laws if a.applies),
        measures_needed=record.law_practice.conclusion is StepConclusion.MEASURES_NEEDED,
    )
