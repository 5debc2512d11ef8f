"""The TIA as a Word file (python-docx, imported only when one is written), built from the same `ReportData`
as the PDF: the same sections in the same order, real Word headings (Heading 1/2: the navigation pane shows
the structure) and real tables, Japanese text in a Japanese font, and "Draft — the signed PDF is the record"
in every page header. The Word file is for counsel's mark-up; the signed PDF stays the record."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from transfer_tool.domain import AssessmentStatus
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.i18n.regime_names import regime_name
from transfer_tool.i18n.stored_text import translate
from transfer_tool.report.data import Answer, ConclusionInfo, PolicyItem, ReportData, Text, conclusion_key
from transfer_tool.report.docx_document import CONTENT_MM, JAPANESE_FONT, WordDocument
from transfer_tool.report.terms import (
    LANGUAGES,
    Terminology,
    format_date,
    format_datetime,
    format_percent,
    reevaluation_text,
)

__all__ = ["JAPANESE_FONT", "DocxReport", "render_docx"]  # the font: tests check the document uses it


class DocxReport:
    """The PDF's sections (renderer.py `_story`), as Word content."""

    def __init__(self, data: ReportData, lang: str, terms: Terminology | None = None) -> None:
        if lang not in LANGUAGES:
            raise ValueError(
                error_text(
                    "unsupported report language {0}; use one of {1}", repr(lang), ", ".join(LANGUAGES)
                )
            )
        self.d = data
        self.w = WordDocument(lang, terms or Terminology.load())
        self.lang = lang

    # helpers ---------------------------------------------------------------------------------------------
    def t(self, key: str, **fields: object) -> str:
        return self.w.t(key, **fields)

    def x(self, value: Text) -> str:
        return self.w.text(value)

    def given(self, fact: str, key: str) -> str:
        """The answer `key` names ("" for none), or "Not answered" when nobody gave it (as the PDF says)."""
        if fact in self.d.assumed:
            return self.t("doc.not_answered")
        return self.t(key) if key else ""

    def lines(self, items: Sequence[Text], empty: str = "doc.none") -> str:
        return "\n".join(self.x(i) for i in items) if items else self.t(empty)

    def policy(self, items: Sequence[PolicyItem], empty: str = "doc.none") -> str:
        return self.lines(
            [
                f"{self.x(i.label)} ({self.t('desc.policy_section')} {i.section})" if i.section else i.label
                for i in items
            ],
            empty,
        )

    def yes_no(self, value: bool | None) -> str:
        if value is None:  # unanswered is never printed as "No"
            return self.t("doc.not_answered")
        return self.t("doc.yes" if value else "doc.no")

    def date(self, value: Any) -> str:
        return format_date(value, self.lang)

    def reevaluation(self, c: ConclusionInfo) -> str:
        return reevaluation_text(self.w.terms, c.reevaluation_date, c.reevaluation_months, self.lang)

    def regime(self, code: str) -> str:
        return regime_name(self.w.terms, code, self.lang, self.d.regime_names)

    # the document ----------------------------------------------------------------------------------------
    def build(self) -> bytes:
        self.w.header_notice(self.t("doc.word_draft"))
        d = self.d  # the PDF's properties (renderer._doc), not python-docx's template's
        self.w.properties(
            title=f"{self.t('doc.title')}: {d.title} ({d.reference} v{d.version})",
            subject=self.t("doc.subject"),
            keywords=", ".join((d.reference, *(self.x(k) for k in d.keywords))),
            author=d.assessor,
        )
        self._cover()
        self.w.page_break()
        contents = self.w.contents(self.t("doc.contents"))
        self.w.page_break()
        sections: list[tuple[str, Callable[[], None]]] = [
            ("section.pre_assessment", self._pre_assessment),
            ("section.parties", self._parties),
            ("section.description", self._description),
            ("section.regimes", self._regimes),
            ("section.tools", self._tools),
            ("section.law_practice", self._law_practice),
            ("section.measures", self._measures),
            ("section.action_plan", self._action_plan),
            ("section.risk", self._risk),
            ("section.conclusion", self._conclusion),
        ]
        if self.d.appi_consent is not None:
            sections.append(("section.appi_consent", self._appi_consent))
        sections += [("section.review_history", self._review_history), ("section.evidence", self._evidence)]
        for number, (key, section) in enumerate(sections, start=1):
            self.w.heading(f"{number}. {self.t(key)}", 1)
            section()
        self.w.heading(f"{len(sections) + 1}. {self.t('section.sign_off')}", 1)
        self._sign_off()
        self.w.fill_contents(contents)
        return self.w.bytes()

    def _cover(self) -> None:
        d = self.d
        self.w.para(d.organisation)
        self.w.doc.add_heading(self.t("doc.title"), level=0)
        self.w.para(d.title, "Subtitle")
        conclusion = self.t(conclusion_key(d.conclusion.chosen, "not_reached"))
        self.w.para(f"{self.t('doc.conclusion')}: {conclusion}", bold=True)
        self.w.para(self.t("doc.at_a_glance"), bold=True)
        self.w.kv(
            [
                ("doc.reference", d.reference),
                ("doc.version", str(d.version)),
                ("doc.status", self.t("status." + d.status.value)),
                (
                    "doc.exporter",
                    f"{d.exporter.name}\n{d.exporter.country.get(self.lang)} · {self.given('exporter_role', 'role.' + d.exporter.role.value)}",
                ),
                (
                    "doc.importer",
                    f"{d.importer.name}\n{d.importer.country.get(self.lang)} · {self.given('importer_role', 'role.' + d.importer.role.value)}",
                ),
                ("doc.destination", f"{d.destination.get(self.lang)} ({d.destination_code})"),
                ("regime.applicable", "\n".join(self.regime(r) for r in d.regimes)),
                ("doc.assessor", d.assessor),
                ("doc.created", self.date(d.created)),
                ("doc.updated", self.date(d.updated)),
                ("doc.reevaluation", self.reevaluation(d.conclusion)),
            ]
        )

    def _party(self, side: str) -> None:
        p = self.d.exporter if side == "exporter" else self.d.importer
        self.w.heading(self.t(f"doc.{side}"), 2)
        rows = [
            ("party.name", p.name),
            ("party.role", self.given(f"{side}_role", "role." + p.role.value)),
            ("party.country", p.country.get(self.lang)),
            ("party.address", p.address),
            ("party.registration_no", p.registration_no),
            ("party.contact", "\n".join(x for x in (p.contact_name, p.contact_position) if x)),
            ("party.contact_details", p.contact_details),
            ("party.activities", p.activities),
        ]
        if side == "importer":
            rows.append(("party.recipient_type", self.x(p.recipient_type)))
        rows.append(
            ("party.signature", " · ".join(x for x in (p.signatory, self.date(p.signature_date)) if x))
        )
        self.w.kv(rows)

    def typed(self, text: str) -> str:
        """What the assessor wrote, or "Not answered" (never a dash)."""
        return text or self.t("doc.not_answered")

    def answer(self, answer: Answer) -> str:
        return "\n".join(x for x in (self.yes_no(answer.value), answer.reasoning) if x)

    def _pre_assessment(self) -> None:
        a = self.d.acceptance
        self.w.kv(
            [
                ("pre.anonymisation", self.typed(a.anonymisation)),
                ("pre.performed_by", self.typed(a.performed_by)),
            ]
        )

    def _parties(self) -> None:
        self._party("exporter")
        self._party("importer")
        self.w.heading(self.t("party.supervisory_authority"), 2)
        self.w.para(self.typed(self.d.acceptance.supervisory_authority))

    def _description(self) -> None:
        tr = self.d.transfer
        self.w.heading(self.t("desc.data_categories"), 2)
        self.w.table(
            [self.t("desc.category"), self.t("desc.policy_section"), self.t("desc.sensitive")],
            [
                [
                    self.x(c.label),
                    f"{self.t('desc.policy_section')} {c.section}" if c.section else "—",
                    self.yes_no(c.sensitive),
                ]
                for c in tr.data_categories
            ],
            (55, 30, 15),
        )
        self.w.kv(
            [
                # Not required in step 1: blank was never answered (as the PDF says).
                ("desc.data_subjects", self.lines(tr.data_subjects, "doc.not_answered")),
                ("desc.purposes", self.policy(tr.purposes, "doc.not_answered")),
                ("desc.legal_basis", self.policy(tr.legal_basis, "doc.not_answered")),
                ("desc.sensitive_data", self.given("sensitive_data", "") or self.x(tr.sensitive_data)),
                (
                    "desc.sensitive_restrictions",
                    self.given("sensitive_data", "") or self.x(tr.sensitive_restrictions),
                ),
                ("desc.frequency", self.given("frequency", "frequency." + tr.frequency.value)),
                ("desc.volume", self.x(tr.volume)),
                ("desc.nature", self.typed(tr.nature)),
                ("desc.retention", self.x(tr.retention)),
                ("desc.storage", self.x(tr.storage_location) or self.t("doc.not_answered")),
                ("desc.remote_access", self.x(tr.remote_access)),
                (
                    "desc.format_transit",
                    self.given("format_in_transit", "format." + tr.format_in_transit.value),
                ),
                ("desc.format_rest", self.given("format_at_rest", "format." + tr.format_at_rest.value)),
                ("desc.keys", self.given("key_holder", "keyholder." + tr.key_holder.value)),
            ]
        )
        self.w.heading(self.t("desc.onward_transfers"), 2)
        if tr.onward_transfers:
            self.w.table(
                [
                    self.t(k)
                    for k in (
                        "desc.onward_recipient",
                        "party.country",
                        "desc.purpose",
                        "desc.onward_safeguard",
                    )
                ],
                [
                    [o.recipient, o.country.get(self.lang), self.x(o.purpose), self.x(o.safeguard)]
                    for o in tr.onward_transfers
                ],
                (28, 18, 27, 27),
            )
        else:
            self.w.para(self.t("doc.none"))

    def _regimes(self) -> None:
        d = self.d
        self.w.kv(
            [
                ("regime.applicable", "\n".join(self.regime(r) for r in d.regimes)),
                ("doc.destination", f"{d.destination.get(self.lang)} ({d.destination_code})"),
                ("doc.country_data_version", str(d.country_data_version)),
                ("doc.country_data_verified", self._verified_line()),
            ]
        )
        rows = []
        for e in d.destination_status:
            # The PDF's words (sections_transfer._regimes): the entry's notes too, and only an entry
            # someone checked and dated reads "verified".
            parts = (e.condition, e.instrument, e.notes)
            detail = "\n".join(translate(x, self.lang) for x in parts if x) or "—"
            if e.source_url:
                detail += f"\n{e.source_url}"
            verified = self.t("doc.verified" if e.checked else "doc.unverified")
            if e.checked and e.last_verified:
                verified += "\n" + self.date(e.last_verified)
            adopted = self.date(e.adopted) or "—"
            if e.in_force and e.in_force != e.adopted:
                adopted += f"\n{self.t('regime.in_force')} {self.date(e.in_force)}"
            rows.append(
                [
                    self.regime(e.regime),
                    self.t("adequacy." + e.status.value),
                    detail,
                    adopted,
                    self.date(e.expires) or "—",
                    verified,
                ]
            )
        self.w.table(
            [
                self.t(k)
                for k in (
                    "regime.column",
                    "regime.status",
                    "regime.instrument",
                    "regime.adopted",
                    "regime.expires",
                    "regime.verified",
                )
            ],
            rows,
            (14, 14, 33, 13, 13, 13),
        )

    def _verified_line(self) -> str:
        """As the PDF: the oldest check of the entries relied on, the unchecked ones named."""
        text = self.date(self.d.country_data_verified) or "—"
        if self.d.country_data_unverified:
            names = ", ".join(self.regime(r) for r in self.d.country_data_unverified)
            text += f"\n{self.t('doc.unverified')}: {names}"
        return text

    def _tools(self) -> None:
        rows = []
        for tool in self.d.tools:
            text = self.typed(self.x(tool.justification))  # a required answer: never a dash
            text += "".join(f"\n{self.t('tool.scope')}: {self.x(x)}" for x in tool.scope)
            text += "".join(f"\n{self.t('tool.conditions_met')}: {self.x(x)}" for x in tool.conditions_met)
            text += "".join(f"\n{self.t('tool.conditions_open')}: {self.x(x)}" for x in tool.conditions_open)
            text += "".join(f"\n{self.t('tool.adequacy_condition')}: {x}" for x in tool.adequacy_conditions)
            if tool.exception_reason:
                text += f"\n{self.t('tool.exception_reason')}: {tool.exception_reason}"
            text += "".join(f"\n{self.t('tool.warnings')}: {self.x(w)}" for w in tool.warnings)
            rows.append([self.regime(tool.regime), self.x(tool.tool), text])
        self.w.table(
            [self.t(k) for k in ("regime.column", "tool.tool", "tool.justification")], rows, (18, 32, 50)
        )
        a = self.d.acceptance
        checks = [("tool.enforceable", self.answer(a.tool_enforceable))]
        if a.uk_test is not None:
            checks.append(("tool.uk_test", self.answer(a.uk_test)))
        if a.public_powers is not None:
            checks.append(("tool.public_powers", self.answer(a.public_powers)))
        self.w.kv(checks)

    def _law_practice(self) -> None:
        lp = self.d.law_and_practice
        a = self.d.acceptance
        framework = self.typed(a.framework)
        if a.framework_basis:
            framework += f"\n{self.t('law.framework_basis')}: {self.x(a.framework_basis)}"
        self.w.kv([("law.framework", framework), ("law.redress", self.typed(a.redress))])
        self.w.table(
            [self.t(k) for k in ("law.law", "law.problematic", "law.applies", "law.reasoning")],
            [
                [
                    self.x(law.name),
                    self.yes_no(law.problematic),
                    self.yes_no(law.applies),
                    "\n".join([law.reasoning or "—", *(self.x(s) for s in law.sources)]),
                ]
                for law in lp.laws
            ],
            (22, 13, 14, 51),
        )
        experience = "\n".join(
            (self.typed(lp.practical_experience), *(self.x(x) for x in lp.experience_sources))
        )
        step = self.typed(self.x(lp.step_conclusion))
        self.w.kv([("law.practical_experience", experience), ("law.step_conclusion", step)])

    def _measures(self) -> None:
        if not self.d.measures:
            self.w.para(self.t("doc.none"))
            return
        rows = []
        for m in self.d.measures:
            first = self.x(m.name)
            if m.description:
                first += f"\n{self.x(m.description)}"
            if m.use_case:
                first += f"\n{self.t('measure.use_case')}: {self.x(m.use_case)}"
            rows.append(
                [
                    first,
                    self.t("measure.kind." + m.kind) if m.kind else "—",
                    self.t("measure.status." + m.status),
                    m.owner or "—",
                    self.date(m.due) or "—",
                ]
            )
        self.w.table(
            [
                self.t(k)
                for k in ("measure.measure", "measure.kind", "measure.status", "measure.owner", "measure.due")
            ],
            rows,
            (42, 15, 11, 15, 17),
        )

    def _action_plan(self) -> None:
        if not self.d.action_plan:
            self.w.para(self.t("doc.none"))
            return
        self.w.table(
            [self.t(k) for k in ("action.action", "measure.status", "measure.owner", "measure.due")],
            [
                [
                    self.x(a.action),
                    self.t("action.status." + a.status),
                    a.owner or "—",
                    self.date(a.due) or "—",
                ]
                for a in self.d.action_plan
            ],
            (51, 15, 17, 17),
        )

    def _risk(self) -> None:
        risk = self.d.risk
        if risk is None:
            self.w.para(self.t("risk.unfinished" if self.d.risk_unfinished else "risk.not_performed"))
            return
        verdict = (
            "risk.above_threshold" if risk.total_over_period > risk.threshold else "risk.below_threshold"
        )
        self.w.kv(
            [
                ("risk.period", self.t("risk.years", n=risk.period_years)),
                ("risk.threshold", format_percent(risk.threshold)),
                ("risk.total", f"{format_percent(risk.total_over_period)} — {self.t(verdict)}"),
                (
                    "risk.frequency",
                    self.t("risk.once_every", n=f"{risk.once_every_years:,.0f}")
                    if risk.once_every_years
                    else "—",
                ),
                ("risk.method", self.x(risk.method)),
            ]
        )
        self._risk_chart()
        for law in risk.laws:
            self.w.heading(self.x(law.law), 2)
            rows = [
                [self.x(f.label), format_percent(f.probability), self.typed(f.justification)]
                for f in law.factors
            ]
            rows.append(
                [
                    self.t("risk.law_total"),
                    f"{self.t('risk.per_year')}: {format_percent(law.per_year)}",
                    f"{self.t('risk.over_period')}: {format_percent(law.over_period)}",
                ]
            )
            self.w.table(
                [self.t("risk.factor"), self.t("risk.probability"), self.t("tool.justification")],
                rows,
                (32, 19, 49),
            )
        if risk.sensitivity:
            self.w.heading(self.t("risk.sensitivity"), 2)
            self.w.table(
                [self.t("risk.factor"), self.t("risk.over_period")],
                [[self.x(s.label), format_percent(s.over_period)] for s in risk.sensitivity],
                (70, 30),
            )

    def _risk_chart(self) -> None:
        """The PDF's bar chart as a picture, its values as the alternative text."""
        from transfer_tool.report.chart import Bar
        from transfer_tool.report.chart_image import risk_chart_png

        risk = self.d.risk
        assert risk is not None
        bars = [Bar(self.x(law.law), law.over_period) for law in risk.laws]
        bars.append(Bar(self.t("risk.all_laws"), risk.total_over_period, is_total=True))
        threshold = self.t("risk.threshold")
        png = risk_chart_png(bars, risk.threshold, threshold, CONTENT_MM * 72 / 25.4)
        values = "; ".join(f"{b.label}: {format_percent(b.value)}" for b in bars)
        self.w.para(self.t("risk.chart_title"))
        self.w.doc.paragraphs[-1].paragraph_format.keep_with_next = True  # the title stays with its chart
        self.w.picture(
            png, f"{self.t('risk.chart_title')}. {values}; {threshold}: {format_percent(risk.threshold)}"
        )

    def _conclusion(self) -> None:
        c = self.d.conclusion
        self.w.kv(
            [
                ("conclusion.recommended", self.t(conclusion_key(c.recommended, "none_yet"))),
                ("conclusion.chosen", self.t(conclusion_key(c.chosen, "not_reached"))),
                ("conclusion.reason", self.x(c.reason)),
                ("conclusion.procedural_steps", c.procedural_steps),
                ("doc.reevaluation", self.reevaluation(c)),
            ]
        )

    def _appi_consent(self) -> None:
        a = self.d.appi_consent
        if a is None:
            return
        rows = [
            ("appi.country", a.country_name.get(self.lang)),
            ("appi.system", self.x(a.protection_system)),
            ("appi.measures", self.x(a.recipient_measures)),
        ]
        if a.notes:
            rows.append(("appi.notes", self.x(a.notes)))
        self.w.kv(rows)

    def _review_history(self) -> None:
        if not self.d.review_history:
            self.w.para(self.t("doc.none"))
            return
        self.w.table(
            [self.t(k) for k in ("review.who", "review.when", "review.action", "review.comment")],
            [
                [
                    e.who,
                    format_datetime(e.when, self.lang),
                    self.t("review.action." + e.action),
                    self.x(e.comment) or "—",
                ]
                for e in self.d.review_history
            ],
            (21, 23, 16, 40),
        )
        if self.d.review_comments:
            self.w.heading(self.t("review.comments.heading"), 2)
            self.w.table(
                [
                    self.t(k)
                    for k in (
                        "review.comments.version",
                        "review.comment",
                        "review.comments.by",
                        "review.comments.dealt_with",
                    )
                ],
                [
                    [
                        str(c.version),
                        self.x(c.comment),
                        f"{c.reviewer}\n{format_datetime(c.made_at, self.lang)}",
                        f"{c.dealt_with_by}\n{format_datetime(c.dealt_with_at, self.lang)}"
                        if c.dealt_with_at is not None
                        else self.t("review.comments.open"),
                    ]
                    for c in self.d.review_comments
                ],
                (13, 41, 23, 23),
            )

    def _evidence(self) -> None:
        if not self.d.evidence:
            self.w.para(self.t("evidence.none"))
            return
        self.w.table(
            [self.t(k) for k in ("evidence.label", "evidence.filename", "evidence.sha256")],
            [[e.label, e.filename, e.sha256] for e in self.d.evidence],
            (30, 30, 40),
        )

    def _sign_off(self) -> None:
        s = self.d.sign_off
        approved = self.d.status is AssessmentStatus.APPROVED
        self.w.para(self.t("signoff.statement" if approved else "signoff.statement_pending"))
        if s.confirmations:  # what the approver attested, as the approval asked it
            self.w.para(self.t("signoff.confirmed" if approved else "signoff.confirms"))
            for k in s.confirmations:
                self.w.para("• " + self.t(f"signoff.confirm.{k}"))
        rows = [
            ("signoff.approver", s.approver_name),
            ("signoff.role", self.x(s.approver_role)),
            (
                "signoff.date",
                format_datetime(s.at, self.lang) if approved and s.at else self.t("signoff.pending"),
            ),
        ]
        a = self.d.acceptance
        if a.importer_sign_off_wanted:
            who = " · ".join(x for x in (a.importer_signatory, self.date(a.importer_signed_on)) if x)
            rows.append(("signoff.importer", who or self.t("signoff.importer_pending")))
        self.w.kv(rows)
        if s.single_user_mode:
            self.w.para(self.t("signoff.single_user"))
        self.w.para(self.t("doc.word_signature"), bold=True)


def render_docx(data: ReportData, lang: str = "en", terms: Terminology | None = None) -> bytes:
    """The Word file of the report `data` in `lang` ("en" or "ja")."""
    return DocxReport(data, lang, terms).build()
