"""What every section of the report is built from: the page geometry, terms in the report's language,
paragraphs, cells, headings, tables across the content width and label-value grids. `TiaReportRenderer`
(`renderer.py`) inherits them through the section classes (`sections_transfer.py`,
`sections_findings.py`), which only arrange them."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from transfer_tool.i18n.message import Translatable
from transfer_tool.i18n.regime_names import regime_name
from transfer_tool.report.data import Answer, PolicyItem, Text, localize
from transfer_tool.report.document import Build, Heading
from transfer_tool.report.fonts import ReportFonts
from transfer_tool.report.layout import Block, Cell, Grid, GridStyle, LineBreaker, Para
from transfer_tool.report.styles import SHADE
from transfer_tool.report.terms import Terminology


class ReportParts:
    """The page geometry and the small builders; a render's state travels in `Build`."""

    pagesize = A4
    margin_left = 20 * mm
    margin_right = 20 * mm
    margin_top = 24 * mm
    margin_bottom = 20 * mm
    signature_width = 80 * mm
    signature_height = 30 * mm

    # Set by `TiaReportRenderer.__init__`.
    terms: Terminology
    fonts: ReportFonts
    _breaker: LineBreaker
    _grid_style: GridStyle

    @property
    def content_width(self) -> float:
        return float(self.pagesize[0] - self.margin_left - self.margin_right)

    # ---- small builders ---------------------------------------------------------------------------------

    def _t(self, b: Build, key: str, **fields: object) -> str:
        return self.terms.get(key, b.lang, **fields)

    def _given(self, b: Build, fact: str, key: str) -> str:
        """The answer `key` names, or "Not answered" when nobody gave it (`ReportData.assumed`)."""
        return self._t(b, "doc.not_answered" if fact in b.data.assumed else key)

    def _para(self, b: Build, text: Text, style: str = "Body") -> Para:
        return Para(self._breaker, localize(text, b.lang), b.styles[style])

    def _cell(self, b: Build, text: Text, style: str = "Cell") -> Block:
        return Block(localize(text, b.lang), b.styles[style])

    def _lines(self, b: Build, items: Sequence[Text], style: str = "Cell", empty: str = "doc.none") -> Block:
        text = "\n".join(localize(i, b.lang) for i in items) if items else self._t(b, empty)
        return self._cell(b, text, style)

    def _policy(self, b: Build, items: Sequence[PolicyItem], empty: str = "doc.none") -> Block:
        lines = [
            f"{localize(i.label, b.lang)} ({self._t(b, 'desc.policy_section')} {i.section})"
            if i.section
            else localize(i.label, b.lang)
            for i in items
        ]
        return self._lines(b, lines, empty=empty)

    def _yes_no(self, b: Build, value: bool | None) -> str:
        if value is None:  # unanswered is never printed as "No"
            return self._t(b, "doc.not_answered")
        return self._t(b, "doc.yes" if value else "doc.no")

    def _typed(self, b: Build, text: str) -> str:
        """What the assessor wrote, or "Not answered" (a DPO reads that nothing was said, never a dash)."""
        return text or self._t(b, "doc.not_answered")

    def _answer(self, b: Build, answer: Answer) -> str:
        return "\n".join(x for x in (self._yes_no(b, answer.value), answer.reasoning) if x)

    def _h1(self, b: Build, number: int, key: str) -> Heading:
        return b.heading(f"{number}. {self._t(b, key)}", "H1", 0)

    def _h2(self, b: Build, text: str) -> Heading:
        return b.heading(text, "H2", 1)

    def _table(
        self,
        b: Build,
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
            continued=self._t(b, "doc.continued"),
        )

    def _kv(self, b: Build, rows: Sequence[tuple[str, Cell | Text]]) -> Grid:
        cells: list[list[Cell]] = [
            [
                self._cell(b, self._t(b, key), "Label"),
                self._cell(b, value if value != "" else "—", "Cell")
                if isinstance(value, (str, Translatable))
                else value,
            ]
            for key, value in rows
        ]
        return self._table(b, None, cells, (32, 68), column_backgrounds={0: SHADE})

    def _regime_name(self, b: Build, code: str) -> str:
        return regime_name(self.terms, code, b.lang, b.data.regime_names)
