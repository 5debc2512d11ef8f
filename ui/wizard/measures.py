"""Step 5, supplementary measures: the catalogue (EDPB Annex 2) rated for this transfer's use case, the
use-case warnings (6/7: data needed in the clear), and the chosen measures as the action plan (status,
owner, due date)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

import ui.wizard.labels as labels
from transfer_tool.assessment.measures import Effectiveness, MeasureDef
from transfer_tool.assessment.record import ChosenMeasure, MeasureStatus, UseCaseChoice
from ui.terms import core_text
from ui.wizard.common import INFO_STYLE, WARNING_STYLE, WizardPage, boxed, heading, plain_label
from ui.wizard.evidence_list import EvidenceList
from ui.wizard.inputs import OptionalDateEdit, PlainTextField
from ui.wizard.rule_inputs import FactFlags
from ui.wizard.state import PAGE_MEASURES, WizardState

CodeRole = int(Qt.ItemDataRole.UserRole) + 1


class _PlanRow:
    """The editors of one chosen measure in the action-plan grid."""

    def __init__(self, page: MeasuresPage, code: str, row: int) -> None:
        self.page = page
        self.code = code
        body = page.body
        d = page.state.measures.get(code)
        name = (d.name_ja if page.state.language == "ja" else d.name_en) if d else code
        self.name = plain_label(name, body)
        self.status = QComboBox(body)
        for s in MeasureStatus:
            self.status.addItem(labels.measure_status(s), s.value)
        self.status.setAccessibleName(self.tr("Status of %1").replace("%1", name))
        self.owner = QLineEdit(body)
        self.owner.setPlaceholderText(self.tr("Owner"))
        self.owner.setAccessibleName(self.tr("Owner of %1").replace("%1", name))
        self.due = OptionalDateEdit(self.tr("no date"), body)
        self.due.setAccessibleName(self.tr("Due date of %1").replace("%1", name))
        self.remove = QPushButton(self.tr("Remove"), body)
        self.remove.setAccessibleName(self.tr("Remove %1").replace("%1", name))
        self.message = page.message(f"measures.{code}")
        grid = page.plan_grid
        r = 1 + 2 * row
        grid.addWidget(self.name, r, 0)
        grid.addWidget(self.status, r, 1)
        grid.addWidget(self.owner, r, 2)
        grid.addWidget(self.due, r, 3)
        grid.addWidget(self.remove, r, 4)
        grid.addWidget(self.message, r + 1, 0, 1, 5)
        self.status.currentIndexChanged.connect(lambda _i: self._changed())
        self.owner.textChanged.connect(lambda _t: self._changed())
        self.due.dateChanged.connect(lambda _d: self._changed())
        self.remove.clicked.connect(lambda: page.remove_measure(code))

    @staticmethod
    def tr(text: str) -> str:
        # The context lupdate gives `self.tr` calls in this class.
        return QCoreApplication.translate("_PlanRow", text)

    def widgets(self) -> list[QWidget]:
        return [self.name, self.status, self.owner, self.due, self.remove, self.message]

    def show(self, m: ChosenMeasure) -> None:
        for w in (self.status, self.due):
            w.blockSignals(True)
        self.status.setCurrentIndex(max(self.status.findData(m.status.value), 0))
        self.due.set_value(m.due)
        for w in (self.status, self.due):
            w.blockSignals(False)
        if not self.owner.hasFocus() and self.owner.text() != m.owner:
            self.owner.blockSignals(True)
            self.owner.setText(m.owner)
            self.owner.blockSignals(False)
        planned = m.status is MeasureStatus.PLANNED
        self.due.setEnabled(planned or m.due is not None)

    def _changed(self) -> None:
        if self.page.loading:
            return
        self.page.edit_measure(
            self.code,
            status=MeasureStatus(self.status.currentData()),
            owner=self.owner.text(),
            due=self.due.value(),
        )


class MeasuresPage(WizardPage):
    KEY = PAGE_MEASURES

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.setTitle(self.tr("4–5 · Supplementary measures and action plan"))
        self.setSubTitle(
            self.tr(
                "Measures from the catalogue, rated for this transfer's use case; planned ones need an owner and a due date."
            )
        )
        layout = QVBoxLayout(self.body)
        self.use_cases = boxed("", INFO_STYLE, self.body)
        layout.addWidget(self.use_cases)
        # The facts that decide EDPB use cases 3-5 (Recommendations 01/2020, Annex 2), and the assessor's pick.
        self.case_flags = FactFlags(
            state,
            (
                (
                    "transit_only",
                    self.tr("The data only &transits the third country, encrypted end to end (use case 3)"),
                ),
                (
                    "importer_protected_recipient",
                    self.tr(
                        "The importer's law &protects this data from access, e.g. professional secrecy (use case 4)"
                    ),
                ),
                (
                    "split_processing",
                    self.tr(
                        "&Split processing: no single importer can attribute the data to a person (use case 5)"
                    ),
                ),
            ),
            self.body,
        )
        layout.addWidget(self.case_flags)
        pick = QHBoxLayout()
        pick_label = QLabel(self.tr("Use &case where the facts leave it open:"), self.body)
        self.case_pick = QComboBox(self.body)
        self.case_pick.addItem(self.tr("— as the facts say —"), 0)
        for n in range(1, 8):
            self.case_pick.addItem(str(n), n)
        pick_label.setBuddy(self.case_pick)
        self.case_reason = PlainTextField(self.tr("Why this use case fits"), 2, self.body)
        self.case_reason.setPlaceholderText(self.tr("Why this use case fits (required with a choice)"))
        pick.addWidget(pick_label)
        pick.addWidget(self.case_pick)
        pick.addStretch(1)
        layout.addLayout(pick)
        layout.addWidget(self.case_reason)
        layout.addWidget(self.message("use_case_choice"))
        self.case_pick.currentIndexChanged.connect(lambda _i: self._case_changed())
        self.case_reason.textChanged.connect(self._case_changed)
        self.warnings = boxed("", WARNING_STYLE, self.body)
        self.warnings.setObjectName("measureWarnings")
        layout.addWidget(self.warnings)
        layout.addWidget(heading(self.tr("Catalogue"), self.body))
        self.catalog_model = QStandardItemModel(0, 3, self.body)
        self.catalog_model.setHorizontalHeaderLabels(
            [self.tr("Measure"), self.tr("Kind"), self.tr("For this transfer")]
        )
        self.catalog = QTableView(self.body)
        self.catalog.setModel(self.catalog_model)
        self.catalog.setAccessibleName(self.tr("Catalogue of supplementary measures"))
        self.catalog.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.catalog.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.catalog.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.catalog.verticalHeader().hide()
        self.catalog.verticalHeader().setDefaultSectionSize(self.catalog.fontMetrics().height() + 8)
        self.catalog.setTabKeyNavigation(False)
        header = self.catalog.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.catalog.setMinimumHeight(200)
        self.catalog.setMaximumHeight(230)
        layout.addWidget(self.catalog)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add to the action plan"), self.body)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(heading(self.tr("Chosen measures (action plan)"), self.body))
        self.plan_grid = QGridLayout()
        for col, text in enumerate(
            (self.tr("Measure"), self.tr("Status"), self.tr("Owner"), self.tr("Due"), "")
        ):
            label = QLabel(text, self.body)
            label.setStyleSheet("color:#555;")
            self.plan_grid.addWidget(label, 0, col)
        self.plan_grid.setColumnStretch(0, 3)
        self.plan_grid.setColumnStretch(2, 2)
        layout.addLayout(self.plan_grid)
        self.plan_rows: dict[str, _PlanRow] = {}
        self.empty_plan = plain_label(self.tr("No measure chosen yet."), self.body)
        layout.addWidget(self.empty_plan)
        layout.addWidget(self.message("measures"))
        layout.addWidget(heading(self.tr("Evidence (e.g. audit reports, certificates)"), self.body))
        self.evidence = EvidenceList(state, self.tr("e.g. ISO 27001 certificate of the importer"), self.body)
        layout.addWidget(self.evidence)
        layout.addStretch(1)
        self.add_button.clicked.connect(self.add_selected)
        self.catalog.doubleClicked.connect(lambda _i: self.add_selected())

    # ---- editing -------------------------------------------------------------------------------------------

    def _case_changed(self) -> None:
        record = self.state.record
        if record is None or self.loading:
            return
        case = int(self.case_pick.currentData() or 0)
        choice = UseCaseChoice(case, self.case_reason.toPlainText()) if case else None
        if choice != record.use_case_choice:
            self.state.update_record(use_case_choice=choice)

    def add_measure(self, code: str) -> None:
        record = self.state.record
        if record is None or any(m.code == code for m in record.measures):
            return
        self.state.update_record(measures=(*record.measures, ChosenMeasure(code)))
        self.reload()

    def add_selected(self) -> None:
        rows = self.catalog.selectionModel().selectedRows()
        if rows:
            self.add_measure(str(self.catalog_model.item(rows[0].row(), 0).data(CodeRole)))

    def remove_measure(self, code: str) -> None:
        record = self.state.record
        if record is None:
            return
        self.state.update_record(measures=tuple(m for m in record.measures if m.code != code))
        self.reload()

    def edit_measure(self, code: str, status: MeasureStatus, owner: str, due: dt.date | None) -> None:
        record = self.state.record
        if record is None:
            return
        self.state.update_record(
            measures=tuple(
                dataclasses.replace(m, status=status, owner=owner, due=due) if m.code == code else m
                for m in record.measures
            )
        )

    # ---- showing -------------------------------------------------------------------------------------------

    def _effect(self, d: MeasureDef, cases: tuple[int, ...]) -> Effectiveness | None:
        rated = [d.effectiveness_for(u) for u in cases]
        for level in (Effectiveness.EFFECTIVE, Effectiveness.SUPPORTING, Effectiveness.NOT_EFFECTIVE):
            if level in rated:
                return level
        return None

    def load(self) -> None:
        record = self.state.record
        if record is None:
            return
        ev = self.state.evaluation
        cases = ev.use_cases if ev else ()
        lang = self.state.language
        self.case_flags.load()
        choice = record.use_case_choice
        self.case_pick.blockSignals(True)
        self.case_pick.setCurrentIndex(max(self.case_pick.findData(choice.case if choice else 0), 0))
        self.case_pick.blockSignals(False)
        if not self.case_reason.hasFocus():
            self.case_reason.set_text_quietly(choice.reason if choice else "")
        self.catalog_model.removeRows(0, self.catalog_model.rowCount())
        chosen = {m.code for m in record.measures}
        for d in self.state.measures.measures:
            name = QStandardItem(d.name_ja if lang == "ja" else d.name_en)
            name.setData(d.code, CodeRole)
            name.setToolTip(f"{d.description_en}\n{d.source}".strip())
            kind = QStandardItem(labels.measure_kind(d.kind))
            effect = self._effect(d, cases)
            rating = QStandardItem(
                labels.effectiveness(effect) + (self.tr(" · chosen") if d.code in chosen else "")
            )
            if effect is Effectiveness.EFFECTIVE:
                rating.setBackground(QBrush(QColor("#d8ecd9")))
            elif effect is Effectiveness.NOT_EFFECTIVE:
                rating.setBackground(QBrush(QColor("#f6d5d2")))
            self.catalog_model.appendRow([name, kind, rating])
        codes = [m.code for m in record.measures]
        if list(self.plan_rows) != codes:
            for row in self.plan_rows.values():
                for w in row.widgets():
                    w.deleteLater()
            self.forget_messages("measures.")
            self.plan_rows = {}
            for i, code in enumerate(codes):
                self.plan_rows[code] = _PlanRow(self, code, i)
        for m in record.measures:
            self.plan_rows[m.code].show(m)
        self.empty_plan.setVisible(not codes)

    def refresh(self) -> None:
        ev = self.state.evaluation
        if ev is None:
            self.use_cases.setText(self.state.context_error)
            self.warnings.hide()
            return
        names = {
            u.number: (u.name_ja if self.state.language == "ja" else u.name_en)
            for u in self.state.measures.use_cases
        }
        if ev.use_cases:
            self.use_cases.setText(
                self.tr("This transfer's EDPB use case(s): %1").replace(
                    "%1", "; ".join(f"{u} — {names.get(u, '')}" for u in ev.use_cases)
                )
                + (self.tr(" (your choice)") if ev.use_case_source == "assessor" else "")
            )
        else:
            self.use_cases.setText(
                self.tr("No EDPB use case follows from the facts: pick the one that fits, with a reason.")
            )
        self.warnings.setText("\n".join(f"⚠ {core_text(w.text)}" for w in ev.measure_warnings))
        self.warnings.setVisible(bool(ev.measure_warnings))
        record = self.state.record
        if record is not None:
            for m in record.measures:
                row = self.plan_rows.get(m.code)
                if row is not None:
                    row.show(m)

    def tab_chain(self) -> list[QWidget]:
        chain: list[QWidget] = [
            *self.case_flags.widgets(),
            self.case_pick,
            self.case_reason,
            self.catalog,
            self.add_button,
        ]
        for row in self.plan_rows.values():
            chain += [row.status, row.owner, row.due, row.remove]
        return chain + self.evidence.tab_widgets()

    def notice_text(self) -> str:
        ev = self.state.evaluation
        if ev is not None and not ev.precheck.full_assessment_needed:
            return self.tr(
                "A full assessment is not needed for this transfer (see the pre-check); this step may stay empty."
            )
        return ""
