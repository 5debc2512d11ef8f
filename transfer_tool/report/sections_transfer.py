"""The report's cover, its contents list and the sections on the transfer and its legal footing:
pre-assessment, parties, description, the regimes that apply, the transfer tools."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from transfer_tool.countries.model import RegimeEntry
from transfer_tool.i18n.stored_text import translate
from transfer_tool.report.data import Text, conclusion_key, localize
from transfer_tool.report.document import Build, ContentsLine
from transfer_tool.report.layout import Block, Cell
from transfer_tool.report.parts import ReportParts
from transfer_tool.report.styles import ACCENT, BAD, GOOD, MUTED, WARN_SHADE
from transfer_tool.report.terms import format_date, reevaluation_text


class TransferSections(ReportParts):
    """Sections 1 to 5 and what comes before them; each returns its flowables."""

    def _cover(self, b: Build) -> list[Flowable]:
        d, lang = b.data, b.lang
        chosen = d.conclusion.chosen
        conclusion = self._t(b, conclusion_key(chosen, "not_reached"))
        verdict_colour = {"proceed": GOOD, "proceed_with_measures": ACCENT, "do_not_transfer": BAD}.get(
            chosen.value if chosen else "", MUTED
        )
        verdict = Table(
            [[self._para(b, f"{self._t(b, 'doc.conclusion')}: {conclusion}", "Verdict")]],
            colWidths=[self.content_width],
            style=[
                ("FONTNAME", (0, 0), (-1, -1), self.fonts.main),
                ("BACKGROUND", (0, 0), (-1, -1), verdict_colour),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
            ],
        )
        glance = self._kv(
            b,
            [
                ("doc.reference", d.reference),
                ("doc.version", str(d.version)),
                ("doc.status", self._t(b, "status." + d.status.value)),
                (
                    "doc.exporter",
                    f"{d.exporter.name}\n{d.exporter.country.get(lang)} · {self._given(b, 'exporter_role', 'role.' + d.exporter.role.value)}",
                ),
                (
                    "doc.importer",
                    f"{d.importer.name}\n{d.importer.country.get(lang)} · {self._given(b, 'importer_role', 'role.' + d.importer.role.value)}",
                ),
                ("doc.destination", f"{d.destination.get(lang)} ({d.destination_code})"),
                ("regime.applicable", "\n".join(self._regime_name(b, r) for r in d.regimes)),
                ("doc.assessor", d.assessor),
                *(
                    [
                        (
                            "doc.derived_from",
                            self._t(b, "doc.derived_version")
                            .replace("{0}", d.derived_from)
                            .replace("{1}", str(d.derived_from_version)),
                        )
                    ]
                    if d.derived_from
                    else []
                ),
                ("doc.created", format_date(d.created, lang)),
                ("doc.updated", format_date(d.updated, lang)),
                (
                    "doc.reevaluation",
                    reevaluation_text(
                        self.terms, d.conclusion.reevaluation_date, d.conclusion.reevaluation_months, lang
                    ),
                ),
            ],
        )
        return [
            Spacer(1, 18 * mm),
            self._para(b, d.organisation, "CoverKicker"),
            self._para(b, self._t(b, "doc.title"), "CoverTitle"),
            self._para(b, d.title, "CoverSubtitle"),
            verdict,
            Spacer(1, 8 * mm),
            self._para(b, self._t(b, "doc.at_a_glance"), "H2"),
            glance,
        ]

    def _contents(self, b: Build) -> list[Flowable]:
        lines = [
            ContentsLine(h, b.styles["TOC1" if h.level == 0 else "TOC2"], self._breaker, b.late)
            for h in b.headings
        ]
        return [self._para(b, self._t(b, "doc.contents"), "TOCTitle"), *lines]

    def _party_rows(self, b: Build, side: str) -> list[Flowable]:
        p = b.data.exporter if side == "exporter" else b.data.importer
        contact = "\n".join(x for x in (p.contact_name, p.contact_position) if x)
        signature = " · ".join(x for x in (p.signatory, format_date(p.signature_date, b.lang)) if x)
        rows: list[tuple[str, Cell | Text]] = [
            ("party.name", p.name),
            ("party.role", self._given(b, f"{side}_role", "role." + p.role.value)),
            ("party.country", p.country.get(b.lang)),
            ("party.address", p.address),
            ("party.registration_no", p.registration_no),
            ("party.contact", contact),
            ("party.contact_details", p.contact_details),
            ("party.activities", p.activities),
        ]
        if side == "importer":
            rows.append(("party.recipient_type", p.recipient_type))
        rows.append(("party.signature", signature))
        return [self._h2(b, self._t(b, f"doc.{side}")), self._kv(b, rows)]

    def _pre_assessment(self, b: Build, number: int) -> list[Flowable]:
        """The CNIL guide's pre-TIA gates: could the transfer be avoided, and who carries the assessment."""
        a = b.data.acceptance
        return [
            self._kv(
                b,
                [
                    ("pre.anonymisation", self._typed(b, a.anonymisation)),
                    ("pre.performed_by", self._typed(b, a.performed_by)),
                ],
            )
        ]

    def _parties(self, b: Build, number: int) -> list[Flowable]:
        authority = b.data.acceptance.supervisory_authority
        return [
            *self._party_rows(b, "exporter"),
            *self._party_rows(b, "importer"),
            self._h2(b, self._t(b, "party.supervisory_authority")),
            self._para(b, self._typed(b, authority)),
        ]

    def _description(self, b: Build, number: int) -> list[Flowable]:
        tr, lang = b.data.transfer, b.lang
        categories = self._table(
            b,
            [self._t(b, "desc.category"), self._t(b, "desc.policy_section"), self._t(b, "desc.sensitive")],
            [
                [
                    self._cell(b, c.label, "Cell"),
                    self._cell(
                        b, f"{self._t(b, 'desc.policy_section')} {c.section}" if c.section else "—", "Cell"
                    ),
                    self._cell(b, self._yes_no(b, c.sensitive), "Cell"),
                ]
                for c in tr.data_categories
            ],
            (55, 30, 15),
        )
        # Step 1 asks for these but does not require them: a blank one was never answered, and "Legal
        # basis: None" would read as the assessor's statement that there is none.
        unanswered = "doc.not_answered"
        sensitive_unsaid = "sensitive_data" in b.data.assumed  # a register import left it blank
        kv = self._kv(
            b,
            [
                ("desc.data_subjects", self._lines(b, tr.data_subjects, empty=unanswered)),
                ("desc.purposes", self._policy(b, tr.purposes, empty=unanswered)),
                ("desc.legal_basis", self._policy(b, tr.legal_basis, empty=unanswered)),
                ("desc.sensitive_data", self._t(b, unanswered) if sensitive_unsaid else tr.sensitive_data),
                (
                    "desc.sensitive_restrictions",
                    self._t(b, unanswered) if sensitive_unsaid else tr.sensitive_restrictions,
                ),
                ("desc.frequency", self._given(b, "frequency", "frequency." + tr.frequency.value)),
                ("desc.volume", tr.volume),
                ("desc.nature", self._typed(b, tr.nature)),
                ("desc.retention", tr.retention),
                ("desc.storage", tr.storage_location or self._t(b, unanswered)),
                ("desc.remote_access", tr.remote_access),
                (
                    "desc.format_transit",
                    self._given(b, "format_in_transit", "format." + tr.format_in_transit.value),
                ),
                ("desc.format_rest", self._given(b, "format_at_rest", "format." + tr.format_at_rest.value)),
                ("desc.keys", self._given(b, "key_holder", "keyholder." + tr.key_holder.value)),
            ],
        )
        out: list[Flowable] = [
            self._h2(b, self._t(b, "desc.data_categories")),
            categories,
            Spacer(1, 4 * mm),
            kv,
        ]
        out.append(self._h2(b, self._t(b, "desc.onward_transfers")))
        if tr.onward_transfers:
            out.append(
                self._table(
                    b,
                    [
                        self._t(b, k)
                        for k in (
                            "desc.onward_recipient",
                            "party.country",
                            "desc.purpose",
                            "desc.onward_safeguard",
                        )
                    ],
                    [
                        [
                            self._cell(b, o.recipient, "Cell"),
                            self._cell(b, o.country.get(lang), "Cell"),
                            self._cell(b, o.purpose, "Cell"),
                            self._cell(b, o.safeguard, "Cell"),
                        ]
                        for o in tr.onward_transfers
                    ],
                    (28, 18, 27, 27),
                )
            )
        else:
            out.append(self._para(b, self._t(b, "doc.none")))
        return out

    def _regimes(self, b: Build, number: int) -> list[Flowable]:
        d, lang = b.data, b.lang
        rows: list[list[Cell]] = []
        shaded: dict[int, Color] = {}
        for index, entry in enumerate(d.destination_status, start=1):
            # Shipped country prose, in the report's language where the text catalogue has it.
            detail = (
                "\n".join(translate(x, lang) for x in (entry.condition, entry.instrument, entry.notes) if x)
                or "—"
            )
            cell: list[Block] = [self._cell(b, detail, "Cell")]
            if entry.source_url:
                cell.append(self._cell(b, entry.source_url, "CellMuted"))
            # Only an entry someone checked and dated reads "verified" (RegimeEntry.checked).
            verified = self._t(b, "doc.verified" if entry.checked else "doc.unverified")
            if entry.checked and entry.last_verified:
                verified += "\n" + format_date(entry.last_verified, lang)
            rows.append(
                [
                    self._cell(b, self._regime_name(b, entry.regime), "Cell"),
                    self._cell(b, self._t(b, "adequacy." + entry.status.value), "Cell"),
                    cell,
                    self._cell(b, self._adopted(b, entry), "Cell"),
                    self._cell(b, format_date(entry.expires, lang) or "—", "Cell"),
                    self._cell(b, verified, "Cell" if entry.verified else "Warning"),
                ]
            )
            if not entry.checked:
                shaded[index - 1] = WARN_SHADE
        table = self._table(
            b,
            [
                self._t(b, k)
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
            row_backgrounds=shaded,
        )
        return [
            self._kv(
                b,
                [
                    ("regime.applicable", "\n".join(self._regime_name(b, r) for r in d.regimes)),
                    ("doc.destination", f"{d.destination.get(lang)} ({d.destination_code})"),
                    ("doc.country_data_version", str(d.country_data_version)),
                    ("doc.country_data_verified", self._verified_line(b)),
                ],
            ),
            Spacer(1, 4 * mm),
            table,
        ]

    def _adopted(self, b: Build, entry: RegimeEntry) -> str:
        text = format_date(entry.adopted, b.lang) or "—"
        if entry.in_force and entry.in_force != entry.adopted:
            text += f"\n{self._t(b, 'regime.in_force')} {format_date(entry.in_force, b.lang)}"
        return text

    def _verified_line(self, b: Build) -> str:
        """The oldest check of the entries relied on; the unchecked ones named (never called verified)."""
        d = b.data
        text = format_date(d.country_data_verified, b.lang) or "—"
        if d.country_data_unverified:
            names = ", ".join(self._regime_name(b, r) for r in d.country_data_unverified)
            text += f"\n{self._t(b, 'doc.unverified')}: {names}"
        return text

    def _tools(self, b: Build, number: int) -> list[Flowable]:
        rows: list[list[Cell]] = []
        for tool in b.data.tools:
            # A required answer of step 2: unanswered reads "Not answered", never a dash.
            justification: list[Block] = [
                self._cell(b, tool.justification or self._t(b, "doc.not_answered"), "Cell")
            ]
            justification += [
                self._cell(b, f"{self._t(b, 'tool.scope')}: {localize(x, b.lang)}", "Cell")
                for x in tool.scope
            ]
            justification += [
                self._cell(b, f"{self._t(b, 'tool.conditions_met')}: {localize(x, b.lang)}", "Cell")
                for x in tool.conditions_met
            ]
            justification += [
                self._cell(b, f"{self._t(b, 'tool.conditions_open')}: {localize(x, b.lang)}", "Warning")
                for x in tool.conditions_open
            ]
            justification += [
                self._cell(b, f"{self._t(b, 'tool.adequacy_condition')}: {x}", "Cell")
                for x in tool.adequacy_conditions
            ]
            if tool.exception_reason:
                justification.append(
                    self._cell(b, f"{self._t(b, 'tool.exception_reason')}: {tool.exception_reason}", "Cell")
                )
            justification += [
                self._cell(b, f"{self._t(b, 'tool.warnings')}: {localize(w, b.lang)}", "Warning")
                for w in tool.warnings
            ]
            rows.append(
                [
                    self._cell(b, self._regime_name(b, tool.regime), "Cell"),
                    self._cell(b, tool.tool, "Cell"),
                    justification,
                ]
            )
        a = b.data.acceptance
        checks: list[tuple[str, Cell | Text]] = [("tool.enforceable", self._answer(b, a.tool_enforceable))]
        if a.uk_test is not None:
            checks.append(("tool.uk_test", self._answer(b, a.uk_test)))
        if a.public_powers is not None:
            checks.append(("tool.public_powers", self._answer(b, a.public_powers)))
        return [
            self._table(
                b,
                [self._t(b, k) for k in ("regime.column", "tool.tool", "tool.justification")],
                rows,
                (18, 32, 50),
            ),
            Spacer(1, 4 * mm),
            self._kv(b, checks),
        ]
