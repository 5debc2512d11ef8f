"""Small editors for the answers the core's rules ask for beyond the register (issue #16): the question that
decides an adequacy decision's scope limit, and yes/no facts of the assessment record (a processor returning
data, an importer under GDPR Art. 3(2), the EDPB use-case facts, the APPI stop condition)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.assessment.precheck import RegimeCheck
from transfer_tool.assessment.record import ScopeAnswer
from ui.i18n import regime_short_name
from ui.wizard.common import plain_label
from ui.wizard.rechecks import mark_to_answer, scope_to_answer
from ui.wizard.state import WizardState


def wrapped_checkbox(text: str, parent: QWidget) -> tuple[QWidget, QCheckBox]:
    """A check box whose (long) text wraps: the box, and beside it a label naming it (its mnemonic too)."""
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    box = QCheckBox(row)
    box.setAccessibleName(text.replace("&", ""))
    label = QLabel(text, row)
    label.setWordWrap(True)
    label.setBuddy(box)
    layout.addWidget(box, 0)
    layout.addWidget(label, 1)
    return row, box


class FactFlags(QWidget):
    """Checkboxes bound to boolean fields of the record's facts (or of another part of the record)."""

    def __init__(
        self,
        state: WizardState,
        fields: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
        *,
        read: Callable[[str], bool] | None = None,
        write: Callable[[str, bool], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self._read = read or self._read_fact
        self._write = write or self._write_fact
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for name, text in fields:
            row, box = wrapped_checkbox(text, self)
            box.toggled.connect(lambda on, n=name: self._toggled(n, on))
            layout.addWidget(row)
            self.boxes[name] = box

    def _read_fact(self, name: str) -> bool:
        record = self.state.record
        return bool(getattr(record.facts, name)) if record is not None else False

    def _write_fact(self, name: str, on: bool) -> None:
        self.state.update_facts(**{name: on})

    def _toggled(self, name: str, on: bool) -> None:
        if self.state.record is not None and self._read(name) != on:
            self._write(name, on)

    def load(self) -> None:
        for name, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(self._read(name))
            box.blockSignals(False)

    def widgets(self) -> list[QWidget]:
        return list(self.boxes.values())


class ScopeQuestions(QWidget):
    """The question that decides each scope limit of the destination's decisions, with the answer and since when."""

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.none = plain_label(self.tr("None for this destination."), self)
        layout.addWidget(self.none)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 4)  # the question reads on a wide column
        self.grid.setColumnStretch(2, 1)
        layout.addLayout(self.grid)
        self.rows: dict[tuple[str, str], tuple[QLabel, QComboBox, QLineEdit]] = {}

    def _answer(self, regime: str, code: str) -> ScopeAnswer | None:
        record = self.state.record
        if record is None:
            return None
        return next((a for a in record.scope_answers if a.regime == regime and a.limit == code), None)

    def _store(self, regime: str, code: str, **changes: object) -> None:
        record = self.state.record
        if record is None:
            return
        current = self._answer(regime, code) or ScopeAnswer(regime, code)
        new = dataclasses.replace(current, **changes)  # type: ignore[arg-type]
        others = tuple(a for a in record.scope_answers if not (a.regime == regime and a.limit == code))
        self.state.update_record(scope_answers=(*others, new))

    def _answered(self, regime: str, code: str, combo: QComboBox) -> None:
        value = combo.currentData()
        answer = None if value == "" else value == "yes"
        current = self._answer(regime, code)
        if (current.answer if current else None) != answer:
            self._store(regime, code, answer=answer)

    def _since(self, regime: str, code: str, text: str) -> None:
        import datetime as dt

        try:
            since = dt.date.fromisoformat(text.strip()) if text.strip() else None
        except ValueError:
            return  # kept on screen until it is a date
        current = self._answer(regime, code)
        if (current.since if current else None) != since:
            self._store(regime, code, since=since)

    def show_checks(self, checks: Sequence[RegimeCheck]) -> None:
        wanted = [(c.regime, s) for c in checks for s in c.scope_limits]
        keys = [(r, s.code) for r, s in wanted]
        if list(self.rows) != keys:
            while self.grid.count():
                item = self.grid.takeAt(0)
                if item and item.widget():
                    item.widget().deleteLater()  # type: ignore[union-attr]
            self.rows = {}
            for i, (regime, limit) in enumerate(wanted):
                question = limit.question_ja if self.state.language == "ja" else limit.question_en
                label = plain_label(f"{regime_short_name(regime)}: {question}\n({limit.source})", self)
                combo = QComboBox(self)
                for value, text in (
                    ("", self.tr("— not answered —")),
                    ("yes", self.tr("Yes")),
                    ("no", self.tr("No")),
                ):
                    combo.addItem(text, value)
                combo.setAccessibleName(question)
                since = QLineEdit(self)
                since.setPlaceholderText(self.tr("since (YYYY-MM-DD), optional"))
                since.setAccessibleName(self.tr("Since when (%1)").replace("%1", question))
                combo.currentIndexChanged.connect(
                    lambda _i, r=regime, c=limit.code, b=combo: self._answered(r, c, b)
                )
                since.textChanged.connect(lambda t, r=regime, c=limit.code: self._since(r, c, t))
                self.grid.addWidget(label, i, 0)
                self.grid.addWidget(combo, i, 1)
                self.grid.addWidget(since, i, 2)
                self.rows[(regime, limit.code)] = (label, combo, since)
        for (regime, code), (_label, combo, since) in self.rows.items():
            answer = self._answer(regime, code)
            value = "" if answer is None or answer.answer is None else ("yes" if answer.answer else "no")
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)
            mark_to_answer(combo, scope_to_answer(self.state, regime, code), "QComboBox")
            text = answer.since.isoformat() if answer and answer.since else ""
            if not since.hasFocus() and since.text() != text:
                since.blockSignals(True)
                since.setText(text)
                since.blockSignals(False)
        self.none.setVisible(not self.rows)

    def widgets(self) -> list[QWidget]:
        out: list[QWidget] = []
        for _label, combo, since in self.rows.values():
            out += [combo, since]
        return out
