"""The TIA PDF renderer (ReportLab platypus), factored like pretix's invoice renderer.

Fonts are registered once per renderer, one stylesheet function holds every style, two page templates
(cover, later pages) draw the fixed decoration in `onPage`, and the story holds content only. "Page X of
Y" uses a forward-referenced Form XObject filled in at save time (the NumberedCanvas recipe that defers
showPage() would break the bookmarks).

The sections live in `sections_transfer.py` and `sections_findings.py`, built from `parts.py`; the
document machinery (headings, contents lines, late page numbers, the signature box) in `document.py`.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.styles import StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, NextPageTemplate, PageBreak, PageTemplate

from transfer_tool.domain import AssessmentStatus
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.report.data import ReportData, localize
from transfer_tool.report.document import Build, TiaDocTemplate, numbered_canvas_class
from transfer_tool.report.fonts import ReportFonts, register_report_fonts
from transfer_tool.report.layout import GridStyle, Ink, LineBreaker, Pen
from transfer_tool.report.sections_findings import FindingsSections
from transfer_tool.report.sections_transfer import TransferSections
from transfer_tool.report.styles import ACCENT, MUTED, RULE, WATERMARK, build_stylesheet
from transfer_tool.report.terms import LANGUAGES, Terminology
from transfer_tool.signing.fields import DEFAULT_SIGNATURE_FIELD, SignatureFieldLayout

_PDF_LANG = {"en": "en", "ja": "ja-JP"}


@dataclass(frozen=True)
class RenderedReport:
    pdf: bytes
    page_count: int
    signature_field: SignatureFieldLayout


class TiaReportRenderer(TransferSections, FindingsSections):
    """Renders a `ReportData` in English or Japanese; an instance keeps its fonts, styles and word widths."""

    _footer_y = 11 * mm

    def __init__(self, terms: Terminology | None = None, field_name: str = DEFAULT_SIGNATURE_FIELD) -> None:
        self.terms = terms or Terminology.load()
        self.fonts: ReportFonts = register_report_fonts()
        self.field_name = field_name
        self._breaker = LineBreaker(self.fonts)
        self._footer_ink = Ink(self.fonts.main, 7.5, 9, MUTED)
        self._grid_style = GridStyle(rule=RULE, header_background=ACCENT)
        # Styles never change once built; paragraph templates are kept per style: one set per language.
        self._sheets: dict[str, StyleSheet1] = {}

    # ---- entry point -------------------------------------------------------------------------------

    def render(self, data: ReportData, lang: str = "en", *, with_field: bool = False) -> RenderedReport:
        """The PDF and where its sign-off box is; `with_field`: with the empty signature field there."""
        if lang not in LANGUAGES:
            raise ValueError(
                error_text(
                    "unsupported report language {0}; use one of {1}", repr(lang), ", ".join(LANGUAGES)
                )
            )
        sheet = self._sheets.get(lang)
        if sheet is None:
            sheet = self._sheets[lang] = build_stylesheet(self.fonts.main, lang)
        build = Build(data, lang, sheet, self._breaker)
        buffer = io.BytesIO()
        doc = self._doc(buffer, build, self.field_name if with_field else None)
        total_text = self.terms.get("doc.page_total", lang)
        story = self._story(build, doc)
        doc.build(
            story,
            canvasmaker=numbered_canvas_class(total_text, self.fonts.main, doc.heading_pages, build.late),
        )
        if doc.signature_place is None:  # the story always ends with the sign-off block
            raise RuntimeError("the sign-off block was not placed")
        page_index, box = doc.signature_place
        return RenderedReport(
            pdf=buffer.getvalue(),
            page_count=doc.page,
            signature_field=SignatureFieldLayout(self.field_name, page_index, box),
        )

    def _doc(self, buffer: io.BytesIO, b: Build, signature_field: str | None) -> TiaDocTemplate:
        d, t = b.data, self.terms
        doc = TiaDocTemplate(
            buffer,
            signature_field=signature_field,
            pagesize=self.pagesize,
            leftMargin=self.margin_left,
            rightMargin=self.margin_right,
            topMargin=self.margin_top,
            bottomMargin=self.margin_bottom,
            title=f"{t.get('doc.title', b.lang)}: {d.title} ({d.reference} v{d.version})",
            author=d.assessor,
            subject=t.get("doc.subject", b.lang),
            keywords=", ".join((d.reference, *(localize(k, b.lang) for k in d.keywords))),
            creator="transfer-tool",
            lang=_PDF_LANG[b.lang],
            initialFontName=self.fonts.main,
        )
        frame = Frame(
            doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", leftPadding=0, rightPadding=0
        )
        doc.addPageTemplates(
            [
                PageTemplate("cover", [frame], onPage=lambda c, dc: self._on_page(c, dc, b, cover=True)),
                PageTemplate("later", [frame], onPage=lambda c, dc: self._on_page(c, dc, b, cover=False)),
            ]
        )
        return doc

    # ---- fixed page decoration ------------------------------------------------------------------------

    def _on_page(self, canv: Canvas, doc: TiaDocTemplate, b: Build, *, cover: bool) -> None:
        # What is the same on every page (watermark, rules, header, footer text) is drawn once per
        # document into a form, and each page shows the form: only the page number is drawn per page.
        form = "tiaCover" if cover else "tiaPage"
        if form not in b.forms:
            canv.beginForm(form)
            self._fixed_decoration(canv, b, cover=cover)
            canv.endForm()
            b.forms.add(form)
        canv.doForm(form)
        t, font, lang = self.terms, self.fonts.main, b.lang
        right, y = self.pagesize[0] - self.margin_right, self._footer_y
        space = stringWidth(" ", font, 7.5)
        prefix_end = right - stringWidth(t.get("doc.page_total", lang, total=999), font, 7.5) - space
        page_of = self._breaker.line(t.get("doc.page_of", lang, page=doc.page), self._footer_ink)
        pen = Pen(self._breaker, canv)
        pen.line(page_of, prefix_end - self._breaker.width(page_of), y)
        pen.finish()
        b.late.add(canv, prefix_end + space, y, 7.5, right=False, heading=None)

    def _fixed_decoration(self, canv: Canvas, b: Build, *, cover: bool) -> None:
        d, lang, t, font = b.data, b.lang, self.terms, self.fonts.main
        width, height = self.pagesize
        left, right = self.margin_left, width - self.margin_right
        if d.status is not AssessmentStatus.APPROVED:
            self._watermark(canv, t.get("doc.watermark_draft", lang))
        id_line = f"{d.reference} · {t.get('doc.version', lang)} {d.version} · {t.get('status.' + d.status.value, lang)}"
        breaker, pen = self._breaker, Pen(self._breaker, canv)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        if cover:
            canv.setFillColor(ACCENT)
            canv.rect(0, height - 8 * mm, width, 8 * mm, stroke=0, fill=1)
        else:
            ink = Ink(font, 8, 10, MUTED)
            ids = breaker.line(id_line, ink)
            ids_width = breaker.width(ids)
            pen.line(ids, right - ids_width, height - 14 * mm)
            title = f"{d.organisation} — {t.get('doc.title', lang)}"
            pen.line(breaker.fit(title, ink, right - left - ids_width - 12), left, height - 14 * mm)
            canv.line(left, height - 16 * mm, right, height - 16 * mm)
        # footer: confidentiality and reference left; "Page X of Y" right, drawn per page by _on_page
        canv.line(left, self._footer_y + 4 * mm, right, self._footer_y + 4 * mm)
        pen.line(
            breaker.line(f"{t.get('doc.confidential', lang)} · {id_line}", self._footer_ink),
            left,
            self._footer_y,
        )
        pen.finish()

    def _watermark(self, canv: Canvas, text: str) -> None:
        width, height = self.pagesize
        canv.saveState()
        canv.setFillColor(WATERMARK)
        canv.setFont(self.fonts.main, 110)
        canv.translate(width / 2, height / 2)
        canv.rotate(45)
        canv.drawCentredString(0, -35, text)
        canv.restoreState()

    # ---- the story ----------------------------------------------------------------------------------------

    def _story(self, b: Build, doc: TiaDocTemplate) -> list[Flowable]:
        sections: list[tuple[str, Callable[[Build, int], list[Flowable]]]] = [
            ("section.pre_assessment", self._pre_assessment),
            ("section.parties", self._parties),
            ("section.description", self._description),
            ("section.regimes", self._regimes),
            ("section.tools", self._tools),
            ("section.law_practice", self._law_practice),
            ("section.measures", self._measures),
            ("section.action_plan", self._action_plan),
            ("section.risk", self._risk),
            ("section.conclusion", self._conclusion),
        ]
        if b.data.appi_consent is not None:
            sections.append(("section.appi_consent", self._appi_consent))
        sections += [
            ("section.review_history", self._review_history),
            ("section.evidence", self._evidence),
        ]
        body: list[Flowable] = []
        for number, (key, build_section) in enumerate(sections, start=1):
            body.append(self._h1(b, number, key))
            body.extend(build_section(b, number))
        body.extend(self._sign_off(b, len(sections) + 1, doc))
        # the contents list is made last: it lists the headings the body just created
        return [
            NextPageTemplate("later"),
            *self._cover(b),
            PageBreak(),
            *self._contents(b),
            PageBreak(),
            *body,
        ]


def render_report_with_layout(
    data: ReportData, lang: str = "en", renderer: TiaReportRenderer | None = None
) -> RenderedReport:
    """The PDF (without a signature field) and where the sign-off box is, for callers placing the field."""
    return (renderer or TiaReportRenderer()).render(data, lang)


def render_report(data: ReportData, lang: str = "en", renderer: TiaReportRenderer | None = None) -> bytes:
    """The TIA PDF with an empty signature field in the sign-off box, ready for `signing.sign_pdf`."""
    return (renderer or TiaReportRenderer()).render(data, lang, with_field=True).pdf


def warm_up() -> None:
    """Do once what a process's first render pays for: import the renderer's modules, register the fonts
    (their tables come from the disk cache, font_cache.py) and run every code path of a render, in both
    languages, on the sample report. The app calls it in the background once its main window is on
    screen, so the user's first "Generate PDF" is as fast as the second."""
    from transfer_tool.report.sample import sample_report_data

    data = sample_report_data(AssessmentStatus.APPROVED)
    renderer = TiaReportRenderer()
    for lang in LANGUAGES:
        renderer.render(data, lang, with_field=True)
