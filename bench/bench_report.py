"""Benchmark: TIA render time against a bare ReportLab document of the same page count, plus signing
and verification. Prints figures; asserts nothing. Targets: render <= 2x bare and < 250 ms.

Run: python bench/bench_report.py
"""

from __future__ import annotations

import io
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from transfer_tool.domain import AssessmentStatus
from transfer_tool.report import TiaReportRenderer, render_report
from transfer_tool.report.fonts import register_report_fonts
from transfer_tool.report.sample import sample_report_data
from transfer_tool.signing import sign_pdf, verify_pdf
from transfer_tool.signing.testing import make_test_pki

RUNS = 20


def median_ms(fn: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bare_document(pages: int, font: str, chars_per_page: int = 900) -> bytes:
    """Same font and page count; plain paragraphs, one pass, no decoration, no tables."""
    style = ParagraphStyle("b", fontName=font, fontSize=9.5, leading=14)
    story = []
    sentence = (
        "Customer support and payment handling by Pacific Contact Services (US). 個人データの越境移転。 "
    )
    per_paragraph = sentence * 3
    for page in range(pages):
        story += [
            Paragraph(per_paragraph, style) for _ in range(max(1, chars_per_page // len(per_paragraph)))
        ]
        if page < pages - 1:
            story.append(PageBreak())
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, initialFontName=font).build(story)
    return buffer.getvalue()


def main() -> None:
    start = time.perf_counter()
    renderer = TiaReportRenderer()
    print(
        f"renderer set-up (fonts registered, terminology loaded): {(time.perf_counter() - start) * 1000:.0f} ms"
    )
    data = sample_report_data()
    first = time.perf_counter()
    pages = renderer.render(data, "en").page_count
    print(
        f"first render (font subsetting warm-up): {(time.perf_counter() - first) * 1000:.0f} ms, {pages} pages"
    )
    font = register_report_fonts().main

    en = median_ms(lambda: renderer.render(data, "en"))
    ja = median_ms(lambda: renderer.render(data, "ja"))
    with_field = median_ms(lambda: render_report(data, "en", renderer))
    bare = median_ms(lambda: bare_document(pages, font))
    tia_chars = sum(
        len(page.extract_text()) for page in PdfReader(io.BytesIO(renderer.render(data, "en").pdf)).pages
    )
    dense = median_ms(lambda: bare_document(pages, font, tia_chars // pages))
    print(f"TIA render en, median of {RUNS}: {en:.0f} ms")
    print(f"TIA render ja, median of {RUNS}: {ja:.0f} ms")
    print(f"TIA render en + empty signature field: {with_field:.0f} ms")
    print(f"bare ReportLab document, {pages} pages, median of {RUNS}: {bare:.0f} ms")
    print(
        f"bare ReportLab document, {pages} pages, same text volume ({tia_chars} chars), median of {RUNS}: {dense:.0f} ms"
    )
    print(f"ratio TIA/bare: en {en / bare:.2f}x, ja {ja / bare:.2f}x (target <= 2x, < 250 ms)")
    print(f"ratio TIA/bare with the same text volume: en {en / dense:.2f}x, ja {ja / dense:.2f}x")

    with tempfile.TemporaryDirectory() as tmp:
        pki = make_test_pki(Path(tmp))
        pdf = render_report(sample_report_data(AssessmentStatus.APPROVED), "en", renderer)

        def sign() -> bytes:
            return sign_pdf(
                pdf,
                pki.signer_p12,
                pki.passphrase,
                reason="TIA approved",
                location="Tokyo",
                signer_display_name="山田 太郎",
            )

        signed = sign()
        print(f"sign (PAdES B-B, visible stamp), median of 5: {median_ms(sign, 5):.0f} ms")

        def sign_ts() -> bytes:
            return sign_pdf(
                pdf,
                pki.signer_p12,
                pki.passphrase,
                reason="TIA approved",
                location="Tokyo",
                signer_display_name="山田 太郎",
                timestamper=pki.timestamper(),
            )

        print(f"sign with a (dummy, local) timestamp, median of 5: {median_ms(sign_ts, 5):.0f} ms")
        print(f"verify, median of {RUNS}: {median_ms(lambda: verify_pdf(signed, [pki.ca_pem])):.0f} ms")


if __name__ == "__main__":
    main()
