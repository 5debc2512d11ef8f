"""The editor of one destination's country data, one tab each: its status under each regime
(`destination_regimes.py`), the government-access laws (`destination_laws.py`) and the APPI information
items (`destination_appi.py`). It edits a working copy; the countries page saves it with a reason.

Problems come from two places and show beside their fields: dates that do not parse (checked here, as
typed) and the core's validation (`ValidationError.problems`, located like
`destinations[US].regimes.EU.condition`), which the page hands to `show_problems`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from transfer_tool.countries.merge import destination_parts, merge_destination
from transfer_tool.countries.model import Destination
from transfer_tool.errors import ConflictError, Problem
from transfer_tool.register.conflicts import KEEP_THEIRS, USE_CHOICES
from ui.accessibility import name_from_labels
from ui.admin.common import ERROR_BANNER
from ui.admin.destination_appi import AppiTab
from ui.admin.destination_conflict import part_label, shown_part
from ui.admin.destination_fields import describe_location, short_location
from ui.admin.destination_laws import LawsTab
from ui.admin.destination_regimes import RegimesTab
from ui.widgets.conflict_view import ConflictChooser, FieldDiff

REGIMES_TAB, LAWS_TAB, APPI_TAB = 0, 1, 2


class DestinationEditor(QWidget):
    """Edits a working copy of one destination; `changed()` after every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("destinationEditor")
        self._original: Destination | None = None
        self._service_problems: list[Problem] = []
        self.conflict_dialog: ConflictChooser | None = None

        self.problems_box = QLabel(self)
        self.problems_box.setObjectName("editorProblems")
        self.problems_box.setWordWrap(True)
        self.problems_box.setStyleSheet(ERROR_BANNER)
        self.problems_box.hide()

        self.regimes_tab = RegimesTab(self)
        self.laws_tab = LawsTab(self)
        self.appi_tab = AppiTab(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("editorTabs")
        self.tabs.addTab(self.regimes_tab, self.tr("Status per regime"))
        self.tabs.addTab(self.laws_tab, self.tr("Government access"))
        self.tabs.addTab(self.appi_tab, self.tr("APPI information"))
        for tab in (self.regimes_tab, self.laws_tab, self.appi_tab):
            tab.edited.connect(self._edited)
        self.regimes_tab.shown.connect(self._refresh_problems)
        self.laws_tab.shown.connect(self._refresh_problems)
        self.laws_tab.add_button.clicked.connect(self.add_law)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.problems_box)
        lay.addWidget(self.tabs, 1)
        name_from_labels(self)  # screen readers name each field after its label

    # ---- loading and the working copy ------------------------------------------------------------------

    def load(self, dest: Destination) -> None:
        self._original = dest
        self._service_problems = []
        self.appi_tab.load(dest.appi)
        self.regimes_tab.load(dest.regimes, dest.regimes)
        self.laws_tab.load(dest.access_laws)
        self._refresh_problems()

    @property
    def original(self) -> Destination | None:
        return self._original

    def working(self) -> Destination | None:
        if self._original is None:
            return None
        return dataclasses.replace(
            self._original,
            regimes=dict(self.regimes_tab.entries),
            access_laws=tuple(self.laws_tab.laws),
            appi=self.appi_tab.info,
        )

    def is_dirty(self) -> bool:
        working = self.working()
        return working is not None and working != self._original

    def local_problems(self) -> list[Problem]:
        return self.regimes_tab.local_problems()

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """The core's problems (from a refused save), shown beside their fields and listed on top."""
        self._service_problems = list(problems)
        self._refresh_problems()
        first = short_location(problems[0].location) if problems else ""
        if first.startswith("regimes."):
            self.tabs.setCurrentIndex(REGIMES_TAB)
            self.regimes_tab.select_regime(first.split(".")[1])
        elif first.startswith("access_laws["):
            self.tabs.setCurrentIndex(LAWS_TAB)
            self.laws_tab.select_key(first[len("access_laws[") :].split("]", 1)[0])
        elif first.startswith("appi."):
            self.tabs.setCurrentIndex(APPI_TAB)

    def problem_text(self, location: str) -> str:
        """The text beside a field: "regime.condition", "law.sources", "appi.sources"."""
        group, _, name = location.partition(".")
        labels = {
            "regime": self.regimes_tab.problems,
            "law": self.laws_tab.problems,
            "appi": self.appi_tab.problems,
        }[group]
        return labels.text(name)

    def select_regime(self, code: str) -> None:
        self.regimes_tab.select_regime(code)

    def add_law(self) -> None:
        self.laws_tab.add_law()
        self.tabs.setCurrentIndex(LAWS_TAB)
        self.laws_tab.name.setFocus()
        self.laws_tab.name.selectAll()
        self._edited()

    def remove_law(self) -> None:
        self.laws_tab.remove_law()

    def _refresh_problems(self) -> None:
        problems = [*self.local_problems(), *self._service_problems]
        self.regimes_tab.show_problems(problems)
        self.laws_tab.show_problems(problems)
        self.appi_tab.show_problems(problems)
        if problems:
            names = {law.key: law.name for law in self.laws_tab.laws}
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
        mine_parts, theirs_parts = destination_parts(mine), destination_parts(theirs)
        diffs = [
            FieldDiff(
                key, part_label(key), shown_part(mine_parts.get(key)), shown_part(theirs_parts.get(key))
            )
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
        self.regimes_tab.baseline = theirs.regimes
        self.changed.emit()
