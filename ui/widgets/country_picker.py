"""Choose a destination: search in English or Japanese (or by code), see its status under every regime.

The search is `countries.store.search` (names, aliases, codes; full-width and hiragana folded); the
statuses come from the live country data (`store.list_destinations`), loaded once through the worker.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.countries import store
from transfer_tool.countries.model import Destination
from transfer_tool.countries.names import CountryNames
from transfer_tool.runtime.bootstrap import DatabaseHandle
from ui.i18n import adequacy_label, regime_short_name
from ui.models.country_model import CountryLine, CountryTableModel
from ui.terms import core_text
from ui.workers import DbWorker

DEFAULT_REGIMES = ("EU", "UK", "CH", "JP", "BR")


class CountryPicker(QWidget):
    """Search box over a table of destinations with one status column per regime.

    `current_changed(code)` follows the selection; `chosen(code)` fires on Enter or double-click.
    """

    current_changed = Signal(str)
    chosen = Signal(str)
    ready = Signal()  # the destinations' statuses are loaded

    def __init__(
        self,
        names: CountryNames,
        language: str = "en",
        worker: DbWorker | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._names = names
        self._language = language
        self._destinations: dict[str, Destination] = {}
        self._regimes: list[str] = list(DEFAULT_REGIMES)

        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("countrySearch")
        self.search_box.setPlaceholderText(
            self.tr("Search: name in English or Japanese, or code (e.g. 米国, Korea, DE)")
        )
        self.search_box.setAccessibleName(self.tr("Search destinations"))
        self.search_box.setClearButtonEnabled(True)

        self.model = CountryTableModel(language, self)
        self.table = QTableView(self)
        self.table.setObjectName("countryTable")
        self.table.setAccessibleName(self.tr("Destinations and their status under each regime"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)

        self.detail = QLabel(self)
        self.detail.setObjectName("countryDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self.setFocusProxy(self.search_box)

        self.search_box.textChanged.connect(self._filter)
        self.search_box.returnPressed.connect(self._choose_current)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(self._activated)
        self.model.set_destinations({}, self._regimes)
        self._configure_header()
        self._filter("")
        if worker is not None:
            worker.submit(_load_statuses, self._statuses_loaded, owner=self, label="countries: statuses")

    # ---- data ---------------------------------------------------------------------------------------------

    def set_destinations(self, destinations: Mapping[str, Destination], regimes: Sequence[str]) -> None:
        current = self.current_code()
        self._destinations = dict(destinations)
        self._regimes = list(regimes) or list(DEFAULT_REGIMES)
        self.model.set_destinations(self._destinations, self._regimes)
        self._configure_header()
        self._filter(self.search_box.text())
        if current:
            self.set_current_code(current)
        self.ready.emit()

    def _statuses_loaded(self, result: tuple[list[Destination], list[str]]) -> None:
        destinations, regimes = result
        self.set_destinations({d.code: d for d in destinations}, regimes)

    # ---- searching -------------------------------------------------------------------------------------------

    def set_query(self, text: str) -> None:
        self.search_box.setText(text)

    def visible_codes(self) -> list[str]:
        return self.model.codes()

    def _all_lines(self) -> list[CountryLine]:
        codes = sorted(self._names.codes)
        lines = [CountryLine(c, self._names.name(c, "en"), self._names.name(c, "ja")) for c in codes]
        key = (
            (lambda line: line.name_ja) if self._language == "ja" else (lambda line: line.name_en.casefold())
        )
        return sorted(lines, key=key)

    def _filter(self, text: str) -> None:
        current = self.current_code()
        if text.strip():
            lines = [CountryLine(h.code, h.name_en, h.name_ja) for h in store.search(text, None)]
        else:
            lines = self._all_lines()
        self.model.set_lines(lines)
        row = self.model.row_of(current) if current else -1
        self._select_row(row if row >= 0 else (0 if lines and text.strip() else -1))

    # ---- selection ---------------------------------------------------------------------------------------------

    def current_code(self) -> str:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.code(rows[0].row()) if rows else ""

    def set_current_code(self, code: str) -> None:
        row = self.model.row_of(code)
        if row < 0 and code:
            self.search_box.setText("")
            row = self.model.row_of(code)
        self._select_row(row)

    def _select_row(self, row: int) -> None:
        sel = self.table.selectionModel()
        if row < 0:
            sel.clearSelection()
            self._show_detail("")
            return
        index = self.model.index(row, 0)
        sel.setCurrentIndex(
            index,
            sel.SelectionFlag.ClearAndSelect | sel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        code = self.current_code()
        self._show_detail(code)
        self.current_changed.emit(code)

    def _activated(self, index: QModelIndex) -> None:
        self.chosen.emit(self.model.code(index.row()))

    def _choose_current(self) -> None:
        code = self.current_code()
        if code:
            self.chosen.emit(code)

    def _show_detail(self, code: str) -> None:
        if not code:
            self.detail.setText(self.tr("No destination selected."))
            return
        lines = [f"{self._names.name(code, 'ja')} / {self._names.name(code, 'en')} ({code})"]
        dest = self._destinations.get(code)
        if dest is None:
            lines.append(self.tr("Status under each regime: loading…") if not self._destinations else "")
        else:
            for regime in self._regimes:
                entry = dest.status_under(regime)
                text = f"{regime_short_name(regime)}: {adequacy_label(entry.status if entry else None)}"
                if entry and entry.condition:
                    text += f" — {core_text(entry.condition)}"
                lines.append(text)
        self.detail.setText("\n".join(line for line in lines if line))

    def _configure_header(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CountryTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)


def _load_statuses(db: DatabaseHandle) -> tuple[list[Destination], list[str]]:
    return store.list_destinations(db), list(store.regimes(db))
