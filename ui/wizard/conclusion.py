"""Step 7, the conclusion: what the core recommends (and why) beside what the assessor chooses (a reason
when they differ), procedural steps, the re-evaluation date and the evidence."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QButtonGroup, QRadioButton, QVBoxLayout, QWidget

import ui.wizard.labels as labels
from transfer_tool.domain import Conclusion
from ui.i18n import regime_short_name
from ui.terms import core_text
from ui.wizard.acceptance import AcceptanceFields
from ui.wizard.common import INFO_STYLE, WizardPage, boxed, form_layout, heading
from ui.wizard.evidence_list import EvidenceList
from ui.wizard.inputs import OptionalDateEdit, PlainTextField
from ui.wizard.state import PAGE_CONCLUSION, WizardState


class ConclusionPage(WizardPage):
    KEY = PAGE_CONCLUSION

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.setTitle(self.tr("7 · Conclusion and re-evaluation"))
        self.setSubTitle(
            self.tr(
                "The recommendation follows from the steps; choose the conclusion and say why if it differs."
            )
        )
        layout = QVBoxLayout(self.body)
        layout.addWidget(heading(self.tr("Recommended"), self.body))
        self.recommended = boxed("", INFO_STYLE, self.body)
        self.recommended.setObjectName("recommendedConclusion")
        self.recommended.setAccessibleName(self.tr("Recommended conclusion"))
        layout.addWidget(self.recommended)
        layout.addWidget(heading(self.tr("Your conclusion"), self.body))
        self.group = QButtonGroup(self)
        self.buttons: dict[Conclusion, QRadioButton] = {}
        for i, value in enumerate(Conclusion):
            button = QRadioButton(labels.conclusion(value), self.body)
            self.group.addButton(button, i)
            self.buttons[value] = button
            layout.addWidget(button)
        layout.addWidget(self.message("conclusion.chosen"))
        form = form_layout()
        self.reason = PlainTextField(self.tr("Reason for the chosen conclusion"), 3, self.body)
        self.reason.setPlaceholderText(
            self.tr("Required when your conclusion differs from the recommendation")
        )
        self.procedural = PlainTextField(self.tr("Procedural steps"), 3, self.body)
        self.procedural.setPlaceholderText(
            self.tr("e.g. SCCs signed unchanged, no authorisation needed; supervisory authority informed")
        )
        self.reevaluation = OptionalDateEdit(self._after_approval(), self.body)
        self.reevaluation.setMaximumWidth(260)
        self.add_row(form, self.tr("&Reason:"), self.reason, "conclusion.reason")
        self.add_row(form, self.tr("&Procedural steps:"), self.procedural, "procedural_notes")
        self.add_row(form, self.tr("Re-e&valuation date:"), self.reevaluation, "reevaluation_date")
        layout.addLayout(form)
        layout.addWidget(heading(self.tr("What the DPO needs to accept the assessment"), self.body))
        self.acceptance = AcceptanceFields(self, self.body)
        layout.addLayout(self.acceptance.form)
        layout.addWidget(heading(self.tr("Evidence"), self.body))
        self.evidence = EvidenceList(state, self.tr("e.g. Records of processing extract"), self.body)
        layout.addWidget(self.evidence)
        layout.addWidget(self.message("evidence"))
        layout.addStretch(1)
        self.group.idToggled.connect(self._chosen)
        self.reason.textChanged.connect(self._texts)
        self.procedural.textChanged.connect(self._texts)
        self.reevaluation.dateChanged.connect(lambda _d: self._texts())

    def _chosen(self, button_id: int, checked: bool) -> None:
        record = self.state.record
        if record is None or self.loading or not checked:
            return
        self.state.update_record(
            conclusion=dataclasses.replace(record.conclusion, chosen=list(Conclusion)[button_id])
        )

    def _texts(self) -> None:
        record = self.state.record
        if record is None or self.loading:
            return
        self.state.update_record(
            conclusion=dataclasses.replace(record.conclusion, reason=self.reason.toPlainText()),
            procedural_notes=self.procedural.toPlainText(),
            reevaluation_date=self.reevaluation.value(),
        )

    def _after_approval(self) -> str:
        # The organisation's period (Administration → Organisation settings), which approval applies: the
        # page said "12 months" whatever an admin had set.
        return self.tr("%n month(s) after approval", "", self.state.reevaluation_months)

    def load(self) -> None:
        record = self.state.record
        if record is None:
            return
        self.group.setExclusive(False)
        for value, button in self.buttons.items():
            button.setChecked(record.conclusion.chosen is value)
        self.group.setExclusive(True)
        self.reason.set_text_quietly(record.conclusion.reason)
        self.procedural.set_text_quietly(record.procedural_notes)
        self.reevaluation.blockSignals(True)
        self.reevaluation.setSpecialValueText(self._after_approval())
        self.reevaluation.set_value(record.reevaluation_date)
        self.reevaluation.blockSignals(False)
        self.acceptance.load()

    def refresh(self) -> None:
        ev = self.state.evaluation
        if ev is None:
            self.recommended.setText(self.state.context_error)
            return
        rec = ev.recommendation
        lines = [labels.conclusion(rec.conclusion)] + [f"• {core_text(r.text)}" for r in rec.reasons]
        if (
            len(rec.per_regime) > 1
        ):  # the regimes' own logic differs (EU/UK/CH, APPI, LGPD): each one's grounds
            for rr in rec.per_regime:
                grounds = " ".join(core_text(r.text) for r in rr.reasons)
                lines.append(
                    f"{regime_short_name(rr.regime)} — {labels.conclusion(rr.conclusion)}: {grounds}"
                )
        self.recommended.setText("\n".join(lines))
        for value, button in self.buttons.items():
            mark = self.tr(" (recommended)") if value is rec.conclusion else ""
            button.setText(labels.conclusion(value) + mark)
