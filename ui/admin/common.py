"""Pieces every administration page uses: a plain table model over display rows, problem labels beside
fields (filled from a ValidationError's problems), and a message line."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from transfer_tool.errors import Problem, ValidationError
from ui.errors import describe, is_bug, show_exception

Index = QModelIndex | QPersistentModelIndex
KeyRole = int(Qt.ItemDataRole.UserRole) + 1

ERROR_COLOUR = "#b3261e"
OK_COLOUR = "#1e7d32"
NOTE_COLOUR = "#4a5360"
PROBLEM_STYLE = f"color: {ERROR_COLOUR}; font-size: 11px;"
ERROR_BANNER = "background: #fbe3e1; color: #8c1d18; border: 1px solid #e0a09a; padding: 6px;"
OK_BANNER = "background: #e3f1e4; color: #1b5e20; border: 1px solid #9ccc9f; padding: 6px;"
NOTICE_BANNER = "background: #fff4d6; color: #5c4400; border: 1px solid #e6cf8a; padding: 6px;"


@dataclass(frozen=True)
class Cell:
    text: str
    background: str | None = None
    foreground: str | None = None
    tooltip: str = ""


class RowsModel(QAbstractTableModel):
    """A read-only table of display rows, each with a key (an id, a code) to find the record again."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[list[Cell]] = []
        self._keys: list[Any] = []
        self.align_top = False  # for tables whose rows wrap onto several lines

    def set_rows(self, rows: Sequence[Sequence[Cell | str]], keys: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = [[c if isinstance(c, Cell) else Cell(c) for c in row] for row in rows]
        self._keys = list(keys)
        self.endResetModel()

    def key(self, row: int) -> Any:
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def keys(self) -> list[Any]:
        return list(self._keys)

    def row_of(self, key: Any) -> int:
        try:
            return self._keys.index(key)
        except ValueError:
            return -1

    def text(self, row: int, column: int) -> str:
        return self._rows[row][column].text

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == KeyRole:
            return self._keys[index.row()]
        if not 0 <= index.column() < len(row):
            return None
        cell = row[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip or (cell.text if len(cell.text) > 40 else None)
        if role == Qt.ItemDataRole.BackgroundRole and cell.background:
            return QBrush(QColor(cell.background))
        if role == Qt.ItemDataRole.ForegroundRole and cell.foreground:
            return QBrush(QColor(cell.foreground))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            vertical = Qt.AlignmentFlag.AlignTop if self.align_top else Qt.AlignmentFlag.AlignVCenter
            return int(Qt.AlignmentFlag.AlignLeft | vertical)
        return None


def table_view(
    model: RowsModel, parent: QWidget, name: str, stretch: int | None = None, *, accessible: str
) -> QTableView:
    """A read-only, row-selecting table; `accessible` is what a screen reader calls it."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    return view


class _FitRows(QObject):
    """Re-fits a table's row heights when it is shown or resized (column widths change with it)."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Resize):
            # With this filter as context the call is dropped if the table is deleted meanwhile.
            QTimer.singleShot(0, self, self.view.resizeRowsToContents)
        return False


def wrap_rows(view: QTableView) -> None:
    """Wrap long cells and keep each row as tall as its text, also after a column is resized."""
    view.setWordWrap(True)
    view.installEventFilter(_FitRows(view))
    model = view.model()
    if isinstance(model, RowsModel):
        model.align_top = True
    view.horizontalHeader().sectionResized.connect(lambda *_a: view.resizeRowsToContents())
    if model is not None:
        model.modelReset.connect(view.resizeRowsToContents)


def selected_row(view: QTableView) -> int:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].row() if rows else -1


def problem_label(parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(PROBLEM_STYLE)
    label.setWordWrap(True)
    if name:
        label.setObjectName(f"problem_{name}")
    label.hide()
    return label


def with_problem(field: QWidget, problem: QLabel) -> QWidget:
    """The field with its problem label under it (one form row)."""
    box = QWidget(field.parentWidget())
    # Never taller than the field and its problem: spare height stays under the form, not between rows.
    box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(1)
    lay.addWidget(field)
    lay.addWidget(problem)
    # A problem goes once the person changes its field (a stale "use at least 10 characters" stayed under
    # a field already corrected or emptied). Only the person's edits: a form filled by code keeps it.
    if isinstance(field, QLineEdit):
        field.textEdited.connect(problem.hide)
    elif isinstance(field, QComboBox):
        field.activated.connect(problem.hide)
    elif isinstance(field, QAbstractButton):
        field.clicked.connect(problem.hide)
    elif isinstance(field, QAbstractSpinBox) and (typed := field.findChild(QLineEdit)) is not None:
        typed.textEdited.connect(problem.hide)
    return box


class ProblemLabels:
    """Problem labels keyed by a field's location; `show(problems)` fills those whose location matches."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}

    def add(self, location: str, label: QLabel) -> QLabel:
        self.labels[location] = label
        return label

    def clear(self) -> None:
        for label in self.labels.values():
            label.clear()
            label.hide()

    def show(
        self, problems: Sequence[Problem], locate: Callable[[str], str | None] = lambda s: s
    ) -> list[Problem]:
        """Fill the labels; returns the problems no label took (to list elsewhere)."""
        self.clear()
        left: list[Problem] = []
        texts: dict[str, list[str]] = {}
        for p in problems:
            where = locate(p.location)
            if where is not None and where in self.labels:
                texts.setdefault(where, []).append(p.message)
            else:
                left.append(p)
        for where, messages in texts.items():
            label = self.labels[where]
            label.setText("\n".join(messages))
            label.show()
        return left

    def text(self, location: str) -> str:
        label = self.labels.get(location)
        return label.text() if label is not None and not label.isHidden() else ""


class MessageLine(QLabel):
    """One line under a form: what happened (green) or what went wrong (red)."""

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def ok(self, text: str) -> None:
        self.setStyleSheet(OK_BANNER)
        self.setText(text)
        self.show()

    def error(self, text: str) -> None:
        self.setStyleSheet(ERROR_BANNER)
        self.setText(text)
        self.show()

    def notice(self, text: str) -> None:
        self.setStyleSheet(NOTICE_BANNER)
        self.setText(text)
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()


def report_failure(
    widget: QWidget,
    exc: BaseException,
    message: MessageLine,
    problems: ProblemLabels | None = None,
    locate: Callable[[str], str | None] = lambda s: s,
) -> None:
    """A failed service call: problems beside their fields, the rest in the message line; bugs as a dialog."""
    if is_bug(exc):
        show_exception(widget, exc)
        message.error(describe(exc))
        return
    if isinstance(exc, ValidationError) and problems is not None:
        left = problems.show(exc.problems, locate)
        lines = [exc.message, *(f"  - {p}" for p in left)]
        message.error("\n".join(lines))
        return
    message.error(describe(exc))


def field_labels(mapping: Mapping[str, str], location: str) -> str:
    """A location's last part, as the field's label (for problems listed apart from their field)."""
    last = location.rsplit(".", 1)[-1]
    return mapping.get(last, last)
