"""A PDF shown as page images in a scroll area, rendered by pypdfium2 with form fields drawn.

QtPdf's QPdfView does not draw widget annotations, so a signed report would show no signature stamp
(platform-notes §1). pypdfium2 draws them once `init_forms()` is called. Pages are rendered off the GUI
thread into QImages (which, unlike QPixmaps, may be made on any thread) and shown scaled to the width.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette, QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from ui.tasks import run_task

log = logging.getLogger("ui.widgets.pdf_view")

RENDER_SCALE = 1.6  # pixels per PDF point: an A4 page is ~950 px wide, sharp when shown at ~600-900 px
MAX_PAGES = 200  # a report is 10-30 pages; stop a hostile file from exhausting memory
PAGE_GAP = 12

# PDFium is not thread-safe: one render at a time across every view in the process.
_PDFIUM = threading.Lock()


class PdfRenderError(Exception):
    """The bytes could not be rendered (not a PDF, encrypted, damaged)."""


def render_pdf_pages(pdf: bytes, scale: float = RENDER_SCALE, max_pages: int = MAX_PAGES) -> list[QImage]:
    """Every page of `pdf` as an image, signature stamps and other form fields included."""
    import pypdfium2 as pdfium  # imported at first use: the register does not need it

    with _PDFIUM:
        try:
            doc = pdfium.PdfDocument(pdf)
        except pdfium.PdfiumError as exc:
            raise PdfRenderError(str(exc)) from exc
        try:
            doc.init_forms()
            images: list[QImage] = []
            for index in range(min(len(doc), max_pages)):
                page = doc[index]
                bitmap = page.render(scale=scale, may_draw_forms=True, rev_byteorder=True, prefer_bgrx=True)
                width, height, stride = bitmap.width, bitmap.height, bitmap.stride
                image = QImage(bitmap.buffer, width, height, stride, QImage.Format.Format_RGBX8888)
                images.append(image.copy())  # detach from PDFium's buffer before it is freed
                bitmap.close()
                page.close()
            return images
        finally:
            doc.close()


class _PagesCanvas(QWidget):
    """Paints the pages one under the other at the width it is given; its minimum height is their total,
    so the scroll area scrolls through all of them. Without pages it shows a note instead."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfCanvas")
        # The grey desk under the pages comes from the palette (Qt fills it before paintEvent).
        desk = self.palette()
        desk.setColor(QPalette.ColorRole.Window, QColor("#8a8f96"))
        self.setPalette(desk)
        self.setAutoFillBackground(True)
        self.images: list[QImage] = []
        self.note = ""
        self._scaled: list[QPixmap] = []
        self._width = -1

    def set_images(self, images: list[QImage]) -> None:
        self.images, self.note = images, ""
        self._width = -1
        self._relayout()

    def set_note(self, text: str) -> None:
        self.images, self.note, self._scaled = [], text, []
        self._width = -1
        self.setMinimumHeight(0)
        self.update()

    def page_top(self, index: int) -> int:
        """Where page `index` starts (for scrolling to it)."""
        return PAGE_GAP + sum(p.height() + PAGE_GAP for p in self._scaled[:index])

    def _relayout(self) -> None:
        width = max(200, self.width() - 2 * PAGE_GAP)
        if self.images and width != self._width:
            self._width = width
            self._scaled = [
                QPixmap.fromImage(i.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation))
                for i in self.images
            ]
            self.setMinimumHeight(self.page_top(len(self._scaled)))
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter()
        if not painter.begin(self):  # no paint device yet (a window being torn down): nothing to draw
            return
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        if not self._scaled:
            painter.setPen(QColor("white"))
            font = painter.font()
            font.setPixelSize(14)
            painter.setFont(font)
            box = self.rect().adjusted(24, 24, -24, -24)
            flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
            painter.drawText(box, flags, self.note)
            return
        y = PAGE_GAP
        for page in self._scaled:
            painter.drawPixmap((self.width() - page.width()) // 2, y, page)
            y += page.height() + PAGE_GAP


class PdfPagesView(QScrollArea):
    """Shows a PDF's pages one under the other, fitted to the width.

    `set_pdf(bytes)` renders in a background thread (inline when `synchronous`); `rendered(pages)` or
    `failed(message)` follows. `set_message(text)` shows a note instead of pages (nothing to show yet).
    """

    rendered = Signal(int)
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.setObjectName("pdfPagesView")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._generation = 0
        self._canvas = _PagesCanvas()
        self.setWidget(self._canvas)
        self.set_message(self.tr("No document to show."))

    # ---- public --------------------------------------------------------------------------------------

    def set_pdf(self, pdf: bytes) -> None:
        self._generation += 1
        generation = self._generation
        self._canvas.set_note(self.tr("Rendering the document…"))
        run_task(
            lambda: _render_or_error(pdf),
            lambda result: self._finished(generation, result),
            owner=self,
            label="PDF pages",
            synchronous=self.synchronous,
        )

    def set_message(self, text: str) -> None:
        self._generation += 1  # a render still running for an older document is dropped
        self._canvas.set_note(text)

    def page_count(self) -> int:
        return len(self._canvas.images)

    def page_images(self) -> Sequence[QImage]:
        return tuple(self._canvas.images)

    def message(self) -> str:
        return self._canvas.note

    def show_page(self, index: int) -> None:
        """Scroll so that page `index` (0-based; negative counts from the end) is at the top."""
        count = self.page_count()
        if count:
            self.verticalScrollBar().setValue(self._canvas.page_top(index % count) - PAGE_GAP)

    # ---- internals -----------------------------------------------------------------------------------

    def _finished(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return
        if isinstance(result, PdfRenderError):
            self._canvas.set_note(self.tr("This file cannot be shown: it is not a readable PDF."))
            self.failed.emit(str(result))
            return
        assert isinstance(result, list)
        self._canvas.set_images(result)
        self.verticalScrollBar().setValue(0)
        self.rendered.emit(len(result))


def _render_or_error(pdf: bytes) -> list[QImage] | PdfRenderError:
    try:
        return render_pdf_pages(pdf)
    except PdfRenderError as exc:
        return exc
    except Exception as exc:  # a hostile file must never take the app down
        log.info("PDF could not be rendered: %s", exc)
        return PdfRenderError(str(exc))
