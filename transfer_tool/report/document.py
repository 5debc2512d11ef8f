"""The report's document machinery on ReportLab platypus: the flowables the renderer adds beside its text
(section headings that become outline entries, contents lines, the signature box), the numbers known only
when the layout is done (a heading's page, the page total) written into the pages at save, the document
template that records where headings and the signature box landed, and one render's state (`Build`)."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable

from transfer_tool.report.data import ReportData
from transfer_tool.report.layout import Block, Line, LineBreaker, Para, Pen
from transfer_tool.report.pdftext import TextOps, add_link
from transfer_tool.report.reportlab_adapter import add_to_page
from transfer_tool.report.signature_widget import add_empty_signature_field
from transfer_tool.report.styles import MUTED, RULE


class Heading(Para):
    """A section heading: becomes an outline entry and a clickable contents line. It never ends a page
    alone: with less than `keep_room` left it asks for more than there is, and moves to the next page
    (what a CondPageBreak before it would do, without another flowable to lay out)."""

    def __init__(self, breaker: LineBreaker, text: str, style: ParagraphStyle, level: int, key: str) -> None:
        super().__init__(breaker, text, style)
        self.outline_text = text
        self.level = level
        self.key = key
        self.keep_room = (60 if level == 0 else 30) * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        width, height = super().wrap(avail_width, avail_height)
        return (width, avail_height + 1) if avail_height < self.keep_room else (width, height)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return [] if avail_height < self.keep_room else super().split(avail_width, avail_height)


@dataclass(frozen=True)
class LateNumber:
    """A number known only when the layout is done (a heading's page, the page total), written into
    page `page` at save time: the build stays a single pass (no multiBuild, no form per number)."""

    page: int  # 0-based
    x: float  # where the text ends (right-aligned) or starts
    y: float
    size: float
    right_aligned: bool
    heading: str | None  # the heading key whose page this is; None for the page total


class LateNumbers:
    """What a canvas collects while drawing; `_NumberedCanvas.save` fills them in."""

    def __init__(self) -> None:
        self.items: list[LateNumber] = []

    def add(self, canv: Canvas, x: float, y: float, size: float, *, right: bool, heading: str | None) -> None:
        ax, ay = canv.absolutePosition(x, y)
        self.items.append(LateNumber(canv.getPageNumber() - 1, ax, ay, size, right, heading))


class ContentsLine(Flowable):  # type: ignore[misc]
    """One contents line: the heading text, a dot leader, and its page number, written in at save
    time (`LateNumber`)."""

    number_room = 28.0

    def __init__(
        self, heading: Heading, style: ParagraphStyle, breaker: LineBreaker, late: LateNumbers
    ) -> None:
        super().__init__()
        self.key = heading.key
        self.block = Block(heading.outline_text, style)
        self.style = style
        self._breaker = breaker
        self._late = late
        self._lines: list[Line] = []

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self._lines = self._breaker.lines(self.block, avail_width - self.number_room)
        self.height = len(self._lines) * self.style.leading
        return avail_width, self.height

    def draw(self) -> None:
        canv = self.canv
        pen = Pen(self._breaker, canv)
        pen.write(self._lines, 0, self.height)
        pen.finish()
        baseline = self.style.leading - self.style.fontSize
        text_end = self._breaker.width(self._lines[-1]) if self._lines else 0.0
        if text_end + 6 < self.width - self.number_room + 2:  # the dot leader (drawOn saves the state)
            canv.setStrokeColor(MUTED)
            canv.setLineWidth(0.8)
            canv.setLineCap(1)
            canv.setDash([0.01, 3.2])
            canv.line(text_end + 6, baseline + 1, self.width - self.number_room + 2, baseline + 1)
        self._late.add(canv, self.width, baseline, 10, right=True, heading=self.key)
        x0, y0 = canv.absolutePosition(0, 0)
        x1, y1 = canv.absolutePosition(self.width, self.height)
        add_link(canv, (x0, y0, x1, y1), self.key)


class SignatureSpace(Flowable):  # type: ignore[misc]
    """An empty framed rectangle that records where it landed, so the signature field goes there."""

    def __init__(
        self, width: float, height: float, record: Callable[[int, tuple[float, float, float, float]], None]
    ) -> None:
        super().__init__()
        self.width = width
        self.height = height
        self._record = record

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setDash(2, 2)
        canv.setLineWidth(0.6)
        canv.rect(0, 0, self.width, self.height)
        canv.restoreState()
        x, y = canv.absolutePosition(0, 0)
        self._record(canv.getPageNumber() - 1, (x, y, x + self.width, y + self.height))


class TiaDocTemplate(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, buffer: io.BytesIO, *, signature_field: str | None = None, **kw: Any) -> None:
        super().__init__(buffer, **kw)
        self.signature_place: tuple[int, tuple[float, float, float, float]] | None = None
        self.signature_field = signature_field  # when set, the empty field is written where the box lands
        self.heading_pages: dict[str, int] = {}

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading):
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(flowable.outline_text, flowable.key, flowable.level, closed=False)
            self.heading_pages[flowable.key] = self.page

    def place_signature(self, page_index: int, box: tuple[float, float, float, float]) -> None:
        self.signature_place = (page_index, box)
        if self.signature_field is not None:
            add_empty_signature_field(self.canv, self.signature_field, box)


def numbered_canvas_class(
    total_text: str, font: str, heading_pages: dict[str, int], late: LateNumbers
) -> type[Canvas]:
    class _NumberedCanvas(Canvas):  # type: ignore[misc]
        def save(self) -> None:
            # The layout is done: write the late numbers into their pages' content streams.
            total = total_text.format(total=self.getPageNumber() - 1)
            ops = TextOps(self)
            for item in late.items:
                text = total if item.heading is None else str(heading_pages.get(item.heading, "?"))
                x = item.x - stringWidth(text, font, item.size) if item.right_aligned else item.x
                ops.colour(MUTED)
                ops.show(x, item.y, font, item.size, text)
                add_to_page(self, item.page, ops.code())
            # Streams are written Flate-compressed only: ASCII85 on top costs time and 25 % of size.
            use_a85 = rl_config.useA85
            rl_config.useA85 = 0
            try:
                super().save()
            finally:
                rl_config.useA85 = use_a85

    return _NumberedCanvas


@dataclass
class Build:
    """Per-render state."""

    data: ReportData
    lang: str
    styles: StyleSheet1
    breaker: LineBreaker
    headings: list[Heading] = field(default_factory=list)
    late: LateNumbers = field(default_factory=LateNumbers)
    forms: set[str] = field(default_factory=set)  # the page decoration forms drawn so far

    def heading(self, text: str, style: str, level: int) -> Heading:
        made = Heading(self.breaker, text, self.styles[style], level, f"h{len(self.headings) + 1}")
        self.headings.append(made)
        return made
