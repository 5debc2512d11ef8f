"""Administration of country data: every destination with its status per regime (colour and words), the
editor, what a change would flag before saving and what it flagged after, history with a side-by-side
diff, import (dry run, then apply) and export."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.accounts.permissions import Actor
from transfer_tool.countries import store
from transfer_tool.countries.impact import StatusChange, status_changes
from transfer_tool.countries.model import Destination, Regime
from transfer_tool.countries.store import FlagView, UpdateResult
from transfer_tool.errors import ValidationError
from transfer_tool.runtime.bootstrap import DatabaseHandle
from ui import settings as keys
from ui.accessibility import name_from_labels
from ui.admin.common import (
    NOTICE_BANNER,
    Cell,
    MessageLine,
    RowsModel,
    problem_label,
    report_failure,
    table_view,
    with_problem,
    wrap_rows,
)
from ui.admin.country_history import HistoryPanel, change_text
from ui.admin.country_import import CheckedImport, ImportPreviewDialog, dry_run
from ui.admin.destination_editor import DestinationEditor
from ui.admin.destination_fields import file_problem_line
from ui.i18n import regime_short_name
from ui.models.country_model import CodeRole, CountryLine, CountryTableModel
from ui.services import COUNTRIES, TRANSFERS, Services
from ui.terms import core_text

Index = QModelIndex | QPersistentModelIndex
HISTORY_TAB, FLAGS_TAB = 3, 4
MAX_IMPORT_BYTES = store.MAX_IMPORT_BYTES


class DestinationFilter(QSortFilterProxyModel):
    """Keeps destinations whose code or English or Japanese name contains the typed text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._searchable: dict[str, str] = {}  # code → "code english 日本語", folded

    def set_lines(self, lines: list[CountryLine]) -> None:
        self.beginFilterChange()
        self._searchable = {x.code: f"{x.code} {x.name_en} {x.name_ja}".casefold() for x in lines}
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._text:
            return True
        model = self.sourceModel()
        assert isinstance(model, CountryTableModel)
        return self._text in self._searchable.get(model.code(source_row), "")


@dataclass(frozen=True)
class _Loaded:
    destinations: list[Destination]
    regimes: dict[str, Regime]


@dataclass(frozen=True)
class _Saved:
    result: UpdateResult
    flags: list[FlagView]


def _save(db: DatabaseHandle, actor: Actor, working: Destination, reason: str, expected: int) -> _Saved:
    result = store.update_destination(db, actor, working, reason=reason, expected_version=expected)
    version = result.destination.version
    flags = (
        [f for f in store.open_flags(db) if f.destination == working.code and f.version_after == version]
        if result.flagged
        else []
    )
    return _Saved(result, flags)


class CountriesPage(QWidget):
    loaded = Signal()
    destination_loaded = Signal(str)
    saved = Signal(object)  # UpdateResult
    impact_checked = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countriesPage")
        self.services = services
        self.destinations: dict[str, Destination] = {}
        self._impact_cache: dict[tuple[str, str], int] = {}
        self._selecting = False
        self._import_dialog: ImportPreviewDialog | None = None

        self.filter = QLineEdit(self)
        self.filter.setObjectName("countryFilter")
        self.filter.setAccessibleName(self.tr("Filter destinations"))
        self.filter.setPlaceholderText(self.tr("Filter by name or code (English or 日本語)"))
        self.filter.setClearButtonEnabled(True)
        self.import_button = QPushButton(self.tr("&Import…"), self)
        self.import_button.setObjectName("importCountries")
        self.import_button.clicked.connect(self.choose_import)
        self.export_button = QPushButton(self.tr("E&xport…"), self)
        self.export_button.setObjectName("exportCountries")
        self.export_button.clicked.connect(self.choose_export)

        self.model = CountryTableModel(services.language, self)
        self.proxy = DestinationFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter.textChanged.connect(self.proxy.set_text)
        self.table = QTableView(self)
        self.table.setObjectName("destinationTable")
        self.table.setAccessibleName(self.tr("Destinations"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The name keeps a readable width; long status words (Japanese) scroll sideways instead.
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setMinimumSectionSize(40)
        self.table.setColumnWidth(0, 150)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.heading = QLabel(self)
        self.heading.setObjectName("destinationHeading")
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.editor = DestinationEditor(self)
        self.editor.changed.connect(self._edited)
        self.history = HistoryPanel(services, self)
        self.editor.tabs.addTab(self.history, self.tr("History"))
        self.flag_model = RowsModel(
            [self.tr("Transfer"), self.tr("Regime"), self.tr("Why it must be re-assessed")], self
        )
        self.flag_table = table_view(
            self.flag_model,
            self,
            "flaggedTransfers",
            stretch=2,
            accessible=self.tr("Transfers flagged for re-assessment"),
        )
        wrap_rows(self.flag_table)
        flags_page = QWidget(self)
        self.flags_note = QLabel(self.tr("Transfers flagged by your last save appear here."), flags_page)
        self.flags_note.setWordWrap(True)
        flags_lay = QVBoxLayout(flags_page)
        flags_lay.addWidget(self.flags_note)
        flags_lay.addWidget(self.flag_table, 1)
        self.editor.tabs.addTab(flags_page, self.tr("Flagged transfers"))

        self.reason = QLineEdit(self)
        self.reason.setObjectName("changeReason")
        self.reason.setPlaceholderText(
            self.tr("Required: why the data changes, e.g. 'CJEU annulled the decision'")
        )
        self.reason_problem = problem_label(self, "reason")
        self.reason.textChanged.connect(self._update_buttons)
        self.impact = QLabel(self)
        self.impact.setObjectName("impactNote")
        self.impact.setWordWrap(True)
        self.impact.setStyleSheet(NOTICE_BANNER)
        self.impact.hide()
        self.discard_button = QPushButton(self.tr("Discard changes"), self)
        self.discard_button.setObjectName("discardChanges")
        self.discard_button.clicked.connect(self.discard)
        self.save_button = QPushButton(self.tr("&Save as a new version"), self)
        self.save_button.setObjectName("saveDestination")
        self.save_button.clicked.connect(self.save)
        self.message = MessageLine(self, "countriesMessage")

        reason_form = QFormLayout()
        reason_form.addRow(self.tr("Reason for the change:"), with_problem(self.reason, self.reason_problem))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)
        right = QWidget(self)
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.addWidget(self.heading)
        right_lay.addWidget(self.editor, 1)
        right_lay.addLayout(reason_form)
        right_lay.addWidget(self.impact)
        right_lay.addLayout(buttons)
        right_lay.addWidget(self.message)

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        left = QWidget(self)
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addLayout(top)
        left_lay.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([620, 640])
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        self.editor.setEnabled(False)
        self._update_buttons()
        self.reload()
        name_from_labels(self)  # screen readers name each field after its label

    # ---- the list -----------------------------------------------------------------------------------

    def reload(self) -> None:
        self.services.worker.submit(
            lambda db: _Loaded(store.list_destinations(db), store.regimes(db)),
            self._loaded,
            lambda exc: report_failure(self, exc, self.message),
            owner=self,
            label="country list",
        )

    def _loaded(self, loaded: _Loaded) -> None:
        self.destinations = {d.code: d for d in loaded.destinations}
        lines = [CountryLine(d.code, d.name_en, d.name_ja) for d in loaded.destinations]
        lines.sort(key=lambda line: self.model.name(line).casefold())
        self.model.set_destinations(self.destinations, sorted(loaded.regimes))
        self._selecting = True
        self.proxy.set_lines(lines)
        self.model.set_lines(lines)
        self._selecting = False
        current = self.editor.original.code if self.editor.original else ""
        if current:
            self.select(current)
        self.loaded.emit()

    def select(self, code: str) -> bool:
        """Select a destination in the list (the filter is cleared if it hides it)."""
        row = self.model.row_of(code)
        if row < 0:
            return False
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not proxy_index.isValid():
            self.filter.clear()
            proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(proxy_index.row())
        self.table.scrollTo(proxy_index)
        return True

    def visible_codes(self) -> list[str]:
        return [str(self.proxy.index(r, 0).data(CodeRole)) for r in range(self.proxy.rowCount())]

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._selecting or not selected.indexes():
            return
        code = str(selected.indexes()[0].data(CodeRole))
        current = self.editor.original
        if current is not None and code == current.code:
            return
        if current is not None and self.editor.is_dirty():
            self.message.notice(
                self.tr("Save or discard the changes to %1 before opening another destination.").replace(
                    "%1", self._name(current)
                )
            )
            self._selecting = True
            self.select(current.code)
            self._selecting = False
            return
        self.open_destination(code)

    def open_destination(self, code: str) -> None:
        self.services.worker.submit(
            lambda db: store.get_destination(db, code),
            self._destination_in,
            lambda exc: report_failure(self, exc, self.message),
            owner=self,
            label="destination",
        )

    def _destination_in(self, dest: Destination) -> None:
        self.editor.load(dest)
        self.editor.setEnabled(True)
        self.heading.setText(
            self.tr("%1 (%2) — country data version %3")
            .replace("%1", self._name(dest))
            .replace("%2", dest.code)
            .replace("%3", str(dest.version))
        )
        self.reason.clear()
        self.reason_problem.hide()
        self.impact.hide()
        self.message.clear_message()  # what an earlier action said (an import refused) is not about this
        self.flag_model.set_rows([], [])  # the flags of a save of another version: not this one's
        self.flags_note.setText(self.tr("Transfers flagged by your last save appear here."))
        self.history.load(dest.code)
        self._update_buttons()
        self.destination_loaded.emit(dest.code)

    def unsaved_destination(self) -> str:
        """The name of the destination with unsaved edits ("" when none)."""
        original = self.editor.original
        return self._name(original) if original is not None and self.editor.is_dirty() else ""

    def _name(self, dest: Destination) -> str:
        return dest.name_ja if self.services.language == "ja" and dest.name_ja else dest.name_en

    # ---- editing, impact and saving ---------------------------------------------------------------

    def _edited(self) -> None:
        self.message.clear_message()
        self._update_buttons()
        self.check_impact()

    def pending_changes(self) -> list[StatusChange]:
        original, working = self.editor.original, self.editor.working()
        if original is None or working is None:
            return []
        return status_changes(original, working)

    def check_impact(self) -> None:
        """Before saving: how many transfers the pending status changes would flag."""
        changes = self.pending_changes()
        original = self.editor.original
        if original is None or not changes:
            self.impact.hide()
            self.impact_checked.emit(0)
            return
        code = original.code
        missing = [c.regime for c in changes if (code, c.regime) not in self._impact_cache]
        if not missing:
            self._show_impact(code, changes)
            return

        def count(db: DatabaseHandle) -> dict[str, int]:
            return {regime: store.transfers_affected(db, code, regime) for regime in missing}

        self.services.worker.submit(
            count,
            lambda counts: self._counts_in(code, counts),
            lambda exc: report_failure(self, exc, self.message),
            owner=self,
            label="transfers affected",
        )

    def _counts_in(self, code: str, counts: dict[str, int]) -> None:
        for regime, n in counts.items():
            self._impact_cache[(code, regime)] = n
        original = self.editor.original
        if original is not None and original.code == code:
            self._show_impact(code, self.pending_changes())

    def _show_impact(self, code: str, changes: list[StatusChange]) -> None:
        if not changes:
            self.impact.hide()
            self.impact_checked.emit(0)
            return
        total = sum(self._impact_cache.get((code, c.regime), 0) for c in changes)
        lines = [
            "• "
            + self.tr("%1: %2 (%3 transfer(s))")
            .replace("%1", regime_short_name(c.regime))
            .replace("%2", change_text(c))
            .replace("%3", str(self._impact_cache.get((code, c.regime), 0)))
            for c in changes
        ]
        self.impact.setText(
            self.tr("Saving flags %n transfer(s) for re-assessment:", "", total) + "\n" + "\n".join(lines)
        )
        self.impact.show()
        self.impact_checked.emit(total)

    def _update_buttons(self) -> None:
        dirty = self.editor.is_dirty()
        self.discard_button.setEnabled(dirty)
        self.save_button.setEnabled(dirty and not self.editor.local_problems())

    def discard(self) -> None:
        original = self.editor.original
        if original is not None:
            self._destination_in(original)
            self.message.clear_message()

    def save(self) -> None:
        original, working = self.editor.original, self.editor.working()
        if original is None or working is None:
            return
        reason = self.reason.text().strip()
        self.reason_problem.hide()
        if not reason:
            self.reason_problem.setText(self.tr("Say why the data changes; it is kept in the history."))
            self.reason_problem.show()
            self.message.error(self.tr("The change was not saved: a reason is required."))
            self.reason.setFocus()
            return
        actor = self.services.actor
        self.save_button.setEnabled(False)
        self.services.worker.submit(
            lambda db: _save(db, actor, working, reason, original.version),
            self._saved,
            self._save_failed,
            owner=self,
            label="save destination",
        )

    def _saved(self, saved: _Saved) -> None:
        result = saved.result
        dest = result.destination
        self._impact_cache.clear()
        self.destinations[dest.code] = dest
        self._destination_in(dest)
        self.model.set_destinations(self.destinations, self.model.regimes)
        self.select(dest.code)
        if not result.changes:
            self.message.notice(self.tr("Nothing changed, so no new version was saved."))
            return
        rows = [
            [
                Cell(f.reference),
                Cell(regime_short_name(f.regime)),
                Cell(core_text(f.reason), tooltip=core_text(f.reason)),
            ]
            for f in saved.flags
        ]
        self.flag_model.set_rows(rows, [f.transfer_id for f in saved.flags])
        text = (
            self.tr("Saved %1 as version %2.")
            .replace("%1", self._name(dest))
            .replace("%2", str(dest.version))
        )
        if result.flagged:
            text += " " + self.tr(
                "%n transfer(s) flagged for re-assessment (see Flagged transfers).", "", result.flagged
            )
            self.flags_note.setText(
                self.tr("Flagged by version %1: each needs a new assessment version.").replace(
                    "%1", str(dest.version)
                )
            )
            self.editor.tabs.setCurrentIndex(FLAGS_TAB)
        self.message.ok(text)
        self.services.changes.notify(COUNTRIES)
        if result.flagged:
            self.services.changes.notify(TRANSFERS)
        self.saved.emit(result)

    def _save_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        if self.editor.resolve_conflict(exc, self.save, self._destination_in):
            return  # someone else saved first: both versions are shown, the choice re-saves
        if isinstance(exc, ValidationError):
            reason_problems = [p for p in exc.problems if p.location == "reason"]
            others = [p for p in exc.problems if p.location != "reason"]
            if reason_problems:
                self.reason_problem.setText("\n".join(p.message for p in reason_problems))
                self.reason_problem.show()
            self.editor.show_problems(others)
            self.message.error(exc.message)
            return
        report_failure(self, exc, self.message)

    # ---- import and export -------------------------------------------------------------------------

    def choose_import(self) -> None:
        settings = self.services.settings
        folder = settings.get(keys.LAST_IMPORT_FOLDER) or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import country data"), folder, self.tr("Country data (*.json);;All files (*)")
        )
        if path:
            settings.set(keys.LAST_IMPORT_FOLDER, str(Path(path).parent))
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        actor = self.services.actor

        def check(db: DatabaseHandle) -> CheckedImport:
            from transfer_tool.errors import ImportRefused
            from transfer_tool.i18n.engine_text import error_text

            try:
                if path.stat().st_size > MAX_IMPORT_BYTES:
                    raw = path.read_bytes()[: MAX_IMPORT_BYTES + 1]  # the service refuses it with the limit
                else:
                    raw = path.read_bytes()
            except OSError as exc:
                raise ImportRefused(
                    error_text(
                        "{0} cannot be read ({1}); nothing was imported. Choose another file.",
                        path,
                        exc.strerror or exc,
                    )
                ) from exc
            return dry_run(db, actor, path.name, raw)

        self.message.notice(self.tr("Checking %1…").replace("%1", path.name))
        self.services.worker.submit(
            check, self._import_checked, self._import_failed, owner=self, label="import dry run"
        )

    def _import_checked(self, checked: CheckedImport) -> None:
        self.message.clear_message()
        dialog = ImportPreviewDialog(self.services, checked, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.applied.connect(lambda _r: self._after_import())
        self._import_dialog = dialog
        dialog.open()

    def _import_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            name = self.services.country_name
            lines = [exc.message, *(f"  - {file_problem_line(p, name)}" for p in exc.problems[:20])]
            if len(exc.problems) > 20:
                lines.append(self.tr("  … and %n more", "", len(exc.problems) - 20))
            self.message.error("\n".join(lines))
            return
        report_failure(self, exc, self.message)

    def _after_import(self) -> None:
        self._impact_cache.clear()
        self.reload()
        original = self.editor.original
        if original is not None and not self.editor.is_dirty():
            self.open_destination(original.code)

    def choose_export(self) -> None:
        settings = self.services.settings
        folder = settings.get(keys.LAST_EXPORT_FOLDER) or str(Path.home())
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export country data"),
            str(Path(folder) / "country-data.json"),
            self.tr("Country data (*.json)"),
        )
        if not path:
            return
        settings.set(keys.LAST_EXPORT_FOLDER, str(Path(path).parent))

        def export(db: DatabaseHandle) -> int:
            data = store.export_document(db)
            Path(path).write_bytes(data)
            return len(data)

        self.services.worker.submit(
            export,
            lambda _n: self.message.ok(self.tr("Country data exported to %1.").replace("%1", path)),
            lambda exc: report_failure(self, exc, self.message),
            owner=self,
            label="export country data",
        )
