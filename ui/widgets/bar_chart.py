"""A small horizontal bar chart drawn with QPainter (no QtCharts): label, bar, value per line."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_COLOUR = QColor("#3b6ea8")
ROW_GAP = 6


class BarChart(QWidget):
    """Bars for (key, label, value) items; clicking a bar emits `bar_clicked(key)`."""

    bar_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[tuple[str, str, int]] = []
        self._empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_items(self, items: Sequence[tuple[str, str, int]], empty_text: str = "") -> None:
        self._items = list(items)
        self._empty_text = empty_text
        summary = "; ".join(f"{label}: {value}" for _key, label, value in self._items)
        self.setAccessibleDescription(summary or empty_text)
        self.setToolTip("")
        self.updateGeometry()
        self.update()

    def items(self) -> list[tuple[str, str, int]]:
        return list(self._items)

    def _row_height(self) -> int:
        return QFontMetrics(self.font()).height() + ROW_GAP

    def sizeHint(self) -> QSize:
        return QSize(360, max(3, len(self._items)) * self._row_height() + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 3 * self._row_height())

    def _label_width(self) -> int:
        fm = QFontMetrics(self.font())
        widest = max((fm.horizontalAdvance(label) for _k, label, _v in self._items), default=0)
        return min(widest + 12, max(80, self.width() // 2))

    def _bar_at(self, y: float) -> int:
        row = int((y - 4) // self._row_height())
        return row if 0 <= row < len(self._items) else -1

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self._bar_at(event.position().y())
        if row >= 0 and event.button() == Qt.MouseButton.LeftButton:
            self.bar_clicked.emit(self._items[row][0])
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        row = self._bar_at(event.position().y())
        self.setCursor(Qt.CursorShape.PointingHandCursor if row >= 0 else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        fm = QFontMetrics(self.font())
        if not self._items:
            p.setPen(text_colour)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._empty_text)
            return
        label_w = self._label_width()
        value_w = fm.horizontalAdvance(str(max(v for _k, _l, v in self._items))) + 10
        bar_space = max(10, self.width() - label_w - value_w - 8)
        top_value = max(1, max(v for _k, _l, v in self._items))
        row_h = self._row_height()
        for i, (_key, label, value) in enumerate(self._items):
            y = 4 + i * row_h
            p.setPen(text_colour)
            elided = fm.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 8)
            p.drawText(
                QRectF(0, y, label_w - 8, row_h - ROW_GAP),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                elided,
            )
            width = max(2.0, bar_space * value / top_value)
            p.fillRect(QRectF(label_w, y + 1, width, row_h - ROW_GAP - 2), BAR_COLOUR)
            p.drawText(
                QRectF(label_w + width + 6, y, value_w, row_h - ROW_GAP),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                str(value),
            )
        p.end()
