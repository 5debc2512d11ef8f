"""The register tab: filter bar, the transfer table (model/view over ids) and a details pane
(`transfer_details.py`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.accounts.permissions import Action
from transfer_tool.domain import TransferStatus
from transfer_tool.register import transfers
from transfer_tool.register.register_search import SortKey, TransferQuery
from transfer_tool.runtime.bootstrap import DatabaseHandle
from ui import settings as keys
from ui.i18n import regime_short_name, status_label
from ui.models.register_model import (
    COLUMN_KEYS,
    COLUMNS,
    DEFAULT_VISIBLE,
    IdRole,
    RegisterModel,
    column_title,
)
from ui.services import Services
from ui.widgets.country_completer import RankedCountryCompleter
from ui.widgets.transfer_details import TransferDetails

SEARCH_DELAY_MS = 150
# The owner filter's fixed choices (a positive value is a user id).
OWNER_ANY = 0
OWNER_MINE = -1
OWNER_NOBODY = -2
REGIME_CODE_ROLE = int(Qt.ItemDataRole.UserRole) + 1
DETAIL_DELAY_MS = 120


class RegisterPanel(QWidget):
    """Search and filters drive the model's `TransferQuery`; `open_requested(id)` on Enter/double-click."""

    open_requested = Signal(int)
    columns_changed = Signal()
    copy_requested = Signal(int)  # "New transfer from this one…" (issue #23)
    reassign_requested = Signal(list)  # the selected transfer ids, for an admin or a manager
    reassess_requested = Signal(list)  # the selected transfer ids: start their re-assessment
    export_requested = Signal(list)  # the selected transfer ids: export them

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._settings = services.settings
        self.model = RegisterModel(
            services.worker, services.country_name, services.language, services.today, self
        )

        # ---- filter bar
        self.search = QLineEdit(self)
        self.search.setObjectName("registerSearch")
        self.search.setPlaceholderText(self.tr("Search: reference, title, party, country"))
        self.search.setToolTip(
            self.tr(
                "Finds the reference, title, exporter or importer name, or the destination's country code"
            )
        )
        self.search.setAccessibleName(self.tr("Search the register"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)

        self.destination = QComboBox(self)
        self.destination.setObjectName("destinationFilter")
        self.destination.setAccessibleName(self.tr("Destination filter"))
        self.destination.setEditable(True)
        self.destination.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.destination.setMinimumContentsLength(14)
        self.destination.addItem(self.tr("All destinations"), "")
        names = services.country_names
        codes = sorted(names.codes, key=lambda c: services.country_name(c).casefold())
        for code in codes:
            self.destination.addItem(f"{services.country_name(code)} ({code})", code)
        # Completion ranked by the shared search; the chosen text selects the matching entry.
        self.destination_completer = RankedCountryCompleter(names, services.language, self)
        self.destination.setCompleter(self.destination_completer)
        typed = self.destination.lineEdit()
        if typed is not None:
            typed.textEdited.connect(self.destination_completer.update_for)
        self.destination_completer.activated.connect(lambda *_: self._destination_typed())

        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.status.setAccessibleName(self.tr("Status filter"))
        self.status.addItem(self.tr("All statuses"), "")
        for st in TransferStatus:
            self.status.addItem(status_label(st), st.value)

        # Regime: transfers whose exporter that regime governs (its exporter countries, from country data).
        self.regime = QComboBox(self)
        self.regime.setObjectName("regimeFilter")
        self.regime.setAccessibleName(self.tr("Regime filter"))
        self.regime.setToolTip(self.tr("Transfers whose exporter is governed by this regime"))
        self.regime.addItem(self.tr("All regimes"), ())
        self.regime.setEnabled(False)  # until the regimes are loaded

        # Responsible person (issue #23): everyone, mine, nobody, or one person (loaded with the people).
        self.owner = QComboBox(self)
        self.owner.setObjectName("ownerFilter")
        self.owner.setAccessibleName(self.tr("Responsible person filter"))
        self.owner.setToolTip(self.tr("Transfers a person is responsible for"))
        self.owner.addItem(self.tr("Everyone's"), OWNER_ANY)
        self.owner.addItem(self.tr("Mine"), OWNER_MINE)
        self.owner.addItem(self.tr("Unassigned"), OWNER_NOBODY)

        self.reassessment = QCheckBox(self.tr("Re-assessment needed"), self)
        self.reassessment.setObjectName("reassessmentFilter")
        self.overdue = QCheckBox(self.tr("Overdue"), self)
        self.overdue.setObjectName("overdueFilter")
        self.overdue.setToolTip(self.tr("Transfers whose re-evaluation date has passed"))
        self.onward = QCheckBox(self.tr("Onward transfers"), self)
        self.onward.setObjectName("onwardFilter")
        self.onward.setToolTip(self.tr("Also list onward transfers (sub-recipients)"))
        self.onward.setChecked(self._settings.get(keys.SHOW_ONWARD))
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.setObjectName("clearFilters")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("registerCount")
        self.count_label.setAccessibleName(self.tr("Number of transfers shown"))

        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(self.search, 3)
        bar.addWidget(self.destination, 2)
        bar.addWidget(self.regime, 1)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.owner, 1)
        bar.addWidget(self.reassessment)
        bar.addWidget(self.overdue)
        bar.addWidget(self.onward)
        bar.addWidget(self.clear_button)
        bar.addWidget(self.count_label)

        # ---- table
        self.table = QTableView(self)
        self.table.setObjectName("registerTable")
        self.table.setAccessibleName(self.tr("Transfer register"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Many rows at once (shift/ctrl): reassigning a selection (issue #23).
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        # Uniform row heights: the view never asks every row for its size (100,000 rows stay cheap).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self._default_widths()

        # ---- details
        self.details = TransferDetails(services, self)
        self.details_area = QScrollArea(self)
        self.details_area.setWidgetResizable(True)
        self.details_area.setWidget(self.details)
        self.details_area.setMinimumWidth(200)
        # Tab stops here (the details scroll by keyboard): a screen reader said nothing for it.
        self.details_area.setAccessibleName(self.tr("Details of the selected transfer"))
        self.open_button = QPushButton(self.tr("Open assessment…"), self)
        self.open_button.setObjectName("openAssessment")
        self.open_button.setEnabled(False)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.details_area, 1)
        side_layout.addWidget(self.open_button)
        self.copy_button = QPushButton(self.tr("New transfer from this one…"), self)
        self.copy_button.setObjectName("copyTransfer")
        self.copy_button.setToolTip(
            self.tr(
                "A new transfer with this one's data and answers, each to confirm; other parties possible"
            )
        )
        self.copy_button.setEnabled(False)
        self.copy_button.setVisible(services.may(Action.EDIT_TRANSFERS))
        side_layout.addWidget(self.copy_button)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("registerSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([1010, 250])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        for a, b in (
            (self.search, self.destination),
            (self.destination, self.regime),
            (self.regime, self.status),
            (self.status, self.owner),
            (self.owner, self.reassessment),
            (self.reassessment, self.overdue),
            (self.overdue, self.onward),
            (self.onward, self.clear_button),
            (self.clear_button, self.table),
            (self.table, self.open_button),
            (self.open_button, self.copy_button),
        ):
            QWidget.setTabOrder(a, b)

        # ---- behaviour
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.apply_filters)
        self.destination.activated.connect(lambda _i: self.apply_filters())
        destination_edit = self.destination.lineEdit()
        if destination_edit is not None:
            destination_edit.editingFinished.connect(self._destination_typed)
        self.status.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.regime.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.owner.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.copy_button.clicked.connect(self._copy_current)
        for box in (self.reassessment, self.overdue, self.onward):
            box.toggled.connect(lambda _on: self.apply_filters())
        self.onward.toggled.connect(lambda on: self._settings.set(keys.SHOW_ONWARD, on))
        self.clear_button.clicked.connect(self.clear_filters)
        self.table.activated.connect(self._activated)
        self.open_button.clicked.connect(self._open_current)
        self.model.loaded.connect(self._loaded)
        self.model.modelReset.connect(self._selection_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(DETAIL_DELAY_MS)
        self._detail_timer.timeout.connect(lambda: self.details.load(self.current_transfer_id()))

    def _load_choices(self) -> None:
        worker = self._services.worker
        worker.submit(_regimes, self.set_regimes, owner=self, label="register: regimes")
        worker.submit(_people, self.set_people, owner=self, label="register: people")

    # ---- state ----------------------------------------------------------------------------------------------

    def _default_widths(self) -> None:
        # Sized so that the default columns fit beside the details pane at 1280 pixels.
        widths = {
            "reference": 92,
            "title": 185,
            "exporter": 140,
            "importer": 150,
            "destination": 135,
            "status": 82,
            "reassessment": 92,
            "next_review": 100,
            "updated": 125,
        }
        for i, key in enumerate(COLUMN_KEYS):
            self.table.setColumnWidth(i, widths.get(key, 120))

    def restore_state(self) -> None:
        """Header layout and visible columns from the settings, then the first query (sorted as saved),
        then the filters' choices. The window calls it once, right after making the panel."""
        header = self.table.horizontalHeader()
        state = self._settings.get(keys.REGISTER_HEADER)
        if state:
            header.restoreState(state)
        splitter = self._settings.get(keys.REGISTER_SPLITTER)
        if splitter:
            self.splitter.restoreState(splitter)
        self.apply_visible_columns(self.visible_columns())
        section = header.sortIndicatorSection()
        sort = COLUMNS[section].sort if state and 0 <= section < len(COLUMNS) else None
        if sort is None:
            # First start: newest first (references are numbered in order of creation).
            sort = SortKey.REFERENCE
            header.setSortIndicator(COLUMN_KEYS.index("reference"), Qt.SortOrder.DescendingOrder)
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        # Set the order first, so that enabling sorting (which calls model.sort) loads nothing extra.
        self.model.set_query(replace(self.query(), sort=sort, descending=descending), load=False)
        self.table.setSortingEnabled(True)
        self.model.set_query(self.query())
        # The filters' choices queue behind the first page of rows: those are what the window waits for.
        self._load_choices()

    def save_state(self) -> None:
        self._settings.set(keys.REGISTER_HEADER, bytes(self.table.horizontalHeader().saveState().data()))
        self._settings.set(keys.REGISTER_SPLITTER, bytes(self.splitter.saveState().data()))

    def visible_columns(self) -> tuple[str, ...]:
        chosen = tuple(k for k in self._settings.get(keys.REGISTER_COLUMNS) if k in COLUMN_KEYS)
        return chosen or DEFAULT_VISIBLE

    def apply_visible_columns(self, visible: tuple[str, ...]) -> None:
        for i, key in enumerate(COLUMN_KEYS):
            self.table.setColumnHidden(i, key not in visible)

    def set_column_visible(self, key: str, visible: bool) -> None:
        current = list(self.visible_columns())
        if visible and key not in current:
            current.append(key)
        elif not visible and key in current:
            if len(current) == 1:
                return  # keep at least one column
            current.remove(key)
        ordered = tuple(k for k in COLUMN_KEYS if k in current)
        self._settings.set(keys.REGISTER_COLUMNS, ordered)
        self.apply_visible_columns(ordered)
        self.columns_changed.emit()

    def columns_menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(self.tr("Columns"), parent)
        visible = self.visible_columns()
        for col in COLUMNS:
            action = menu.addAction(column_title(col))
            action.setCheckable(True)
            action.setChecked(col.key in visible)
            action.setEnabled(not (col.key in visible and len(visible) == 1))
            action.toggled.connect(lambda on, k=col.key: self.set_column_visible(k, on))
        return menu

    def _header_menu(self, pos: QPoint) -> None:
        menu = self.columns_menu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))

    # ---- filters ---------------------------------------------------------------------------------------------

    def query(self) -> TransferQuery:
        status_value = self.status.currentData()
        current = self.model.query
        owner = self.owner.currentData()
        return TransferQuery(
            text=self.search.text().strip(),
            country=str(self.destination.currentData() or ""),
            exporter_countries=tuple(self.regime.currentData() or ()),
            status=TransferStatus(status_value) if status_value else None,
            reassessment_needed=True if self.reassessment.isChecked() else None,
            overdue_on=self._services.today() if self.overdue.isChecked() else None,
            include_onward=self.onward.isChecked(),
            owner_id=self._services.actor.user_id if owner == OWNER_MINE else (owner if owner > 0 else None),
            unassigned=owner == OWNER_NOBODY,
            sort=current.sort,
            descending=current.descending,
        )

    def _filters(self) -> tuple[QWidget, ...]:
        return (
            self.search,
            self.destination,
            self.regime,
            self.status,
            self.owner,
            self.reassessment,
            self.overdue,
        )

    def set_people(self, people: Sequence[tuple[int, str]]) -> None:
        """The owner filter's people: (user id, name) each, after Everyone's / Mine / Unassigned."""
        current = self.owner.currentData()
        self.owner.blockSignals(True)
        while self.owner.count() > 3:
            self.owner.removeItem(3)
        for user_id, name in people:
            self.owner.addItem(name, user_id)
        self.owner.setCurrentIndex(max(0, self.owner.findData(current)))
        self.owner.blockSignals(False)

    def show_owner(self, owner: int) -> None:
        """Filter by responsible person: OWNER_ANY, OWNER_MINE, OWNER_NOBODY or a user id."""
        self.owner.setCurrentIndex(max(0, self.owner.findData(owner)))

    def set_regimes(self, regimes: Sequence[tuple[str, tuple[str, ...]]]) -> None:
        """The regime choices: (code, exporter countries) each."""
        current = self.regime.currentIndex()
        self.regime.blockSignals(True)
        while self.regime.count() > 1:
            self.regime.removeItem(1)
        for code, countries in regimes:
            self.regime.addItem(regime_short_name(code), tuple(countries))
            self.regime.setItemData(self.regime.count() - 1, code, REGIME_CODE_ROLE)
        self.regime.setCurrentIndex(current if 0 <= current < self.regime.count() else 0)
        self.regime.blockSignals(False)
        self.regime.setEnabled(bool(regimes))

    def select_regime(self, code: str) -> None:
        idx = self.regime.findData(code, REGIME_CODE_ROLE)
        self.regime.setCurrentIndex(max(0, idx))

    def apply_filters(self) -> None:
        self._search_timer.stop()
        query = self.query()
        if query != self.model.query or not self.model.has_loaded:
            self.model.set_query(query)

    def refresh(self) -> None:
        self.model.set_query(self.query())

    def clear_filters(self) -> None:
        for w in self._filters():
            w.blockSignals(True)
        self.search.clear()
        self.destination.setCurrentIndex(0)
        self.regime.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.owner.setCurrentIndex(0)
        self.reassessment.setChecked(False)
        self.overdue.setChecked(False)
        for w in self._filters():
            w.blockSignals(False)
        self.apply_filters()

    def show_only(
        self,
        *,
        status: TransferStatus | None = None,
        destination: str = "",
        reassessment: bool = False,
        overdue: bool = False,
    ) -> None:
        """Reset the filters to exactly these (the dashboard's links)."""
        for w in self._filters():
            w.blockSignals(True)
        self.search.clear()
        idx = self.destination.findData(destination) if destination else 0
        self.destination.setCurrentIndex(max(0, idx))
        self.regime.setCurrentIndex(0)
        sidx = self.status.findData(status.value) if status else 0
        self.status.setCurrentIndex(max(0, sidx))
        self.owner.setCurrentIndex(0)
        self.reassessment.setChecked(reassessment)
        self.overdue.setChecked(overdue)
        for w in self._filters():
            w.blockSignals(False)
        self.apply_filters()

    def _destination_typed(self) -> None:
        # A typed name that matches an entry selects it; anything else means "all destinations".
        text = self.destination.currentText().strip()
        idx = self.destination.findText(text, Qt.MatchFlag.MatchFixedString)
        if idx < 0 and text:
            code = text.upper()
            idx = self.destination.findData(code)
        if idx < 0:
            idx = 0
        if (
            idx != self.destination.currentIndex()
            or self.destination.currentText() != self.destination.itemText(idx)
        ):
            self.destination.setCurrentIndex(idx)
        self.apply_filters()

    def _sort_indicator_changed(self, section: int, order: Qt.SortOrder) -> None:
        if 0 <= section < len(COLUMNS) and COLUMNS[section].sort is None:
            # Not sortable: put the indicator back where the data is sorted.
            current = self.model.query
            back = next(i for i, c in enumerate(COLUMNS) if c.sort == current.sort)
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(
                back, Qt.SortOrder.DescendingOrder if current.descending else Qt.SortOrder.AscendingOrder
            )
            header.blockSignals(False)

    def _loaded(self, count: int) -> None:
        self.count_label.setText(self.tr("%n transfer(s)", "", count))

    # ---- selection and details ---------------------------------------------------------------------------------

    def current_transfer_id(self) -> int | None:
        """The one selected transfer (None when none, or several, are selected)."""
        rows = self.table.selectionModel().selectedRows()
        if len(rows) != 1:
            return None
        value = rows[0].data(IdRole)
        return value if isinstance(value, int) else None

    def selected_transfer_ids(self) -> list[int]:
        """Every selected transfer, in table order."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [v for v in (i.data(IdRole) for i in rows) if isinstance(v, int)]

    def row_menu(self) -> QMenu:
        """The table's context menu for the current selection."""
        menu = QMenu(self)
        menu.setObjectName("registerRowMenu")
        one = self.current_transfer_id()
        ids = self.selected_transfer_ids()
        open_action = menu.addAction(self.tr("Open assessment…"))
        open_action.setEnabled(one is not None)
        open_action.triggered.connect(self._open_current)
        if self._services.may(Action.EDIT_TRANSFERS):
            copy_action = menu.addAction(self.tr("New transfer from this one…"))
            copy_action.setEnabled(one is not None)
            copy_action.triggered.connect(self._copy_current)
        export = menu.addAction(self.tr("Export %n transfer(s)…", "", len(ids)))
        export.setEnabled(bool(ids) and len(ids) <= transfers.MAX_ASSIGN)
        export.triggered.connect(lambda: self.export_requested.emit(self.selected_transfer_ids()))
        if self._services.may(Action.ASSESS):
            reassess = menu.addAction(self.tr("Start re-assessment of %n transfer(s)…", "", len(ids)))
            reassess.setEnabled(bool(ids))
            reassess.triggered.connect(lambda: self.reassess_requested.emit(self.selected_transfer_ids()))
        if self._services.may(Action.ASSIGN_TRANSFERS):
            reassign = menu.addAction(self.tr("Reassign %n transfer(s)…", "", len(ids)))
            reassign.setEnabled(bool(ids))
            reassign.triggered.connect(lambda: self.reassign_requested.emit(self.selected_transfer_ids()))
        return menu

    def _row_menu(self, pos: QPoint) -> None:
        menu = self.row_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _copy_current(self) -> None:
        tid = self.current_transfer_id()
        if tid is not None:
            self.copy_requested.emit(tid)

    def select_transfer(self, transfer_id: int) -> bool:
        row = self.model.row_of(transfer_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _activated(self, index: QModelIndex) -> None:
        value = index.data(IdRole)
        if isinstance(value, int):
            self.open_requested.emit(value)

    def _open_current(self) -> None:
        tid = self.current_transfer_id()
        if tid is not None:
            self.open_requested.emit(tid)

    def _selection_changed(self) -> None:
        self.open_button.setEnabled(self.current_transfer_id() is not None)
        self.copy_button.setEnabled(self.current_transfer_id() is not None)
        self._detail_timer.start()


def _regimes(db: DatabaseHandle) -> list[tuple[str, tuple[str, ...]]]:
    from transfer_tool.countries import store

    return [(code, tuple(sorted(r.exporter_countries))) for code, r in store.regimes(db).items()]


def _people(db: DatabaseHandle) -> list[tuple[int, str]]:
    from transfer_tool.accounts import users

    return [(p.id, p.name) for p in users.people(db)]
