"""The transfer-tool catalogue (data/transfer_tools.json): tools per regime, the certification that
meets a partial-adequacy condition, and destinations with their own export regime."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from transfer_tool.errors import Problem, ValidationError
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.paths import data_file

TOOLS_FORMAT = "transfer-tool/transfer-tools"


class ToolKind(StrEnum):
    ADEQUACY = "adequacy"  # adequacy decision, data bridge, PPC-recognised country
    SAFEGUARD = "safeguard"  # SCCs, IDTA, BCRs, codes, certification, ad hoc clauses
    DEROGATION = "derogation"  # Art. 49-type exceptions: occasional transfers only
    CONSENT = "consent"  # APPI informed consent (a route of its own, not an Art. 49 derogation)
    EQUIVALENT_MEASURES = "equivalent_measures"  # APPI 相当措置


class FrequencyLimit(StrEnum):
    """How often a derogation may carry transfers, as the law words it (EDPB Guidelines 2/2018, section 1)."""

    NONE = ""  # the text sets no limit (FADP Art. 17, LGPD Art. 33(VIII) consent)
    OCCASIONAL = "occasional"  # GDPR Art. 49(1)(b), (c), (e): recital 111 "occasional"
    NOT_REPETITIVE = "not_repetitive"  # Art. 49(1) second subparagraph: not repetitive, limited number
    EXCEPTIONAL = (
        "exceptional"  # (a), (d), (f), (g): no "occasional" in the text, yet must not become the rule
    )


@dataclass(frozen=True)
class ToolCondition:
    """One condition of a derogation the assessor confirms (e.g. informed of the risks before consenting)."""

    code: str
    text_en: str
    text_ja: str


@dataclass(frozen=True)
class ToolDef:
    code: str
    regime: str
    kind: ToolKind
    name_en: str
    name_ja: str
    source: str
    scc_module: int | None = None  # EU SCC module the tool is
    uses_scc_module: bool = False  # the tool wraps an EU SCC module (Swiss adaptation)
    yearly_check: bool = False
    frequency_limit: FrequencyLimit = FrequencyLimit.NONE
    conditions: tuple[ToolCondition, ...] = ()
    # GDPR and UK GDPR Art. 49(3): not for activities of public authorities in the exercise of their public
    # powers (points (a), (b), (c) and the second subparagraph of Art. 49(1)).
    closed_to_public_powers: bool = False

    @property
    def occasional_only(self) -> bool:
        """The law allows this derogation only for occasional (or non-repetitive) transfers."""
        return self.frequency_limit in (FrequencyLimit.OCCASIONAL, FrequencyLimit.NOT_REPETITIVE)


@dataclass(frozen=True)
class CertificationCondition:
    """A partial-adequacy condition met by an importer certification (e.g. US under EU: "EU-US DPF")."""

    destination: str
    regime: str
    certification: str
    source: str


@dataclass(frozen=True)
class ExportRegime:
    """A destination's own export regime, which governs data sent back or onward from there."""

    destination: str
    regime: str
    name_en: str
    name_ja: str
    note_en: str
    source: str


@dataclass(frozen=True)
class ToolCatalog:
    tools: tuple[ToolDef, ...]
    certification_conditions: tuple[CertificationCondition, ...] = ()
    export_regimes: tuple[ExportRegime, ...] = ()

    def get(self, code: str) -> ToolDef | None:
        return next((t for t in self.tools if t.code == code), None)

    def for_regime(self, regime: str) -> tuple[ToolDef, ...]:
        return tuple(t for t in self.tools if t.regime == regime)

    def adequacy_tool(self, regime: str) -> ToolDef | None:
        return next((t for t in self.for_regime(regime) if t.kind is ToolKind.ADEQUACY), None)

    def certification_for(self, destination: str, regime: str) -> CertificationCondition | None:
        return next(
            (c for c in self.certification_conditions if c.destination == destination and c.regime == regime),
            None,
        )

    def export_regimes_of(self, destination: str) -> tuple[ExportRegime, ...]:
        return tuple(e for e in self.export_regimes if e.destination == destination)


def load_tool_catalog(path: Path | None = None) -> ToolCatalog:
    """Read the shipped (or an admin-edited) transfer-tool catalogue."""
    source = path or data_file("transfer_tools.json")
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValidationError(
            error_text("The transfer-tool catalogue {0} cannot be read ({1}).", source, exc)
        ) from exc
    return parse_tool_catalog(data, str(source))


def parse_tool_catalog(data: Any, where: str = "transfer_tools.json") -> ToolCatalog:
    if not isinstance(data, dict) or data.get("format") != TOOLS_FORMAT:
        raise ValidationError(
            error_text(
                "{0} is not a transfer-tool catalogue (format must be {1}).", where, repr(TOOLS_FORMAT)
            )
        )
    problems: list[Problem] = []
    tools: list[ToolDef] = []
    seen: set[str] = set()
    for i, raw in enumerate(data.get("tools", [])):
        try:
            tool = ToolDef(
                code=str(raw["code"]),
                regime=str(raw["regime"]),
                kind=ToolKind(raw["kind"]),
                name_en=str(raw["name_en"]),
                name_ja=str(raw["name_ja"]),
                source=str(raw["source"]),
                scc_module=raw.get("scc_module"),
                uses_scc_module=bool(raw.get("uses_scc_module", False)),
                yearly_check=bool(raw.get("yearly_check", False)),
                frequency_limit=FrequencyLimit(
                    raw.get("frequency_limit", "occasional" if raw.get("occasional_only") else "")
                ),
                conditions=tuple(ToolCondition(**c) for c in raw.get("conditions", [])),
                closed_to_public_powers=bool(raw.get("closed_to_public_powers", False)),
            )
        except (KeyError, ValueError, TypeError) as exc:
            problems.append(
                Problem(
                    error_text("{0}: tools[{1}]", where, i), error_text("missing or wrong field ({0})", exc)
                )
            )
            continue
        if tool.code in seen:
            problems.append(
                Problem(
                    error_text("{0}: tools[{1}]", where, i),
                    error_text("duplicate tool code {0}", repr(tool.code)),
                )
            )
        seen.add(tool.code)
        tools.append(tool)
    try:
        certs = tuple(CertificationCondition(**c) for c in data.get("certification_conditions", []))
        exports = tuple(ExportRegime(**e) for e in data.get("destination_export_regimes", []))
    except TypeError as exc:
        problems.append(
            Problem(where, error_text("a condition or export-regime entry is malformed ({0})", exc))
        )
        certs, exports = (), ()
    if problems:
        raise ValidationError(
            error_text("The transfer-tool catalogue {0} has errors; fix them and reload.", where), problems
        )
    return ToolCatalog(tuple(tools), certs, exports)
