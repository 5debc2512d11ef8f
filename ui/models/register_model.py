"""The transfer register as a table model: it holds ids, and fetches rows lazily, a page at a time.

`set_query()` asks the worker for the matching ids together with the first page of rows
(`register_search.search_page`: one statement on PostgreSQL), so the first paint needs one round trip.
Other pages are fetched (`register_search.fetch_rows`) when the view first asks for one of their rows;
until then the cells are empty. Sorting re-queries with a
`SortKey` (the database sorts, not the model). Results of a superseded query are dropped.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from transfer_tool import clock
from transfer_tool.domain import TransferStatus
from transfer_tool.register import register_search
from transfer_tool.register.register_search import SortKey, TransferQuery, TransferRow
from transfer_tool.runtime.bootstrap import DatabaseHandle
from ui.i18n import format_date, status_label
from ui.workers import DbWorker

PAGE_SIZE = 200
MAX_CACHED_PAGES = 60  # ~12,000 rows; far pages are dropped and fetched again if scrolled back to

IdRole = int(Qt.ItemDataRole.UserRole) + 1  # the transfer id (int)
RowRole = int(Qt.ItemDataRole.UserRole) + 2  # the TransferRow, or None while its page is loading
SortRole = int(Qt.ItemDataRole.UserRole) + 3  # a plain sortable value

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # source text; translated in headerData (context "RegisterModel")
    sort: SortKey | None
    default_visible: bool = True


COLUMNS: tuple[Column, ...] = (
    Column("reference", str(QT_TRANSLATE_NOOP("RegisterModel", "Reference")), SortKey.REFERENCE),
    Column("title", str(QT_TRANSLATE_NOOP("RegisterModel", "Title")), SortKey.TITLE),
    Column("exporter", str(QT_TRANSLATE_NOOP("RegisterModel", "Exporter")), SortKey.EXPORTER),
    Column("importer", str(QT_TRANSLATE_NOOP("RegisterModel", "Importer")), SortKey.IMPORTER),
    Column("destination", str(QT_TRANSLATE_NOOP("RegisterModel", "Destination")), SortKey.DESTINATION),
    Column("status", str(QT_TRANSLATE_NOOP("RegisterModel", "Status")), SortKey.STATUS),
    Column("reassessment", str(QT_TRANSLATE_NOOP("RegisterModel", "Re-assessment")), None),
    Column("next_review", str(QT_TRANSLATE_NOOP("RegisterModel", "Re-evaluation")), SortKey.NEXT_REVIEW),
    Column("updated", str(QT_TRANSLATE_NOOP("RegisterModel", "Last updated")), SortKey.UPDATED, False),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)
DEFAULT_VISIBLE = tuple(c.key for c in COLUMNS if c.default_visible)

_STATUS_COLOURS = {
    TransferStatus.NEW: "#5f6b7a",
    TransferStatus.DRAFT: "#8a6d00",
    TransferStatus.SUBMITTED: "#1f5fbf",
    TransferStatus.RETURNED: "#b35c00",
    TransferStatus.APPROVED: "#1e7d32",
    TransferStatus.SUSPENDED: "#b3261e",
}
_OVERDUE = "#b3261e"
# Made once: a view asks every visible cell for its flags and colour on each paint.
_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_BRUSHES: dict[str, QBrush] = {}


def _brush(colour: str) -> QBrush:
    brush = _BRUSHES.get(colour)
    if brush is None:
        brush = _BRUSHES[colour] = QBrush(QColor(colour))
    return brush


def column_index(key: str) -> int:
    return COLUMN_KEYS.index(key)


def column_title(column: Column) -> str:
    return QCoreApplication.translate("RegisterModel", column.title)


class RegisterModel(QAbstractTableModel):
    """Rows of the register for the current `TransferQuery`."""

    # count of matching transfers, after each (re)load
    loaded = Signal(int)
    # a page of rows arrived (also after the first load): the view may paint now
    rows_arrived = Signal()

    def __init__(
        self,
        worker: DbWorker,
        country_name: Callable[[str], str],
        language: str = "en",
        today: Callable[[], dt.date] = clock.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._country_name = country_name
        self._language = language
        self._today = today
        self._query = TransferQuery()
        self._ids: list[int] = []
        self._rows: dict[int, TransferRow] = {}
        self._pages: OrderedDict[int, list[int]] = OrderedDict()  # page -> ids cached, oldest first
        self._pending: set[int] = set()
        self._generation = 0
        self._loading = False
        self._in_data = False
        self._has_loaded = False

    # ---- querying ---------------------------------------------------------------------------------------

    @property
    def query(self) -> TransferQuery:
        return self._query

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def has_loaded(self) -> bool:
        return self._has_loaded

    def set_query(self, query: TransferQuery, *, load: bool = True) -> None:
        """Load the ids matching `query` (and the first page of rows); the old rows stay until then."""
        self._query = query
        if load:
            self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        query = self._query
        self._loading = True

        def load(db: DatabaseHandle) -> tuple[list[int], list[TransferRow]]:
            return register_search.search_page(db, query, PAGE_SIZE)

        self._worker.submit(
            load,
            lambda result: self._ids_loaded(generation, *result),
            owner=self,
            label="register: search",
        )

    def _ids_loaded(self, generation: int, ids: list[int], first: list[TransferRow]) -> None:
        if generation != self._generation:
            return  # a newer query is on its way
        self.beginResetModel()
        self._ids = ids
        self._rows = {r.id: r for r in first}
        self._pages = OrderedDict()
        self._pending = set()
        if first:
            self._pages[0] = [r.id for r in first]
        self.endResetModel()
        self._loading = False
        self._has_loaded = True
        self.loaded.emit(len(ids))
        self.rows_arrived.emit()

    def _request_page(self, page: int) -> None:
        if page in self._pending or page in self._pages:
            return
        self._pending.add(page)
        generation = self._generation
        ids = self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        self._worker.submit(
            lambda db: register_search.fetch_rows(db, ids),
            lambda rows: self._page_loaded(generation, page, rows),
            owner=self,
            label=f"register: page {page}",
        )

    def _page_loaded(self, generation: int, page: int, rows: list[TransferRow]) -> None:
        if generation != self._generation:
            return
        self._pending.discard(page)
        for r in rows:
            self._rows[r.id] = r
        self._pages[page] = [r.id for r in rows]
        self._evict(keep=page)
        if self._in_data:
            return  # fetched inline (synchronous worker) while the view asked: it gets the data directly
        first = page * PAGE_SIZE
        last = min(len(self._ids), first + PAGE_SIZE) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self.rows_arrived.emit()

    def _evict(self, keep: int) -> None:
        while len(self._pages) > MAX_CACHED_PAGES:
            oldest = next(iter(self._pages))
            if oldest == keep:
                self._pages.move_to_end(oldest)
                continue
            for tid in self._pages.pop(oldest):
                self._rows.pop(tid, None)

    # ---- access by row ------------------------------------------------------------------------------------

    def ids(self) -> list[int]:
        return list(self._ids)

    def transfer_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, transfer_id: int) -> int:
        try:
            return self._ids.index(transfer_id)
        except ValueError:
            return -1

    def cached_row(self, row: int) -> TransferRow | None:
        """The row if loaded (no fetch)."""
        if 0 <= row < len(self._ids):
            return self._rows.get(self._ids[row])
        return None

    def _row(self, row: int) -> TransferRow | None:
        tid = self._ids[row]
        cached = self._rows.get(tid)
        if cached is not None:
            return cached
        self._request_page(row // PAGE_SIZE)
        return self._rows.get(tid)

    # ---- Qt model interface ---------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column_title(COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section].sort is None:
            return QCoreApplication.translate("RegisterModel", "This column cannot be sorted")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _CELL_FLAGS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids) or index.column() >= len(COLUMNS):
            return None
        if role == IdRole:
            return self._ids[index.row()]
        self._in_data = True
        try:
            row = self._row(index.row())
        finally:
            self._in_data = False
        if role == RowRole:
            return row
        if row is None:
            return None
        key = COLUMNS[index.column()].key
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == SortRole:
            return self._sort_value(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, key)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, key)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column].sort
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._query.sort and descending == self._query.descending:
            return
        self.set_query(replace(self._query, sort=key, descending=descending))

    # ---- presentation -------------------------------------------------------------------------------------

    def _overdue(self, row: TransferRow) -> bool:
        return row.next_review is not None and row.next_review < self._today()

    def _display(self, row: TransferRow, key: str) -> str:
        if key == "reference":
            return row.reference
        if key == "title":
            return row.title
        if key == "exporter":
            return row.exporter
        if key == "importer":
            return row.importer
        if key == "destination":
            name = self._country_name(row.destination)
            return f"{name} ({row.destination})" if name and name != row.destination else row.destination
        if key == "status":
            return status_label(row.status)
        if key == "reassessment":
            return QCoreApplication.translate("RegisterModel", "Needed") if row.reassessment_needed else ""
        if key == "next_review":
            text = format_date(row.next_review, self._language)
            if self._overdue(row):
                return f"\u26a0 {text}"  # the tooltip says "overdue"; colour alone would not do
            return text
        if key == "updated":
            if row.updated_at is None:
                return ""
            local = row.updated_at.astimezone()
            return f"{format_date(local.date(), self._language)} {local:%H:%M}"
        return ""

    def _sort_value(self, row: TransferRow, key: str) -> Any:
        if key == "next_review":
            return row.next_review.isoformat() if row.next_review else ""
        if key == "updated":
            return row.updated_at.isoformat() if row.updated_at else ""
        if key == "reassessment":
            return int(row.reassessment_needed)
        if key == "status":
            return row.status.value
        return self._display(row, key)

    def _tooltip(self, row: TransferRow, key: str) -> str | None:
        if key == "title" and row.title:
            return row.title
        if key in ("exporter", "importer", "destination"):
            return self._display(row, key) or None  # names the column width may elide, in full
        if key == "reassessment" and row.reassessment_needed:
            return QCoreApplication.translate(
                "RegisterModel", "The destination's data changed since the last assessment: assess it again."
            )
        if key == "next_review" and self._overdue(row):
            return QCoreApplication.translate("RegisterModel", "The re-evaluation date has passed.")
        if key == "reference" and row.parent_id is not None:
            return QCoreApplication.translate("RegisterModel", "Onward transfer")
        return None

    def _foreground(self, row: TransferRow, key: str) -> QBrush | None:
        if key == "status":
            return _brush(_STATUS_COLOURS.get(row.status, "#000000"))
        if (key == "next_review" and self._overdue(row)) or (
            key == "reassessment" and row.reassessment_needed
        ):
            return _brush(_OVERDUE)
        return None
