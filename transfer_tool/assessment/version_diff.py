"""What changed between two versions of an assessment, field by field, as a reviewer reads it (issue 18:
a resubmission after a return is a new version, compared with the version returned).

Pure: each answer of a record becomes one line keyed by (review section, field, item), the item naming which
law, measure or regime when a field repeats; lines present on one side only are additions or removals.
Field names are terminology keys (`diff.*` in the terminology (terms.po)); values are shown as typed or as the
terminology's words for a chosen value, so no internal code reaches the screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from transfer_tool.assessment.measures import MeasureCatalog
from transfer_tool.assessment.record import AssessmentRecord
from transfer_tool.assessment.tool_catalog import ToolCatalog
from transfer_tool.i18n.terminology import Terminology


@dataclass(frozen=True)
class Shown:
    """A value or a name as a person reads it: a terminology key, or text (English and Japanese)."""

    term: str = ""
    en: str = ""
    ja: str = ""

    def text(self, terms: Terminology, lang: str) -> str:
        if self.term:
            return terms.get(self.term, lang)
        return (self.ja or self.en) if lang == "ja" else self.en


@dataclass(frozen=True)
class FieldChange:
    section: str  # a review section (service.REVIEW_SECTIONS): where a comment on it would go
    field: str  # terminology key of the field's name
    item: Shown | None  # which law, measure or regime, when the field repeats
    before: Shown | None  # None: not in that version
    after: Shown | None


Key = tuple[str, str, str]  # section, field, item id
Line = tuple[Shown | None, Shown]


def _text(value: str) -> Shown:
    return Shown(en=value, ja=value)


def _answer(value: bool | None) -> Shown:
    return Shown(term="diff.not_answered" if value is None else ("doc.yes" if value else "doc.no"))


def _date(value: dt.date | None) -> Shown:
    return _text(value.isoformat() if value else "")


def _lines(
    record: AssessmentRecord,
    tools: ToolCatalog,
    measures: MeasureCatalog,
    law_names: Mapping[str, str],
) -> dict[Key, Line]:
    out: dict[Key, Line] = {}

    def put(section: str, field: str, value: Shown, item_id: str = "", item: Shown | None = None) -> None:
        out[(section, field, item_id)] = (item, value)

    def regime(code: str) -> Shown:
        return Shown(term=f"regime.{code}")

    f = record.facts
    put("parties", "diff.exporter_role", Shown(term=f"role.{f.exporter_role.value}"))
    put("parties", "diff.importer_role", Shown(term=f"role.{f.importer_role.value}"))
    put("personal_data", "diff.sensitive_data", _answer(f.sensitive_data))
    put(
        "personal_data",
        "diff.data_subjects_count",
        _text("" if f.data_subjects_count is None else str(f.data_subjects_count)),
    )
    put("handling", "diff.frequency", Shown(term=f"frequency.{f.frequency.value}"))
    put("handling", "diff.format_in_transit", Shown(term=f"format.{f.format_in_transit.value}"))
    put("handling", "diff.format_at_rest", Shown(term=f"format.{f.format_at_rest.value}"))
    put("handling", "diff.key_holder", Shown(term=f"keyholder.{f.key_holder.value}"))
    put("handling", "diff.storage_countries", _text(", ".join(f.storage_countries)))
    put("handling", "diff.remote_access_countries", _text(", ".join(f.remote_access_countries)))
    for o in f.onward_transfers:
        put(
            "handling",
            "diff.onward_transfer",
            _text(f"{o.recipient} ({o.country})"),
            o.recipient,
            _text(o.recipient),
        )

    for a in record.scope_answers:
        item = f"{a.regime}:{a.limit}"
        put("regimes", "diff.scope_answer", _answer(a.answer), item, regime(a.regime))
        if a.note:
            put("regimes", "diff.scope_note", _text(a.note), item, regime(a.regime))
    for c in record.confirmed_conditions:
        put("regimes", "diff.condition", _text(c.text), f"{c.regime}:{c.text}", regime(c.regime))

    # Art. 49(3): the answer that decides which derogations the exporter may use.
    put("tools", "diff.public_powers", _answer(f.exporter_public_powers))
    for t in record.tools:
        tool = tools.get(t.tool)
        name = Shown(en=tool.name_en, ja=tool.name_ja) if tool else _text(t.tool)
        put("tools", "diff.tool", name, t.regime, regime(t.regime))
        put("tools", "diff.tool_justification", _text(t.justification), t.regime, regime(t.regime))
        if t.systematic_reason:
            put("tools", "diff.systematic_reason", _text(t.systematic_reason), t.regime, regime(t.regime))

    lp = record.law_practice
    for law in lp.laws:
        name = _text(law_names.get(law.law_key, law.law_key))
        put("law_practice", "diff.law_applies", _answer(law.applies), law.law_key, name)
        put("law_practice", "diff.law_reasoning", _text(law.reasoning), law.law_key, name)
    for added in lp.added_laws:
        name = _text(added.name)
        put("law_practice", "diff.law_applies", _answer(added.applies), f"+{added.key}", name)
        put("law_practice", "diff.law_reasoning", _text(added.reasoning), f"+{added.key}", name)
    put("law_practice", "diff.practical_experience", _text(lp.practical_experience))
    put("law_practice", "diff.practical_sources", _text("\n".join(lp.practical_sources)))
    put(
        "law_practice",
        "diff.step3_conclusion",
        Shown(term=f"law.conclusion.{lp.conclusion.value}")
        if lp.conclusion
        else Shown(term="diff.not_answered"),
    )
    put("law_practice", "diff.step3_reasoning", _text(lp.conclusion_reasoning))

    by_code = {m.code: m for m in measures.measures}
    for m in record.measures:
        known = by_code.get(m.code)
        name = Shown(en=known.name_en, ja=known.name_ja) if known else Shown(term="diff.unknown_measure")
        put("measures", "diff.measure_status", Shown(term=f"measure.status.{m.status.value}"), m.code, name)
        put("action_plan", "diff.measure_owner", _text(m.owner), m.code, name)
        put("action_plan", "diff.measure_due", _date(m.due), m.code, name)
        if m.notes:
            put("measures", "diff.measure_notes", _text(m.notes), m.code, name)
    put("measures", "diff.procedural_notes", _text(record.procedural_notes))

    for risk_law in record.risk.laws:
        law_name = risk_law.law_name or law_names.get(risk_law.law_key, risk_law.law_key)
        for factor in risk_law.factors:
            factor_id = f"{risk_law.law_key}:{factor.key}"
            factor_name = _text(f"{law_name} — {factor.label}")
            probability = "" if factor.probability is None else f"{factor.probability:g}"
            put("risk", "diff.risk_probability", _text(probability), factor_id, factor_name)
            put("risk", "diff.risk_justification", _text(factor.justification), factor_id, factor_name)

    chosen = record.conclusion.chosen
    put(
        "conclusion",
        "diff.chosen",
        Shown(term=f"conclusion.{chosen.value}" if chosen else "conclusion.none_yet"),
    )
    put("conclusion", "diff.chosen_reason", _text(record.conclusion.reason))
    put("conclusion", "diff.reevaluation_date", _date(record.reevaluation_date))
    for e in record.evidence:
        put("evidence", "diff.evidence", _text(e.text or e.filename), e.label, _text(e.label))
    # Empty text is the same as no line: an answer cleared and one never given read alike.
    return {k: v for k, v in out.items() if v[1] != _text("")}


def changes(
    before: AssessmentRecord,
    after: AssessmentRecord,
    tools: ToolCatalog,
    measures: MeasureCatalog,
    law_names: Mapping[str, str],
    order: Callable[[str], int] | None = None,
) -> tuple[FieldChange, ...]:
    """Every line that differs, in the order of the sections (`order`), then as the records list them."""
    old = _lines(before, tools, measures, law_names)
    new = _lines(after, tools, measures, law_names)
    keys = list(new) + [k for k in old if k not in new]
    out = []
    for key in keys:
        was, now = old.get(key), new.get(key)
        if was is not None and now is not None and was[1] == now[1]:
            continue
        item = (now or was or (None, _text("")))[0]
        out.append(FieldChange(key[0], key[1], item, was[1] if was else None, now[1] if now else None))
    if order is not None:
        out.sort(key=lambda c: order(c.section))  # stable: within a section, the records' order
    return tuple(out)
