"""Destinations as a table: name, code, and the status under each regime side by side."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from transfer_tool.countries.model import Destination, RegimeEntry
from transfer_tool.domain import AdequacyStatus
from ui.i18n import adequacy_label, regime_short_name

CodeRole = int(Qt.ItemDataRole.UserRole) + 1
StatusRole = int(Qt.ItemDataRole.UserRole) + 2  # AdequacyStatus | None in a regime column

Index = QModelIndex | QPersistentModelIndex

STATUS_BACKGROUND = {
    AdequacyStatus.INSIDE: "#d8ecd9",
    AdequacyStatus.ADEQUATE: "#d8ecd9",
    AdequacyStatus.PARTIAL: "#fbecc4",
    AdequacyStatus.NOT_ADEQUATE: "#f6d5d2",
}


@dataclass(frozen=True)
class CountryLine:
    code: str
    name_en: str
    name_ja: str


def _unchecked(entry: RegimeEntry) -> bool:
    """Marked where it matters: an entry flagged unverified, or an adequacy the route may rest on that nobody
    checked and dated (a default "no decision recorded" leads to a full assessment anyway)."""
    if not entry.verified:
        return True
    return entry.status in (AdequacyStatus.ADEQUATE, AdequacyStatus.PARTIAL) and not entry.checked


class CountryTableModel(QAbstractTableModel):
    """Name | Code | one column per regime (status, with the condition in the tooltip)."""

    NAME, CODE = 0, 1

    def __init__(self, language: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._lines: list[CountryLine] = []
        self._regimes: list[str] = []
        self._destinations: Mapping[str, Destination] = {}

    def set_destinations(self, destinations: Mapping[str, Destination], regimes: Sequence[str]) -> None:
        self.beginResetModel()
        self._destinations = destinations
        self._regimes = list(regimes)
        self.endResetModel()

    def set_lines(self, lines: Sequence[CountryLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    @property
    def regimes(self) -> list[str]:
        return list(self._regimes)

    def code(self, row: int) -> str:
        return self._lines[row].code

    def codes(self) -> list[str]:
        return [line.code for line in self._lines]

    def row_of(self, code: str) -> int:
        for i, line in enumerate(self._lines):
            if line.code == code:
                return i
        return -1

    def entry(self, code: str, regime: str) -> RegimeEntry | None:
        dest = self._destinations.get(code)
        return dest.status_under(regime) if dest else None

    def name(self, line: CountryLine) -> str:
        return line.name_ja if self._language == "ja" else line.name_en

    def other_name(self, line: CountryLine) -> str:
        return line.name_en if self._language == "ja" else line.name_ja

    # ---- Qt interface ---------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2 + len(self._regimes)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == self.NAME:
            return QCoreApplication.translate("CountryTableModel", "Destination")
        if section == self.CODE:
            return QCoreApplication.translate("CountryTableModel", "Code")
        if 0 <= section - 2 < len(self._regimes):
            return regime_short_name(self._regimes[section - 2])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        col = index.column()
        if role == CodeRole:
            return line.code
        if col == self.NAME:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.name(line)
            if role == Qt.ItemDataRole.ToolTipRole:
                # The name in full (the column may elide it), then in the other language.
                return f"{self.name(line)}\n{self.other_name(line)}"
            return None
        if col == self.CODE:
            return line.code if role == Qt.ItemDataRole.DisplayRole else None
        if not 0 <= col - 2 < len(self._regimes):
            return None
        regime = self._regimes[col - 2]
        entry = self.entry(line.code, regime)
        status = entry.status if entry else None
        if role == StatusRole:
            return status
        unchecked = entry is not None and _unchecked(entry)
        if role == Qt.ItemDataRole.DisplayRole:
            mark = " ⚠ " + QCoreApplication.translate("CountryTableModel", "unverified") if unchecked else ""
            return adequacy_label(status) + mark
        if role == Qt.ItemDataRole.BackgroundRole and status is not None:
            return QBrush(QColor(STATUS_BACKGROUND[status]))
        if role == Qt.ItemDataRole.ForegroundRole and status is not None:
            return QBrush(QColor("#1d1d1d"))
        if role == Qt.ItemDataRole.ToolTipRole and entry is not None:
            parts = [f"{regime_short_name(regime)}: {adequacy_label(status)}"]
            if entry.condition:
                parts.append(entry.condition)
            if entry.instrument:
                parts.append(entry.instrument)
            if unchecked:
                parts.append(
                    QCoreApplication.translate(
                        "CountryTableModel",
                        "Unverified: nobody has checked this entry against its source yet.",
                    )
                )
            return "\n".join(parts)
        return None
