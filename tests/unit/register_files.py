"""Register files for the import tests: workbooks laid out the way Excel writes them (shared strings, dates as
serial numbers with a date style, formulas as <f>), built from their XML so that odd ones (100,000 rows,
hidden sheets, merged cells, macros) cost no time to make."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.utils import get_column_letter

from transfer_tool.register import entities, register_search
from transfer_tool.storage.database import Database

HEADER = [
    "reference",
    "title",
    "exporter",
    "exporter_country",
    "importer",
    "importer_country",
    "destination",
    "data_categories",
    "purposes",
    "retention",
    "volume",
    "next_review",
]


def row(i: int, **over: object) -> list[object]:
    base: dict[str, object] = {
        "reference": f"XL-{i:05d}",
        "title": f"Payroll {i}",
        "exporter": "Net Japan",
        "exporter_country": "JP",
        "importer": f"Importer {i % 5}",
        "importer_country": "US",
        "destination": "US",
        "data_categories": "contact;financial",
        "purposes": "respond_requests",
        "retention": "1 year",
        "volume": 100 + i,
        "next_review": None,
    }
    base.update(over)
    return [base[h] for h in HEADER]


class Formula(str):
    """A cell written as a formula (<f>), as Excel stores `=SUM(A1:A2)`."""


_EPOCH = dt.date(1899, 12, 30)


def _cell(ref: str, value: object, strings: dict[str, int]) -> str:
    if value is None:
        return ""
    if isinstance(value, Formula):
        return f'<c r="{ref}"><f>{escape(value.lstrip("="))}</f><v>2</v></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="1"><v>{(value - _EPOCH).days}</v></c>'
    text = str(value)
    index = strings.setdefault(text, len(strings))
    return f'<c r="{ref}" t="s"><v>{index}</v></c>'


def _sheet_xml(rows: Iterable[Sequence[object]], strings: dict[str, int], merged: Sequence[str]) -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>'
    ]
    for r, values in enumerate(rows, start=1):
        cells = "".join(
            _cell(f"{get_column_letter(c)}{r}", v, strings) for c, v in enumerate(values, start=1)
        )
        out.append(f'<row r="{r}">{cells}</row>')
    out.append("</sheetData>")
    if merged:
        out.append(f'<mergeCells count="{len(merged)}">')
        out.extend(f'<mergeCell ref="{m}"/>' for m in merged)
        out.append("</mergeCells>")
    out.append("</worksheet>")
    return "".join(out)


def excel_workbook(
    sheets: Sequence[tuple[str, Iterable[Sequence[object]]]],
    *,
    hidden: Sequence[str] = (),
    merged: Sequence[str] = (),
    macros: bool = False,
    readings: dict[str, str] | None = None,
    runs: dict[str, Sequence[tuple[str, bool]]] | None = None,
) -> bytes:
    """An .xlsx package with Excel's parts: workbook, rels, content types, styles (a date style), shared
    strings, one worksheet per entry (the first gets `merged`). As Japanese Excel writes them, a shared
    string in `readings` carries its phonetic guide (furigana: <rPh> and <phoneticPr>, kept in the file
    but not part of the cell's text), and one in `runs` is rich text (runs of plain and bold)."""
    strings: dict[str, int] = {}
    sheet_xml = [_sheet_xml(rows, strings, merged if i == 0 else ()) for i, (_, rows) in enumerate(sheets)]
    ns = "http://schemas.openxmlformats.org"
    book_sheets = "".join(
        f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"'
        + (' state="hidden"' if name in hidden else "")
        + "/>"
        for i, (name, _) in enumerate(sheets, start=1)
    )
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{ns}/spreadsheetml/2006/main" '
        f'xmlns:r="{ns}/officeDocument/2006/relationships"><sheets>{book_sheets}</sheets></workbook>'
    )
    n = len(sheets)
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{ns}/officeDocument/2006/relationships/worksheet" '
        f'Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, n + 1)
    )
    rels += (
        f'<Relationship Id="rId{n + 1}" Type="{ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId{n + 2}" Type="{ns}/officeDocument/2006/relationships/sharedStrings" '
        'Target="sharedStrings.xml"/>'
    )
    main = (
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
        if macros
        else ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{main}"/>'
        + "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, n + 1)
        )
        + '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        "</Types>"
    )
    styles = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{ns}/spreadsheetml/2006/main">'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )

    def shared_string(text: str) -> str:
        if runs and text in runs:
            bold_run = '<rPr><b/><sz val="11"/></rPr>'
            body = "".join(
                f'<r>{bold_run if bold else ""}<t xml:space="preserve">{escape(t)}</t></r>'
                for t, bold in runs[text]
            )
            return f"<si>{body}</si>"
        reading = (readings or {}).get(text)
        if reading:
            return (
                f'<si><t>{escape(text)}</t><rPh sb="0" eb="{len(text)}"><t>{escape(reading)}</t></rPh>'
                '<phoneticPr fontId="1" type="noConversion"/></si>'
            )
        return f'<si><t xml:space="preserve">{escape(text)}</t></si>'

    shared = "".join(shared_string(s) for s in strings)
    shared_xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{ns}/spreadsheetml/2006/main" '
        f'count="{len(strings)}" uniqueCount="{len(strings)}">{shared}</sst>'
    )
    root_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", root_rels)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>',
        )
        z.writestr("xl/styles.xml", styles)
        z.writestr("xl/sharedStrings.xml", shared_xml)
        for i, xml in enumerate(sheet_xml, start=1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", xml)
        if macros:
            z.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 not a real VBA project")
    return buf.getvalue()


def register_state(db: Database) -> tuple[int, int]:
    """How many transfers and entities there are: an import that is refused changes neither."""
    return len(register_search.search_ids(db)), len(entities.list_entities(db))


def date_of(cell: Cell | MergedCell) -> dt.date:
    """The date an exported cell holds: a real Excel date (is_date), not text that reads as one."""
    assert isinstance(cell, Cell) and cell.is_date, cell
    assert isinstance(cell.value, dt.datetime), cell.value
    return cell.value.date()


def text_of(value: object) -> str:
    """A cell's value that must be text."""
    assert isinstance(value, str), value
    return value
