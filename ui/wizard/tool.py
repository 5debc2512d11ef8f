"""Step 2, the transfer tool: the destination's status per regime, the tools the core proposes (with why),
the tool chosen per regime with its justification, and the core's warnings in place."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QFrame, QLabel, QVBoxLayout, QWidget

from transfer_tool.assessment import public_powers
from transfer_tool.assessment.record import ToolChoice
from transfer_tool.assessment.safeguards import ConsentInformation
from transfer_tool.assessment.tool_catalog import FrequencyLimit, ToolDef, ToolKind
from transfer_tool.domain import Frequency
from ui.i18n import adequacy_label, regime_short_name
from ui.terms import core_text, core_texts
from ui.wizard.common import INFO_STYLE, NOTICE_STYLE, WARNING_STYLE, WizardPage, boxed, heading, plain_label
from ui.wizard.evidence_list import EvidenceList
from ui.wizard.inputs import PlainTextField
from ui.wizard.public_powers import PublicPowersQuestion
from ui.wizard.rechecks import mark_to_answer, tool_to_answer
from ui.wizard.rule_inputs import FactFlags, wrapped_checkbox
from ui.wizard.state import PAGE_TOOL, WizardState


class _RegimeTool(QFrame):
    """One applicable regime: status, proposals, choice and justification, warnings."""

    def __init__(self, page: ToolPage, regime: str) -> None:
        super().__init__(page.body)
        self.page = page
        self.regime = regime
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight:bold;")
        self.title.setWordWrap(True)
        self.status = plain_label("", self)
        self.proposals = plain_label("", self)
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(self.tr("Transfer tool for %1").replace("%1", regime_short_name(regime)))
        self.combo_message = page.message(f"tools.{regime}", self)
        self.justification = PlainTextField(
            self.tr("Why this tool fits (%1)").replace("%1", regime_short_name(regime)), 3, self
        )
        self.justification.setPlaceholderText(self.tr("Why this tool fits this transfer"))
        self.justification_message = page.message(f"tools.{regime}.justification", self)
        self.warnings = boxed("", WARNING_STYLE, self)
        self.warnings.hide()
        # A derogation's conditions, each confirmed by the assessor (EDPB Guidelines 2/2018).
        self.conditions_title = QLabel(
            self.tr("Conditions of the derogation (confirm each that is met):"), self
        )
        self.conditions_box = QVBoxLayout()
        self.condition_boxes: dict[str, QCheckBox] = {}
        self.systematic = PlainTextField(
            self.tr("Why this continuous use stays exceptional (%1)").replace(
                "%1", regime_short_name(regime)
            ),
            2,
            self,
        )
        self.systematic.setPlaceholderText(
            self.tr(
                "Derogations must not become the rule: why this continuous use stays exceptional (the reviewer sees it)"
            )
        )
        chosen = QLabel(self.tr("&Chosen tool:"), self)
        chosen.setBuddy(self.combo)
        why = QLabel(self.tr("&Justification:"), self)
        why.setBuddy(self.justification)
        for w in (
            self.title,
            self.status,
            self.proposals,
            chosen,
            self.combo,
            self.combo_message,
            self.warnings,
            why,
            self.justification,
            self.justification_message,
            self.conditions_title,
        ):
            layout.addWidget(w)
        layout.addLayout(self.conditions_box)
        layout.addWidget(self.systematic)
        self._codes: list[str] = []
        self.combo.currentIndexChanged.connect(self._chosen)
        self.justification.textChanged.connect(self._justified)
        self.systematic.textChanged.connect(self._systematic_changed)

    def _tool_name(self, tool: ToolDef) -> str:
        return tool.name_ja if self.page.state.language == "ja" else tool.name_en

    def update_view(self) -> None:
        st = self.page.state
        ev, record, ctx = st.evaluation, st.record, st.context()
        if ev is None or record is None or ctx is None:
            return
        check = ev.precheck.check_for(self.regime)
        regime = st.regimes().get(self.regime)
        name = (regime.name_ja if st.language == "ja" else regime.name_en) if regime else self.regime
        self.title.setText(f"{regime_short_name(self.regime)} — {name}")
        entry = ctx.destination.status_under(self.regime)
        parts = [
            self.tr("Status of %1: %2")
            .replace("%1", st.country_name(ctx.destination.code))
            .replace("%2", adequacy_label(entry.status if entry else None))
        ]
        if entry and entry.condition:
            parts.append(self.tr("condition: %1").replace("%1", core_text(entry.condition)))
        if entry and entry.instrument:
            parts.append(core_text(entry.instrument))
        if entry is None or not entry.checked:
            parts.append(self.tr("UNVERIFIED country data: check the source"))
        if entry and entry.notes:
            parts.append(core_text(entry.notes))
        if check is not None and not check.full_assessment_needed:
            parts.append(self.tr("short record"))
        self.status.setText(" · ".join(parts))
        proposals = ev.proposals.for_regime(self.regime)
        lines = [
            ("★ " if p.preferred else "• ")
            + (p.name_ja if st.language == "ja" else p.name_en)
            + f" — {core_text(p.why)}"
            for p in proposals
        ]
        self.proposals.setText(
            (self.tr("Proposed:") + "\n" + "\n".join(lines)) if lines else self.tr("No tool to propose.")
        )
        # Combo: proposals first (★ preferred), then the regime's other tools, then an odd current choice.
        choice = record.tool_for(self.regime)
        codes = [p.tool for p in proposals]
        # A derogation Art. 49(3) closes to this exporter is not offered (a current choice stays, to be cleared).
        codes += [
            t.code
            for t in st.tools.for_regime(self.regime)
            if t.code not in codes and not public_powers.closes(record.facts, t)
        ]
        if choice is not None and choice.tool not in codes:
            codes.append(choice.tool)
        if codes != self._codes:
            self.combo.blockSignals(True)
            self.combo.clear()
            self.combo.addItem(self.tr("— choose a tool —"), "")
            proposed = {p.tool: p for p in proposals}
            for code in codes:
                tool = st.tools.get(code)
                text = self._tool_name(tool) if tool else code
                if code in proposed:
                    text = ("★ " if proposed[code].preferred else "") + text + self.tr(" (proposed)")
                self.combo.addItem(text, code)
            self.combo.blockSignals(False)
            self._codes = codes
        self.combo.blockSignals(True)
        index = self.combo.findData(choice.tool if choice else "")
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
        if not self.justification.hasFocus():
            self.justification.set_text_quietly(choice.justification if choice else "")
        tool = st.tools.get(choice.tool) if choice else None
        # On the APPI consent route this text is what the TIA gives as "the measures the recipient takes"
        # (PPC Rules Art. 17(2)(iii)), told to the person who consents: the field says so.
        self.justification.setPlaceholderText(
            self.tr(
                "The measures the recipient takes to protect the personal information (the person who "
                "consents is told them), and why consent fits this transfer"
            )
            if tool is not None and tool.kind is ToolKind.CONSENT
            else self.tr("Why this tool fits this transfer")
        )
        self._show_conditions(tool, choice)
        shown = {g.message for g in st.gaps}
        warnings = [
            core_text(w.text) for w in ev.tool_warnings if w.regime == self.regime and w.text not in shown
        ]
        self.warnings.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warnings.setVisible(bool(warnings))
        mark_to_answer(self.combo, tool_to_answer(st, self.regime), "QComboBox")

    def _show_conditions(self, tool: ToolDef | None, choice: ToolChoice | None) -> None:
        conditions = tool.conditions if tool else ()
        codes = [c.code for c in conditions]
        if list(self.condition_boxes) != codes:
            for box in self.condition_boxes.values():
                holder = box.parentWidget()
                if holder is not None:
                    holder.deleteLater()
            self.condition_boxes = {}
            for c in conditions:
                text = c.text_ja if self.page.state.language == "ja" else c.text_en
                row, box = wrapped_checkbox(text.replace("&", "&&"), self)
                box.toggled.connect(lambda on, code=c.code: self._condition_toggled(code, on))
                self.conditions_box.addWidget(row)
                self.condition_boxes[c.code] = box
        met = set(choice.conditions_met) if choice else set()
        for code, box in self.condition_boxes.items():
            box.blockSignals(True)
            box.setChecked(code in met)
            box.blockSignals(False)
        self.conditions_title.setVisible(bool(conditions))
        record = self.page.state.record
        continuous = record is not None and record.facts.frequency is Frequency.CONTINUOUS
        exceptional = tool is not None and tool.frequency_limit is FrequencyLimit.EXCEPTIONAL
        self.systematic.setVisible(exceptional and continuous)
        if not self.systematic.hasFocus():
            self.systematic.set_text_quietly(choice.systematic_reason if choice else "")

    def _update_choice(self, **changes: object) -> None:
        record = self.page.state.record
        if record is None or self.page.loading or record.tool_for(self.regime) is None:
            return
        tools = tuple(
            dataclasses.replace(t, **changes) if t.regime == self.regime else t  # type: ignore[arg-type]
            for t in record.tools
        )
        self.page.state.update_record(tools=tools)

    def _condition_toggled(self, code: str, on: bool) -> None:
        record = self.page.state.record
        current = record.tool_for(self.regime) if record else None
        if current is None:
            return
        met = [c for c in current.conditions_met if c != code] + ([code] if on else [])
        self._update_choice(conditions_met=tuple(met))

    def _systematic_changed(self) -> None:
        self._update_choice(systematic_reason=self.systematic.toPlainText())

    def widgets(self) -> list[QWidget]:
        return [self.combo, self.justification, *self.condition_boxes.values(), self.systematic]

    def _chosen(self, _index: int) -> None:
        code = str(self.combo.currentData() or "")
        record = self.page.state.record
        if record is None or self.page.loading:
            return
        current = record.tool_for(self.regime)
        others = tuple(t for t in record.tools if t.regime != self.regime)
        if not code:
            tools = others
        else:
            justification = current.justification if current else ""
            tools = (*others, ToolChoice(self.regime, code, justification))
        self.page.state.update_record(tools=tools)

    def _justified(self) -> None:
        record = self.page.state.record
        if record is None or self.page.loading:
            return
        current = record.tool_for(self.regime)
        if current is None:
            return
        text = self.justification.toPlainText()
        tools = tuple(
            dataclasses.replace(t, justification=text) if t.regime == self.regime else t for t in record.tools
        )
        self.page.state.update_record(tools=tools)


class ToolPage(WizardPage):
    KEY = PAGE_TOOL

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.setTitle(self.tr("2 · Transfer tool"))
        self.setSubTitle(
            self.tr(
                "For each regime under which this is a transfer: the destination's status, the fitting tools, and your choice."
            )
        )
        layout = QVBoxLayout(self.body)
        self.public_powers = PublicPowersQuestion(state, self.body)
        layout.addWidget(self.public_powers)
        self.sections_box = QVBoxLayout()
        layout.addLayout(self.sections_box)
        self.sections: dict[str, _RegimeTool] = {}
        self.none_label = plain_label(
            self.tr("This is not a transfer under any applicable regime: no tool is needed."), self.body
        )
        layout.addWidget(self.none_label)
        self.consent = boxed("", NOTICE_STYLE, self.body)
        self.consent.setObjectName("appiConsentInformation")
        self.consent.hide()
        layout.addWidget(self.consent)
        # PPC Rules Art. 17(3), (4): an item of the consent information that cannot be given, and why.
        self.consent_flags = FactFlags(
            state,
            (
                ("country_unknown", self.tr("The &country cannot be identified when consent is obtained")),
                ("measures_unknown", self.tr("The recipient's &measures cannot be described")),
            ),
            self.body,
            read=lambda name: bool(state.record and getattr(state.record.appi_consent, name)),
            write=self._consent_fact,
        )
        self.country_reason = PlainTextField(self.tr("Why the country cannot be identified"), 2, self.body)
        self.country_reason.setPlaceholderText(self.tr("Why the country cannot be identified (Art. 17(3))"))
        self.reference = PlainTextField(
            self.tr("Information that serves as a reference instead"), 2, self.body
        )
        self.reference.setPlaceholderText(self.tr("Information that serves as a reference instead, if any"))
        self.measures_reason = PlainTextField(
            self.tr("Why the recipient's measures cannot be described"), 2, self.body
        )
        self.measures_reason.setPlaceholderText(
            self.tr("Why the recipient's measures cannot be described (Art. 17(4))")
        )
        for w in (self.consent_flags, self.country_reason, self.reference, self.measures_reason):
            layout.addWidget(w)
        layout.addWidget(self.message("appi_consent"))
        self.country_reason.textChanged.connect(
            lambda: self._consent_fact("country_unknown_reason", self.country_reason.toPlainText())
        )
        self.reference.textChanged.connect(
            lambda: self._consent_fact("reference_information", self.reference.toPlainText())
        )
        self.measures_reason.textChanged.connect(
            lambda: self._consent_fact("measures_unknown_reason", self.measures_reason.toPlainText())
        )
        self.notes = boxed("", INFO_STYLE, self.body)
        self.notes.hide()
        layout.addWidget(self.notes)
        layout.addWidget(heading(self.tr("Evidence (e.g. the signed clauses)"), self.body))
        self.evidence = EvidenceList(state, self.tr("e.g. Signed SCC Module 2"), self.body)
        layout.addWidget(self.evidence)
        layout.addStretch(1)

    def _consent_fact(self, name: str, value: object) -> None:
        record = self.state.record
        if record is None or self.loading or getattr(record.appi_consent, name) == value:
            return
        change: dict[str, Any] = {name: value}  # one field of the facts, named by the box that changed
        self.state.update_record(appi_consent=dataclasses.replace(record.appi_consent, **change))

    def _show_consent_facts(self, chosen: bool) -> None:
        record = self.state.record
        facts = record.appi_consent if record else None
        self.consent_flags.setVisible(chosen)
        self.consent_flags.load()
        for field, edit, flag in (
            ("country_unknown_reason", self.country_reason, "country_unknown"),
            ("reference_information", self.reference, "country_unknown"),
            ("measures_unknown_reason", self.measures_reason, "measures_unknown"),
        ):
            edit.setVisible(chosen and bool(facts and getattr(facts, flag)))
            if facts is not None and not edit.hasFocus():
                edit.set_text_quietly(getattr(facts, field))

    def section(self, regime: str) -> _RegimeTool:
        return self.sections[regime]

    def load(self) -> None:
        self.refresh()

    def tab_chain(self) -> list[QWidget]:
        chain: list[QWidget] = self.public_powers.widgets()
        for section in self.sections.values():
            chain += section.widgets()
        chain += [*self.consent_flags.widgets(), self.country_reason, self.reference, self.measures_reason]
        return chain + self.evidence.tab_widgets()

    def refresh(self) -> None:
        ev, record = self.state.evaluation, self.state.record
        regimes = list(ev.precheck.transfer_regimes) if ev else []
        # A tool chosen under a regime that no longer applies stays visible, so it can be cleared.
        regimes += [t.regime for t in record.tools if t.regime not in regimes] if record and ev else []
        self.public_powers.refresh()
        if list(self.sections) != regimes:
            for section in self.sections.values():
                self.messages = [m for m in self.messages if m.parent() is not section]
                section.deleteLater()
            self.sections = {}
            for i, code in enumerate(regimes):
                section = _RegimeTool(self, code)
                self.sections_box.insertWidget(i, section)
                self.sections[code] = section
        for section in self.sections.values():
            section.update_view()
        self.none_label.setVisible(ev is not None and not regimes)
        info = ev.proposals.consent_information if ev else None
        record = self.state.record
        consent = next((t for t in record.tools if t.tool == "jp_consent"), None) if record else None
        chosen_consent = consent is not None
        self.consent.setVisible(info is not None)
        if info is not None:
            said = consent.justification.strip() if consent is not None else ""
            self.consent.setText(self._consent_text(info, chosen_consent, said))
        self._show_consent_facts(chosen_consent)
        notes = [core_text(n.text) for n in ev.proposals.notes] if ev else []
        self.notes.setText("\n".join(f"ℹ {n}" for n in notes))
        self.notes.setVisible(bool(notes))

    def _consent_text(self, info: ConsentInformation, chosen: bool, measures: str = "") -> str:
        lines = [
            self.tr("APPI consent (Art. 28(2)): the information to give the data subject before consent")
            + (
                self.tr(" — this is the chosen route")
                if chosen
                else self.tr(" — if you choose the consent route")
            ),
            self.tr("(i) Country: %1 / %2")
            .replace("%1", info.country_name_ja)
            .replace("%2", info.country_name_en)
            if not (self.state.record and self.state.record.appi_consent.country_unknown)
            else self.tr(
                "(i) Country: not yet identified (PPC Rules Art. 17(3)): say why and what serves as a reference"
            ),
            self.tr("(ii) Its personal-information protection system: %1").replace(
                "%1", core_text(info.protection_system) or "—"
            ),
        ]
        lines += [f"    {i}" for i in core_texts(info.indicators)]
        lines += [f"    {a}" for a in core_texts(info.affecting_systems)]
        lines.append(
            self.tr("(iii) The recipient's measures: %1").replace(
                "%1",
                info.recipient_measures
                or measures
                or self.tr("describe them under Justification (the person who consents is told them)"),
            )
        )
        if info.missing:
            lines.append(
                self.tr("Missing from the country data: %1").replace(
                    "%1", "; ".join(core_texts(info.missing))
                )
            )
        return "\n".join(lines)

    def notice_text(self) -> str:
        return self.state.context_error
