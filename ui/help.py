"""Help → User guide: the guide shipped in docs/ (checkout, wheel and bundle: `transfer_tool.paths`),
opened in the user's web browser.

The guide is Markdown, which a browser shows as plain text; Qt's own Markdown reader turns it into HTML,
written once per guide version to the user cache folder, with a base address at the shipped docs folder
so its screenshots show.
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument

from transfer_tool.paths import docs_dir, user_guide
from transfer_tool.runtime.config import user_cache_dir
from transfer_tool.runtime.files import write_file


def guide_html(markdown: str, base: Path, title: str) -> str:
    # Qt's Markdown reader drops an image without alternative text: name it after its file.
    markdown = re.sub(r"!\[\]\(([^)\s]+)\)", lambda m: f"![{Path(m.group(1)).stem}]({m.group(1)})", markdown)
    document = QTextDocument()
    document.setMarkdown(markdown)
    # Qt's HTML fixes the body at the widget font's size (9pt); a browser page reads better at its own.
    body = re.sub(r"<body style=\"[^\"]*\">", "<body>", document.toHtml(), count=1)
    head = (
        '<meta charset="utf-8">'
        f'<base href="{QUrl.fromLocalFile(str(base) + "/").toString()}">'
        f"<title>{html.escape(title)}</title>"
        "<style>body{max-width:60em;margin:1em auto;font-family:sans-serif;line-height:1.4}"
        "img{max-width:100%;border:1px solid #ccc}</style>"
    )
    return body.replace("<head>", "<head>" + head, 1) if "<head>" in body else head + body


def user_guide_page(title: str) -> Path:
    """The guide as an HTML file (made when the shipped guide changed) in the user cache folder."""
    source = user_guide()
    markdown = source.read_text(encoding="utf-8")
    digest = hashlib.sha256(markdown.encode("utf-8")).hexdigest()[:16]
    target = user_cache_dir() / "help" / f"user-guide-{digest}.html"
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        write_file(target, guide_html(markdown, docs_dir(), title).encode("utf-8"))
    return target


def open_user_guide(title: str) -> tuple[Path, bool]:
    """Open the guide in the browser: the page and whether the desktop opened it (raises OSError or a
    ToolError if the page cannot be made)."""
    page = user_guide_page(title)
    return page, QDesktopServices.openUrl(QUrl.fromLocalFile(str(page)))
