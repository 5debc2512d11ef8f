"""The report's sections on what the assessment found and its record: law and practice, supplementary
measures, the action plan, the risk assessment, the conclusion, the APPI consent information, the review
history, the evidence and the sign-off with its signature box."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from transfer_tool.domain import AssessmentStatus
from transfer_tool.report.chart import Bar, risk_chart
from transfer_tool.report.data import ReviewCommentLine, Text, conclusion_key, localize
from transfer_tool.report.document import Build, SignatureSpace, TiaDocTemplate
from transfer_tool.report.layout import Block, Cell
from transfer_tool.report.parts import ReportParts
from transfer_tool.report.styles import SHADE
from transfer_tool.report.terms import format_date, format_datetime, format_percent, reevaluation_text


class FindingsSections(ReportParts):
    """Sections 6 to the sign-off; each returns its flowables."""

    def _law_practice(self, b: Build, number: int) -> list[Flowable]:
        lp = b.data.law_and_practice
        rows: list[list[Cell]] = []
        for law in lp.laws:
            reasoning: list[Block] = [self._cell(b, law.reasoning or "—", "Cell")]
            reasoning += [self._cell(b, s, "CellMuted") for s in law.sources]
            rows.append(
                [
                    self._cell(b, law.name, "Cell"),
                    self._cell(b, self._yes_no(b, law.problematic), "Warning" if law.problematic else "Cell"),
                    self._cell(b, self._yes_no(b, law.applies), "Cell"),
                    reasoning,
                ]
            )
        table = self._table(
            b,
            [self._t(b, k) for k in ("law.law", "law.problematic", "law.applies", "law.reasoning")],
            rows,
            (22, 13, 14, 51),
        )
        # Unanswered reads "Not answered": a dash beside practical experience reads as "no requests".
        sources = (localize(x, b.lang) for x in lp.experience_sources)
        experience = "\n".join((self._typed(b, lp.practical_experience), *sources))
        step = lp.step_conclusion or self._t(b, "doc.not_answered")
        a = b.data.acceptance
        framework: list[Block] = [self._cell(b, self._typed(b, a.framework), "Cell")]
        if a.framework_basis:
            basis = f"{self._t(b, 'law.framework_basis')}: {localize(a.framework_basis, b.lang)}"
            framework.append(self._cell(b, basis, "CellMuted"))
        return [
            self._kv(b, [("law.framework", framework), ("law.redress", self._typed(b, a.redress))]),
            Spacer(1, 4 * mm),
            table,
            Spacer(1, 4 * mm),
            self._kv(b, [("law.practical_experience", experience), ("law.step_conclusion", step)]),
        ]

    def _measures(self, b: Build, number: int) -> list[Flowable]:
        if not b.data.measures:
            return [self._para(b, self._t(b, "doc.none"))]
        rows: list[list[Cell]] = []
        for m in b.data.measures:
            first: list[Block] = [self._cell(b, m.name, "Cell")]
            if m.description:
                first.append(self._cell(b, m.description, "CellMuted"))
            if m.use_case:
                first.append(
                    self._cell(
                        b, f"{self._t(b, 'measure.use_case')}: {localize(m.use_case, b.lang)}", "CellMuted"
                    )
                )
            rows.append(
                [
                    first,
                    self._cell(b, self._t(b, "measure.kind." + m.kind) if m.kind else "—", "Cell"),
                    self._cell(
                        b,
                        self._t(b, "measure.status." + m.status),
                        "Cell" if m.status == "in_place" else "Warning",
                    ),
                    self._cell(b, m.owner or "—", "Cell"),
                    self._cell(b, format_date(m.due, b.lang) or "—", "Cell"),
                ]
            )
        header = [
            self._t(b, k)
            for k in ("measure.measure", "measure.kind", "measure.status", "measure.owner", "measure.due")
        ]
        return [self._table(b, header, rows, (42, 15, 11, 15, 17))]

    def _action_plan(self, b: Build, number: int) -> list[Flowable]:
        if not b.data.action_plan:
            return [self._para(b, self._t(b, "doc.none"))]
        rows = [
            [
                self._cell(b, a.action, "Cell"),
                self._cell(b, self._t(b, "action.status." + a.status), "Cell"),
                self._cell(b, a.owner or "—", "Cell"),
                self._cell(b, format_date(a.due, b.lang) or "—", "Cell"),
            ]
            for a in b.data.action_plan
        ]
        header = [self._t(b, k) for k in ("action.action", "measure.status", "measure.owner", "measure.due")]
        return [self._table(b, header, rows, (51, 15, 17, 17))]

    def _risk(self, b: Build, number: int) -> list[Flowable]:
        risk = b.data.risk
        if risk is None:
            return [
                self._para(
                    b, self._t(b, "risk.unfinished" if b.data.risk_unfinished else "risk.not_performed")
                )
            ]
        verdict_key = (
            "risk.above_threshold" if risk.total_over_period > risk.threshold else "risk.below_threshold"
        )
        summary = self._kv(
            b,
            [
                ("risk.period", self._t(b, "risk.years", n=risk.period_years)),
                ("risk.threshold", format_percent(risk.threshold)),
                ("risk.total", f"{format_percent(risk.total_over_period)} — {self._t(b, verdict_key)}"),
                (
                    "risk.frequency",
                    self._t(b, "risk.once_every", n=f"{risk.once_every_years:,.0f}")
                    if risk.once_every_years
                    else "—",
                ),
                ("risk.method", risk.method),
            ],
        )
        bars = [Bar(localize(law.law, b.lang), law.over_period) for law in risk.laws]
        bars.append(Bar(self._t(b, "risk.all_laws"), risk.total_over_period, is_total=True))
        chart = risk_chart(
            bars, risk.threshold, self._t(b, "risk.threshold"), self.content_width, self.fonts.main
        )
        out: list[Flowable] = [
            summary,
            Spacer(1, 3 * mm),
            KeepTogether([self._para(b, self._t(b, "risk.chart_title"), "Small"), chart]),
        ]
        for law in risk.laws:
            rows: list[list[Cell]] = [
                [
                    self._cell(b, f.label, "Cell"),
                    self._cell(b, format_percent(f.probability), "Cell"),
                    self._cell(b, self._typed(b, f.justification), "Cell"),  # required: never a dash
                ]
                for f in law.factors
            ]
            rows.append(
                [
                    self._cell(b, self._t(b, "risk.law_total"), "Cell"),
                    self._cell(b, f"{self._t(b, 'risk.per_year')}: {format_percent(law.per_year)}", "Cell"),
                    self._cell(
                        b, f"{self._t(b, 'risk.over_period')}: {format_percent(law.over_period)}", "Cell"
                    ),
                ]
            )
            table = self._table(
                b,
                [self._t(b, "risk.factor"), self._t(b, "risk.probability"), self._t(b, "tool.justification")],
                rows,
                (32, 19, 49),
                row_backgrounds={len(rows) - 1: SHADE},
            )
            out += [self._h2(b, localize(law.law, b.lang)), table]
        if risk.sensitivity:
            rows = [
                [self._cell(b, s.label, "Cell"), self._cell(b, format_percent(s.over_period), "Cell")]
                for s in risk.sensitivity
            ]
            out += [
                self._h2(b, self._t(b, "risk.sensitivity")),
                self._table(b, [self._t(b, "risk.factor"), self._t(b, "risk.over_period")], rows, (70, 30)),
            ]
        return out

    def _conclusion(self, b: Build, number: int) -> list[Flowable]:
        c = b.data.conclusion
        rows: list[tuple[str, Cell | Text]] = [
            ("conclusion.recommended", self._t(b, conclusion_key(c.recommended, "none_yet"))),
        ]
        if c.grounds:
            rows.append(("conclusion.grounds", c.grounds))
        rows += [
            ("conclusion.chosen", self._t(b, conclusion_key(c.chosen, "not_reached"))),
            ("conclusion.reason", c.reason),
            ("conclusion.procedural_steps", c.procedural_steps),
            (
                "doc.reevaluation",
                reevaluation_text(self.terms, c.reevaluation_date, c.reevaluation_months, b.lang),
            ),
        ]
        return [self._kv(b, rows)]

    def _appi_consent(self, b: Build, number: int) -> list[Flowable]:
        a = b.data.appi_consent
        assert a is not None  # the section is only listed when present
        rows: list[tuple[str, Cell | Text]] = [
            ("appi.country", a.country_name.get(b.lang)),
            ("appi.system", a.protection_system),
            ("appi.measures", a.recipient_measures),
        ]
        if a.notes:
            rows.append(("appi.notes", a.notes))
        return [self._kv(b, rows)]

    def _review_history(self, b: Build, number: int) -> list[Flowable]:
        if not b.data.review_history:
            return [self._para(b, self._t(b, "doc.none"))]
        rows = [
            [
                self._cell(b, e.who, "Cell"),
                self._cell(b, format_datetime(e.when, b.lang), "Cell"),
                self._cell(b, self._t(b, "review.action." + e.action), "Cell"),
                self._cell(b, e.comment or "—", "Cell"),
            ]
            for e in b.data.review_history
        ]
        header = [self._t(b, k) for k in ("review.who", "review.when", "review.action", "review.comment")]
        return [self._table(b, header, rows, (21, 23, 16, 40)), *self._review_comments(b)]

    def _review_comments(self, b: Build) -> list[Flowable]:
        """Each comment the reviewer returned a version with, and who dealt with it, when."""
        if not b.data.review_comments:
            return []
        rows = [
            [
                self._cell(b, str(c.version), "Cell"),
                self._cell(b, c.comment, "Cell"),
                self._lines(b, [c.reviewer, format_datetime(c.made_at, b.lang)]),
                self._lines(b, self._dealt_with(b, c)),
            ]
            for c in b.data.review_comments
        ]
        header = [
            self._t(b, k)
            for k in (
                "review.comments.version",
                "review.comment",
                "review.comments.by",
                "review.comments.dealt_with",
            )
        ]
        return [
            self._h2(b, self._t(b, "review.comments.heading")),
            # The version's column is wide enough for "1 (continued)" over a comment cut at a page break.
            self._table(b, header, rows, (13, 41, 23, 23)),
        ]

    def _dealt_with(self, b: Build, c: ReviewCommentLine) -> list[Text]:
        if c.dealt_with_at is None:
            return [self._t(b, "review.comments.open")]
        return [c.dealt_with_by, format_datetime(c.dealt_with_at, b.lang)]

    def _evidence(self, b: Build, number: int) -> list[Flowable]:
        if not b.data.evidence:
            return [self._para(b, self._t(b, "evidence.none"))]
        rows = [
            [
                self._cell(b, e.label, "Cell"),
                self._cell(b, e.filename, "Cell"),
                self._cell(b, e.sha256, "CellMuted"),
            ]
            for e in b.data.evidence
        ]
        header = [self._t(b, k) for k in ("evidence.label", "evidence.filename", "evidence.sha256")]
        return [self._table(b, header, rows, (30, 30, 40))]

    def _sign_off(self, b: Build, number: int, doc: TiaDocTemplate) -> list[Flowable]:
        s, lang = b.data.sign_off, b.lang
        approved = b.data.status is AssessmentStatus.APPROVED
        rows: list[tuple[str, Cell | Text]] = [
            ("signoff.approver", s.approver_name),
            ("signoff.role", s.approver_role),
            (
                "signoff.date",
                format_datetime(s.at, lang) if approved and s.at else self._t(b, "signoff.pending"),
            ),
        ]
        a = b.data.acceptance
        if a.importer_sign_off_wanted:  # the organisation wants the importer's co-adoption on record
            who = " · ".join(x for x in (a.importer_signatory, format_date(a.importer_signed_on, lang)) if x)
            rows.append(("signoff.importer", who or self._t(b, "signoff.importer_pending")))
        block: list[Flowable] = [
            self._h1(b, number, "section.sign_off"),
            # Until approved nobody has confirmed anything: the sentence says what approval will mean.
            self._para(b, self._t(b, "signoff.statement" if approved else "signoff.statement_pending")),
        ]
        if s.confirmations:  # what the approver attested, as the approval asked it
            block.append(self._para(b, self._t(b, "signoff.confirmed" if approved else "signoff.confirms")))
            block += [self._para(b, "• " + self._t(b, f"signoff.confirm.{k}")) for k in s.confirmations]
        block.append(self._kv(b, rows))
        if s.single_user_mode:
            block.append(Spacer(1, 2 * mm))
            block.append(self._para(b, self._t(b, "signoff.single_user"), "Warning"))
        block += [
            Spacer(1, 6 * mm),
            self._para(b, self._t(b, "signoff.signature"), "Label"),
            SignatureSpace(self.signature_width, self.signature_height, doc.place_signature),
        ]
        return [CondPageBreak(90 * mm), KeepTogether(block)]
