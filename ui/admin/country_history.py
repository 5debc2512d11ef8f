"""A destination's versions (who changed what, when, why) and two of them side by side, field by field."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from transfer_tool.countries import store
from transfer_tool.countries.diff import FieldChange
from transfer_tool.countries.impact import ChangeKind, StatusChange
from transfer_tool.countries.model import Destination
from transfer_tool.countries.store import VersionInfo
from transfer_tool.domain import AdequacyStatus
from transfer_tool.i18n.engine_text import engine_text
from transfer_tool.runtime.bootstrap import DatabaseHandle
from ui.accessibility import name_from_labels
from ui.admin.common import Cell, RowsModel, table_view, wrap_rows
from ui.admin.destination_fields import describe_location
from ui.errors import describe
from ui.i18n import adequacy_label, format_datetime
from ui.services import Services
from ui.terms import core_text, term, ui_language

BEFORE_COLOUR = "#fbe3e1"
AFTER_COLOUR = "#e3f1e4"


def value_text(path: str, value: Any) -> str:
    """A diffed value as people read it (statuses by their label, lists one item a line)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("CountryHistory", "Yes")
            if value
            else QCoreApplication.translate("CountryHistory", "No")
        )
    if path.endswith(".status") and isinstance(value, str):
        try:
            return adequacy_label(AdequacyStatus(value))
        except ValueError:
            return value
    if path.endswith(".oecd_principles_covered") and isinstance(value, list):  # keys, named for people
        return "\n".join(term(f"oecd.{v}") for v in value) or "—"
    if path.endswith(".scope_limits") and isinstance(value, list):  # questions, not their stored form
        return "\n".join(scope_question_text(v) for v in value) or "—"
    if isinstance(value, list):
        return "\n".join(str(v) for v in value) or "—"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def scope_question_text(limit: Any) -> str:
    """A scope question as the editor asks it, in the interface language, with its source on the next line
    (a changed source is a change too); its code and the categories' keys stay internal."""
    if not isinstance(limit, dict):
        return str(limit)
    first, other = ("question_ja", "question_en") if ui_language() == "ja" else ("question_en", "question_ja")
    question = str(limit.get(first) or limit.get(other) or "")
    source = str(limit.get("source") or "")
    return f"{question}\n({source})" if source else question


# The reasons the tool itself writes into a destination's history (seeding, an import without a reason
# typed). They are stored as English only, so they are read back by their fixed beginning.
_TOOL_REASONS = ("shipped country data {0}", "import of country data {0}")
TOOL_USER = "system"  # who the seeding names (transfer_tool.countries.seeding)


def reason_text(reason: str) -> str:
    """A version's reason in the interface language: the tool's own by its catalogue entry, an admin's
    as typed."""
    for template in _TOOL_REASONS:
        head = template.removesuffix("{0}")
        value = reason[len(head) :]
        if reason.startswith(head) and value and "\n" not in value and " " not in value.strip():
            return core_text(engine_text(template, value))
    return reason


def changed_by_text(username: str) -> str:
    if username == TOOL_USER:
        return QCoreApplication.translate("CountryHistory", "the tool")
    return username


def change_text(change: StatusChange) -> str:
    """A status change as people read it: "Partial → Not adequate", or what changed when the status did not."""
    if change.before != change.after:
        return f"{adequacy_label(change.before)} → {adequacy_label(change.after)}"
    what = {
        ChangeKind.CONDITION: QCoreApplication.translate("CountryHistory", "condition changed"),
        ChangeKind.INSTRUMENT: QCoreApplication.translate("CountryHistory", "decision or instrument changed"),
        ChangeKind.RENEWAL: QCoreApplication.translate("CountryHistory", "expiry or review date changed"),
    }.get(change.kind, change.kind.value)
    return f"{adequacy_label(change.after)} ({what})"


def law_names(*versions: Destination) -> dict[str, str]:
    """Each law's name by its key (the later version's name wins), for the locations of a diff."""
    return {law.key: law.name for dest in versions for law in dest.access_laws}


def diff_rows(changes: Sequence[FieldChange], names: Mapping[str, str] | None = None) -> list[list[Cell]]:
    return [
        [
            Cell(describe_location(c.path, names)),
            Cell(value_text(c.path, c.before), background=BEFORE_COLOUR),
            Cell(value_text(c.path, c.after), background=AFTER_COLOUR),
        ]
        for c in changes
    ]


class HistoryPanel(QWidget):
    """Versions of one destination, and the differences between any two of them."""

    loaded = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countryHistory")
        self.services = services
        self.code = ""
        self.versions: list[VersionInfo] = []
        self.version_model = RowsModel(
            [self.tr("Version"), self.tr("Changed on"), self.tr("By"), self.tr("Why")], self
        )
        self.version_table = table_view(
            self.version_model,
            self,
            "versionTable",
            stretch=3,
            accessible=self.tr("Versions of the country data"),
        )
        self.left = QComboBox(self)
        self.left.setObjectName("diffLeft")
        self.right = QComboBox(self)
        self.right.setObjectName("diffRight")
        self.left.currentIndexChanged.connect(self._compare)
        self.right.currentIndexChanged.connect(self._compare)
        self.diff_model = RowsModel(
            [self.tr("Field"), self.tr("Older version"), self.tr("Newer version")], self
        )
        self.diff_table = table_view(
            self.diff_model, self, "diffTable", accessible=self.tr("Changes between the two versions")
        )
        wrap_rows(self.diff_table)
        self.diff_table.horizontalHeader().setStretchLastSection(False)
        from PySide6.QtWidgets import QHeaderView

        header = self.diff_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.diff_table.setColumnWidth(0, 190)
        self.summary = QLabel(self)
        self.summary.setObjectName("diffSummary")
        self.summary.setWordWrap(True)
        compare = QHBoxLayout()
        compare.addWidget(QLabel(self.tr("Compare version"), self))
        compare.addWidget(self.left)
        compare.addWidget(QLabel(self.tr("with version"), self))
        compare.addWidget(self.right)
        compare.addStretch(1)
        bottom = QWidget(self)
        bottom_lay = QVBoxLayout(bottom)
        bottom_lay.setContentsMargins(0, 0, 0, 0)
        bottom_lay.addLayout(compare)
        bottom_lay.addWidget(self.summary)
        bottom_lay.addWidget(self.diff_table, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.version_table)
        split.addWidget(bottom)
        split.setSizes([150, 350])
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        self._filling = False
        name_from_labels(self)  # screen readers name each field after its label

    def load(self, code: str) -> None:
        self.code = code
        self.services.worker.submit(
            lambda db: store.history(db, code),
            lambda versions: self._versions_in(code, versions),
            lambda exc: self.summary.setText(describe(exc)),
            owner=self,
            label="country history",
        )

    def _versions_in(self, code: str, versions: list[VersionInfo]) -> None:
        if code != self.code:
            return
        self.versions = versions
        rows = [
            [
                Cell(str(v.version)),
                Cell(format_datetime(v.changed_at, ui_language())),
                Cell(changed_by_text(v.changed_by)),
                Cell(reason_text(v.reason), tooltip=reason_text(v.reason)),
            ]
            for v in reversed(versions)
        ]
        self.version_model.set_rows(rows, [v.version for v in reversed(versions)])
        self._filling = True
        try:
            for combo in (self.left, self.right):
                combo.clear()
                for v in versions:
                    combo.addItem(str(v.version), v.version)
            if versions:
                self.right.setCurrentIndex(len(versions) - 1)
                self.left.setCurrentIndex(max(0, len(versions) - 2))
        finally:
            self._filling = False
        self._compare()
        self.loaded.emit()

    def compare(self, a: int, b: int) -> None:
        self.left.setCurrentIndex(max(0, self.left.findData(a)))
        self.right.setCurrentIndex(max(0, self.right.findData(b)))

    def _compare(self, *_args: Any) -> None:
        if self._filling or not self.code:
            return
        a, b = self.left.currentData(), self.right.currentData()
        if a is None or b is None:
            self.diff_model.set_rows([], [])
            return
        older, newer = (a, b) if a <= b else (b, a)
        code = self.code

        def compare(db: DatabaseHandle) -> tuple[list[FieldChange], dict[str, str]]:
            names = law_names(store.version(db, code, older), store.version(db, code, newer))
            return store.diff_versions(db, code, older, newer), names

        self.services.worker.submit(
            compare,
            lambda found: self._diff_in(code, older, newer, *found),
            lambda exc: self.summary.setText(describe(exc)),
            owner=self,
            label="country diff",
        )

    def _diff_in(
        self, code: str, older: int, newer: int, changes: list[FieldChange], names: dict[str, str]
    ) -> None:
        if code != self.code:
            return
        self.diff_model.set_rows(diff_rows(changes, names), [c.path for c in changes])
        self.diff_table.resizeRowsToContents()
        if older == newer:
            self.summary.setText(self.tr("Choose two different versions to see what changed."))
        else:
            self.summary.setText(
                self.tr("%n field(s) differ between version %1 and version %2.", "", len(changes))
                .replace("%1", str(older))
                .replace("%2", str(newer))
            )
