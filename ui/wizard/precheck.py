"""Step 1b, the pre-check: for each regime, is this a transfer and why; which regimes apply (add one with
a reason); a full assessment or only a short record. The answers come from `precheck` in the core."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import ui.wizard.labels as labels
from transfer_tool.assessment.precheck import RegimeCheck, Route
from transfer_tool.assessment.record import AddedRegime, ConditionConfirmation
from transfer_tool.countries.model import RegimeEntry
from ui.i18n import adequacy_label, regime_short_name
from ui.terms import core_text, reason_text
from ui.wizard.common import INFO_STYLE, WARNING_STYLE, FieldMessage, WizardPage, boxed, heading, plain_label
from ui.wizard.rechecks import condition_to_answer, mark_to_answer
from ui.wizard.rule_inputs import FactFlags, ScopeQuestions
from ui.wizard.state import PAGE_PRECHECK, WizardState


class _CheckView(QFrame):
    """One regime's verdict and the reasons for it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight:bold;")
        self.title.setWordWrap(True)
        self.reasons = plain_label("", self)
        layout.addWidget(self.title)
        layout.addWidget(self.reasons)

    def show_check(self, check: RegimeCheck, status: str, fields: dict[str, str] | None = None) -> None:
        verdict = self.tr("a transfer") if check.is_transfer else self.tr("not a transfer")
        assess = ""
        if check.is_transfer:
            assess = (
                self.tr(" · full assessment needed")
                if check.full_assessment_needed
                else self.tr(" · short record")
            )
        self.title.setText(
            f"{regime_short_name(check.regime)} ({check.regime}): {verdict}{assess} · "
            + self.tr("Route: %1").replace("%1", labels.route(check.route))
            + (f" · {status}" if status else "")
        )
        # The engine's reasons in the interface language, by their stable codes (ui.terms.reason_text).
        self.reasons.setText(
            "\n".join(f"• {reason_text(r.code, r.text, **(fields or {}))}" for r in check.reasons)
        )
        self.setAccessibleName(self.title.text())


class PrecheckPage(WizardPage):
    KEY = PAGE_PRECHECK

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.setTitle(self.tr("1 · Pre-check: is this a transfer, under which regimes?"))
        self.setSubTitle(
            self.tr(
                "The exporter's country decides the regimes; add one with a reason where it also applies. "
                "Adequacy routes need only a short record."
            )
        )
        layout = QVBoxLayout(self.body)
        self.outcome = boxed("", INFO_STYLE, self.body)
        self.outcome.setObjectName("precheckOutcome")
        layout.addWidget(self.outcome)
        self.applied = plain_label("", self.body)
        layout.addWidget(self.applied)
        self.checks_box = QVBoxLayout()
        layout.addLayout(self.checks_box)
        self.check_views: dict[str, _CheckView] = {}

        layout.addWidget(heading(self.tr("Circumstances that decide the pre-check"), self.body))
        self.flags = FactFlags(
            state,
            (
                (
                    "returning_to_controller",
                    self.tr("The exporter is a processor re&turning the data to the controller that gave it"),
                ),
                (
                    "importer_gdpr_art3_2",
                    self.tr("The importer's own processing is subject to the &GDPR (Art. 3(2))"),
                ),
            ),
            self.body,
        )
        layout.addWidget(self.flags)
        layout.addWidget(heading(self.tr("Scope of the adequacy decision"), self.body))
        self.scope = ScopeQuestions(state, self.body)
        layout.addWidget(self.scope)

        layout.addWidget(heading(self.tr("Conditions of a partial adequacy"), self.body))
        self.conditions_hint = plain_label("", self.body)
        layout.addWidget(self.conditions_hint)
        self.conditions_grid = QGridLayout()
        layout.addLayout(self.conditions_grid)
        self.condition_edits: dict[str, QLineEdit] = {}

        layout.addWidget(heading(self.tr("Regimes added by the assessor"), self.body))
        self.added_grid = QGridLayout()
        layout.addLayout(self.added_grid)
        self.added_rows: dict[str, tuple[QLabel, QLineEdit, QPushButton, FieldMessage]] = {}
        self.added_none = QLabel(self.tr("None."), self.body)
        layout.addWidget(self.added_none)
        add_row = QHBoxLayout()
        self.add_regime = QComboBox(self.body)
        self.add_regime.setAccessibleName(self.tr("Regime to add"))
        self.add_reason = QLineEdit(self.body)
        self.add_reason.setPlaceholderText(
            self.tr("Why it applies (e.g. GDPR Art. 3(2): we offer goods to people in the EU)")
        )
        self.add_reason.setAccessibleName(self.tr("Why the regime applies"))
        self.add_button = QPushButton(self.tr("A&dd regime"), self.body)
        caption = QLabel(self.tr("Add &regime:"), self.body)
        caption.setBuddy(self.add_regime)
        add_row.addWidget(caption)
        add_row.addWidget(self.add_regime)
        add_row.addWidget(self.add_reason, 1)
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)
        layout.addWidget(self.message("regimes"))
        layout.addStretch(1)
        self.add_reason.textChanged.connect(self._update_add_button)
        self.add_reason.returnPressed.connect(self.add_selected_regime)
        self.add_button.clicked.connect(self.add_selected_regime)

    # ---- editing -----------------------------------------------------------------------------------------

    def _update_add_button(self) -> None:
        self.add_button.setEnabled(
            bool(self.add_regime.currentData()) and bool(self.add_reason.text().strip())
        )

    def add_selected_regime(self) -> None:
        record = self.state.record
        code = self.add_regime.currentData()
        reason = self.add_reason.text().strip()
        if record is None or not code or not reason:
            return
        added = (*record.regimes.added, AddedRegime(str(code), reason))
        self.state.update_record(regimes=dataclasses.replace(record.regimes, added=added))
        self.add_reason.clear()
        self.reload()

    def _remove_regime(self, code: str) -> None:
        record = self.state.record
        if record is None:
            return
        added = tuple(a for a in record.regimes.added if a.regime != code)
        self.state.update_record(
            regimes=dataclasses.replace(record.regimes, added=added),
            tools=tuple(t for t in record.tools if t.regime != code),
            confirmed_conditions=tuple(c for c in record.confirmed_conditions if c.regime != code),
        )
        self.reload()

    def _reason_changed(self, code: str, text: str) -> None:
        record = self.state.record
        if self.loading or record is None:
            return
        added = tuple(AddedRegime(a.regime, text) if a.regime == code else a for a in record.regimes.added)
        self.state.update_record(regimes=dataclasses.replace(record.regimes, added=added))

    def _condition_changed(self, code: str, text: str) -> None:
        record = self.state.record
        if self.loading or record is None:
            return
        others = tuple(c for c in record.confirmed_conditions if c.regime != code)
        new = (*others, ConditionConfirmation(code, text)) if text.strip() else others
        self.state.update_record(confirmed_conditions=new)

    # ---- showing -----------------------------------------------------------------------------------------

    def load(self) -> None:
        record = self.state.record
        if record is None:
            return
        regimes = self.state.regimes()
        selected = set(record.regimes.codes())
        self.add_regime.clear()
        for code, regime in regimes.items():
            if code not in selected:
                name = regime.name_ja if self.state.language == "ja" else regime.name_en
                self.add_regime.addItem(f"{regime_short_name(code)} — {name}", code)
        self._update_add_button()
        # Added regimes: one editable row each (rebuilt only when the set changes).
        codes = [a.regime for a in record.regimes.added]
        if list(self.added_rows) != codes:
            for label, edit, button, msg in self.added_rows.values():
                for w in (label, edit, button, msg):
                    w.deleteLater()
            self.forget_messages("regimes.added")
            self.added_rows = {}
            for i, added in enumerate(record.regimes.added):
                label = QLabel(regime_short_name(added.regime), self.body)
                edit = QLineEdit(self.body)
                edit.setAccessibleName(
                    self.tr("Why %1 applies").replace("%1", regime_short_name(added.regime))
                )
                button = QPushButton(self.tr("Remove"), self.body)
                button.setAccessibleName(self.tr("Remove %1").replace("%1", regime_short_name(added.regime)))
                msg = self.message(f"regimes.added[{i}]")
                self.added_grid.addWidget(label, 2 * i, 0)
                self.added_grid.addWidget(edit, 2 * i, 1)
                self.added_grid.addWidget(button, 2 * i, 2)
                self.added_grid.addWidget(msg, 2 * i + 1, 1, 1, 2)
                edit.textChanged.connect(lambda t, c=added.regime: self._reason_changed(c, t))
                button.clicked.connect(lambda _c=False, c=added.regime: self._remove_regime(c))
                self.added_rows[added.regime] = (label, edit, button, msg)
        for added in record.regimes.added:
            edit = self.added_rows[added.regime][1]
            if edit.text() != added.reason:
                edit.setText(added.reason)
        self.added_none.setVisible(not codes)
        self.flags.load()

    def refresh(self) -> None:
        ev, record = self.state.evaluation, self.state.record
        if record is None:
            self.outcome.setText(self.tr("Complete the transfer first."))
            return
        applied = ", ".join(regime_short_name(c) for c in record.regimes.applied) or self.tr("none")
        self.applied.setText(
            self.tr("Regimes that govern the exporter (%1): %2")
            .replace("%1", record.facts.exporter_country)
            .replace("%2", applied)
        )
        if ev is None:
            self.outcome.setText(self.state.context_error)
            return
        pre = ev.precheck
        transfer_under = ", ".join(regime_short_name(c) for c in pre.transfer_regimes)
        if not pre.checks:
            text = self.tr(
                "No regime applies to the exporter. Add one below if a regime applies for another reason."
            )
        elif not pre.is_transfer:
            text = self.tr(
                "This is not a transfer under any applicable regime: no transfer tool or assessment is needed."
            )
        elif pre.full_assessment_needed:
            text = self.tr(
                "This is a transfer under %1. A full assessment is needed (steps 3 to 6)."
            ).replace("%1", transfer_under)
        else:
            text = self.tr(
                "This is a transfer under %1, covered by adequacy, a derogation or consent: a short record and "
                "monitoring are enough (steps 3 to 6 may stay empty)."
            ).replace("%1", transfer_under)
        self.outcome.setText(text)
        self.outcome.setStyleSheet(INFO_STYLE if pre.checks else WARNING_STYLE)
        dest = self.state.context()
        codes = [c.regime for c in pre.checks]
        if list(self.check_views) != codes:
            for view in self.check_views.values():
                view.deleteLater()
            self.check_views = {}
            for code in codes:
                view = _CheckView(self.body)
                self.checks_box.addWidget(view)
                self.check_views[code] = view
        for check in pre.checks:
            entry = dest.destination.status_under(check.regime) if dest else None
            status = adequacy_label(entry.status if entry else None)
            if entry and entry.condition:
                status += f" ({core_text(entry.condition)})"
            if entry is None or not entry.checked:
                status += " · " + self.tr("UNVERIFIED country data: check the source")
            self.check_views[check.regime].show_check(check, status, self._reason_fields(check, entry))
        self._sync_conditions(
            [c for c in pre.checks if c.route in (Route.PARTIAL_UNCONFIRMED, Route.PARTIAL_CONFIRMED)]
        )
        self.scope.show_checks(pre.checks)

    def _reason_fields(self, check: RegimeCheck, entry: RegimeEntry | None) -> dict[str, str]:
        """What the reasons' templates name: the exporter's country, the regime, the destination..."""
        st, record = self.state, self.state.record
        fields = {"regime": regime_short_name(check.regime)}
        if record is None:
            return fields
        fields["exporter"] = record.facts.exporter_country
        if record.facts.destination:
            fields["destination"] = st.country_name(record.facts.destination)
        if entry is not None:
            fields["instrument"] = f"（{core_text(entry.instrument)}）" if entry.instrument else ""
        added = next((a.reason for a in record.regimes.added if a.regime == check.regime), "")
        if added.strip():
            fields["reason"] = added.strip()
        choice = next((t for t in record.tools if t.regime == check.regime), None)
        tool = st.tools.get(choice.tool) if choice else None
        if tool is not None:
            fields["tool"] = tool.name_ja if st.language == "ja" else tool.name_en
        return fields

    def tab_chain(self) -> list[QWidget]:
        chain: list[QWidget] = [*self.flags.widgets(), *self.scope.widgets(), *self.condition_edits.values()]
        for _label, edit, button, _msg in self.added_rows.values():
            chain += [edit, button]
        return [*chain, self.add_regime, self.add_reason, self.add_button]

    def _sync_conditions(self, checks: list[RegimeCheck]) -> None:
        record = self.state.record
        ctx = self.state.context()
        if record is None or ctx is None:
            return
        # Conditions met by a certification are confirmed on the importer (entity), and conditions the
        # country data states as scope questions are answered above: neither by a free text here.
        needing = [
            c.regime
            for c in checks
            if self.state.tools.certification_for(ctx.destination.code, c.regime) is None
            and not c.scope_limits
        ]
        # The certification the condition names (the DPF variants) is missing on the importer.
        certified = [c.regime for c in checks if "condition_not_certified" in c.codes()]
        hints = []
        if certified:
            hints.append(
                self.tr(
                    "%1: the partial adequacy covers only certified organisations; the importer is not recorded "
                    "as certified (record its certification on the entity)."
                ).replace("%1", ", ".join(regime_short_name(c) for c in certified))
            )
        if needing:
            hints.append(
                self.tr("Confirm the condition for this importer, or choose another tool in the next step.")
            )
        if not needing and not certified:
            hints.append(self.tr("None for this destination."))
        self.conditions_hint.setText("\n".join(hints))
        if list(self.condition_edits) != needing:
            while self.conditions_grid.count():
                item = self.conditions_grid.takeAt(0)
                if item and item.widget():
                    item.widget().deleteLater()  # type: ignore[union-attr]
            self.condition_edits = {}
            for i, code in enumerate(needing):
                entry = ctx.destination.status_under(code)
                label = plain_label(
                    f"{regime_short_name(code)}: {core_text(entry.condition) if entry else ''}", self.body
                )
                edit = QLineEdit(self.body)
                edit.setPlaceholderText(self.tr("How the condition is met for this importer"))
                edit.setAccessibleName(self.tr("Confirmation of the condition under %1").replace("%1", code))
                edit.textChanged.connect(lambda t, c=code: self._condition_changed(c, t))
                self.conditions_grid.addWidget(label, i, 0)
                self.conditions_grid.addWidget(edit, i, 1)
                self.condition_edits[code] = edit
        confirmed = {c.regime: c.text for c in record.confirmed_conditions}
        for code, edit in self.condition_edits.items():
            if not edit.hasFocus() and edit.text() != confirmed.get(code, ""):
                edit.setText(confirmed.get(code, ""))
            mark_to_answer(edit, condition_to_answer(self.state, code), "QLineEdit")
