"""From a stored assessment and what it refers to, the `ReportData` the TIA PDF shows (pure: no database).

`report_data_from(ReportSources)` is the whole mapping; the service gathers the sources (the record, the
transfer and its parties, catalogue labels, the country data relied on, the evaluation, review history and
evidence) and calls it. Texts the assessor typed pass through as typed; labels the data gives in both
languages (catalogue entries, country names, tool and measure names) become `Localized`; the engine's
sentences and the country data's prose are `Stored` English and the report's own sentences catalogue
messages (`report_texts`), all read in the report's language when it is rendered. The findings (steps 3
to 6, the conclusion, the APPI consent information) are built in `report_findings`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from transfer_tool.assessment import report_findings as findings
from transfer_tool.assessment.record import OnwardTransfer, ReviewAction
from transfer_tool.assessment.report_sources import ReportMeta, ReportSources
from transfer_tool.assessment.report_texts import (
    LIST_SEPARATOR,
    NO_SENSITIVE_DATA,
    NO_TOOL_YET,
    ROLE_TITLES,
    SCOPE_ANSWERS,
    SENSITIVE_UNDESCRIBED,
    UNKNOWN_TOOL,
    labelled,
    report_plural,
    report_text,
    sentences,
)
from transfer_tool.assessment.review_comments import CommentView
from transfer_tool.catalog import CatalogItem
from transfer_tool.countries.model import RegimeEntry
from transfer_tool.countries.names import CountryNames
from transfer_tool.domain import AdequacyStatus, CatalogKind, PartyRole, RegimeCode
from transfer_tool.i18n.message import Joined, Stored
from transfer_tool.i18n.regime_names import regime_name
from transfer_tool.i18n.term import Term
from transfer_tool.i18n.terminology import shipped_terminology
from transfer_tool.register.entities import EntityView
from transfer_tool.report import data as rd
from transfer_tool.report.data import Localized

__all__ = ["ROLE_TITLES", "ReportMeta", "ReportSources", "report_data_from"]

_ACTIONS: dict[ReviewAction, rd.ReviewAction] = {
    ReviewAction.SUBMITTED: "submitted",
    ReviewAction.RESUBMITTED: "submitted",
    ReviewAction.RETURNED: "returned",
    ReviewAction.APPROVED: "approved",
}


def report_data_from(src: ReportSources) -> rd.ReportData:
    """The complete report value for one assessment version."""
    r, m, ev = src.record, src.meta, src.evaluation
    dest = src.destination
    codes = r.regimes.codes()
    entries = tuple(e for e in (dest.status_under(c) for c in codes) if e is not None)
    risk = findings.risk(ev.risk, r)
    names = {c: Localized(g.name_en, g.name_ja) for c, g in src.regimes.items()}
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
        regime_names=names,
        assumed=tuple(sorted(r.facts.assumed)),
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
        law_and_practice=findings.law_and_practice(src),
        measures=findings.measures(src),
        action_plan=findings.action_plan(src),
        risk=risk,
        risk_unfinished=r.risk.enabled and risk is None,
        conclusion=findings.conclusion(src),
        appi_consent=findings.appi_consent(src),
        review_history=_history(src),
        review_comments=tuple(_comment_line(c) for c in src.review_comments),
        sign_off=m.sign_off,
        evidence=_evidence(src),
        # The file's properties, in the report's language (the Japanese PDF's were English).
        keywords=(
            report_text("TIA"),
            *(
                Localized(
                    regime_name(shipped_terminology(), c, "en", names),
                    regime_name(shipped_terminology(), c, "ja", names),
                )
                for c in codes
            ),
            Localized(dest.name_en, dest.name_ja),
            *(
                (report_text("country data {version}", version=m.dataset_version),)
                if m.dataset_version
                else ()
            ),
        ),
    )


# ---- helpers ------------------------------------------------------------------------------------------


def _country(names: CountryNames, code: str) -> Localized:
    if not names.is_known(code):
        return Localized(code, code)
    return Localized(names.name(code, "en"), names.name(code, "ja"))


def _countries(names: CountryNames, codes: Sequence[str]) -> rd.Text:
    listed = tuple(Joined((_country(names, c), f" ({c})"), "") for c in codes)
    return Joined(listed, LIST_SEPARATOR) if codes else ""


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
        # The importer's co-adoption of this assessment, as the sign-off states it (a dash here contradicted it).
        signatory=src.record.acceptance.importer_signatory.strip() if importer else "",
        signature_date=src.record.acceptance.importer_signed_on if importer else None,
    )


def _onward_safeguard(src: ReportSources, o: OnwardTransfer) -> rd.Text:
    """An onward transfer is a transfer of its own, with its own assessment and safeguard: the report names
    it and where its assessment stands (the column was left blank, which read as "no safeguard")."""
    # As the record lists it (transfer_facts): recipient, country and purpose (two sub-recipients of one
    # company in one country differ by their purpose).
    same = [c for c in src.transfer.onward if c.importer_name == o.recipient and c.destination == o.country]
    child = next(
        (c for c in same if (c.title or ", ".join(c.purposes)) == o.purpose), same[0] if same else None
    )
    if child is None:
        return report_text("Assessed separately as a transfer of its own")
    return report_text(
        "Assessed separately as {reference} ({status})",
        reference=child.reference,
        status=Term(f"status.{child.status.value}"),
    )


def _onward_purpose(src: ReportSources, purpose: str) -> rd.Text:
    """An onward transfer without a title is recorded by its purposes' codes joined (transfer_facts): the
    report names each as the catalogue words it, one a line; a title is printed as typed."""
    codes = purpose.split(", ")
    if not purpose or any(_item(src, CatalogKind.PURPOSE, c) is None for c in codes):
        return purpose
    return Joined(tuple(_label(src, CatalogKind.PURPOSE, c) for c in codes))


def _description(src: ReportSources) -> rd.TransferDescription:
    t, f = src.transfer, src.record.facts
    volume: rd.Text = ""
    if f.data_subjects_count is not None:
        volume = report_plural("{n:,} data subject", "{n:,} data subjects", f.data_subjects_count)
    if f.large_volume:
        volume = (
            report_text("{volume} (large volume)", volume=volume) if volume else report_text("(large volume)")
        )
    retention: rd.Text = t.retention
    ret = _item(src, CatalogKind.RETENTION, t.retention_code) if t.retention_code else None
    if ret is not None:
        suffix = f" (§{ret.section})" if ret.section else ""
        typed = f"{t.retention} — " if t.retention else ""
        retention = Localized(
            f"{typed}{ret.label_en}{suffix}", f"{typed}{ret.label_ja or ret.label_en}{suffix}"
        )
    onward = tuple(
        rd.OnwardTransfer(
            o.recipient,
            _country(src.names, o.country),
            _onward_purpose(src, o.purpose),
            _onward_safeguard(src, o),
        )
        for o in f.onward_transfers
    )
    categories = _policy(src, CatalogKind.DATA_CATEGORY, f.data_categories)
    # A category the catalogue marks sensitive is sensitive data even with the box left unticked.
    any_sensitive = f.sensitive_data or any(p.sensitive for p in categories)
    sensitive = _sensitive(categories, any_sensitive, t.sensitive_details)
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
        sensitive_restrictions=_restrictions(any_sensitive, t.sensitive_details),
        volume=volume,
        retention=retention,
        storage_location=_countries(src.names, f.storage_countries),
        remote_access=_countries(src.names, f.remote_access_countries),
        format_in_transit=f.format_in_transit,
        format_at_rest=f.format_at_rest,
        key_holder=f.key_holder,
        onward_transfers=onward,
    )


def _sensitive(categories: Sequence[rd.PolicyItem], ticked: bool, details: str) -> rd.Text:
    """Annex I.B "sensitive data": what the assessor wrote, after the catalogue's sensitive categories."""
    if not ticked:
        return NO_SENSITIVE_DATA
    named = Joined(tuple(p.label for p in categories if p.sensitive), LIST_SEPARATOR)
    what = details.strip()
    if not named.parts and not what:
        return SENSITIVE_UNDESCRIBED
    if not named.parts:
        return report_text("Special categories of data: {text}", text=what)
    return labelled(named, what) if what else named


def _restrictions(sensitive: bool, details: str) -> rd.Text:
    """Annex I.B's restrictions and safeguards: the transfer's one text asks for "the sensitive data and the
    restrictions applied to it", so it answers this row too; a dash here read as "no safeguards"."""
    if not sensitive:
        return Term("doc.not_applicable")
    return details.strip() or Term("doc.not_answered")


def _oldest_verification(entries: Sequence[RegimeEntry]) -> dt.date | None:
    dates = [e.last_verified for e in entries if e.checked and e.last_verified is not None]
    return min(dates) if dates else None


def _scope_lines(src: ReportSources, regime: str) -> tuple[rd.Text, ...]:
    """Each scope limit of the destination's decision under `regime`: the question, the answer, the source."""
    check = src.evaluation.precheck.check_for(regime)
    if check is None:
        return ()
    answers = {(a.regime, a.limit): a for a in src.record.scope_answers}
    out: list[rd.Text] = []
    for limit in check.scope_limits:
        answer = answers.get((regime, limit.code))
        since = (
            report_text(" (since {date})", date=answer.since.isoformat()) if answer and answer.since else ""
        )
        out.append(
            report_text(
                # "Answer:", not a dash: a question's own text may end on what is *not* covered.
                "{question} Answer: {answer}{since}. Source: {source}",
                question=Localized(limit.question_en, limit.question_ja),
                answer=SCOPE_ANSWERS[limit.answer],
                since=since,
                source=limit.source,
            )
        )
    return tuple(out)


def _tools(src: ReportSources) -> tuple[rd.RegimeTool, ...]:
    ev, r = src.evaluation, src.record
    warnings: dict[str, list[rd.Text]] = {}
    for w in ev.tool_warnings:
        warnings.setdefault(w.regime, []).append(findings.stored(w.text))
    out: list[rd.RegimeTool] = []
    for choice in r.tools:
        tool = src.tools.get(choice.tool)
        name: rd.Text = Localized(tool.name_en, tool.name_ja) if tool else UNKNOWN_TOOL
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
            why = findings.stored(check.reasons[-1].text) if check.reasons else ""
            out.append(rd.RegimeTool(check.regime, "—", why, (NO_TOOL_YET,), _scope_lines(src, check.regime)))
        else:
            out.append(
                rd.RegimeTool(check.regime, "—", sentences(tuple(Stored(x.text) for x in check.reasons)))
            )
    return tuple(out)


def _adequacy_conditions(src: ReportSources, regime: str) -> tuple[str, ...]:
    """The partial adequacy's conditions the assessor confirmed (shown only where the status is partial)."""
    entry = src.destination.status_under(regime)
    if entry is None or entry.status is not AdequacyStatus.PARTIAL:
        return ()
    return tuple(c.text for c in src.record.confirmed_conditions if c.regime == regime and c.text.strip())


def _acceptance(src: ReportSources) -> rd.Acceptance:
    """What a DPO needs beyond the six steps; the country data's summary of the destination's system is
    shown as the basis of the assessor's reading of the general framework."""
    a = src.record.acceptance
    appi = src.destination.appi
    # The summary comes from the APPI country items: it is the basis only where the APPI is applied.
    appi_applied = RegimeCode.JP in src.record.regimes.codes()
    basis: rd.Text = (
        findings.stored(appi.system_summary) if appi and appi.system_summary and appi_applied else ""
    )
    uk = RegimeCode.UK in src.record.regimes.codes()
    gdpr = uk or RegimeCode.EU in src.record.regimes.codes()
    return rd.Acceptance(
        anonymisation=a.anonymisation.strip(),
        performed_by=a.performed_by.strip(),
        framework=a.framework.strip(),
        framework_basis=basis,
        redress=a.redress.strip(),
        tool_enforceable=rd.Answer(a.tool_enforceable, a.tool_enforceability.strip()),
        uk_test=rd.Answer(a.uk_test_met, a.uk_test_reasoning.strip()) if uk else None,
        public_powers=rd.Answer(src.record.facts.exporter_public_powers) if gdpr else None,
        supervisory_authority=a.supervisory_authority.strip(),
        importer_sign_off_wanted=src.meta.importer_sign_off_wanted,
        importer_signatory=a.importer_signatory.strip(),
        importer_signed_on=a.importer_signed_on,
    )


_SECTION_TAG = re.compile(r"^\[([a-z0-9_]{1,64})\] ?")


def _review_comment(comment: str) -> rd.Text:
    """A return's comments are stored one a line as "[section] text"; the reader sees the section's name."""
    if not comment:
        return ""
    terms = shipped_terminology()
    lines: list[rd.Text] = []
    for line in comment.splitlines():
        tag = _SECTION_TAG.match(line)
        key = f"review.section.{tag.group(1)}" if tag else ""
        if tag is None or not terms.has(key):
            lines.append(line)
            continue
        lines.append(labelled(Term(key), line[tag.end() :]))
    return Joined(tuple(lines))


def _comment_line(c: CommentView) -> rd.ReviewCommentLine:
    key = f"review.section.{c.section}"
    words: rd.Text = labelled(Term(key), c.comment) if shipped_terminology().has(key) else c.comment
    return rd.ReviewCommentLine(
        c.version_no,
        words,
        c.author_name,
        c.created_at,
        c.resolved_by if c.resolved_at else "",
        c.resolved_at,
    )


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
