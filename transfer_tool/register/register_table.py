"""The register as a file reader hands it to the importer: rows of cells by column name, each row knowing
where it is in the file, and the header rules every file type shares. The readers (`transfer_csv`,
`transfer_xlsx`) build these; `register_import` checks and imports them, so the readers never import the
importer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from transfer_tool.errors import ImportRefused, Problem
from transfer_tool.i18n.engine_text import error_text
from transfer_tool.register.register_columns import NAMES, REQUIRED

Cell = str | int | float | bool | dt.date | dt.datetime | None


@dataclass(frozen=True)
class SourceRow:
    """One row as a file reader found it: where it is and its cells by column name."""

    place: str  # "line 5" (CSV) or "sheet Transfers, row 5" (Excel)
    cells: dict[str, Cell]
    letters: dict[str, str] = field(default_factory=dict)  # column name -> "P" (Excel) for messages
    formulas: frozenset[str] = frozenset()  # columns whose cell is a formula (never evaluated)


@dataclass(frozen=True)
class SourceTable:
    kind: str  # "csv" | "xlsx"
    sheet: str  # the sheet read ("" for CSV)
    columns: tuple[str, ...]
    rows: tuple[SourceRow, ...]


def check_header(header: list[str], place: str) -> None:
    """The same header rules for CSV and Excel: required columns, no unknown and no repeated ones."""
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ImportRefused(
            "The file's header lacks required columns.",
            [Problem(place, error_text("missing column '{0}'", c)) for c in missing],
        )
    unknown = [c for c in header if c not in NAMES]
    if unknown:
        raise ImportRefused(
            "The file's header has columns the tool does not know.",
            [
                Problem(place, error_text("unknown column '{0}' (expected: {1})", c, ", ".join(NAMES)))
                for c in unknown
            ],
        )
    repeated = sorted({c for c in header if header.count(c) > 1})
    if repeated:
        raise ImportRefused(
            "The file's header names a column twice; keep one of each.",
            [
                Problem(place, error_text("column '{0}' appears {1} times", c, header.count(c)))
                for c in repeated
            ],
        )
