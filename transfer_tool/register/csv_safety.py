"""CSV cells that a spreadsheet would run as a formula are neutralised on export."""

from __future__ import annotations

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _quoted_trigger(cell: str) -> bool:
    """Quotes, then a formula sign ("'=x", "''-1"): what `restore` takes one quote off."""
    rest = cell.lstrip("'")
    return len(rest) < len(cell) and rest.startswith(_TRIGGERS)


def neutralise(cell: str) -> str:
    """Prefix a quote so =HYPERLINK(...), +cmd, -1+1, @SUM are shown as text (OWASP CSV injection); a text
    typed with such a quote gets one more, so the import gives it back as typed."""
    if cell and (cell.startswith(_TRIGGERS) or _quoted_trigger(cell)):
        return "'" + cell
    return cell


def restore(cell: str) -> str:
    """Undo `neutralise` on import, so an exported register imports back as it was."""
    return cell[1:] if _quoted_trigger(cell) else cell
