"""The notice (or the on-request answer) as a Word document. python-docx is imported here, on use only."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from transfer_tool.notice.document import Document, Heading, Item, Note, Paragraph

_JA_FONT = "Yu Gothic"  # East Asian font Word uses for the Japanese runs (a Windows and macOS default)


def to_docx(doc: Document) -> bytes:
    """A .docx built from the document's blocks with Word's own heading and list styles."""
    import docx
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    word = docx.Document()
    properties = word.core_properties  # python-docx's template says 'python-docx', created 2013-12-23
    properties.title = doc.title
    properties.language = doc.lang
    properties.author = properties.comments = properties.last_modified_by = ""
    properties.created = properties.modified = dt.datetime.now(dt.UTC).replace(microsecond=0)
    properties.revision = 1
    normal = word.styles["Normal"]
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), _JA_FONT)
    word.add_heading(doc.title, level=0)
    # Style ids looked up once and set on the paragraph element: python-docx's `paragraph.style = ...`
    # scans every style of the document for each paragraph (a 900-entry notice took 30 s instead of 1).
    styles = {d: word.styles["List Bullet" if d == 1 else f"List Bullet {d}"].style_id for d in (1, 2, 3)}
    for b in doc.blocks:
        if isinstance(b, Heading):
            word.add_heading(b.text, level=min(b.level, 3))
        elif isinstance(b, Paragraph):
            word.add_paragraph(b.text)
        elif isinstance(b, Note):
            p = word.add_paragraph(style="Intense Quote" if b.warning else "Quote")
            run = p.add_run(b.text)
            if b.warning:
                run.font.color.rgb = RGBColor(0x5C, 0x44, 0x00)
        else:
            _items(_ListWriter(word, styles), b.items, 1)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


class _ListWriter:
    """List paragraphs appended straight to the body. `Document.add_paragraph` (and `body.sectPr`) look
    for the section properties among all the body's children on every call: quadratic, 40,000 list items
    took five minutes. The end marker is found once here and each paragraph goes in before it."""

    def __init__(self, word: Any, styles: dict[int, str]) -> None:
        self.body = word.element.body
        self.end = self.body.sectPr
        self.parent = word._body  # the python-docx container the paragraphs belong to
        self.styles = styles

    def paragraph(self, depth: int) -> Any:
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph as WordParagraph

        element = OxmlElement("w:p")
        if self.end is not None:
            self.end.addprevious(element)
        else:
            self.body.append(element)
        element.style = self.styles[min(depth, 3)]  # CT_P.style: the w:pStyle of the paragraph
        return WordParagraph(element, self.parent)


def _items(out: _ListWriter, items: tuple[Item, ...], depth: int) -> None:
    for i in items:
        p = out.paragraph(depth)
        if i.lead:
            p.add_run(i.lead + " ").bold = True
        if i.text:
            p.add_run(i.text)
        _items(out, i.children, depth + 1)
