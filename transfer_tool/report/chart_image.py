"""The risk chart as a PNG picture, for the Word export: the PDF's own chart (report.chart) drawn into a
one-page PDF by ReportLab and rasterised by PDFium, so Word shows the same bars, axis and threshold as the
signed PDF. Imported only when a Word file with a risk section is written."""

from __future__ import annotations

import io

from transfer_tool.report.chart import Bar, risk_chart
from transfer_tool.report.fonts import register_report_fonts

DPI = 200  # sharp when printed at the page's width, about 100 KB for a typical chart


def risk_chart_png(bars: list[Bar], threshold: float, threshold_label: str, width_pt: float) -> bytes:
    """PNG bytes of the chart `width_pt` points wide (the picture's size in Word is set by the caller)."""
    import pypdfium2 as pdfium
    from reportlab.graphics import renderPDF

    drawing = risk_chart(bars, threshold, threshold_label, width_pt, register_report_fonts().main)
    pdf = pdfium.PdfDocument(renderPDF.drawToString(drawing))
    try:
        page = pdf[0]
        bitmap = page.render(scale=DPI / 72, fill_color=(255, 255, 255, 255))
        image = bitmap.to_pil()
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=True)
        return out.getvalue()
    finally:
        pdf.close()
