"""The risk chart: probability over the assessment period per law and in total, against the threshold."""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from transfer_tool.report.styles import ACCENT, BAD, GOOD, MUTED, RULE
from transfer_tool.report.terms import format_percent


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # 0..1
    is_total: bool = False


def _nice_max(value: float, ticks: int = 4) -> float:
    """The smallest 'round' axis maximum (ticks of 1, 2, 2.5 or 5 x 10^k) at or above `value`."""
    if value <= 0:
        return 1.0
    step = value / ticks
    magnitude = 10.0 ** math.floor(math.log10(step))
    for nice in (1.0, 2.0, 2.5, 5.0, 10.0):
        if nice * magnitude >= step:
            return nice * magnitude * ticks
    return 10 * magnitude * ticks


def risk_chart(bars: list[Bar], threshold: float, threshold_label: str, width: float, font: str) -> Drawing:
    bar_h, gap, top, bottom = 16.0, 9.0, 22.0, 20.0
    label_w = min(width * 0.38, max(stringWidth(b.label, font, 8) for b in bars) + 8)
    plot_x = label_w
    plot_w = width - label_w - 56  # room for the value printed after the bar
    height = top + bottom + len(bars) * (bar_h + gap)
    scale_max = _nice_max(max([threshold * 1.15, *(b.value * 1.1 for b in bars)]))
    drawing = Drawing(width, height)
    # The renderer's initial state would otherwise select (and reference, unembedded) Helvetica.
    drawing.__dict__["initialFontName"] = font

    def x_of(value: float) -> float:
        return float(plot_x + plot_w * min(value / scale_max, 1.0))

    # axis with four ticks
    axis_y = bottom
    drawing.add(Line(plot_x, axis_y, plot_x + plot_w, axis_y, strokeColor=RULE, strokeWidth=0.6))
    for i in range(5):
        tick = scale_max * i / 4
        x = x_of(tick)
        drawing.add(Line(x, axis_y, x, axis_y - 3, strokeColor=RULE, strokeWidth=0.6))
        drawing.add(
            String(
                x,
                axis_y - 12,
                format_percent(tick),
                fontName=font,
                fontSize=7,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )

    for index, bar in enumerate(bars):
        y = height - top - (index + 1) * (bar_h + gap) + gap
        colour = BAD if bar.value > threshold else (ACCENT if bar.is_total else GOOD)
        drawing.add(
            String(
                plot_x - 6,
                y + 5,
                bar.label,
                fontName=font,
                fontSize=8,
                fillColor=ACCENT if bar.is_total else MUTED,
                textAnchor="end",
            )
        )
        drawing.add(
            Rect(plot_x, y, max(x_of(bar.value) - plot_x, 1.0), bar_h, fillColor=colour, strokeColor=None)
        )
        drawing.add(
            String(
                x_of(bar.value) + 4,
                y + 5,
                format_percent(bar.value),
                fontName=font,
                fontSize=8,
                fillColor=colour,
            )
        )

    tx = x_of(threshold)
    drawing.add(Line(tx, axis_y, tx, height - 12, strokeColor=BAD, strokeWidth=1, strokeDashArray=[3, 2]))
    drawing.add(
        String(
            tx,
            height - 9,
            f"{threshold_label} {format_percent(threshold)}",
            fontName=font,
            fontSize=7.5,
            fillColor=BAD,
            textAnchor="middle",
        )
    )
    return drawing
