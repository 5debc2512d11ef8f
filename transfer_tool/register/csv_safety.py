"""CSV cells that a spreadsheet would run as a formula are neutralised on export."""

from __future__ import annotations

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Prefix a quote so =HYPERLINK(...), +cmd, -1+1, @SUM are shown as text (OWASP CSV injection)."""
    if cell and cell.startswith(_TRIGGERS):
        return "'" + cell
    return cell


def restore(cell: str) -> str:
    """Undo `neutralise` on import, so an exported register imports back as it was."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@\t\r":
        return cell[1:]
    return cell
