"""From a stored assessment and what it refers to, the `ReportData` the TIA PDF shows (pure: no database).

`report_data_from(ReportSources)` is the whole mapping; the service gathers the sources (the record, the
transfer and its parties, catalogue labels, the country data relied on, the evaluation, review history and
evidence) and calls it. Texts the assessor typed pass through as typed; labels that exist in both
languages (catalogue entries, country names, tool and measure names) become `Localized`, and so do the
engine's sentences and the country data's prose, with their Japanese from the text catalogue.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from transfer_tool.assessment.context import Evaluation
from transfer_tool.assessment.evidence import EvidenceView
from transfer_tool.assessment.measures import Effectiveness, MeasureCatalog
from transfer_tool.assessment.precheck import Reason
from transfer_tool.assessment.record import (
    AssessmentRecord,
    MeasureStatus,
    ReviewAction,
    RiskInputMode,
    StepConclusion,
)
from transfer_tool.assessment.risk import RiskResult
from transfer_tool.assessment.safeguards import ConsentInformation, appi_consent_information
from transfer_tool.assessment.tool_catalog import ToolCatalog
from transfer_tool.catalog import CatalogItem
from transfer_tool.countries.model import Destination, Regime, RegimeEntry
from transfer_tool.countries.names import CountryNames
from transfer_tool.domain import (
    AdequacyStatus,
    AssessmentStatus,
    CatalogKind,
    Conclusion,
    PartyRole,
    RegimeCode,
    Role,
)
from transfer_tool.entities import EntityView
from transfer_tool.report import data as rd
from transfer_tool.report.data import Localized
from transfer_tool.terminology import Terminology
from transfer_tool.text_catalogue import translate
from transfer_tool.transfers import TransferView

ROLE_TITLES: dict[Role, Localized] = {
    Role.LEGAL: Localized("Legal (assessor)", "法務担当（評価者）"),
    Role.MANAGER: Localized("Manager (reviewer)", "マネージャー（レビュー者）"),
    Role.ADMIN: Localized("Administrator", "管理者"),
}
_STEP_CONCLUSIONS: dict[StepConclusion, Localized] = {
    StepConclusion.NO_PROBLEMATIC_LAW: Localized(
        "No problematic law applies to this importer and data.",
        "この輸入者及びデータに適用される問題のある法令はありません。",
    ),
    StepConclusion.NOT_APPLIED_IN_PRACTICE: Localized(
        "A problematic law applies on paper but is not applied in practice to this transfer.",
        "問題のある法令は形式上適用されますが、本移転には実務上適用されていません。",
    ),
    StepConclusion.MEASURES_NEEDED: Localized(
        "Problematic legislation applies; supplementary measures are needed.",
        "問題のある法令が適用されるため、補完的措置が必要です。",
    ),
}
_FACTOR_JA = {
    "in_scope": "データ及び輸入者が当該法令の適用対象である",
    "authorities_want": "当局がこの種のデータを求める",
    "approach_importer": "当局がこの輸入者に接触する",
    "importer_cannot_resist": "輸入者が抵抗できない",
    "safeguards_fail": "保護措置がアクセスを防げない",
}
_METHOD = {
    RiskInputMode.PER_YEAR: Localized(
        "Factor chain per problematic law (probability per year); P = 1 − Π(1 − pᵢ)^N over the assessment "
        "period of N years (Rosenthal method, reconstruction).",
        "問題のある法令ごとの要素の積（年間確率）；評価期間N年について P = 1 − Π(1 − pᵢ)^N"
        "（Rosenthal手法、再構成）",
    ),
    RiskInputMode.PER_PERIOD: Localized(
        "Factor chain per problematic law (probability over the whole period); P = 1 − Π(1 − pᵢ) "
        "(Rosenthal method, reconstruction).",
        "問題のある法令ごとの要素の積（評価期間全体の確率）；P = 1 − Π(1 − pᵢ)（Rosenthal手法、再構成）",
    ),
}
_NO_CONCLUSION = Localized(
    "No conclusion has been reached yet (draft).", "結論はまだ出ていない（ドラフト）。"
)
_NO_TOOL_YET = Localized("No transfer tool has been chosen yet.", "移転ツールはまだ選択されていない。")
_LAW_UNVERIFIED = Localized(
    "Country data: this law's profile is marked unverified.",
    "国別データ：この法令の評価は未検証とされている。",
)
_YEARLY_CHECK = Localized(
    "Yearly check of the recipient's equivalent measures and the foreign system "
    "(APPI Art. 28(3), PPC Rules Art. 18)",
    "提供先の相当措置の実施状況及び外国の制度の年次確認（個人情報保護法第28条第3項、個人情報保護委員会規則第18条）",
)
_ACTIONS: dict[ReviewAction, rd.ReviewAction] = {
    ReviewAction.SUBMITTED: "submitted",
    ReviewAction.RESUBMITTED: "submitted",
    ReviewAction.RETURNED: "returned",
    ReviewAction.APPROVED: "approved",
}


@dataclass(frozen=True)
class ReportMeta:
    """What the report shows about the assessment version itself (not in the engine's record)."""

    reference: str
    version: int
    status: AssessmentStatus
    title: str
    created_at: dt.datetime
    updated_at: dt.datetime
    organisation: str
    assessor: str
    user_names: Mapping[int, str] = field(default_factory=dict)  # for the review history
    sign_off: rd.SignOff = field(default_factory=rd.SignOff)
    dataset_version: str = ""
    importer_sign_off_wanted: bool = False  # organisation setting: the importer co-adopts the TIA


@dataclass(frozen=True)
class ReportSources:
    record: AssessmentRecord
    meta: ReportMeta
    transfer: TransferView
    exporter: EntityView
    importer: EntityView
    catalog: Mapping[CatalogKind, Mapping[str, CatalogItem]]
    destination: Destination  # the version the assessment relied on (the live one for drafts)
    regimes: Mapping[str, Regime]
    names: CountryNames
    evaluation: Evaluation
    tools: ToolCatalog
    measures: MeasureCatalog
    evidence_files: Sequence[EvidenceView] = ()


def report_data_from(src: ReportSources) -> rd.ReportData:
    """The complete report value for one assessment version."""
    r, m, ev = src.record, src.meta, src.evaluation
    dest = src.destination
    codes = r.regimes.codes()
    entries = tuple(e for e in (dest.status_under(c) for c in codes) if e is not None)
    return rd.ReportData(
        reference=m.reference,
        version=m.version,
        status=m.status,
        title=m.title or f"{src.exporter.name} → {src.importer.name}",
        created=m.created_at.date(),
        updated=m.updated_at.date(),
        organisation=m.organisation or src.exporter.name,
        assessor=m.assessor,
        derived_from=r.derived_from.reference if r.derived_from else "",
        derived_from_version=r.derived_from.version if r.derived_from else 0,
        acceptance=_acceptance(src),
        exporter=_party(src, src.exporter, r.facts.exporter_role, importer=False),
        importer=_party(src, src.importer, r.facts.importer_role, importer=True),
        destination=Localized(dest.name_en, dest.name_ja),
        destination_code=dest.code,
        transfer=_description(src),
        regimes=codes,
        destination_status=entries,
        country_data_version=r.destination_version or dest.version,
        country_data_verified=_oldest_verification(entries),
        country_data_unverified=tuple(e.regime for e in entries if not e.checked),
        tools=_tools(src),
        law_and_practice=_law_and_practice(src),
        measures=_measures(src),
        action_plan=_action_plan(src),
        risk=_risk(ev.risk, r),
        conclusion=_conclusion(src),
        appi_consent=_appi_consent(src),
        review_history=_history(src),
        sign_off=m.sign_off,
        evidence=_evidence(src),
        keywords=tuple(
            k
            for k in (
                "TIA",
                *codes,
                dest.name_en,
                f"country data {m.dataset_version}" if m.dataset_version else "",
            )
            if k
        ),
    )


# ---- helpers ------------------------------------------------------------------------------------------


def _shipped(text: str) -> rd.Text:
    """Engine or country-data English, paired with its Japanese from the text catalogue."""
    return Localized(text, translate(text, "ja")) if text else text


def _country(names: CountryNames, code: str) -> Localized:
    if not names.is_known(code):
        return Localized(code, code)
    return Localized(names.name(code, "en"), names.name(code, "ja"))


def _countries(names: CountryNames, codes: Sequence[str]) -> rd.Text:
    def listed(lang: str, sep: str) -> str:
        return sep.join(f"{names.name(c, lang) if names.is_known(c) else c} ({c})" for c in codes)

    return Localized(listed("en", ", "), listed("ja", "、")) if codes else ""


def _item(src: ReportSources, kind: CatalogKind, code: str) -> CatalogItem | None:
    return src.catalog.get(kind, {}).get(code)


def _policy(src: ReportSources, kind: CatalogKind, codes: Sequence[str]) -> tuple[rd.PolicyItem, ...]:
    out = []
    for code in codes:
        it = _item(src, kind, code)
        if it is None:
            out.append(rd.PolicyItem(code))
            continue
        section = f"§{it.section}" if it.section and it.section != "-" else ""
        out.append(rd.PolicyItem(Localized(it.label_en, it.label_ja), section, it.sensitive))
    return tuple(out)


def _label(src: ReportSources, kind: CatalogKind, code: str) -> rd.Text:
    it = _item(src, kind, code)
    return Localized(it.label_en, it.label_ja) if it else code


def _party(src: ReportSources, e: EntityView, role: PartyRole, *, importer: bool) -> rd.Party:
    recipient: rd.Text = ""
    if importer and src.transfer.recipient_type:
        it = _item(src, CatalogKind.RECIPIENT_TYPE, src.transfer.recipient_type)
        recipient = (
            Localized(
                f"{it.label_en} (§{it.section})" if it.section else it.label_en,
                f"{it.label_ja or it.label_en} (§{it.section})" if it.section else it.label_ja,
            )
            if it
            else src.transfer.recipient_type
        )
    return rd.Party(
        name=e.name,
        country=_country(src.names, e.country),
        role=role,
        address=e.address,
        registration_no=e.registration_no,
        contact_name=e.contact_name,
        contact_position=e.contact_position,
        contact_details=e.contact_email,
        activities=e.activities,
        recipient_type=recipient,
    )


def _description(src: ReportSources) -> rd.TransferDescription:
    t, f = src.transfer, src.record.facts
    volume_en = volume_ja = ""
    if f.data_subjects_count is not None:
        volume_en, volume_ja = f"{f.data_subjects_count:,} data subjects", f"{f.data_subjects_count:,}人"
    if f.large_volume:
        volume_en, volume_ja = f"{volume_en} (large volume)".strip(), f"{volume_ja}（大量）"
    volume: rd.Text = Localized(volume_en, volume_ja) if volume_en else ""
    retention: rd.Text = t.retention
    ret = _item(src, CatalogKind.RETENTION, t.retention_code) if t.retention_code else None
    if ret is not None:
        suffix = f" (§{ret.section})" if ret.section else ""
        typed = f"{t.retention} — " if t.retention else ""
        retention = Localized(
            f"{typed}{ret.label_en}{suffix}", f"{typed}{ret.label_ja or ret.label_en}{suffix}"
        )
    onward = tuple(
        rd.OnwardTransfer(o.recipient, _country(src.names, o.country), o.purpose) for o in f.onward_transfers
    )
    categories = _policy(src, CatalogKind.DATA_CATEGORY, f.data_categories)
    sensitive = _sensitive(categories, f.sensitive_data, t.sensitive_details)
    if f.sensitive_data and not any(p.sensitive for p in categories):
        # The assessor ticked special-category data that no catalogue category carries: the categories
        # table says so with what was written, instead of "Sensitive: No" on every row.
        categories += (rd.PolicyItem(sensitive, "", True),)
    return rd.TransferDescription(
        data_subjects=tuple(_label(src, CatalogKind.DATA_SUBJECT, c) for c in t.data_subjects),
        data_categories=categories,
        purposes=_policy(src, CatalogKind.PURPOSE, t.purposes),
        legal_basis=_policy(src, CatalogKind.LEGAL_BASIS, t.legal_bases),
        frequency=f.frequency,
        nature=t.nature_of_processing,
        sensitive_data=sensitive,
        volume=volume,
        retention=retention,
        storage_location=_countries(src.names, f.storage_countries),
        remote_access=_countries(src.names, f.remote_access_countries),
        format_in_transit=f.format_in_transit,
        format_at_rest=f.format_at_rest,
        key_holder=f.key_holder,
        onward_transfers=onward,
    )


_SENSITIVE_UNDESCRIBED = Localized(
    "Special categories of data (not described yet)", "要配慮個人情報等（内容は未記載）"
)


def _sensitive(categories: Sequence[rd.PolicyItem], ticked: bool, details: str) -> rd.Text:
    """Annex I.B "sensitive data": what the assessor wrote, after the catalogue's sensitive categories."""
    if not ticked:
        return Localized("None", "なし")
    named = [p.label for p in categories if p.sensitive]
    what = details.strip()
    en = ", ".join(rd.localize(x, "en") for x in named)
    ja = "、".join(rd.localize(x, "ja") for x in named)
    if not named and not what:
        return _SENSITIVE_UNDESCRIBED
    if not named:
        return Localized(f"Special categories of data: {what}", f"要配慮個人情報等：{what}")
    return Localized(f"{en}: {what}" if what else en, f"{ja}：{what}" if what else ja)


def _oldest_verification(entries: Sequence[RegimeEntry]) -> dt.date | None:
    dates = [e.last_verified for e in entries if e.checked and e.last_verified is not None]
    return min(dates) if dates else None


_ANSWER = {
    True: ("yes", "はい"),
    False: ("no", "いいえ"),
    None: ("not answered", "未回答"),
}


def _scope_lines(src: ReportSources, regime: str) -> tuple[rd.Text, ...]:
    """Each scope limit of the destination's decision under `regime`: the question, the answer, the source."""
    check = src.evaluation.precheck.check_for(regime)
    if check is None:
        return ()
    answers = {(a.regime, a.limit): a for a in src.record.scope_answers}
    out: list[rd.Text] = []
    for limit in check.scope_limits:
        en, ja = _ANSWER[limit.answer]
        answer = answers.get((regime, limit.code))
        since = f" (since {answer.since.isoformat()})" if answer and answer.since else ""
        since_ja = f"（{answer.since.isoformat()}から）" if answer and answer.since else ""
        out.append(
            Localized(
                f"{limit.question_en} — {en}{since}. Source: {limit.source}",
                f"{limit.question_ja} — {ja}{since_ja}。出典：{limit.source}",
            )
        )
    return tuple(out)


def _tools(src: ReportSources) -> tuple[rd.RegimeTool, ...]:
    ev, r = src.evaluation, src.record
    warnings: dict[str, list[rd.Text]] = {}
    for w in ev.tool_warnings:
        warnings.setdefault(w.regime, []).append(_shipped(w.text))
    out: list[rd.RegimeTool] = []
    for choice in r.tools:
        tool = src.tools.get(choice.tool)
        name: rd.Text = Localized(tool.name_en, tool.name_ja) if tool else choice.tool
        conditions = tool.conditions if tool else ()
        met = tuple(Localized(c.text_en, c.text_ja) for c in conditions if c.code in choice.conditions_met)
        # A derogation's conditions the assessor did not confirm are listed too: the reader sees all of them.
        open_ = tuple(
            Localized(c.text_en, c.text_ja) for c in conditions if c.code not in choice.conditions_met
        )
        out.append(
            rd.RegimeTool(
                choice.regime,
                name,
                choice.justification,
                tuple(warnings.get(choice.regime, ())),
                _scope_lines(src, choice.regime),
                met,
                open_,
                choice.systematic_reason.strip(),
                _adequacy_conditions(src, choice.regime),
            )
        )
    chosen = {c.regime for c in r.tools}
    for check in ev.precheck.checks:
        if check.regime in chosen:
            continue
        if check.is_transfer:
            why = " ".join(x.text for x in check.reasons[-1:])
            out.append(
                rd.RegimeTool(
                    check.regime, "—", _shipped(why), (_NO_TOOL_YET,), _scope_lines(src, check.regime)
                )
            )
        else:
            out.append(rd.RegimeTool(check.regime, "—", _shipped(" ".join(x.text for x in check.reasons))))
    return tuple(out)


def _adequacy_conditions(src: ReportSources, regime: str) -> tuple[str, ...]:
    """The partial adequacy's conditions the assessor confirmed (shown only where the status is partial)."""
    entry = src.destination.status_under(regime)
    if entry is None or entry.status is not AdequacyStatus.PARTIAL:
        return ()
    return tuple(c.text for c in src.record.confirmed_conditions if c.regime == regime and c.text.strip())


def _law_and_practice(src: ReportSources) -> rd.LawAndPractice:
    lp = src.record.law_practice
    answers = {a.law_key: a for a in lp.laws}
    findings = []
    for law in src.destination.access_laws:
        a = answers.get(law.key)
        sources: tuple[rd.Text, ...] = tuple(law.sources)
        if "[unverified" in law.reason:
            sources += (_LAW_UNVERIFIED,)
        findings.append(
            rd.LawFinding(
                _shipped(law.name),
                law.problematic,
                a.applies if a else None,
                a.reasoning if a else "",
                sources,
            )
        )
    for added in lp.added_laws:  # researched by the assessor, with its official sources
        findings.append(
            rd.LawFinding(
                Localized(f"{added.name} (added by the assessor)", f"{added.name}（評価者が追加）"),
                added.problematic,
                added.applies,
                added.reasoning,
                tuple(added.sources),
            )
        )
    experience_sources = tuple(lp.practical_sources)
    if lp.research_sources:
        experience_sources += tuple(f"Research on the laws / 法令の調査: {x}" for x in lp.research_sources)
    step: rd.Text = ""
    if lp.conclusion is not None:
        label = _STEP_CONCLUSIONS[lp.conclusion]
        why = lp.conclusion_reasoning.strip()
        step = Localized(f"{label.en}\n{why}".strip(), f"{label.ja}\n{why}".strip()) if why else label
    return rd.LawAndPractice(tuple(findings), lp.practical_experience, experience_sources, step)


def _measures(src: ReportSources) -> tuple[rd.Measure, ...]:
    cases = src.evaluation.use_cases
    use_case_names = {u.number: u for u in src.measures.use_cases}
    out = []
    for m in src.record.measures:
        d = src.measures.get(m.code)
        if d is None:
            out.append(rd.Measure(m.code, "organisational", m.status.value, m.notes, m.owner, m.due))
            continue
        use_case: rd.Text = ""
        for n in cases:
            eff = d.effectiveness_for(n)
            uc = use_case_names.get(n)
            if eff is not None and uc is not None:
                rating = {
                    Effectiveness.EFFECTIVE: ("effective", "有効"),
                    Effectiveness.SUPPORTING: ("supporting only", "補助的"),
                    Effectiveness.NOT_EFFECTIVE: ("not effective", "有効でない"),
                }[eff]
                use_case = Localized(
                    f"Use case {n}: {uc.name_en} — {rating[0]}",
                    f"ユースケース{n}：{uc.name_ja}（{rating[1]}）",
                )
                break
        # The assessor's notes as typed, then the catalogue's description in the report's language.
        typed = m.notes.strip()
        shipped = d.description_en
        english = "\n".join(x for x in (typed, shipped) if x)
        description: rd.Text = english
        if shipped:
            description = Localized(english, "\n".join(x for x in (typed, translate(shipped, "ja")) if x))
        out.append(
            rd.Measure(
                Localized(d.name_en, d.name_ja),
                d.kind.value,
                m.status.value,
                description,
                m.owner,
                m.due,
                use_case,
            )
        )
    return tuple(out)


def _action_plan(src: ReportSources) -> tuple[rd.ActionItem, ...]:
    r = src.record
    out = []
    for item in src.evaluation.action_plan.items:
        if item.measure.status is not MeasureStatus.PLANNED:
            continue
        note = f" ({item.measure.notes.strip()})" if item.measure.notes.strip() else ""
        d = src.measures.get(item.measure.code)
        name_ja = d.name_ja if d is not None and d.name_ja else item.name_en
        action = Localized(f"Put in place: {item.name_en}{note}", f"実施：{name_ja}{note}")
        out.append(rd.ActionItem(action, "open", item.measure.owner, item.measure.due))
    if r.appi_check_due is not None or any(t.tool == "jp_equivalent_measures" for t in r.tools):
        out.append(rd.ActionItem(_YEARLY_CHECK, "open", "", r.appi_check_due))
    return tuple(out)


def _risk(result: RiskResult | None, r: AssessmentRecord) -> rd.QuantifiedRisk | None:
    if result is None or result.threshold is None:
        return None
    years = result.period_years
    laws = []
    for law_in, law_out in zip(r.risk.laws, result.laws, strict=True):
        p = law_out.probability
        if result.mode is RiskInputMode.PER_YEAR:
            per_year, over = p, 1.0 - (1.0 - p) ** years
        else:
            per_year, over = 1.0 - (1.0 - p) ** (1.0 / years), p
        factors = tuple(
            rd.RiskFactor(
                Localized(f.label, _FACTOR_JA.get(f.key, "")), f.probability or 0.0, f.justification
            )
            for f in law_in.factors
        )
        laws.append(rd.RiskLaw(_shipped(law_out.law_name or law_out.law_key), factors, per_year, over))
    sensitivity = []
    for row in result.sensitivity:
        law_name = next(
            (x.law_name or x.law_key for x in result.laws if x.law_key == row.law_key), row.law_key
        )
        ja = _FACTOR_JA.get(row.factor_key, row.factor_label)
        sensitivity.append(
            rd.SensitivityRow(
                Localized(
                    f"{law_name}: '{row.factor_label}' doubled ({row.base:g} → {row.doubled:g})",
                    f"{translate(law_name, 'ja')}：「{ja}」を2倍（{row.base:g} → {row.doubled:g}）",
                ),
                row.p_doubled,
            )
        )
        sensitivity.append(
            rd.SensitivityRow(
                Localized(
                    f"{law_name}: '{row.factor_label}' halved ({row.base:g} → {row.halved:g})",
                    f"{translate(law_name, 'ja')}：「{ja}」を半分（{row.base:g} → {row.halved:g}）",
                ),
                row.p_halved,
            )
        )
    return rd.QuantifiedRisk(
        period_years=years,
        laws=tuple(laws),
        total_over_period=result.period_probability,
        threshold=result.threshold,
        once_every_years=result.once_every_years,
        sensitivity=tuple(sensitivity),
        method=_METHOD[result.mode],
    )


def _conclusion(src: ReportSources) -> rd.ConclusionInfo:
    r, ev = src.record, src.evaluation
    live = ev.recommendation.conclusion
    editable = src.meta.status in (AssessmentStatus.DRAFT, AssessmentStatus.RETURNED)
    # A submitted or approved version shows the recommendation frozen at submission.
    recommended = (live if editable else r.conclusion.recommended) or live or r.conclusion.recommended
    chosen = r.conclusion.chosen
    reason: rd.Text = r.conclusion.reason.strip()
    if chosen is None:
        chosen = recommended or Conclusion.DO_NOT_TRANSFER
        reason = _NO_CONCLUSION
    elif not reason:
        reason = _narrative(ev.recommendation.reasons, adopted=chosen == recommended)
    en_lines, ja_lines = [], []
    for rr in ev.recommendation.per_regime:
        regime = src.regimes.get(rr.regime)
        texts = [x.text for x in rr.reasons]
        en_lines.append(f"{regime.name_en if regime else rr.regime}: " + " ".join(texts))
        ja_lines.append(
            f"{regime.name_ja if regime else rr.regime}：" + "".join(translate(x, "ja") for x in texts)
        )
    grounds: rd.Text = Localized("\n".join(en_lines), "\n".join(ja_lines)) if len(en_lines) > 1 else ""
    return rd.ConclusionInfo(
        recommended=recommended or chosen,
        chosen=chosen,
        reason=reason,
        procedural_steps=r.procedural_notes,
        reevaluation_date=r.reevaluation_date,
        grounds=grounds,
    )


_ADOPTED = Localized(
    "The assessor adopted the tool's recommendation on these grounds:",
    "評価者は、次の理由により本ツールの推奨を採用した。",
)
_DEPARTED = Localized(
    "The assessor reached a conclusion other than the tool's recommendation without giving a reason; the "
    "tool's grounds were:",
    "評価者は理由を記載せずに本ツールの推奨と異なる結論とした。本ツールの理由は次のとおり。",
)


def _narrative(reasons: Sequence[Reason], *, adopted: bool) -> rd.Text:
    """The conclusion in sentences whenever the assessor wrote none (a DPO never reads "—"): whether the
    recommendation was adopted, then its grounds, each in the report's language."""
    head = _ADOPTED if adopted else _DEPARTED
    texts = [x.text for x in reasons]
    en = "\n".join([head.en, *texts])
    ja = "\n".join([head.ja, *(translate(x, "ja") for x in texts)])
    return Localized(en, ja)


def _acceptance(src: ReportSources) -> rd.Acceptance:
    """What a DPO needs beyond the six steps; the country data's summary of the destination's system is
    shown as the basis of the assessor's reading of the general framework."""
    a = src.record.acceptance
    appi = src.destination.appi
    basis: rd.Text = _shipped(appi.system_summary) if appi is not None and appi.system_summary else ""
    uk = RegimeCode.UK in src.record.regimes.codes()
    return rd.Acceptance(
        anonymisation=a.anonymisation.strip(),
        performed_by=a.performed_by.strip(),
        framework=a.framework.strip(),
        framework_basis=basis,
        redress=a.redress.strip(),
        tool_enforceable=rd.Answer(a.tool_enforceable, a.tool_enforceability.strip()),
        uk_test=rd.Answer(a.uk_test_met, a.uk_test_reasoning.strip()) if uk else None,
        supervisory_authority=a.supervisory_authority.strip(),
        importer_sign_off_wanted=src.meta.importer_sign_off_wanted,
        importer_signatory=a.importer_signatory.strip(),
        importer_signed_on=a.importer_signed_on,
    )


def _appi_consent(src: ReportSources) -> rd.AppiConsentInfo | None:
    choice = next((t for t in src.record.tools if t.tool == "jp_consent"), None)
    if choice is None:
        return None
    info: ConsentInformation = src.evaluation.proposals.consent_information or appi_consent_information(
        src.destination
    )
    parts = [x for x in (info.protection_system, *info.indicators, *info.affecting_systems) if x]
    system = Localized("\n".join(parts), "\n".join(translate(x, "ja") for x in parts)) if parts else ""
    notes: rd.Text = ""
    if info.missing:
        notes = Localized(
            "The country data lacks: " + "; ".join(info.missing) + ". Complete it before using this text.",
            "国別データに次の情報が欠けている："
            + "、".join(translate(x, "ja") for x in info.missing)
            + "。この文面を使う前に補うこと。",
        )
    facts = src.record.appi_consent
    country = Localized(info.country_name_en, info.country_name_ja)
    if facts.country_unknown:  # PPC Rules Art. 17(3)
        reference = (
            f" Reference: {facts.reference_information}" if facts.reference_information.strip() else ""
        )
        reference_ja = (
            f" 参考となる情報：{facts.reference_information}" if facts.reference_information.strip() else ""
        )
        country = Localized(
            f"Not yet identified: {facts.country_unknown_reason}.{reference}",
            f"特定できない：{facts.country_unknown_reason}。{reference_ja}",
        )
    measures = info.recipient_measures or choice.justification
    if facts.measures_unknown:  # PPC Rules Art. 17(4)
        measures = f"Cannot be provided / 提供できない: {facts.measures_unknown_reason}"
    return rd.AppiConsentInfo(
        country_name=country,
        protection_system=system,
        recipient_measures=measures,
        notes=notes,
    )


_SECTION_TAG = re.compile(r"^\[([a-z0-9_]{1,64})\] ?")


@functools.cache
def _terms() -> Terminology:
    return Terminology.load()


def _review_comment(comment: str) -> rd.Text:
    """A return's comments are stored one a line as "[section] text"; the reader sees the section's name."""
    if not comment:
        return ""
    terms = _terms()
    en_lines, ja_lines = [], []
    for line in comment.splitlines():
        tag = _SECTION_TAG.match(line)
        key = f"review.section.{tag.group(1)}" if tag else ""
        if tag is None or not terms.has(key):
            en_lines.append(line)
            ja_lines.append(line)
            continue
        text = line[tag.end() :]
        en_lines.append(f"{terms.get(key, 'en')}: {text}")
        ja_lines.append(f"{terms.get(key, 'ja')}：{text}")
    return Localized("\n".join(en_lines), "\n".join(ja_lines))


def _history(src: ReportSources) -> tuple[rd.ReviewEvent, ...]:
    m = src.meta
    names = m.user_names
    out = [rd.ReviewEvent(m.assessor, m.created_at, "created")]
    for e in src.record.history:
        who = names.get(int(e.by), f"user {e.by}")
        out.append(rd.ReviewEvent(who, e.at, _ACTIONS[e.action], _review_comment(e.comment)))
    return tuple(out)


def _evidence(src: ReportSources) -> tuple[rd.Evidence, ...]:
    out = [rd.Evidence(f.label, f.filename, f.sha256) for f in src.evidence_files]
    for e in src.record.evidence:
        label = f"{e.label}: {e.text}" if e.text.strip() else e.label
        out.append(rd.Evidence(label, e.filename, e.sha256))
    return tuple(out)
