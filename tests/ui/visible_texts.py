"""The texts a person sees in a window: walked from its widget tree (labels, buttons, fields, lists,
tables, trees, tabs, group titles, combo boxes), so a check can read what is on screen, not the source."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

MAX_ROWS = 200  # a long register: its first rows show what every row shows


def _plain(label: QLabel) -> str:
    text = label.text()
    if label.textFormat() == Qt.TextFormat.PlainText or "<" not in text:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model keeps columnCount private in PySide6: one column
        return 1


def _model_texts(model: QAbstractItemModel, parent: QModelIndex, depth: int = 0) -> Iterator[str]:
    columns = _columns(model, parent)
    if depth == 0:
        for c in range(columns):
            value = model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                yield value
    for r in range(min(model.rowCount(parent), MAX_ROWS)):
        for c in range(columns):
            index = model.index(r, c, parent)
            value = index.data(Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                yield value
            if c == 0 and depth < 3 and model.rowCount(index) > 0:
                yield from _model_texts(model, index, depth + 1)


def visible_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    """(widget name, text) for every text shown by a visible widget of `top`."""
    yield top.metaObject().className(), top.windowTitle()
    for w in [top, *top.findChildren(QWidget)]:
        if w is not top and not w.isVisibleTo(top):
            continue
        name = w.objectName() or w.metaObject().className()
        texts: list[str] = []
        if isinstance(w, QLabel):
            texts.append(_plain(w))
        elif isinstance(w, QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QLineEdit):
            texts += [w.text(), w.placeholderText()]
        elif isinstance(w, (QTextEdit, QPlainTextEdit)):
            texts += [w.toPlainText(), w.placeholderText()]
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView) and w.model() is not None:
            texts += list(_model_texts(w.model(), QModelIndex()))
        texts.append(w.toolTip())
        for text in texts:
            if text:
                yield name, text
