"""The Word document machinery of the TIA's Word draft (python-docx, imported when a document is made):
headings that the navigation pane lists, paragraphs, shaded tables with a repeated header, pictures, a
contents field Word fills, the "Draft" page header, and Japanese text in a Japanese font."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from transfer_tool.report.data import Text, localize
from transfer_tool.report.terms import Terminology

JAPANESE_FONT = "Yu Gothic"  # 游ゴシック: shipped with Word on Windows and macOS; others substitute theirs
LATIN_FONT = "Calibri"
_SHADE = "E8EDF3"
MARGIN_MM = 20
CONTENT_MM = 210 - 2 * MARGIN_MM


class WordDocument:
    """python-docx behind four verbs: heading, paragraph, table, key/value table."""

    def __init__(self, lang: str, terms: Terminology) -> None:
        import docx

        self.lang = lang
        self.terms = terms
        from docx.shared import Mm

        self.doc = docx.Document()
        self.headings: list[tuple[int, str]] = []
        for section in self.doc.sections:  # A4 with the PDF's margins
            section.page_width, section.page_height = Mm(210), Mm(297)
            section.left_margin = section.right_margin = Mm(MARGIN_MM)
            section.top_margin = section.bottom_margin = Mm(MARGIN_MM)
        self._fonts()

    def _fonts(self) -> None:
        from docx.oxml.ns import qn

        for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Table Grid"):
            style = self.doc.styles[name]
            rpr = style.element.get_or_add_rPr()
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is None:
                fonts = rpr.makeelement(qn("w:rFonts"), {})
                rpr.insert(0, fonts)
            for attr in ("w:ascii", "w:hAnsi", "w:cs"):
                fonts.set(qn(attr), JAPANESE_FONT if self.lang == "ja" else LATIN_FONT)
            fonts.set(qn("w:eastAsia"), JAPANESE_FONT)
            for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                fonts.attrib.pop(qn(theme), None)
            lang = rpr.find(qn("w:lang"))
            if lang is None:
                lang = rpr.makeelement(qn("w:lang"), {})
                rpr.append(lang)
            lang.set(qn("w:val"), "ja-JP" if self.lang == "ja" else "en-GB")
            lang.set(qn("w:eastAsia"), "ja-JP")

    def t(self, key: str, **fields: object) -> str:
        return self.terms.get(key, self.lang, **fields)

    def text(self, value: Text) -> str:
        return localize(value, self.lang)

    def heading(self, text: str, level: int) -> None:
        self.doc.add_heading(text, level=level)
        self.headings.append((level, text))

    def page_break(self) -> None:
        from docx.enum.text import WD_BREAK

        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def contents(self, title: str) -> Any:
        """The contents list's place: a title and a paragraph the TOC field goes into (`fill_contents`)."""
        self.para(title, bold=True)
        return self.doc.add_paragraph()

    def fill_contents(self, paragraph: Any) -> None:
        """A Word TOC field (levels 1-2, marked for updating, so Word adds the page numbers when the file is
        opened) whose shown result is the headings' text, so any reader sees the contents at once."""
        from docx.oxml.ns import qn

        def run(child: str, attrs: dict[str, str] | None = None, text: str | None = None) -> None:
            r = paragraph._p.makeelement(qn("w:r"), {})
            el = r.makeelement(qn(child), {qn(k): v for k, v in (attrs or {}).items()})
            if text is not None:
                el.text = text
                el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.append(el)
            paragraph._p.append(r)

        run("w:fldChar", {"w:fldCharType": "begin", "w:dirty": "true"})
        run("w:instrText", text=' TOC \\o "1-2" \\h \\z \\u ')
        run("w:fldChar", {"w:fldCharType": "separate"})
        shown = [("    " if level > 1 else "") + text for level, text in self.headings]
        for i, line in enumerate(shown):
            run("w:t", text=line)
            if i < len(shown) - 1:
                run("w:br")
        run("w:fldChar", {"w:fldCharType": "end"})

    def para(self, text: str, style: str | None = None, bold: bool = False) -> None:
        p = self.doc.add_paragraph(style=style)
        self._lines(p, text, bold)

    @staticmethod
    def _lines(paragraph: Any, text: str, bold: bool = False) -> None:
        """The lines of `text` as runs with line breaks between them (one paragraph, as in a PDF cell)."""
        lines = text.split("\n")
        for i, line in enumerate(lines):
            run = paragraph.add_run(line)
            if bold:
                run.bold = True
            if i < len(lines) - 1:
                run.add_break()

    def _shade(self, cell: Any) -> None:
        from docx.oxml.ns import qn

        props = cell._tc.get_or_add_tcPr()
        shading = props.makeelement(
            qn("w:shd"), {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): _SHADE}
        )
        props.append(shading)

    def table(
        self,
        header: Sequence[str] | None,
        rows: Sequence[Sequence[str]],
        widths: Sequence[float] = (),
        *,
        label_column: bool = False,
    ) -> None:
        """A table across the content width; `widths` are proportions as in the PDF."""
        width = len(header) if header else max((len(r) for r in rows), default=1)
        table = self.doc.add_table(rows=0, cols=width)
        table.style = self.doc.styles["Table Grid"]
        if header:
            cells = table.add_row().cells
            for cell, text in zip(cells, header, strict=True):
                cell.text = ""
                self._lines(cell.paragraphs[0], text, bold=True)
                self._shade(cell)
            self._repeat_header(table.rows[0])
        for values in rows:
            row = table.add_row()
            self._keep_whole(row)
            cells = row.cells
            for i, (cell, text) in enumerate(zip(cells, values, strict=True)):
                self._lines(cell.paragraphs[0], text or "—", bold=label_column and i == 0)
                if label_column and i == 0:
                    self._shade(cell)
        if widths:
            from docx.shared import Mm

            total = sum(widths)
            table.autofit = False
            for column, w in zip(table.columns, widths, strict=False):
                column.width = Mm(CONTENT_MM * w / total)  # the grid, which LibreOffice follows
            for r in table.rows:
                for cell, w in zip(r.cells, widths, strict=False):
                    cell.width = Mm(CONTENT_MM * w / total)
        self.doc.add_paragraph()

    @staticmethod
    def _repeat_header(row: Any) -> None:
        from docx.oxml.ns import qn

        props = row._tr.get_or_add_trPr()
        props.append(props.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"}))

    @staticmethod
    def _keep_whole(row: Any) -> None:
        """A row not cut at a page break (Word cuts one only when it is taller than a page): its tail
        would go on with no name, read as part of the row above."""
        from docx.oxml.ns import qn

        props = row._tr.get_or_add_trPr()
        props.append(props.makeelement(qn("w:cantSplit"), {qn("w:val"): "true"}))

    def picture(self, png: bytes, description: str) -> None:
        """A picture across the content width, with `description` as its alternative text (what a screen
        reader says, and what Word shows under Alt Text)."""
        from docx.shared import Mm

        shape = self.doc.add_picture(io.BytesIO(png), width=Mm(CONTENT_MM))
        shape._inline.docPr.set("descr", description)

    def kv(self, rows: Sequence[tuple[str, str]]) -> None:
        self.table(None, [[self.t(key), value] for key, value in rows], (32, 68), label_column=True)

    def header_notice(self, text: str) -> None:
        for section in self.doc.sections:
            p = section.header.paragraphs[0]
            p.text = ""
            run = p.add_run(text)
            run.bold = True

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()
