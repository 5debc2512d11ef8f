"""Does every text fit its widget? Measures what the user would see cut off (used by tests/ui/test_i18n.py).

For each visible label, button, check box, group-box title, tab, header section, table cell and line-edit
placeholder of a window, the width of the text in the widget's own font (`QFontMetrics.horizontalAdvance`)
is compared with the width the widget gives its text (the style's content rectangle, less margins,
indicator and icon). Word-wrapped labels and cells are measured by height instead: the height the text
needs at the widget's width must fit. A text Qt elides itself counts as fitting only when a tooltip carries
the full text. A scroll area (a form, a page) that scrolls sideways hides whatever is past its right edge:
that is a misfit too (tables may scroll sideways; their cells are measured one by one).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QTableView,
    QToolButton,
    QWidget,
)

from tests.ui.settle import settle

SLACK = 1  # px: rounding between the metrics and the style's rectangles


@dataclass(frozen=True)
class Misfit:
    kind: str
    name: str
    text: str
    needed: int
    available: int

    def __str__(self) -> str:
        return f"{self.kind} {self.name!r}: {self.text!r} needs {self.needed}px, has {self.available}px"


def _plain(text: str, rich: bool) -> str:
    if not rich:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def _without_mnemonic(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _shown(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisibleTo(top) and widget.width() > 0 and widget.height() > 0


def _name(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def _label(label: QLabel) -> list[Misfit]:
    if label.pixmap() is not None and not label.pixmap().isNull():
        return []
    fmt = label.textFormat()
    rich = fmt == Qt.TextFormat.RichText or (
        fmt == Qt.TextFormat.AutoText and QtGuiNamespace.mightBeRichText(label.text())
    )
    text = _plain(label.text(), rich).strip()
    if not text:
        return []
    rect = label.contentsRect()
    margin = label.margin() * 2 + max(label.indent(), 0)
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            return [Misfit("wrapped label (height)", _name(label), text, needed, label.height())]
        return []
    if label.buddy() is not None:
        text = _without_mnemonic(text)
    fm = QFontMetrics(label.font())
    available = rect.width() - margin
    out = []
    for line in text.splitlines():
        needed = fm.horizontalAdvance(line)
        if needed > available + SLACK:
            if "…" in line and label.toolTip():
                continue  # elided on purpose, the tooltip has all of it
            out.append(Misfit("label", _name(label), line, needed, available))
    return out


def _button(button: QAbstractButton) -> list[Misfit]:
    text = _without_mnemonic(button.text()).strip()
    if not text:
        return []
    fm = QFontMetrics(button.font())
    style = button.style()
    if isinstance(button, (QCheckBox, QRadioButton)):
        opt = QStyleOptionButton()
        button.initStyleOption(opt)
        element = (
            QStyle.SubElement.SE_CheckBoxContents
            if isinstance(button, QCheckBox)
            else QStyle.SubElement.SE_RadioButtonContents
        )
        available = style.subElementRect(element, opt, button).width()
    elif isinstance(button, QPushButton):
        opt = QStyleOptionButton()
        button.initStyleOption(opt)
        available = style.subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, button).width()
        available -= 2 * style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, opt, button) // 2
        if not button.icon().isNull():
            available -= button.iconSize().width() + 4
        if button.menu() is not None:
            available -= style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, opt, button)
    elif isinstance(button, QToolButton):
        if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly and not button.icon().isNull():
            return []
        available = button.width() - 6
    else:
        available = button.width()
    out = []
    for line in text.splitlines():
        needed = fm.horizontalAdvance(line)
        if needed > available + SLACK and not ("…" in line and button.toolTip()):
            out.append(Misfit(type(button).__name__, _name(button), line, needed, available))
    return out


def _group(box: QGroupBox) -> list[Misfit]:
    text = _without_mnemonic(box.title()).strip()
    if not text:
        return []
    needed = QFontMetrics(box.font()).horizontalAdvance(text)
    available = box.width() - 16  # the frame's indent either side of the title
    if box.isCheckable():
        available -= box.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 6
    return [Misfit("group title", _name(box), text, needed, available)] if needed > available + SLACK else []


def _header(header: QHeaderView) -> list[Misfit]:
    model = header.model()
    if model is None or header.isHidden():
        return []
    fm = QFontMetrics(header.font())
    style = header.style()
    margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    out = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text.strip():
            continue
        available = header.sectionSize(section) - margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            available -= style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        for line in text.splitlines():
            needed = fm.horizontalAdvance(line)
            if needed > available + SLACK:
                tip = model.headerData(section, header.orientation(), Qt.ItemDataRole.ToolTipRole)
                if (
                    header.textElideMode() != Qt.TextElideMode.ElideNone
                    and isinstance(tip, str)
                    and line in tip
                ):
                    continue
                parent = header.parentWidget()
                where = _name(parent) if parent is not None else ""
                out.append(Misfit("header section", f"{where}[{section}]", line, needed, available))
    return out


def _tabs(bar: QTabBar) -> list[Misfit]:
    fm = QFontMetrics(bar.font())
    out = []
    for i in range(bar.count()):
        text = _without_mnemonic(bar.tabText(i))
        needed = fm.horizontalAdvance(text)
        available = bar.tabRect(i).width() - 12
        if needed > available + SLACK and not bar.tabToolTip(i):
            out.append(Misfit("tab", _name(bar), text, needed, available))
    if bar.count() and bar.tabRect(bar.count() - 1).right() > bar.width() + SLACK:
        out.append(
            Misfit(
                "tab bar",
                _name(bar),
                bar.tabText(bar.count() - 1),
                bar.tabRect(bar.count() - 1).right(),
                bar.width(),
            )
        )
    return out


def _placeholder(edit: QLineEdit) -> list[Misfit]:
    text = edit.placeholderText()
    if not text or edit.text():
        return []
    needed = QFontMetrics(edit.font()).horizontalAdvance(text)
    margins = edit.textMargins()
    available = edit.contentsRect().width() - margins.left() - margins.right() - 8  # frame and text margin
    for action in edit.actions():
        if action.isVisible():
            available -= 20
    if needed > available + SLACK and edit.toolTip() != text:
        return [Misfit("placeholder", _name(edit), text, needed, available)]
    return []


def _cells(table: QTableView) -> list[Misfit]:
    """The cells in view whose text is wider (or, wrapped, taller) than the cell, unless elided with the
    full text in the cell's tooltip."""
    model = table.model()
    if model is None:  # PySide6's stub says never None, but a view without a model has none
        return []  # type: ignore[unreachable]
    fm = QFontMetrics(table.font())
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    viewport = table.viewport().rect()
    out = []
    for row in range(model.rowCount()):
        if table.isRowHidden(row):
            continue
        y = table.rowViewportPosition(row)
        if y > viewport.bottom():
            break
        if y + table.rowHeight(row) < 0:
            continue
        for col in range(model.columnCount()):
            if table.isColumnHidden(col) or table.columnWidth(col) <= 0:
                continue
            index = model.index(row, col)
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if not isinstance(text, str) or not text.strip():
                continue
            available = table.columnWidth(col) - margin
            if index.data(Qt.ItemDataRole.DecorationRole) is not None:
                available -= table.iconSize().width() + 4 if table.iconSize().width() > 0 else 20
            if table.wordWrap():
                needed = fm.boundingRect(
                    QRect(0, 0, max(available, 1), 100_000), Qt.TextFlag.TextWordWrap, text
                )
                fits = needed.height() <= table.rowHeight(row) + SLACK and needed.width() <= available + SLACK
            else:
                fits = all(fm.horizontalAdvance(line) <= available + SLACK for line in text.splitlines())
            if fits:
                continue
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if table.textElideMode() != Qt.TextElideMode.ElideNone and isinstance(tip, str) and text in tip:
                continue
            needed_width = max(fm.horizontalAdvance(line) for line in text.splitlines())
            out.append(Misfit("table cell", f"{_name(table)}[{row},{col}]", text, needed_width, available))
    return out


def _scroll_area(area: QScrollArea) -> list[Misfit]:
    bar = area.horizontalScrollBar()
    inner = area.widget()
    if inner is None or not (bar.isVisible() and bar.maximum() > 0):
        return []
    return [Misfit("scrolls sideways", _name(area), _name(inner), inner.width(), area.viewport().width())]


def misfits(top: QWidget) -> list[Misfit]:
    """Every text in `top` (a shown window, its layout settled first) wider than the room its widget gives it."""
    settle(top)
    found: list[Misfit] = []
    for w in [top, *top.findChildren(QWidget)]:
        if not _shown(w, top):
            continue
        if isinstance(w, QLabel):
            found += _label(w)
        elif isinstance(w, QAbstractButton):
            found += _button(w)
        elif isinstance(w, QGroupBox):
            found += _group(w)
        elif isinstance(w, QHeaderView):
            found += _header(w)
        elif isinstance(w, QTabBar):
            found += _tabs(w)
        elif isinstance(w, QLineEdit):
            found += _placeholder(w)
        elif isinstance(w, QTableView):
            found += _cells(w)
        elif isinstance(w, QScrollArea):
            found += _scroll_area(w)
    return found


def counted(top: QWidget) -> int:
    """How many widgets with text `misfits` looked at (to report coverage)."""
    kinds = (QLabel, QAbstractButton, QGroupBox, QHeaderView, QTabBar, QLineEdit, QTableView, QScrollArea)
    return sum(1 for w in [top, *top.findChildren(QWidget)] if isinstance(w, kinds) and _shown(w, top))


def squeezed(top: QWidget) -> list[str]:
    """The shown widgets in `top` (its layout settled first) that got less height than their own minimum:
    a window too short for what it shows squeezes its fields (a box cut in half, check boxes drawn over
    each other) before any text is cut."""
    settle(top)
    return [
        f"{_name(w)}: {w.height()}px of {w.minimumSizeHint().height()}px"
        for w in [top, *top.findChildren(QWidget)]
        if _shown(w, top) and 0 < w.height() < w.minimumSizeHint().height()
    ]
