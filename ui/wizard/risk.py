"""Step 6, the optional quantified risk: a factor chain per problematic law (each probability with its
justification), the period and the organisation's threshold, and the live result of `compute_risk`
(probability over the period, "once every X years", against the threshold) with a small chart."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

import ui.wizard.labels as labels
from transfer_tool.assessment.record import LawRisk, RiskFactor, RiskInputMode
from transfer_tool.assessment.risk import RiskResult, blank_law_risk, default_factor_set
from ui.terms import core_text, term_or
from ui.wizard.common import INFO_STYLE, WARNING_STYLE, WizardPage, boxed, form_layout, heading, plain_label
from ui.wizard.inputs import ProbabilitySpin
from ui.wizard.state import PAGE_RISK, WizardState


def pct(x: float) -> str:
    return f"{x * 100:.2f} %"


class RiskChart(QWidget):
    """Probability of at least one prohibited access by year 1..N, with the threshold as a dashed line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: RiskResult | None = None
        self.setMinimumSize(320, 200)
        self.setAccessibleName(self.tr("Chart: probability of access over the period, against the threshold"))

    def sizeHint(self) -> QSize:
        return QSize(380, 220)

    def set_result(self, result: RiskResult | None) -> None:
        self.result = result
        self.update()

    def points(self) -> list[float]:
        """P(at least one access within t years) for t = 1..N."""
        r = self.result
        if r is None:
            return []
        return [1.0 - (1.0 - r.yearly_probability) ** t for t in range(1, r.period_years + 1)]

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        r = self.result
        left, top, right, bottom = 52.0, 14.0, 12.0, 34.0
        area = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        p.setPen(QPen(QColor("#888888"), 1))
        p.drawLine(area.bottomLeft(), area.bottomRight())
        p.drawLine(area.bottomLeft(), area.topLeft())
        if r is None:
            p.setPen(QColor("#666666"))
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No result yet"))
            p.end()
            return
        values = self.points()
        top_value = max([*values, r.threshold or 0.0]) * 1.2 or 0.01

        def y(v: float) -> float:
            return area.bottom() - area.height() * v / top_value

        n = len(values)
        slot = area.width() / max(n, 1)
        for i, v in enumerate(values):
            above = r.threshold is not None and v > r.threshold
            p.fillRect(
                QRectF(area.left() + i * slot + slot * 0.2, y(v), slot * 0.6, area.bottom() - y(v)),
                QColor("#d9534f" if above else "#4a7fc1"),
            )
        p.setPen(QColor("#333333"))
        for i in range(n):
            if n <= 12 or (i + 1) % 5 == 0:
                p.drawText(
                    QRectF(area.left() + i * slot, area.bottom() + 2, slot, 16),
                    Qt.AlignmentFlag.AlignCenter,
                    str(i + 1),
                )
        p.drawText(
            QRectF(area.left(), area.bottom() + 16, area.width(), 16),
            Qt.AlignmentFlag.AlignCenter,
            self.tr("years"),
        )
        for v in (0.0, top_value / 2, top_value):
            p.drawText(
                QRectF(0, y(v) - 8, left - 4, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                pct(v),
            )
        if r.threshold is not None:
            pen = QPen(QColor("#b3261e"), 1.5, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawLine(QPointF(area.left(), y(r.threshold)), QPointF(area.right(), y(r.threshold)))
            p.drawText(
                QRectF(area.left() + 4, y(r.threshold) - 16, area.width() - 8, 14),
                Qt.AlignmentFlag.AlignRight,
                self.tr("threshold %1").replace("%1", pct(r.threshold)),
            )
        p.end()


class _LawFactors(QFrame):
    """The factor chain of one law: probability and justification per factor."""

    def __init__(self, page: RiskPage, law: LawRisk) -> None:
        super().__init__(page.body)
        self.page = page
        self.law_key = law.law_key
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        top = QHBoxLayout()
        # The stored name is the country data's English: shown in the interface language, as step 3 shows it.
        name = core_text(law.law_name) if law.law_name else law.law_key
        title = QLabel(name, self)
        title.setStyleSheet("font-weight:bold;")
        title.setWordWrap(True)
        self.result = QLabel(self)
        self.remove = QPushButton(self.tr("Remove law"), self)
        self.remove.setAccessibleName(self.tr("Remove %1 from the calculation").replace("%1", name))
        top.addWidget(title, 1)
        top.addWidget(self.result)
        top.addWidget(self.remove)
        layout.addLayout(top)
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        # Factor names and questions as the report words them (shared terminology), else the core's.
        questions = {f.key: term_or(f"risk.question.{f.key}", f.question) for f in default_factor_set()}
        self.spins: dict[str, ProbabilitySpin] = {}
        self.justifications: dict[str, QLineEdit] = {}
        for i, factor in enumerate(law.factors):
            f = dataclasses.replace(factor, label=term_or(f"risk.factor.{factor.key}", factor.label))
            label = QLabel(f.label, self)
            label.setToolTip(questions.get(f.key, ""))
            spin = ProbabilitySpin(self)
            spin.setAccessibleName(
                self.tr("%1: probability for %2").replace("%1", f.label).replace("%2", name)
            )
            label.setBuddy(spin)
            why = QLineEdit(self)
            why.setPlaceholderText(questions.get(f.key, self.tr("Justification")))
            why.setAccessibleName(
                self.tr("%1: justification for %2").replace("%1", f.label).replace("%2", name)
            )
            grid.addWidget(label, 2 * i, 0)
            grid.addWidget(spin, 2 * i, 1)
            grid.addWidget(why, 2 * i, 2)
            grid.addWidget(page.message(f"risk.{law.law_key}.{f.key}", self), 2 * i + 1, 1, 1, 2)
            spin.valueChanged.connect(lambda _v: self._changed())
            why.textChanged.connect(lambda _t: self._changed())
            self.spins[f.key] = spin
            self.justifications[f.key] = why
        layout.addLayout(grid)
        self.remove.clicked.connect(lambda: page.remove_law(self.law_key))

    def show_law(self, law: LawRisk, result: RiskResult | None) -> None:
        for f in law.factors:
            spin = self.spins.get(f.key)
            if spin is not None and spin.probability() != f.probability:
                spin.blockSignals(True)
                spin.set_probability(f.probability)
                spin.blockSignals(False)
            why = self.justifications.get(f.key)
            if why is not None and not why.hasFocus() and why.text() != f.justification:
                why.blockSignals(True)
                why.setText(f.justification)
                why.blockSignals(False)
        mine = next((x for x in result.laws if x.law_key == law.law_key), None) if result else None
        self.result.setText(self.tr("p = %1").replace("%1", pct(mine.probability)) if mine else "")

    def _changed(self) -> None:
        if self.page.loading:
            return
        record = self.page.state.record
        if record is None:
            return
        law = next((x for x in record.risk.laws if x.law_key == self.law_key), None)
        if law is None:
            return
        factors = tuple(
            RiskFactor(f.key, f.label, self.spins[f.key].probability(), self.justifications[f.key].text())
            if f.key in self.spins
            else f
            for f in law.factors
        )
        self.page.replace_law(dataclasses.replace(law, factors=factors))


class RiskPage(WizardPage):
    KEY = PAGE_RISK

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.setTitle(self.tr("6 · Quantified risk (optional)"))
        self.setSubTitle(
            self.tr(
                "The probability of prohibited access over the assessment period, per problematic law, each factor justified."
            )
        )
        columns = QHBoxLayout(self.body)
        left = QVBoxLayout()
        self.enabled = QCheckBox(
            self.tr("&Quantify the risk of prohibited access for this transfer"), self.body
        )
        self.enabled.setAccessibleName(self.tr("Quantify the risk"))
        left.addWidget(self.enabled)
        form = form_layout()
        self.mode = QComboBox(self.body)
        for m in RiskInputMode:
            self.mode.addItem(labels.risk_mode(m), m.value)
        self.period = QSpinBox(self.body)
        self.period.setRange(1, 50)
        self.period.setSuffix(self.tr(" years"))
        self.threshold = ProbabilitySpin(self.body)
        # The organisation's setting (Administration > Organisation): the assessor who computes the risk
        # does not set the bar it is measured against.
        self.threshold.setReadOnly(True)
        self.threshold.setToolTip(self.tr("Set by an administrator in the organisation settings"))
        self.add_row(form, self.tr("&Factors mean:"), self.mode, "risk.mode")
        self.add_row(form, self.tr("Assessment &period:"), self.period, "risk.period_years")
        self.add_row(form, self.tr("Acceptance &threshold:"), self.threshold, "risk.threshold")
        left.addLayout(form)
        self.laws_box = QVBoxLayout()
        left.addLayout(self.laws_box)
        self.law_views: dict[str, _LawFactors] = {}
        add = QHBoxLayout()
        self.add_law_combo = QComboBox(self.body)
        self.add_law_combo.setAccessibleName(self.tr("Problematic law to add"))
        self.add_law_button = QPushButton(self.tr("A&dd law"), self.body)
        add.addWidget(QLabel(self.tr("Add a problematic law:"), self.body))
        add.addWidget(self.add_law_combo, 1)
        add.addWidget(self.add_law_button)
        left.addLayout(add)
        left.addWidget(self.message("risk.laws"))
        left.addWidget(self.message("risk"))
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(heading(self.tr("Result"), self.body))
        self.result_text = boxed("", INFO_STYLE, self.body)
        self.result_text.setObjectName("riskResult")
        self.result_text.setAccessibleName(self.tr("Risk result"))
        right.addWidget(self.result_text)
        self.chart = RiskChart(self.body)
        right.addWidget(self.chart)
        self.formula = plain_label("", self.body)
        self.formula.setStyleSheet("color:#555;font-size:88%;")
        right.addWidget(self.formula)
        right.addStretch(1)
        left_box = QWidget(self.body)
        left_box.setLayout(left)
        right_box = QWidget(self.body)
        right_box.setLayout(right)
        right_box.setMinimumWidth(380)
        right_box.setMaximumWidth(440)
        columns.addWidget(left_box, 1)
        columns.addWidget(right_box)

        self.enabled.toggled.connect(self._enabled_changed)
        self.mode.currentIndexChanged.connect(
            lambda _i: self._set(mode=RiskInputMode(self.mode.currentData()))
        )
        self.period.valueChanged.connect(lambda v: self._set(period_years=v))
        self.threshold.valueChanged.connect(lambda _v: self._set(threshold=self.threshold.probability()))
        self.add_law_button.clicked.connect(self._add_selected_law)

    # ---- editing -----------------------------------------------------------------------------------------

    def _set(self, **changes: object) -> None:
        record = self.state.record
        if record is None or self.loading:
            return
        self.state.update_record(risk=dataclasses.replace(record.risk, **changes))  # type: ignore[arg-type]

    def _applying_problematic(self) -> list[tuple[str, str]]:
        record, ctx = self.state.record, self.state.context()
        if record is None or ctx is None:
            return []
        applies = {a.law_key for a in record.law_practice.laws if a.applies}
        return [
            (law.key, law.name)
            for law in ctx.destination.access_laws
            if law.problematic and law.key in applies
        ]

    def _enabled_changed(self, on: bool) -> None:
        record = self.state.record
        if record is None or self.loading:
            return
        risk = dataclasses.replace(record.risk, enabled=on)
        if on and not risk.laws:
            # Start with the problematic laws marked as applying in step 3.
            risk = dataclasses.replace(
                risk, laws=tuple(blank_law_risk(k, n) for k, n in self._applying_problematic())
            )
        self.state.update_record(risk=risk)
        self.reload()

    def add_law(self, key: str) -> None:
        record, ctx = self.state.record, self.state.context()
        if record is None or ctx is None or any(x.law_key == key for x in record.risk.laws):
            return
        law = next(x for x in ctx.destination.access_laws if x.key == key)
        self.state.update_record(
            risk=dataclasses.replace(record.risk, laws=(*record.risk.laws, blank_law_risk(law.key, law.name)))
        )
        self.reload()

    def _add_selected_law(self) -> None:
        key = self.add_law_combo.currentData()
        if key:
            self.add_law(str(key))

    def remove_law(self, key: str) -> None:
        record = self.state.record
        if record is None:
            return
        self.state.update_record(
            risk=dataclasses.replace(record.risk, laws=tuple(x for x in record.risk.laws if x.law_key != key))
        )
        self.reload()

    def replace_law(self, law: LawRisk) -> None:
        record = self.state.record
        if record is None:
            return
        laws = tuple(law if x.law_key == law.law_key else x for x in record.risk.laws)
        self.state.update_record(risk=dataclasses.replace(record.risk, laws=laws))

    # ---- showing -----------------------------------------------------------------------------------------

    def load(self) -> None:
        record, ctx = self.state.record, self.state.context()
        if record is None:
            return
        risk = record.risk
        self.enabled.setChecked(risk.enabled)
        self.mode.setCurrentIndex(max(self.mode.findData(risk.mode.value), 0))
        self.period.setValue(risk.period_years)
        self.threshold.set_probability(risk.threshold)
        keys = [x.law_key for x in risk.laws]
        if list(self.law_views) != keys:
            for view in self.law_views.values():
                self.messages = [m for m in self.messages if m.parent() is not view]
                view.deleteLater()
            self.law_views = {}
            for i, law in enumerate(risk.laws):
                view = _LawFactors(self, law)
                self.laws_box.insertWidget(i, view)
                self.law_views[law.law_key] = view
        self.add_law_combo.clear()
        if ctx is not None:
            for access_law in ctx.destination.access_laws:
                if access_law.problematic and access_law.key not in keys:
                    self.add_law_combo.addItem(core_text(access_law.name), access_law.key)
        self.add_law_combo.setEnabled(self.add_law_combo.count() > 0)
        self.add_law_button.setEnabled(self.add_law_combo.count() > 0)

    def refresh(self) -> None:
        record, ev = self.state.record, self.state.evaluation
        if record is None:
            return
        on = record.risk.enabled
        for w in (self.mode, self.period, self.threshold, self.add_law_combo, self.add_law_button):
            w.setEnabled(on)
        for view in self.law_views.values():
            view.setEnabled(on)
        result = ev.risk if ev else None
        for law in record.risk.laws:
            shown = self.law_views.get(law.law_key)
            if shown is not None:
                shown.show_law(law, result)
        self.chart.set_result(result if on else None)
        self.chart.setVisible(on)
        if not on:
            self.result_text.setText(self.tr("Not quantified. Tick the box above to estimate the risk."))
            self.result_text.setStyleSheet(INFO_STYLE)
            self.formula.setText("")
            return
        if result is None:
            problems = ev.risk_error.problems if ev and ev.risk_error else []
            self.result_text.setText(
                self.tr("No result yet: %1").replace(
                    "%1", "; ".join(core_text(p.message) for p in problems) or "—"
                )
            )
            self.result_text.setStyleSheet(INFO_STYLE)
            self.formula.setText("")
            return
        lines = [
            self.tr("Probability of prohibited access over %1 years: %2")
            .replace("%1", str(result.period_years))
            .replace("%2", pct(result.period_probability)),
            self.tr("Yearly: %1").replace("%1", pct(result.yearly_probability)),
            self.tr("Once every %1 years").replace("%1", f"{result.once_every_years:,.0f}")
            if result.once_every_years
            else self.tr("Never (probability zero)"),
        ]
        if result.threshold is None:
            lines.append(self.tr("No threshold set: set the organisation's acceptance threshold."))
            style = INFO_STYLE
        elif result.above_threshold:
            lines.append(
                self.tr("ABOVE the threshold of %1: not acceptable.").replace("%1", pct(result.threshold))
            )
            style = WARNING_STYLE
        else:
            lines.append(
                self.tr("Below the threshold of %1: acceptable.").replace("%1", pct(result.threshold))
            )
            style = INFO_STYLE
        self.result_text.setText("\n".join(lines))
        self.result_text.setStyleSheet(style)
        self.formula.setText(core_text(result.formula))

    def tab_chain(self) -> list[QWidget]:
        chain: list[QWidget] = [self.enabled, self.mode, self.period, self.threshold]
        for view in self.law_views.values():
            chain.append(view.remove)  # in the law's title row, above its factors
            for key, spin in view.spins.items():
                chain += [spin, view.justifications[key]]
        return [*chain, self.add_law_combo, self.add_law_button]

    def notice_text(self) -> str:
        ev = self.state.evaluation
        if ev is not None and not ev.precheck.full_assessment_needed:
            return self.tr(
                "A full assessment is not needed for this transfer (see the pre-check); this step may stay empty."
            )
        return ""
