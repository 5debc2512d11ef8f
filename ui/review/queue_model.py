"""The review queue as a table model: submitted assessments, oldest first (`service.review_queue`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from transfer_tool.assessment.service import QueueItem
from ui.i18n import format_date

Index = QModelIndex | QPersistentModelIndex
ItemRole = int(Qt.ItemDataRole.UserRole) + 1  # the QueueItem
IdRole = int(Qt.ItemDataRole.UserRole) + 2  # the assessment id

COLUMNS: tuple[tuple[str, str], ...] = (
    ("reference", str(QT_TRANSLATE_NOOP("ReviewQueueModel", "Reference"))),
    ("title", str(QT_TRANSLATE_NOOP("ReviewQueueModel", "Title"))),
    ("version", str(QT_TRANSLATE_NOOP("ReviewQueueModel", "Version"))),
    ("destination", str(QT_TRANSLATE_NOOP("ReviewQueueModel", "Destination"))),
    ("parties", str(QT_TRANSLATE_NOOP("ReviewQueueModel", "Exporter → importer"))),
    ("assessor", str(QT_TRANSLATE_NOOP("ReviewQueueModel", "Assessor"))),
    ("submitted", str(QT_TRANSLATE_NOOP("ReviewQueueModel", "Submitted"))),
)
COLUMN_KEYS = tuple(key for key, _title in COLUMNS)


class ReviewQueueModel(QAbstractTableModel):
    def __init__(self, country_name: Any, language: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[QueueItem] = []
        self._country_name = country_name
        self._language = language

    def set_items(self, items: Sequence[QueueItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> QueueItem:
        return self._items[row]

    def items(self) -> list[QueueItem]:
        return list(self._items)

    def row_of(self, assessment_id: int) -> int:
        return next((i for i, it in enumerate(self._items) if it.assessment_id == assessment_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("ReviewQueueModel", COLUMNS[section][1])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        it = self._items[index.row()]
        key = COLUMN_KEYS[index.column()]
        if role == ItemRole:
            return it
        if role == IdRole:
            return it.assessment_id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(it, key)
        if role == Qt.ItemDataRole.ToolTipRole and key == "assessor" and it.own:
            return QCoreApplication.translate(
                "ReviewQueueModel", "You assessed this one: another manager must approve it (four eyes)."
            )
        if role == Qt.ItemDataRole.ForegroundRole and it.own:
            return QBrush(QColor("#6b6f76"))
        return None

    def _text(self, it: QueueItem, key: str) -> str:
        if key == "reference":
            return it.reference
        if key == "title":
            return it.title
        if key == "version":
            return QCoreApplication.translate("ReviewQueueModel", "v%1").replace("%1", str(it.version_no))
        if key == "destination":
            return str(self._country_name(it.destination) or it.destination)
        if key == "parties":
            return f"{it.exporter} → {it.importer}"
        if key == "assessor":
            if it.own:
                return QCoreApplication.translate("ReviewQueueModel", "%1 (you)").replace(
                    "%1", it.assessor_name
                )
            return it.assessor_name
        if key == "submitted":
            return format_date(it.submitted_at.date() if it.submitted_at else None, self._language)
        return ""
