"""A small document model shared by the notice and the on-request answer, written out as Markdown or HTML.

Text is plain: nothing in it is read as markup. Markdown escapes the characters that would start markup;
HTML escapes everything (`html.escape`). A `Note` is a boxed remark (unverified data, planned transfers).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Heading:
    level: int  # 1..3
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Item:
    """A list item: a lead (shown in bold) and its text, with sub-items."""

    lead: str
    text: str = ""
    children: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Bullets:
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Note:
    """A remark the reader must see (an unverified fact, a planned transfer): boxed in HTML, quoted in
    Markdown, shaded in Word."""

    text: str
    warning: bool = True


Block = Heading | Paragraph | Bullets | Note


@dataclass(frozen=True)
class Document:
    title: str
    blocks: tuple[Block, ...]
    lang: str = "en"

    def plain_text(self) -> str:
        """Every text of the document, one per line (for tests and searches)."""
        out = [self.title]
        for b in self.blocks:
            if isinstance(b, Bullets):
                out.extend(_item_lines(b.items))
            else:
                out.append(b.text)
        return "\n".join(out)


def _item_lines(items: tuple[Item, ...]) -> list[str]:
    lines: list[str] = []
    for i in items:
        lines.append(f"{i.lead} {i.text}".strip())
        lines.extend(_item_lines(i.children))
    return lines


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def md_escape(text: str, *, line_start: bool = True) -> str:
    """Text safe to put into Markdown: the characters that start markup are escaped, and (unless the text
    follows a heading's or an item's marker) a line that would start a list gets a backslash."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    if not line_start:
        return escaped
    return re.sub(r"(?m)^(\s*)([-+]|\d+[.)])(\s)", r"\1\\\2\3", escaped)


def to_markdown(doc: Document) -> str:
    out = [f"# {md_escape(doc.title)}", ""]
    for b in doc.blocks:
        if isinstance(b, Heading):
            out += ["#" * min(b.level, 6) + " " + md_escape(b.text, line_start=False), ""]
        elif isinstance(b, Paragraph):
            out += [md_escape(b.text), ""]
        elif isinstance(b, Note):
            lines = md_escape(b.text).splitlines() or [""]
            prefix = "**!** " if b.warning else ""
            out += ["> " + prefix + lines[0], *("> " + x for x in lines[1:]), ""]
        else:
            out += [*_md_items(b.items, 0), ""]
    return "\n".join(out).rstrip() + "\n"


def _md_items(items: tuple[Item, ...], depth: int) -> list[str]:
    lines: list[str] = []
    for i in items:
        lead = f"**{md_escape(i.lead, line_start=False)}**" if i.lead else ""
        text = md_escape(i.text, line_start=not lead)
        # A text of several lines stays inside its item: hard breaks, continuation lines indented.
        text = text.replace("\n", "  \n" + "  " * (depth + 1))
        lines.append("  " * depth + "- " + " ".join(x for x in (lead, text) if x))
        lines.extend(_md_items(i.children, depth + 1))
    return lines


_CSS = """
body { font-family: sans-serif; line-height: 1.45; max-width: 52em; }
h1 { font-size: 1.4em; } h2 { font-size: 1.2em; margin-top: 1.4em; } h3 { font-size: 1.05em; }
.note { border: 1px solid #e6cf8a; background: #fff4d6; color: #5c4400; padding: 6px 10px; }
.info { border: 1px solid #c5d3e0; background: #eef3f8; color: #24384d; padding: 6px 10px; }
"""


def to_html(doc: Document, *, standalone: bool = True) -> str:
    e = html.escape
    body = [f"<h1>{e(doc.title)}</h1>"]
    for b in doc.blocks:
        if isinstance(b, Heading):
            level = min(b.level, 6)
            body.append(f"<h{level}>{e(b.text)}</h{level}>")
        elif isinstance(b, Paragraph):
            body.append(f"<p>{_br(b.text)}</p>")
        elif isinstance(b, Note):
            cls = "note" if b.warning else "info"
            body.append(f'<p class="{cls}">{_br(b.text)}</p>')
        else:
            body.append(_html_items(b.items))
    content = "\n".join(body)
    if not standalone:
        return content
    return (
        f'<!DOCTYPE html>\n<html lang="{e(doc.lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(doc.title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n{content}\n</body>\n</html>\n"
    )


def _br(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.splitlines()) if text else ""


def _html_items(items: tuple[Item, ...]) -> str:
    parts = ["<ul>"]
    for i in items:
        lead = f"<b>{html.escape(i.lead)}</b> " if i.lead else ""
        inner = _html_items(i.children) if i.children else ""
        parts.append(f"<li>{lead}{_br(i.text)}{inner}</li>")
    parts.append("</ul>")
    return "".join(parts)
