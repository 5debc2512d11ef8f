"""Benchmark: TIA render time against a bare ReportLab document of the same page count, plus signing
and verification. Prints figures; asserts nothing. Targets: render <= 2x bare and < 250 ms.

Rounds are interleaved (each case once per round) and both wall and process-CPU medians are printed:
on a shared machine the CPU ratio is the steadier one. A third floor, plain ReportLab tables with the
same number of paragraphs and text volume, is printed for information only.

Run: PYTHONPATH=. python bench/bench_report.py [--runs 20] [--no-sign]
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import _c_funcs
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Table

from transfer_tool.domain import AssessmentStatus
from transfer_tool.report import TiaReportRenderer, render_report
from transfer_tool.report.fonts import register_report_fonts
from transfer_tool.report.layout import Block, Line, LineBreaker
from transfer_tool.report.sample import sample_report_data
from transfer_tool.signing import sign_pdf, verify_pdf
from transfer_tool.signing.testing import make_test_pki

RUNS = 20


@dataclass
class Timing:
    """Wall and CPU milliseconds of repeated runs."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def add(self, fn: Callable[[], object]) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        self.cpu.append((time.process_time() - cpu) * 1000)
        self.wall.append((time.perf_counter() - wall) * 1000)

    @property
    def median(self) -> float:
        return statistics.median(self.wall)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)


def median_ms(fn: Callable[[], object], runs: int = RUNS) -> float:
    timing = Timing()
    for _ in range(runs):
        timing.add(fn)
    return timing.median


def interleaved(cases: dict[str, Callable[[], object]], runs: int = RUNS) -> dict[str, Timing]:
    """Each case once per round, round after round, so that a busy spell on a shared machine falls on
    all of them alike rather than on whichever ran during it."""
    timings = {name: Timing() for name in cases}
    for _ in range(runs):
        for name, fn in cases.items():
            timings[name].add(fn)
    return timings


SENTENCE = "Customer support and payment handling by Pacific Contact Services (US). 個人データの越境移転。 "


def bare_document(pages: int, font: str, chars_per_page: int = 900) -> bytes:
    """Same font and page count; plain paragraphs, one pass, no decoration, no tables."""
    style = ParagraphStyle("b", fontName=font, fontSize=9.5, leading=14)
    story = []
    per_paragraph = SENTENCE * 3
    for page in range(pages):
        story += [
            Paragraph(per_paragraph, style) for _ in range(max(1, chars_per_page // len(per_paragraph)))
        ]
        if page < pages - 1:
            story.append(PageBreak())
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, initialFontName=font).build(story)
    return buffer.getvalue()


def page_texts(pdf: bytes) -> list[str]:
    """The text of each page of a PDF, as a reader's copy would give it."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def bare_same_text(texts: list[str], font: str, lang: str) -> bytes:
    """The headline floor: a bare ReportLab document with the TIA's page count and the TIA's own words
    (its text, extracted page by page), each page's text as one plain paragraph: the same characters and
    glyphs to lay out, subset and embed, and nothing else (no tables, decoration, outline, links or late
    page numbers)."""
    style = ParagraphStyle(
        "b", fontName=font, fontSize=9.5, leading=14, wordWrap="CJK" if lang == "ja" else None
    )
    story: list[Flowable] = []
    for index, text in enumerate(texts):
        story.append(Paragraph(escape(" ".join(text.split())), style))
        if index < len(texts) - 1:
            story.append(PageBreak())
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, initialFontName=font).build(story)
    return buffer.getvalue()


def bare_table_document(pages: int, font: str, cells: int, chars: int) -> bytes:
    """For information: the same page count, number of paragraphs and text volume as the TIA, laid out
    as plain ReportLab tables of three fixed-width columns (one table a page, cells wrapped by default
    Paragraphs, a rule under each row). What a table-heavy document costs ReportLab at the least."""
    style = ParagraphStyle("c", fontName=font, fontSize=8.5, leading=11.5)
    text = (SENTENCE * (1 + chars // max(cells, 1) // len(SENTENCE)))[: max(1, chars // max(cells, 1))]
    rows_per_page = max(1, cells // pages // 3)
    width = A4[0] - 2 * 56
    story: list[Flowable] = []
    for page in range(pages):
        rows = [[Paragraph(text, style) for _ in range(3)] for _ in range(rows_per_page)]
        story.append(
            Table(
                rows,
                colWidths=[width * 0.3, width * 0.3, width * 0.4],
                style=[("FONTNAME", (0, 0), (-1, -1), font), ("LINEBELOW", (0, 0), (-1, -1), 0.4, "grey")],
            )
        )
        if page < pages - 1:
            story.append(PageBreak())
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, initialFontName=font).build(story)
    return buffer.getvalue()


def count_text_blocks(fn: Callable[[], object]) -> int:
    """How many text blocks (table cells, paragraphs, headings) one call lays out."""
    count = 0
    lines = LineBreaker.lines

    def counting(self: LineBreaker, block: Block, width: float) -> list[Line]:
        nonlocal count
        count += 1
        return lines(self, block, width)

    with pytest.MonkeyPatch.context() as patched:  # counted for this call only
        patched.setattr(LineBreaker, "lines", counting)
        fn()
    return count


def _instruction_case(what: str, lang: str, renders: int) -> None:
    """One process of `--instructions`: set up, warm up, then `renders` renders of one case."""
    renderer = TiaReportRenderer()
    data = sample_report_data()
    texts = page_texts(renderer.render(data, lang).pdf)
    font = register_report_fonts().main

    def tia() -> object:
        return renderer.render(data, lang)

    def bare() -> object:
        return bare_same_text(texts, font, lang)

    case = tia if what == "tia" else bare
    for _ in range(2 + renders):
        case()


def instructions(renders: int = 10) -> None:
    """Instructions per render, counted by valgrind (callgrind): the same on a busy machine as on a quiet
    one. Each case runs twice, with 0 and with `renders` renders after the same set-up; the difference
    divided by `renders` is one render. Takes several minutes."""
    if shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind (apt-get install valgrind)")
    counts: dict[tuple[str, str], float] = {}
    for lang in ("en", "ja"):
        for what in ("tia", "bare"):
            totals = []
            for n in (0, renders):
                done = subprocess.run(
                    [
                        "valgrind",
                        "--tool=callgrind",
                        "--callgrind-out-file=/dev/null",
                        sys.executable,
                        __file__,
                        "--instruction-case",
                        what,
                        lang,
                        str(n),
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                found = re.search(r"Collected : (\d+)", done.stderr)
                if found is None:
                    raise SystemExit(f"valgrind printed no count:\n{done.stderr[-2000:]}")
                totals.append(int(found.group(1)))
            counts[(what, lang)] = (totals[1] - totals[0]) / renders
            print(f"{what} {lang}: {counts[(what, lang)] / 1e6:.1f} M instructions a render")
    for lang in ("en", "ja"):
        ratio = counts[("tia", lang)] / counts[("bare", lang)]
        print(f"instruction ratio TIA / bare with the same words, {lang}: {ratio:.2f}x (target <= 2x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--no-sign", action="store_true", help="render figures only")
    parser.add_argument(
        "--instructions", action="store_true", help="count instructions with valgrind instead (slow, steady)"
    )
    parser.add_argument("--instruction-case", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.instruction_case:
        what, lang, renders = args.instruction_case
        _instruction_case(what, lang, int(renders))
        return
    if args.instructions:
        instructions()
        return
    print(f"ReportLab C accelerator (rl_accel): {'yes' if _c_funcs else 'no (pure-Python fallbacks)'}")
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
    renderer.render(data, "ja")
    font = register_report_fonts().main
    texts = {lang: page_texts(renderer.render(data, lang).pdf) for lang in ("en", "ja")}
    tia_chars = sum(len(text) for text in texts["en"])
    for lang in ("en", "ja"):
        same_pages = len(page_texts(bare_same_text(texts[lang], font, lang)))
        print(f"same-words floor ({lang}): {same_pages} pages for the TIA's {pages}")
    paragraphs = count_text_blocks(lambda: renderer.render(data, "en"))

    t = interleaved(
        {
            "en": lambda: renderer.render(data, "en"),
            "ja": lambda: renderer.render(data, "ja"),
            "field": lambda: render_report(data, "en", renderer),
            "same_en": lambda: bare_same_text(texts["en"], font, "en"),
            "same_ja": lambda: bare_same_text(texts["ja"], font, "ja"),
            "bare": lambda: bare_document(pages, font),
            "dense": lambda: bare_document(pages, font, tia_chars // pages),
            "tables": lambda: bare_table_document(pages, font, paragraphs, tia_chars),
        },
        args.runs,
    )
    en, ja, bare, dense, tables = t["en"], t["ja"], t["bare"], t["dense"], t["tables"]
    same_en, same_ja = t["same_en"], t["same_ja"]
    runs = f"median of {args.runs}, interleaved"
    print(f"TIA render en, {runs}: {en.median:.1f} ms ({en.median_cpu:.1f} ms CPU)")
    print(f"TIA render ja, {runs}: {ja.median:.1f} ms ({ja.median_cpu:.1f} ms CPU)")
    print(f"TIA render en + empty signature field: {t['field'].median:.1f} ms")
    print(f"floors, {pages} pages each, {runs}:")
    print(f"  bare, the TIA's own words, en: {same_en.median:.1f} ms ({same_en.median_cpu:.1f} ms CPU)")
    print(f"  bare, the TIA's own words, ja: {same_ja.median:.1f} ms ({same_ja.median_cpu:.1f} ms CPU)")
    print(f"  bare, 900 characters a page (the floor of sessions 1-2): {bare.median:.1f} ms")
    print(
        f"  bare, same text volume ({tia_chars} characters) in one repeated sentence: {dense.median:.1f} ms"
    )
    print(
        f"  (information) ReportLab Tables of Paragraphs, {paragraphs} cells as the TIA has text blocks:"
        f" {tables.median:.1f} ms"
    )
    print(
        f"ratio TIA / bare with the same words: en {en.median / same_en.median:.2f}x,"
        f" ja {ja.median / same_ja.median:.2f}x (CPU: en {en.median_cpu / same_en.median_cpu:.2f}x,"
        f" ja {ja.median_cpu / same_ja.median_cpu:.2f}x) (target <= 2x, < 250 ms)"
    )
    print(
        f"ratio TIA / bare 900 characters a page: en {en.median / bare.median:.2f}x, ja {ja.median / bare.median:.2f}x"
    )
    print(
        f"ratio TIA / bare same text volume: en {en.median / dense.median:.2f}x, ja {ja.median / dense.median:.2f}x"
    )
    print(
        f"ratio TIA / ReportLab tables (information): en {en.median / tables.median:.2f}x,"
        f" ja {ja.median / tables.median:.2f}x"
    )
    if args.no_sign:
        return

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
