"""Step 4/5: supplementary measures (EDPB Annex 2), the use-case warnings and the action plan."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from transfer_tool.assessment.precheck import Reason
from transfer_tool.assessment.record import ChosenMeasure, MeasureStatus, TransferFacts, UseCaseChoice
from transfer_tool.domain import DataFormat, KeyHolder, PartyRole
from transfer_tool.errors import Problem, ValidationError
from transfer_tool.i18n.engine_text import engine_text, error_text
from transfer_tool.paths import data_file

MEASURES_FORMAT = "transfer-tool/measures"
NO_TECHNICAL_FIX = frozenset({6, 7})  # the EDPB found no effective technical measure for these


class MeasureKind(StrEnum):
    TECHNICAL = "technical"
    CONTRACTUAL = "contractual"
    ORGANISATIONAL = "organisational"


class Effectiveness(StrEnum):
    EFFECTIVE = "effective"
    SUPPORTING = "supporting"  # helps only together with other measures
    NOT_EFFECTIVE = "not_effective"


@dataclass(frozen=True)
class UseCase:
    number: int
    name_en: str
    name_ja: str
    technical_fix_possible: bool


@dataclass(frozen=True)
class UseCaseNote:
    use_case: int
    effectiveness: Effectiveness
    note_en: str
    note_ja: str


@dataclass(frozen=True)
class MeasureDef:
    code: str
    kind: MeasureKind
    name_en: str
    name_ja: str
    source: str
    description_en: str = ""
    use_cases: tuple[UseCaseNote, ...] = ()

    def effectiveness_for(self, use_case: int) -> Effectiveness | None:
        note = next((n for n in self.use_cases if n.use_case == use_case), None)
        return note.effectiveness if note else None


@dataclass(frozen=True)
class MeasureCatalog:
    use_cases: tuple[UseCase, ...]
    measures: tuple[MeasureDef, ...]

    def get(self, code: str) -> MeasureDef | None:
        return next((m for m in self.measures if m.code == code), None)

    def for_use_case(self, use_case: int) -> tuple[MeasureDef, ...]:
        return tuple(m for m in self.measures if m.effectiveness_for(use_case) is not None)


def load_measure_catalog(path: Path | None = None) -> MeasureCatalog:
    source = path or data_file("measures.json")
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValidationError(
            error_text("The measure catalogue {0} cannot be read ({1}).", source, exc)
        ) from exc
    return parse_measure_catalog(data, str(source))


def parse_measure_catalog(data: Any, where: str = "measures.json") -> MeasureCatalog:
    """Build the catalogue; the file's shape is described by data/schemas/measures.schema.json."""
    if not isinstance(data, dict) or data.get("format") != MEASURES_FORMAT:
        raise ValidationError(
            error_text("{0} is not a measure catalogue (format must be {1}).", where, repr(MEASURES_FORMAT))
        )
    try:
        use_cases = tuple(UseCase(**u) for u in data["use_cases"])
        measures = tuple(
            MeasureDef(
                code=m["code"],
                kind=MeasureKind(m["kind"]),
                name_en=m["name_en"],
                name_ja=m["name_ja"],
                source=m["source"],
                description_en=m.get("description_en", ""),
                use_cases=tuple(
                    UseCaseNote(n["use_case"], Effectiveness(n["effectiveness"]), n["note_en"], n["note_ja"])
                    for n in m["use_cases"]
                ),
            )
            for m in data["measures"]
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValidationError(
            error_text(
                "The measure catalogue {0} is malformed ({1}); check it against measures.schema.json.",
                where,
                exc,
            )
        ) from exc
    codes = [m.code for m in measures]
    dupes = sorted({c for c in codes if codes.count(c) > 1})
    if dupes:
        raise ValidationError(
            error_text("The measure catalogue {0} has duplicate codes.", where),
            [Problem(where, error_text("duplicate {0}", repr(c))) for c in dupes],
        )
    return MeasureCatalog(use_cases, measures)


def use_cases_for(facts: TransferFacts) -> tuple[int, ...]:
    """The EDPB Annex 2 use cases (Recommendations 01/2020, paras 84-95) the facts point to.

    3 (transit only), 4 (protected recipient) and 5 (split or multi-party processing) follow from the facts the
    assessor states; 1 (storage the importer cannot read: encrypted, keys with the exporter) and 2
    (pseudonymised, the additional information kept by the exporter) from the data's form; otherwise 6 (a
    processor needs the data in the clear) or 7 (a controller, typically a group company, uses it in the
    clear). Empty when the facts leave the case open: the assessor picks one with a reason.
    """
    cases: list[int] = []
    if facts.transit_only:
        cases.append(3)
    if facts.importer_protected_recipient:
        cases.append(4)
    if facts.split_processing:
        cases.append(5)
    if not facts.importer_needs_clear_data and facts.key_holder is KeyHolder.EXPORTER:
        if facts.format_at_rest is DataFormat.ENCRYPTED:
            cases.append(1)
        if DataFormat.PSEUDONYMISED in (facts.format_at_rest, facts.format_in_transit):
            cases.append(2)
    if cases:
        return tuple(cases)
    if facts.importer_needs_clear_data:
        return (6 if facts.importer_role is PartyRole.PROCESSOR else 7,)
    return ()


def chosen_use_cases(facts: TransferFacts, choice: UseCaseChoice | None) -> tuple[tuple[int, ...], str]:
    """The use cases the rules work with, and whether they were "derived" or picked by the "assessor".

    The assessor's pick counts where the facts leave the case open (or point to several cases) and a reason is
    given; a pick the facts contradict does not count (completeness says so)."""
    derived = use_cases_for(facts)
    if choice is not None and choice.reason.strip() and (not derived or choice.case in derived):
        return (choice.case,), "assessor"
    return derived, "derived"


def effective_measures(
    chosen: Sequence[ChosenMeasure], use_cases: Sequence[int], catalog: MeasureCatalog
) -> tuple[ChosenMeasure, ...]:
    """The chosen measures the catalogue rates effective for at least one of the use cases."""
    out = []
    for m in chosen:
        d = catalog.get(m.code)
        if d and any(d.effectiveness_for(u) is Effectiveness.EFFECTIVE for u in use_cases):
            out.append(m)
    return tuple(out)


def use_case_warnings(
    facts: TransferFacts,
    chosen: Sequence[ChosenMeasure],
    catalog: MeasureCatalog,
    *,
    problematic_law_applies: bool,
    cases: Sequence[int] | None = None,
) -> tuple[Reason, ...]:
    """Warnings the measures step shows (EDPB use cases 6 and 7; measures that do not help)."""
    cases = use_cases_for(facts) if cases is None else tuple(cases)
    out: list[Reason] = []
    clear = [u for u in cases if u in NO_TECHNICAL_FIX]
    if clear:
        what = (
            "a cloud or other processor needs the data in the clear (EDPB use case 6)"
            if 6 in clear
            else "the importer accesses the data in the clear for business purposes (EDPB use case 7)"
        )
        text = engine_text(
            "The importer needs the data in the clear: {0}. Technical measures alone cannot "
            "fix this; the EDPB found no effective measure where the destination's "
            "authorities' powers go beyond what is necessary and proportionate.",
            what,
        )
        if problematic_law_applies:
            text = engine_text(
                "{0} A problematic law applies: unless its risk is shown to be acceptable, do not transfer.",
                text,
            )
        out.append(Reason("use_case_6_7_clear_data", text))
    for m in chosen:
        d = catalog.get(m.code)
        if d is None:
            out.append(Reason("unknown_measure", "A chosen measure is no longer in the catalogue."))
            continue
        if (
            d.kind is MeasureKind.TECHNICAL
            and cases
            and all(d.effectiveness_for(u) in (None, Effectiveness.NOT_EFFECTIVE) for u in cases)
        ):
            out.append(
                Reason(
                    "measure_not_effective_here",
                    engine_text(
                        "{0} is not effective for this transfer's use case ({1}).",
                        d.name_en,
                        ", ".join(str(u) for u in cases),
                    ),
                )
            )
    return tuple(out)


@dataclass(frozen=True)
class ActionItem:
    measure: ChosenMeasure
    name_en: str
    incomplete: tuple[str, ...]  # what the item lacks ("owner", "due date")
    overdue: bool


@dataclass(frozen=True)
class ActionPlan:
    items: tuple[ActionItem, ...]

    @property
    def planned(self) -> tuple[ActionItem, ...]:
        return tuple(i for i in self.items if i.measure.status is MeasureStatus.PLANNED)

    @property
    def incomplete(self) -> tuple[ActionItem, ...]:
        return tuple(i for i in self.items if i.incomplete)

    @property
    def overdue(self) -> tuple[ActionItem, ...]:
        return tuple(i for i in self.items if i.overdue)

    @property
    def all_in_place(self) -> bool:
        return bool(self.items) and not self.planned


def action_plan(chosen: Sequence[ChosenMeasure], catalog: MeasureCatalog, today: dt.date) -> ActionPlan:
    """The chosen measures as an action plan: planned ones need an owner and a due date; past due = overdue."""
    items = []
    for m in chosen:
        d = catalog.get(m.code)
        lacks: list[str] = []
        if m.status is MeasureStatus.PLANNED:
            if not m.owner.strip():
                lacks.append("owner")
            if m.due is None:
                lacks.append("due date")
        overdue = m.status is MeasureStatus.PLANNED and m.due is not None and m.due < today
        items.append(ActionItem(m, d.name_en if d else m.code, tuple(lacks), overdue))
    return ActionPlan(tuple(items))
