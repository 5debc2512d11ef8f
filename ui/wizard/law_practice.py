"""Step 3, law and practice of the destination: its government-access laws (from the country data), for
each whether it applies to this importer and data and why, practical experience with sources, and the
three-way conclusion of the step."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

import ui.wizard.labels as labels
from transfer_tool.assessment.record import AddedLaw, LawAssessment, StepConclusion
from transfer_tool.countries.model import AccessLaw
from ui.terms import core_text
from ui.wizard.common import WizardPage, heading, plain_label
from ui.wizard.evidence_list import EvidenceList
from ui.wizard.inputs import PlainTextField
from ui.wizard.rechecks import law_to_answer, mark_to_answer
from ui.wizard.rule_inputs import FactFlags
from ui.wizard.state import PAGE_LAW, WizardState


class _LawRow(QFrame):
    def __init__(self, page: LawPracticePage, law: AccessLaw, *, added: bool = False) -> None:
        super().__init__(page.body)
        self.page = page
        self.law = law
        self.setObjectName("lawRow")  # the highlight's selector: the frame, not its labels
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        badge = self.tr("problematic") if law.problematic else self.tr("not problematic")
        name = core_text(law.name)
        title = QLabel(f"{name} — {badge}", self)
        title.setWordWrap(True)
        colour = "#b3261e" if law.problematic else "#2e6b30"
        title.setStyleSheet(f"font-weight:bold;color:{colour};")
        details = [core_text(law.reason)]
        if law.scope:
            details.append(self.tr("Reaches: %1").replace("%1", core_text(law.scope)))
        if law.sources:
            details.append(self.tr("Sources: %1").replace("%1", "; ".join(law.sources)))
        info = plain_label("\n".join(details), self)
        info.setStyleSheet("color:#333;font-size:92%;")
        row = QHBoxLayout()
        question = QLabel(self.tr("&Applies to this importer and data?"), self)
        self.applies = QComboBox(self)
        self.applies.addItem(self.tr("— not answered —"), None)
        self.applies.addItem(self.tr("Yes, it applies"), True)
        self.applies.addItem(self.tr("No, it does not apply"), False)
        self.applies.setAccessibleName(self.tr("Does %1 apply?").replace("%1", name))
        question.setBuddy(self.applies)
        row.addWidget(question)
        row.addWidget(self.applies)
        row.addStretch(1)
        self.reasoning = PlainTextField(self.tr("Reasoning for %1").replace("%1", name), 2, self)
        self.reasoning.setPlaceholderText(
            self.tr("Why it does or does not reach this importer and this data")
        )
        layout.addWidget(title)
        layout.addWidget(info)
        layout.addLayout(row)
        layout.addWidget(self.reasoning)
        layout.addWidget(page.message(f"law_practice.{law.key}", self))
        self.remove: QPushButton | None = None
        if added:
            self.remove = QPushButton(self.tr("Remove this law"), self)
            self.remove.setAccessibleName(self.tr("Remove %1").replace("%1", name))
            self.remove.clicked.connect(lambda: page.remove_added_law(law.key))
            layout.addWidget(self.remove)
        self.applies.currentIndexChanged.connect(lambda _i: self._changed())
        self.reasoning.textChanged.connect(self._changed)

    def show_answer(self, answer: LawAssessment | None) -> None:
        value = answer.applies if answer else None
        self.applies.blockSignals(True)
        self.applies.setCurrentIndex({None: 0, True: 1, False: 2}[value])
        self.applies.blockSignals(False)
        if not self.reasoning.hasFocus():
            self.reasoning.set_text_quietly(answer.reasoning if answer else "")

    def _changed(self) -> None:
        if self.page.loading:
            return
        data = self.applies.currentData()
        self.page.set_answer(
            LawAssessment(
                self.law.key, data if isinstance(data, bool) else None, self.reasoning.toPlainText()
            )
        )


class LawPracticePage(WizardPage):
    KEY = PAGE_LAW

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.setTitle(self.tr("3 · Law and practice of the destination"))
        self.setSubTitle(
            self.tr(
                "Which government-access laws reach this importer and data, what happens in practice, and the step's conclusion."
            )
        )
        layout = QVBoxLayout(self.body)
        self.intro = plain_label("", self.body)
        layout.addWidget(self.intro)
        self.laws_box = QVBoxLayout()
        layout.addLayout(self.laws_box)
        self.rows: dict[str, _LawRow] = {}
        # A law the country data lacks, researched by the assessor with its official source (EDPB Annex 3).
        layout.addWidget(heading(self.tr("Add a law you researched"), self.body))
        add_row = QHBoxLayout()
        self.new_law_name = QLineEdit(self.body)
        self.new_law_name.setPlaceholderText(self.tr("Name of the law (e.g. Cybercrime Prevention Act s.14)"))
        self.new_law_name.setAccessibleName(self.tr("Name of the law to add"))
        self.new_law_source = QLineEdit(self.body)
        self.new_law_source.setPlaceholderText(self.tr("Official source (address of the text)"))
        self.new_law_source.setAccessibleName(self.tr("Official source of the law to add"))
        self.new_law_problematic = QCheckBox(
            self.tr("&Problematic (fails the essential guarantees)"), self.body
        )
        self.add_law_button = QPushButton(self.tr("Add &law"), self.body)
        add_row.addWidget(self.new_law_name, 2)
        add_row.addWidget(self.new_law_source, 2)
        layout.addLayout(add_row)
        layout.addWidget(self.new_law_problematic)
        button_row = QHBoxLayout()
        button_row.addWidget(self.add_law_button)
        button_row.addStretch(1)
        layout.addLayout(button_row)
        layout.addWidget(self.message("law_practice.added_laws"))
        self.add_law_button.clicked.connect(self.add_law)

        layout.addWidget(heading(self.tr("Practical experience"), self.body))
        self.experience = PlainTextField(self.tr("Practical experience"), 3, self.body)
        self.experience.setPlaceholderText(
            self.tr(
                "Requests received (or none) over a representative period, e.g. the importer's transparency reports"
            )
        )
        layout.addWidget(self.experience)
        layout.addWidget(self.message("law_practice.practical_experience"))
        sources_label = QLabel(self.tr("&Sources (one per line):"), self.body)
        self.sources = PlainTextField(self.tr("Sources of the practical experience"), 2, self.body)
        sources_label.setBuddy(self.sources)
        layout.addWidget(sources_label)
        layout.addWidget(self.sources)
        layout.addWidget(self.message("law_practice.practical_sources"))

        layout.addWidget(heading(self.tr("Conclusion of this step"), self.body))
        self.conclusion_group = QButtonGroup(self)
        self.conclusion_buttons: dict[StepConclusion, QRadioButton] = {}
        for i, value in enumerate(StepConclusion):
            button = QRadioButton(labels.step_conclusion(value), self.body)
            self.conclusion_group.addButton(button, i)
            self.conclusion_buttons[value] = button
            layout.addWidget(button)
        layout.addWidget(self.message("law_practice.conclusion"))
        reasoning_label = QLabel(self.tr("&Why:"), self.body)
        self.conclusion_reasoning = PlainTextField(self.tr("Reasoning of the step conclusion"), 3, self.body)
        reasoning_label.setBuddy(self.conclusion_reasoning)
        layout.addWidget(reasoning_label)
        layout.addWidget(self.conclusion_reasoning)
        layout.addWidget(self.message("law_practice.conclusion_reasoning"))
        # APPI (PPC Rules Art. 18(1)(ii)): the one fact that turns the APPI route into "stop providing".
        self.appi_flags = FactFlags(
            state,
            (
                (
                    "appi_implementation_difficult",
                    self.tr(
                        "APPI: a foreign system makes it &difficult for the importer to keep implementing the "
                        "equivalent measures (stop the provision)"
                    ),
                ),
            ),
            self.body,
            read=lambda name: bool(self.state.record and getattr(self.state.record.law_practice, name)),
            write=self._appi_changed,
        )
        layout.addWidget(self.appi_flags)
        research_label = QLabel(self.tr("Sources on the &destination's laws (one per line):"), self.body)
        self.research = PlainTextField(self.tr("Sources on the destination's laws"), 2, self.body)
        self.research.setPlaceholderText(
            self.tr(
                "Official texts, court decisions, authority reports consulted (EDPB Recommendations 01/2020, Annex 3)"
            )
        )
        research_label.setBuddy(self.research)
        layout.addWidget(research_label)
        layout.addWidget(self.research)
        layout.addWidget(self.message("law_practice.research_sources"))
        self.research.textChanged.connect(self._experience_changed)
        layout.addWidget(heading(self.tr("Evidence (e.g. transparency reports, legal opinions)"), self.body))
        self.evidence = EvidenceList(state, self.tr("e.g. Importer's transparency report 2025"), self.body)
        layout.addWidget(self.evidence)
        layout.addStretch(1)

        self.experience.textChanged.connect(self._experience_changed)
        self.sources.textChanged.connect(self._experience_changed)
        self.conclusion_group.idToggled.connect(self._conclusion_changed)
        self.conclusion_reasoning.textChanged.connect(self._experience_changed)

    def add_law(self) -> None:
        record = self.state.record
        name = self.new_law_name.text().strip()
        if record is None or not name:
            return
        lp = record.law_practice
        base = "added_" + (
            "".join(c if c.isalnum() and c.isascii() else "_" for c in name.lower()).strip("_") or "law"
        )
        taken = {a.key for a in lp.added_laws} | {a.law_key for a in lp.laws}
        key, n = base[:40], 2
        while key in taken:
            key, n = f"{base[:37]}_{n}", n + 1
        source = self.new_law_source.text().strip()
        law = AddedLaw(key, name, self.new_law_problematic.isChecked(), sources=(source,) if source else ())
        self.state.update_record(law_practice=dataclasses.replace(lp, added_laws=(*lp.added_laws, law)))
        self.new_law_name.clear()
        self.new_law_source.clear()
        self.new_law_problematic.setChecked(False)
        self.reload()

    def remove_added_law(self, key: str) -> None:
        record = self.state.record
        if record is None:
            return
        lp = record.law_practice
        added = tuple(a for a in lp.added_laws if a.key != key)
        self.state.update_record(law_practice=dataclasses.replace(lp, added_laws=added))
        self.reload()

    def set_answer(self, answer: LawAssessment) -> None:
        record = self.state.record
        if record is None:
            return
        lp = record.law_practice
        if any(a.key == answer.law_key for a in lp.added_laws):
            added = tuple(
                dataclasses.replace(a, applies=answer.applies, reasoning=answer.reasoning)
                if a.key == answer.law_key
                else a
                for a in lp.added_laws
            )
            self.state.update_record(law_practice=dataclasses.replace(lp, added_laws=added))
            return
        laws = tuple(answer if a.law_key == answer.law_key else a for a in lp.laws)
        if all(a.law_key != answer.law_key for a in lp.laws):
            laws = (*laws, answer)
        self.state.update_record(law_practice=dataclasses.replace(lp, laws=laws))

    def _experience_changed(self) -> None:
        record = self.state.record
        if record is None or self.loading:
            return
        sources = tuple(s.strip() for s in self.sources.toPlainText().splitlines() if s.strip())
        research = tuple(s.strip() for s in self.research.toPlainText().splitlines() if s.strip())
        self.state.update_record(
            law_practice=dataclasses.replace(
                record.law_practice,
                practical_experience=self.experience.toPlainText(),
                practical_sources=sources,
                conclusion_reasoning=self.conclusion_reasoning.toPlainText(),
                research_sources=research,
            )
        )

    def _appi_changed(self, name: str, on: bool) -> None:
        record = self.state.record
        if record is not None and not self.loading:
            change: dict[str, Any] = {name: on}  # one APPI answer, named by the box that changed
            self.state.update_record(law_practice=dataclasses.replace(record.law_practice, **change))

    def _conclusion_changed(self, button_id: int, checked: bool) -> None:
        record = self.state.record
        if record is None or self.loading or not checked:
            return
        value = list(StepConclusion)[button_id]
        self.state.update_record(law_practice=dataclasses.replace(record.law_practice, conclusion=value))

    def load(self) -> None:
        record, ctx = self.state.record, self.state.context()
        if record is None or ctx is None:
            return
        lp = record.law_practice
        added_note = self.tr("Added by the assessor")
        added_laws = [AccessLaw(a.key, a.name, a.problematic, added_note, a.sources) for a in lp.added_laws]
        laws = (*ctx.destination.access_laws, *added_laws)
        added_keys = {a.key for a in lp.added_laws}
        if list(self.rows) != [law.key for law in laws]:
            for row in self.rows.values():
                self.messages = [m for m in self.messages if m.parent() is not row]
                row.deleteLater()
            self.rows = {}
            for i, law in enumerate(laws):
                row = _LawRow(self, law, added=law.key in added_keys)
                self.laws_box.insertWidget(i, row)
                self.rows[law.key] = row
        answers = {a.law_key: a for a in lp.laws}
        answers.update({a.key: LawAssessment(a.key, a.applies, a.reasoning) for a in lp.added_laws})
        for key, row in self.rows.items():
            row.show_answer(answers.get(key))
        self.experience.set_text_quietly(lp.practical_experience)
        self.sources.set_text_quietly("\n".join(lp.practical_sources))
        self.conclusion_reasoning.set_text_quietly(lp.conclusion_reasoning)
        self.research.set_text_quietly("\n".join(lp.research_sources))
        self.conclusion_group.setExclusive(False)
        for value, button in self.conclusion_buttons.items():
            button.setChecked(lp.conclusion is value)
        self.conclusion_group.setExclusive(True)
        self.appi_flags.load()
        ev = self.state.evaluation
        appi = ev is not None and any(
            c.regime == "JP" and c.full_assessment_needed for c in ev.precheck.checks
        )
        self.appi_flags.setVisible(appi or lp.appi_implementation_difficult)
        profile = ctx.destination.access_laws
        problematic = sum(1 for law in profile if law.problematic)
        self.intro.setText(
            self.tr(
                "Government-access laws of %1 in the country data (version %2): %3, of which %4 problematic."
            )
            .replace("%1", self.state.country_name(ctx.destination.code))
            .replace("%2", str(ctx.destination.version))
            .replace("%3", str(len(profile)))
            .replace("%4", str(problematic))
            if profile
            else self.tr(
                "The country data lists no government-access law for %1: research its laws, add each with its "
                "source below, or record the sources consulted."
            ).replace("%1", self.state.country_name(ctx.destination.code))
        )

    def refresh(self) -> None:
        # A law a country-data change names stays highlighted until the step's answers are confirmed.
        for row in self.rows.values():
            mark_to_answer(row, law_to_answer(self.state, row.law.name), "QFrame#lawRow")

    def tab_chain(self) -> list[QWidget]:
        chain: list[QWidget] = []
        for row in self.rows.values():
            chain += [row.applies, row.reasoning, *([row.remove] if row.remove else [])]
        chain += [self.new_law_name, self.new_law_source, self.new_law_problematic, self.add_law_button]
        chain += [self.experience, self.sources, *self.conclusion_buttons.values(), self.conclusion_reasoning]
        chain += [*self.appi_flags.widgets(), self.research]
        return chain + self.evidence.tab_widgets()

    def notice_text(self) -> str:
        ev = self.state.evaluation
        if ev is not None and not ev.precheck.full_assessment_needed:
            return self.tr(
                "A full assessment is not needed for this transfer (see the pre-check); this step may stay empty."
            )
        return self.state.context_error
