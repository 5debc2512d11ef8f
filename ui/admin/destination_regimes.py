"""The destination editor's first tab: the destination's status under each regime, one regime at a time.

It edits the regime entries of the working copy and keeps the dates that do not parse as typed, with their
problem, until they are corrected (the editor's `local_problems`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.countries.model import RegimeEntry
from transfer_tool.domain import AdequacyStatus
from transfer_tool.errors import Problem
from ui.admin.common import (
    Cell,
    ProblemLabels,
    RowsModel,
    problem_label,
    selected_row,
    table_view,
    with_problem,
)
from ui.admin.destination_fields import (
    REGIME_FIELDS,
    date_text,
    field_label,
    parse_date,
    scrolled,
    short_location,
)
from ui.i18n import adequacy_label, regime_short_name
from ui.models.country_model import STATUS_BACKGROUND

# The texts keep the editor's translation context ("DestinationEditor"), where the catalogue has them.


class RegimesTab(QWidget):
    """The regimes' table above the selected regime's form; `edited` after every change of an entry,
    `shown` when another regime's entry is shown (its problems then show beside its fields)."""

    edited = Signal()
    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: dict[str, RegimeEntry] = {}
        self.baseline: Mapping[str, RegimeEntry] | None = None  # the saved entries: a changed one is starred
        self.current = ""
        self._loading = False
        self._local: dict[str, str] = {}  # location → problem found here (dates as typed)
        self._typed: dict[str, str] = {}  # location → the unparsable text, shown again on return
        self.model = RowsModel(
            [
                QCoreApplication.translate("DestinationEditor", "Regime"),
                QCoreApplication.translate("DestinationEditor", "Status"),
            ],
            self,
        )
        self.table = table_view(
            self.model,
            self,
            "regimeTable",
            stretch=0,
            accessible=QCoreApplication.translate("DestinationEditor", "Status under each regime"),
        )
        self.table.setMaximumHeight(184)  # the five regimes without scrolling
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.problems = ProblemLabels()
        form_host = QWidget(self)
        form = QFormLayout(form_host)
        self.status = QComboBox(form_host)
        self.status.setObjectName("regimeStatus")
        for status in AdequacyStatus:
            self.status.addItem(adequacy_label(status), status)
        self.condition = QLineEdit(form_host)
        self.condition.setObjectName("regimeCondition")
        self.instrument = QLineEdit(form_host)
        self.instrument.setObjectName("regimeInstrument")
        self.adopted = QLineEdit(form_host)
        self.adopted.setObjectName("regimeAdopted")
        self.expires = QLineEdit(form_host)
        self.expires.setObjectName("regimeExpires")
        self.source_url = QLineEdit(form_host)
        self.source_url.setObjectName("regimeSource")
        self.notes = QPlainTextEdit(form_host)
        self.notes.setObjectName("regimeNotes")
        self.notes.setMaximumHeight(90)
        self.notes.setTabChangesFocus(True)
        self.verified = QCheckBox(
            QCoreApplication.translate("DestinationEditor", "Checked against the source"), form_host
        )
        self.verified.setObjectName("regimeVerified")
        self.last_verified = QLineEdit(form_host)
        self.last_verified.setObjectName("regimeLastVerified")
        for edit in (self.adopted, self.expires, self.last_verified):
            edit.setPlaceholderText("YYYY-MM-DD")
        self.source_url.setPlaceholderText("https://…")
        widgets: dict[str, QWidget] = {
            "status": self.status,
            "condition": self.condition,
            "instrument": self.instrument,
            "adopted": self.adopted,
            "expires": self.expires,
            "source_url": self.source_url,
            "notes": self.notes,
            "verified": self.verified,
            "last_verified": self.last_verified,
        }
        for name in REGIME_FIELDS:
            label = self.problems.add(name, problem_label(form_host, f"regime_{name}"))
            form.addRow(field_label(name) + ":", with_problem(widgets[name], label))
        self.status.currentIndexChanged.connect(self._edited)
        self.verified.toggled.connect(self._edited)
        for edit in (
            self.condition,
            self.instrument,
            self.adopted,
            self.expires,
            self.source_url,
            self.last_verified,
        ):
            edit.textChanged.connect(self._edited)
        self.notes.textChanged.connect(self._edited)
        self.heading = QLabel(form_host)
        self.heading.setStyleSheet("font-weight: 600;")
        right = QWidget(self)
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.addWidget(self.heading)
        right_lay.addWidget(scrolled(form_host), 1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table)
        lay.addWidget(right, 1)

    def load(self, entries: Mapping[str, RegimeEntry], baseline: Mapping[str, RegimeEntry] | None) -> None:
        """Edit `entries`; the regime shown stays shown when the destination has it, else the first."""
        self.entries = dict(entries)
        self.baseline = baseline
        self._local = {}
        self._typed = {}
        self.refresh_rows()
        keep = self.current if self.current in self.entries else ""
        self.current = ""
        row = self.model.row_of(keep) if keep else 0
        self.table.selectRow(max(0, row))

    def local_problems(self) -> list[Problem]:
        return [Problem(location, message) for location, message in sorted(self._local.items())]

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Beside the fields, the problems of the regime shown."""

        def field_of(location: str) -> str | None:
            parts = short_location(location).split(".")
            if len(parts) == 3 and parts[0] == "regimes" and parts[1] == self.current:
                return parts[2]
            return None

        self.problems.show(problems, field_of)

    def refresh_rows(self) -> None:
        rows, keys = [], []
        for code, entry in self.entries.items():
            colour = STATUS_BACKGROUND.get(entry.status)
            changed = self.baseline is not None and self.baseline.get(code) != entry
            name = regime_short_name(code) + (" *" if changed else "")
            rows.append(
                [Cell(name), Cell(adequacy_label(entry.status), background=colour, tooltip=entry.condition)]
            )
            keys.append(code)
        selected = self.current
        self.model.set_rows(rows, keys)
        if selected:
            row = self.model.row_of(selected)
            if row >= 0:
                self._loading = True
                self.table.selectRow(row)
                self._loading = False

    def select_regime(self, code: str) -> None:
        row = self.model.row_of(code)
        if row >= 0:
            self.table.selectRow(row)

    def _selected(self, _s: QItemSelection, _d: QItemSelection) -> None:
        if self._loading:
            return
        code = self.model.key(selected_row(self.table))
        if code is None or code == self.current:
            return
        self.current = code
        self._show(code)

    def _show(self, code: str) -> None:
        entry = self.entries[code]
        self._loading = True
        try:
            self.heading.setText(regime_short_name(code))
            self.status.setCurrentIndex(max(0, self.status.findData(entry.status)))
            self.condition.setText(entry.condition)
            self.instrument.setText(entry.instrument)
            self.adopted.setText(self._local_text(f"regimes.{code}.adopted", date_text(entry.adopted)))
            self.expires.setText(self._local_text(f"regimes.{code}.expires", date_text(entry.expires)))
            self.source_url.setText(entry.source_url)
            self.notes.setPlainText(entry.notes)
            self.verified.setChecked(entry.verified)
            self.last_verified.setText(
                self._local_text(f"regimes.{code}.last_verified", date_text(entry.last_verified))
            )
            for edit in (self.condition, self.instrument, self.source_url):
                edit.setCursorPosition(0)  # show the start of long texts
        finally:
            self._loading = False
        self.shown.emit()

    def _local_text(self, location: str, default: str) -> str:
        return self._typed.get(location, default) if location in self._local else default

    def _date_field(self, location: str, edit: QLineEdit, previous: dt.date | None) -> dt.date | None:
        value, problem = parse_date(edit.text())
        if problem is None:
            self._local.pop(location, None)
            self._typed.pop(location, None)
            return value
        self._local[location] = problem
        self._typed[location] = edit.text()
        return previous

    def _edited(self, *_args: Any) -> None:
        code = self.current
        if self._loading or not code:
            return
        old = self.entries[code]
        where = f"regimes.{code}"
        self.entries[code] = dataclasses.replace(
            old,
            status=AdequacyStatus(self.status.currentData()),
            condition=self.condition.text(),
            instrument=self.instrument.text(),
            adopted=self._date_field(f"{where}.adopted", self.adopted, old.adopted),
            expires=self._date_field(f"{where}.expires", self.expires, old.expires),
            source_url=self.source_url.text().strip(),
            notes=self.notes.toPlainText(),
            verified=self.verified.isChecked(),
            last_verified=self._date_field(f"{where}.last_verified", self.last_verified, old.last_verified),
        )
        self.refresh_rows()
        self.edited.emit()
