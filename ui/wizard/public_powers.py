"""Step 2's question that decides which Art. 49 derogations the exporter may use (GDPR and UK GDPR Art. 49(3)):
is the exporter, for this transfer, a public authority acting in the exercise of its public powers? Asked
where the tool is chosen, above the regimes' sections, only when the EU or UK GDPR makes this a transfer; the
answer is the record's fact `exporter_public_powers` (None: not answered, which the rules read as "no")."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from ui.wizard.common import plain_label
from ui.wizard.state import WizardState

# The regimes whose Art. 49(3) the question serves.
_REGIMES = ("EU", "UK")
_VALUES: dict[str, bool | None] = {"": None, "no": False, "yes": True}


class PublicPowersQuestion(QWidget):
    """The question, its three answers and a plain explanation of what the answer changes."""

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox(self)
        self.combo.setObjectName("publicPowers")
        for value, text in (
            ("", self.tr("— not answered —")),
            ("no", self.tr("No")),
            ("yes", self.tr("Yes")),
        ):
            self.combo.addItem(text, value)
        question = self.tr(
            "Does the exporter, for this transfer, act as a &public authority exercising its public powers?"
        )
        caption = QLabel(question, self)
        caption.setWordWrap(True)
        caption.setBuddy(self.combo)
        self.combo.setAccessibleName(question.replace("&", ""))
        # The question on a line of its own above its answer, as "Chosen tool" is: it is too long for a form's
        # label column.
        layout.addWidget(caption)
        layout.addWidget(self.combo)
        self.help = plain_label(
            self.tr(
                "Answer Yes when a public body sends the data as part of exercising powers the law gives it "
                "(for example a tax authority sharing tax records with a foreign tax authority). The law then "
                "does not let it rely on the data subject's consent, on a contract, or on compelling legitimate "
                "interests (GDPR and UK GDPR Art. 49(3)); the other exceptions, such as important reasons of "
                "public interest, stay available. Answer No for a company, and for a public body whose transfer "
                "is not part of exercising its public powers."
            ),
            self,
        )
        layout.addWidget(self.help)
        self.combo.currentIndexChanged.connect(self._answered)

    def _answered(self, _index: int) -> None:
        record = self.state.record
        answer = _VALUES.get(str(self.combo.currentData() or ""))
        if record is not None and record.facts.exporter_public_powers != answer:
            self.state.update_facts(exporter_public_powers=answer)

    def refresh(self) -> None:
        """Shown only where the answer changes something; the combo shows the record's answer."""
        ev, record = self.state.evaluation, self.state.record
        asked = ev is not None and any(r in _REGIMES for r in ev.precheck.transfer_regimes)
        self.setVisible(asked)
        value = None if record is None else record.facts.exporter_public_powers
        key = next(k for k, v in _VALUES.items() if v is value)
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(max(self.combo.findData(key), 0))
        self.combo.blockSignals(False)

    def widgets(self) -> list[QWidget]:
        return [self.combo]
