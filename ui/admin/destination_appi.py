"""The destination editor's third tab: the APPI information items (Art. 28 / Rule 17), present or not."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.countries import oecd
from transfer_tool.countries.model import AppiInfo
from transfer_tool.errors import Problem
from ui.admin.common import ProblemLabels, problem_label, with_problem
from ui.admin.destination_fields import (
    APPI_FIELDS,
    CBPR_CHOICES,
    field_label,
    lines_of,
    scrolled,
    short_location,
)
from ui.terms import term

# The texts keep the editor's translation context ("DestinationEditor"), where the catalogue has them.


class AppiTab(QWidget):
    """Whether the destination has APPI information and, if so, its items; `edited` after every change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info: AppiInfo | None = None
        self.loading = False
        self.present = QCheckBox(
            QCoreApplication.translate(
                "DestinationEditor", "Record the APPI information items for this destination"
            ),
            self,
        )
        self.present.setObjectName("appiPresent")
        self.present.toggled.connect(self._edited)
        self.problems = ProblemLabels()
        form_host = QWidget(self)
        form = QFormLayout(form_host)
        self.system = QComboBox(form_host)
        self.system.setObjectName("appiSystem")
        self.system.addItem(QCoreApplication.translate("DestinationEditor", "Unknown"), None)
        self.system.addItem(QCoreApplication.translate("DestinationEditor", "Yes"), True)
        self.system.addItem(QCoreApplication.translate("DestinationEditor", "No"), False)
        self.summary = QPlainTextEdit(form_host)
        self.summary.setObjectName("appiSummary")
        # One box per principle, named as people read it; the country data keeps the keys (issue 18).
        self.oecd = QWidget(form_host)
        self.oecd.setObjectName("appiOecd")
        oecd_grid = QGridLayout(self.oecd)
        oecd_grid.setContentsMargins(0, 0, 0, 0)
        self.oecd_boxes: dict[str, QCheckBox] = {}
        for index, key in enumerate(oecd.PRINCIPLES):
            box = QCheckBox(term(f"oecd.{key}"), self.oecd)
            box.setObjectName(f"appiOecd-{index}")
            box.toggled.connect(self._edited)
            oecd_grid.addWidget(box, index // 2, index % 2)
            self.oecd_boxes[key] = box
        self.gaps = QPlainTextEdit(form_host)
        self.gaps.setObjectName("appiGaps")
        self.cbpr = QComboBox(form_host)
        self.cbpr.setObjectName("appiCbpr")
        self.cbpr.setEditable(True)
        for choice in CBPR_CHOICES:
            self.cbpr.addItem(choice or QCoreApplication.translate("DestinationEditor", "None"), choice)
        self.localisation = QPlainTextEdit(form_host)
        self.localisation.setObjectName("appiLocalisation")
        self.cooperation = QPlainTextEdit(form_host)
        self.cooperation.setObjectName("appiCooperation")
        self.sources = QPlainTextEdit(form_host)
        self.sources.setObjectName("appiSources")
        self.verified = QCheckBox(
            QCoreApplication.translate("DestinationEditor", "Checked against the sources"), form_host
        )
        self.verified.setObjectName("appiVerified")
        for text in (self.summary, self.gaps, self.localisation, self.cooperation, self.sources):
            text.setMaximumHeight(64)
            text.setTabChangesFocus(True)
            text.textChanged.connect(self._edited)
        widgets: dict[str, QWidget] = {
            "has_protection_system": self.system,
            "system_summary": self.summary,
            "oecd_principles_covered": self.oecd,
            "oecd_gaps": self.gaps,
            "cbpr": self.cbpr,
            "localisation_duties": self.localisation,
            "government_cooperation_duties": self.cooperation,
            "sources": self.sources,
            "verified": self.verified,
        }
        for name in APPI_FIELDS:
            label = self.problems.add(name, problem_label(form_host, f"appi_{name}"))
            form.addRow(field_label(name) + ":", with_problem(widgets[name], label))
        self.system.currentIndexChanged.connect(self._edited)
        self.cbpr.currentTextChanged.connect(self._edited)
        self.verified.toggled.connect(self._edited)
        self.form = form_host
        lay = QVBoxLayout(self)
        lay.addWidget(self.present)
        lay.addWidget(scrolled(form_host), 1)

    def load(self, info: AppiInfo | None) -> None:
        self.info = info
        self.loading = True
        try:
            self.present.setChecked(info is not None)
            self._fill(info or AppiInfo())
        finally:
            self.loading = False

    def show_problems(self, problems: Sequence[Problem]) -> None:
        def field_of(location: str) -> str | None:
            rest = short_location(location)
            return rest[len("appi.") :] if rest.startswith("appi.") else None

        self.problems.show(problems, field_of)

    def _fill(self, info: AppiInfo) -> None:
        self.system.setCurrentIndex(max(0, self.system.findData(info.has_protection_system)))
        if info.has_protection_system is None:
            self.system.setCurrentIndex(0)
        self.summary.setPlainText(info.system_summary)
        for key, box in self.oecd_boxes.items():
            box.setChecked(key in info.oecd_principles_covered)
        self.gaps.setPlainText(info.oecd_gaps)
        index = self.cbpr.findData(info.cbpr)
        if index >= 0:
            self.cbpr.setCurrentIndex(index)
        else:
            self.cbpr.setEditText(info.cbpr)
        self.localisation.setPlainText(info.localisation_duties)
        self.cooperation.setPlainText(info.government_cooperation_duties)
        self.sources.setPlainText("\n".join(info.sources))
        self.verified.setChecked(info.verified)
        self.form.setEnabled(self.present.isChecked())

    def _cbpr_value(self) -> str:
        index = self.cbpr.currentIndex()
        text = self.cbpr.currentText()
        if index >= 0 and self.cbpr.itemText(index) == text:
            return str(self.cbpr.itemData(index) or "")
        return text.strip()

    def _edited(self, *_args: Any) -> None:
        if self.loading:
            return
        present = self.present.isChecked()
        self.form.setEnabled(present)
        if not present:
            self.info = None
        else:
            system = self.system.currentData()
            self.info = AppiInfo(
                has_protection_system=system if isinstance(system, bool) else None,
                system_summary=self.summary.toPlainText(),
                oecd_principles_covered=tuple(k for k, box in self.oecd_boxes.items() if box.isChecked()),
                oecd_gaps=self.gaps.toPlainText(),
                cbpr=self._cbpr_value(),
                localisation_duties=self.localisation.toPlainText(),
                government_cooperation_duties=self.cooperation.toPlainText(),
                sources=lines_of(self.sources.toPlainText()),
                verified=self.verified.isChecked(),
            )
        self.edited.emit()
