"""The destination editor's second tab: the government-access laws, added, edited and removed one at a time.

A law's key is internal (made when the law is added) and never shown (issue #18)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.countries.model import AccessLaw
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
from ui.admin.destination_fields import LAW_FIELDS, field_label, lines_of, scrolled, short_location

# The texts keep the editor's translation context ("DestinationEditor"), where the catalogue has them.


class LawsTab(QWidget):
    """The laws' list above the selected law's form; `edited` after every change, `shown` when another
    law is shown (its problems then show beside its fields)."""

    edited = Signal()
    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.laws: list[AccessLaw] = []
        self.current = -1
        self._loading = False
        self.model = RowsModel(
            [
                QCoreApplication.translate("DestinationEditor", "Law"),
                QCoreApplication.translate("DestinationEditor", "Problematic"),
            ],
            self,
        )
        self.table = table_view(
            self.model,
            self,
            "lawTable",
            stretch=0,
            accessible=QCoreApplication.translate("DestinationEditor", "Government-access laws"),
        )
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.add_button = QPushButton(QCoreApplication.translate("DestinationEditor", "Add a law"), self)
        self.add_button.setObjectName("addLaw")
        self.remove_button = QPushButton(
            QCoreApplication.translate("DestinationEditor", "Remove the law"), self
        )
        self.remove_button.setObjectName("removeLaw")
        self.remove_button.clicked.connect(self.remove_law)
        self.problems = ProblemLabels()
        form_host = QWidget(self)
        form = QFormLayout(form_host)
        self.name = QLineEdit(form_host)
        self.name.setObjectName("lawName")
        self.problematic = QCheckBox(
            QCoreApplication.translate(
                "DestinationEditor", "Problematic against the European Essential Guarantees"
            ),
            form_host,
        )
        self.problematic.setObjectName("lawProblematic")
        self.reason = QPlainTextEdit(form_host)
        self.reason.setObjectName("lawReason")
        self.reason.setTabChangesFocus(True)
        self.scope = QLineEdit(form_host)
        self.scope.setObjectName("lawScope")
        self.sources = QPlainTextEdit(form_host)
        self.sources.setObjectName("lawSources")
        self.sources.setMaximumHeight(80)
        self.sources.setTabChangesFocus(True)
        widgets: dict[str, QWidget] = {
            "name": self.name,
            "problematic": self.problematic,
            "reason": self.reason,
            "scope": self.scope,
            "sources": self.sources,
        }
        for name in LAW_FIELDS:
            label = self.problems.add(name, problem_label(form_host, f"law_{name}"))
            form.addRow(field_label(name) + ":", with_problem(widgets[name], label))
        for edit in (self.name, self.scope):
            edit.textChanged.connect(self._edited)
        self.problematic.toggled.connect(self._edited)
        self.reason.textChanged.connect(self._edited)
        self.sources.textChanged.connect(self._edited)
        self.form = form_host
        left = QWidget(self)
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        left_lay.addLayout(buttons)
        # The list above the form, both the editor's full width: side by side at 1280 pixels the law names
        # were cut off and the form scrolled sideways.
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(left)
        split.addWidget(scrolled(form_host))
        split.setStretchFactor(1, 1)
        split.setSizes([200, 450])
        lay = QVBoxLayout(self)
        lay.addWidget(split)

    def load(self, laws: Sequence[AccessLaw]) -> None:
        """Edit `laws`, the first one shown."""
        self.laws = list(laws)
        self.refresh_rows()
        self.current = -1
        if self.laws:
            self.table.selectRow(0)
        else:
            self.show_law(-1)

    def current_key(self) -> str | None:
        return self.laws[self.current].key if 0 <= self.current < len(self.laws) else None

    def select_key(self, key: str) -> None:
        for i, law in enumerate(self.laws):
            if law.key == key:
                self.table.selectRow(i)

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Beside the fields, the problems of the law shown."""
        key = self.current_key()

        def field_of(location: str) -> str | None:
            rest = short_location(location)
            prefix = f"access_laws[{key}]."
            return rest[len(prefix) :] if key is not None and rest.startswith(prefix) else None

        self.problems.show(problems, field_of)

    def refresh_rows(self) -> None:
        rows = [
            [
                Cell(law.name or law.key, tooltip=law.reason),
                Cell(
                    (
                        QCoreApplication.translate("DestinationEditor", "Yes")
                        if law.problematic
                        else QCoreApplication.translate("DestinationEditor", "No")
                    ),
                    background="#f6d5d2" if law.problematic else None,
                ),
            ]
            for law in self.laws
        ]
        self.model.set_rows(rows, list(range(len(self.laws))))
        if 0 <= self.current < len(self.laws):
            self._loading = True
            self.table.selectRow(self.current)
            self._loading = False

    def _selected(self, _s: QItemSelection, _d: QItemSelection) -> None:
        if self._loading:
            return
        self.show_law(selected_row(self.table))

    def show_law(self, row: int) -> None:
        self.current = row
        law = self.laws[row] if 0 <= row < len(self.laws) else None
        self.form.setEnabled(law is not None)
        self.remove_button.setEnabled(law is not None)
        self._loading = True
        try:
            self.name.setText(law.name if law else "")
            self.problematic.setChecked(bool(law and law.problematic))
            self.reason.setPlainText(law.reason if law else "")
            self.scope.setText(law.scope if law else "")
            self.sources.setPlainText("\n".join(law.sources) if law else "")
        finally:
            self._loading = False
        self.shown.emit()

    def _edited(self, *_args: Any) -> None:
        row = self.current
        if self._loading or not 0 <= row < len(self.laws):
            return
        self.laws[row] = AccessLaw(
            key=self.laws[row].key,
            name=self.name.text(),
            problematic=self.problematic.isChecked(),
            reason=self.reason.toPlainText(),
            sources=lines_of(self.sources.toPlainText()),
            scope=self.scope.text(),
        )
        self.refresh_rows()
        self.edited.emit()

    def add_law(self) -> None:
        """A new law under a key no other law of the destination has, shown with its name selected."""
        taken = {law.key for law in self.laws}
        n = len(self.laws) + 1
        while f"law{n}" in taken:
            n += 1
        self.laws.append(
            AccessLaw(
                key=f"law{n}",
                name=QCoreApplication.translate("DestinationEditor", "New law"),
                problematic=False,
                reason="",
            )
        )
        self.current = len(self.laws) - 1
        self.refresh_rows()
        self.show_law(self.current)

    def remove_law(self) -> None:
        row = self.current
        if not 0 <= row < len(self.laws):
            return
        del self.laws[row]
        self.current = min(row, len(self.laws) - 1)
        self.refresh_rows()
        self.show_law(self.current)
        self.edited.emit()
