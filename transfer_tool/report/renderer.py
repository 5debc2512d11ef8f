"""The TIA PDF renderer (ReportLab platypus), factored like pretix's invoice renderer.

Fonts are registered once per renderer, one stylesheet function holds every style, two page templates
(cover, later pages) draw the fixed decoration in `onPage`, and the story holds content only. "Page X of
Y" uses a forward-referenced Form XObject filled in at save time (the NumberedCanvas recipe that defers
showPage() would break the bookmarks).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab import rl_config
from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
)

from transfer_tool.countries.model import RegimeEntry
from transfer_tool.domain import AssessmentStatus
from transfer_tool.report.chart import Bar, risk_chart
from transfer_tool.report.data import Answer, Localized, PolicyItem, ReportData, Text, localize
from transfer_tool.report.fonts import ReportFonts, register_report_fonts
from transfer_tool.report.layout import Block, Cell, Grid, GridStyle, Ink, Line, LineBreaker, Para, Pen
from transfer_tool.report.pdftext import TextOps, add_link
from transfer_tool.report.reportlab_adapter import add_to_page
from transfer_tool.report.signature_widget import add_empty_signature_field
from transfer_tool.report.styles import (
    ACCENT,
    BAD,
    GOOD,
    MUTED,
    RULE,
    SHADE,
    WARN_SHADE,
    WATERMARK,
    build_stylesheet,
)
from transfer_tool.report.terms import (
    LANGUAGES,
    Terminology,
    format_date,
    format_datetime,
    format_percent,
)
from transfer_tool.signing.fields import DEFAULT_SIGNATURE_FIELD, SignatureFieldLayout
from transfer_tool.text_catalogue import translate

_PDF_LANG = {"en": "en", "ja": "ja-JP"}
_CELL_PADDING = 10.0  # left + right, points


@dataclass(frozen=True)
class RenderedReport:
    pdf: bytes
    page_count: int
    signature_field: SignatureFieldLayout


class _Heading(Para):
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
class _LateNumber:
    """A number known only when the layout is done (a heading's page, the page total), written into
    page `page` at save time: the build stays a single pass (no multiBuild, no form per number)."""

    page: int  # 0-based
    x: float  # where the text ends (right-aligned) or starts
    y: float
    size: float
    right_aligned: bool
    heading: str | None  # the heading key whose page this is; None for the page total


class _LateNumbers:
    """What a canvas collects while drawing; `_NumberedCanvas.save` fills them in."""

    def __init__(self) -> None:
        self.items: list[_LateNumber] = []

    def add(self, canv: Canvas, x: float, y: float, size: float, *, right: bool, heading: str | None) -> None:
        ax, ay = canv.absolutePosition(x, y)
        self.items.append(_LateNumber(canv.getPageNumber() - 1, ax, ay, size, right, heading))


class _ContentsLine(Flowable):  # type: ignore[misc]
    """One contents line: the heading text, a dot leader, and its page number, written in at save
    time (`_LateNumber`)."""

    number_room = 28.0

    def __init__(
        self, heading: _Heading, style: ParagraphStyle, breaker: LineBreaker, late: _LateNumbers
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


class _SignatureSpace(Flowable):  # type: ignore[misc]
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


class _TiaDocTemplate(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, buffer: io.BytesIO, *, signature_field: str | None = None, **kw: Any) -> None:
        super().__init__(buffer, **kw)
        self.signature_place: tuple[int, tuple[float, float, float, float]] | None = None
        self.signature_field = signature_field  # when set, the empty field is written where the box lands
        self.heading_pages: dict[str, int] = {}

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _Heading):
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(flowable.outline_text, flowable.key, flowable.level, closed=False)
            self.heading_pages[flowable.key] = self.page

    def place_signature(self, page_index: int, box: tuple[float, float, float, float]) -> None:
        self.signature_place = (page_index, box)
        if self.signature_field is not None:
            add_empty_signature_field(self.canv, self.signature_field, box)


def _canvas_class(
    total_text: str, font: str, heading_pages: dict[str, int], late: _LateNumbers
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
class _Build:
    """Per-render state."""

    data: ReportData
    lang: str
    styles: StyleSheet1
    breaker: LineBreaker
    headings: list[_Heading] = field(default_factory=list)
    late: _LateNumbers = field(default_factory=_LateNumbers)
    forms: set[str] = field(default_factory=set)  # the page decoration forms drawn so far

    def heading(self, text: str, style: str, level: int) -> _Heading:
        made = _Heading(self.breaker, text, self.styles[style], level, f"h{len(self.headings) + 1}")
        self.headings.append(made)
        return made


class TiaReportRenderer:
    pagesize = A4
    margin_left = 20 * mm
    margin_right = 20 * mm
    margin_top = 24 * mm
    margin_bottom = 20 * mm
    signature_width = 80 * mm
    signature_height = 30 * mm
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

    @property
    def content_width(self) -> float:
        return float(self.pagesize[0] - self.margin_left - self.margin_right)

    # ---- entry point -------------------------------------------------------------------------------

    def render(self, data: ReportData, lang: str = "en", *, with_field: bool = False) -> RenderedReport:
        """The PDF and where its sign-off box is; `with_field`: with the empty signature field there."""
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported report language {lang!r}; use one of {', '.join(LANGUAGES)}")
        sheet = self._sheets.get(lang)
        if sheet is None:
            sheet = self._sheets[lang] = build_stylesheet(self.fonts.main, lang)
        build = _Build(data, lang, sheet, self._breaker)
        buffer = io.BytesIO()
        doc = self._doc(buffer, build, self.field_name if with_field else None)
        total_text = self.terms.get("doc.page_total", lang)
        story = self._story(build, doc)
        doc.build(
            story, canvasmaker=_canvas_class(total_text, self.fonts.main, doc.heading_pages, build.late)
        )
        if doc.signature_place is None:  # the story always ends with the sign-off block
            raise RuntimeError("the sign-off block was not placed")
        page_index, box = doc.signature_place
        return RenderedReport(
            pdf=buffer.getvalue(),
            page_count=doc.page,
            signature_field=SignatureFieldLayout(self.field_name, page_index, box),
        )

    def _doc(self, buffer: io.BytesIO, b: _Build, signature_field: str | None) -> _TiaDocTemplate:
        d, t = b.data, self.terms
        doc = _TiaDocTemplate(
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
            keywords=", ".join((d.reference, *d.keywords)),
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

    def _on_page(self, canv: Canvas, doc: _TiaDocTemplate, b: _Build, *, cover: bool) -> None:
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

    def _fixed_decoration(self, canv: Canvas, b: _Build, *, cover: bool) -> None:
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

    # ---- small builders ---------------------------------------------------------------------------------

    def _t(self, b: _Build, key: str, **fields: object) -> str:
        return self.terms.get(key, b.lang, **fields)

    def _para(self, b: _Build, text: Text, style: str = "Body") -> Para:
        return Para(self._breaker, localize(text, b.lang), b.styles[style])

    def _cell(self, b: _Build, text: Text, style: str = "Cell") -> Block:
        return Block(localize(text, b.lang), b.styles[style])

    def _lines(self, b: _Build, items: Sequence[Text], style: str = "Cell") -> Block:
        text = "\n".join(localize(i, b.lang) for i in items) if items else self._t(b, "doc.none")
        return self._cell(b, text, style)

    def _policy(self, b: _Build, items: Sequence[PolicyItem]) -> Block:
        lines = [
            f"{localize(i.label, b.lang)} ({self._t(b, 'desc.policy_section')} {i.section})"
            if i.section
            else localize(i.label, b.lang)
            for i in items
        ]
        return self._lines(b, lines)

    def _yes_no(self, b: _Build, value: bool | None) -> str:
        if value is None:  # unanswered is never printed as "No"
            return self._t(b, "doc.not_answered")
        return self._t(b, "doc.yes" if value else "doc.no")

    def _typed(self, b: _Build, text: str) -> str:
        """What the assessor wrote, or "Not answered" (a DPO reads that nothing was said, never a dash)."""
        return text or self._t(b, "doc.not_answered")

    def _answer(self, b: _Build, answer: Answer) -> str:
        return "\n".join(x for x in (self._yes_no(b, answer.value), answer.reasoning) if x)

    def _h1(self, b: _Build, number: int, key: str) -> _Heading:
        return b.heading(f"{number}. {self._t(b, key)}", "H1", 0)

    def _h2(self, b: _Build, text: str) -> _Heading:
        return b.heading(text, "H2", 1)

    def _table(
        self,
        b: _Build,
        header: Sequence[str] | None,
        rows: Sequence[Sequence[Cell]],
        widths: Sequence[float],
        *,
        row_backgrounds: dict[int, Color] | None = None,
        column_backgrounds: dict[int, Color] | None = None,
    ) -> Grid:
        """A table across the content width; `widths` are proportions, backgrounds by body row index."""
        total = sum(widths)
        return Grid(
            self._breaker,
            [self._cell(b, h, "CellHead") for h in header] if header else None,
            rows,
            [w * self.content_width / total for w in widths],
            self._grid_style,
            row_backgrounds=row_backgrounds,
            column_backgrounds=column_backgrounds,
        )

    def _kv(self, b: _Build, rows: Sequence[tuple[str, Cell | Text]]) -> Grid:
        cells: list[list[Cell]] = [
            [
                self._cell(b, self._t(b, key), "Label"),
                self._cell(b, value if value != "" else "—", "Cell")
                if isinstance(value, (str, Localized))
                else value,
            ]
            for key, value in rows
        ]
        return self._table(b, None, cells, (32, 68), column_backgrounds={0: SHADE})

    # ---- the story ----------------------------------------------------------------------------------------

    def _story(self, b: _Build, doc: _TiaDocTemplate) -> list[Flowable]:
        sections: list[tuple[str, Callable[[_Build, int], list[Flowable]]]] = [
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

    def _cover(self, b: _Build) -> list[Flowable]:
        d, lang = b.data, b.lang
        conclusion = self._t(b, "conclusion." + d.conclusion.chosen.value)
        verdict_colour = {"proceed": GOOD, "proceed_with_measures": ACCENT, "do_not_transfer": BAD}[
            d.conclusion.chosen.value
        ]
        verdict = Table(
            [[self._para(b, f"{self._t(b, 'doc.conclusion')}: {conclusion}", "Verdict")]],
            colWidths=[self.content_width],
            style=[
                ("FONTNAME", (0, 0), (-1, -1), self.fonts.main),
                ("BACKGROUND", (0, 0), (-1, -1), verdict_colour),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
            ],
        )
        glance = self._kv(
            b,
            [
                ("doc.reference", d.reference),
                ("doc.version", str(d.version)),
                ("doc.status", self._t(b, "status." + d.status.value)),
                (
                    "doc.exporter",
                    f"{d.exporter.name}\n{d.exporter.country.get(lang)} · {self._t(b, 'role.' + d.exporter.role.value)}",
                ),
                (
                    "doc.importer",
                    f"{d.importer.name}\n{d.importer.country.get(lang)} · {self._t(b, 'role.' + d.importer.role.value)}",
                ),
                ("doc.destination", f"{d.destination.get(lang)} ({d.destination_code})"),
                ("regime.applicable", "\n".join(self._regime_name(b, r) for r in d.regimes)),
                ("doc.assessor", d.assessor),
                *(
                    [
                        (
                            "doc.derived_from",
                            self._t(b, "doc.derived_version")
                            .replace("{0}", d.derived_from)
                            .replace("{1}", str(d.derived_from_version)),
                        )
                    ]
                    if d.derived_from
                    else []
                ),
                ("doc.created", format_date(d.created, lang)),
                ("doc.updated", format_date(d.updated, lang)),
                ("doc.reevaluation", format_date(d.conclusion.reevaluation_date, lang)),
            ],
        )
        return [
            Spacer(1, 18 * mm),
            self._para(b, d.organisation, "CoverKicker"),
            self._para(b, self._t(b, "doc.title"), "CoverTitle"),
            self._para(b, d.title, "CoverSubtitle"),
            verdict,
            Spacer(1, 8 * mm),
            self._para(b, self._t(b, "doc.at_a_glance"), "H2"),
            glance,
        ]

    def _contents(self, b: _Build) -> list[Flowable]:
        lines = [
            _ContentsLine(h, b.styles["TOC1" if h.level == 0 else "TOC2"], self._breaker, b.late)
            for h in b.headings
        ]
        return [self._para(b, self._t(b, "doc.contents"), "TOCTitle"), *lines]

    def _regime_name(self, b: _Build, code: str) -> str:
        key = f"regime.{code}"
        return self._t(b, key) if self.terms.has(key) else code

    def _party_rows(self, b: _Build, side: str) -> list[Flowable]:
        p = b.data.exporter if side == "exporter" else b.data.importer
        contact = "\n".join(x for x in (p.contact_name, p.contact_position) if x)
        signature = " · ".join(x for x in (p.signatory, format_date(p.signature_date, b.lang)) if x)
        rows: list[tuple[str, Cell | Text]] = [
            ("party.name", p.name),
            ("party.role", self._t(b, "role." + p.role.value)),
            ("party.country", p.country.get(b.lang)),
            ("party.address", p.address),
            ("party.registration_no", p.registration_no),
            ("party.contact", contact),
            ("party.contact_details", p.contact_details),
            ("party.activities", p.activities),
        ]
        if side == "importer":
            rows.append(("party.recipient_type", p.recipient_type))
        rows.append(("party.signature", signature))
        return [self._h2(b, self._t(b, f"doc.{side}")), self._kv(b, rows)]

    def _pre_assessment(self, b: _Build, number: int) -> list[Flowable]:
        """The CNIL guide's pre-TIA gates: could the transfer be avoided, and who carries the assessment."""
        a = b.data.acceptance
        return [
            self._kv(
                b,
                [
                    ("pre.anonymisation", self._typed(b, a.anonymisation)),
                    ("pre.performed_by", self._typed(b, a.performed_by)),
                ],
            )
        ]

    def _parties(self, b: _Build, number: int) -> list[Flowable]:
        authority = b.data.acceptance.supervisory_authority
        return [
            *self._party_rows(b, "exporter"),
            *self._party_rows(b, "importer"),
            self._h2(b, self._t(b, "party.supervisory_authority")),
            self._para(b, self._typed(b, authority)),
        ]

    def _description(self, b: _Build, number: int) -> list[Flowable]:
        tr, lang = b.data.transfer, b.lang
        categories = self._table(
            b,
            [self._t(b, "desc.category"), self._t(b, "desc.policy_section"), self._t(b, "desc.sensitive")],
            [
                [
                    self._cell(b, c.label, "Cell"),
                    self._cell(
                        b, f"{self._t(b, 'desc.policy_section')} {c.section}" if c.section else "—", "Cell"
                    ),
                    self._cell(b, self._yes_no(b, c.sensitive), "Cell"),
                ]
                for c in tr.data_categories
            ],
            (55, 30, 15),
        )
        kv = self._kv(
            b,
            [
                ("desc.data_subjects", self._lines(b, tr.data_subjects)),
                ("desc.purposes", self._policy(b, tr.purposes)),
                ("desc.legal_basis", self._policy(b, tr.legal_basis)),
                ("desc.sensitive_data", tr.sensitive_data),
                ("desc.sensitive_restrictions", tr.sensitive_restrictions),
                ("desc.frequency", self._t(b, "frequency." + tr.frequency.value)),
                ("desc.volume", tr.volume),
                ("desc.nature", tr.nature),
                ("desc.retention", tr.retention),
                ("desc.storage", tr.storage_location),
                ("desc.remote_access", tr.remote_access),
                ("desc.format_transit", self._t(b, "format." + tr.format_in_transit.value)),
                ("desc.format_rest", self._t(b, "format." + tr.format_at_rest.value)),
                ("desc.keys", self._t(b, "keyholder." + tr.key_holder.value)),
            ],
        )
        out: list[Flowable] = [
            self._h2(b, self._t(b, "desc.data_categories")),
            categories,
            Spacer(1, 4 * mm),
            kv,
        ]
        out.append(self._h2(b, self._t(b, "desc.onward_transfers")))
        if tr.onward_transfers:
            out.append(
                self._table(
                    b,
                    [
                        self._t(b, k)
                        for k in (
                            "desc.onward_recipient",
                            "party.country",
                            "desc.purpose",
                            "desc.onward_safeguard",
                        )
                    ],
                    [
                        [
                            self._cell(b, o.recipient, "Cell"),
                            self._cell(b, o.country.get(lang), "Cell"),
                            self._cell(b, o.purpose, "Cell"),
                            self._cell(b, o.safeguard, "Cell"),
                        ]
                        for o in tr.onward_transfers
                    ],
                    (28, 18, 27, 27),
                )
            )
        else:
            out.append(self._para(b, self._t(b, "doc.none")))
        return out

    def _regimes(self, b: _Build, number: int) -> list[Flowable]:
        d, lang = b.data, b.lang
        rows: list[list[Cell]] = []
        shaded: dict[int, Color] = {}
        for index, entry in enumerate(d.destination_status, start=1):
            # Shipped country prose, in the report's language where the text catalogue has it.
            detail = (
                "\n".join(translate(x, lang) for x in (entry.condition, entry.instrument, entry.notes) if x)
                or "—"
            )
            cell: list[Block] = [self._cell(b, detail, "Cell")]
            if entry.source_url:
                cell.append(self._cell(b, entry.source_url, "CellMuted"))
            # Only an entry someone checked and dated reads "verified" (RegimeEntry.checked).
            verified = self._t(b, "doc.verified" if entry.checked else "doc.unverified")
            if entry.checked and entry.last_verified:
                verified += "\n" + format_date(entry.last_verified, lang)
            rows.append(
                [
                    self._cell(b, self._regime_name(b, entry.regime), "Cell"),
                    self._cell(b, self._t(b, "adequacy." + entry.status.value), "Cell"),
                    cell,
                    self._cell(b, self._adopted(b, entry), "Cell"),
                    self._cell(b, format_date(entry.expires, lang) or "—", "Cell"),
                    self._cell(b, verified, "Cell" if entry.verified else "Warning"),
                ]
            )
            if not entry.checked:
                shaded[index - 1] = WARN_SHADE
        table = self._table(
            b,
            [
                self._t(b, k)
                for k in (
                    "regime.column",
                    "regime.status",
                    "regime.instrument",
                    "regime.adopted",
                    "regime.expires",
                    "regime.verified",
                )
            ],
            rows,
            (14, 14, 33, 13, 13, 13),
            row_backgrounds=shaded,
        )
        return [
            self._kv(
                b,
                [
                    ("regime.applicable", "\n".join(self._regime_name(b, r) for r in d.regimes)),
                    ("doc.destination", f"{d.destination.get(lang)} ({d.destination_code})"),
                    ("doc.country_data_version", str(d.country_data_version)),
                    ("doc.country_data_verified", self._verified_line(b)),
                ],
            ),
            Spacer(1, 4 * mm),
            table,
        ]

    def _adopted(self, b: _Build, entry: RegimeEntry) -> str:
        text = format_date(entry.adopted, b.lang) or "—"
        if entry.in_force and entry.in_force != entry.adopted:
            text += f"\n{self._t(b, 'regime.in_force')} {format_date(entry.in_force, b.lang)}"
        return text

    def _verified_line(self, b: _Build) -> str:
        """The oldest check of the entries relied on; the unchecked ones named (never called verified)."""
        d = b.data
        text = format_date(d.country_data_verified, b.lang) or "—"
        if d.country_data_unverified:
            names = ", ".join(self._regime_name(b, r) for r in d.country_data_unverified)
            text += f"\n{self._t(b, 'doc.unverified')}: {names}"
        return text

    def _tools(self, b: _Build, number: int) -> list[Flowable]:
        rows: list[list[Cell]] = []
        for tool in b.data.tools:
            justification: list[Block] = [self._cell(b, tool.justification or "—", "Cell")]
            justification += [
                self._cell(b, f"{self._t(b, 'tool.scope')}: {localize(x, b.lang)}", "Cell")
                for x in tool.scope
            ]
            justification += [
                self._cell(b, f"{self._t(b, 'tool.conditions_met')}: {localize(x, b.lang)}", "Cell")
                for x in tool.conditions_met
            ]
            justification += [
                self._cell(b, f"{self._t(b, 'tool.conditions_open')}: {localize(x, b.lang)}", "Warning")
                for x in tool.conditions_open
            ]
            justification += [
                self._cell(b, f"{self._t(b, 'tool.adequacy_condition')}: {x}", "Cell")
                for x in tool.adequacy_conditions
            ]
            if tool.exception_reason:
                justification.append(
                    self._cell(b, f"{self._t(b, 'tool.exception_reason')}: {tool.exception_reason}", "Cell")
                )
            justification += [
                self._cell(b, f"{self._t(b, 'tool.warnings')}: {localize(w, b.lang)}", "Warning")
                for w in tool.warnings
            ]
            rows.append(
                [
                    self._cell(b, self._regime_name(b, tool.regime), "Cell"),
                    self._cell(b, tool.tool, "Cell"),
                    justification,
                ]
            )
        a = b.data.acceptance
        checks: list[tuple[str, Cell | Text]] = [("tool.enforceable", self._answer(b, a.tool_enforceable))]
        if a.uk_test is not None:
            checks.append(("tool.uk_test", self._answer(b, a.uk_test)))
        return [
            self._table(
                b,
                [self._t(b, k) for k in ("regime.column", "tool.tool", "tool.justification")],
                rows,
                (18, 32, 50),
            ),
            Spacer(1, 4 * mm),
            self._kv(b, checks),
        ]

    def _law_practice(self, b: _Build, number: int) -> list[Flowable]:
        lp = b.data.law_and_practice
        rows: list[list[Cell]] = []
        for law in lp.laws:
            reasoning: list[Block] = [self._cell(b, law.reasoning or "—", "Cell")]
            reasoning += [self._cell(b, s, "CellMuted") for s in law.sources]
            rows.append(
                [
                    self._cell(b, law.name, "Cell"),
                    self._cell(b, self._yes_no(b, law.problematic), "Warning" if law.problematic else "Cell"),
                    self._cell(b, self._yes_no(b, law.applies), "Cell"),
                    reasoning,
                ]
            )
        table = self._table(
            b,
            [self._t(b, k) for k in ("law.law", "law.problematic", "law.applies", "law.reasoning")],
            rows,
            (22, 13, 14, 51),
        )
        experience = (
            "\n".join((lp.practical_experience, *lp.experience_sources))
            if lp.experience_sources
            else lp.practical_experience
        )
        a = b.data.acceptance
        framework: list[Block] = [self._cell(b, self._typed(b, a.framework), "Cell")]
        if a.framework_basis:
            basis = f"{self._t(b, 'law.framework_basis')}: {localize(a.framework_basis, b.lang)}"
            framework.append(self._cell(b, basis, "CellMuted"))
        return [
            self._kv(b, [("law.framework", framework), ("law.redress", self._typed(b, a.redress))]),
            Spacer(1, 4 * mm),
            table,
            Spacer(1, 4 * mm),
            self._kv(
                b, [("law.practical_experience", experience), ("law.step_conclusion", lp.step_conclusion)]
            ),
        ]

    def _measures(self, b: _Build, number: int) -> list[Flowable]:
        if not b.data.measures:
            return [self._para(b, self._t(b, "doc.none"))]
        rows: list[list[Cell]] = []
        for m in b.data.measures:
            first: list[Block] = [self._cell(b, m.name, "Cell")]
            if m.description:
                first.append(self._cell(b, m.description, "CellMuted"))
            if m.use_case:
                first.append(
                    self._cell(
                        b, f"{self._t(b, 'measure.use_case')}: {localize(m.use_case, b.lang)}", "CellMuted"
                    )
                )
            rows.append(
                [
                    first,
                    self._cell(b, self._t(b, "measure.kind." + m.kind), "Cell"),
                    self._cell(
                        b,
                        self._t(b, "measure.status." + m.status),
                        "Cell" if m.status == "in_place" else "Warning",
                    ),
                    self._cell(b, m.owner or "—", "Cell"),
                    self._cell(b, format_date(m.due, b.lang) or "—", "Cell"),
                ]
            )
        header = [
            self._t(b, k)
            for k in ("measure.measure", "measure.kind", "measure.status", "measure.owner", "measure.due")
        ]
        return [self._table(b, header, rows, (42, 15, 11, 15, 17))]

    def _action_plan(self, b: _Build, number: int) -> list[Flowable]:
        if not b.data.action_plan:
            return [self._para(b, self._t(b, "doc.none"))]
        rows = [
            [
                self._cell(b, a.action, "Cell"),
                self._cell(b, self._t(b, "action.status." + a.status), "Cell"),
                self._cell(b, a.owner or "—", "Cell"),
                self._cell(b, format_date(a.due, b.lang) or "—", "Cell"),
            ]
            for a in b.data.action_plan
        ]
        header = [self._t(b, k) for k in ("action.action", "measure.status", "measure.owner", "measure.due")]
        return [self._table(b, header, rows, (51, 15, 17, 17))]

    def _risk(self, b: _Build, number: int) -> list[Flowable]:
        risk = b.data.risk
        if risk is None:
            return [self._para(b, self._t(b, "risk.not_performed"))]
        verdict_key = (
            "risk.above_threshold" if risk.total_over_period > risk.threshold else "risk.below_threshold"
        )
        summary = self._kv(
            b,
            [
                ("risk.period", self._t(b, "risk.years", n=risk.period_years)),
                ("risk.threshold", format_percent(risk.threshold)),
                ("risk.total", f"{format_percent(risk.total_over_period)} — {self._t(b, verdict_key)}"),
                (
                    "risk.frequency",
                    self._t(b, "risk.once_every", n=f"{risk.once_every_years:,.0f}")
                    if risk.once_every_years
                    else "—",
                ),
                ("risk.method", risk.method),
            ],
        )
        bars = [Bar(localize(law.law, b.lang), law.over_period) for law in risk.laws]
        bars.append(Bar(self._t(b, "risk.all_laws"), risk.total_over_period, is_total=True))
        chart = risk_chart(
            bars, risk.threshold, self._t(b, "risk.threshold"), self.content_width, self.fonts.main
        )
        out: list[Flowable] = [
            summary,
            Spacer(1, 3 * mm),
            KeepTogether([self._para(b, self._t(b, "risk.chart_title"), "Small"), chart]),
        ]
        for law in risk.laws:
            rows: list[list[Cell]] = [
                [
                    self._cell(b, f.label, "Cell"),
                    self._cell(b, format_percent(f.probability), "Cell"),
                    self._cell(b, f.justification or "—", "Cell"),
                ]
                for f in law.factors
            ]
            rows.append(
                [
                    self._cell(b, self._t(b, "risk.law_total"), "Cell"),
                    self._cell(b, f"{self._t(b, 'risk.per_year')}: {format_percent(law.per_year)}", "Cell"),
                    self._cell(
                        b, f"{self._t(b, 'risk.over_period')}: {format_percent(law.over_period)}", "Cell"
                    ),
                ]
            )
            table = self._table(
                b,
                [self._t(b, "risk.factor"), self._t(b, "risk.probability"), self._t(b, "tool.justification")],
                rows,
                (32, 19, 49),
                row_backgrounds={len(rows) - 1: SHADE},
            )
            out += [self._h2(b, localize(law.law, b.lang)), table]
        if risk.sensitivity:
            rows = [
                [self._cell(b, s.label, "Cell"), self._cell(b, format_percent(s.over_period), "Cell")]
                for s in risk.sensitivity
            ]
            out += [
                self._h2(b, self._t(b, "risk.sensitivity")),
                self._table(b, [self._t(b, "risk.factor"), self._t(b, "risk.over_period")], rows, (70, 30)),
            ]
        return out

    def _conclusion(self, b: _Build, number: int) -> list[Flowable]:
        c = b.data.conclusion
        rows: list[tuple[str, Cell | Text]] = [
            ("conclusion.recommended", self._t(b, "conclusion." + c.recommended.value)),
        ]
        if c.grounds:
            rows.append(("conclusion.grounds", c.grounds))
        rows += [
            ("conclusion.chosen", self._t(b, "conclusion." + c.chosen.value)),
            ("conclusion.reason", c.reason),
            ("conclusion.procedural_steps", c.procedural_steps),
            ("doc.reevaluation", format_date(c.reevaluation_date, b.lang)),
        ]
        return [self._kv(b, rows)]

    def _appi_consent(self, b: _Build, number: int) -> list[Flowable]:
        a = b.data.appi_consent
        assert a is not None  # the section is only listed when present
        rows: list[tuple[str, Cell | Text]] = [
            ("appi.country", a.country_name.get(b.lang)),
            ("appi.system", a.protection_system),
            ("appi.measures", a.recipient_measures),
        ]
        if a.notes:
            rows.append(("appi.notes", a.notes))
        return [self._kv(b, rows)]

    def _review_history(self, b: _Build, number: int) -> list[Flowable]:
        if not b.data.review_history:
            return [self._para(b, self._t(b, "doc.none"))]
        rows = [
            [
                self._cell(b, e.who, "Cell"),
                self._cell(b, format_datetime(e.when, b.lang), "Cell"),
                self._cell(b, self._t(b, "review.action." + e.action), "Cell"),
                self._cell(b, e.comment or "—", "Cell"),
            ]
            for e in b.data.review_history
        ]
        header = [self._t(b, k) for k in ("review.who", "review.when", "review.action", "review.comment")]
        return [self._table(b, header, rows, (21, 23, 16, 40))]

    def _evidence(self, b: _Build, number: int) -> list[Flowable]:
        if not b.data.evidence:
            return [self._para(b, self._t(b, "evidence.none"))]
        rows = [
            [
                self._cell(b, e.label, "Cell"),
                self._cell(b, e.filename, "Cell"),
                self._cell(b, e.sha256, "CellMuted"),
            ]
            for e in b.data.evidence
        ]
        header = [self._t(b, k) for k in ("evidence.label", "evidence.filename", "evidence.sha256")]
        return [self._table(b, header, rows, (30, 30, 40))]

    def _sign_off(self, b: _Build, number: int, doc: _TiaDocTemplate) -> list[Flowable]:
        s, lang = b.data.sign_off, b.lang
        approved = b.data.status is AssessmentStatus.APPROVED
        rows: list[tuple[str, Cell | Text]] = [
            ("signoff.approver", s.approver_name),
            ("signoff.role", s.approver_role),
            (
                "signoff.date",
                format_date(s.date, lang) if approved and s.date else self._t(b, "signoff.pending"),
            ),
        ]
        a = b.data.acceptance
        if a.importer_sign_off_wanted:  # the organisation wants the importer's co-adoption on record
            who = " · ".join(x for x in (a.importer_signatory, format_date(a.importer_signed_on, lang)) if x)
            rows.append(("signoff.importer", who or self._t(b, "signoff.importer_pending")))
        block: list[Flowable] = [
            self._h1(b, number, "section.sign_off"),
            self._para(b, self._t(b, "signoff.statement")),
            self._kv(b, rows),
        ]
        if s.single_user_mode:
            block.append(Spacer(1, 2 * mm))
            block.append(self._para(b, self._t(b, "signoff.single_user"), "Warning"))
        block += [
            Spacer(1, 6 * mm),
            self._para(b, self._t(b, "signoff.signature"), "Label"),
            _SignatureSpace(self.signature_width, self.signature_height, doc.place_signature),
        ]
        return [CondPageBreak(90 * mm), KeepTogether(block)]


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
