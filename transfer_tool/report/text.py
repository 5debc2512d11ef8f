"""User text to Paragraph markup: escaped, newlines kept, and runs the main font lacks switched to the
fallback font. Nothing the user typed is ever interpreted as markup."""

from __future__ import annotations

from xml.sax.saxutils import escape

from transfer_tool.report.fonts import ReportFonts


def to_markup(text: str, fonts: ReportFonts) -> str:
    if not text:
        return ""
    parts: list[str] = []
    run: list[str] = []
    run_fallback = False

    def flush() -> None:
        if not run:
            return
        chunk = escape("".join(run)).replace("\n", "<br/>")
        parts.append(f'<font face="{fonts.fallback}">{chunk}</font>' if run_fallback else chunk)
        run.clear()

    for raw in text.replace("\r\n", "\n").replace("\r", "\n"):
        ch = _printable(raw)
        code = ord(ch)
        use_fallback = code not in fonts.main_chars and code in fonts.fallback_chars and ch != "\n"
        if use_fallback != run_fallback:
            flush()
            run_fallback = use_fallback
        run.append(ch)
    flush()
    return "".join(parts)


def _printable(ch: str) -> str:
    # Control characters and lone surrogates cannot be drawn or encoded; they become visible stand-ins.
    code = ord(ch)
    if ch == "\n":
        return ch
    if ch == "\t":
        return " "
    if code < 0x20 or 0x7F <= code < 0xA0:
        return "\N{REPLACEMENT CHARACTER}"
    if 0xD800 <= code <= 0xDFFF:
        return "\N{REPLACEMENT CHARACTER}"
    return ch
