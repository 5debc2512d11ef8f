"""The editor of one destination's country data: its status under each regime, the government-access laws
and the APPI information items. It edits a working copy; the countries page saves it with a reason.

Problems come from two places and show beside their fields: dates that do not parse (checked here, as
typed) and the core's validation (`ValidationError.problems`, located like
`destinations[US].regimes.EU.condition`), which the page hands to `show_problems`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.conflicts import KEEP_THEIRS, USE_CHOICES
from transfer_tool.countries import oecd, serialize
from transfer_tool.countries.merge import destination_parts, merge_destination
from transfer_tool.countries.model import AccessLaw, AppiInfo, Destination, Regime, RegimeEntry
from transfer_tool.domain import AdequacyStatus
from transfer_tool.errors import ConflictError, Problem
from ui.accessibility import name_from_labels
from ui.admin.common import (
    ERROR_BANNER,
    Cell,
    ProblemLabels,
    RowsModel,
    problem_label,
    selected_row,
    table_view,
    with_problem,
)
from ui.i18n import adequacy_label, regime_short_name
from ui.models.country_model import STATUS_BACKGROUND
from ui.terms import term
from ui.widgets.conflict_view import ConflictChooser, FieldDiff

REGIME_FIELDS = (
    "status",
    "condition",
    "instrument",
    "adopted",
    "expires",
    "source_url",
    "notes",
    "verified",
    "last_verified",
)
# A law's key is internal (made when the law is added) and never shown (issue #18).
LAW_FIELDS = ("name", "problematic", "reason", "scope", "sources")
APPI_FIELDS = (
    "has_protection_system",
    "system_summary",
    "oecd_principles_covered",
    "oecd_gaps",
    "cbpr",
    "localisation_duties",
    "government_cooperation_duties",
    "sources",
    "verified",
)
CBPR_CHOICES = ("", "APEC CBPR", "Global CBPR member", "Global CBPR associate")
REGIMES_TAB, LAWS_TAB, APPI_TAB = 0, 1, 2


def field_label(name: str) -> str:
    labels = {
        "status": QCoreApplication.translate("DestinationEditor", "Status"),
        "condition": QCoreApplication.translate("DestinationEditor", "Condition (who is covered)"),
        "instrument": QCoreApplication.translate("DestinationEditor", "Decision or instrument"),
        "adopted": QCoreApplication.translate("DestinationEditor", "Adopted on"),
        "expires": QCoreApplication.translate("DestinationEditor", "Expires or review due on"),
        "source_url": QCoreApplication.translate("DestinationEditor", "Source (URL)"),
        "notes": QCoreApplication.translate("DestinationEditor", "Notes"),
        "verified": QCoreApplication.translate("DestinationEditor", "Verified"),
        "last_verified": QCoreApplication.translate("DestinationEditor", "Last verified on"),
        "key": QCoreApplication.translate("DestinationEditor", "Key"),
        "in_force": QCoreApplication.translate("DestinationEditor", "In force from"),
        "scope_limits": QCoreApplication.translate("DestinationEditor", "Scope questions"),
        "name": QCoreApplication.translate("DestinationEditor", "Name"),
        "problematic": QCoreApplication.translate("DestinationEditor", "Problematic"),
        "reason": QCoreApplication.translate("DestinationEditor", "Reason"),
        "scope": QCoreApplication.translate("DestinationEditor", "Scope"),
        "sources": QCoreApplication.translate("DestinationEditor", "Sources (one URL a line)"),
        "has_protection_system": QCoreApplication.translate(
            "DestinationEditor", "Has a data-protection system"
        ),
        "system_summary": QCoreApplication.translate("DestinationEditor", "The system in brief"),
        "oecd_principles_covered": QCoreApplication.translate("DestinationEditor", "OECD principles covered"),
        "oecd_gaps": QCoreApplication.translate("DestinationEditor", "Gaps against the OECD principles"),
        "cbpr": QCoreApplication.translate("DestinationEditor", "CBPR membership"),
        "localisation_duties": QCoreApplication.translate("DestinationEditor", "Data localisation duties"),
        "government_cooperation_duties": QCoreApplication.translate(
            "DestinationEditor", "Duties to cooperate with the government"
        ),
    }
    return labels.get(name, name)


def describe_location(location: str, law_names: Mapping[str, str] | None = None) -> str:
    """`destinations[US].regimes.EU.condition` → "EU GDPR — Condition (who is covered)"; a law by its name
    from `law_names` (key → name: a law's key is internal, issue 18)."""
    rest = (
        location.split("].", 1)[1] if location.startswith("destinations[") and "]." in location else location
    )
    if rest.startswith("regimes."):
        parts = rest.split(".")
        return f"{regime_short_name(parts[1])} — {field_label(parts[-1])}" if len(parts) > 2 else rest
    if rest.startswith("access_laws["):
        key = rest[len("access_laws[") :].split("]", 1)[0]
        last = rest.rsplit(".", 1)[-1] if "]." in rest else ""
        law = QCoreApplication.translate("DestinationEditor", "Law")
        name = (law_names or {}).get(key) or key
        return f"{law} {name} — {field_label(last)}" if last else f"{law} {name}"
    if rest.startswith("appi."):
        return f"APPI — {field_label(rest.split('.', 1)[1])}"
    return field_label(rest)


def short_location(location: str) -> str:
    """The location without the `destinations[XX].` prefix."""
    if location.startswith("destinations[") and "]." in location:
        return location.split("].", 1)[1]
    return location


def parse_date(text: str) -> tuple[dt.date | None, str | None]:
    text = text.strip()
    if not text:
        return None, None
    try:
        return dt.date.fromisoformat(text), None
    except ValueError:
        return None, QCoreApplication.translate(
            "DestinationEditor", "Write the date as YYYY-MM-DD, e.g. 2026-07-10."
        )


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _date_text(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


class DestinationEditor(QWidget):
    """Edits a working copy of one destination; `changed()` after every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("destinationEditor")
        self._original: Destination | None = None
        self._entries: dict[str, RegimeEntry] = {}
        self._laws: list[AccessLaw] = []
        self._appi: AppiInfo | None = None
        self._regimes: Mapping[str, Regime] = {}
        self._local: dict[str, str] = {}  # location → problem found here (dates as typed)
        self._typed: dict[str, str] = {}  # location → the unparsable text, shown again on return
        self._service_problems: list[Problem] = []
        self._loading = False
        self._current_regime = ""
        self._current_law = -1
        self.conflict_dialog: ConflictChooser | None = None

        self.problems_box = QLabel(self)
        self.problems_box.setObjectName("editorProblems")
        self.problems_box.setWordWrap(True)
        self.problems_box.setStyleSheet(ERROR_BANNER)
        self.problems_box.hide()

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("editorTabs")
        self.tabs.addTab(self._regimes_tab(), self.tr("Status per regime"))
        self.tabs.addTab(self._laws_tab(), self.tr("Government access"))
        self.tabs.addTab(self._appi_tab(), self.tr("APPI information"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.problems_box)
        lay.addWidget(self.tabs, 1)
        name_from_labels(self)  # screen readers name each field after its label

    # ---- building the tabs -----------------------------------------------------------------------------

    def _regimes_tab(self) -> QWidget:
        page = QWidget(self)
        self.regime_model = RowsModel([self.tr("Regime"), self.tr("Status")], self)
        self.regime_table = table_view(
            self.regime_model, page, "regimeTable", stretch=0, accessible=self.tr("Status under each regime")
        )
        self.regime_table.setMaximumHeight(184)  # the five regimes without scrolling
        self.regime_table.selectionModel().selectionChanged.connect(self._regime_selected)
        self.regime_problems = ProblemLabels()
        form_host = QWidget(page)
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
        self.verified = QCheckBox(self.tr("Checked against the source"), form_host)
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
            label = self.regime_problems.add(name, problem_label(form_host, f"regime_{name}"))
            form.addRow(field_label(name) + ":", with_problem(widgets[name], label))
        self.status.currentIndexChanged.connect(self._regime_edited)
        self.verified.toggled.connect(self._regime_edited)
        for edit in (
            self.condition,
            self.instrument,
            self.adopted,
            self.expires,
            self.source_url,
            self.last_verified,
        ):
            edit.textChanged.connect(self._regime_edited)
        self.notes.textChanged.connect(self._regime_edited)
        self.regime_heading = QLabel(form_host)
        self.regime_heading.setStyleSheet("font-weight: 600;")
        right = QWidget(page)
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.addWidget(self.regime_heading)
        right_lay.addWidget(_scrolled(form_host), 1)
        lay = QVBoxLayout(page)
        lay.addWidget(self.regime_table)
        lay.addWidget(right, 1)
        return page

    def _laws_tab(self) -> QWidget:
        page = QWidget(self)
        self.law_model = RowsModel([self.tr("Law"), self.tr("Problematic")], self)
        self.law_table = table_view(
            self.law_model, page, "lawTable", stretch=0, accessible=self.tr("Government-access laws")
        )
        self.law_table.selectionModel().selectionChanged.connect(self._law_selected)
        self.add_law_button = QPushButton(self.tr("Add a law"), page)
        self.add_law_button.setObjectName("addLaw")
        self.add_law_button.clicked.connect(self.add_law)
        self.remove_law_button = QPushButton(self.tr("Remove the law"), page)
        self.remove_law_button.setObjectName("removeLaw")
        self.remove_law_button.clicked.connect(self.remove_law)
        self.law_problems = ProblemLabels()
        form_host = QWidget(page)
        form = QFormLayout(form_host)
        self.law_name = QLineEdit(form_host)
        self.law_name.setObjectName("lawName")
        self.law_problematic = QCheckBox(
            self.tr("Problematic against the European Essential Guarantees"), form_host
        )
        self.law_problematic.setObjectName("lawProblematic")
        self.law_reason = QPlainTextEdit(form_host)
        self.law_reason.setObjectName("lawReason")
        self.law_reason.setTabChangesFocus(True)
        self.law_scope = QLineEdit(form_host)
        self.law_scope.setObjectName("lawScope")
        self.law_sources = QPlainTextEdit(form_host)
        self.law_sources.setObjectName("lawSources")
        self.law_sources.setMaximumHeight(80)
        self.law_sources.setTabChangesFocus(True)
        widgets: dict[str, QWidget] = {
            "name": self.law_name,
            "problematic": self.law_problematic,
            "reason": self.law_reason,
            "scope": self.law_scope,
            "sources": self.law_sources,
        }
        for name in LAW_FIELDS:
            label = self.law_problems.add(name, problem_label(form_host, f"law_{name}"))
            form.addRow(field_label(name) + ":", with_problem(widgets[name], label))
        for edit in (self.law_name, self.law_scope):
            edit.textChanged.connect(self._law_edited)
        self.law_problematic.toggled.connect(self._law_edited)
        self.law_reason.textChanged.connect(self._law_edited)
        self.law_sources.textChanged.connect(self._law_edited)
        self.law_form = form_host
        left = QWidget(page)
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.law_table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_law_button)
        buttons.addWidget(self.remove_law_button)
        left_lay.addLayout(buttons)
        # The list above the form, both the editor's full width: side by side at 1280 pixels the law names
        # were cut off and the form scrolled sideways.
        split = QSplitter(Qt.Orientation.Vertical, page)
        split.addWidget(left)
        split.addWidget(_scrolled(form_host))
        split.setStretchFactor(1, 1)
        split.setSizes([200, 450])
        lay = QVBoxLayout(page)
        lay.addWidget(split)
        return page

    def _appi_tab(self) -> QWidget:
        page = QWidget(self)
        self.appi_present = QCheckBox(self.tr("Record the APPI information items for this destination"), page)
        self.appi_present.setObjectName("appiPresent")
        self.appi_present.toggled.connect(self._appi_edited)
        self.appi_problems = ProblemLabels()
        form_host = QWidget(page)
        form = QFormLayout(form_host)
        self.appi_system = QComboBox(form_host)
        self.appi_system.setObjectName("appiSystem")
        self.appi_system.addItem(self.tr("Unknown"), None)
        self.appi_system.addItem(self.tr("Yes"), True)
        self.appi_system.addItem(self.tr("No"), False)
        self.appi_summary = QPlainTextEdit(form_host)
        self.appi_summary.setObjectName("appiSummary")
        # One box per principle, named as people read it; the country data keeps the keys (issue 18).
        self.appi_oecd = QWidget(form_host)
        self.appi_oecd.setObjectName("appiOecd")
        oecd_grid = QGridLayout(self.appi_oecd)
        oecd_grid.setContentsMargins(0, 0, 0, 0)
        self.appi_oecd_boxes: dict[str, QCheckBox] = {}
        for index, key in enumerate(oecd.PRINCIPLES):
            box = QCheckBox(term(f"oecd.{key}"), self.appi_oecd)
            box.setObjectName(f"appiOecd-{index}")
            box.toggled.connect(self._appi_edited)
            oecd_grid.addWidget(box, index // 2, index % 2)
            self.appi_oecd_boxes[key] = box
        self.appi_gaps = QPlainTextEdit(form_host)
        self.appi_gaps.setObjectName("appiGaps")
        self.appi_cbpr = QComboBox(form_host)
        self.appi_cbpr.setObjectName("appiCbpr")
        self.appi_cbpr.setEditable(True)
        for choice in CBPR_CHOICES:
            self.appi_cbpr.addItem(choice or self.tr("None"), choice)
        self.appi_localisation = QPlainTextEdit(form_host)
        self.appi_localisation.setObjectName("appiLocalisation")
        self.appi_cooperation = QPlainTextEdit(form_host)
        self.appi_cooperation.setObjectName("appiCooperation")
        self.appi_sources = QPlainTextEdit(form_host)
        self.appi_sources.setObjectName("appiSources")
        self.appi_verified = QCheckBox(self.tr("Checked against the sources"), form_host)
        self.appi_verified.setObjectName("appiVerified")
        texts = (
            self.appi_summary,
            self.appi_gaps,
            self.appi_localisation,
            self.appi_cooperation,
            self.appi_sources,
        )
        for text in texts:
            text.setMaximumHeight(64)
            text.setTabChangesFocus(True)
            text.textChanged.connect(self._appi_edited)
        widgets: dict[str, QWidget] = {
            "has_protection_system": self.appi_system,
            "system_summary": self.appi_summary,
            "oecd_principles_covered": self.appi_oecd,
            "oecd_gaps": self.appi_gaps,
            "cbpr": self.appi_cbpr,
            "localisation_duties": self.appi_localisation,
            "government_cooperation_duties": self.appi_cooperation,
            "sources": self.appi_sources,
            "verified": self.appi_verified,
        }
        for name in APPI_FIELDS:
            label = self.appi_problems.add(name, problem_label(form_host, f"appi_{name}"))
            form.addRow(field_label(name) + ":", with_problem(widgets[name], label))
        self.appi_system.currentIndexChanged.connect(self._appi_edited)
        self.appi_cbpr.currentTextChanged.connect(self._appi_edited)
        self.appi_verified.toggled.connect(self._appi_edited)
        self.appi_form = form_host
        lay = QVBoxLayout(page)
        lay.addWidget(self.appi_present)
        lay.addWidget(_scrolled(form_host), 1)
        return page

    # ---- loading and the working copy ------------------------------------------------------------------

    def load(self, dest: Destination) -> None:
        self._original = dest
        self._entries = dict(dest.regimes)
        self._laws = list(dest.access_laws)
        self._appi = dest.appi
        self._local = {}
        self._typed = {}
        self._service_problems = []
        self._loading = True
        try:
            self.appi_present.setChecked(dest.appi is not None)
            self._fill_appi(dest.appi or AppiInfo())
        finally:
            self._loading = False
        self._refresh_regime_rows()
        keep = self._current_regime if self._current_regime in self._entries else ""
        self._current_regime = ""
        row = self.regime_model.row_of(keep) if keep else 0
        self.regime_table.selectRow(max(0, row))
        self._refresh_law_rows()
        self._current_law = -1
        if self._laws:
            self.law_table.selectRow(0)
        else:
            self._show_law(-1)
        self._refresh_problems()

    @property
    def original(self) -> Destination | None:
        return self._original

    def working(self) -> Destination | None:
        if self._original is None:
            return None
        return dataclasses.replace(
            self._original,
            regimes=dict(self._entries),
            access_laws=tuple(self._laws),
            appi=self._appi,
        )

    def is_dirty(self) -> bool:
        working = self.working()
        return working is not None and working != self._original

    def local_problems(self) -> list[Problem]:
        return [Problem(location, message) for location, message in sorted(self._local.items())]

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """The core's problems (from a refused save), shown beside their fields and listed on top."""
        self._service_problems = list(problems)
        self._refresh_problems()
        first = short_location(problems[0].location) if problems else ""
        if first.startswith("regimes."):
            regime = first.split(".")[1]
            self.tabs.setCurrentIndex(REGIMES_TAB)
            row = self.regime_model.row_of(regime)
            if row >= 0:
                self.regime_table.selectRow(row)
        elif first.startswith("access_laws["):
            self.tabs.setCurrentIndex(LAWS_TAB)
            key = first[len("access_laws[") :].split("]", 1)[0]
            for i, law in enumerate(self._laws):
                if law.key == key:
                    self.law_table.selectRow(i)
        elif first.startswith("appi."):
            self.tabs.setCurrentIndex(APPI_TAB)

    def problem_text(self, location: str) -> str:
        """The text beside a field: "regime.condition", "law.sources", "appi.sources"."""
        group, _, name = location.partition(".")
        labels = {"regime": self.regime_problems, "law": self.law_problems, "appi": self.appi_problems}[group]
        return labels.text(name)

    def _all_problems(self) -> list[Problem]:
        return [*self.local_problems(), *self._service_problems]

    def _refresh_problems(self) -> None:
        problems = self._all_problems()
        law_key = self._laws[self._current_law].key if 0 <= self._current_law < len(self._laws) else None

        def regime_field(location: str) -> str | None:
            parts = short_location(location).split(".")
            if len(parts) == 3 and parts[0] == "regimes" and parts[1] == self._current_regime:
                return parts[2]
            return None

        def law_field(location: str) -> str | None:
            rest = short_location(location)
            prefix = f"access_laws[{law_key}]."
            return rest[len(prefix) :] if law_key is not None and rest.startswith(prefix) else None

        def appi_field(location: str) -> str | None:
            rest = short_location(location)
            return rest[len("appi.") :] if rest.startswith("appi.") else None

        self.regime_problems.show(problems, regime_field)
        self.law_problems.show(problems, law_field)
        self.appi_problems.show(problems, appi_field)
        if problems:
            names = {law.key: law.name for law in self._laws}
            lines = [f"• {describe_location(p.location, names)}: {p.message}" for p in problems]
            self.problems_box.setText(self.tr("Correct these before saving:") + "\n" + "\n".join(lines))
            self.problems_box.show()
        else:
            self.problems_box.hide()

    def _edited(self) -> None:
        # An edit answers the problems the last save attempt reported; they are checked again on save.
        self._service_problems = []
        self._refresh_problems()
        self.changed.emit()

    # ---- regimes -----------------------------------------------------------------------------------

    def _refresh_regime_rows(self) -> None:
        rows, keys = [], []
        for code, entry in self._entries.items():
            colour = STATUS_BACKGROUND.get(entry.status)
            changed = self._original is not None and self._original.regimes.get(code) != entry
            name = regime_short_name(code) + (" *" if changed else "")
            rows.append(
                [Cell(name), Cell(adequacy_label(entry.status), background=colour, tooltip=entry.condition)]
            )
            keys.append(code)
        selected = self._current_regime
        self.regime_model.set_rows(rows, keys)
        if selected:
            row = self.regime_model.row_of(selected)
            if row >= 0:
                self._loading = True
                self.regime_table.selectRow(row)
                self._loading = False

    def _regime_selected(self, _s: QItemSelection, _d: QItemSelection) -> None:
        if self._loading:
            return
        row = selected_row(self.regime_table)
        code = self.regime_model.key(row)
        if code is None or code == self._current_regime:
            return
        self._current_regime = code
        self._show_regime(code)

    def select_regime(self, code: str) -> None:
        row = self.regime_model.row_of(code)
        if row >= 0:
            self.regime_table.selectRow(row)

    def _show_regime(self, code: str) -> None:
        entry = self._entries[code]
        self._loading = True
        try:
            self.regime_heading.setText(regime_short_name(code))
            self.status.setCurrentIndex(max(0, self.status.findData(entry.status)))
            self.condition.setText(entry.condition)
            self.instrument.setText(entry.instrument)
            self.adopted.setText(self._local_text(f"regimes.{code}.adopted", _date_text(entry.adopted)))
            self.expires.setText(self._local_text(f"regimes.{code}.expires", _date_text(entry.expires)))
            self.source_url.setText(entry.source_url)
            self.notes.setPlainText(entry.notes)
            self.verified.setChecked(entry.verified)
            self.last_verified.setText(
                self._local_text(f"regimes.{code}.last_verified", _date_text(entry.last_verified))
            )
            for edit in (self.condition, self.instrument, self.source_url):
                edit.setCursorPosition(0)  # show the start of long texts
        finally:
            self._loading = False
        self._refresh_problems()

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

    def _regime_edited(self, *_args: Any) -> None:
        code = self._current_regime
        if self._loading or not code:
            return
        old = self._entries[code]
        where = f"regimes.{code}"
        self._entries[code] = dataclasses.replace(
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
        self._refresh_regime_rows()
        self._edited()

    # ---- laws -------------------------------------------------------------------------------------

    def _refresh_law_rows(self) -> None:
        rows = [
            [
                Cell(law.name or law.key, tooltip=law.reason),
                Cell(
                    self.tr("Yes") if law.problematic else self.tr("No"),
                    background="#f6d5d2" if law.problematic else None,
                ),
            ]
            for law in self._laws
        ]
        self.law_model.set_rows(rows, list(range(len(self._laws))))
        if 0 <= self._current_law < len(self._laws):
            self._loading = True
            self.law_table.selectRow(self._current_law)
            self._loading = False

    def _law_selected(self, _s: QItemSelection, _d: QItemSelection) -> None:
        if self._loading:
            return
        self._show_law(selected_row(self.law_table))

    def _show_law(self, row: int) -> None:
        self._current_law = row
        law = self._laws[row] if 0 <= row < len(self._laws) else None
        self.law_form.setEnabled(law is not None)
        self.remove_law_button.setEnabled(law is not None)
        self._loading = True
        try:
            self.law_name.setText(law.name if law else "")
            self.law_problematic.setChecked(bool(law and law.problematic))
            self.law_reason.setPlainText(law.reason if law else "")
            self.law_scope.setText(law.scope if law else "")
            self.law_sources.setPlainText("\n".join(law.sources) if law else "")
        finally:
            self._loading = False
        self._refresh_problems()

    def _law_edited(self, *_args: Any) -> None:
        row = self._current_law
        if self._loading or not 0 <= row < len(self._laws):
            return
        self._laws[row] = AccessLaw(
            key=self._laws[row].key,
            name=self.law_name.text(),
            problematic=self.law_problematic.isChecked(),
            reason=self.law_reason.toPlainText(),
            sources=_lines(self.law_sources.toPlainText()),
            scope=self.law_scope.text(),
        )
        self._refresh_law_rows()
        self._edited()

    def add_law(self) -> None:
        taken = {law.key for law in self._laws}
        n = len(self._laws) + 1
        while f"law{n}" in taken:
            n += 1
        self._laws.append(AccessLaw(key=f"law{n}", name=self.tr("New law"), problematic=False, reason=""))
        self._current_law = len(self._laws) - 1
        self._refresh_law_rows()
        self._show_law(self._current_law)
        self.tabs.setCurrentIndex(LAWS_TAB)
        self.law_name.setFocus()
        self.law_name.selectAll()
        self._edited()

    def remove_law(self) -> None:
        row = self._current_law
        if not 0 <= row < len(self._laws):
            return
        del self._laws[row]
        self._current_law = min(row, len(self._laws) - 1)
        self._refresh_law_rows()
        self._show_law(self._current_law)
        self._edited()

    # ---- APPI -------------------------------------------------------------------------------------

    def _fill_appi(self, info: AppiInfo) -> None:
        self.appi_system.setCurrentIndex(max(0, self.appi_system.findData(info.has_protection_system)))
        if info.has_protection_system is None:
            self.appi_system.setCurrentIndex(0)
        self.appi_summary.setPlainText(info.system_summary)
        for key, box in self.appi_oecd_boxes.items():
            box.setChecked(key in info.oecd_principles_covered)
        self.appi_gaps.setPlainText(info.oecd_gaps)
        index = self.appi_cbpr.findData(info.cbpr)
        if index >= 0:
            self.appi_cbpr.setCurrentIndex(index)
        else:
            self.appi_cbpr.setEditText(info.cbpr)
        self.appi_localisation.setPlainText(info.localisation_duties)
        self.appi_cooperation.setPlainText(info.government_cooperation_duties)
        self.appi_sources.setPlainText("\n".join(info.sources))
        self.appi_verified.setChecked(info.verified)
        self.appi_form.setEnabled(self.appi_present.isChecked())

    def _cbpr_value(self) -> str:
        index = self.appi_cbpr.currentIndex()
        text = self.appi_cbpr.currentText()
        if index >= 0 and self.appi_cbpr.itemText(index) == text:
            return str(self.appi_cbpr.itemData(index) or "")
        return text.strip()

    def _appi_edited(self, *_args: Any) -> None:
        if self._loading:
            return
        present = self.appi_present.isChecked()
        self.appi_form.setEnabled(present)
        if not present:
            self._appi = None
        else:
            system = self.appi_system.currentData()
            self._appi = AppiInfo(
                has_protection_system=system if isinstance(system, bool) else None,
                system_summary=self.appi_summary.toPlainText(),
                oecd_principles_covered=tuple(k for k, box in self.appi_oecd_boxes.items() if box.isChecked()),
                oecd_gaps=self.appi_gaps.toPlainText(),
                cbpr=self._cbpr_value(),
                localisation_duties=self.appi_localisation.toPlainText(),
                government_cooperation_duties=self.appi_cooperation.toPlainText(),
                sources=_lines(self.appi_sources.toPlainText()),
                verified=self.appi_verified.isChecked(),
            )
        self._edited()

    # ---- someone else saved first ----------------------------------------------------------------------

    def resolve_conflict(
        self, exc: BaseException, resave: Callable[[], None], discard: Callable[[Destination], None]
    ) -> bool:
        """On a ConflictError carrying their destination: show both versions (False for anything else).
        Keep mine / use my choices rebase the working copy on their version and call `resave`; keep
        theirs calls `discard(theirs)`."""
        mine = self.working()
        theirs = exc.theirs if isinstance(exc, ConflictError) else None
        if not isinstance(theirs, Destination) or mine is None or self.conflict_dialog is not None:
            return isinstance(theirs, Destination)
        assert isinstance(exc, ConflictError)
        intro = "\n\n".join(
            [
                exc.message,
                self.tr(
                    "The other version (%1) was saved first and is kept unless you choose otherwise. "
                    "Below is every part that differs; choosing re-saves against that version."
                ).replace("%1", str(theirs.version)),
            ]
        )
        labels = self._part_labels()
        mine_parts, theirs_parts = destination_parts(mine), destination_parts(theirs)
        diffs = [
            FieldDiff(key, labels(key), _show(mine_parts.get(key)), _show(theirs_parts.get(key)))
            for key in sorted(mine_parts.keys() | theirs_parts.keys())
            if mine_parts.get(key) != theirs_parts.get(key)
        ]
        dialog = ConflictChooser(intro, diffs, self)
        self.conflict_dialog = dialog

        def answer(which: str) -> None:
            self.conflict_dialog = None
            if which == KEEP_THEIRS:
                discard(theirs)
                return
            choices = dialog.choices() if which == USE_CHOICES else {}
            self.rebase(theirs, merge_destination(mine, theirs, choices))
            resave()

        dialog.chosen.connect(answer)
        dialog.open()
        return True

    def rebase(self, theirs: Destination, working: Destination) -> None:
        """Edit `working` as a change to `theirs` (so the next save expects their version)."""
        self.load(dataclasses.replace(working, version=theirs.version))
        self._original = theirs
        self.changed.emit()

    def _part_labels(self) -> Callable[[str], str]:
        names = {
            "name_en": self.tr("English name"),
            "name_ja": self.tr("Japanese name"),
            "kind": self.tr("Kind"),
            "access_laws": self.tr("Government access laws"),
            "appi": self.tr("APPI information"),
        }

        def label(key: str) -> str:
            if key.startswith("regimes."):
                return self.tr("Status under %1").replace("%1", regime_short_name(key.split(".", 1)[1]))
            return names.get(key, key)

        return label


def _show(part: object) -> str:
    """A part of a destination as the conflict dialog shows it: labelled lines, never field keys (issue 18)."""
    if isinstance(part, RegimeEntry):
        return _labelled(serialize.regime_entry_to_dict(part))
    if isinstance(part, AppiInfo):
        return _labelled(serialize.appi_to_dict(part))
    if isinstance(part, tuple):
        laws = [x for x in part if isinstance(x, AccessLaw)]
        return "\n\n".join(_labelled(serialize.access_law_to_dict(x), skip=("key",)) for x in laws) or "—"
    return "—" if part in (None, "") else str(part)


def _labelled(fields: Mapping[str, Any], skip: Sequence[str] = ()) -> str:
    lines = [
        f"{field_label(name)}: {_shown_value(name, value)}"
        for name, value in fields.items()
        if name not in skip and value not in (None, "", [], ())
    ]
    return "\n".join(lines) or "—"


def _shown_value(name: str, value: object) -> str:
    if isinstance(value, bool):
        return QCoreApplication.translate("CountryHistory", "Yes" if value else "No")
    if name == "status" and isinstance(value, str):
        try:
            return adequacy_label(AdequacyStatus(value))
        except ValueError:
            return value
    if name == "oecd_principles_covered" and isinstance(value, list):
        return ", ".join(term(f"oecd.{key}") for key in value)
    if name == "scope_limits" and isinstance(value, list):
        return "; ".join(str(q.get("question_en", "")) for q in value if isinstance(q, dict))
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea(widget.parentWidget())
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area
